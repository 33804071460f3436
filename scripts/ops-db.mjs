// What `npm run backup` and `npm run restore` share: the database to work on (DATABASE_URL, or the embedded
// PostgreSQL of `npm start`, running or not), where backups go, the ledger's public keys, and the backend's
// backup code (compiled, or its TypeScript source when nothing is built yet).
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { asRole, APP_ROLE, ensureAppRole } from './db-roles.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the embedded PostgreSQL keeps its data (as `npm start` decides it). */
export async function embeddedDataDir() {
  const { defaultDataDir } = await import('./embedded-pg.mjs');
  return process.env.THIDUA_DATA_DIR ? path.resolve(process.env.THIDUA_DATA_DIR) : defaultDataDir(root);
}

/** BACKUP_DIR, else `backups/` beside the embedded data folder (`.data/backups`). */
export async function backupDir() {
  return process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(path.dirname(await embeddedDataDir()), 'backups');
}

/**
 * The owner's connection to the database and, when the app connects as another role, that role:
 * MIGRATION_DATABASE_URL (else DATABASE_URL) when DATABASE_URL is set; otherwise the embedded PostgreSQL,
 * reached where `npm start` runs it, or started here for the time of the command.
 */
export async function ownerDatabase({ create = false } = {}) {
  if (process.env.DATABASE_URL) {
    const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
    const appRole = process.env.MIGRATION_DATABASE_URL ? decodeURIComponent(new URL(process.env.DATABASE_URL).username) : undefined;
    return { url, appRole, stop: async () => {} };
  }
  const dataDir = await embeddedDataDir();
  let port = runningPort(dataDir);
  let server = null;
  if (!port) {
    const { startEmbeddedPostgres } = await import('./embedded-pg.mjs');
    if (!create && !existsSync(path.join(dataDir, 'PG_VERSION'))) {
      throw new Error(`Chưa có dữ liệu PostgreSQL nhúng ở ${dataDir}: hãy chạy "npm start" một lần, hoặc đặt DATABASE_URL.`);
    }
    port = await freePort(Number(process.env.THIDUA_PG_PORT || 54339));
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  }
  const ownerUrl = `postgres://thidua:thidua@127.0.0.1:${port}/thidua`;
  const admin = new pg.Client({ connectionString: ownerUrl.replace(/\/thidua$/, '/postgres') });
  await admin.connect();
  try {
    if (create && !(await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'thidua'`)).rowCount) await admin.query('CREATE DATABASE thidua');
    await ensureAppRole(admin);
  } finally {
    await admin.end();
  }
  return { url: ownerUrl, appRole: APP_ROLE, appUrl: asRole(ownerUrl), stop: async () => server?.stop() };
}

/** The port of the embedded PostgreSQL `npm start` runs on `dataDir`, if it runs (from its postmaster.pid). */
function runningPort(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(lines[0]), 0);
  } catch (e) {
    if (e.code === 'ESRCH') return null; // a stale file: PostgreSQL is not running
  }
  return Number(lines[3]) || null;
}

async function freePort(from) {
  const free = (p) => new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).once('listening', () => s.close(() => resolve(true)));
    s.listen(p, '127.0.0.1');
  });
  let p = from;
  while (!(await free(p))) p++;
  return p;
}

/** The ledger's public keys as PEM (current first): from LEDGER_SIGNING_KEY / LEDGER_KEY_FILE / npm start's key file, and LEDGER_PREVIOUS_PUBLIC_KEYS. */
export async function ledgerPublicKeys() {
  const keys = [];
  const file = process.env.LEDGER_KEY_FILE || path.join(path.dirname(await embeddedDataDir()), 'ledger-signing-key.pem');
  const privateText = process.env.LEDGER_SIGNING_KEY || (existsSync(file) ? readFileSync(file, 'utf8') : null);
  const pem = (key) => key.export({ type: 'spki', format: 'pem' }).toString();
  if (privateText) {
    const t = privateText.trim();
    const key = t.startsWith('-----') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
    keys.push(pem(createPublicKey(key)));
  }
  for (const k of (process.env.LEDGER_PREVIOUS_PUBLIC_KEYS ?? '').split(/,|(?<=-----END PUBLIC KEY-----)/).map((s) => s.trim()).filter(Boolean)) {
    keys.push(pem(k.startsWith('-----') ? createPublicKey(k) : createPublicKey({ key: Buffer.from(k, 'base64'), format: 'der', type: 'spki' })));
  }
  return keys;
}

/** The backend's backup module: the build when there is one, else its source through @swc-node/register. */
export function backupModule() {
  const require = createRequire(import.meta.url);
  const built = path.join(root, 'backend', 'dist', 'modules', 'backups', 'backup-archive.js');
  if (existsSync(built)) return require(built);
  process.env.SWC_NODE_PROJECT ??= path.join(root, 'backend', 'tsconfig.json');
  require(require.resolve('@swc-node/register', { paths: [path.join(root, 'backend')] }));
  require(require.resolve('reflect-metadata', { paths: [path.join(root, 'backend')] }));
  return require(path.join(root, 'backend', 'src', 'modules', 'backups', 'backup-archive.ts'));
}
