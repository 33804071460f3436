// `npm start`: one process tree, one URL. Uses DATABASE_URL when set; otherwise an embedded PostgreSQL
// whose data persists in .data/postgres (as root, when the `postgres` user cannot enter the project, in
// /var/lib/thidua/<project>-<hash>/postgres; see embedded-pg.mjs). Loads the demo once into an empty database.
// What cannot work where it is ends with one Vietnamese sentence and exit code 78.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { asRole, ensureAppRole } from './db-roles.mjs';
import { ensureLedgerKey } from './ledger-key.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT || '3000';

const portFree = (p) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).once('listening', () => s.close(() => resolve(true)));
  s.listen(p, '127.0.0.1');
});

/** Where the embedded PostgreSQL keeps its data (keys that must stay outside the database sit beside it). */
async function embeddedDataDir() {
  const { defaultDataDir } = await import('./embedded-pg.mjs');
  return process.env.THIDUA_DATA_DIR ? path.resolve(process.env.THIDUA_DATA_DIR) : defaultDataDir(root);
}

async function embeddedDatabase() {
  const { startEmbeddedPostgres } = await import('./embedded-pg.mjs');
  const dataDir = await embeddedDataDir();
  let pgPort = Number(process.env.THIDUA_PG_PORT || 54329);
  while (!(await portFree(pgPort))) pgPort++;
  if (!process.env.THIDUA_DATA_DIR && !dataDir.startsWith(root + path.sep)) {
    console.log('Chạy bằng root thì PostgreSQL nhúng chạy bằng người dùng "postgres"; người dùng này không vào được thư mục dự án nên dữ liệu nằm ngoài dự án.');
  }
  console.log(`Khởi động PostgreSQL nhúng (dữ liệu: ${dataDir}, cổng ${pgPort})...`);
  const server = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'thidua'`);
  if (!rowCount) await admin.query('CREATE DATABASE thidua');
  await ensureAppRole(admin);
  await admin.end();
  // The owner migrates; the app connects as the least-privileged role.
  return { url: asRole(server.url('thidua')), migrationUrl: server.url('thidua'), dataDir, stop: () => server.stop() };
}

/**
 * The key that wraps each open electronic ballot's secret key must live outside the database
 * (docs/ballot-secrecy.md): unless BALLOT_WRAP_KEY or BALLOT_KEY_FILE is given, a key file beside the data
 * directory, created once, readable by this user only. Back it up apart from the database.
 */
function ballotKeyFile(dataDir) {
  if (process.env.BALLOT_WRAP_KEY || process.env.BALLOT_KEY_FILE) return process.env.BALLOT_KEY_FILE;
  const file = `${dataDir}-ballot.key`;
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}

async function main() {
  // The database first: what cannot work where the project lies is said before anything else.
  const db = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => {} } : await embeddedDatabase();
  const mainJs = path.join(root, 'backend', 'dist', 'main.js');
  if (!existsSync(mainJs)) {
    console.error('Chưa có bản dựng. Hãy chạy "npm start" (tự dựng) hoặc "npm run build".');
    await db.stop();
    process.exit(1);
  }
  // Keys that must stay outside the database sit beside the embedded data (or where it would be).
  const dataDir = db.dataDir ?? (await embeddedDataDir());
  const keyFile = ballotKeyFile(dataDir);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    ...(db.migrationUrl && { MIGRATION_DATABASE_URL: db.migrationUrl }),
    ...(!process.env.LEDGER_SIGNING_KEY && !process.env.LEDGER_KEY_FILE && { LEDGER_KEY_FILE: ensureLedgerKey(path.dirname(dataDir)) }),
    PORT: port,
    NODE_ENV: process.env.NODE_ENV || 'production',
    STATIC_DIR: process.env.STATIC_DIR || path.join(root, 'frontend', 'dist'),
    DEMO_DATA: process.env.DEMO_DATA ?? 'true',
    // Scheduled backups (daily, kept 14 days) beside the data, where `npm run backup` writes too.
    BACKUP_DIR: process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(path.dirname(dataDir), 'backups'),
    ...(keyFile ? { BALLOT_KEY_FILE: keyFile } : {}),
  };
  const child = spawn(process.execPath, [mainJs], { env, stdio: 'inherit' });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await db.stop().catch(() => {});
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => stop(code ?? 0));
  if (env.DEMO_DATA !== 'false') waitAndPrintAccounts(port).catch(() => {});
}

async function waitAndPrintAccounts(p) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/api/health`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`
Mở http://localhost:${p} và đăng nhập bằng một tài khoản minh họa (mật khẩu chung: ThiDua@2024):
  admin@thidua.vn             Quản trị hệ thống
  bantdkt@thidua.vn           Ban Thi đua – Khen thưởng Thành phố
  canbo.dukcq@thidua.vn       Cán bộ đơn vị khối trưởng 2024 – Khối thi đua số 4
  canbo.lhp@thidua.vn         Cán bộ đơn vị thành viên – Khối thi đua số 4
  thutruong.lhp@thidua.vn     Thủ trưởng đơn vị – Khối thi đua số 4
  canbo.stc@thidua.vn         Cán bộ đơn vị khối trưởng 2025 – Khối thi đua số 1: diễn tập tổng kết năm
                              (thủ trưởng các đơn vị Khối 1: thutruong.stc, thutruong.snv, thutruong.stp, …)
Nhấn Ctrl+C để dừng.`);
}

main().catch(async (e) => {
  const { EmbeddedPostgresSetupError, SETUP_EXIT_CODE } = await import('./embedded-pg.mjs');
  if (e instanceof EmbeddedPostgresSetupError) {
    console.error(e.message);
    process.exit(SETUP_EXIT_CODE);
  }
  console.error('Không khởi động được:', e);
  process.exit(1);
});
