import { createTestApp, TestApp, withDatabase, type Client_ } from '../app';
import { createBlockYear, expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';

// The board overview keeps each year's name order per process, under a key its facts statement reads on every
// request (issue 18): two backend processes on one database, a write through one shows on the next request to
// the other, and a deadline passing shows with no write at all.
describe('board overview: the next request sees every change, in any backend process', () => {
  let a: TestApp;
  let b: TestApp;
  let boardA: Client_;
  let boardB: Client_;
  const codes = (o: any) => o.blockYears.map((x: any) => x.blockCode);
  const overview = async (c: Client_, year: number, query = 'pageSize=50') => expectStatus(c.get(`/api/board/overview?year=${year}&${query}`), 200);
  /** The order an ICU sort gives now: what every page must follow. */
  const sorted = async (year: number): Promise<string[]> => (await a.ds.query(
    `SELECT b.code FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1 ORDER BY b.kind DESC, b.name COLLATE "vi-VN-x-icu", b.code`, [year])).map((r: any) => r.code);

  beforeAll(async () => {
    a = await createTestApp();
    const [{ db }] = await a.ds.query('SELECT current_database() AS db');
    b = await createTestApp({ demo: true, databaseUrl: () => withDatabase(process.env.THIDUA_TEST_APP_URL!, db) });
    boardA = await a.as(K4.board);
    boardB = await b.as(K4.board);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a block renamed through one process takes its new place in the name order the other serves', async () => {
    expect(codes(await overview(boardA, 2024))).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']);
    expect(codes(await overview(boardB, 2024))).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']);
    const [k4] = await a.ds.query(`SELECT id, name, version FROM blocks WHERE code = 'KTĐ4'`);

    // "Đ" comes after "D" and before "t" in Vietnamese (and after every ASCII letter byte by byte).
    const renamed = await expectStatus(boardA.patch(`/api/blocks/${k4.id}`, { name: 'Khối Đông Anh', version: k4.version }), 200);
    for (const c of [boardB, boardA]) {
      const o = await overview(c, 2024);
      expect(codes(o)).toEqual(['KTĐ4', 'KTĐ1', 'CTĐ1']);
      expect(o.blockYears[0].blockName).toBe('Khối Đông Anh');
      expect(codes(await overview(c, 2024, 'pageSize=1&page=1'))).toEqual(['KTĐ4']);
      expect(codes(await overview(c, 2024, 'q=dong%20anh'))).toEqual(['KTĐ4']);
    }
    expect(await sorted(2024)).toEqual(['KTĐ4', 'KTĐ1', 'CTĐ1']);

    await expectStatus(boardB.patch(`/api/blocks/${k4.id}`, { name: k4.name, version: renamed.version }), 200);
    expect(codes(await overview(boardA, 2024))).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']);
    expect(codes(await overview(boardB, 2024))).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']);
  });

  it('a block year added through one process appears in its place in the other, with its members counted', async () => {
    const before = await overview(boardB, 2025);
    const added = await createBlockYear(boardA, { year: 2025, units: 4 });
    const after = await overview(boardB, 2025);
    expect(codes(after)).toEqual(await sorted(2025));
    expect(codes(after)).toContain(added.block.code);
    expect(after.total).toBe(before.total + 1);
    expect(after.aggregates.members).toBe(before.aggregates.members + 4);
    expect(after.blockYears.find((x: any) => x.blockCode === added.block.code).members).toBe(4);
    expect(codes(await overview(boardA, 2025))).toEqual(codes(after));
  });

  it('a self-assessment deadline passing makes the block late on the next request, with nothing written', async () => {
    // Set-up by hand: Khối 4's 2025 mid-year round (no unit has submitted) due in two seconds.
    await a.ds.query(
      `UPDATE scoring_rounds r SET opens_at = now() - interval '1 day', self_assessment_until = now() + interval '2 seconds', review_until = now() + interval '10 days',
              explanation_until = now() + interval '20 days', final_review_until = NULL
       FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = r.block_year_id AND b.code = 'KTĐ4' AND y.year = 2025 AND r.kind = 'mid_year'`);
    for (const c of [boardA, boardB]) {
      const o = await overview(c, 2025, 'q=KTĐ4');
      expect(o.blockYears[0].lateness).toMatchObject({ late: false, reasons: [] });
      expect(o.aggregates.late).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 2500));
    for (const c of [boardB, boardA]) {
      const o = await overview(c, 2025);
      expect(o.blockYears.find((x: any) => x.blockCode === 'KTĐ4').lateness).toMatchObject({ late: true, reasons: ['self_assessment'], daysLate: 0 });
      expect(o.aggregates.late).toBe(1);
      expect(codes(await overview(c, 2025, 'late=true&sort=lateness'))).toEqual(['KTĐ4']);
    }
  });
});
