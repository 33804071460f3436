import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { expectStatus } from '../factories';

// The dashboard's list: one year's blocks a page at a time, searched with or without diacritics, with the
// whole year's counts beside the page (a city has thousands of blocks; a page stays small).
describe('block years, a page at a time', () => {
  let t: TestApp;
  let board: Client_, member: Client_;

  beforeAll(async () => {
    t = await createTestApp();
    [board, member] = await Promise.all([DEMO.board, DEMO.memberOfficer].map((e) => t.as(e)));
  });
  afterAll(() => t.close());

  it('shows the latest year by default, counts the whole year and pages through it without overlap', async () => {
    const all = await expectStatus(board.get('/api/block-years/page?pageSize=200'), 200);
    const latest = Math.max(...(await expectStatus(board.get('/api/block-years'), 200)).map((y: { year: number }) => y.year));
    expect(all.year).toBe(latest);
    expect(all.years[0]).toBe(latest);
    const sameYear = await expectStatus(board.get(`/api/block-years?year=${latest}`), 200);
    expect(all.total).toBe(sameYear.length);
    expect(all.blockCount).toBe(sameYear.length);
    expect(all.memberCount).toBe(sameYear.reduce((s: number, y: { memberCount: number }) => s + y.memberCount, 0));
    expect(all.total).toBeGreaterThan(2);

    const p1 = await expectStatus(board.get('/api/block-years/page?pageSize=2&page=1'), 200);
    const p2 = await expectStatus(board.get('/api/block-years/page?pageSize=2&page=2'), 200);
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBe(all.total);
    expect(p1.blockCount).toBe(all.blockCount);
    expect([...p1.items, ...p2.items].map((y: { id: string }) => y.id)).toEqual(all.items.slice(0, 2 + p2.items.length).map((y: { id: string }) => y.id));
    const past = await expectStatus(board.get('/api/block-years/page?pageSize=2&page=999'), 200);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(all.total);
  });

  it('finds a block by its name with or without diacritics, in any case, and takes % literally', async () => {
    for (const q of ['Khối thi đua số 4', 'khoi thi dua so 4', 'KHOI THI DUA SO 4', 'đua số 4']) {
      const res = await expectStatus(board.get(`/api/block-years/page?year=2024&q=${encodeURIComponent(q)}`), 200);
      expect(res.items.map((y: { blockName: string }) => y.blockName)).toEqual(['Khối thi đua số 4']);
      expect(res.total).toBe(1);
      expect(res.blockCount).toBeGreaterThan(1);
    }
    expect((await expectStatus(board.get(`/api/block-years/page?year=2024&q=${encodeURIComponent('%')}`), 200)).items).toEqual([]);
  });

  it('shows a unit only its own blocks, every year of them unless it asks for one', async () => {
    const all = await expectStatus(member.get('/api/block-years/page'), 200);
    expect(all.year).toBeNull();
    expect(all.items.map((y: { blockName: string; year: number }) => `${y.blockName} ${y.year}`)).toEqual(['Khối thi đua số 4 2025', 'Khối thi đua số 4 2024']);
    const one = await expectStatus(member.get('/api/block-years/page?year=2024'), 200);
    expect(one.items.map((y: { blockName: string }) => y.blockName)).toEqual(['Khối thi đua số 4']);
    expect(one.blockCount).toBe(1);
  });

  it('refuses a bad page, size, year or search with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['page=0', 'page'], ['pageSize=1000', 'pageSize'], ['pageSize=abc', 'pageSize'], ['year=abc', 'year'], ['year=1900', 'year'],
      [`q=${encodeURIComponent('a\u0000b')}`, 'q'], [`q=${'x'.repeat(300)}`, 'q'],
    ]) {
      const res = await board.get(`/api/block-years/page?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty(field);
    }
  });
});
