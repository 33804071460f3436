import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { News1765600000000 } from '../../src/database/migrations/1765600000000-news';
import { createTestApp, TestApp } from '../app';

// With the built SPA served, its index.html fallback must leave the public news pages alone.
describe('public news routes beside the SPA fallback; the migration goes down and up', () => {
  let t: TestApp;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-news-'));
    mkdirSync(path.join(tmp, 'assets'), { recursive: true });
    writeFileSync(path.join(tmp, 'index.html'), '<!doctype html><div id="root"></div>');
    t = await createTestApp({ demo: true, staticDir: tmp });
  });
  afterAll(async () => {
    await t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the news pages, feeds and photos without signing in, and the SPA elsewhere', async () => {
    for (const url of ['/tin-tuc', '/tin-tuc?page=2', '/tin-tuc/khoi/ktd4', '/tin-tuc/khoi/KT%C4%904']) {
      const res = await t.http().get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<div id="root">');
      expect(res.text).toContain('<h1>');
    }
    const feed = await t.http().get('/tin-tuc/atom.xml');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('HỘI NGHỊ TRIỂN KHAI KẾ HOẠCH THI ĐUA');
    const missing = await t.http().get('/tin-tuc/khong-co-bai-nay');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
    expect((await t.http().get('/tin-tuc/khoi/khong-co')).status).toBe(404);
    expect((await t.http().get('/tin-tuc/anh/khong-phai-uuid.jpg')).status).toBe(404);
    expect((await t.http().get('/tin-tuc?page=abc')).status).toBe(200);
    // A NUL in the search is refused at the edge, as everywhere, naming the field.
    const nul = await t.http().get('/tin-tuc?q=%00');
    expect(nul.status).toBe(400);
    expect(nul.body.fields).toHaveProperty('q');
    expect((await t.http().get('/nam-thi-dua')).text).toContain('<div id="root">');
    // The signed-in API still needs a session.
    expect((await t.http().get('/api/news/models')).status).toBe(401);
  });

  it('down drops the news tables, up recreates them', async () => {
    const qr = t.ds.createQueryRunner();
    try {
      const m = new News1765600000000();
      await m.down(qr);
      expect((await qr.query(`SELECT to_regclass('news_items') AS r`))[0].r).toBeNull();
      await m.up(qr);
      expect((await qr.query(`SELECT to_regclass('news_items') AS r`))[0].r).toBe('news_items');
    } finally {
      await qr.release();
    }
  });
});
