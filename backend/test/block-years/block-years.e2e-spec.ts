import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, createBlock, createBlockYear, createUnit, expectStatus } from '../factories';

const MISSING = '00000000-0000-4000-8000-000000000000';
const NEW_INSTRUMENT = { number: '15/KH-KTĐ4', date: '2024-02-20', title: 'Kế hoạch phát động phong trào thi đua năm 2024 của Khối thi đua số 4' };

describe('block years', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_, leader: Client_, nextLeader: Client_, other: Client_;
  let y2024: string, y2025: string, k1y2024: string, k4: string;
  let lhp: string, dukcq: string, dukdn: string, snv: string;

  const current = async (id: string) => expectStatus(board.get(`/api/block-years/${id}`), 200);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head, leader, nextLeader, other] = await Promise.all(
      [DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead, DEMO.leaderOfficer, DEMO.nextLeaderOfficer, DEMO.otherBlockOfficer].map((e) => t.as(e)));
    const I = await ids(t.ds);
    y2024 = await I.blockYear('KTĐ4', 2024);
    y2025 = await I.blockYear('KTĐ4', 2025);
    k1y2024 = await I.blockYear('KTĐ1', 2024);
    k4 = await I.block('KTĐ4');
    lhp = await I.unit('Trường ĐTCB Lê Hồng Phong');
    dukcq = await I.unit('ĐUK các cơ quan TP');
    dukdn = await I.unit('ĐUK Doanh nghiệp');
    snv = await I.unit('Sở Nội vụ');
  });
  afterAll(() => t.close());

  describe('scope: who sees which block year', () => {
    it('board and admin list every year; an officer lists only their own block’s years', async () => {
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM block_years');
      for (const c of [board, admin]) expect(await expectStatus(c.get('/api/block-years'), 200)).toHaveLength(n);
      for (const c of [member, head, leader]) {
        const list = await expectStatus(c.get('/api/block-years'), 200);
        expect(list.map((y: { blockName: string; year: number }) => `${y.blockName} ${y.year}`)).toEqual(['Khối thi đua số 4 2025', 'Khối thi đua số 4 2024']);
      }
      const k1 = await expectStatus(other.get('/api/block-years'), 200);
      expect(new Set(k1.map((y: { blockName: string }) => y.blockName))).toEqual(new Set(['Khối thi đua số 1']));
      // Filtering on another block gives nothing.
      expect(await expectStatus(member.get(`/api/block-years?blockId=${await (await ids(t.ds)).block('KTĐ1')}`), 200)).toEqual([]);
    });

    it('an officer reads their block’s year, with permissions; another block’s year is 403', async () => {
      const own = await expectStatus(member.get(`/api/block-years/${y2024}`), 200);
      expect(own).toMatchObject({ blockCode: 'KTĐ4', year: 2024, leaderUnitId: dukcq, deputyUnitId: dukdn, permissions: { canManage: false, seat: null, canEditRules: false } });
      expect(own.members).toHaveLength(5);
      for (const [c, id] of [[member, k1y2024], [head, k1y2024], [leader, k1y2024], [other, y2024], [other, y2025]] as const) {
        const res = await c.get(`/api/block-years/${id}`);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      const asBoard = await current(y2024);
      expect(asBoard.permissions).toEqual({ canManage: true, seat: null, canEditRules: true });
    });

    it('officers, unit heads and even the leader unit may not set up a block year', async () => {
      const unit = await createUnit(board);
      const block = await createBlock(board);
      for (const c of [member, head, leader, nextLeader, other]) {
        const res = await c.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [unit.id] });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      expect(await t.ds.query('SELECT 1 FROM block_years WHERE block_id = $1', [block.id])).toHaveLength(0);
    });

    it('an officer of another block or a plain member may not edit a year; setup fields are the board’s alone', async () => {
      const y = await current(y2025);
      for (const c of [other, member, head]) {
        const res = await c.patch(`/api/block-years/${y2025}`, { legalBasis: [NEW_INSTRUMENT], version: y.version });
        expect(res.status).toBe(403);
      }
      // The 2025 leader holds a seat but may not change members, seats or status.
      for (const body of [{ status: 'signed' }, { leaderUnitId: lhp }, { deputyUnitId: null }, { memberUnitIds: y.members.map((m: { unitId: string }) => m.unitId) }]) {
        const res = await nextLeader.patch(`/api/block-years/${y2025}`, { ...body, version: y.version });
        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(/Chỉ Ban Thi đua/);
      }
      expect((await current(y2025)).version).toBe(y.version);
    });
  });

  describe('leader rights follow the seat', () => {
    it('the 2024 leader edits 2024 only while drafting; 2025 is the 2025 leader’s; moving the seat moves the rights', async () => {
      // 2024 is done (the council decided its dossier): the leader's seat is there, but the rules are adopted.
      let y24 = await expectStatus(leader.get(`/api/block-years/${y2024}`), 200);
      expect(y24.status).toBe('decided');
      expect(y24.permissions).toEqual({ canManage: false, seat: 'leader', canEditRules: false });
      const adopted = await leader.patch(`/api/block-years/${y2024}`, { legalBasis: [...y24.legalBasis, NEW_INSTRUMENT], version: y24.version });
      expect(adopted.status).toBe(409);
      expect(adopted.body.code).toBe('rules_adopted');

      // The board reopens planning.
      y24 = await expectStatus(board.patch(`/api/block-years/${y2024}`, { status: 'planning', reason: 'Mở lại để bổ sung căn cứ', version: y24.version }), 200);
      expect(y24.status).toBe('planning');
      expect((await expectStatus(leader.get(`/api/block-years/${y2024}`), 200)).permissions).toEqual({ canManage: false, seat: 'leader', canEditRules: true });

      // The 2024 leader unit's officer updates the legal basis of 2024; its rules were adopted at the launch
      // conference, so they change only through a new adopted version.
      y24 = await expectStatus(leader.patch(`/api/block-years/${y2024}`, { legalBasis: [...y24.legalBasis, NEW_INSTRUMENT], version: y24.version }), 200);
      expect(y24.legalBasis.at(-1)).toEqual(NEW_INSTRUMENT);
      const rulesAdopted = await leader.patch(`/api/block-years/${y2024}`, { rules: { ...y24.rules, reviewsPerUnit: 3 }, version: y24.version });
      expect(rulesAdopted.status).toBe(409);
      expect(rulesAdopted.body.code).toBe('rules_adopted');
      // The unit head of the leader unit holds the same seat.
      const headDukcq = await t.as('thutruong.dukcq@thidua.vn');
      y24 = await expectStatus(headDukcq.patch(`/api/block-years/${y2024}`, { legalBasis: y24.legalBasis.slice(0, -1), version: y24.version }), 200);
      const last = (await auditOf(t.ds, 'block_year', y2024)).at(-1)!;
      expect(last).toMatchObject({ action: 'block_year.update', after: { legalBasis: y24.legalBasis } });
      expect(last.actor_id).toBe(headDukcq.me.id);

      // 2025 is not theirs: another unit leads it.
      let y25 = await expectStatus(leader.get(`/api/block-years/${y2025}`), 200);
      expect(y25.permissions).toEqual({ canManage: false, seat: null, canEditRules: false });
      const notTheirs = await leader.patch(`/api/block-years/${y2025}`, { legalBasis: [NEW_INSTRUMENT], version: y25.version });
      expect(notTheirs.status).toBe(403);
      // The 2025 leader edits 2025.
      expect(y25.status).toBe('planning');
      y25 = await expectStatus(nextLeader.patch(`/api/block-years/${y2025}`, { legalBasis: [...y25.legalBasis, { ...NEW_INSTRUMENT, date: '2025-02-20' }], version: y25.version }), 200);
      expect(y25.legalBasis).toHaveLength(5);
      // 2025's rules are still a draft: its leader changes the rule set, audited with the reason.
      y25 = await expectStatus(nextLeader.patch(`/api/block-years/${y2025}`, { rules: { ...y25.rules, reviewsPerUnit: 3 }, reason: 'Theo hội nghị', version: y25.version }), 200);
      expect(y25.rules.reviewsPerUnit).toBe(3);
      const last25 = (await auditOf(t.ds, 'block_year', y2025)).at(-1)!;
      expect(last25).toMatchObject({ action: 'block_year.update', reason: 'Theo hội nghị', before: { rules: { reviewsPerUnit: 2 } }, after: { rules: { reviewsPerUnit: 3 } } });
      expect(last25.actor_id).toBe(nextLeader.me.id);
      expect((await expectStatus(nextLeader.get(`/api/block-years/${y2025}`), 200)).permissions).toEqual({ canManage: false, seat: 'leader', canEditRules: true });

      // The seats as /auth/me reports them before the move.
      const seatsOf = async (c: Client_) => (await expectStatus(c.get('/api/auth/me'), 200)).seats.map((s: { year: number; seat: string; blockYearId: string }) => `${s.year}:${s.seat}:${s.blockYearId}`);
      expect(await seatsOf(leader)).toEqual([`2024:leader:${y2024}`]);
      expect(await seatsOf(member)).toEqual([]);
      expect(await seatsOf(nextLeader)).toEqual([`2025:leader:${y2025}`, `2024:deputy:${y2024}`]);

      // The board moves the 2024 leader seat to Trường ĐTCB Lê Hồng Phong; the same signed-in people act again.
      y24 = await expectStatus(board.patch(`/api/block-years/${y2024}`, { leaderUnitId: lhp, reason: 'Luân phiên khối trưởng', version: y24.version }), 200);
      expect(y24).toMatchObject({ leaderUnitId: lhp, leaderUnitName: 'Trường Đào tạo cán bộ Lê Hồng Phong' });
      const seatAudit = (await auditOf(t.ds, 'block_year', y2024)).at(-1)!;
      expect(seatAudit).toMatchObject({ reason: 'Luân phiên khối trưởng', before: { leaderUnitId: dukcq }, after: { leaderUnitId: lhp } });

      const oldLeader = await leader.patch(`/api/block-years/${y2024}`, { legalBasis: y24.legalBasis.slice(0, 3), version: y24.version });
      expect(oldLeader.status).toBe(403);
      expect((await headDukcq.patch(`/api/block-years/${y2024}`, { legalBasis: y24.legalBasis.slice(0, 3), version: y24.version })).status).toBe(403);
      expect((await expectStatus(leader.get(`/api/block-years/${y2024}`), 200)).permissions).toEqual({ canManage: false, seat: null, canEditRules: false });
      expect(await seatsOf(leader)).toEqual([]);

      expect((await expectStatus(member.get(`/api/block-years/${y2024}`), 200)).permissions).toEqual({ canManage: false, seat: 'leader', canEditRules: true });
      expect(await seatsOf(member)).toEqual([`2024:leader:${y2024}`]);
      y24 = await expectStatus(member.patch(`/api/block-years/${y2024}`, { legalBasis: y24.legalBasis.slice(0, 3), version: y24.version }), 200);
      expect(y24.legalBasis).toHaveLength(3);
      await expectStatus(head.patch(`/api/block-years/${y2024}`, { legalBasis: y24.legalBasis.slice(0, 2), version: y24.version }), 200);
      // …for 2024 only: 2025 is still led by ĐUK Doanh nghiệp.
      const y25now = await current(y2025);
      expect((await member.patch(`/api/block-years/${y2025}`, { legalBasis: [NEW_INSTRUMENT], version: y25now.version })).status).toBe(403);

      // Once the rules are adopted again, even the seat may not change them.
      const signed = await expectStatus(board.patch(`/api/block-years/${y2024}`, { status: 'signed', version: (await current(y2024)).version }), 200);
      expect((await expectStatus(member.get(`/api/block-years/${y2024}`), 200)).permissions.canEditRules).toBe(false);
      const late = await member.patch(`/api/block-years/${y2024}`, { rules: { ...signed.rules, reviewsPerUnit: 5 }, version: signed.version });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('rules_adopted');
    });
  });

  describe('setting up a year', () => {
    it('board creates a year with members and seats; the audit entry holds what was set', async () => {
      const block = await createBlock(board);
      const units = [await createUnit(board), await createUnit(board), await createUnit(board)];
      const memberUnitIds = units.map((u) => u.id);
      const y = await expectStatus(board.post('/api/block-years', { blockId: block.id, year: 2024, memberUnitIds, leaderUnitId: units[2].id, deputyUnitId: units[0].id }), 201);
      expect(y).toMatchObject({ blockId: block.id, year: 2024, status: 'setup', leaderUnitId: units[2].id, deputyUnitId: units[0].id, version: 1 });
      expect(y.members.map((m: { unitId: string }) => m.unitId).sort()).toEqual([...memberUnitIds].sort());
      // Defaults: the legal basis in force for 2024 and the default rule set.
      expect(y.legalBasis.map((i: { number: string }) => i.number)).toEqual(['06/2022/QH15', '98/2023/NĐ-CP', '01/2024/TT-BNV', '32/2024/QĐ-UBND']);
      expect(y.rules).toMatchObject({ quorumNumerator: 2, quorumDenominator: 3, reviewsPerUnit: 2, scoringScaleMax: 100 });
      const [entry] = await auditOf(t.ds, 'block_year', y.id);
      expect(entry).toMatchObject({ action: 'block_year.create', before: null, after: { year: 2024, memberUnitIds: [...memberUnitIds].sort(), leaderUnitId: units[2].id, deputyUnitId: units[0].id } });
      expect(entry.after.rules.quorumNumerator).toBe(2);
      // The block's summary now shows the year.
      expect(await expectStatus(board.get(`/api/blocks/${block.id}`), 200)).toMatchObject({ latestYear: 2024, memberCount: 3 });
    });

    it('a new year copies the previous year’s rule set unless one is given', async () => {
      const { block, units, year } = await createBlockYear(board, { year: 2025 });
      await expectStatus(board.patch(`/api/block-years/${year.id}`, { rules: { ...year.rules, reviewsPerUnit: 4, scoringScaleMax: 1000 }, version: year.version }), 200);
      const next = await expectStatus(admin.post('/api/block-years', { blockId: block.id, year: 2026, memberUnitIds: units.map((u) => u.id) }), 201);
      expect(next.rules).toMatchObject({ reviewsPerUnit: 4, scoringScaleMax: 1000 });
      expect(next.legalBasis.map((i: { number: string }) => i.number)).toContain('152/2025/NĐ-CP');
      expect(next).toMatchObject({ leaderUnitId: null, deputyUnitId: null });
    });

    it('board changes members and seats; the audit records the member list before and after', async () => {
      const { units, year } = await createBlockYear(board, { units: 3 });
      const extra = await createUnit(board);
      const ids4 = [...units.map((u) => u.id), extra.id];
      const y = await expectStatus(board.patch(`/api/block-years/${year.id}`, { memberUnitIds: ids4, deputyUnitId: extra.id, version: year.version }), 200);
      expect(y.members).toHaveLength(4);
      expect(y.deputyUnitId).toBe(extra.id);
      const last = (await auditOf(t.ds, 'block_year', year.id)).at(-1)!;
      expect(last.before).toEqual({ deputyUnitId: units[1].id, memberUnitIds: units.map((u) => u.id).sort() });
      expect(last.after).toEqual({ deputyUnitId: extra.id, memberUnitIds: [...ids4].sort() });
    });

    it('sending back the same rules and legal basis in another key order changes nothing', async () => {
      const { year } = await createBlockYear(board);
      const before = (await auditOf(t.ds, 'block_year', year.id)).length;
      const reorder = (o: Record<string, unknown>): Record<string, unknown> =>
        Object.fromEntries(Object.entries(o).reverse().map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? reorder(v as Record<string, unknown>) : v]));
      const same = await expectStatus(board.patch(`/api/block-years/${year.id}`, {
        rules: reorder(year.rules), legalBasis: year.legalBasis.map(reorder), version: year.version,
      }), 200);
      expect(same.version).toBe(year.version);
      expect(await auditOf(t.ds, 'block_year', year.id)).toHaveLength(before);
    });
  });

  describe('validation and errors', () => {
    it('create with nothing names blockId, year and memberUnitIds', async () => {
      const res = await board.post('/api/block-years', {});
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', fields: { blockId: 'là bắt buộc', year: 'là bắt buộc', memberUnitIds: 'là bắt buộc' } });
      expect(Object.keys(res.body.fields).sort()).toEqual(['blockId', 'memberUnitIds', 'year']);
    });

    it('bad values in nested rules and legal basis are named by their path', async () => {
      const { rules } = await expectStatus(board.get('/api/block-years/defaults?year=2025'), 200);
      const res = await board.post('/api/block-years', {
        blockId: k4, year: 1999, memberUnitIds: ['x'],
        rules: { ...rules, quorumDenominator: 0, voteThresholdBase: 'all', quotas: { ...rules.quotas, city_flag: { kind: 'count', value: 101 } } },
        legalBasis: [{ number: '', date: '15/06/2022', title: 'Luật' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({
        year: 'phải lớn hơn hoặc bằng 2000',
        memberUnitIds: 'không phải mã định danh hợp lệ',
        'rules.quorumDenominator': 'phải lớn hơn hoặc bằng 1',
        'rules.voteThresholdBase': 'có giá trị không được phép',
        'rules.quotas.city_flag.value': 'phải nhỏ hơn hoặc bằng 100',
        'legalBasis.0.number': 'không được để trống',
        'legalBasis.0.date': 'phải là ngày hợp lệ (yyyy-mm-dd)',
      });
      const dupMembers = await board.post('/api/block-years', { blockId: k4, year: 2030, memberUnitIds: [lhp, lhp] });
      expect(dupMembers.body.fields).toEqual({ memberUnitIds: 'không được có phần tử trùng nhau' });
      const quorum = await board.post('/api/block-years', { blockId: k4, year: 2030, memberUnitIds: [], rules: { ...rules, quorumNumerator: 4, quorumDenominator: 3 } });
      expect(quorum.status).toBe(400);
      expect(Object.keys(quorum.body.fields)).toEqual(['rules.quorumNumerator']);
    });

    it('an unknown block, a duplicate year, unknown or archived members', async () => {
      const unknownBlock = await board.post('/api/block-years', { blockId: MISSING, year: 2025, memberUnitIds: [] });
      expect(unknownBlock.status).toBe(400);
      expect(Object.keys(unknownBlock.body.fields)).toEqual(['blockId']);
      const dup = await board.post('/api/block-years', { blockId: k4, year: 2024, memberUnitIds: [] });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'duplicate_year', fields: { year: 'đã được thiết lập' } });
      const block = await createBlock(board);
      const missingUnit = await board.post('/api/block-years', { blockId: block.id, year: 2027, memberUnitIds: [MISSING] });
      expect(missingUnit.status).toBe(400);
      expect(Object.keys(missingUnit.body.fields)).toEqual(['memberUnitIds']);
      const gone = await createUnit(board);
      await expectStatus(board.post(`/api/units/${gone.id}/archive`, {}), 201);
      const archived = await board.post('/api/block-years', { blockId: block.id, year: 2027, memberUnitIds: [gone.id] });
      expect(archived.status).toBe(400);
      expect(archived.body.fields.memberUnitIds).toMatch(/đã lưu trữ/);
    });

    it('a unit in two blocks the same year is a 409 unit_in_other_block, on create and on update', async () => {
      const block = await createBlock(board);
      const fresh = await createUnit(board);
      const res = await board.post('/api/block-years', { blockId: block.id, year: 2024, memberUnitIds: [fresh.id, lhp] });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'unit_in_other_block', fields: { memberUnitIds: 'có đơn vị đã thuộc khối khác trong năm' } });
      expect(res.body.message).toContain('Trường Đào tạo cán bộ Lê Hồng Phong đã thuộc Khối thi đua số 4 năm 2024');
      // The same unit in another year is fine.
      await expectStatus(board.post('/api/block-years', { blockId: block.id, year: 2023, memberUnitIds: [fresh.id, lhp] }), 201);
      // Adding Sở Nội vụ (Khối 1 in 2024) to Khối 4's 2024.
      const y = await current(y2024);
      const upd = await board.patch(`/api/block-years/${y2024}`, { memberUnitIds: [...y.members.map((m: { unitId: string }) => m.unitId), snv], version: y.version });
      expect(upd.status).toBe(409);
      expect(upd.body.code).toBe('unit_in_other_block');
      expect((await current(y2024)).members).toHaveLength(5);
    });

    it('a leader or deputy who is not a member is a 400 naming the seat', async () => {
      const block = await createBlock(board);
      const [a, b] = [await createUnit(board), await createUnit(board)];
      const res = await board.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [a.id], leaderUnitId: b.id });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', fields: { leaderUnitId: 'phải là một đơn vị thành viên của khối trong năm' } });
      const deputy = await board.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [a.id], leaderUnitId: a.id, deputyUnitId: b.id });
      expect(Object.keys(deputy.body.fields)).toEqual(['deputyUnitId']);
      const same = await board.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [a.id, b.id], leaderUnitId: a.id, deputyUnitId: a.id });
      expect(same.status).toBe(400);
      expect(same.body.fields).toEqual({ deputyUnitId: 'phải khác đơn vị khối trưởng' });
      // Removing the leader unit from the members without moving the seat.
      const { units, year } = await createBlockYear(board);
      const upd = await board.patch(`/api/block-years/${year.id}`, { memberUnitIds: units.slice(1).map((u) => u.id), version: year.version });
      expect(upd.status).toBe(400);
      expect(Object.keys(upd.body.fields)).toEqual(['leaderUnitId']);
    });

    it('unknown field, malformed id, missing year, stale version', async () => {
      const y = await current(y2025);
      const unknown = await board.patch(`/api/block-years/${y2025}`, { year: 2026, version: y.version });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual({ year: 'không được phép gửi lên' });
      const bad = await member.get('/api/block-years/2024');
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual({ id: 'không phải mã định danh hợp lệ' });
      expect((await board.get(`/api/block-years/${MISSING}`)).status).toBe(404);
      const missing = await board.patch(`/api/block-years/${MISSING}`, { status: 'planning', version: 1 });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe('Không tìm thấy năm thi đua của khối.');
      const stale = await board.patch(`/api/block-years/${y2025}`, { status: 'planning', legalBasis: [], version: y.version - 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await current(y2025)).legalBasis.length).toBeGreaterThan(0);
    });

    it('an archived year is read-only for everyone, the board included', async () => {
      const { units, year } = await createBlockYear(board);
      const leaderOfIt = await t.as((await createAccountFor(units[0].id)).email, 'MatKhau2025');
      const archived = await expectStatus(board.patch(`/api/block-years/${year.id}`, { status: 'archived', reason: 'Kết thúc năm', version: year.version }), 200);
      expect(archived.permissions).toEqual({ canManage: true, seat: null, canEditRules: false });
      expect((await expectStatus(leaderOfIt.get(`/api/block-years/${year.id}`), 200)).permissions).toEqual({ canManage: false, seat: 'leader', canEditRules: false });
      for (const body of [{ status: 'planning' }, { legalBasis: [] }, { deputyUnitId: null }, { rules: { ...archived.rules, reviewsPerUnit: 1 } }]) {
        const res = await board.patch(`/api/block-years/${year.id}`, { ...body, version: archived.version });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('archived');
      }
      expect((await leaderOfIt.patch(`/api/block-years/${year.id}`, { legalBasis: [], version: archived.version })).status).toBe(409);
      const after = await current(year.id);
      expect(after).toMatchObject({ status: 'archived', version: archived.version, legalBasis: archived.legalBasis });
    });
  });

  async function createAccountFor(unitId: string) {
    const email = `canbo.${unitId.slice(0, 8)}@thidua.vn`;
    return expectStatus(admin.post('/api/accounts', { fullName: 'Cán bộ thử', email, role: 'officer', unitId, password: 'MatKhau2025' }), 201);
  }
});
