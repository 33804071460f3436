// `npm run bench:overview`: the board's overview and the dashboard's block-year list as a city grows
// (issue 18). For each size: N blocks × 25 units, each block's year-end round finalised with a snapshot whose
// ranking carries every unit's per-criterion breakdown (what made the old overview read megabytes) and the
// ranking rows finalising writes; no score rows (the overview reads none). Times
// GET /api/board/overview whole and a page of 20 (with a search without diacritics), and
// the late blocks sorted by lateness, a page sorted by step, and GET /api/block-years/page (the dashboard), with payload sizes. Targets: overview page p95 ≤ 100 ms, ≤ 100 kB.
// Beside them one fully scored block (25 units × 120 criteria): its live ranking cached, right after a change, and as
// one raw SQL statement (bench/ranking-sql.mjs).
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_SIZES=60,600 (blocks; add e.g. 3800 for
// the national scale, ~minutes to generate), BENCH_UNITS=25, BENCH_CRITERIA=40, BENCH_REQUESTS=50,
// BENCH_RANKING_REQUESTS=30. Prints figures, asserts nothing.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generate } from './generate.mjs';
import { fmt, migrate, percentile, session, startDatabase, startServer } from './lib.mjs';
import { RANKING_SQL } from './ranking-sql.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const SIZES = (process.env.BENCH_SIZES ?? '60,600').split(',').map(Number);
const UNITS = env('BENCH_UNITS', 25);
const CRITERIA = env('BENCH_CRITERIA', 40);
const REQUESTS = env('BENCH_REQUESTS', 50);
const RANKING_REQUESTS = env('BENCH_RANKING_REQUESTS', 30);

const log = (s = '') => console.log(s);

const RULES = JSON.stringify({
  quorumNumerator: 2, quorumDenominator: 3, voteThresholdPercent: 50, voteThresholdBase: 'members',
  quotas: { gov_flag: { kind: 'count', value: 1 }, city_flag: { kind: 'count', value: 1 }, city_merit: { kind: 'percent', value: 50 } },
  tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'], finalScoreRule: 'leader_appraisal', reviewsPerUnit: 2, scoringScaleMax: 1000, divergencePercent: 20,
});

/**
 * Blocks [from, to) in a few set-based statements (the national scale in minutes, not hours): N × UNITS units,
 * a block year each, its year-end round finalised with a snapshot whose ranking carries every unit's breakdown
 * per criterion (CRITERIA entries), and the ranking rows finalising writes. Every fifth block also has a
 * mid-year round whose deadlines passed without any self-assessment submitted: late blocks for the filter.
 */
export async function finalisedBlocks(client, from, to) {
  await client.query('BEGIN');
  await client.query(`CREATE TEMP TABLE g_blocks ON COMMIT DROP AS
    SELECT b, gen_random_uuid() AS block_id, gen_random_uuid() AS year_id, gen_random_uuid() AS scheme_id, gen_random_uuid() AS round_id, gen_random_uuid() AS mid_id
    FROM generate_series($1::int, $2::int - 1) b`, [from, to]);
  await client.query(`CREATE TEMP TABLE g_units ON COMMIT DROP AS
    SELECT b, i, gen_random_uuid() AS id, round((random() * 100)::numeric, 2) AS total FROM generate_series($1::int, $2::int - 1) b, generate_series(1, $3::int) i`, [from, to, UNITS]);
  await client.query(`INSERT INTO blocks (id, code, name, kind, version) SELECT block_id, 'C' || b, 'Khối city ' || b, 'khoi', 1 FROM g_blocks`);
  await client.query(`INSERT INTO units (id, name, short_name, version) SELECT id, 'Đơn vị city ' || b || '-' || i, 'ĐV ' || b || '-' || i, 1 FROM g_units`);
  await client.query(`INSERT INTO block_years (id, block_id, year, leader_unit_id, deputy_unit_id, status, rules, version)
    SELECT g.year_id, g.block_id, 2025, l.id, d.id, 'in_progress', $1::jsonb, 1 FROM g_blocks g JOIN g_units l ON l.b = g.b AND l.i = 1 JOIN g_units d ON d.b = g.b AND d.i = 2`, [RULES]);
  await client.query(`INSERT INTO block_year_members (block_year_id, unit_id, year, block_id) SELECT g.year_id, u.id, 2025, g.block_id FROM g_blocks g JOIN g_units u ON u.b = g.b`);
  await client.query(`INSERT INTO scoring_schemes (id, block_year_id, version_no, title, total_max, frozen_at, version) SELECT scheme_id, year_id, 1, 'Biểu chấm điểm (bench)', 1000, now() - interval '45 days', 1 FROM g_blocks`);
  await client.query(`INSERT INTO scoring_rounds (id, block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, finalised_at, version)
    SELECT round_id, year_id, scheme_id, 'year_end', 'Chấm điểm cuối năm (bench)', 'finalised', now() - interval '60 days', now() - interval '40 days', now() - interval '30 days', now() - interval '20 days', now() - interval '10 days', 1 FROM g_blocks`);
  await client.query(`INSERT INTO scoring_rounds (id, block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, version)
    SELECT mid_id, year_id, scheme_id, 'mid_year', 'Sơ kết 6 tháng (bench)', 'self_assessment', now() - interval '200 days', now() - interval '190 days', now() - interval '180 days', now() - interval '170 days', 1 FROM g_blocks WHERE b % 5 = 0`);
  await client.query(`INSERT INTO round_snapshots (round_id, seq, finalised_at, ranking, row_hashes, digest)
    SELECT g.round_id, 1, now() - interval '10 days',
           (SELECT jsonb_agg(jsonb_build_object('rank', r.rank, 'unitId', r.id, 'unitName', 'Đơn vị city ' || r.b || '-' || r.i,
                    'final', jsonb_build_object('total', r.total, 'criteria', c.criteria)) ORDER BY r.rank)
            FROM (SELECT u.*, rank() OVER (ORDER BY u.total DESC)::int AS rank FROM g_units u WHERE u.b = g.b) r),
           '{}'::jsonb, encode(sha256(g.round_id::text::bytea), 'hex')
    FROM g_blocks g, (SELECT jsonb_agg(jsonb_build_object('criterionId', gen_random_uuid(), 'self', 10, 'cross', 9.5, 'board', 9.25, 'final', 9.25)) AS criteria FROM generate_series(1, $1::int)) c`, [CRITERIA]);
  // What finalising writes beside the snapshot (ResultsService.finalise → storeRankingRows).
  await client.query(`INSERT INTO round_ranking_rows (round_id, snapshot_id, unit_id, rank, unit_name, total)
    SELECT s.round_id, s.id, (e->>'unitId')::uuid, (e->>'rank')::int, e->>'unitName', (e->'final'->>'total')::numeric
    FROM round_snapshots s JOIN g_blocks g ON g.round_id = s.round_id CROSS JOIN LATERAL jsonb_array_elements(s.ranking) e`);
  await client.query('COMMIT');
}

const p50 = (ms) => fmt(percentile(ms, 50));

/**
 * One block's live ranking (25 units × 120 criteria, every score source, in final review) beside the city's
 * blocks: cached, right after one score row changed (its version bumped, as a save does), and the same
 * ranking as one raw SQL statement, alternating so that all three see the same load.
 */
async function ranking(pgc, base, headers, block) {
  const get = async () => {
    const res = await fetch(`${base}/api/rounds/${block.roundId}/ranking`, { headers });
    if (res.status !== 200) throw new Error(`ranking: ${res.status}`);
    await res.arrayBuffer();
  };
  const [row] = (await pgc.query(`SELECT id FROM score_entries WHERE round_id = $1 AND source = 'self' LIMIT 1`, [block.roundId])).rows;
  const cached = [];
  const first = [];
  const sql = [];
  for (let i = 0; i < 5; i++) await get();
  for (let i = 0; i < RANKING_REQUESTS; i++) {
    let t = performance.now();
    await get();
    cached.push(performance.now() - t);
    await pgc.query('UPDATE score_entries SET version = version + 1 WHERE id = $1', [row.id]);
    t = performance.now();
    await get();
    first.push(performance.now() - t);
    t = performance.now();
    await pgc.query(RANKING_SQL, [block.roundId]);
    sql.push(performance.now() - t);
  }
  const ratio = (ms) => fmt(percentile(ms, 50) / percentile(sql, 50), 2);
  return `cached p50 ${p50(cached)} ms (${ratio(cached)}×) · first view after a change p50 ${p50(first)} ms, p95 ${fmt(percentile(first, 95))} ms (${ratio(first)}× at p50, ${fmt(percentile(first, 95) / percentile(sql, 95), 2)}× at p95) · raw SQL p50 ${p50(sql)} ms`;
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
    // One fully scored block for the ranking figures (its round in final review), the rest as the sizes ask.
    const { ranking: [scored] } = await generate(pgc, { blocks: 1, units: UNITS, criteria: 120, officers: 0 });
    let made = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      for (; made < size; made = Math.min(size, made + 500)) await finalisedBlocks(pgc, made, Math.min(size, made + 500));
      await pgc.query('ANALYZE');
      if (!server.base) Object.assign(server, await startServer(db.url));
      const { cookie } = await session(pgc, boardId);
      const headers = { cookie, 'accept-encoding': 'identity' };
      log();
      log(`${size} blocks × ${UNITS} units, every year-end round finalised (generated in ${fmt((performance.now() - t0) / 1000)} s); load average ${fmt(os.loadavg()[0])}`);
      log(`   overview, every block            ${await time(`${server.base}/api/board/overview?year=2025`, headers)}`);
      log(`   overview, a page of 20           ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&page=2`, headers)}`);
      log(`   overview, search "khoi city 1"   ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&q=khoi%20city%201`, headers)}`);
      log(`   overview, late blocks by lateness ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&late=true&sort=lateness`, headers)}`);
      log(`   overview, sorted by step, page 3 ${await time(`${server.base}/api/board/overview?year=2025&pageSize=20&page=3&sort=step`, headers)}`);
      log(`   dashboard list, a page of 20     ${await time(`${server.base}/api/block-years/page?pageSize=20`, headers)}`);
      log(`   dashboard list, every block year ${await time(`${server.base}/api/block-years`, headers)}`);
      log(`   one block's ranking (${scored.scoreRows} score rows): ${await ranking(pgc, server.base, headers, scored)}`);
    }
  } finally {
    await pgc.end().catch(() => {});
    await server.stop();
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
