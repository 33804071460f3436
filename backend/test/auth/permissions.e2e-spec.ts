import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { createAccount, createBlock, createUnit, expectStatus, uniq } from '../factories';
import { DAY, newYear } from '../rounds/helpers';
import { buildScheme } from '../scoring/helpers';

/**
 * The rights the server sends the browser (MeDto.permissions, AccountDto.canManage, UnitDto.canUpdate) match what
 * the API allows: a true flag, and the write succeeds; a false flag, and the write is refused with 403.
 */
describe('permissions sent to the browser', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_;
  let lhp: string, dukcq: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head] = await Promise.all([DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead].map((e) => t.as(e)));
    const I = await ids(t.ds);
    lhp = await I.unit('Trường ĐTCB Lê Hồng Phong');
    dukcq = await I.unit('ĐUK các cơ quan TP');
  });
  afterAll(() => t.close());

  const permissionsOf = async (c: Client_) => (await expectStatus(c.get('/api/auth/me'), 200)).permissions;

  it('sends the whole set of flags, the same on sign-in as on /auth/me', async () => {
    const signIn = await expectStatus(t.http().post('/api/auth/sign-in').send({ email: DEMO.board, password: DEMO_PASSWORD }), 200);
    expect(signIn.permissions).toEqual(await permissionsOf(board));
    expect(Object.keys(await permissionsOf(member)).sort()).toEqual(
      ['appraiseDossiers', 'cityWide', 'editAwards', 'grantAdmin', 'manageAccounts', 'manageBlockYears', 'manageBlocks', 'manageUnits', 'readMailOutbox']);
  });

  it('cityWide, manageUnits, manageBlocks, manageBlockYears: true for the board and admins, who create them; false for units, refused', async () => {
    for (const c of [board, admin]) {
      expect(await permissionsOf(c)).toMatchObject({ cityWide: true, manageUnits: true, manageBlocks: true, manageBlockYears: true });
      const unit = await createUnit(c);
      const block = await createBlock(c);
      await expectStatus(c.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [unit.id] }), 201);
    }
    const block = await createBlock(board);
    const unit = await createUnit(board);
    for (const c of [member, head]) {
      expect(await permissionsOf(c)).toMatchObject({ cityWide: false, manageUnits: false, manageBlocks: false, manageBlockYears: false });
      await expectStatus(c.post('/api/units', { name: `Đơn vị lạ ${uniq()}`, shortName: 'Lạ' }), 403);
      await expectStatus(c.post('/api/blocks', { code: `K-${uniq()}`, name: `Khối lạ ${uniq()}`, kind: 'khoi' }), 403);
      await expectStatus(c.post('/api/block-years', { blockId: block.id, year: 2025, memberUnitIds: [unit.id] }), 403);
    }
  });

  it('manageAccounts and grantAdmin: admins create administrators, the board other accounts only, units none', async () => {
    expect(await permissionsOf(admin)).toMatchObject({ manageAccounts: true, grantAdmin: true });
    await createAccount(admin, { role: 'admin' });
    expect(await permissionsOf(board)).toMatchObject({ manageAccounts: true, grantAdmin: false });
    await createAccount(board, { role: 'board' });
    await expectStatus(board.post('/api/accounts', { fullName: 'Người thử', email: `qt.${uniq()}@thidua.vn`, role: 'admin', password: 'MatKhau2025' }), 403);
    for (const c of [member, head]) {
      expect(await permissionsOf(c)).toMatchObject({ manageAccounts: false, grantAdmin: false });
      await expectStatus(c.post('/api/accounts', { fullName: 'Người thử', email: `cb.${uniq()}@thidua.vn`, role: 'officer', unitId: lhp, password: 'MatKhau2025' }), 403);
    }
  });

  it('editAwards: the board records award history; units are refused', async () => {
    const unit = await createUnit(board);
    const record = { unitId: unit.id, year: 2024, code: 'city_merit', decisionNumber: '88/QĐ-UBND', decisionDate: '2025-02-10', signer: 'Chủ tịch UBND Thành phố' };
    expect((await permissionsOf(board)).editAwards).toBe(true);
    await expectStatus(board.post('/api/award-history', record), 201);
    for (const c of [member, head]) {
      expect((await permissionsOf(c)).editAwards).toBe(false);
      await expectStatus(c.post('/api/award-history', { ...record, year: 2023 }), 403);
    }
  });

  it('appraiseDossiers: the board sets the appraisal deadline; units are refused', async () => {
    expect((await permissionsOf(board)).appraiseDossiers).toBe(true);
    await expectStatus(board.patch('/api/proposals/settings?year=2031', { appraisalWorkingDays: 20 }), 200);
    for (const c of [member, head]) {
      expect((await permissionsOf(c)).appraiseDossiers).toBe(false);
      await expectStatus(c.patch('/api/proposals/settings?year=2031', { appraisalWorkingDays: 5 }), 403);
    }
  });

  it('readMailOutbox: admins only', async () => {
    expect((await permissionsOf(admin)).readMailOutbox).toBe(true);
    await expectStatus(admin.get('/api/mail/outbox?pageSize=1'), 200);
    for (const c of [board, member, head]) {
      expect((await permissionsOf(c)).readMailOutbox).toBe(false);
      await expectStatus(c.get('/api/mail/outbox?pageSize=1'), 403);
    }
  });

  describe('AccountDto.canManage', () => {
    const accountIn = async (c: Client_, id: string) => (await expectStatus(c.get(`/api/accounts/${id}`), 200));
    const rename = async (c: Client_, id: string, status: number) => {
      const a = await accountIn(admin, id);
      await expectStatus(c.patch(`/api/accounts/${id}`, { fullName: `Tên mới ${uniq()}`, version: a.version }), status);
    };

    it("is false on an administrator's account for the board, who is refused; true for admins, who edit it", async () => {
      const other = await createAccount(admin, { role: 'admin' });
      expect((await accountIn(board, other.id)).canManage).toBe(false);
      await rename(board, other.id, 403);
      expect((await accountIn(admin, other.id)).canManage).toBe(true);
      await rename(admin, other.id, 200);
    });

    it('is true on other accounts for the board, who edits them; the list says the same as the single account', async () => {
      const officer = await createAccount(board, { role: 'officer', unitId: lhp });
      expect((await accountIn(board, officer.id)).canManage).toBe(true);
      await rename(board, officer.id, 200);
      const page = await expectStatus(board.get(`/api/accounts?q=${encodeURIComponent(officer.email)}`), 200);
      expect(page.items.map((a: { canManage: boolean }) => a.canManage)).toEqual([true]);
      const admins = await expectStatus(board.get('/api/accounts?role=admin&pageSize=100'), 200);
      expect(admins.items.length).toBeGreaterThan(0);
      expect(admins.items.every((a: { canManage: boolean }) => !a.canManage)).toBe(true);
    });

    it("is false on their own unit's accounts for officers and heads, who are refused", async () => {
      const officer = await createAccount(board, { role: 'officer', unitId: lhp });
      for (const c of [member, head]) {
        expect((await accountIn(c, officer.id)).canManage).toBe(false);
        await rename(c, officer.id, 403);
      }
    });
  });

  describe('YearRightsDto (GET /api/block-years/:id/rights)', () => {
    const all = (v: boolean) => ({ convene: v, openRound: v, editScheme: v, assembleDossier: v });

    it('the leader seat may convene, draft the scheme, open a round and assemble the dossier, and does; a member unit and the board may not, refused', async () => {
      const f = await newYear(t);
      const leader = await t.as(f.acc.dukcq.officer);
      const others = [await t.as(f.acc.lhp.officer), await t.as(f.acc.lhp.head), board];
      const rightsOf = async (c: Client_) => expectStatus(c.get(`/api/block-years/${f.yearId}/rights`), 200);
      expect(await rightsOf(leader)).toEqual(all(true));
      for (const c of others) expect(await rightsOf(c)).toEqual(all(false));

      const scheme = await buildScheme(leader, f.yearId);
      const now = Date.now();
      const round = {
        blockYearId: f.yearId, schemeId: scheme.id, kind: 'year_end', title: 'Chấm điểm thi đua năm 2024 (thử)',
        selfAssessmentUntil: new Date(now + 10 * DAY).toISOString(), reviewUntil: new Date(now + 20 * DAY).toISOString(), explanationUntil: new Date(now + 30 * DAY).toISOString(),
      };
      const conference = {
        blockYearId: f.yearId, kind: 'year_end', title: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024',
        startsAt: '2025-01-10T08:00:00+07:00', endsAt: '2025-01-10T11:30:00+07:00', place: 'Hội trường đơn vị Khối trưởng', chairName: 'Nguyễn Văn A', secretaryName: 'Trần Thị B',
      };
      for (const c of others) {
        await expectStatus(c.post('/api/scoring-schemes', { blockYearId: f.yearId, title: 'Biểu chấm điểm lạ', totalMax: 100 }), 403);
        await expectStatus(c.post('/api/rounds', round), 403);
        await expectStatus(c.post('/api/conferences', conference), 403);
        await expectStatus(c.post('/api/proposals', { blockYearId: f.yearId }), 403);
      }
      await expectStatus(leader.post('/api/rounds', round), 201);
      await expectStatus(leader.post('/api/conferences', conference), 201);
      await expectStatus(leader.post('/api/proposals', { blockYearId: f.yearId }), 201);

      // An archived year: no right for anyone, and the write is refused.
      await t.ds.query(`UPDATE block_years SET status = 'archived' WHERE id = $1`, [f.yearId]);
      expect(await rightsOf(leader)).toEqual(all(false));
      expect((await leader.post('/api/conferences', conference)).status).toBe(409);
      expect((await leader.post('/api/scoring-schemes', { blockYearId: f.yearId, title: 'Biểu chấm điểm mới', totalMax: 100 })).status).toBe(409);
    });

    it('a year outside the block is 403, a missing one 404, a malformed id 400', async () => {
      const f = await newYear(t);
      await expectStatus(member.get(`/api/block-years/${f.yearId}/rights`), 403);
      await expectStatus(board.get('/api/block-years/00000000-0000-4000-8000-000000000000/rights'), 404);
      expect((await board.get('/api/block-years/not-a-uuid/rights')).body.fields).toHaveProperty('id');
    });
  });

  describe('UnitDto.canUpdate', () => {
    const version = async (id: string): Promise<number> => (await t.ds.query('SELECT version FROM units WHERE id = $1', [id]))[0].version;

    it("is true on their own unit for officers and heads, who edit its contact details; false on another unit, refused", async () => {
      for (const c of [member, head]) {
        expect((await expectStatus(c.get(`/api/units/${lhp}`), 200)).canUpdate).toBe(true);
        await expectStatus(c.patch(`/api/units/${lhp}`, { phone: '024 3823 0003', version: await version(lhp) }), 200);
        expect((await expectStatus(c.get(`/api/units/${dukcq}`), 200)).canUpdate).toBe(false);
        await expectStatus(c.patch(`/api/units/${dukcq}`, { phone: '024 0000 0000', version: await version(dukcq) }), 403);
      }
      const list = await expectStatus(member.get('/api/units?pageSize=200'), 200);
      expect(list.items.filter((u: { canUpdate: boolean }) => u.canUpdate).map((u: { id: string }) => u.id)).toEqual([lhp]);
    });

    it('is true on every unit for the board and admins, who edit any unit', async () => {
      for (const c of [board, admin]) {
        const list = await expectStatus(c.get('/api/units?pageSize=200'), 200);
        expect(list.items.every((u: { canUpdate: boolean }) => u.canUpdate)).toBe(true);
        await expectStatus(c.patch(`/api/units/${dukcq}`, { phone: '024 3826 0001', version: await version(dukcq) }), 200);
      }
    });
  });
});
