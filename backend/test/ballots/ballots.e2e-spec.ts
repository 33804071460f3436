/**
 * Secret ballot at the year-end conference: opening (roles, scope, quorum, candidates, quota), casting
 * (who, what, once), the leader seeing only counts until closing, the tally, and the bad inputs of the issue,
 * each refused with a Vietnamese message and nothing changed.
 */
import { createTestApp, type TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';
import { BallotsService } from '../../src/modules/ballots/ballots.service';
import { ballotYear, BallotYear, grantTitles, openBallot, vote, yearEndConference } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const VN = /[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵ]/i;

/** Voters and papers of a ballot, straight from the tables. */
async function stored(ballotId: string) {
  const [{ voters }] = await t.ds.query('SELECT count(*)::int AS voters FROM ballot_voters WHERE ballot_id = $1', [ballotId]);
  const [box] = await t.ds.query('SELECT papers FROM ballot_boxes WHERE ballot_id = $1', [ballotId]);
  const [b] = await t.ds.query('SELECT status, version FROM ballots WHERE id = $1', [ballotId]);
  return { voters, papers: box?.papers ?? null, status: b.status, version: b.version };
}

describe('opening a ballot', () => {
  let y: BallotYear;
  let conf: string;
  beforeAll(async () => {
    y = await ballotYear(t);
    conf = (await yearEndConference(y)).id;
  });

  it('the leader opens it: eligible units in rank order, the quota, one ballot per present unit', async () => {
    const b = await openBallot(y, conf, 'city_merit');
    // city_merit: top 50% of 5 members = ranks 1–2; quota 50% of 5 = 2.
    expect(b).toMatchObject({
      round: 1, mode: 'electronic', status: 'open', awardCode: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', quota: 2, members: 5, present: 5,
      ballotsCast: 0, thresholdPercent: 50, thresholdBase: 'members', result: null, voters: [],
    });
    expect(b.candidates.map((c: any) => [c.unitId, c.rank])).toEqual([[y.ids.lhp, 1], [y.ids.hiza, 2]]);
    expect(b.permissions).toMatchObject({ canRun: true, canClose: true, canEnterPaperTally: false });
    expect(b.myUnit).toMatchObject({ unitId: y.ids.dukcq, present: true, hasVoted: false, canVote: false });
    const [entry] = (await auditOf(t.ds, 'ballot', b.id)).filter((a) => a.action === 'ballot.open');
    expect(entry.after).toMatchObject({ awardCode: 'city_merit', quota: 2, candidates: [y.ids.lhp, y.ids.hiza], presentUnitIds: expect.any(Array) });
    // A second ballot for the same award while this one is open.
    const again = await expectStatus(y.leader.post('/api/ballots', { conferenceId: conf, awardCode: 'city_merit' }), 409);
    expect(again).toMatchObject({ code: 'ballot_open', message: expect.stringMatching(VN) });
  });

  it('only the leader seat opens: deputy, member units, the board and admin are refused', async () => {
    const before = (await t.ds.query('SELECT count(*)::int AS n FROM ballots WHERE block_year_id = $1', [y.yearId]))[0].n;
    for (const email of [y.acc.dukdn.officer, y.acc.dukdn.head, y.acc.lhp.officer, y.acc.lhp.head, K4.board, K4.admin]) {
      const c = await y.as(email);
      const res = await expectStatus(c.post('/api/ballots', { conferenceId: conf, awardCode: 'gov_flag' }), 403);
      expect(res.message).toMatch(VN);
    }
    // An officer of another block cannot even see the year.
    const other = await y.as(K4.otherBlock);
    await expectStatus(other.post('/api/ballots', { conferenceId: conf, awardCode: 'gov_flag' }), 403);
    await expectStatus(other.get(`/api/ballots?conferenceId=${conf}`), 403);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM ballots WHERE block_year_id = $1', [y.yearId]))[0].n).toBe(before);
  });

  it('the head of the leader unit may open too (the seat, not the person)', async () => {
    const head = await y.head('dukcq');
    await grantTitles(t, y, ['lhp']);
    const b = await expectStatus(head.post('/api/ballots', { conferenceId: conf, awardCode: 'gov_flag' }), 201);
    expect(b.candidates.map((c: any) => c.unitId)).toEqual([y.ids.lhp]);
    expect(b.quota).toBe(1);
  });

  it('refuses an unknown award, a bad body, and an award nobody is eligible for', async () => {
    const unknown = await expectStatus(y.leader.post('/api/ballots', { conferenceId: conf, awardCode: 'no_such_award' }), 400);
    expect(unknown.fields).toHaveProperty('awardCode');
    const bad = await expectStatus(y.leader.post('/api/ballots', { conferenceId: 'x', awardCode: 'city_flag', mode: 'postal' }), 400);
    expect(Object.keys(bad.fields).sort()).toEqual(['conferenceId', 'mode']);
    // city_flag needs "Tập thể lao động xuất sắc" within the top 3: only lhp holds it (granted above).
    const flag = await openBallot(y, conf, 'city_flag');
    expect(flag.candidates.map((c: any) => c.unitId)).toEqual([y.ids.lhp]);
  });

  it('needs a year-end conference in session with its quorum', async () => {
    const y2 = await ballotYear(t);
    const planned = await yearEndConference(y2, { open: false, present: [] });
    const notYet = await expectStatus(y2.leader.post('/api/ballots', { conferenceId: planned.id, awardCode: 'city_merit' }), 409);
    expect(notYet).toMatchObject({ code: 'not_in_session', message: expect.stringContaining('chưa khai mạc') });
    const midYear = await yearEndConference(y2, { kind: 'mid_year', present: ['dukcq', 'dukdn', 'lhp', 'hiza'] });
    expect(await expectStatus(y2.leader.post('/api/ballots', { conferenceId: midYear.id, awardCode: 'city_merit' }), 409)).toMatchObject({ code: 'not_year_end' });
    // 3 of 5 present: 2/3 needs 4.
    const thin = await yearEndConference(y2, { present: ['dukcq', 'dukdn', 'lhp'], absent: ['hiza', 'dukdh'] });
    const noQuorum = await expectStatus(y2.leader.post('/api/ballots', { conferenceId: thin.id, awardCode: 'city_merit' }), 409);
    expect(noQuorum).toMatchObject({ code: 'no_quorum', message: expect.stringContaining('có mặt 3/5, cần ít nhất 4') });
    // The fourth unit arrives: the quorum is met.
    await expectStatus(y2.leader.post(`/api/conferences/${thin.id}/attendance/${y2.ids.hiza}/check-in`, { presence: 'present', delegateName: 'Đại biểu' }), 201);
    const b = await openBallot(y2, thin.id, 'city_merit');
    expect(b.present).toBe(4);
    expect(b.presentUnits.map((u: any) => u.unitId).sort()).toEqual([y2.ids.dukcq, y2.ids.dukdn, y2.ids.lhp, y2.ids.hiza].sort());
    // Concluding the conference: no more ballots there.
    await expectStatus(y2.leader.post(`/api/conferences/${thin.id}/close`, {}), 201);
    expect(await expectStatus(y2.leader.post('/api/ballots', { conferenceId: thin.id, awardCode: 'gov_flag' }), 409)).toMatchObject({ code: 'not_in_session' });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM ballots WHERE block_year_id = $1', [y2.yearId]))[0].n).toBe(1);
  });

  it('has no candidates before the year-end round is finalised, unless the award has no rank gate', async () => {
    const y3 = await ballotYear(t, { finalised: false });
    const c = await yearEndConference(y3);
    const res = await expectStatus(y3.leader.post('/api/ballots', { conferenceId: c.id, awardCode: 'city_merit' }), 409);
    expect(res).toMatchObject({ code: 'no_candidates', message: expect.stringContaining('chưa hoàn tất') });
    // An award with no rank gate does not wait for the round: every unit passing its other gates stands.
    const [before] = await t.ds.query(`SELECT top_n_kind, top_n_value FROM award_types WHERE year = 2024 AND code = 'city_merit'`);
    await t.ds.query(`UPDATE award_types SET top_n_kind = NULL, top_n_value = NULL WHERE year = 2024 AND code = 'city_merit'`);
    try {
      const b = await expectStatus(y3.leader.post('/api/ballots', { conferenceId: c.id, awardCode: 'city_merit' }), 201);
      expect(b.candidates.map((x: { unitId: string }) => x.unitId).sort()).toEqual(Object.values(y3.ids).sort());
    } finally {
      await t.ds.query(`UPDATE award_types SET top_n_kind = $1, top_n_value = $2 WHERE year = 2024 AND code = 'city_merit'`, [before.top_n_kind, before.top_n_value]);
    }
  });
});

describe('casting, secrecy towards the leader, closing', () => {
  let y: BallotYear;
  let conf: string;
  let ballot: any;
  beforeAll(async () => {
    y = await ballotYear(t);
    // The officer of hiza is its delegate; dukdh is absent.
    conf = (await yearEndConference(y, { present: ['dukcq', 'dukdn', 'lhp', 'hiza'], absent: ['dukdh'], delegates: { hiza: `${y.names[y.acc.hiza.officer]} – Chuyên viên` } })).id;
    ballot = await openBallot(y, conf, 'city_merit');
  });

  it('a head casts the unit ballot; everyone then sees one ballot cast and who voted, not what', async () => {
    const lhp = await y.head('lhp');
    const after = await expectStatus(lhp.post(`/api/ballots/${ballot.id}/votes`, { approvals: [y.ids.lhp, y.ids.hiza] }), 201);
    expect(after).toMatchObject({ ballotsCast: 1, result: null, voters: [{ unitId: y.ids.lhp }], myUnit: { hasVoted: true, canVote: false } });
    expect(JSON.stringify(after)).not.toContain('approvals');
    const leaderView = await expectStatus(y.leader.get(`/api/ballots/${ballot.id}`), 200);
    expect(leaderView).toMatchObject({ ballotsCast: 1, result: null, voters: [{ unitId: y.ids.lhp, votedAt: expect.any(String) }] });
    expect(leaderView.myUnit).toMatchObject({ canVote: false, reason: expect.stringContaining('thủ trưởng') });
    // The leader reading the contents before closing.
    const peek = await expectStatus(y.leader.get(`/api/ballots/${ballot.id}/result`), 409);
    expect(peek).toMatchObject({ code: 'ballot_open', message: expect.stringContaining('1/4') });
    const board = await y.as(K4.board);
    await expectStatus(board.get(`/api/ballots/${ballot.id}/result`), 409);
    const list = await expectStatus(y.leader.get(`/api/ballots?conferenceId=${conf}`), 200);
    expect(list).toEqual([expect.objectContaining({ id: ballot.id, ballotsCast: 1, present: 4, status: 'open' })]);
    // The audit says that lhp voted, nothing more.
    const votes = (await auditOf(t.ds, 'ballot', ballot.id)).filter((a) => a.action === 'ballot.vote');
    expect(votes).toEqual([expect.objectContaining({ before: null, after: { unitId: y.ids.lhp } })]);
  });

  it('an officer casts it when checked in as the delegate; another officer may not', async () => {
    const officer = await y.as(y.acc.hiza.officer);
    expect((await expectStatus(officer.get(`/api/ballots/${ballot.id}`), 200)).myUnit).toMatchObject({ canVote: true, reason: null });
    // lhp's officer is not its delegate (the head is).
    const lhpOfficer = await y.as(y.acc.lhp.officer);
    const res = await expectStatus(lhpOfficer.post(`/api/ballots/${ballot.id}/votes`, { approvals: [] }), 403);
    expect(res).toMatchObject({ code: 'not_delegate' });
    const dn = await y.as(y.acc.dukdn.officer);
    expect(await expectStatus(dn.post(`/api/ballots/${ballot.id}/votes`, { approvals: [] }), 403)).toMatchObject({ code: 'not_delegate' });
    // A blank ballot (approving nobody) is a valid ballot.
    await expectStatus(officer.post(`/api/ballots/${ballot.id}/votes`, { approvals: [] }), 201);
    expect((await stored(ballot.id)).voters).toBe(2);
  });

  it('refuses every abuse and changes nothing', async () => {
    const before = await stored(ballot.id);
    const auditBefore = (await auditOf(t.ds, 'ballot', ballot.id)).length;
    const cases: [string, any, number, string][] = [
      // not present: dukdh was absent when the ballot opened
      [y.acc.dukdh.head, { approvals: [y.ids.lhp] }, 403, 'not_present'],
      // twice
      [y.acc.lhp.head, { approvals: [y.ids.hiza] }, 409, 'already_voted'],
      // another unit, not a candidate
      [y.acc.dukdn.head, { approvals: [y.ids.dukdh] }, 400, 'not_candidate'],
      // a unit outside the block
      [y.acc.dukdn.head, { approvals: [ballot.id] }, 400, 'not_candidate'],
      // the same candidate twice
      [y.acc.dukdn.head, { approvals: [y.ids.lhp, y.ids.lhp] }, 400, 'validation_failed'],
      // casting for another unit
      [y.acc.dukdn.head, { approvals: [], unitId: y.ids.dukdh }, 403, 'other_unit'],
      // the board, an admin, another block
      [K4.board, { approvals: [] }, 403, 'not_voter'],
      [K4.admin, { approvals: [] }, 403, 'not_voter'],
      [K4.otherBlock, { approvals: [] }, 403, 'not_member'],
      // the demo's KTĐ4 head is not a member of this block
      [K4.lhpHead, { approvals: [] }, 403, 'not_member'],
    ];
    for (const [email, body, status, code] of cases) {
      const c = await y.as(email);
      const res = await expectStatus(c.post(`/api/ballots/${ballot.id}/votes`, body), status);
      expect({ email, code: res.code }).toEqual({ email, code });
      expect(res.message).toMatch(VN);
    }
    expect(await stored(ballot.id)).toEqual(before);
    expect((await auditOf(t.ds, 'ballot', ballot.id)).length).toBe(auditBefore);
  });

  it('closing counts the box; afterwards the result is public and nobody votes', async () => {
    await vote(y, ballot.id, { dukcq: ['lhp'], dukdn: ['lhp', 'hiza'] });
    const member = await y.as(y.acc.lhp.officer);
    await expectStatus(member.post(`/api/ballots/${ballot.id}/close`), 403);
    await expectStatus((await y.as(K4.board)).post(`/api/ballots/${ballot.id}/close`), 403);
    const closed = await expectStatus(y.leader.post(`/api/ballots/${ballot.id}/close`), 200);
    // Ballots: lhp {lhp, hiza}, hiza {}, dukcq {lhp}, dukdn {lhp, hiza}. 5 members at 50% → at least 3.
    expect(closed).toMatchObject({ status: 'closed', ballotsCast: 4, closedAt: expect.any(String) });
    expect(closed.result).toMatchObject({
      members: 5, present: 4, ballotsCast: 4, valid: 4, invalid: 0, base: 5, threshold: 2.5, approvalsNeeded: 3, revote: null,
      elected: [{ unitId: y.ids.lhp }],
      candidates: [
        { unitId: y.ids.lhp, approvals: 3, percent: 60, aboveThreshold: true, elected: true },
        { unitId: y.ids.hiza, approvals: 2, percent: 40, aboveThreshold: false, elected: false },
      ],
    });
    // The stored papers recount to the same result, in no particular order.
    expect(closed.result.papers.map((p: string[]) => JSON.stringify(p)).sort()).toEqual(
      [[], [y.ids.lhp], [y.ids.hiza, y.ids.lhp].sort(), [y.ids.hiza, y.ids.lhp].sort()].map((p) => JSON.stringify(p)).sort());
    expect(closed.series).toMatchObject({ complete: true, revotePending: false, elected: [{ unitId: y.ids.lhp, approvals: 3, round: 1 }] });
    expect(await expectStatus(member.get(`/api/ballots/${ballot.id}/result`), 200)).toMatchObject({ elected: [{ unitId: y.ids.lhp }] });
    const [entry] = (await auditOf(t.ds, 'ballot', ballot.id)).filter((a) => a.action === 'ballot.close');
    expect(entry.after).toMatchObject({ status: 'closed', ballotsCast: 4, elected: [y.ids.lhp] });

    // Voting after close, closing twice, a paper tally on an electronic ballot.
    const before = await stored(ballot.id);
    const hizaHead = await y.head('hiza');
    expect(await expectStatus(hizaHead.post(`/api/ballots/${ballot.id}/votes`, { approvals: [] }), 409)).toMatchObject({ code: 'ballot_closed' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${ballot.id}/close`), 409)).toMatchObject({ code: 'ballot_closed' });
    expect(await stored(ballot.id)).toEqual(before);

    // The contract: outcomes for the proposals module.
    const outcomes = await t.app.get(BallotsService).outcomes(t.ds.manager, y.yearId);
    expect(outcomes).toEqual([expect.objectContaining({
      ballotId: ballot.id, conferenceId: conf, code: 'city_merit', mode: 'electronic', round: 1, status: 'closed', revotePending: false,
      elected: [{ unitId: y.ids.lhp, name: expect.any(String), approvals: 3, percent: 60 }], tallyRecord: { signed: false, documentNumber: null },
    })]);
    expect(await expectStatus(member.get(`/api/ballots/outcomes?blockYearId=${y.yearId}`), 200)).toHaveLength(1);
  });

  it('refuses approving more candidates than the quota', async () => {
    // city_flag: quota 1; two of the top 3 hold the required title.
    await grantTitles(t, y, ['lhp', 'hiza']);
    const flag = await openBallot(y, conf, 'city_flag');
    expect(flag.quota).toBe(1);
    expect(flag.candidates).toHaveLength(2);
    const head = await y.head('dukdn');
    const res = await expectStatus(head.post(`/api/ballots/${flag.id}/votes`, { approvals: [y.ids.lhp, y.ids.hiza] }), 400);
    expect(res).toMatchObject({ code: 'over_quota', fields: { approvals: expect.stringContaining('tối đa 1') } });
    expect(await stored(flag.id)).toMatchObject({ voters: 0, papers: [] });
  });
});

describe('an officer of a member unit cannot open or close; the deputy neither', () => {
  it('refuses closing by the deputy seat', async () => {
    const y = await ballotYear(t);
    const conf = await yearEndConference(y);
    const b = await openBallot(y, conf.id);
    const deputy = await y.as(y.acc.dukdn.officer);
    const res = await expectStatus(deputy.post(`/api/ballots/${b.id}/close`), 403);
    expect(res.message).toContain('Khối trưởng');
    expect((await stored(b.id)).status).toBe('open');
  });

  it('an archived year is read-only: no vote, no closing; still readable', async () => {
    const y = await ballotYear(t);
    const conf = await yearEndConference(y);
    const b = await openBallot(y, conf.id);
    await t.ds.query(`UPDATE block_years SET status = 'archived' WHERE id = $1`, [y.yearId]);
    expect(await expectStatus((await y.head('lhp')).post(`/api/ballots/${b.id}/votes`, { approvals: [] }), 409)).toMatchObject({ code: 'archived' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${b.id}/close`), 409)).toMatchObject({ code: 'archived' });
    expect(await expectStatus(y.leader.get(`/api/ballots/${b.id}`), 200)).toMatchObject({ status: 'open', permissions: { canRun: false } });
    expect(await stored(b.id)).toMatchObject({ voters: 0, status: 'open' });
    // A list needs its year or conference.
    expect((await expectStatus(y.leader.get('/api/ballots'), 400)).fields).toHaveProperty('blockYearId');
  });
});
