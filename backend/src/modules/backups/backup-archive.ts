import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { MIGRATIONS } from '../../database/migrations';
import * as data from './backup-data';

export { advanceTransactionIdPast } from './backup-data';

/**
 * A backup is a folder: every table's rows as PostgreSQL COPY text (gzip), the uploaded files written out
 * beside them (named by their SHA-256), the ledger's public keys, and manifest.json listing each file with
 * its SHA-256, each table with its row count, and the migrations the schema was at. Taken in one
 * REPEATABLE READ snapshot (consistent, and writers never wait), with nothing but the `pg` client: the
 * embedded PostgreSQL ships no pg_dump, and a pg_dump older than the server refuses to run. A restore
 * rebuilds the schema with the app's own migrations, then loads the rows.
 */
export const BACKUP_FORMAT = 'thidua-backup-v1';
const MANIFEST = 'manifest.json';

/** Tables holding uploaded files (content bytea with its sha256): written out as files too. */
const FILE_TABLES: readonly { table: string; name: string }[] = [
  { table: 'evidence_files', name: 'filename' },
  { table: 'proposal_reports', name: 'filename' },
  { table: 'news_photos', name: "id::text || '.' || split_part(mime_type, '/', 2)" },
];

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  server: string;
  /** TypeORM migration names the schema was at, in order. */
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number; file: string }[];
  files: { table: string; id: string; name: string; sha256: string; size: number; file: string }[];
  ledger: { entries: number; sealed: number; checkpoints: number; publicKeyFile: string | null };
  /** SHA-256 of every other file in the folder. */
  checksums: Record<string, string>;
}

/** A backup or restore that cannot go on; the message is Vietnamese, for the operator. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
  bytes: number;
}

/**
 * Writes a backup of the database at `url` into a new folder under `dir` (thidua-YYYYMMDDTHHMMSSZ, with -2, -3…
 * when backups share a second). The folder appears complete or not at all (written as .partial-<random>,
 * renamed at the end). `publicKeys` are the
 * ledger's public keys as PEM, the current one first.
 */
export async function createBackup(opts: { url: string; dir: string; publicKeys?: string[]; now?: Date }): Promise<BackupResult> {
  const now = opts.now ?? new Date();
  const name = `thidua-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const partial = path.join(opts.dir, `${name}.partial-${randomBytes(6).toString('hex')}`);
  mkdirSync(path.join(partial, 'tables'), { recursive: true });
  const client = new Client({ connectionString: opts.url, application_name: 'thidua-backup' });
  try {
    await client.connect();
    await data.beginSnapshot(client);
    const server = await data.serverVersion(client);
    const migrations = await data.appliedMigrations(client);
    const tableNames = await data.publicTables(client);
    const tables: BackupManifest['tables'] = [];
    for (const table of tableNames) {
      const columns = await data.copyColumns(client, table);
      const n = await data.rowCount(client, table);
      const file = `tables/${table}.copy.gz`;
      await pipeline(data.copyOut(client, table, columns), createGzip(), createWriteStream(path.join(partial, file)));
      tables.push({ name: table, columns, rows: n, file });
    }
    const files: BackupManifest['files'] = [];
    for (const { table, name } of FILE_TABLES.filter((f) => tableNames.includes(f.table))) {
      for (const row of await data.storedFiles(client, table, name)) {
        // One file at a time: a whole table of uploads never sits in memory.
        const content = await data.fileContent(client, table, row.id);
        const sha256 = sha(content);
        const file = `files/${table}/${sha256}`;
        if (!existsSync(path.join(partial, file))) {
          mkdirSync(path.dirname(path.join(partial, file)), { recursive: true });
          writeFileSync(path.join(partial, file), content);
        }
        files.push({ table, id: row.id, name: row.name, sha256, size: content.length, file });
      }
    }
    const sizes = tableNames.includes('ledger_leaves') ? await data.ledgerSizes(client) : { entries: 0, sealed: 0, checkpoints: 0 };
    const ledger = { ...sizes, publicKeyFile: opts.publicKeys?.length ? 'ledger-public-key.pem' : null };
    await data.commit(client);
    if (opts.publicKeys?.length) writeFileSync(path.join(partial, 'ledger-public-key.pem'), opts.publicKeys.map((k) => k.trim() + '\n').join(''));
    const checksums: Record<string, string> = {};
    let bytes = 0;
    for (const rel of listFiles(partial)) {
      checksums[rel] = await shaFile(path.join(partial, rel));
      bytes += statSync(path.join(partial, rel)).size;
    }
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), server, migrations, tables, files, ledger, checksums };
    writeFileSync(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    const folder = publish(partial, opts.dir, name);
    return { folder, manifest, bytes };
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reads and checks a backup folder (or its manifest.json): every file present with its recorded SHA-256. */
export async function readBackup(location: string): Promise<{ folder: string; manifest: BackupManifest }> {
  const folder = path.basename(location) === MANIFEST ? path.dirname(location) : location;
  if (!existsSync(folder)) throw new BackupError(`Không tìm thấy bản sao lưu "${location}".`);
  if (!statSync(folder).isDirectory()) throw new BackupError(`"${location}" không phải bản sao lưu của Thi đua: hãy chỉ thư mục sao lưu (chứa ${MANIFEST}).`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), 'utf8'));
  } catch {
    throw new BackupError(`"${location}" không phải bản sao lưu của Thi đua hoặc đã hỏng: thiếu hoặc không đọc được ${MANIFEST}.`);
  }
  if (manifest?.format !== BACKUP_FORMAT || !Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations) || typeof manifest.checksums !== 'object') {
    throw new BackupError(`"${location}" không phải bản sao lưu định dạng ${BACKUP_FORMAT}.`);
  }
  for (const [rel, expected] of Object.entries(manifest.checksums)) {
    const file = path.join(folder, rel);
    if (rel.includes('..') || !existsSync(file)) throw new BackupError(`Bản sao lưu bị thiếu tệp "${rel}": không khôi phục được.`);
    if ((await shaFile(file)) !== expected) throw new BackupError(`Bản sao lưu bị hỏng: tệp "${rel}" không khớp mã băm SHA-256 đã ghi; không khôi phục được.`);
  }
  for (const t of manifest.tables) if (!manifest.checksums[t.file]) throw new BackupError(`Bản sao lưu bị hỏng: bảng "${t.name}" không có mã băm.`);
  return { folder, manifest };
}

export interface RestoreReport {
  tables: { name: string; rows: number }[];
  files: number;
}

/**
 * Restores a backup into the EMPTY database at `url` (the owner's connection): the schema by the app's
 * migrations up to the backup's, then every row in one transaction (foreign keys and guard triggers set
 * aside while loading, checked again after), then the counts and every file's hash are checked. `appRole`
 * is granted its privileges as at boot.
 */
export async function restoreBackup(opts: { location: string; url: string; appRole?: string; log?: (line: string) => void }): Promise<RestoreReport> {
  const log = opts.log ?? (() => undefined);
  const { folder, manifest } = await readBackup(opts.location);
  const known = MIGRATIONS.map((m) => new m().name ?? m.name);
  const unknown = manifest.migrations.filter((m, i) => known[i] !== m);
  if (unknown.length) throw new BackupError(`Bản sao lưu được tạo từ phiên bản khác của ứng dụng (chưa biết bước cập nhật ${unknown[0]}): hãy khôi phục bằng phiên bản đã tạo nó hoặc mới hơn.`);
  const client = new Client({ connectionString: opts.url, application_name: 'thidua-restore' });
  await client.connect();
  try {
    const n = await data.relationCount(client);
    if (n > 0) throw new BackupError(`Cơ sở dữ liệu đích không trống (đã có ${n} bảng): chỉ khôi phục vào một cơ sở dữ liệu trống, mới tạo.`);
    log(`Tạo cấu trúc cơ sở dữ liệu (${manifest.migrations.length} bước cập nhật)...`);
    await data.migrate(opts.url, MIGRATIONS.slice(0, manifest.migrations.length), opts.appRole);
    log(`Nạp dữ liệu ${manifest.tables.length} bảng...`);
    await data.begin(client);
    const fks = await data.foreignKeys(client);
    for (const fk of fks) await data.dropConstraint(client, fk);
    const names = manifest.tables.map((t) => data.ident(t.name));
    for (const t of names) await data.setUserTriggers(client, t, false);
    // Rows the migrations themselves insert (catalogues) come back from the backup as they were.
    if (names.length) await data.emptyTables(client, names);
    for (const t of manifest.tables) {
      await pipeline(createReadStream(path.join(folder, t.file)), createGunzip(), data.copyIn(client, t.name, t.columns));
    }
    for (const fk of fks) await data.addConstraint(client, fk);
    for (const t of names) await data.setUserTriggers(client, t, true);
    for (const s of await data.ownedSequences(client)) await data.resetSequence(client, s);
    await data.commit(client);
    log('Kiểm tra số dòng từng bảng và mã băm từng tệp...');
    const tables: RestoreReport['tables'] = [];
    for (const t of manifest.tables) {
      const rows = await data.rowCount(client, t.name);
      if (rows !== t.rows) throw new BackupError(`Khôi phục không khớp: bảng "${t.name}" có ${rows} dòng, bản sao lưu ghi ${t.rows}.`);
      tables.push({ name: t.name, rows });
    }
    for (const f of manifest.files) {
      if ((await data.storedFileSha256(client, f.table, f.id)) !== f.sha256) throw new BackupError(`Khôi phục không khớp: tệp "${f.name}" (${f.table} ${f.id}) khác mã băm đã ghi.`);
    }
    await advanceTransactionIds(client, log);
    return { tables, files: manifest.files.length };
  } catch (e) {
    await data.rollback(client).catch(() => undefined);
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The ledger seals audit entries in the order of their transaction ids (xid8, hashed into each leaf). A
 * fresh PostgreSQL server counts transactions from the start, so new entries would sort before the restored
 * ones and never be sealed: the server's counter is moved past the highest restored id first, one empty
 * committed transaction at a time inside PostgreSQL (quick for the millions a block's office may reach).
 */
async function advanceTransactionIds(client: Client, log: (line: string) => void): Promise<void> {
  const { top, cur } = await data.auditTransactionIds(client);
  const gap = BigInt(top) - BigInt(cur);
  if (gap < 0n) return;
  log(`Đưa bộ đếm giao dịch của máy chủ vượt qua nhật ký đã khôi phục (${gap} giao dịch)...`);
  await data.advanceTransactionIdPast(client, BigInt(top));
}

/** Renames the finished folder to `name`, or `name-2`, `name-3`… when another backup took that second. */
function publish(partial: string, dir: string, name: string): string {
  for (let n = 1; ; n++) {
    const folder = path.join(dir, n === 1 ? name : `${name}-${n}`);
    try {
      renameSync(partial, folder);
      return folder;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || n >= 100) throw e;
    }
  }
}

/** Backup folders under `dir` older than `keepDays` (by the time in their name) are deleted; unfinished ones too. Answers the names deleted. */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  if (!existsSync(dir)) return [];
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const deleted: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^thidua-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-\d+)?(\.partial(?:-[0-9a-f]+)?)?$/.exec(name);
    if (!m) continue;
    const at = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    if (at < cutoff || (m[7] && at < now.getTime() - 86_400_000)) {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      deleted.push(name);
    }
  }
  return deleted;
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function shaFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function listFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
