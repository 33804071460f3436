// Shared pieces of the benchmarks: a database (embedded PostgreSQL unless DATABASE_URL is set), migrations,
// the backend as a separate process, sessions without password hashing, percentiles.
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backend = path.join(root, 'backend');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A fresh database `thidua_bench_<pid>`: on DATABASE_URL's server, or on an embedded PostgreSQL in a temp dir. */
export async function startDatabase() {
  let adminUrl = process.env.DATABASE_URL;
  let server = null;
  let dataDir = null;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import('../scripts/embedded-pg.mjs');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-pg-'));
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    adminUrl = server.url('postgres');
  }
  const db = `thidua_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return {
    url: u.toString(),
    embedded: !!server,
    stop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
      if (server) {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: backend, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export const migrate = (url) => run(['-r', '@swc-node/register', 'src/database/migrate.ts'], { DATABASE_URL: url });

/** One throwaway checkpoint signing key per bench run (production needs one; see docs/ledger.md). */
const LEDGER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The backend as production runs it (NODE_ENV=production, no demo), from the TypeScript sources through swc (`cwd`: another checkout's backend/ to compare). */
export async function startServer(url, cwd = backend) {
  const port = await freePort();
  // BENCH_NODE_ARGS: extra Node.js flags for the backend processes, e.g. "--prof" to see where their time goes.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...extra, '-r', '@swc-node/register', 'src/main.ts'], {
    cwd,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production', DEMO_DATA: 'false', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', LEDGER_SIGNING_KEY, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop: () => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('backend did not start');
}

/** Inserts a session for an account, as sign-in would (the cookie carries the token; the row keeps its SHA-256). */
export async function session(client, accountId) {
  const token = randomBytes(32).toString('hex');
  const csrf = randomBytes(32).toString('hex');
  await client.query(`INSERT INTO sessions (id, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), accountId, csrf]);
  return { cookie: `thidua_sid=${token}`, csrf };
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));

/** mulberry32: a small seeded PRNG, so every run generates the same data. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
