/**
 * Rules that would surprise: the ranking rules do not change under an open round, and a scheme whose total
 * is not the year's scale does not open a round.
 */
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { buildScheme, K4 } from '../scoring/helpers';
import { DAY, newYear, openRound } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the tie-break chain while a round is open', () => {
  it('is refused (409 naming the round and the rule) and the ranking keeps the chain it shows', async () => {
    const r = await openRound(t);
    const board = await t.as(K4.board);
    const year = await expectStatus(board.get(`/api/block-years/${r.yearId}`), 200);
    const reversed = [...year.rules.tieBreakChain].reverse();
    const res = await expectStatus(board.patch(`/api/block-years/${r.yearId}`, { rules: { ...year.rules, tieBreakChain: reversed }, version: year.version }), 409);
    expect(res).toMatchObject({ code: 'round_open', fields: { 'rules.tieBreakChain': expect.any(String) } });
    expect(res.message).toContain('Chấm điểm thi đua năm 2024 (thử)');
    expect(res.message).toContain('thứ tự ưu tiên khi bằng điểm');
    // Other rules may still change; the ranking states the chain it is computed with.
    await expectStatus(board.patch(`/api/block-years/${r.yearId}`, { rules: { ...year.rules, reviewsPerUnit: 3 }, version: year.version }), 200);
    const ranking = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/ranking`), 200);
    expect(ranking.tieBreakChain).toEqual(year.rules.tieBreakChain);
  });
});

describe('a scheme off the year\u2019s scale', () => {
  it('does not open a round: 409 naming both totals; on the scale it opens', async () => {
    const f = await newYear(t);
    const leader = await t.as(f.acc.dukcq.officer);
    const scheme = await buildScheme(leader, f.yearId);
    const board = await t.as(K4.board);
    const year = await expectStatus(board.get(`/api/block-years/${f.yearId}`), 200);
    await expectStatus(board.patch(`/api/block-years/${f.yearId}`, { rules: { ...year.rules, scoringScaleMax: 20 }, version: year.version }), 200);
    const now = Date.now();
    const body = {
      blockYearId: f.yearId, schemeId: scheme.id, kind: 'year_end', title: 'Chấm điểm năm 2024',
      selfAssessmentUntil: new Date(now + 10 * DAY).toISOString(), reviewUntil: new Date(now + 20 * DAY).toISOString(), explanationUntil: new Date(now + 30 * DAY).toISOString(),
    };
    const refused = await expectStatus(leader.post('/api/rounds', body), 409);
    expect(refused).toMatchObject({ code: 'scale_mismatch', fields: { schemeId: expect.any(String) } });
    expect(refused.message).toContain('(100)');
    expect(refused.message).toContain('(20)');
    const back = await expectStatus(board.get(`/api/block-years/${f.yearId}`), 200);
    await expectStatus(board.patch(`/api/block-years/${f.yearId}`, { rules: { ...back.rules, scoringScaleMax: 100 }, version: back.version }), 200);
    await expectStatus(leader.post('/api/rounds', body), 201);
  });
});
