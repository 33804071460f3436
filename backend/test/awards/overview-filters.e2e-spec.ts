import { createTestApp, TestApp, type Client_ } from '../app';
import { expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';
import { RoundRankingRows1765830000000 } from '../../src/database/migrations/1765830000000-round-ranking-rows';

// The board overview's filters and sorts (issue 18): lateness, step, Vietnamese name order, the city-wide
// aggregates above the page; the finalised ranking read from the rounds module's rows, written at finalising
// and removed at reopening.
describe('board overview: lateness, sorting, aggregates, ranking rows', () => {
  let t: TestApp;
  let board: Client_;
  const get = async (query: string, year = 2025) => expectStatus(board.get(`/api/board/overview?year=${year}&${query}`), 200);
  const codes = (o: any) => o.blockYears.map((b: any) => b.blockCode);
  const rowsOf = (roundId: string) => t.ds.query('SELECT unit_id, rank, unit_name, total::float8 AS total FROM round_ranking_rows WHERE round_id = $1 ORDER BY rank, unit_id', [roundId]);
  const k4YearEnd2024 = async (): Promise<string> => (await t.ds.query(
    `SELECT r.id FROM scoring_rounds r JOIN block_years y ON y.id = r.block_year_id JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = 2024 AND r.kind = 'year_end'`))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    board = await t.as(K4.board);
  });
  afterAll(() => t.close());

  it('a block whose units missed their self-assessment deadline and whose finalising date passed is late, since the earliest missed deadline', async () => {
    const before = await get('pageSize=50');
    expect(before.aggregates.late).toBe(0);
    // Khối 4's 2025 mid-year round: every deadline moved into the past, no unit has submitted.
    await t.ds.query(
      `UPDATE scoring_rounds r SET opens_at = now() - interval '40 days', self_assessment_until = now() - interval '30 days 1 hour', review_until = now() - interval '20 days',
              explanation_until = now() - interval '10 days', final_review_until = now() - interval '3 days'
       FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = r.block_year_id AND b.code = 'KTĐ4' AND y.year = 2025`);
    const o = await get('pageSize=50');
    const k4 = o.blockYears.find((b: any) => b.blockCode === 'KTĐ4');
    expect(k4.lateness).toMatchObject({
      late: true, reasons: ['self_assessment', 'finalisation'], labels: ['Đơn vị quá hạn chưa nộp bản tự chấm', 'Quá hạn chốt điểm, hoàn tất đợt chấm'], daysLate: 30,
    });
    expect(o.aggregates.late).toBe(1);
    expect(o.aggregates.lateByReason).toEqual([
      { reason: 'self_assessment', label: 'Đơn vị quá hạn chưa nộp bản tự chấm', count: 1 },
      { reason: 'finalisation', label: 'Quá hạn chốt điểm, hoàn tất đợt chấm', count: 1 },
      { reason: 'appraisal', label: 'Hồ sơ quá hạn thẩm định', count: 0 },
    ]);
    expect(o.blockYears.filter((b: any) => b.blockCode !== 'KTĐ4').every((b: any) => !b.lateness.late && b.lateness.daysLate === 0)).toBe(true);

    // Filtered: late=true is exactly the late blocks, late=false the others; the aggregates stay the whole year's.
    const late = await get('late=true&pageSize=50');
    expect(codes(late)).toEqual(['KTĐ4']);
    expect(late.total).toBe(1);
    expect(late.aggregates).toEqual(o.aggregates);
    const onTime = await get('late=false&pageSize=50');
    expect(onTime.total).toBe(o.total - 1);
    expect(codes(onTime)).not.toContain('KTĐ4');

    // Sorted by lateness: the late block first, then the others in name order.
    const byLateness = await get('sort=lateness&pageSize=50');
    expect(byLateness.sort).toBe('lateness');
    expect(codes(byLateness)).toEqual(['KTĐ4', ...codes(o).filter((c: string) => c !== 'KTĐ4')]);
  });

  it('a round past its finalising date alone makes a block late; its units on time do not', async () => {
    // Khối 4's 2024 year-end round reopened and given a finalising date 2 days ago: late since then, for that reason only.
    const roundId = await k4YearEnd2024();
    await expectStatus((await t.as(K4.leader2024)).post(`/api/rounds/${roundId}/reopen`, { reason: 'Xem lại điểm' }), 201);
    await t.ds.query(`UPDATE scoring_rounds SET final_review_until = now() - interval '2 days 1 hour' WHERE id = $1`, [roundId]);
    const k4 = (await get('q=KTĐ4', 2024)).blockYears[0];
    expect(k4.lateness).toMatchObject({ late: true, reasons: ['finalisation'], daysLate: 2 });
    await t.ds.query(`UPDATE scoring_rounds SET final_review_until = NULL WHERE id = $1`, [roundId]);
    await expectStatus((await t.as(K4.leader2024)).post(`/api/rounds/${roundId}/finalise`, {}), 201);
    expect((await get('q=KTĐ4', 2024)).blockYears[0].lateness.late).toBe(false);
  });

  it('sorts by name (khối before cụm, Vietnamese order), by step (least advanced first), pages in that order', async () => {
    const byName = await get('pageSize=50', 2024);
    expect(byName.sort).toBe('name');
    expect(codes(byName)).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']);
    const byStep = await get('sort=step&pageSize=50', 2024);
    const idx = byStep.blockYears.map((b: any) => b.stepIndex);
    expect(idx).toEqual([...idx].sort((a: number, b: number) => a - b));
    expect(codes(byStep).at(-1)).toBe('KTĐ4');
    const p1 = await get('sort=step&pageSize=1&page=1', 2024);
    const p2 = await get('sort=step&pageSize=1&page=2', 2024);
    expect([...codes(p1), ...codes(p2)]).toEqual(codes(byStep).slice(0, 2));
  });

  it('gives the city-wide aggregates at the top: blocks, members, per step, finalised rankings', async () => {
    const o = await get('pageSize=1', 2024);
    expect(o.blockYears).toHaveLength(1);
    expect(o.aggregates.blocks).toBe(o.total);
    expect(o.aggregates.blocks).toBe(o.stepCounts.reduce((s: number, c: any) => s + c.count, 0));
    expect(o.aggregates.members).toBe(6 + 5 + (await get('q=CTĐ1', 2024)).blockYears[0].members);
    expect(o.aggregates.ranked).toBe(1);
    const searched = await get('q=khoi%20thi%20dua%20so%204', 2024);
    expect(searched.aggregates).toMatchObject({ blocks: 1, members: 5, ranked: 1 });
  });

  it('shows only the leaders of a finalised ranking, read from its rows: removed when reopened, written again when finalised', async () => {
    const roundId = await k4YearEnd2024();
    const snapshot = (await t.ds.query(`SELECT ranking FROM round_snapshots WHERE round_id = $1 AND superseded_at IS NULL`, [roundId]))[0].ranking;
    const fromSnapshot = (ranking: any[]) => ranking.map((r) => ({ unit_id: r.unitId, rank: r.rank, unit_name: r.unitName, total: r.final.total }))
      .sort((a, b) => a.rank - b.rank || (a.unit_id < b.unit_id ? -1 : 1));
    expect(await rowsOf(roundId)).toEqual(fromSnapshot(snapshot));
    const k4 = (await get('q=KTĐ4', 2024)).blockYears[0];
    expect(k4.rankedUnits).toBe(5);
    expect(k4.top3).toHaveLength(3);
    expect(k4).not.toHaveProperty('ranking');

    const leader = await t.as(K4.leader2024);
    await expectStatus(leader.post(`/api/rounds/${roundId}/reopen`, { reason: 'Xem lại điểm thẩm định' }), 201);
    expect(await rowsOf(roundId)).toEqual([]);
    const reopened = (await get('q=KTĐ4', 2024)).blockYears[0];
    expect(reopened).toMatchObject({ yearEndFinalised: false, rankedUnits: 0, top3: [] });
    expect((await get('', 2024)).aggregates.ranked).toBe(0);

    const snap = await expectStatus(leader.post(`/api/rounds/${roundId}/finalise`, {}), 201);
    expect(await rowsOf(roundId)).toEqual(fromSnapshot(snap.ranking));
    const again = (await get('q=KTĐ4', 2024)).blockYears[0];
    expect(again.rankedUnits).toBe(5);
    expect(again.top3.map((r: any) => ({ rank: r.rank, unitName: r.unitName, total: r.total })))
      .toEqual(snap.ranking.filter((r: any) => r.rank <= 3).map((r: any) => ({ rank: r.rank, unitName: r.unitName, total: r.final.total })));
  });

  it('the migration backfills the rows from the snapshots in force, and its down removes the table', async () => {
    const roundId = await k4YearEnd2024();
    const expected = await rowsOf(roundId);
    expect(expected).toHaveLength(5);
    const all = async () => t.ds.query('SELECT round_id, unit_id, snapshot_id, rank, unit_name, total::text FROM round_ranking_rows ORDER BY round_id, unit_id');
    const before = await all();
    const qr = t.ds.createQueryRunner();
    try {
      const m = new RoundRankingRows1765830000000();
      await m.down(qr);
      expect((await qr.query(`SELECT to_regclass('round_ranking_rows') AS t`))[0].t).toBeNull();
      await m.up(qr);
    } finally {
      await qr.release();
    }
    expect(await rowsOf(roundId)).toEqual(expected);
    expect(await all()).toEqual(before);
  });

  it('refuses an unknown sort, a wrong lateness, a huge page, a NUL in the search, wrong types with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['sort=nope', 'sort'], ['sort=', 'sort'], ['late=maybe', 'late'], ['late=1', 'late'], ['pageSize=100000', 'pageSize'], ['page=abc', 'page'],
      ['page=-1', 'page'], [`q=${encodeURIComponent('\u0000')}`, 'q'], ['step=late', 'step'], ['year=abc', 'year'],
    ]) {
      const res = await board.get(`/api/board/overview?year=2025&${query}`.replace('year=2025&year=abc', 'year=abc'));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.fields).toHaveProperty(field);
      expect(res.body.message).toEqual(expect.any(String));
    }
  });

  it('is the board\'s: a unit officer or head gets 403, whatever the filters', async () => {
    for (const email of [K4.lhpOfficer, K4.leader2024, K4.lhpHead]) {
      const c = await t.as(email);
      expect((await c.get('/api/board/overview?year=2025&late=true&sort=lateness&pageSize=20')).status).toBe(403);
    }
  });
});
