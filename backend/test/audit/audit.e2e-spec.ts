import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { auditCount, auditOf, createBlock, createBlockYear, createUnit, expectStatus, failAuditFor, uniq } from '../factories';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('audit', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head] = await Promise.all([DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead].map((e) => t.as(e)));
  });
  afterAll(() => t.close());

  describe('the change and its audit entry commit together or not at all', () => {
    it('a unit edit whose audit insert fails leaves the unit as it was', async () => {
      const unit = await createUnit(board);
      const before = await auditCount(t.ds);
      const undo = await failAuditFor(t.ds, 'unit.update');
      try {
        const res = await board.patch(`/api/units/${unit.id}`, { name: `Tên không được lưu ${uniq()}`, phone: '024 9999 9999', version: unit.version });
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('internal_error');
      } finally {
        await undo();
      }
      const [row] = await t.ds.query('SELECT name, phone, version FROM units WHERE id = $1', [unit.id]);
      expect(row).toEqual({ name: unit.name, phone: '', version: unit.version });
      expect(await auditCount(t.ds)).toBe(before);
      // With the audit working again, the very same request (same version) goes through, with its entry.
      await expectStatus(board.patch(`/api/units/${unit.id}`, { phone: '024 9999 9999', version: unit.version }), 200);
      expect((await auditOf(t.ds, 'unit', unit.id)).map((e) => e.action)).toEqual(['unit.create', 'unit.update']);
    });

    it('a block-year change of members and seats whose audit insert fails leaves members, seats and version', async () => {
      const { units, year } = await createBlockYear(board, { units: 3 });
      const extra = await createUnit(board);
      const membersBefore = (await t.ds.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1 ORDER BY unit_id', [year.id])).map((r: { unit_id: string }) => r.unit_id);
      const before = await auditCount(t.ds);
      const undo = await failAuditFor(t.ds, 'block_year.update');
      try {
        const res = await board.patch(`/api/block-years/${year.id}`, {
          memberUnitIds: [units[1].id, units[2].id, extra.id], leaderUnitId: extra.id, status: 'planning', version: year.version,
        });
        expect(res.status).toBe(500);
      } finally {
        await undo();
      }
      const [row] = await t.ds.query('SELECT leader_unit_id, status, version FROM block_years WHERE id = $1', [year.id]);
      expect(row).toEqual({ leader_unit_id: units[0].id, status: 'setup', version: year.version });
      const membersAfter = (await t.ds.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1 ORDER BY unit_id', [year.id])).map((r: { unit_id: string }) => r.unit_id);
      expect(membersAfter).toEqual(membersBefore);
      expect(await auditCount(t.ds)).toBe(before);
    });

    it('a block or account create whose audit insert fails creates nothing', async () => {
      const code = `TX-${uniq()}`;
      const email = `tx.${uniq()}@thidua.vn`;
      const before = await auditCount(t.ds);
      const undoBlock = await failAuditFor(t.ds, 'block.create');
      const undoAccount = await failAuditFor(t.ds, 'account.create');
      try {
        expect((await board.post('/api/blocks', { code, name: 'Khối không được tạo', kind: 'khoi' })).status).toBe(500);
        expect((await admin.post('/api/accounts', { fullName: 'Không được tạo', email, role: 'board', password: 'MatKhau2025' })).status).toBe(500);
      } finally {
        await undoBlock();
        await undoAccount();
      }
      expect(await t.ds.query('SELECT 1 FROM blocks WHERE code = $1', [code])).toHaveLength(0);
      expect(await t.ds.query('SELECT 1 FROM accounts WHERE email = $1', [email])).toHaveLength(0);
      expect(await auditCount(t.ds)).toBe(before);
    });

    it('a block-year update refused after the row lock (leader left out of the members) writes neither', async () => {
      const { units, year } = await createBlockYear(board, { units: 3 });
      const before = await auditCount(t.ds);
      const res = await board.patch(`/api/block-years/${year.id}`, {
        legalBasis: [], memberUnitIds: [units[1].id, units[2].id], status: 'planning', version: year.version,
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(['leaderUnitId']);
      const now = await expectStatus(board.get(`/api/block-years/${year.id}`), 200);
      expect(now).toMatchObject({ status: 'setup', version: year.version, legalBasis: year.legalBasis });
      expect(now.members).toHaveLength(3);
      expect(await auditCount(t.ds)).toBe(before);
    });
  });

  describe('reading the log', () => {
    it('only the board and admins read the log or verify the chain', async () => {
      for (const c of [member, head]) {
        for (const url of ['/api/audit', '/api/audit/verify', '/api/audit/checkpoints', '/api/audit/proofs?entryId=1']) {
          const res = await c.get(url);
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('forbidden');
        }
      }
      await expectStatus(admin.get('/api/audit'), 200);
      expect((await t.http().get('/api/audit')).status).toBe(401);
    });

    it('shows who, when, what, old → new and why', async () => {
      const unit = await createUnit(board);
      await expectStatus(board.patch(`/api/units/${unit.id}`, { address: '47 Hàng Dầu', version: unit.version }), 200);
      await expectStatus(board.post(`/api/units/${unit.id}/archive`, { reason: 'Hợp nhất đơn vị' }), 201);
      const body = await expectStatus(board.get(`/api/audit?entityType=unit&entityId=${unit.id}`), 200);
      expect(body.total).toBe(3);
      expect(body.items.map((e: { action: string }) => e.action)).toEqual(['unit.archive', 'unit.update', 'unit.create']);
      const [archive, update] = body.items;
      expect(update).toMatchObject({ actorId: board.me.id, actorName: 'Lê Thu Trang', entityType: 'unit', entityId: unit.id, before: { address: '' }, after: { address: '47 Hàng Dầu' }, reason: '' });
      expect(archive).toMatchObject({ reason: 'Hợp nhất đơn vị', before: { archivedAt: null } });
      expect(Date.parse(update.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('filters by entity type, action prefix, block, actor and dates, and pages newest first', async () => {
      const { block, year } = await createBlockYear(board);
      await expectStatus(board.patch(`/api/block-years/${year.id}`, { status: 'planning', version: year.version }), 200);
      await createBlock(admin);
      const all = (await t.ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n;

      const units = await expectStatus(board.get('/api/audit?entityType=unit&pageSize=200'), 200);
      expect(units.total).toBe((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'unit'`))[0].n);
      expect(units.items.every((e: { entityType: string }) => e.entityType === 'unit')).toBe(true);

      const blockActions = await expectStatus(board.get('/api/audit?action=block.&pageSize=200'), 200);
      expect(blockActions.total).toBeGreaterThan(0);
      expect(blockActions.items.every((e: { action: string }) => e.action.startsWith('block.'))).toBe(true);
      const both = await expectStatus(board.get('/api/audit?action=block&pageSize=200'), 200);
      expect(new Set(both.items.map((e: { action: string }) => e.action.split('.')[0]))).toEqual(new Set(['block', 'block_year']));
      // The prefix is literal: "_" is not a wildcard.
      expect((await expectStatus(board.get('/api/audit?action=uni_'), 200)).total).toBe(0);

      const ofBlock = await expectStatus(board.get(`/api/audit?blockId=${block.id}`), 200);
      expect(ofBlock.items.map((e: { action: string }) => e.action)).toEqual(['block_year.update', 'block_year.create', 'block.create']);
      const byAdmin = await expectStatus(board.get(`/api/audit?actorId=${admin.me.id}&pageSize=200`), 200);
      expect(byAdmin.total).toBeGreaterThan(0);
      expect(byAdmin.items.every((e: { actorId: string }) => e.actorId === admin.me.id)).toBe(true);

      expect((await expectStatus(board.get(`/api/audit?from=${day(-1)}&to=${day(1)}`), 200)).total).toBe(all);
      expect((await expectStatus(board.get(`/api/audit?from=${day(-1)}`), 200)).total).toBe(all);
      expect((await expectStatus(board.get(`/api/audit?from=${day(2)}`), 200)).total).toBe(0);
      expect((await expectStatus(board.get(`/api/audit?to=${day(-2)}`), 200)).total).toBe(0);
      expect((await expectStatus(board.get('/api/audit?from=2000-01-01&to=2000-12-31'), 200)).total).toBe(0);
      // "to" is inclusive of the whole day, as the day is in Vietnam.
      expect((await expectStatus(board.get(`/api/audit?to=${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)}`), 200)).total).toBe(all);

      const page1 = await expectStatus(board.get('/api/audit?pageSize=2'), 200);
      const page2 = await expectStatus(board.get('/api/audit?pageSize=2&page=2'), 200);
      expect(page1).toMatchObject({ total: all, page: 1, pageSize: 2 });
      const idsInOrder = [...page1.items, ...page2.items].map((e: { id: string }) => Number(e.id));
      expect(idsInOrder).toEqual([...idsInOrder].sort((a, b) => b - a));

      const bad = await board.get('/api/audit?from=hôm-qua&blockId=abc');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['blockId', 'from']);
    });

    // After the test above, which counts every entry as made today.
    it('takes the dates of the filter as days in Vietnam (UTC+7)', async () => {
      // 18:30 UTC on 01/03/2025 is 01:30 on 02/03/2025 in Hà Nội.
      const id = `vn-day-${Date.now()}`;
      await t.ds.query(`INSERT INTO audit_entries (occurred_at, actor_name, action, entity_type, entity_id, reason) VALUES ('2025-03-01T18:30:00Z', 'Hệ thống', 'test.vn_day', 'test', $1, '')`, [id]);
      const count = async (dates: string) => (await expectStatus(board.get(`/api/audit?entityId=${id}&${dates}`), 200)).total;
      expect(await count('from=2025-03-02&to=2025-03-02')).toBe(1);
      expect(await count('to=2025-03-01')).toBe(0);
      expect(await count('from=2025-03-03')).toBe(0);
      expect(await count('from=2025-03-01&to=2025-03-01')).toBe(0);
    });
  });
});
