import { createTestApp, TestApp, type Client_ } from '../app';
import { expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';

// The board's overview a page at a time (a country has thousands of blocks): searched with or without
// diacritics, filtered by step, with the count of blocks at each step of the cycle above the page.
describe('board overview, a page at a time', () => {
  let t: TestApp;
  let board: Client_;
  const get = async (query: string) => expectStatus(board.get(`/api/board/overview?year=2024&${query}`), 200);
  const codes = (o: any) => o.blockYears.map((b: any) => b.blockCode);

  beforeAll(async () => {
    t = await createTestApp();
    board = await t.as(K4.board);
  });
  afterAll(() => t.close());

  it('without a page size shows every block year, and counts them per step', async () => {
    const all = await get('');
    expect(all.pageSize).toBeNull();
    expect(all.total).toBe(all.blockYears.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.stepCounts.reduce((s: number, c: any) => s + c.count, 0)).toBe(all.total);
    expect(all.stepCounts.find((c: any) => c.step === 'signed')).toMatchObject({ label: 'Đã ký giao ước thi đua' });
  });

  it('pages in the same order without overlap, the counts staying those of the whole year', async () => {
    const all = await get('');
    const p1 = await get('pageSize=2&page=1');
    const p2 = await get('pageSize=2&page=2');
    expect(p1.pageSize).toBe(2);
    expect(p1.blockYears).toHaveLength(2);
    expect([...codes(p1), ...codes(p2)]).toEqual(codes(all).slice(0, 2 + p2.blockYears.length));
    expect(p1.total).toBe(all.total);
    expect(p1.stepCounts).toEqual(all.stepCounts);
    expect((await get('pageSize=2&page=999')).blockYears).toEqual([]);
  });

  it('finds a block with or without diacritics, its leaders read from the rows of the finalised ranking', async () => {
    for (const q of ['Khối thi đua số 4', 'khoi thi dua so 4', 'KHOI THI DUA SO 4']) {
      const o = await get(`q=${encodeURIComponent(q)}&pageSize=20`);
      expect(codes(o)).toEqual(['KTĐ4']);
      expect(o.total).toBe(1);
      const [k4] = o.blockYears;
      expect(k4.rankedUnits).toBe(5);
      expect(k4.top3.map((r: any) => r.rank)).toEqual([1, 2, 3]);
      expect(k4.top3[0].total).toBe(104.5);
    }
    expect((await get(`q=${encodeURIComponent('%')}`)).blockYears).toEqual([]);
  });

  it('filters by step', async () => {
    const all = await get('');
    for (const { step, count } of all.stepCounts.filter((c: any) => c.count > 0)) {
      const o = await get(`step=${step}&pageSize=200`);
      expect(o.total).toBe(count);
      expect(o.blockYears.every((b: any) => b.step === step)).toBe(true);
    }
  });

  it('refuses a bad page, size, step or search with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['page=0', 'page'], ['pageSize=500', 'pageSize'], ['pageSize=x', 'pageSize'], ['step=nope', 'step'],
      [`q=${encodeURIComponent('a\u0000b')}`, 'q'], [`q=${'x'.repeat(300)}`, 'q'],
    ]) {
      const res = await board.get(`/api/board/overview?year=2024&${query}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty(field);
    }
  });
});
