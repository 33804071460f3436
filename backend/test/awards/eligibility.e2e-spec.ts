import { createTestApp, ids, TestApp, type Client_ } from '../app';
import { auditOf, expectStatus } from '../factories';
import type { OpenRound } from '../rounds/helpers';
import { K4 } from '../scoring/helpers';
import { EXPECTED_ORDER, finalisedYear, UNIT_KEYS, type UnitKey } from './helpers';

const TTLDXS = 'Tập thể lao động xuất sắc';

/**
 * Eligibility gates (docs/domain.md §5) on a fresh block year whose year-end round is finalised: rank within the
 * top N of the current snapshot, no disciplinary flag, the required title; titles and flags kept by the board.
 */
describe('eligibility, titles and disciplinary flags', () => {
  let t: TestApp;
  let r: OpenRound;
  let board: Client_;
  const eligible = async (c: Client_, award: string) => expectStatus(c.get(`/api/block-years/${r.yearId}/eligibility?award=${award}`), 200);
  const keyOf = (unitId: string): UnitKey => UNIT_KEYS.find((k) => r.ids[k] === unitId)!;
  const candidates = (report: any): UnitKey[] => report.units.filter((u: any) => u.eligible).map((u: any) => keyOf(u.unitId));
  const reasonsOf = (report: any, k: UnitKey): string[] => report.units.find((u: any) => u.unitId === r.ids[k]).reasons;

  beforeAll(async () => {
    t = await createTestApp();
    r = await finalisedYear(t);
    board = await t.as(K4.board);
  });
  afterAll(() => t.close());

  it('reports every member in rank order with its total from the snapshot; without titles nobody passes the flag gates', async () => {
    const flag = await eligible(board, 'city_flag');
    expect(flag).toMatchObject({ blockYearId: r.yearId, year: 2024, roundId: r.round.id, roundFinalised: true, members: 5, quotaLimit: 1, award: { code: 'city_flag', year: 2024 } });
    expect(flag.units.map((u: any) => keyOf(u.unitId))).toEqual(EXPECTED_ORDER);
    expect(flag.units.map((u: any) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(flag.units.every((u: any) => typeof u.total === 'number')).toBe(true);
    expect(candidates(flag)).toEqual([]);
    expect(reasonsOf(flag, 'dukcq')).toEqual([`Chưa có danh hiệu "${TTLDXS}"`]);
    expect(reasonsOf(flag, 'dukdn')).toEqual(['Xếp hạng 4: ngoài 3 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố', `Chưa có danh hiệu "${TTLDXS}"`]);
    // The city merit needs no title: the top 50% (2 of 5).
    const merit = await eligible(board, 'city_merit');
    expect(candidates(merit)).toEqual(['dukcq', 'hiza']);
    expect(merit.quotaLimit).toBe(2);
  });

  it('lets only the board record titles, audited; a duplicate is refused', async () => {
    const body = (k: UnitKey) => ({ unitId: r.ids[k], year: 2024, title: TTLDXS, decisionNumber: '5123/QĐ-UBND', decisionDate: '2024-12-27' });
    for (const email of [r.acc.dukcq.officer, r.acc.dukcq.head, r.acc.lhp.officer]) {
      expect((await (await t.as(email)).post('/api/unit-titles', body('lhp'))).status).toBe(403);
    }
    expect(await t.ds.query('SELECT id FROM unit_titles WHERE unit_id = ANY($1)', [Object.values(r.ids)])).toEqual([]);
    const saved = [];
    for (const k of ['dukcq', 'hiza', 'lhp', 'dukdn'] as UnitKey[]) saved.push(await expectStatus(board.post('/api/unit-titles', body(k)), 201));
    expect(saved[0]).toMatchObject({ unitId: r.ids.dukcq, year: 2024, title: TTLDXS, decisionNumber: '5123/QĐ-UBND', decisionDate: '2024-12-27', version: 1 });
    expect((await auditOf(t.ds, 'unit_title', saved[0].id))[0]).toMatchObject({ action: 'unit_title.create', after: { unitId: r.ids.dukcq, title: TTLDXS } });
    const dup = await board.post('/api/unit-titles', { ...body('dukcq'), title: ' tập thể lao động  xuất sắc' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'title_exists' });
    const early = await board.post('/api/unit-titles', { ...body('dukdh'), decisionDate: '2023-12-31' });
    expect(early.status).toBe(400);
    expect(early.body.fields.decisionDate).toMatch(/2024/);
    const noTitle = await board.post('/api/unit-titles', { ...body('dukdh'), title: '' });
    expect(noTitle.body.fields).toHaveProperty('title');
    expect(await t.ds.query('SELECT id FROM unit_titles WHERE unit_id = $1', [r.ids.dukdh])).toEqual([]);
  });

  it('with titles, the top 3 holding one are the city flag candidates; the leading unit alone for the Government flag', async () => {
    const flag = await eligible(board, 'city_flag');
    expect(candidates(flag)).toEqual(['dukcq', 'hiza', 'lhp']);
    expect(reasonsOf(flag, 'dukdh')).toEqual(['Xếp hạng 5: ngoài 3 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố', `Chưa có danh hiệu "${TTLDXS}"`]);
    const gov = await eligible(board, 'gov_flag');
    expect(candidates(gov)).toEqual(['dukcq']);
    expect(reasonsOf(gov, 'hiza')[0]).toMatch(/chỉ đơn vị dẫn đầu Khối \(hạng 1\)/);
  });

  it('a disciplined unit is not eligible; the flag is the board\'s, audited; removing it (with a reason) restores eligibility', async () => {
    const body = { unitId: r.ids.hiza, year: 2024, reason: 'Tập thể lãnh đạo bị khiển trách do vi phạm trong quản lý đầu tư công', decisionNumber: '378/QĐ-UBND', decisionDate: '2024-09-12' };
    expect((await (await t.as(r.acc.dukcq.officer)).post('/api/discipline-flags', body)).status).toBe(403);
    expect((await board.post('/api/discipline-flags', { ...body, reason: '  ' })).body.fields).toHaveProperty('reason');
    const flag = await expectStatus(board.post('/api/discipline-flags', body), 201);
    expect((await auditOf(t.ds, 'unit_discipline_flag', flag.id))[0]).toMatchObject({ action: 'discipline_flag.create', reason: body.reason });
    const report = await eligible(board, 'city_flag');
    expect(candidates(report)).toEqual(['dukcq', 'lhp']);
    expect(reasonsOf(report, 'hiza')).toEqual(['Bị kỷ luật trong năm']);
    expect(candidates(await eligible(board, 'city_merit'))).toEqual(['dukcq']);

    // Only a different year's flag: no effect on 2024.
    const other = await expectStatus(board.post('/api/discipline-flags', { ...body, unitId: r.ids.lhp, year: 2023, decisionDate: '2023-10-01' }), 201);
    expect(candidates(await eligible(board, 'city_flag'))).toEqual(['dukcq', 'lhp']);

    const edited = await expectStatus(board.patch(`/api/discipline-flags/${flag.id}`, { version: 1, decisionNumber: '379/QĐ-UBND' }), 200);
    expect(edited).toMatchObject({ version: 2, decisionNumber: '379/QĐ-UBND' });
    expect((await board.patch(`/api/discipline-flags/${flag.id}`, { version: 1, decisionNumber: 'x' })).status).toBe(409);
    expect((await board.delete(`/api/discipline-flags/${flag.id}`).send({})).status).toBe(400);
    await expectStatus(board.delete(`/api/discipline-flags/${flag.id}`).send({ reason: 'Ghi nhầm đơn vị' }), 204);
    expect(await t.ds.query('SELECT id FROM unit_discipline_flags WHERE id = $1', [flag.id])).toEqual([]);
    const audit = await auditOf(t.ds, 'unit_discipline_flag', flag.id);
    expect(audit.map((a) => a.action)).toEqual(['discipline_flag.create', 'discipline_flag.update', 'discipline_flag.delete']);
    expect(audit[2]).toMatchObject({ reason: 'Ghi nhầm đơn vị', before: { unitId: r.ids.hiza, year: 2024 } });
    expect(candidates(await eligible(board, 'city_flag'))).toEqual(['dukcq', 'hiza', 'lhp']);
    await expectStatus(board.delete(`/api/discipline-flags/${other.id}`).send({ reason: 'Không còn hiệu lực' }), 204);
  });

  it('a missing title fails the gate; removing a title takes the unit off the list', async () => {
    const [lhpTitle] = await expectStatus(board.get(`/api/unit-titles?unitId=${r.ids.lhp}&year=2024`), 200);
    await expectStatus(board.delete(`/api/unit-titles/${lhpTitle.id}`).send({ reason: 'Quyết định công nhận bị hủy' }), 204);
    const report = await eligible(board, 'city_flag');
    expect(candidates(report)).toEqual(['dukcq', 'hiza']);
    expect(reasonsOf(report, 'lhp')).toEqual([`Chưa có danh hiệu "${TTLDXS}"`]);
    // A title the board renames no longer matches the gate.
    const [hizaTitle] = await expectStatus(board.get(`/api/unit-titles?unitId=${r.ids.hiza}&year=2024`), 200);
    await expectStatus(board.patch(`/api/unit-titles/${hizaTitle.id}`, { version: hizaTitle.version, title: 'Tập thể lao động tiên tiến' }), 200);
    expect(candidates(await eligible(board, 'city_flag'))).toEqual(['dukcq']);
    await expectStatus(board.patch(`/api/unit-titles/${hizaTitle.id}`, { version: hizaTitle.version + 1, title: TTLDXS }), 200);
    await expectStatus(board.post('/api/unit-titles', { unitId: r.ids.lhp, year: 2024, title: TTLDXS }), 201);
    expect(candidates(await eligible(board, 'city_flag'))).toEqual(['dukcq', 'hiza', 'lhp']);
    expect((await auditOf(t.ds, 'unit_title', lhpTitle.id)).map((a) => a.action)).toEqual(['unit_title.create', 'unit_title.delete']);
  });

  it('a rank outside the top N fails; the catalogue\'s gates and quotas are the board\'s, the limit capped by the rule set', async () => {
    const cat = await expectStatus(board.get('/api/awards/catalogue?year=2024'), 200);
    const flag = cat.find((a: any) => a.code === 'city_flag');
    await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, { version: flag.version, gates: { topN: { kind: 'count', value: 2 }, requiredTitle: TTLDXS }, blockQuota: { kind: 'count', value: 3 } }), 200);
    const report = await eligible(board, 'city_flag');
    expect(candidates(report)).toEqual(['dukcq', 'hiza']);
    expect(reasonsOf(report, 'lhp')).toEqual(['Xếp hạng 3: ngoài 2 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố']);
    // The catalogue allows 3, the block year's rule set 1: the limit is 1.
    expect(report.quotaLimit).toBe(1);
    // A percentage top N: 40% of 5 members = 2.
    await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, { version: flag.version + 1, gates: { topN: { kind: 'percent', value: 40 }, requiredTitle: TTLDXS }, name: 'Cờ thi đua UBND TP' }), 200);
    const renamed = await eligible(board, 'city_flag');
    expect(candidates(renamed)).toEqual(['dukcq', 'hiza']);
    expect(reasonsOf(renamed, 'lhp')).toEqual(['Xếp hạng 3: ngoài 2 đơn vị xếp hạng đầu được xét Cờ thi đua UBND TP']);
    await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, { version: flag.version + 2, gates: { topN: { kind: 'count', value: 3 }, requiredTitle: TTLDXS }, name: 'Cờ thi đua của UBND Thành phố', blockQuota: { kind: 'count', value: 1 } }), 200);
  });

  it('an award the board added is checked with its own gates and never as a leading-unit-only award', async () => {
    await expectStatus(board.post('/api/awards/catalogue', {
      year: 2024, code: 'thematic_merit', name: 'Bằng khen chuyên đề', gates: { topN: { kind: 'count', value: 4 }, requiredTitle: null }, blockQuota: { kind: 'count', value: 2 }, cityQuota: null, bonusPoints: 2,
    }), 201);
    const report = await eligible(board, 'thematic_merit');
    expect(candidates(report)).toEqual(['dukcq', 'hiza', 'lhp', 'dukdn']);
    expect(reasonsOf(report, 'dukdh')).toEqual(['Xếp hạng 5: ngoài 4 đơn vị xếp hạng đầu được xét Bằng khen chuyên đề']);
    expect(report.quotaLimit).toBe(2);
  });

  it('is read by the block\'s members and the board; others get 403; an unknown award is a 404', async () => {
    for (const email of [r.acc.dukcq.officer, r.acc.lhp.officer, r.acc.dukdh.head, K4.admin]) expect((await (await t.as(email)).get(`/api/block-years/${r.yearId}/eligibility?award=city_flag`)).status).toBe(200);
    for (const email of [K4.lhpOfficer, K4.otherBlock]) {
      const res = await (await t.as(email)).get(`/api/block-years/${r.yearId}/eligibility?award=city_flag`);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/thành viên/);
    }
    const unknown = await board.get(`/api/block-years/${r.yearId}/eligibility?award=golden_star`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'award_not_found' });
    expect((await board.get(`/api/block-years/${r.yearId}/eligibility`)).body.fields).toHaveProperty('award');
    expect((await board.get('/api/block-years/not-a-uuid/eligibility?award=city_flag')).status).toBe(400);
  });

  it('shows titles and flags to the board, the unit itself and its block\'s leader and deputy seats only', async () => {
    const flag = await expectStatus(board.post('/api/discipline-flags', { unitId: r.ids.dukdh, year: 2024, reason: 'Vi phạm quy định về báo cáo thống kê' }), 201);
    const titles = (c: Client_) => expectStatus(c.get(`/api/unit-titles?blockYearId=${r.yearId}`), 200);
    const flags = (c: Client_) => expectStatus(c.get(`/api/discipline-flags?blockYearId=${r.yearId}`), 200);
    expect(await titles(board)).toHaveLength(4);
    expect(await titles(await t.as(r.acc.dukcq.officer))).toHaveLength(4); // leader seat
    expect(await titles(await t.as(r.acc.dukdn.head))).toHaveLength(4); // deputy seat
    expect((await titles(await t.as(r.acc.lhp.officer))).map((x: any) => x.unitId)).toEqual([r.ids.lhp]);
    expect(await titles(await t.as(K4.otherBlock))).toEqual([]);
    expect((await flags(await t.as(r.acc.dukcq.officer))).map((x: any) => x.id)).toEqual([flag.id]);
    expect((await flags(await t.as(r.acc.dukdh.officer))).map((x: any) => x.id)).toEqual([flag.id]);
    expect(await flags(await t.as(r.acc.hiza.officer))).toEqual([]);
    expect(await flags(await t.as(K4.leader2024))).toEqual([]);
    await expectStatus(board.delete(`/api/discipline-flags/${flag.id}`).send({ reason: 'Thử nghiệm' }), 204);
  });

  it('has no candidates while the year-end round is not finalised: reopened, or never opened', async () => {
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reopen`, { reason: 'Xem lại điểm thưởng của một đơn vị' }), 201);
    const reopened = await eligible(board, 'city_flag');
    expect(reopened).toMatchObject({ roundId: r.round.id, roundFinalised: false });
    expect(candidates(reopened)).toEqual([]);
    expect(reopened.units.every((u: any) => u.rank === null && u.total === null && u.reasons[0] === 'Kết quả đợt chấm điểm cuối năm chưa được chốt')).toBe(true);
    // Finalised again: the new snapshot counts.
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/finalise`, {}), 201);
    expect(candidates(await eligible(board, 'city_flag'))).toEqual(['dukcq', 'hiza', 'lhp']);
    // A block year without a year-end round (Khối thi đua số 1, 2024).
    const k1 = await (await ids(t.ds)).blockYear('KTĐ1', 2024);
    const none = await expectStatus(board.get(`/api/block-years/${k1}/eligibility?award=city_merit`), 200);
    expect(none).toMatchObject({ roundId: null, roundFinalised: false, members: 6, quotaLimit: 3 });
    expect(candidates(none)).toEqual([]);
  });
});
