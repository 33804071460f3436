import { createTestApp, ids, TestApp } from '../app';
import { expectStatus } from '../factories';
import { K4, k4Ids } from '../scoring/helpers';
import { seedAwardsDemo } from '../../src/database/demo/awards';

const TTLDXS = 'Tập thể lao động xuất sắc';

/** The awards demo as the demo loader will call it: inside one transaction, after the rounds seed. */
describe('demo data of awards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The demo loader may already call the seed; otherwise seed here, as it would.
    const [seeded] = await t.ds.query(`SELECT 1 FROM award_history WHERE decision_number = '1234/QĐ-UBND' LIMIT 1`);
    if (!seeded) await t.ds.transaction((em) => seedAwardsDemo(em));
  });
  afterAll(() => t.close());

  it('holds the 2024 and 2025 catalogues with the defaults and the board\'s city-wide quotas', async () => {
    const lhp = await t.as(K4.lhpOfficer);
    for (const year of [2024, 2025]) {
      const cat = await expectStatus(lhp.get(`/api/awards/catalogue?year=${year}`), 200);
      expect(cat.map((a: any) => [a.code, a.bonusPoints, a.cityQuota])).toEqual([['gov_flag', 15, 2], ['city_flag', 10, 4], ['city_merit', 5, 12]]);
      expect(cat[1]).toMatchObject({ gates: { topN: { kind: 'count', value: 3 }, requiredTitle: TTLDXS }, blockQuota: { kind: 'count', value: 1 } });
    }
  });

  it('gives Khối 4\'s 2024 year end real candidates: four units hold "Tập thể lao động xuất sắc"', async () => {
    const k = await k4Ids(t);
    const leader = await t.as(K4.leader2024);
    const titles = await expectStatus(leader.get(`/api/unit-titles?blockYearId=${k.year2024}`), 200);
    expect(titles.map((x: any) => x.unitId).sort()).toEqual([k.dukcq, k.hiza, k.lhp, k.dukdn].sort());
    expect(titles.every((x: any) => x.title === TTLDXS && x.decisionNumber === '5123/QĐ-UBND' && x.decisionDate === '2024-12-27')).toBe(true);
    const flag = await expectStatus(leader.get(`/api/block-years/${k.year2024}/eligibility?award=city_flag`), 200);
    expect(flag.roundFinalised).toBe(true);
    expect(flag.units.filter((u: any) => u.eligible).map((u: any) => u.unitId)).toEqual([k.dukcq, k.hiza, k.lhp]);
    expect(flag.units.find((u: any) => u.unitId === k.dukdh).reasons).toContain(`Chưa có danh hiệu "${TTLDXS}"`);
    const gov = await expectStatus(leader.get(`/api/block-years/${k.year2024}/eligibility?award=gov_flag`), 200);
    expect(gov.units.filter((u: any) => u.eligible).map((u: any) => u.unitId)).toEqual([k.dukcq]);
    const merit = await expectStatus(leader.get(`/api/block-years/${k.year2024}/eligibility?award=city_merit`), 200);
    expect(merit.units.filter((u: any) => u.eligible).map((u: any) => u.unitId)).toEqual([k.dukcq, k.hiza]);
    expect(merit.quotaLimit).toBe(2);
  });

  it('flags one unit of Cụm thi đua số 1 for 2024, none of Khối 4', async () => {
    const flags = await expectStatus((await t.as(K4.board)).get('/api/discipline-flags?year=2024'), 200);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ unitName: 'UBND quận Hai Bà Trưng', decisionNumber: '378/QĐ-UBND', decisionDate: '2024-09-12' });
    const c1 = await (await ids(t.ds)).blockYear('CTĐ1', 2024);
    const [member] = await t.ds.query('SELECT 1 FROM block_year_members WHERE block_year_id = $1 AND unit_id = $2', [c1, flags[0].unitId]);
    expect(member).toBeDefined();
    // Quận Hai Bà Trưng has no account in the demo; Cụm 1's 2024 leader seat (Quận Ba Đình) sees the flag, Khối 4's does not.
    expect(await expectStatus((await t.as('canbo.bdinh@thidua.vn')).get('/api/discipline-flags?year=2024'), 200)).toHaveLength(1);
    expect(await expectStatus((await t.as(K4.leader2024)).get('/api/discipline-flags?year=2024'), 200)).toHaveLength(0);
  });

  it('holds award history of 2022 and 2023 across the blocks, feeding Khối 4\'s 2024 bonuses', async () => {
    const board = await t.as(K4.board);
    const earlier = [
      ...await expectStatus(board.get('/api/award-history?year=2022'), 200),
      ...await expectStatus(board.get('/api/award-history?year=2023'), 200),
    ];
    expect(earlier.length).toBeGreaterThanOrEqual(11);
    expect(earlier.every((a: any) => a.source === 'manual' && a.revokedAt === null && /^\d+\/QĐ-(UBND|TTg)$/.test(a.decisionNumber))).toBe(true);
    const blocks = await t.ds.query(`SELECT DISTINCT m.block_id FROM block_year_members m WHERE m.unit_id = ANY($1)`, [earlier.map((a: any) => a.unitId)]);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const k = await k4Ids(t);
    const dukcq = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/units/${k.dukcq}/awards`), 200);
    expect(dukcq.filter((a: any) => a.year < 2024).map((a: any) => [a.year, a.code, a.decisionNumber, a.decisionDate])).toEqual([
      [2023, 'city_flag', '1234/QĐ-UBND', '2024-03-15'],
      [2022, 'city_merit', '1053/QĐ-UBND', '2023-03-10'],
    ]);
    const bonuses = await expectStatus((await t.as(K4.leader2024)).get(`/api/block-years/${k.year2024}/award-bonuses`), 200);
    const total = (id: string) => bonuses.units.find((u: any) => u.unitId === id).total;
    expect([total(k.dukcq), total(k.dukdn), total(k.lhp), total(k.hiza), total(k.dukdh)]).toEqual([10, 5, 5, 0, 0]);
  });

  it('audited every entry as the board', async () => {
    const [board] = await t.ds.query(`SELECT id FROM accounts WHERE email = 'bantdkt@thidua.vn'`);
    const rows = await t.ds.query(`SELECT action, count(*)::int AS n FROM audit_entries WHERE actor_id = $1 AND action IN ('award.record','unit_title.create','discipline_flag.create') GROUP BY action ORDER BY action`, [board.id]);
    expect(Object.fromEntries(rows.map((r: any) => [r.action, r.n]))).toMatchObject({ 'award.record': expect.any(Number), 'discipline_flag.create': 1, 'unit_title.create': 13 });
    const verify = await expectStatus((await t.as(K4.admin)).get('/api/audit/verify'), 200);
    expect(verify.ok).toBe(true);
  });
});
