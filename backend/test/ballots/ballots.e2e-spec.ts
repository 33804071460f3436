/**
 * Secret ballot at the year-end conference: opening (roles, scope, quorum, candidates, quota), casting
 * (who, what, once), the leader seeing only counts until closing, the tally, and the bad inputs of the issue,
 * each refused with a Vietnamese message and nothing changed.
 */
import { createTestApp, type TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { BallotReadService } from '../../src/modules/ballots/ballot-read.service';
import { ristretto255 } from '@noble/curves/ed25519';
import { encryptPaper, paperReceipt, verifyDecryption } from '../../src/modules/ballots/crypto/paper-crypto';
import { ballotYear, BallotYear, castPaper, grantTitles, openBallot, paperFor, strayPaper, vote, yearEndConference } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const VN = /[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵ]/i;

/** Voters, papers (by receipt) and key of a ballot, straight from the tables. */
async function stored(ballotId: string) {
  const [{ voters }] = await t.ds.query('SELECT count(*)::int AS voters FROM ballot_voters WHERE ballot_id = $1', [ballotId]);
  const papers = (await t.ds.query('SELECT receipt FROM ballot_papers WHERE ballot_id = $1 ORDER BY receipt', [ballotId])).map((r: { receipt: string }) => r.receipt);
  const [key] = await t.ds.query('SELECT wrapped FROM ballot_keys WHERE ballot_id = $1', [ballotId]);
  const [b] = await t.ds.query('SELECT status, version FROM ballots WHERE id = $1', [ballotId]);
  return { voters, papers, key: key?.wrapped ?? null, status: b.status, version: b.version };
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
      // The flag the browser shows the ballot controls by says no to each of them.
      expect((await expectStatus(c.get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canRunBallots).toBe(false);
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
    expect((await expectStatus(head.get(`/api/block-years/${y.yearId}/seat-suggestion`), 200)).canRunBallots).toBe(true);
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
    expect(ballot.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const lhp = await y.head('lhp');
    const paper = paperFor(ballot, [y.ids.lhp, y.ids.hiza]);
    const after = await expectStatus(lhp.post(`/api/ballots/${ballot.id}/votes`, { paper }), 201);
    expect(after).toMatchObject({ ballotsCast: 1, result: null, voters: [{ unitId: y.ids.lhp }], myUnit: { hasVoted: true, canVote: false } });
    // The receipt goes back to the voter only: it is the paper's hash, and nobody else's reading shows it.
    expect(after.receipt).toBe(paperReceipt(paper));
    expect(JSON.stringify(after)).not.toContain('approvals');
    expect((await expectStatus(lhp.get(`/api/ballots/${ballot.id}`), 200)).receipt).toBeNull();
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
    const res = await expectStatus(castPaper(lhpOfficer, ballot.id, []), 403);
    expect(res).toMatchObject({ code: 'not_delegate' });
    const dn = await y.as(y.acc.dukdn.officer);
    expect(await expectStatus(castPaper(dn, ballot.id, []), 403)).toMatchObject({ code: 'not_delegate' });
    // A blank ballot (approving nobody) is a valid ballot.
    await expectStatus(castPaper(officer, ballot.id, []), 201);
    expect((await stored(ballot.id)).voters).toBe(2);
  });

  it('refuses every abuse and changes nothing', async () => {
    const before = await stored(ballot.id);
    const auditBefore = (await auditOf(t.ds, 'ballot', ballot.id)).length;
    const blank = paperFor(ballot, []);
    const one = paperFor(ballot, [y.ids.lhp]);
    const P = ristretto255.Point;
    // A choice that encrypts 2: G added to an encryption of 1, its proof left as it was.
    const two = JSON.parse(JSON.stringify(one));
    const lhpAt = ballot.candidates.findIndex((c: { unitId: string }) => c.unitId === y.ids.lhp);
    two.choices[lhpAt].b = P.fromHex(two.choices[lhpAt].b).add(P.BASE).toHex();
    // −1: G taken from an encryption of 0.
    const negative = JSON.parse(JSON.stringify(blank));
    negative.choices[0].b = P.fromHex(negative.choices[0].b).subtract(P.BASE).toHex();
    const tampered = JSON.parse(JSON.stringify(one));
    tampered.choices[0].proof.s[0] = tampered.choices[0].proof.s[1];
    // Made for another ballot (same key would be needed; the ballot id alone already breaks the proofs).
    const replayed = encryptPaper({ ballotId: conf, publicKey: ballot.publicKey, candidates: ballot.candidates.length, quota: ballot.quota }, ballot.candidates.map(() => false));
    const cases: [string, any, number, string, string?][] = [
      // not present: dukdh was absent when the ballot opened
      [y.acc.dukdh.head, { paper: one }, 403, 'not_present'],
      // twice
      [y.acc.lhp.head, { paper: one }, 409, 'already_voted'],
      // a 2, a −1, a tampered proof, a paper of another ballot, the wrong number of choices
      [y.acc.dukdn.head, { paper: two }, 400, 'choice_proof', `paper.choices.${lhpAt}.proof`],
      [y.acc.dukdn.head, { paper: negative }, 400, 'choice_proof', 'paper.choices.0.proof'],
      [y.acc.dukdn.head, { paper: tampered }, 400, 'choice_proof', 'paper.choices.0.proof'],
      [y.acc.dukdn.head, { paper: replayed }, 400, 'choice_proof', 'paper.choices.0.proof'],
      [y.acc.dukdn.head, { paper: { ...one, choices: one.choices.slice(1) } }, 400, 'paper_shape', 'paper.choices'],
      // the paper in the clear (the server never takes a choice), none, null, NUL, huge, wrong types
      [y.acc.dukdn.head, { approvals: [y.ids.lhp] }, 400, 'validation_failed', 'approvals'],
      [y.acc.dukdn.head, {}, 400, 'validation_failed', 'paper'],
      [y.acc.dukdn.head, { paper: null }, 400, 'validation_failed', 'paper'],
      [y.acc.dukdn.head, { paper: { ...one, quotaProof: { c: ['\u0000'], s: [] } } }, 400, 'validation_failed', 'paper.quotaProof.c.0'],
      [y.acc.dukdn.head, { paper: { ...one, choices: Array(101).fill(one.choices[0]) } }, 400, 'validation_failed', 'paper.choices'],
      [y.acc.dukdn.head, { paper: { ...one, choices: [{ ...one.choices[0], a: 42 }, ...one.choices.slice(1)] } }, 400, 'validation_failed', 'paper.choices.0.a'],
      [y.acc.dukdn.head, { paper: 'x'.repeat(10_000) }, 400, 'validation_failed', 'paper'],
      // casting for another unit
      [y.acc.dukdn.head, { paper: blank, unitId: y.ids.dukdh }, 403, 'other_unit'],
      // the board, an admin, another block
      [K4.board, { paper: blank }, 403, 'not_voter'],
      [K4.admin, { paper: blank }, 403, 'not_voter'],
      [K4.otherBlock, { paper: blank }, 403, 'not_member'],
      // the demo's KTĐ4 head is not a member of this block
      [K4.lhpHead, { paper: blank }, 403, 'not_member'],
    ];
    for (const [email, body, status, code, field] of cases) {
      const c = await y.as(email);
      const res = await expectStatus(c.post(`/api/ballots/${ballot.id}/votes`, body), status);
      expect({ email, code: res.code }).toEqual({ email, code });
      expect(res.message).toMatch(VN);
      if (field) expect(Object.keys(res.fields ?? {})).toContain(field);
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
    // The receipts of the four papers are published in alphabetical order; the sums' decryption is provable.
    const receipts = (await stored(ballot.id)).papers;
    expect(closed.result.receipts).toEqual(receipts);
    expect(receipts).toHaveLength(4);
    expect(closed.result.decryption.publicKey).toBe(ballot.publicKey);
    expect(closed.result.decryption.sums.map((x: any) => [x.unitId, x.count])).toEqual(ballot.candidates.map((c: any) => [c.unitId, c.unitId === y.ids.lhp ? 3 : 2]));
    for (const sum of closed.result.decryption.sums) expect(verifyDecryption({ ballotId: ballot.id, publicKey: ballot.publicKey }, sum)).toBe(true);
    expect(closed.publicKey).toBeNull();
    // Counted: the wrapped secret key is gone.
    expect((await stored(ballot.id)).key).toBeNull();
    expect(closed.series).toMatchObject({ complete: true, revotePending: false, elected: [{ unitId: y.ids.lhp, approvals: 3, round: 1 }] });
    expect(await expectStatus(member.get(`/api/ballots/${ballot.id}/result`), 200)).toMatchObject({ elected: [{ unitId: y.ids.lhp }] });
    const [entry] = (await auditOf(t.ds, 'ballot', ballot.id)).filter((a) => a.action === 'ballot.close');
    expect(entry.after).toMatchObject({ status: 'closed', ballotsCast: 4, elected: [y.ids.lhp] });

    // Voting after close, closing twice, a paper tally on an electronic ballot.
    const before = await stored(ballot.id);
    const hizaHead = await y.head('hiza');
    expect(await expectStatus(hizaHead.post(`/api/ballots/${ballot.id}/votes`, { paper: paperFor(ballot, []) }), 409)).toMatchObject({ code: 'ballot_closed' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${ballot.id}/close`), 409)).toMatchObject({ code: 'ballot_closed' });
    expect(await stored(ballot.id)).toEqual(before);

    // The contract: outcomes for the proposals module.
    const outcomes = await t.app.get(BallotReadService).outcomes(t.ds.manager, y.yearId);
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
    // Both approved, each choice proved 0-or-1, the sum proved for a quota of 2: the ballot's quota is 1.
    const both = encryptPaper({ ballotId: flag.id, publicKey: flag.publicKey, candidates: 2, quota: 2 }, [true, true]);
    const res = await expectStatus(head.post(`/api/ballots/${flag.id}/votes`, { paper: both }), 400);
    expect(res).toMatchObject({ code: 'quota_proof', fields: { 'paper.quotaProof': expect.stringContaining('không quá 1 đơn vị') } });
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
    expect(await expectStatus((await y.head('lhp')).post(`/api/ballots/${b.id}/votes`, { paper: strayPaper() }), 409)).toMatchObject({ code: 'archived' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${b.id}/close`), 409)).toMatchObject({ code: 'archived' });
    expect(await expectStatus(y.leader.get(`/api/ballots/${b.id}`), 200)).toMatchObject({ status: 'open', permissions: { canRun: false } });
    expect(await stored(b.id)).toMatchObject({ voters: 0, status: 'open' });
    // A list needs its year or conference.
    expect((await expectStatus(y.leader.get('/api/ballots'), 400)).fields).toHaveProperty('blockYearId');
  });
});

describe('the server wrap key', () => {
  it('without it, electronic ballots are neither opened nor counted (paper still works); with another, the count waits and nothing changes', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const own = config.ballotWrapKey;
    const y = await ballotYear(t);
    const conf = await yearEndConference(y);
    try {
      config.ballotWrapKey = null;
      const refused = await expectStatus(y.leader.post('/api/ballots', { conferenceId: conf.id, awardCode: 'city_merit' }), 409);
      expect(refused).toMatchObject({ code: 'ballot_key_missing', message: expect.stringContaining('BALLOT_KEY_FILE') });
      expect((await t.ds.query('SELECT count(*)::int AS n FROM ballots WHERE block_year_id = $1', [y.yearId]))[0].n).toBe(0);
      await grantTitles(t, y, ['lhp', 'hiza']);
      expect(await openBallot(y, conf.id, 'city_flag', 'paper')).toMatchObject({ mode: 'paper', publicKey: null });
      config.ballotWrapKey = own;
      const b = await openBallot(y, conf.id, 'city_merit');
      await vote(y, b.id, { lhp: ['lhp'], hiza: ['lhp'], dukdh: ['lhp'] });
      config.ballotWrapKey = randomBytes(32);
      expect(await expectStatus(y.leader.post(`/api/ballots/${b.id}/close`), 409)).toMatchObject({ code: 'ballot_key_mismatch' });
      expect(await stored(b.id)).toMatchObject({ status: 'open', voters: 3, key: expect.stringMatching(/^v1:/) });
      config.ballotWrapKey = own;
      const closed = await expectStatus(y.leader.post(`/api/ballots/${b.id}/close`), 200);
      expect(closed.result).toMatchObject({ ballotsCast: 3, elected: [{ unitId: y.ids.lhp }] });
    } finally {
      config.ballotWrapKey = own;
    }
  });
});
