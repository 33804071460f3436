import { randomUUID } from 'node:crypto';
import { createTestApp, DEMO, TestApp } from '../app';
import { signInRaw } from '../factories';
import { bomb } from './zip-fixtures';

/** Every upload path inspects zip-based files before anything unpacks them (one global pipe). */
describe('decompression bombs', () => {
  let t: TestApp;
  let file: Buffer;
  beforeAll(async () => {
    t = await createTestApp();
    file = await bomb();
  });
  afterAll(() => t.close());

  const send = async (email: string, url: string, name: string) => {
    const { cookie, csrf } = await signInRaw(t, email);
    return t.http().post(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', file, name);
  };

  it('is a 400 with a Vietnamese message on every upload path, and memory stays flat', async () => {
    const paths: [string, string, string][] = [
      [DEMO.memberOfficer, `/api/rounds/${randomUUID()}/units/${randomUUID()}/evidence/${randomUUID()}`, 'minh-chung.odt'],
      [DEMO.leaderOfficer, `/api/proposals/${randomUUID()}/reports/${randomUUID()}`, 'bao-cao.docx'],
      [DEMO.admin, '/api/imports/units-accounts', 'nhap.xlsx'],
      [DEMO.board, `/api/scoring-schemes/${randomUUID()}/import`, 'bang-diem.xlsx'],
      [DEMO.board, '/api/covenants/verify', 'giao-uoc.docx'],
    ];
    global.gc?.();
    const before = process.memoryUsage().rss;
    // Three at once on each path, as in the report.
    const results = await Promise.all(paths.flatMap(([who, url, name]) => [1, 2, 3].map(() => send(who, url, name))));
    const growth = process.memoryUsage().rss - before;
    for (const res of results) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'unsafe_archive', fields: { file: 'tệp nén bất thường' } });
      expect(res.body.message).toContain('giải nén ra quá lớn');
    }
    // 15 bombs of 200 MB each: inflated whole that would be 3 GB.
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });
});
