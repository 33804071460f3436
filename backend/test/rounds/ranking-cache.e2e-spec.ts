import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { K4, k4Ids } from '../scoring/helpers';
import { loadRound } from '../../src/modules/rounds/round-context';
import { ResultsService } from '../../src/modules/rounds/results.service';
import { RoundData } from '../../src/modules/rounds/round-data';
import { advanceTo, fillSelf, openRound, OpenRound, UNIT_KEYS, UnitKey, unitUrl } from './helpers';

/**
 * The live ranking is served from a results cache keyed by a fingerprint of the round's rows read from the
 * database on every request. After every kind of write (through the API or by hand in SQL) the next ranking
 * served must be the ranking computed from scratch: never a stale one.
 */
describe('live ranking: cached, never stale', () => {
  let t: TestApp;
  let r: OpenRound;

  /** The rows a fresh computation gives now, bypassing the cache, as JSON like the API answers. */
  const fresh = async (roundId: string) => {
    const ctx = await loadRound(t.ds.manager, roundId, null);
    return JSON.parse(JSON.stringify((await t.app.get(ResultsService).live(t.ds.manager, ctx)).rows));
  };
  // One session per account: signing in again on every read would end the oldest (10 live sessions at most).
  const clients = new Map<string, Promise<Awaited<ReturnType<TestApp['as']>>>>();
  const as = (email: string) => { if (!clients.has(email)) clients.set(email, t.as(email)); return clients.get(email)!; };
  const served = async (roundId: string, email = r.acc.dukcq.officer) => (await expectStatus((await as(email)).get(`/api/rounds/${roundId}/ranking`), 200)).rows;
  const rowOf = (rows: any[], unitId: string) => rows.find((x) => x.unitId === unitId);
  /** The ranking served, checked against a fresh computation. */
  const check = async (roundId: string, email?: string) => {
    const rows = await served(roundId, email);
    expect(rows).toEqual(await fresh(roundId));
    return rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t);
    await expectStatus((await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: UNIT_KEYS.map((k) => ({ unitId: r.ids[k], criterionId: r.c('II.1'), target: 100 })) }), 200);
    const S: Record<UnitKey, Record<string, object>> = {
      dukcq: { 'I.1': { score: 20 }, 'I.2': { passed: true }, 'I.3': { count: 5 }, 'II.1': { actual: 150 }, 'II.2': { score: 30 } },
      dukdn: { 'I.1': { score: 10 }, 'I.2': { passed: true }, 'I.3': { count: 5 }, 'II.1': { actual: 100 }, 'II.2': { score: 25 } },
      lhp: { 'I.1': { score: 20 }, 'I.2': { passed: false }, 'I.3': { count: 0 }, 'II.1': { actual: 150 }, 'II.2': { score: 20 } },
      hiza: { 'I.1': { score: 15 }, 'I.2': { passed: true }, 'I.3': { count: 2 }, 'II.1': { actual: 50 }, 'II.2': { score: 20 } },
      dukdh: { 'I.1': { score: 16 }, 'I.2': { passed: true }, 'I.3': { count: 2 }, 'II.1': { actual: 50 }, 'II.2': { score: 20 } },
    };
    for (const k of UNIT_KEYS) await fillSelf(r, r.acc[k].officer, r.ids[k], S[k]);
  });
  afterAll(() => t.close());

  it('serves the same ranking twice without a change, and checks access on every request', async () => {
    const first = await check(r.round.id);
    expect(first).toHaveLength(5);
    expect(await served(r.round.id)).toEqual(first);
    expect(await served(r.round.id, K4.board)).toEqual(first);
    // Warm cache or not, a member without a seat may not see the provisional ranking, nor another block's officer.
    const member = await (await t.as(r.acc.lhp.officer)).get(`/api/rounds/${r.round.id}/ranking`);
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('ranking_not_published');
    expect((await (await t.as(K4.otherBlock)).get(`/api/rounds/${r.round.id}/ranking`)).status).toBe(403);
  });

  it('a target changed through the API changes the ranking served next', async () => {
    const before = rowOf(await served(r.round.id), r.ids.lhp);
    await expectStatus((await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: [{ unitId: r.ids.lhp, criterionId: r.c('II.1'), target: 300 }] }), 200);
    const after = rowOf(await check(r.round.id), r.ids.lhp);
    expect(after.self.total).toBeLessThan(before.self.total); // 150 of a 300 target instead of beating a 100 target
  });

  it('after one unit\'s score row changed, reads and resolves only that unit again, and serves what a computation from scratch gives', async () => {
    await served(r.round.id);
    const spy = jest.spyOn(t.app.get(RoundData), 'resultsInput');
    try {
      await t.ds.query(`UPDATE score_entries SET score = 12, version = version + 1 WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [r.round.id, r.ids.dukdn, r.c('I.1')]);
      await check(r.round.id);
      expect(spy.mock.calls[0][2]).toMatchObject({ onlyUnits: [r.ids.dukdn] });
      // A change outside the score rows (a unit renamed) is computed from scratch.
      spy.mockClear();
      await t.ds.query(`UPDATE units SET name = name || ' ' WHERE id = $1`, [r.ids.dukdn]);
      await check(r.round.id);
      expect(spy.mock.calls[0][2]).not.toHaveProperty('onlyUnits');
      await t.ds.query(`UPDATE units SET name = rtrim(name) WHERE id = $1`, [r.ids.dukdn]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a score row changed by hand in SQL (no version bump) changes the ranking served next', async () => {
    const before = rowOf(await served(r.round.id), r.ids.hiza);
    const [, n] = await t.ds.query(`UPDATE score_entries SET score = 5 WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [r.round.id, r.ids.hiza, r.c('I.1')]);
    expect(n).toBe(1);
    const after = rowOf(await check(r.round.id), r.ids.hiza);
    expect(after.self.total).toBeCloseTo(before.self.total - 10, 2);
    expect(after.final.total).toBeCloseTo(before.final.total - 10, 2);
    // Two rows trading their values (same sums, same versions) are a change too.
    await t.ds.query(
      `UPDATE score_entries e SET score = CASE WHEN e.unit_id = $2 THEN 20 ELSE 5 END
       WHERE e.round_id = $1 AND e.criterion_id = $4 AND e.source = 'self' AND e.unit_id IN ($2, $3)`, [r.round.id, r.ids.hiza, r.ids.lhp, r.c('I.1')]);
    const swapped = await check(r.round.id);
    expect(rowOf(swapped, r.ids.hiza).self.total).toBeCloseTo(before.self.total + 5, 2);
    // A unit renamed by hand, and a row deleted by hand.
    await t.ds.query(`UPDATE units SET name = name || ' (đổi tên)' WHERE id = $1`, [r.ids.dukdh]);
    expect(rowOf(await check(r.round.id), r.ids.dukdh).unitName).toMatch(/\(đổi tên\)$/);
    await t.ds.query(`DELETE FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [r.round.id, r.ids.dukdh, r.c('II.2')]);
    expect(rowOf(await check(r.round.id), r.ids.dukdh).self.total).toBeCloseTo(rowOf(swapped, r.ids.dukdh).self.total - 20, 2);
  });

  it('a new final score changes the ranking served next', async () => {
    await advanceTo(r.leader, r.round.id, 'final_review');
    const before = rowOf(await served(r.round.id), r.ids.lhp);
    const put = await r.put(r.acc.dukcq.officer);
    await expectStatus(put(`${unitUrl(r, r.ids.lhp)}/final/${r.c('II.2')}`, { score: 10, note: 'Không đủ minh chứng', version: 0 }), 200);
    const after = rowOf(await check(r.round.id), r.ids.lhp);
    expect(after.final.total).toBeCloseTo(before.final.total - 10, 2);
    expect(after.self.total).toBe(before.self.total);
  });

  it('a covenant target or the rule set changed by hand changes the ranking of a reopened demo round', async () => {
    const ids = await k4Ids(t);
    const [round] = await t.ds.query(`SELECT id FROM scoring_rounds WHERE block_year_id = $1 AND kind = 'year_end'`, [ids.year2024]);
    await expectStatus((await t.as(K4.leader2024)).post(`/api/rounds/${round.id}/reopen`, { reason: 'Kiểm tra bộ nhớ đệm bảng xếp hạng' }), 201);
    const before = rowOf(await check(round.id, K4.leader2024), ids.dukcq);
    const [, n] = await t.ds.query(
      `UPDATE covenant_targets t SET target_value = t.target_value * 4 FROM covenants c
       WHERE c.id = t.covenant_id AND c.block_year_id = $1 AND c.status = 'in_force' AND t.unit_id = $2`, [ids.year2024, ids.dukcq]);
    expect(n).toBeGreaterThan(0);
    const after = rowOf(await check(round.id, K4.leader2024), ids.dukcq);
    expect(after.final.total).not.toBe(before.final.total);
    // The year's final score rule: the median of the peers instead of the leader's appraisal.
    const totals = (rows: any[]) => rows.map((x) => [x.unitId, x.final.total]);
    const leaderRule = await served(round.id, K4.leader2024);
    await t.ds.query(`UPDATE block_years SET rules = rules || '{"finalScoreRule":"peer_median"}'::jsonb WHERE id = $1`, [ids.year2024]);
    expect(totals(await check(round.id, K4.leader2024))).not.toEqual(totals(leaderRule));
  });
});
