import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus, failAuditFor } from '../factories';
import { K4 } from '../scoring/helpers';

/** The award catalogue per year: defaults on first read, read by everyone signed in, kept by the board. */
describe('award catalogue', () => {
  let t: TestApp;
  const YEAR = 2031; // a year no demo seed touches
  const rows = (year: number) => t.ds.query('SELECT code, version, block_quota_kind, block_quota_value::float8 AS v, city_quota, bonus_points::float8 AS bonus FROM award_types WHERE year = $1 ORDER BY sort', [year]);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a year\'s catalogue from the defaults on its first read, once, and lets every signed-in user read it', async () => {
    expect((await t.http().get(`/api/awards/catalogue?year=${YEAR}`)).status).toBe(401);
    const lhp = await t.as(K4.lhpOfficer);
    const list = await expectStatus(lhp.get(`/api/awards/catalogue?year=${YEAR}`), 200);
    expect(list.map((a: any) => a.code)).toEqual(['gov_flag', 'city_flag', 'city_merit']);
    expect(list[0]).toMatchObject({
      year: YEAR, name: 'Cờ thi đua của Chính phủ', gates: { topN: { kind: 'count', value: 1 }, requiredTitle: 'Tập thể lao động xuất sắc' },
      blockQuota: { kind: 'count', value: 1 }, cityQuota: null, bonusPoints: 15, version: 1,
    });
    expect(list[1]).toMatchObject({ name: 'Cờ thi đua của UBND Thành phố', gates: { topN: { kind: 'count', value: 3 }, requiredTitle: 'Tập thể lao động xuất sắc' }, blockQuota: { kind: 'count', value: 1 }, bonusPoints: 10 });
    expect(list[2]).toMatchObject({ name: 'Bằng khen của Chủ tịch UBND Thành phố', gates: { topN: { kind: 'percent', value: 50 }, requiredTitle: null }, blockQuota: { kind: 'percent', value: 50 }, bonusPoints: 5 });
    for (const email of [K4.lhpHead, K4.otherBlock, K4.board, K4.admin]) {
      expect((await expectStatus((await t.as(email)).get(`/api/awards/catalogue?year=${YEAR}`), 200)).map((a: any) => a.id)).toEqual(list.map((a: any) => a.id));
    }
    expect(await rows(YEAR)).toHaveLength(3);
    const audit = await t.ds.query(`SELECT after FROM audit_entries WHERE action = 'award_catalogue.defaults' AND entity_id = $1`, [String(YEAR)]);
    expect(audit).toEqual([{ after: { year: YEAR, codes: ['gov_flag', 'city_flag', 'city_merit'] } }]);
  });

  it('refuses a missing or out-of-range year with a 400 naming it', async () => {
    const lhp = await t.as(K4.lhpOfficer);
    const missing = await lhp.get('/api/awards/catalogue');
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('year');
    const far = await lhp.get('/api/awards/catalogue?year=1999');
    expect(far.status).toBe(400);
    expect(far.body.message).toMatch(/year/);
  });

  it('lets the board edit gates, quotas, the city-wide quota and the bonus, audited, with an optimistic version', async () => {
    const board = await t.as(K4.board);
    const flag = (await expectStatus(board.get(`/api/awards/catalogue?year=${YEAR}`), 200)).find((a: any) => a.code === 'city_flag');
    const edited = await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, {
      version: flag.version, blockQuota: { kind: 'percent', value: 20 }, cityQuota: 30, bonusPoints: 12.5, gates: { topN: { kind: 'count', value: 5 }, requiredTitle: '  Tập thể lao động   xuất sắc ' },
    }), 200);
    expect(edited).toMatchObject({ version: 2, blockQuota: { kind: 'percent', value: 20 }, cityQuota: 30, bonusPoints: 12.5, gates: { topN: { kind: 'count', value: 5 }, requiredTitle: 'Tập thể lao động xuất sắc' } });
    const [entry] = (await auditOf(t.ds, 'award_type', flag.id)).filter((a) => a.action === 'award_type.update');
    expect(entry.before).toMatchObject({ year: YEAR, code: 'city_flag', blockQuota: { kind: 'count', value: 1 }, cityQuota: null, bonusPoints: 10, gates: { topN: { kind: 'count', value: 3 } } });
    expect(entry.after).toEqual({ blockQuota: { kind: 'percent', value: 20 }, cityQuota: 30, bonusPoints: 12.5, gates: { topN: { kind: 'count', value: 5 }, requiredTitle: 'Tập thể lao động xuất sắc' } });

    // An edit of the old version is refused and changes nothing.
    const stale = await board.patch(`/api/awards/catalogue/${flag.id}`, { version: 1, cityQuota: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version' });
    expect(stale.body.message).toMatch(/phiên bản/);
    // The admin may edit too; removing the city-wide limit and the rank gate.
    const admin = await t.as(K4.admin);
    const again = await expectStatus(admin.patch(`/api/awards/catalogue/${flag.id}`, { version: 2, cityQuota: null, gates: { topN: null, requiredTitle: null } }), 200);
    expect(again).toMatchObject({ version: 3, cityQuota: null, gates: { topN: null, requiredTitle: null } });
    // Nothing to change: same version, no audit entry.
    const before = (await auditOf(t.ds, 'award_type', flag.id)).length;
    expect(await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, { version: 3, cityQuota: null }), 200)).toMatchObject({ version: 3 });
    expect((await auditOf(t.ds, 'award_type', flag.id)).length).toBe(before);
  });

  it('refuses the catalogue to everyone but the board and admin (403), changing nothing', async () => {
    const board = await t.as(K4.board);
    const merit = (await expectStatus(board.get(`/api/awards/catalogue?year=${YEAR}`), 200)).find((a: any) => a.code === 'city_merit');
    const before = await rows(YEAR);
    for (const email of [K4.leader2024, K4.leaderHead2024, K4.lhpOfficer, K4.lhpHead, K4.otherBlock]) {
      const c = await t.as(email);
      const patch = await c.patch(`/api/awards/catalogue/${merit.id}`, { version: merit.version, bonusPoints: 50 });
      expect(patch.status).toBe(403);
      expect(patch.body.message).toMatch(/quyền/);
      expect((await c.post('/api/awards/catalogue', { year: YEAR, code: 'khac', name: 'Khác', gates: { topN: null, requiredTitle: null }, blockQuota: { kind: 'count', value: 1 }, cityQuota: null, bonusPoints: 0 })).status).toBe(403);
    }
    expect(await rows(YEAR)).toEqual(before);
  });

  it('refuses bad quotas with a 400 naming the field, changing nothing', async () => {
    const board = await t.as(K4.board);
    const merit = (await expectStatus(board.get(`/api/awards/catalogue?year=${YEAR}`), 200)).find((a: any) => a.code === 'city_merit');
    const before = await rows(YEAR);
    const cases: [object, string, RegExp][] = [
      [{ blockQuota: { kind: 'percent', value: 150 } }, 'blockQuota.value', /100/],
      [{ blockQuota: { kind: 'count', value: 1.5 } }, 'blockQuota.value', /số nguyên/],
      [{ blockQuota: { kind: 'count', value: -1 } }, 'blockQuota.value', /âm/],
      [{ blockQuota: { kind: 'share', value: 1 } }, 'blockQuota.kind', /không được phép/],
      [{ blockQuota: { kind: 'count', value: 'một' } }, 'blockQuota.value', /số/],
      [{ gates: { topN: { kind: 'percent', value: 101 }, requiredTitle: null } }, 'gates.topN.value', /100/],
      [{ cityQuota: -3 }, 'cityQuota', /lớn hơn hoặc bằng 0/],
      [{ cityQuota: 2.5 }, 'cityQuota', /số nguyên/],
      [{ bonusPoints: -1 }, 'bonusPoints', /lớn hơn hoặc bằng 0/],
      [{ name: '   ' }, 'name', /trống/],
      [{ code: 'other' }, 'code', /không được phép/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await board.patch(`/api/awards/catalogue/${merit.id}`, { version: merit.version, ...body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.fields[field]).toMatch(reason);
      expect(res.body.message).toContain(field);
    }
    expect((await board.patch(`/api/awards/catalogue/${merit.id}`, { cityQuota: 3 })).body.fields).toHaveProperty('version');
    expect(await rows(YEAR)).toEqual(before);
    // The database refuses what slips past the API.
    await expect(t.ds.query(`UPDATE award_types SET block_quota_kind = 'percent', block_quota_value = 120 WHERE id = $1`, [merit.id])).rejects.toThrow(/ck_award_types_block_quota/);
    await expect(t.ds.query(`UPDATE award_types SET city_quota = -1 WHERE id = $1`, [merit.id])).rejects.toThrow(/ck_award_types_city_quota/);
  });

  it('lets the board add an award to a year (the defaults first if the year had none); codes and names are unique per year', async () => {
    const board = await t.as(K4.board);
    const year = YEAR + 1;
    const body = {
      year, code: 'city_collective_merit', name: 'Bằng khen của Chủ tịch UBND Thành phố (chuyên đề)', gates: { topN: { kind: 'percent', value: 30 }, requiredTitle: null },
      blockQuota: { kind: 'count', value: 2 }, cityQuota: 40, bonusPoints: 3,
    };
    const added = await expectStatus(board.post('/api/awards/catalogue', body), 201);
    expect(added).toMatchObject({ ...body, sort: 4, version: 1 });
    const list = await expectStatus(board.get(`/api/awards/catalogue?year=${year}`), 200);
    expect(list.map((a: any) => a.code)).toEqual(['gov_flag', 'city_flag', 'city_merit', 'city_collective_merit']);
    expect((await auditOf(t.ds, 'award_type', added.id)).map((a) => a.action)).toEqual(['award_type.create']);

    const dupCode = await board.post('/api/awards/catalogue', { ...body, name: 'Tên khác' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body).toMatchObject({ code: 'award_code_taken' });
    const dupName = await board.post('/api/awards/catalogue', { ...body, code: 'another_one', name: 'cờ thi đua của UBND thành phố' });
    expect(dupName.status).toBe(409);
    expect(dupName.body).toMatchObject({ code: 'award_name_taken' });
    const badCode = await board.post('/api/awards/catalogue', { ...body, code: 'Cờ đỏ' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.fields.code).toMatch(/chữ thường/);
    const badQuota = await board.post('/api/awards/catalogue', { ...body, code: 'x_award', blockQuota: { kind: 'percent', value: 100.5 } });
    expect(badQuota.body.fields['blockQuota.value']).toMatch(/100/);
    expect((await board.post('/api/awards/catalogue', { ...body, code: 'y_award', gates: undefined })).body.fields).toHaveProperty('gates');
    expect(await t.ds.query('SELECT code FROM award_types WHERE year = $1 ORDER BY sort', [year])).toHaveLength(4);
  });

  it('rolls the edit back when its audit entry cannot be written', async () => {
    const board = await t.as(K4.board);
    const gov = (await expectStatus(board.get(`/api/awards/catalogue?year=${YEAR}`), 200)).find((a: any) => a.code === 'gov_flag');
    const undo = await failAuditFor(t.ds, 'award_type.update');
    try {
      expect((await board.patch(`/api/awards/catalogue/${gov.id}`, { version: gov.version, bonusPoints: 20 })).status).toBe(500);
    } finally {
      await undo();
    }
    expect((await t.ds.query('SELECT bonus_points::float8 AS b, version FROM award_types WHERE id = $1', [gov.id]))[0]).toEqual({ b: 15, version: gov.version });
  });
});
