import { entryHash } from '../../src/modules/audit/audit-chain';
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
        for (const url of ['/api/audit', '/api/audit/verify']) {
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
      expect(update.hash).toMatch(/^[0-9a-f]{64}$/);
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
      // "to" is inclusive of the whole day.
      expect((await expectStatus(board.get(`/api/audit?to=${new Date().toISOString().slice(0, 10)}`), 200)).total).toBe(all);

      const page1 = await expectStatus(board.get('/api/audit?pageSize=2'), 200);
      const page2 = await expectStatus(board.get('/api/audit?pageSize=2&page=2'), 200);
      expect(page1).toMatchObject({ total: all, page: 1, pageSize: 2 });
      const idsInOrder = [...page1.items, ...page2.items].map((e: { id: string }) => Number(e.id));
      expect(idsInOrder).toEqual([...idsInOrder].sort((a, b) => b - a));

      const bad = await board.get('/api/audit?from=hôm-qua&blockId=abc');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['blockId', 'from']);
    });
  });

  describe('the hash chain', () => {
    const rows = async (): Promise<{ id: string; after: unknown }[]> => t.ds.query('SELECT id::text AS id, after FROM audit_entries ORDER BY audit_entries.id');
    const asSuperuser = async (sql: string, params: unknown[] = []) => {
      await t.ds.query('ALTER TABLE audit_entries DISABLE TRIGGER tr_audit_entries_append_only');
      try {
        await t.ds.query(sql, params);
      } finally {
        await t.ds.query('ALTER TABLE audit_entries ENABLE TRIGGER tr_audit_entries_append_only');
      }
    };

    it('the append-only trigger refuses a plain UPDATE or DELETE', async () => {
      const [{ id }] = await rows();
      await expect(t.ds.query(`UPDATE audit_entries SET reason = 'sửa lén' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.ds.query('DELETE FROM audit_entries WHERE id = $1', [id])).rejects.toThrow(/append-only/);
      expect((await t.ds.query('SELECT reason FROM audit_entries WHERE id = $1', [id]))[0].reason).not.toBe('sửa lén');
    });

    it('an intact chain verifies', async () => {
      const n = (await rows()).length;
      expect(n).toBeGreaterThan(10);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toEqual({ ok: true, checked: n, brokenAtId: null, problem: null });
      expect((await expectStatus(admin.get('/api/audit/verify'), 200)).ok).toBe(true);
    });

    it('a chain longer than one verification batch (2,000 rows) verifies, and a break in a later batch is found', async () => {
      // Continue the chain by hand, exactly as AuditService.record would, for 2,100 entries.
      const [{ hash: last }] = await t.ds.query('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1');
      const newIds: string[] = (await t.ds.query(`SELECT nextval(pg_get_serial_sequence('audit_entries','id'))::text AS id FROM generate_series(1, 2100)`)).map((r: { id: string }) => r.id);
      let prev: string = last;
      const cols: unknown[][] = [[], [], [], [], [], [], []];
      const start = Date.now() - 3_600_000;
      newIds.forEach((id, i) => {
        const f = { id, occurredAt: new Date(start + i).toISOString(), actorId: null, action: 'test.bulk', entityType: 'test', entityId: String(i), blockId: null, before: null, after: { i }, reason: '', prevHash: prev };
        const hash = entryHash(f);
        [id, f.occurredAt, f.entityId, JSON.stringify(f.after), prev, hash, 'Hệ thống'].forEach((v, k) => cols[k].push(v));
        prev = hash;
      });
      await t.ds.query(
        `INSERT INTO audit_entries (id, occurred_at, action, entity_type, entity_id, after, reason, prev_hash, hash, actor_name)
         OVERRIDING SYSTEM VALUE
         SELECT id::bigint, at::timestamptz, 'test.bulk', 'test', eid, aft::jsonb, '', ph, h, an
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(id, at, eid, aft, ph, h, an)`, cols);
      const all = await rows();
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toEqual({ ok: true, checked: all.length, brokenAtId: null, problem: null });
      // The app keeps appending to the same chain.
      await createUnit(board);
      expect((await expectStatus(board.get('/api/audit/verify'), 200)).ok).toBe(true);
      const victim = all[all.length - 50];
      await asSuperuser(`UPDATE audit_entries SET after = '{"i":-1}'::jsonb WHERE id = $1`, [victim.id]);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toEqual({ ok: false, checked: all.length - 50, brokenAtId: victim.id, problem: 'content' });
      await asSuperuser('UPDATE audit_entries SET after = $2::jsonb WHERE id = $1', [victim.id, JSON.stringify(victim.after)]);
      expect((await expectStatus(board.get('/api/audit/verify'), 200)).ok).toBe(true);
    });

    it('an edited row is reported by its id; putting it back repairs the chain', async () => {
      const all = await rows();
      const victim = all[Math.floor(all.length / 2)];
      await asSuperuser(`UPDATE audit_entries SET after = '{"phone":"đã bị sửa"}'::jsonb WHERE id = $1`, [victim.id]);
      const res = await expectStatus(board.get('/api/audit/verify'), 200);
      expect(res).toEqual({ ok: false, checked: all.findIndex((r) => r.id === victim.id), brokenAtId: victim.id, problem: 'content' });
      await asSuperuser('UPDATE audit_entries SET after = $2::jsonb WHERE id = $1', [victim.id, victim.after === null ? null : JSON.stringify(victim.after)]);
      expect((await expectStatus(board.get('/api/audit/verify'), 200)).ok).toBe(true);
    });

    it('a row rewritten together with its own hash is caught at the next link', async () => {
      const all = await rows();
      const i = Math.floor(all.length / 3);
      const [r] = await t.ds.query('SELECT id::text AS id, occurred_at, actor_id, action, entity_type, entity_id, block_id, before, after, reason, prev_hash, hash FROM audit_entries WHERE id = $1', [all[i].id]);
      const forged = { id: r.id, occurredAt: r.occurred_at.toISOString(), actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, blockId: r.block_id, before: r.before, after: { forged: true }, reason: r.reason, prevHash: r.prev_hash };
      await asSuperuser('UPDATE audit_entries SET after = $2::jsonb, hash = $3 WHERE id = $1', [r.id, JSON.stringify(forged.after), entryHash(forged)]);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toMatchObject({ ok: false, brokenAtId: all[i + 1].id, problem: 'link' });
      await asSuperuser('UPDATE audit_entries SET after = $2::jsonb, hash = $3 WHERE id = $1', [r.id, r.after === null ? null : JSON.stringify(r.after), r.hash]);
      expect((await expectStatus(board.get('/api/audit/verify'), 200)).ok).toBe(true);
    });

    it('a row deleted from the middle is reported at the row after it', async () => {
      const all = await rows();
      const i = Math.floor(all.length / 2);
      await asSuperuser('DELETE FROM audit_entries WHERE id = $1', [all[i].id]);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toEqual({ ok: false, checked: i, brokenAtId: all[i + 1].id, problem: 'link' });
    });
  });
});
