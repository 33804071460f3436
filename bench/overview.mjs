// `npm run bench:overview`: the board's overview and the dashboard's block-year list as a city grows
// (issue 18). For each size: N blocks × 25 units, each block's year-end round finalised with a snapshot whose
// ranking carries every unit's per-criterion breakdown (what makes the old overview read megabytes). Times
// GET /api/board/overview whole and a page of 20 (with a search without diacritics), and
// GET /api/block-years/page (the dashboard), with payload sizes. Targets: overview page p95 ≤ 100 ms, ≤ 100 kB.
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_SIZES=60,600 (blocks; add e.g. 3800 for
// the national scale, ~minutes to generate), BENCH_UNITS=25, BENCH_CRITERIA=40, BENCH_REQUESTS=50. Prints figures, asserts nothing.
import { createHash } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { insertBlock, insertScheme } from './generate.mjs';
import { fmt, migrate, percentile, prng, session, startDatabase, startServer } from './lib.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const SIZES = (process.env.BENCH_SIZES ?? '60,600').split(',').map(Number);
const UNITS = env('BENCH_UNITS', 25);
const CRITERIA = env('BENCH_CRITERIA', 40);
const REQUESTS = env('BENCH_REQUESTS', 50);

const log = (s = '') => console.log(s);

/** One block with its year-end round finalised: a snapshot ranking of every unit with a breakdown per criterion. */
async function finalisedBlock(client, b, rand) {
  const { yearId, units } = await insertBlock(client, b, UNITS, 'city');
  const scheme = await insertScheme(client, yearId, CRITERIA);
  const [{ id: roundId }] = (await client.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, finalised_at, version)
     VALUES ($1, $2, 'year_end', 'Chấm điểm cuối năm (bench)', 'finalised', now() - interval '60 days', now() - interval '40 days', now() - interval '30 days', now() - interval '20 days', now() - interval '10 days', 1) RETURNING id`,
    [yearId, scheme.id])).rows;
  const totals = units.map(() => Math.round(rand() * 4000) / 40).sort((a, c) => c - a);
  const ranking = units.map((u, i) => ({
    rank: i + 1, unitId: u, unitName: `Đơn vị city ${b}-${i + 1}`,
    final: { total: totals[i], criteria: scheme.leaves.map((c) => ({ criterionId: c.id, self: c.max, cross: c.max, board: c.max, final: c.max })) },
  }));
  await client.query(
    `INSERT INTO round_snapshots (round_id, seq, finalised_at, ranking, row_hashes, digest) VALUES ($1, 1, now() - interval '10 days', $2, '{}'::jsonb, $3)`,
    [roundId, JSON.stringify(ranking), createHash('sha256').update(roundId).digest('hex')]);
}

async function time(url, headers) {
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 5; i++) {
    const a = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString()}`);
    if (i >= 5) ms.push(performance.now() - a);
    bytes = body.byteLength;
  }
  return `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms · ${fmt(bytes / 1024)} kB`;
}

async function main() {
  log(`Thi đua benchmark: board overview and dashboard — ${os.cpus().length} CPU, Node ${process.version}, load average ${os.loadavg().map((x) => fmt(x)).join(' / ')}`);
  const db = await startDatabase();
  const server = { stop: async () => {} };
  const pgc = new pg.Client({ connectionString: db.url });
  try {
    await migrate(db.url);
    await pgc.connect();
    const [{ id: boardId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, password_hash, version) VALUES ('Ban TĐKT (bench)', 'board.overview@bench.thidua.vn', 'board', 'x', 1) RETURNING id`)).rows;
    const rand = prng(2025);
    let made = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      for (; made < size; made++) await finalisedBlock(pgc, made, rand);
      await pgc.query('ANALYZE');
      if (!server.base) Object.assign(server, await startServer(db.url));
      const { cookie } = await session(pgc, boardId);
      const headers = { cookie, 'accept-encoding': 'identity' };
      log();
      log(`${size} blocks × ${UNITS} units, every year-end round finalised (generated in ${fmt((performance.now() - t0) / 1000)} s); load average ${fmt(os.loadavg()[0])}`);
      log(`   overview, every block            ${await time(`${server.base}/api/board/overview?year=2025`, headers)}`);
      log(`   overview, a page of 20           ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&page=2`, headers)}`);
      log(`   overview, search "khoi city 1"   ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&q=khoi%20city%201`, headers)}`);
      log(`   dashboard list, a page of 20     ${await time(`${server.base}/api/block-years/page?pageSize=20`, headers)}`);
      log(`   dashboard list, every block year ${await time(`${server.base}/api/block-years`, headers)}`);
    }
  } finally {
    await pgc.end().catch(() => {});
    await server.stop();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
