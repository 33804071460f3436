// Time to the dashboard's first block year in Chromium, as the board (who sees every block year of the city),
// issue 18's "dashboard first item ≤ 1 s". Run after `npm run build`: node bench/dashboard-browser.mjs
// Generates N blocks × M units (a 2025 block year each, with its members; no scores: the dashboard does not read
// them), starts the backend the way production runs it, serving frontend/dist, and opens `/` signed in as the
// board, each time in a fresh browser context (nothing cached), then once more with the cache warm (reload).
// "First item" is the first entry of the block-year list on screen, timed from navigation start in the page.
// Options (environment): BENCH_BLOCKS (600; 3800 = the national scale, 95,000 units), BENCH_UNITS (25),
// BENCH_RUNS (5), BENCH_THROTTLE=1 to emulate a 10 Mbit/s link with 40 ms latency, DATABASE_URL (else embedded
// PostgreSQL), CHROMIUM_PATH (/usr/bin/chromium). Prints figures, asserts nothing.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { insertBlock } from './generate.mjs';
import { fmt, migrate, percentile, root, session, startDatabase, startServer } from './lib.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const BLOCKS = env('BENCH_BLOCKS', 600);
const UNITS = env('BENCH_UNITS', 25);
const RUNS = env('BENCH_RUNS', 5);
const THROTTLE = process.env.BENCH_THROTTLE === '1';
const dist = path.join(root, 'frontend/dist');
const log = (s = '') => console.log(s);

/** Recorded in the page itself (a DOM observer), so the figure carries no polling or round-trip delay of the driver. */
function watchFirstItem() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="listitem"] a')) {
      window.__firstItem = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Opens `/` and returns ms from navigation start to the first list item, with the page's own resource timings. */
async function firstItem(page) {
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstItem !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    ms: window.__firstItem,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime, end: r.responseEnd, bytes: r.transferSize })),
  }));
}

async function main() {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('frontend/dist is missing: run `npm run build` first');
  log(`Thi đua benchmark: dashboard first item in Chromium — ${os.cpus().length} CPU, Node ${process.version}, load average ${os.loadavg().map((x) => fmt(x)).join(' / ')}`);
  const db = await startDatabase();
  const pgc = new pg.Client({ connectionString: db.url });
  let server = null;
  let browser = null;
  try {
    await migrate(db.url);
    await pgc.connect();
    const [{ id: boardId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, password_hash, version) VALUES ('Ban TĐKT (bench)', 'board.dashboard@bench.thidua.vn', 'board', 'x', 1) RETURNING id`)).rows;
    const t0 = performance.now();
    await pgc.query('BEGIN');
    for (let b = 0; b < BLOCKS; b++) await insertBlock(pgc, b, UNITS, 'city');
    await pgc.query('COMMIT');
    await pgc.query('ANALYZE');
    log(`${BLOCKS} blocks × ${UNITS} units (${BLOCKS * UNITS} units, ${BLOCKS} block years of 2025) generated in ${fmt((performance.now() - t0) / 1000)} s`);

    process.env.STATIC_DIR = dist;
    server = await startServer(db.url);
    const { cookie, csrf } = await session(pgc, boardId);
    const token = cookie.split('=')[1];
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'] });
    const open = async () => {
      const context = await browser.newContext({ baseURL: server.base, locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
      await context.addCookies([{ name: 'thidua_sid', value: token, url: server.base }, { name: 'thidua_csrf', value: csrf, url: server.base }]);
      await context.addInitScript(watchFirstItem);
      const page = await context.newPage();
      if (THROTTLE) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (10e6 / 8) });
      }
      return { context, page };
    };
    // One warm-up so the backend's first-request costs (JIT, connection pool) are not in the figures.
    { const { context, page } = await open(); await firstItem(page); await context.close(); }
    const cold = [];
    const warm = [];
    let sample = null;
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await open();
      const first = await firstItem(page);
      cold.push(first.ms);
      sample ??= first;
      warm.push((await firstItem(page)).ms);
      await context.close();
    }
    const stats = (xs) => `p50 ${fmt(percentile(xs, 50), 0)} ms · max ${fmt(Math.max(...xs), 0)} ms`;
    log(`Signed in as the board, ${RUNS} runs${THROTTLE ? ', 10 Mbit/s with 40 ms latency' : ', no throttling'}; load average ${fmt(os.loadavg()[0])}`);
    log(`   first item, nothing cached   ${stats(cold)}   (target ≤ 1,000 ms)`);
    log(`   first item, cache warm       ${stats(warm)}`);
    log(`   requests before the first item (first run, ms from navigation start):`);
    const js = sample.resources.filter((r) => r.name.endsWith('.js'));
    log(`     ${js.length} JS files, ${fmt(js.reduce((s, r) => s + r.bytes, 0) / 1024)} KB transferred, the last done at ${fmt(Math.max(...js.map((r) => r.end)), 0)} ms`);
    for (const r of sample.resources.filter((x) => x.name.startsWith('/api/'))) log(`     ${r.name.padEnd(52)} ${fmt(r.start, 0).padStart(6)} → ${fmt(r.end, 0).padStart(6)} ms  ${fmt(r.bytes / 1024)} KB`);
  } finally {
    await browser?.close();
    await pgc.end().catch(() => {});
    await server?.stop();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
