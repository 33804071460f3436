// `node bench/ledger.mjs`: the audit ledger under load. Prints figures, asserts nothing.
//   1. Deadline rush, closed loop: officers autosaving at once through the app (one process, two processes on
//      one database) and through a bare node:http + pg server doing the same statements without any global
//      lock, interleaved run by run.
//   2. Open loop: officers saving at random at BENCH_OPEN_RATE saves/s for BENCH_OPEN_SECONDS: latencies,
//      lost saves, and how long each save's audit entry waited to be sealed.
//   3. Sealing throughput: BENCH_SEAL_ENTRIES entries committed at once, sealed by the running app.
//   4. Verification: GET /api/audit/verify over BENCH_VERIFY_ENTRIES entries.
// Options (environment): DATABASE_URL (else embedded PostgreSQL), BENCH_OFFICERS=1000, BENCH_SAVES=5, BENCH_ROUNDS=3,
// BENCH_OPEN_RATE=200, BENCH_OPEN_SECONDS=60, BENCH_SEAL_ENTRIES=100000, BENCH_VERIFY_ENTRIES=1000000, BENCH_PARTS=1234,
// BENCH_BASELINE=<root of another checkout> (its backend joins the rush, interleaved), BENCH_NODE_ARGS (Node.js flags for the backends).
import { createHash } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generate } from './generate.mjs';
import { fmt, migrate, percentile, prng, session, startDatabase, startServer } from './lib.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const OFFICERS = env('BENCH_OFFICERS', 1000);
const SAVES = env('BENCH_SAVES', 5);
const ROUNDS = env('BENCH_ROUNDS', 3);
const OPEN_RATE = env('BENCH_OPEN_RATE', 200);
const OPEN_SECONDS = env('BENCH_OPEN_SECONDS', 60);
const SEAL_ENTRIES = env('BENCH_SEAL_ENTRIES', 100_000);
const VERIFY_ENTRIES = env('BENCH_VERIFY_ENTRIES', 1_000_000);
const PARTS = String(process.env.BENCH_PARTS ?? '1234');
const log = (s = '') => console.log(s);
const stats = (ms) => `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms · p99 ${fmt(percentile(ms, 99))} ms`;

/**
 * The same statements as the app's autosave of a row already seen, on node:http + pg, without any global lock and
 * without a transaction: the session (noting its use once a minute) read with the round and the self-assessment and
 * the `xmin` of both; then one statement that takes both FOR SHARE only if unchanged, makes the version-checked
 * UPDATE … RETURNING with the values it replaced, and inserts the audit entry.
 */
function bareServer(url) {
  // The app's pool: 20 connections, a request that waits 5 s for one is refused (503 in the app).
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  const server = http.createServer(async (req, res) => {
    const reply = (status, o) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(o)); };
    const m = req.url.match(/^\/api\/rounds\/([^/]+)\/units\/([^/]+)\/self\/([^/]+)$/);
    let body = '';
    for await (const chunk of req) body += chunk;
    if (!m || req.method !== 'PUT') return reply(404, {});
    const [, roundId, unitId, criterionId] = m;
    const input = JSON.parse(body);
    const token = /thidua_sid=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    try {
      const hash = createHash('sha256').update(token ?? '').digest('hex');
      const [ctx] = (await pool.query(`WITH touched AS (UPDATE sessions SET last_seen_at = now() WHERE id = $3 AND last_seen_at < now() - interval '1 minute' RETURNING id),
          ses AS (SELECT s.id AS sid, s.csrf_token, a.id, a.role, a.unit_id, a.full_name, a.email FROM sessions s JOIN accounts a ON a.id = s.account_id
                  WHERE s.id = $3 AND s.expires_at > now() AND a.archived_at IS NULL)
        SELECT r.id, r.block_year_id, r.scheme_id, s.title AS scheme_title, s.version_no AS scheme_version_no, r.kind, r.title, r.phase, r.opens_at,
          r.self_assessment_until, r.review_until, r.explanation_until, r.final_review_until, r.finalised_at, r.assignment_seed, r.version,
          (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS latest_extension, now() AS now,
          y.block_id, y.year, y.status AS year_status, y.leader_unit_id, y.deputy_unit_id, y.rules, b.code AS block_code, b.name AS block_name,
          EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = y.id AND m.unit_id = (SELECT unit_id FROM ses)) AS is_member,
          r.xmin::text AS round_xmin, (SELECT to_jsonb(ses) FROM ses) AS session, self.id AS self_id, self.status AS self_status, self.xmin AS self_xmin
        FROM scoring_rounds r JOIN scoring_schemes s ON s.id = r.scheme_id JOIN block_years y ON y.id = r.block_year_id JOIN blocks b ON b.id = y.block_id
        LEFT JOIN LATERAL (SELECT sa.id, sa.status, sa.submitted_at, sa.return_reason, sa.version, e.until AS extension_until, a.full_name AS confirmed_by_name, sa.xmin::text AS xmin
          FROM self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id LEFT JOIN accounts a ON a.id = sa.confirmed_by
          WHERE sa.round_id = r.id AND sa.unit_id = $2) self ON true
        WHERE r.id = $1`, [roundId, unitId, hash])).rows;
      const s = ctx?.session;
      if (!s || s.csrf_token !== req.headers['x-csrf-token'] || s.unit_id !== unitId || !ctx.is_member || ctx.self_status !== 'draft') return reply(403, {});
      const [row] = (await pool.query(`WITH g0 AS (SELECT 1 FROM scoring_rounds WHERE id = $1 AND xmin::text = $11 FOR SHARE),
          g1 AS (SELECT 1 FROM self_assessments WHERE id = $12 AND xmin::text = $13 FOR SHARE),
          u AS (UPDATE score_entries e SET score = $5, passed = $6, count = $7, actual = $8, items = NULL, note = '', updated_by = $9, updated_at = now(), version = e.version + 1
            FROM score_entries old
            WHERE old.id = e.id AND e.round_id = $1 AND e.unit_id = $2 AND e.criterion_id = $3 AND e.source = 'self' AND e.version = $4
              AND (old.score, old.passed, old.count, old.actual, old.items, old.note) IS DISTINCT FROM ($5::numeric, $6::boolean, $7::int, $8::numeric, NULL::jsonb, ''::text)
              AND EXISTS (SELECT 1 FROM g0) AND EXISTS (SELECT 1 FROM g1)
            RETURNING e.id, e.criterion_id, e.unit_id, e.source, e.scorer_unit_id, e.score::float8 AS score, e.passed, e.count, e.actual::float8 AS actual, e.items, e.note, e.version, e.updated_at,
              old.score::float8 AS old_score, old.passed AS old_passed, old.count AS old_count, old.actual::float8 AS old_actual, old.items AS old_items, old.note AS old_note),
          entry AS (INSERT INTO audit_entries (occurred_at, actor_id, actor_name, action, entity_type, entity_id, block_id, before, after, reason)
            SELECT now(), $9, $10, 'score.self', 'score_entry', u.id::text, $14,
              jsonb_build_object('score', u.old_score, 'passed', u.old_passed, 'count', u.old_count, 'actual', u.old_actual, 'items', u.old_items, 'note', u.old_note), $15::jsonb, '' FROM u)
        SELECT * FROM u`,
        [roundId, unitId, criterionId, input.version, input.score ?? null, input.passed ?? null, input.count ?? null, input.actual ?? null, s.id, s.full_name,
          ctx.round_xmin, ctx.self_id, ctx.self_xmin, ctx.block_id, JSON.stringify(input)])).rows;
      if (!row) {
        // As the app's fallback would: the row as it is now tells an unchanged save (200) from a stale one (409).
        const [cur] = (await pool.query(`SELECT e.id, e.version FROM score_entries e LEFT JOIN accounts a ON a.id = e.updated_by
          WHERE e.round_id = $1 AND e.unit_id = $2 AND e.criterion_id = $3 AND e.source = 'self'`, [roundId, unitId, criterionId])).rows;
        return cur?.version === input.version ? reply(200, { row: cur, changed: false }) : reply(409, { current: cur ?? null });
      }
      reply(200, { row, changed: true });
    } catch (e) {
      reply(/timeout/i.test(e.message) ? 503 : 500, { message: e.message });
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    base: `http://127.0.0.1:${server.address().port}`, stop: async () => { server.close(); await pool.end(); },
  })));
}

function inputFor(c, i) {
  switch (c.type) {
    case 'points': return { score: ((i % 4) + 1) * c.max / 4 };
    case 'pass_fail': return { passed: i % 2 === 0 };
    case 'per_occurrence': return { count: i % 5 };
    default: return { actual: 50 + i };
  }
}

const put = (base, o, path, body) => fetch(base + path, { method: 'PUT', headers: { cookie: o.cookie, 'x-csrf-token': o.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function versionsOf(pgc, roundId) {
  const rows = (await pgc.query(`SELECT unit_id, criterion_id, version FROM score_entries WHERE round_id = $1 AND source = 'self'`, [roundId])).rows;
  return new Map(rows.map((r) => [`${r.unit_id}|${r.criterion_id}`, r.version]));
}

/** Every officer saves SAVES times as fast as answers come back, spread over `bases`. */
async function rush(pgc, rushData, bases, runNo) {
  const versions = await versionsOf(pgc, rushData.roundId);
  const ms = [];
  let saved = 0;
  let failed = 0;
  const statuses = new Map();
  const t0 = performance.now();
  await Promise.all(rushData.officers.map(async (o, k) => {
    const base = bases[k % bases.length];
    for (let i = 0; i < SAVES; i++) {
      const c = o.criteria[i % o.criteria.length];
      const key = `${o.unitId}|${c.id}`;
      const s0 = performance.now();
      try {
        const res = await put(base, o, `/api/rounds/${rushData.roundId}/units/${o.unitId}/self/${c.id}`, { ...inputFor(c, runNo * SAVES + i + 1), version: versions.get(key) ?? 0 });
        const body = await res.json();
        ms.push(performance.now() - s0);
        if (res.status === 200) {
          saved++;
          versions.set(key, body.row.version);
        } else {
          failed++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      } catch {
        // A connection reset under load: counted as refused, like any answer but 200.
        ms.push(performance.now() - s0);
        failed++;
        statuses.set('reset', (statuses.get('reset') ?? 0) + 1);
      }
    }
  }));
  const wall = (performance.now() - t0) / 1000;
  return { rate: saved / wall, ms, saved, failed, refusals: [...statuses].map(([s, n]) => `${s}×${n}`).join(', ') };
}

async function waitSealed(pgc, timeoutMs = 600_000) {
  const t0 = performance.now();
  for (;;) {
    const [{ n }] = (await pgc.query('SELECT count(*)::int AS n FROM audit_entries a WHERE NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.entry_id = a.id)')).rows;
    if (n === 0 || performance.now() - t0 > timeoutMs) return { seconds: (performance.now() - t0) / 1000, pending: n };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Inserts n audit entries in transactions of 50,000 (as many committed writes would). */
async function insertEntries(pgc, n) {
  for (let done = 0; done < n; done += 50_000) {
    const k = Math.min(50_000, n - done);
    await pgc.query(`INSERT INTO audit_entries (occurred_at, actor_name, action, entity_type, entity_id, before, after, reason)
      SELECT now(), 'Cán bộ ' || i, 'score.self', 'score_entry', md5(i::text), jsonb_build_object('score', i % 10, 'note', ''), jsonb_build_object('score', i % 10 + 1, 'note', 'đã cập nhật'), ''
      FROM generate_series(1, $1) i`, [k]);
  }
}

async function main() {
  log(`Thi đua ledger benchmark — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}`);
  const db = await startDatabase();
  const pgc = new pg.Client({ connectionString: db.url });
  const servers = [];
  try {
    await migrate(db.url);
    await pgc.connect();
    const data = await generate(pgc, { blocks: 0, units: 25, criteria: 120, officers: OFFICERS, sessionFor: (id) => session(pgc, id) });
    await pgc.query('ANALYZE');
    const [{ id: boardId }] = (await pgc.query(`INSERT INTO accounts (full_name, email, role, password_hash, title, version) VALUES ('Ban bench', 'bench.board@thidua.vn', 'board', 'x', '', 1) RETURNING id`)).rows;
    const board = await session(pgc, boardId);
    const app = await startServer(db.url);
    servers.push(app);

    if (PARTS.includes('1')) {
      const app2 = await startServer(db.url);
      servers.push(app2);
      const bare = await bareServer(db.url);
      servers.push(bare);
      // BENCH_BASELINE=<another checkout's root>: its backend joins the interleaved runs (same database), to compare versions under the same load.
      const baseline = process.env.BENCH_BASELINE ? await startServer(db.url, path.join(process.env.BENCH_BASELINE, 'backend')) : null;
      if (baseline) servers.push(baseline);
      log(`\n1. Deadline rush, closed loop: ${data.rush.officers.length} officers × ${SAVES} saves, ${ROUNDS} interleaved rounds`);
      const results = { app: [], bare: [], app2: [], base: [] };
      const variants = [['app', [app.base]], ['bare', [bare.base]], ['app2', [app.base, app2.base]], ...(baseline ? [['base', [baseline.base]]] : [])];
      let runNo = 0;
      // Warm-up through the app: creates every row (the bare server only updates) and warms both servers' caches.
      const warm = await rush(pgc, data.rush, [app.base, app2.base], runNo++);
      log(`   warm-up (creates the rows): ${fmt(warm.rate, 0)} saves/s`);
      for (let r = 0; r < ROUNDS; r++) {
        for (const [name, bases] of variants) {
          const x = await rush(pgc, data.rush, bases, runNo++);
          results[name].push(x);
          log(`   round ${r + 1} ${name.padEnd(4)}: ${fmt(x.rate, 0)} saves/s · ${stats(x.ms)} · ${x.failed} refused${x.failed ? ` (${x.refusals})` : ''}`);
        }
      }
      const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const rate = (name) => med(results[name].map((x) => x.rate));
      log(`   median: app ${fmt(rate('app'), 0)}/s, bare server without a global lock ${fmt(rate('bare'), 0)}/s → app/bare ${fmt(rate('app') / rate('bare'), 2)}×; two app processes ${fmt(rate('app2'), 0)}/s → ${fmt(rate('app2') / rate('app'), 2)}× one`);
      if (baseline) log(`   baseline (${process.env.BENCH_BASELINE}): ${fmt(rate('base'), 0)}/s → this version ${fmt(rate('app') / rate('base'), 2)}× the baseline`);
      const sealed = await waitSealed(pgc);
      log(`   all entries sealed ${fmt(sealed.seconds, 1)} s after the last run (pending ${sealed.pending})`);
      await app2.stop();
      await bare.stop();
      await baseline?.stop();
    }

    if (PARTS.includes('2')) {
      log(`\n2. Open loop: ${data.rush.officers.length} officers, ${OPEN_RATE} saves/s offered (Poisson) for ${OPEN_SECONDS} s`);
      const versions = await versionsOf(pgc, data.rush.roundId);
      const busy = new Set();
      const rnd = prng(7);
      const [{ max: firstId }] = (await pgc.query('SELECT coalesce(max(id), 0)::text AS max FROM audit_entries')).rows;
      const ms = [];
      const statuses = new Map();
      let skipped = 0;
      let changed = 0;
      const inflight = [];
      const t0 = performance.now();
      let next = t0;
      let i = 0;
      while (next - t0 < OPEN_SECONDS * 1000) {
        next += -Math.log(1 - rnd()) * (1000 / OPEN_RATE);
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const o = data.rush.officers[Math.floor(rnd() * data.rush.officers.length)];
        if (busy.has(o)) { skipped++; continue; } // an officer's form saves one row at a time
        busy.add(o);
        const c = o.criteria[i % o.criteria.length];
        const key = `${o.unitId}|${c.id}`;
        const s0 = performance.now();
        const n = i++;
        inflight.push(put(app.base, o, `/api/rounds/${data.rush.roundId}/units/${o.unitId}/self/${c.id}`, { ...inputFor(c, 1000 + n), version: versions.get(key) ?? 0 })
          .then(async (res) => {
            const body = await res.json();
            ms.push(performance.now() - s0);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 200) versions.set(key, body.row.version);
            if (body.changed) changed++;
          }).finally(() => busy.delete(o)));
      }
      await Promise.all(inflight);
      const wall = (performance.now() - t0) / 1000;
      const sealed = await waitSealed(pgc);
      const [lag] = (await pgc.query(`
        SELECT count(*)::int AS n, max(extract(epoch FROM c.sealed_at - a.occurred_at))::float8 AS max, percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM c.sealed_at - a.occurred_at))::float8 AS p99
        FROM audit_entries a JOIN ledger_leaves l ON l.entry_id = a.id
        CROSS JOIN LATERAL (SELECT sealed_at FROM ledger_checkpoints WHERE tree_size > l.seq ORDER BY tree_size LIMIT 1) c
        WHERE a.id > $1::bigint AND a.action = 'score.self'`, [firstId])).rows;
      const ok = statuses.get(200) ?? 0;
      log(`   ${ms.length} saves sent in ${fmt(wall, 1)} s (${fmt(ms.length / wall, 0)}/s; ${skipped} arrivals skipped: that officer's previous save still open) · ${stats(ms)}`);
      log(`   statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')} · lost (not 200): ${ms.length - ok} · audit entries ${lag.n} (expected ${changed}: saves that changed their row)`);
      log(`   sealed after commit: p99 ${fmt(lag.p99, 2)} s, max ${fmt(lag.max, 2)} s (pending at the end: ${sealed.pending})`);
    }

    if (PARTS.includes('3')) {
      await waitSealed(pgc);
      const t0 = performance.now();
      await insertEntries(pgc, SEAL_ENTRIES);
      const inserted = (performance.now() - t0) / 1000;
      const s = await waitSealed(pgc);
      log(`\n3. Sealing: ${SEAL_ENTRIES} entries committed in ${fmt(inserted, 1)} s, all sealed ${fmt(s.seconds, 1)} s later → ${fmt(SEAL_ENTRIES / s.seconds, 0)} entries/s (pending ${s.pending})`);
    }

    if (PARTS.includes('4')) {
      const [{ n }] = (await pgc.query('SELECT count(*)::int AS n FROM audit_entries')).rows;
      if (n < VERIFY_ENTRIES) {
        const t0 = performance.now();
        await insertEntries(pgc, VERIFY_ENTRIES - n);
        const s = await waitSealed(pgc);
        log(`\n4. Verification: filled to ${VERIFY_ENTRIES} entries (${fmt((performance.now() - t0) / 1000, 0)} s, sealing ${fmt((VERIFY_ENTRIES - n) / s.seconds, 0)} entries/s)`);
      }
      const t0 = performance.now();
      const res = await fetch(`${app.base}/api/audit/verify`, { headers: { cookie: board.cookie } });
      const body = await res.json();
      log(`   GET /api/audit/verify: ${res.status} in ${fmt((performance.now() - t0) / 1000, 1)} s → ok ${body.ok}, ${body.checked} entries, ${body.checkpoints} checkpoints`);
    }
  } finally {
    for (const s of servers) await s.stop().catch(() => {});
    await pgc.end().catch(() => {});
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
