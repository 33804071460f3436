import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, TestApp } from '../app';

// Nothing leaves uncompressed that can shrink: API responses are compressed per request (Brotli, else gzip),
// the built frontend's files are sent as the build precompressed them, with cache lifetimes fit for each.
describe('compressed responses', () => {
  let t: TestApp;
  let tmp: string;
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"dòng ${i}"`).join(',')}];`;
  const page = `<!doctype html><title>Thi đua</title><div id="root"></div>${'<!-- … -->'.repeat(200)}`;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-static-'));
    const dir = path.join(tmp, 'dist');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    const write = (rel: string, text: string, encodings: ('br' | 'gz')[]) => {
      writeFileSync(path.join(dir, rel), text);
      if (encodings.includes('br')) writeFileSync(path.join(dir, `${rel}.br`), brotliCompressSync(Buffer.from(text)));
      if (encodings.includes('gz')) writeFileSync(path.join(dir, `${rel}.gz`), gzipSync(Buffer.from(text)));
    };
    write('index.html', page, ['br', 'gz']);
    write('assets/route-9f8e.js', script, ['br', 'gz']);
    write('assets/tiny-1a2b.js', 'console.log(1);', []);
    t = await createTestApp({ staticDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('sends a hashed asset as its Brotli or gzip twin, cached for a year, and as is to a client that accepts neither', async () => {
    const br = await t.http().get('/assets/route-9f8e.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(br.text).toBe(script);

    const gz = await t.http().get('/assets/route-9f8e.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script);

    const plain = await t.http().get('/assets/route-9f8e.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toContain('immutable');
    expect(plain.text).toBe(script);

    const tiny = await t.http().get('/assets/tiny-1a2b.js').set('Accept-Encoding', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.text).toBe('console.log(1);');
  });

  it('sends index.html compressed for any page of the app, never cached', async () => {
    for (const url of ['/', '/nam-thi-dua/khoi-4']) {
      const res = await t.http().get(url).set('Accept-Encoding', 'br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(page);
    }
  });

  it('compresses API responses with Brotli or gzip', async () => {
    const br = await t.http().get('/api/docs-json').set('Accept-Encoding', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.body.openapi).toMatch(/^3\./);
    const gz = await t.http().get('/api/docs-json').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.http().get('/api/docs-json').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.openapi).toBe(br.body.openapi);
  });

  it('leaves a workbook as it is: an .xlsx is a zip already', async () => {
    const board = await t.as('bantdkt@thidua.vn');
    const res = await board.get('/api/imports/template').set('Accept-Encoding', 'br, gzip').buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
