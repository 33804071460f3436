import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, TestApp } from '../app';

// The built SPA wherever it lies, even under a folder whose name starts with a dot (~/.local/share/...,
// a checkout in ~/.cache/...): express refuses dot-folders in a path by default.
describe('serving the built frontend from a dot-folder', () => {
  let t: TestApp;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-static-'));
    const dir = path.join(tmp, '.hidden', 'dist');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log(1);');
    writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    t = await createTestApp({ demo: false, staticDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves index.html for the root and for any page of the app', async () => {
    for (const url of ['/', '/nam-thi-dua/khoi-4']) {
      const res = await t.http().get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets, cached for a year', async () => {
    const res = await t.http().get('/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log(1);');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('still hides dot-files inside the folder and leaves the API to the API', async () => {
    const env = await t.http().get('/.env');
    expect(env.text).not.toContain('SECRET');
    const api = await t.http().get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});
