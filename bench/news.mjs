// Public news pages and search: `node bench/news.mjs`.
//   1. GET /tin-tuc/khoi/<code> (first pages and deep pages) for a block holding BENCH_NEWS_BLOCK=2,000 published items, p50/p95.
//   2. Search (GET /tin-tuc?q=…, with and without diacritics) over BENCH_NEWS_TOTAL=100,000 items, p50/p95.
// Targets from the issue: block page p95 ≤ 30 ms, search p95 ≤ 100 ms. Prints figures, asserts nothing.
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_NEWS_BLOCK, BENCH_NEWS_TOTAL, BENCH_REQUESTS=200.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { fmt, migrate, percentile, startDatabase, startServer } from './lib.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const IN_BLOCK = env('BENCH_NEWS_BLOCK', 2000);
const TOTAL = env('BENCH_NEWS_TOTAL', 100000);
const REQUESTS = env('BENCH_REQUESTS', 200);
const BLOCKS = 20;

const WORDS = ['gương', 'điển', 'hình', 'tiên', 'tiến', 'người', 'tốt', 'việc', 'thi', 'đua', 'khen', 'thưởng', 'hội', 'nghị', 'phong', 'trào', 'đơn', 'vị',
  'cán', 'bộ', 'công', 'chức', 'Thủ', 'đô', 'kỷ', 'niệm', 'năm', 'chiến', 'thắng', 'giải', 'phóng', 'tuyên', 'truyền', 'học', 'tập', 'làm', 'theo', 'đạo', 'đức',
  'hiến', 'máu', 'tình', 'nguyện', 'công', 'nhân', 'khu', 'sáng', 'kiến', 'chuyển', 'đổi', 'số', 'văn', 'hóa', 'công', 'sở', 'an', 'sinh', 'xã', 'hội'];

async function seed(url) {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  const unit = await c.query(`INSERT INTO units (name, short_name, parent_agency, address, phone, email, version) SELECT 'Đơn vị ' || g, 'ĐV' || g, 'UBND', '', '', '', 1 FROM generate_series(1, ${BLOCKS * 5}) g RETURNING id`);
  const years = [];
  for (let b = 0; b < BLOCKS; b++) {
    const [{ id: blockId }] = (await c.query(`INSERT INTO blocks (code, name, kind, description, version) VALUES ($1, $2, 'khoi', '', 1) RETURNING id`, [`KTĐ${b + 1}`, `Khối thi đua số ${b + 1}`])).rows;
    const [{ id }] = (await c.query(`INSERT INTO block_years (block_id, year, status, legal_basis, rules, version) VALUES ($1, 2025, 'in_progress', '[]', '{}', 1) RETURNING id`, [blockId])).rows;
    years.push({ id, units: unit.rows.slice(b * 5, b * 5 + 5).map((u) => u.id) });
  }
  // Block 1 holds IN_BLOCK items; the rest are spread over the other blocks.
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  // One word in eight from the Vietnamese list, the rest from 20,000 made-up words, so a search term is about as
  // selective as in real text; every twentieth item also carries the phrase the board asked for.
  const text = (k, n) => `(SELECT string_agg(CASE WHEN (g * ${k} + i) % 8 = 0 THEN (${words})[1 + ((g * ${k} + i * 7919) % ${WORDS.length})]
    ELSE 'tu' || ((g * ${k} * 31 + i * 104729) % 20000) END, ' ') || CASE WHEN g % 20 = 0 THEN ' gương điển hình tiên tiến' ELSE '' END FROM generate_series(1, ${n}) i)`;
  for (const [from, to, pick] of [[1, IN_BLOCK, () => 0], [IN_BLOCK + 1, TOTAL, null]]) {
    if (to < from) continue;
    await c.query(`
      INSERT INTO news_items (block_year_id, unit_id, kind, status, title, slug, summary, body_html, body_text, author_line, published_at, created_at, updated_at, subject_kind, subject_name)
      SELECT y.id, y.units[1 + g % 5], CASE WHEN g % 3 = 0 THEN 'story' ELSE 'news' END, 'published', t.title, 'bai-' || g, '', '<p>' || t.body || '</p>', t.body, 'Tin và ảnh: Phóng viên',
             now() - g * interval '7 minutes', now(), now(),
             CASE WHEN g % 3 = 0 THEN 'person' END, CASE WHEN g % 3 = 0 THEN 'Người tốt ' || g END
      FROM generate_series(${from}, ${to}) g
      CROSS JOIN LATERAL (SELECT ${text(31, 10)} AS title, ${text(17, 120)} AS body) t
      JOIN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n int, id uuid, units uuid[])) y ON y.n = ${pick ? '0' : `1 + g % ${BLOCKS - 1}`}`,
      [JSON.stringify(years.map((y, n) => ({ n, id: y.id, units: y.units })))]);
  }
  // One small photo on every fifth item.
  await c.query(`INSERT INTO news_photos (item_id, sort, caption, alt, mime_type, width, height, size_bytes, sha256, content)
    SELECT id, 1, 'Ảnh', 'Ảnh minh họa', 'image/jpeg', 10, 10, 4, repeat('0', 64), '\\xffd8ffd9'::bytea FROM news_items WHERE abs(hashtext(id::text)) % 5 = 0`);
  await c.query('ANALYZE');
  const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM news_items')).rows;
  await c.end();
  return n;
}

async function timed(base, urls, n) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const url = urls[i % urls.length];
    const t0 = performance.now();
    const res = await fetch(base + url);
    await res.text();
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  }
  return ms;
}
const stats = (ms) => `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms · p99 ${fmt(percentile(ms, 99))} ms`;

const db = await startDatabase();
let server;
try {
  await migrate(db.url);
  const t0 = performance.now();
  const n = await seed(db.url);
  console.log(`Seeded ${n} published items (${IN_BLOCK} in Khối thi đua số 1) in ${fmt((performance.now() - t0) / 1000)} s`);
  server = await startServer(db.url);
  const pages = Math.ceil(IN_BLOCK / 20);
  await timed(server.base, ['/tin-tuc/khoi/ktd1'], 20); // warm up
  console.log(`Block page, first page         ${stats(await timed(server.base, ['/tin-tuc/khoi/ktd1'], REQUESTS))}   (target p95 ≤ 30 ms)`);
  console.log(`Block page, pages 1..${pages}       ${stats(await timed(server.base, Array.from({ length: pages }, (_, i) => `/tin-tuc/khoi/ktd1?page=${i + 1}`), REQUESTS))}`);
  const queries = ['guong dien hinh', 'gương điển hình tiên tiến', 'hien mau', 'chuyển đổi số', 'van hoa cong so', 'khen thuong'];
  await timed(server.base, queries.map((q) => `/tin-tuc?q=${encodeURIComponent(q)}`), 12);
  console.log(`Search over ${n} (city page)  ${stats(await timed(server.base, queries.map((q) => `/tin-tuc?q=${encodeURIComponent(q)}`), REQUESTS))}   (target p95 ≤ 100 ms)`);
  console.log(`A common word (≈1 item in 5) ${stats(await timed(server.base, ['/tin-tuc?q=thi'], Math.min(REQUESTS, 50)))}`);
  console.log(`Search in one block            ${stats(await timed(server.base, queries.map((q) => `/tin-tuc/khoi/ktd1?q=${encodeURIComponent(q)}`), REQUESTS))}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await db.stop();
}
