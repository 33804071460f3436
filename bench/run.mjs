// `npm run bench`: generates the data, starts the backend as production runs it, and prints figures.
//   1. Ranking: GET /api/rounds/:id/ranking for one block of 25 units × 120 criteria (every score source),
//      p50/p95, next to the same ranking computed by one raw SQL statement through `pg`, and the ratio.
//   2. Deadline rush: 1,000 officers autosaving their self-assessment rows at once (writes/s, p50/p95/p99),
//      then pairs of officers racing on the same rows with the 409-and-retry the form does; final checks
//      prove that no write was lost.
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_BLOCKS=4, BENCH_UNITS=25,
// BENCH_CRITERIA=120, BENCH_OFFICERS=1000, BENCH_SAVES=5, BENCH_REQUESTS=200, BENCH_MISSES=50. Prints figures, asserts nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import pg from 'pg';
import { generate } from './generate.mjs';
import { fmt, migrate, percentile, root, session, startDatabase, startServer } from './lib.mjs';
import { RANKING_SQL } from './ranking-sql.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const BLOCKS = env('BENCH_BLOCKS', 4);
const UNITS = env('BENCH_UNITS', 25);
const CRITERIA = env('BENCH_CRITERIA', 120);
const OFFICERS = env('BENCH_OFFICERS', 1000);
const SAVES = env('BENCH_SAVES', 5);
const REQUESTS = env('BENCH_REQUESTS', 200);
const MISSES = env('BENCH_MISSES', 50);

/** The fingerprint statement of the ranking's results cache, read from its one source (round-data.ts); null if not found. */
function fingerprintSql() {
  const src = readFileSync(path.join(root, 'backend/src/modules/rounds/round-data.ts'), 'utf8');
  return src.match(/const FINGERPRINT_SQL = `([\s\S]*?)`;/)?.[1] ?? null;
}

const log = (s = '') => console.log(s);
const stats = (ms) => `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms · p99 ${fmt(percentile(ms, 99))} ms · mean ${fmt(ms.reduce((s, x) => s + x, 0) / ms.length)} ms`;

async function timed(n, fn) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms;
}

function client(base, s) {
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
  return {
    get: (url) => fetch(base + url, { headers }),
    put: (url, body) => fetch(base + url, { method: 'PUT', headers, body: JSON.stringify(body) }),
    post: (url, body) => fetch(base + url, { method: 'POST', headers, body: JSON.stringify(body ?? {}) }),
  };
}

/** The input of save number `i` on a criterion: consecutive saves of one row always change its value. */
function inputFor(c, i) {
  switch (c.type) {
    case 'points': return { score: ((i % 4) + 1) * c.max / 4 };
    case 'pass_fail': return { passed: i % 2 === 0 };
    case 'per_occurrence': return { count: i % 5 };
    default: return { actual: 50 + i };
  }
}
const sameInput = (c, row, input) => (c.type === 'points' ? row.score === input.score : c.type === 'pass_fail' ? row.passed === input.passed : c.type === 'per_occurrence' ? row.count === input.count : row.actual === input.actual);

async function main() {
  log(`Thi đua benchmark — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  const db = await startDatabase();
  const server = { stop: async () => {} };
  const pgc = new pg.Client({ connectionString: db.url });
  try {
    await migrate(db.url);
    await pgc.connect();
    const [{ version }] = (await pgc.query('SHOW server_version')).rows.map((r) => ({ version: r.server_version }));
    log(`PostgreSQL ${version} (${db.embedded ? 'embedded' : 'DATABASE_URL'})`);
    let t0 = performance.now();
    const data = await generate(pgc, { blocks: BLOCKS, units: UNITS, criteria: CRITERIA, officers: OFFICERS, sessionFor: (id) => session(pgc, id) });
    const [{ n: rows }] = (await pgc.query('SELECT count(*)::int AS n FROM score_entries')).rows;
    log(`Data: ${BLOCKS} blocks × ${UNITS} units × ${CRITERIA} criteria with every score source (${rows} score rows) + a rush block with ${data.rush?.officers.length ?? 0} officers, generated in ${fmt((performance.now() - t0) / 1000)} s`);
    await pgc.query('ANALYZE');
    Object.assign(server, await startServer(db.url));

    // ---------------------------------------------------------------- 1. ranking
    const block = data.ranking[0];
    const [{ id: boardId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, password_hash, version) VALUES ('Ban TĐKT (bench)', 'board@bench.thidua.vn', 'board', 'x', 1) RETURNING id`)).rows;
    const board = client(server.base, await session(pgc, boardId));
    const url = `/api/rounds/${block.roundId}/ranking`;
    const fetchRanking = async () => {
      const res = await board.get(url);
      if (res.status !== 200) throw new Error(`ranking: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const sql = async () => (await pgc.query(RANKING_SQL, [block.roundId])).rows;
    for (let i = 0; i < 30; i++) await Promise.all([fetchRanking(), sql()]);
    const live = await fetchRanking();
    const viaSql = await sql();
    const mismatches = live.rows.filter((r, i) => {
      const s = viaSql[i];
      return !s || s.unit_id !== r.unitId || Number(s.rank) !== r.rank || Math.abs(Number(s.total) - r.final.total) > 0.005 || Math.abs(Number(s.self_total) - r.self.total) > 0.005;
    });
    // Endpoint and SQL alternate, so both series see the same background load on a shared box.
    const apiMs = [];
    const sqlMs = [];
    for (let i = 0; i < REQUESTS; i++) {
      apiMs.push(...(await timed(1, fetchRanking)));
      sqlMs.push(...(await timed(1, sql)));
    }
    // The cache's fingerprint statement alone (the price every live request pays to know nothing changed).
    const fp = fingerprintSql();
    const [ctx] = (await pgc.query('SELECT block_year_id, scheme_id FROM scoring_rounds WHERE id = $1', [block.roundId])).rows;
    const fpMs = fp ? await timed(REQUESTS, () => pgc.query(fp, [block.roundId, ctx.block_year_id, ctx.scheme_id])) : [];
    // Right after a change: each request follows a write to one score row (its version bumped, as a save
    // does), so the results are computed again: the price of the first view after each save.
    const [row] = (await pgc.query(`SELECT id FROM score_entries WHERE round_id = $1 AND source = 'self' LIMIT 1`, [block.roundId])).rows;
    const missMs = [];
    for (let i = 0; i < MISSES; i++) {
      await pgc.query('UPDATE score_entries SET version = version + 1 WHERE id = $1', [row.id]);
      missMs.push(...(await timed(1, fetchRanking)));
    }
    log();
    log(`1. Ranking of one block (${UNITS} units × ${CRITERIA} criteria, ${block.scoreRows} score rows), ${REQUESTS} sequential requests each, endpoint and SQL alternating`);
    log(`   GET ${'/api/rounds/:id/ranking'} (live)   ${stats(apiMs)}`);
    log(`   one raw SQL statement through pg     ${stats(sqlMs)}`);
    log(`   ratio endpoint / SQL at p50: ${fmt(percentile(apiMs, 50) / percentile(sqlMs, 50), 2)}×, at p95: ${fmt(percentile(apiMs, 95) / percentile(sqlMs, 95), 2)}× (goal ≤ 1.3×)`);
    log(`   same ranking from both: ${mismatches.length ? `NO — ${mismatches.length} rows differ` : 'yes (rank, total and self total of every unit)'}`);
    if (fpMs.length) log(`   of which the results cache's fingerprint statement through pg: ${stats(fpMs)}`);
    log(`   GET ranking right after a score row changed (${MISSES} requests, each after a write: computed again): ${stats(missMs)}; ratio to SQL at p50 ${fmt(percentile(missMs, 50) / percentile(sqlMs, 50), 2)}×`);

    // The finalised round serves its signed snapshot.
    const [{ id: leaderId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, unit_id, password_hash, version) VALUES ('Khối trưởng (bench)', 'leader@bench.thidua.vn', 'officer', $1, 'x', 1) RETURNING id`, [block.units[0]])).rows;
    const leader = client(server.base, await session(pgc, leaderId));
    t0 = performance.now();
    const fin = await leader.post(`/api/rounds/${block.roundId}/finalise`, { reason: 'bench' });
    const finaliseMs = performance.now() - t0;
    if (fin.status !== 201) throw new Error(`finalise: ${fin.status} ${await fin.text()}`);
    for (let i = 0; i < 10; i++) await fetchRanking();
    const snapMs = await timed(REQUESTS, fetchRanking);
    log(`   finalising (ranking + SHA-256 of ${block.scoreRows} rows + snapshot): ${fmt(finaliseMs)} ms`);
    log(`   GET ranking of the finalised round (from its snapshot): ${stats(snapMs)}`);

    // ---------------------------------------------------------------- 2. deadline rush
    if (data.rush) {
      const rush = data.rush;
      const officers = rush.officers.map((o) => ({ ...o, http: client(server.base, o) }));
      const latencies = [];
      const statuses = new Map();
      const last = new Map(); // row key → { input, version }
      let saved = 0;
      const count = (s) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
      t0 = performance.now();
      await Promise.all(officers.map(async (o) => {
        const versions = new Map();
        for (let i = 0; i < SAVES; i++) {
          const c = o.criteria[i % o.criteria.length];
          const input = inputFor(c, Math.floor(i / o.criteria.length));
          const s0 = performance.now();
          const res = await o.http.put(`/api/rounds/${rush.roundId}/units/${o.unitId}/self/${c.id}`, { ...input, version: versions.get(c.id) ?? 0 });
          const body = await res.json();
          latencies.push(performance.now() - s0);
          count(res.status);
          if (res.status === 200) {
            saved++;
            versions.set(c.id, body.row.version);
            last.set(`${o.unitId}|${c.id}`, { c, input, version: body.row.version });
          }
        }
      }));
      const wall = (performance.now() - t0) / 1000;
      const check = (await pgc.query(`SELECT unit_id, criterion_id, version, score::float8 AS score, passed, count, actual::float8 AS actual FROM score_entries WHERE round_id = $1 AND source = 'self'`, [rush.roundId])).rows;
      const versionSum = check.reduce((s, r) => s + r.version, 0);
      const wrong = check.filter((r) => {
        const l = last.get(`${r.unit_id}|${r.criterion_id}`);
        return !l || l.version !== r.version || !sameInput(l.c, r, l.input);
      });
      const [{ n: audited }] = (await pgc.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'score.self' AND block_id = (SELECT block_id FROM block_years WHERE id = $1)`, [rush.yearId])).rows;
      log();
      log(`2. Deadline rush: ${officers.length} officers autosaving at once, ${SAVES} saves each (${officers.length * SAVES} requests)`);
      log(`   ${fmt(saved / wall, 0)} writes/s (${saved} saved in ${fmt(wall, 2)} s) · ${stats(latencies)}`);
      log(`   statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
      log(`   final check: ${check.length} rows (expected ${last.size}), sum of row versions ${versionSum} (expected ${saved}), audit entries ${audited} (expected ${saved}), rows not holding their last saved value: ${wrong.length} → ${check.length === last.size && versionSum === saved && audited === saved && !wrong.length ? 'no write lost' : 'WRITES LOST'}`);

      // Pairs of officers of one unit racing on the same row; a 409 carries the newer row and the form saves again on top of it.
      const pairs = [];
      for (const u of rush.units) {
        const mine = officers.filter((o) => o.unitId === u);
        for (let p = 0; p + 1 < Math.min(mine.length, 8); p += 2) pairs.push({ a: mine[p], b: mine[p + 1], c: mine[p].criteria[0] });
      }
      const start = new Map((await pgc.query(`SELECT unit_id, criterion_id, version FROM score_entries WHERE round_id = $1 AND source = 'self'`, [rush.roundId])).rows.map((r) => [`${r.unit_id}|${r.criterion_id}`, r.version]));
      const won = new Map();
      let conflicts = 0;
      let saves2 = 0;
      const lat2 = [];
      t0 = performance.now();
      await Promise.all(pairs.flatMap((p) => [p.a, p.b].map(async (o, side) => {
        const key = `${o.unitId}|${p.c.id}`;
        let version = start.get(key) ?? 0;
        for (let i = 0; i < SAVES; i++) {
          for (let attempt = 0; attempt < 50; attempt++) {
            const input = inputFor(p.c, 1000 + i * 2 + side + attempt * 17);
            const s0 = performance.now();
            const res = await o.http.put(`/api/rounds/${rush.roundId}/units/${o.unitId}/self/${p.c.id}`, { ...input, version });
            const body = await res.json();
            lat2.push(performance.now() - s0);
            if (res.status === 200) {
              saves2++;
              version = body.row.version;
              won.set(key, [...(won.get(key) ?? []), body.changed ? version : -1]);
              break;
            }
            if (res.status !== 409) throw new Error(`contention: ${res.status} ${JSON.stringify(body)}`);
            conflicts++;
            version = body.current?.version ?? version;
          }
        }
      })));
      const wall2 = (performance.now() - t0) / 1000;
      const end = new Map((await pgc.query(`SELECT unit_id, criterion_id, version FROM score_entries WHERE round_id = $1 AND source = 'self'`, [rush.roundId])).rows.map((r) => [`${r.unit_id}|${r.criterion_id}`, r.version]));
      let lost = 0;
      for (const p of pairs) {
        const key = `${p.a.unitId}|${p.c.id}`;
        const versions = (won.get(key) ?? []).filter((v) => v > 0).sort((x, y) => x - y);
        const expected = Array.from({ length: versions.length }, (_, i) => (start.get(key) ?? 0) + i + 1);
        if (end.get(key) !== (start.get(key) ?? 0) + versions.length || versions.join() !== expected.join()) lost++;
      }
      log(`   contention: ${pairs.length} rows, 2 officers each, ${SAVES} saves each with retry on 409: ${saves2} saved, ${conflicts} conflicts answered 409 with the newer row, ${fmt(saves2 / wall2, 0)} writes/s, ${stats(lat2)}`);
      log(`   final check: every row's version rose by exactly its saves, each version given to one save only → ${lost ? `${lost} ROWS LOST WRITES` : 'no write lost'}`);
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
