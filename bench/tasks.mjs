// `npm run bench:tasks`: "Việc cần làm" at city scale (issue 12): 60 blocks × 25 units, a mid-year round
// open for self-assessment in each (units part-way through their sheets), a launch conference whose
// invitations are unanswered, and next year being set up by the board. Times GET /api/tasks (the list and
// its count in one answer) for a member unit's officer, the leader unit's head and the board, next to
// the candidates statement alone through pg. Target: p95 ≤ 50 ms.
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_BLOCKS=60, BENCH_UNITS=25,
// BENCH_CRITERIA=40, BENCH_REQUESTS=200. Prints figures, asserts nothing.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { insertAccounts, insertBlock, insertMany, insertScheme } from './generate.mjs';
import { fmt, migrate, percentile, prng, root, session, startDatabase, startServer } from './lib.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const BLOCKS = env('BENCH_BLOCKS', 60);
const UNITS = env('BENCH_UNITS', 25);
const CRITERIA = env('BENCH_CRITERIA', 40);
const REQUESTS = env('BENCH_REQUESTS', 200);

const log = (s = '') => console.log(s);
const stats = (ms) => `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms · p99 ${fmt(percentile(ms, 99))} ms · mean ${fmt(ms.reduce((s, x) => s + x, 0) / ms.length)} ms`;

/** The candidates statement, read from its one source (tasks.sql.ts). */
function candidatesSql() {
  const src = readFileSync(path.join(root, 'backend/src/modules/tasks/tasks.sql.ts'), 'utf8');
  return src.match(/export const TASK_CANDIDATES_SQL = `([\s\S]*?)`;/)[1];
}

/** One block of the city: its year in progress, the round open, sheets part-filled, a conference and a draft waiting for the units. */
async function cityBlock(client, b, rand) {
  const { yearId, units } = await insertBlock(client, b, UNITS, 'city');
  const scheme = await insertScheme(client, yearId, CRITERIA);
  const [{ id: roundId }] = (await client.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, version)
     VALUES ($1, $2, 'mid_year', 'Chấm điểm sơ kết 6 tháng (bench)', 'self_assessment', now() - interval '3 days', now() + interval '7 days', now() + interval '14 days', now() + interval '21 days', 1) RETURNING id`,
    [yearId, scheme.id])).rows;
  await client.query(`INSERT INTO self_assessments (round_id, unit_id, version) SELECT $1, u, 1 FROM unnest($2::uuid[]) u`, [roundId, units]);
  const cols = [[], [], [], [], [], []];
  for (const u of units) {
    const share = rand();
    for (const c of scheme.leaves) {
      if (rand() > share) continue;
      const score = c.type === 'target' ? null : c.type === 'pass_fail' ? c.max : c.type === 'per_occurrence' ? 0 : Math.round(c.max * rand() * 4) / 4;
      [u, c.id, c.type, c.max, score, c.type === 'target' ? 80 : null].forEach((x, i) => cols[i].push(x));
    }
  }
  await insertMany(client,
    `INSERT INTO score_entries (round_id, unit_id, criterion_id, source, scorer_unit_id, criterion_type, max_points, score, passed, count, actual, version)
     SELECT '${roundId}', u, c, 'self', u, ty, mx, CASE WHEN ty IN ('pass_fail','per_occurrence') THEN NULL ELSE sc END,
            CASE WHEN ty = 'pass_fail' THEN true END, CASE WHEN ty = 'per_occurrence' THEN 1 END, ac, 1
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[]) AS t(u, c, ty, mx, sc, ac)`, cols);
  const [{ id: confId }] = (await client.query(
    `INSERT INTO conferences (block_year_id, kind, title, starts_at, place, chair_unit_id, version)
     VALUES ($1, 'mid_year', 'Hội nghị sơ kết 6 tháng (bench)', now() + interval '10 days', 'Hội trường', $2, 1) RETURNING id`, [yearId, units[0]])).rows;
  await client.query(`INSERT INTO conference_attendance (conference_id, unit_id) SELECT $1, u FROM unnest($2::uuid[]) u`, [confId, units]);
  // Next year is being set up by the board.
  await client.query(`INSERT INTO block_years (block_id, year, status, rules, version) SELECT block_id, 2026, 'setup', rules, 1 FROM block_years WHERE id = $1`, [yearId]);
  return { yearId, units, roundId };
}

async function main() {
  log(`Thi đua benchmark: Việc cần làm — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${os.loadavg().map((x) => fmt(x)).join(' / ')}`);
  const db = await startDatabase();
  const server = { stop: async () => {} };
  const pgc = new pg.Client({ connectionString: db.url });
  try {
    await migrate(db.url);
    await pgc.connect();
    const t0 = performance.now();
    const rand = prng(2025);
    const blocks = [];
    for (let b = 0; b < BLOCKS; b++) blocks.push(await cityBlock(pgc, b, rand));
    const [{ n: rows }] = (await pgc.query('SELECT count(*)::int AS n FROM score_entries')).rows;
    log(`Data: ${BLOCKS} blocks × ${UNITS} units, a round open in each (${CRITERIA} criteria, ${rows} self-score rows), a conference invitation per unit; generated in ${fmt((performance.now() - t0) / 1000)} s`);
    await pgc.query('ANALYZE');
    Object.assign(server, await startServer(db.url));

    const mid = blocks[Math.floor(BLOCKS / 2)];
    const [officer] = await insertAccounts(pgc, [mid.units[7]], 'officer', 'Cán bộ');
    const [head] = await insertAccounts(pgc, [mid.units[0]], 'unit_head', 'Thủ trưởng');
    const [{ id: boardId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, password_hash, version) VALUES ('Ban TĐKT (bench)', 'board.tasks@bench.thidua.vn', 'board', 'x', 1) RETURNING id`)).rows;
    const people = [
      ['officer of a member unit', officer.id, 'officer', officer.unit_id],
      ['head of the leader unit', head.id, 'unit_head', head.unit_id],
      ['city board', boardId, 'board', null],
    ];
    const sql = candidatesSql();
    log();
    log(`Load average now ${os.loadavg().map((x) => fmt(x)).join(' / ')} (figures on a shared box move with it)`);
    log(`GET /api/tasks (list and count in one answer), ${REQUESTS} sequential requests per person, after 20 warm-up requests`);
    for (const [label, id, role, unitId] of people) {
      const s = await session(pgc, id);
      const headers = { cookie: s.cookie };
      const get = async () => {
        const res = await fetch(`${server.base}/api/tasks`, { headers });
        if (res.status !== 200) throw new Error(`tasks: ${res.status} ${await res.text()}`);
        return res.json();
      };
      for (let i = 0; i < 20; i++) await get();
      const body = await get();
      const ms = [];
      const sqlMs = [];
      for (let i = 0; i < REQUESTS; i++) {
        let a = performance.now();
        await get();
        ms.push(performance.now() - a);
        a = performance.now();
        await pgc.query(sql, [role, unitId, 'x', role === 'board']);
        sqlMs.push(performance.now() - a);
      }
      const kinds = [...new Set(body.items.map((x) => x.kind))].join(', ') || '—';
      log(`   ${label.padEnd(26)} ${body.count} tasks (${kinds})`);
      log(`      endpoint                ${stats(ms)} → ${percentile(ms, 95) <= 50 ? 'within' : 'OVER'} the 50 ms target`);
      log(`      candidates SQL via pg   ${stats(sqlMs)}`);
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
