/**
 * Next year's seats (suggestion by rotation, election at the year-end conference) and "start next year":
 * members, seats, rule set, scheme and plan skeleton copied into a new draft year; 409 when it exists.
 */
import { createTestApp, type TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4, k4Ids } from '../scoring/helpers';
import { ballotYear, BallotYear, setRules, UNIT_KEYS, yearEndConference } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

/** The deputy the rotation gives after `leader`, skipping the outgoing leader. */
const nextAfter = (order: string[], leader: string, outgoing: string | null) => {
  for (let k = 1; k < order.length; k++) {
    const c = order[(order.indexOf(leader) + k) % order.length];
    if (c !== outgoing) return c;
  }
  return null;
};

describe('seat suggestion and election', () => {
  let y: BallotYear;
  let conf: string;
  beforeAll(async () => {
    y = await ballotYear(t);
    conf = (await yearEndConference(y)).id;
  });

  it('suggests the deputy as leader and the next unit in rotation as deputy; members and the board read it', async () => {
    const s = await expectStatus(y.leader.get(`/api/block-years/${y.yearId}/seat-suggestion`), 200);
    const order = s.rotationOrder.map((r: any) => r.unitId);
    // No election yet: members by Vietnamese name.
    const names = s.rotationOrder.map((r: any) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'vi')));
    expect(s).toMatchObject({
      year: 2024, nextYear: 2025, current: { leaderUnitId: y.ids.dukcq, deputyUnitId: y.ids.dukdn }, election: null, nextYearId: null, canRunBallots: true, canElect: true,
      suggestion: { leaderUnitId: y.ids.dukdn, deputyUnitId: nextAfter(order, y.ids.dukdn, y.ids.dukcq), notes: [] },
    });
    expect((await expectStatus((await y.as(y.acc.lhp.officer)).get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canElect).toBe(false);
    expect((await expectStatus((await y.as(K4.board)).get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canElect).toBe(false);
    // canRunBallots: the leader seat only (the deputy seat, a member and the board are refused opening a ballot, ballots.e2e-spec).
    for (const email of [y.acc.dukdn.officer, y.acc.lhp.officer, K4.board]) {
      expect((await expectStatus((await y.as(email)).get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canRunBallots).toBe(false);
    }
    await expectStatus((await y.as(K4.otherBlock)).get(`/api/block-years/${y.yearId}/seat-suggestion`), 403);
  });

  it('follows another rotation order when given one, which must list every member once', async () => {
    const order = [y.ids.dukdn, y.ids.lhp, y.ids.hiza, y.ids.dukdh, y.ids.dukcq];
    const s = await expectStatus(y.leader.get(`/api/block-years/${y.yearId}/seat-suggestion?rotationOrder=${order.join(',')}`), 200);
    expect(s.rotationOrder.map((r: any) => r.unitId)).toEqual(order);
    expect(s.suggestion).toMatchObject({ leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.lhp });
    const missing = await expectStatus(y.leader.get(`/api/block-years/${y.yearId}/seat-suggestion?rotationOrder=${order.slice(1).join(',')}`), 400);
    expect(missing.fields).toHaveProperty('rotationOrder');
    await expectStatus(y.leader.get(`/api/block-years/${y.yearId}/seat-suggestion?rotationOrder=abc`), 400);
  });

  it('the election is recorded by the leader seat only, at the year-end conference in session with its quorum', async () => {
    const body = { conferenceId: conf, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh };
    for (const email of [y.acc.dukdn.officer, y.acc.lhp.head, K4.board, K4.admin]) {
      await expectStatus((await y.as(email)).post(`/api/block-years/${y.yearId}/seat-election`, body), 403);
    }
    const [{ id: foreign }] = await t.ds.query(`SELECT id FROM units WHERE short_name = 'Sở Nội vụ'`);
    expect((await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, leaderUnitId: foreign }), 400)).fields).toHaveProperty('leaderUnitId');
    expect((await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, deputyUnitId: y.ids.dukdn }), 400)).fields).toHaveProperty('deputyUnitId');
    expect((await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, rotationOrder: [y.ids.dukdn] }), 400)).fields).toHaveProperty('rotationOrder');
    const other = await ballotYear(t);
    const otherConf = await yearEndConference(other, { present: [] });
    expect((await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, conferenceId: otherConf.id }), 400)).fields).toHaveProperty('conferenceId');
    const mid = await yearEndConference(y, { kind: 'mid_year' });
    expect(await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, conferenceId: mid.id }), 409)).toMatchObject({ code: 'not_year_end' });
    const thin = await yearEndConference(y, { present: ['dukcq', 'dukdn', 'lhp'], absent: ['hiza', 'dukdh'] });
    expect(await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, conferenceId: thin.id }), 409))
      .toMatchObject({ code: 'no_quorum', message: expect.stringContaining('3/5') });
    const planned = await yearEndConference(y, { open: false, present: [] });
    expect(await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, conferenceId: planned.id }), 409)).toMatchObject({ code: 'not_in_session' });
    expect(await t.ds.query('SELECT 1 FROM seat_elections WHERE block_year_id = $1', [y.yearId])).toEqual([]);

    const rotation = [y.ids.dukcq, y.ids.dukdn, y.ids.dukdh, y.ids.hiza, y.ids.lhp];
    const s = await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { ...body, rotationOrder: rotation, note: 'Biểu quyết 5/5 đơn vị nhất trí' }), 200);
    expect(s.election).toMatchObject({
      conferenceId: conf, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh, presentCount: 5, memberCount: 5, note: 'Biểu quyết 5/5 đơn vị nhất trí', version: 1,
      rotationOrder: rotation.map((unitId) => ({ unitId, name: expect.any(String) })),
    });
    // The kept rotation now drives the suggestion.
    expect(s.suggestion).toMatchObject({ leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh });
    const [entry] = (await auditOf(t.ds, 'block_year', y.yearId)).filter((a) => a.action === 'seats.elect');
    expect(entry.after).toMatchObject({ nextYear: 2025, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh, present: 5, members: 5 });
    // A correction in the session replaces it.
    const again = await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { conferenceId: conf, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.hiza }), 200);
    expect(again.election).toMatchObject({ deputyUnitId: y.ids.hiza, version: 2 });
    expect(again.election.rotationOrder.map((r: any) => r.unitId)).toEqual(rotation);
  });
});

describe('start next year', () => {
  it('the leader seat starts it once the conference elected the seats; others are refused', async () => {
    const y = await ballotYear(t);
    const conf = await yearEndConference(y);
    await setRules(t, y, { voteThresholdPercent: 60, reviewsPerUnit: 3 });
    // A criterion not applicable to hiza carries over; one not applicable to an archived unit loses it.
    const [crit] = await t.ds.query(`SELECT id FROM scoring_criteria WHERE scheme_id = $1 AND code = 'II.2'`, [y.schemeId]);
    await t.ds.query('UPDATE scoring_criteria SET not_applicable_unit_ids = $2::uuid[] WHERE id = $1', [crit.id, [y.ids.hiza, y.ids.lhp]]);

    // canStartNextYear (seat suggestion) says what starting does: false for the leader before the election, refused.
    const canStart = async (email: string) => (await expectStatus((await y.as(email)).get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canStartNextYear;
    expect(await canStart(y.acc.dukcq.officer)).toBe(false);
    const noElection = await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/next-year`), 409);
    expect(noElection).toMatchObject({ code: 'seats_not_elected', message: expect.stringContaining('chưa bầu') });
    await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { conferenceId: conf.id, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh }), 200);
    for (const email of [y.acc.dukdn.officer, y.acc.lhp.head]) {
      expect(await canStart(email)).toBe(false);
      await expectStatus((await y.as(email)).post(`/api/block-years/${y.yearId}/next-year`), 403);
    }
    await expectStatus((await y.as(K4.otherBlock)).post(`/api/block-years/${y.yearId}/next-year`), 403);
    // The board may at any time; the leader now that the seats are elected, and starts it.
    expect(await canStart(K4.board)).toBe(true);
    expect(await canStart(y.acc.dukcq.officer)).toBe(true);
    // lhp has left (archived).
    await t.ds.query('UPDATE units SET archived_at = now() WHERE id = $1', [y.ids.lhp]);

    const res = await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/next-year`), 201);
    expect(res).toMatchObject({ sourceYearId: y.yearId, seatsFrom: 'election', planDocumentId: null, skippedUnits: [{ unitId: y.ids.lhp, reason: 'Đơn vị đã lưu trữ' }] });
    const ny = res.blockYear;
    expect(ny).toMatchObject({ year: 2025, status: 'setup', blockId: y.blockId, leaderUnitId: y.ids.dukdn, deputyUnitId: y.ids.dukdh });
    expect(ny.members.map((m: any) => m.unitId).sort()).toEqual(UNIT_KEYS.filter((k) => k !== 'lhp').map((k) => y.ids[k]).sort());
    expect(ny.rules).toMatchObject({ voteThresholdPercent: 60, reviewsPerUnit: 3, quorumNumerator: 2, quorumDenominator: 3 });
    expect(ny.legalBasis.map((l: any) => l.number)).toContain('06/2022/QH15');

    // The scheme: a new draft version 1 of next year, the same criteria with new ids.
    const [scheme] = await t.ds.query('SELECT id, version_no, title, based_on_id, frozen_at FROM scoring_schemes WHERE block_year_id = $1', [ny.id]);
    expect(scheme).toMatchObject({ id: res.schemeId, version_no: 1, title: 'Biểu chấm điểm thi đua năm 2025', based_on_id: y.schemeId, frozen_at: null });
    const crits = async (id: string) => t.ds.query(
      `SELECT c.code, c.type, c.max_points::float8 AS max, p.code AS parent, c.items, c.not_applicable_unit_ids::text[] AS na
       FROM scoring_criteria c LEFT JOIN scoring_criteria p ON p.id = c.parent_id WHERE c.scheme_id = $1 ORDER BY c.code`, [id]);
    const before = await crits(y.schemeId);
    const after = await crits(scheme.id);
    expect(after.map((c: any) => ({ ...c, na: undefined }))).toEqual(before.map((c: any) => ({ ...c, na: undefined })));
    expect(after.find((c: any) => c.code === 'II.2').na).toEqual([y.ids.hiza]);
    const newIds = await t.ds.query('SELECT id FROM scoring_criteria WHERE scheme_id = $1 INTERSECT SELECT id FROM scoring_criteria WHERE scheme_id = $2', [scheme.id, y.schemeId]);
    expect(newIds).toEqual([]);
    // Next year's leader edits its copy.
    const nextLeader = await y.as(y.acc.dukdn.officer);
    expect(await expectStatus(nextLeader.get(`/api/scoring-schemes/${scheme.id}`), 200)).toMatchObject({ status: 'draft' });

    const [entry] = (await auditOf(t.ds, 'block_year', ny.id)).filter((a) => a.action === 'block_year.next_year');
    expect(entry).toMatchObject({ reason: 'Khởi tạo năm 2025 từ năm 2024' });
    expect(entry.after).toMatchObject({ sourceYearId: y.yearId, seatsFrom: 'election', leaderUnitId: y.ids.dukdn, schemeId: scheme.id, skippedUnitIds: [y.ids.lhp] });

    // Once: the next year exists (for the board too), and the seats can no longer be re-elected here.
    expect(await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/next-year`), 409)).toMatchObject({ code: 'next_year_exists' });
    expect(await expectStatus((await y.as(K4.board)).post(`/api/block-years/${y.yearId}/next-year`), 409)).toMatchObject({ code: 'next_year_exists' });
    expect(await expectStatus(y.leader.post(`/api/block-years/${y.yearId}/seat-election`, { conferenceId: conf.id, leaderUnitId: y.ids.dukdn }), 409))
      .toMatchObject({ code: 'next_year_exists' });
    const s = await expectStatus(y.leader.get(`/api/block-years/${y.yearId}/seat-suggestion`), 200);
    expect(s).toMatchObject({ nextYearId: ny.id, canElect: false, canStartNextYear: false });
    expect(await canStart(K4.board)).toBe(false);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM block_years WHERE block_id = $1', [y.blockId]))[0].n).toBe(2);
  });

  it('refuses when a member already belongs to another block next year, creating nothing', async () => {
    const y = await ballotYear(t);
    const board = await y.as(K4.board);
    const other = await expectStatus(board.post('/api/blocks', { code: `K-${Date.now() % 100000}`, name: `Khối khác ${Date.now()}`, kind: 'khoi' }), 201);
    await expectStatus(board.post('/api/block-years', { blockId: other.id, year: 2025, memberUnitIds: [y.ids.hiza] }), 201);
    const res = await expectStatus(board.post(`/api/block-years/${y.yearId}/next-year`), 409);
    expect(res).toMatchObject({ code: 'unit_in_other_block', message: expect.stringContaining('năm 2025') });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM block_years WHERE block_id = $1', [y.blockId]))[0].n).toBe(1);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'block_year.next_year' AND block_id = $1`, [y.blockId]))[0].n).toBe(0);
  });

  it('the board starts the demo KTĐ4 2026 from 2025: seats by rotation, the scheme and the plan skeleton', async () => {
    const k4 = await k4Ids(t);
    const board = await t.as(K4.board);
    const suggestion = await expectStatus(board.get(`/api/block-years/${k4.year2025}/seat-suggestion`), 200);
    expect(suggestion.current).toMatchObject({ leaderUnitId: k4.dukdn, deputyUnitId: k4.dukdh });
    expect(suggestion.suggestion.leaderUnitId).toBe(k4.dukdh);
    const res = await expectStatus(board.post(`/api/block-years/${k4.year2025}/next-year`), 201);
    expect(res).toMatchObject({ seatsFrom: 'suggestion', skippedUnits: [] });
    expect(res.blockYear).toMatchObject({ year: 2026, status: 'setup', leaderUnitId: k4.dukdh, deputyUnitId: suggestion.suggestion.deputyUnitId });
    expect(res.blockYear.members).toHaveLength(5);
    // 2026 cites the instruments in force from mid-2025.
    expect(res.blockYear.legalBasis.map((l: any) => l.number)).toContain('152/2025/NĐ-CP');

    const [src] = await t.ds.query(
      `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id WHERE d.block_year_id = $1 AND d.kind = 'plan'
       ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [k4.year2025]);
    const [plan] = await t.ds.query(
      `SELECT d.id, d.doc_number, v.number, v.status, v.title, v.sections, v.plan FROM draft_documents d JOIN draft_versions v ON v.document_id = d.id WHERE d.block_year_id = $1`,
      [res.blockYear.id]);
    expect(plan).toMatchObject({ id: res.planDocumentId, doc_number: '01/KH-KTĐ4', number: 1, status: 'draft', title: 'Hoạt động năm 2026 của Khối thi đua số 4' });
    expect(plan.sections.map((s: any) => [s.key, s.heading, s.body])).toEqual(src.sections.map((s: any) => [s.key, s.heading, s.body]));
    expect(plan.plan).toMatchObject({ theme: '', activities: [], commemorations: [], fieldTrips: [] });
    expect(plan.plan.movements).toEqual((src.plan?.movements ?? []).filter((m: any) => m.kind === 'regular'));
    const [{ n: srcCriteria }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM scoring_criteria WHERE scheme_id = (SELECT based_on_id FROM scoring_schemes WHERE id = $1)`, [res.schemeId]);
    const [{ n: newCriteria }] = await t.ds.query('SELECT count(*)::int AS n FROM scoring_criteria WHERE scheme_id = $1', [res.schemeId]);
    expect(newCriteria).toBe(srcCriteria);
    expect(newCriteria).toBeGreaterThan(0);
    // The 2026 leader (ĐUK các trường ĐH, CĐ) drafts on the copied plan.
    const dh = await t.as(K4.dukdhOfficer);
    expect(await expectStatus(dh.get(`/api/drafts/${res.planDocumentId}`), 200)).toBeTruthy();
  });
});
