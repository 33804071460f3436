import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { News1765600000000 } from '../../src/database/migrations/1765600000000-news';
import { CriterionCountSource1765820000000 } from '../../src/database/migrations/1765820000000-criterion-count-source';
import { ProposalModelCitations1765820000001 } from '../../src/database/migrations/1765820000001-proposal-model-citations';
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

  it('down drops the news tables (after the later migrations that refer to them), up recreates them', async () => {
    const qr = t.ds.createQueryRunner();
    const exists = async (table: string) => (await qr.query('SELECT to_regclass($1) AS r', [table]))[0].r;
    const column = async () => (await qr.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'scoring_criteria' AND column_name = 'count_source'`)).length;
    try {
      const later = [new ProposalModelCitations1765820000001(), new CriterionCountSource1765820000000()];
      for (const m of later) await m.down(qr);
      expect(await exists('proposal_model_citations')).toBeNull();
      expect(await column()).toBe(0);
      const m = new News1765600000000();
      await m.down(qr);
      expect(await exists('news_items')).toBeNull();
      await m.up(qr);
      expect(await exists('news_items')).toBe('news_items');
      for (const l of [...later].reverse()) await l.up(qr);
      expect(await exists('proposal_model_citations')).toBe('proposal_model_citations');
      expect(await column()).toBe(1);
    } finally {
      await qr.release();
    }
  });
});
