import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { grantAppRole, roleOf } from '../../database/app-role';
import { dataSourceOptions } from '../../database/data-source';
import { MIGRATIONS } from '../../database/migrations';

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
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [{ server }] = (await client.query(`SELECT current_setting('server_version') AS server`)).rows;
    const migrations = (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name as string);
    const tableNames: string[] = (await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'migrations' ORDER BY c.relname`)).rows.map((r) => r.relname);
    const tables: BackupManifest['tables'] = [];
    for (const table of tableNames) {
      const columns = await copyColumns(client, table);
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM ${ident(table)}`)).rows;
      const file = `tables/${table}.copy.gz`;
      await pipeline(client.query(copyTo(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`)), createGzip(), createWriteStream(path.join(partial, file)));
      tables.push({ name: table, columns, rows: n, file });
    }
    const files: BackupManifest['files'] = [];
    for (const { table, name } of FILE_TABLES.filter((f) => tableNames.includes(f.table))) {
      const rows = (await client.query(`SELECT id::text AS id, ${name} AS name FROM ${ident(table)} ORDER BY id`)).rows;
      for (const row of rows) {
        // One file at a time: a whole table of uploads never sits in memory.
        const [{ content }] = (await client.query(`SELECT content FROM ${ident(table)} WHERE id = $1`, [row.id])).rows;
        const sha256 = sha(content);
        const file = `files/${table}/${sha256}`;
        if (!existsSync(path.join(partial, file))) {
          mkdirSync(path.dirname(path.join(partial, file)), { recursive: true });
          writeFileSync(path.join(partial, file), content);
        }
        files.push({ table, id: row.id, name: row.name, sha256, size: content.length, file });
      }
    }
    const ledgerCount = async (sql: string) => (tableNames.includes('ledger_leaves') ? (await client.query(sql)).rows[0].n : 0);
    const ledger = {
      entries: await ledgerCount('SELECT count(*)::int AS n FROM audit_entries'),
      sealed: await ledgerCount('SELECT count(*)::int AS n FROM ledger_leaves'),
      checkpoints: await ledgerCount('SELECT count(*)::int AS n FROM ledger_checkpoints'),
      publicKeyFile: opts.publicKeys?.length ? 'ledger-public-key.pem' : null,
    };
    await client.query('COMMIT');
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
    const [{ n }] = (await client.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`)).rows;
    if (n > 0) throw new BackupError(`Cơ sở dữ liệu đích không trống (đã có ${n} bảng): chỉ khôi phục vào một cơ sở dữ liệu trống, mới tạo.`);
    log(`Tạo cấu trúc cơ sở dữ liệu (${manifest.migrations.length} bước cập nhật)...`);
    const ds = await new DataSource({ ...dataSourceOptions(opts.url), migrations: MIGRATIONS.slice(0, manifest.migrations.length) }).initialize();
    try {
      await ds.runMigrations();
      if (opts.appRole && opts.appRole !== roleOf(opts.url)) await grantAppRole((sql) => ds.query(sql), opts.appRole);
    } finally {
      await ds.destroy();
    }
    log(`Nạp dữ liệu ${manifest.tables.length} bảng...`);
    await client.query('BEGIN');
    const fks = (await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND connamespace = 'public'::regnamespace`)).rows as { tbl: string; conname: string; def: string }[];
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${ident(fk.conname)}`);
    const names = manifest.tables.map((t) => ident(t.name));
    for (const t of names) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    // Rows the migrations themselves insert (catalogues) come back from the backup as they were.
    if (names.length) await client.query(`TRUNCATE ${names.join(', ')}`);
    for (const t of manifest.tables) {
      await pipeline(createReadStream(path.join(folder, t.file)), createGunzip(),
        client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`)));
    }
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${ident(fk.conname)} ${fk.def}`);
    for (const t of names) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    const seqs = (await client.query(
      `SELECT d.refobjid::regclass::text AS tbl, a.attname AS col, d.objid::regclass::text AS seq
       FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
       WHERE d.deptype IN ('a', 'i') AND d.refobjsubid > 0`)).rows as { tbl: string; col: string; seq: string }[];
    for (const s of seqs) await client.query(`SELECT setval($1::regclass, coalesce(max(${ident(s.col)}), 0) + 1, false) FROM ${s.tbl}`, [s.seq]);
    await client.query('COMMIT');
    log('Kiểm tra số dòng từng bảng và mã băm từng tệp...');
    const tables: RestoreReport['tables'] = [];
    for (const t of manifest.tables) {
      const [{ n: rows }] = (await client.query(`SELECT count(*)::int AS n FROM ${ident(t.name)}`)).rows;
      if (rows !== t.rows) throw new BackupError(`Khôi phục không khớp: bảng "${t.name}" có ${rows} dòng, bản sao lưu ghi ${t.rows}.`);
      tables.push({ name: t.name, rows });
    }
    for (const f of manifest.files) {
      const [row] = (await client.query(`SELECT encode(sha256(content), 'hex') AS h FROM ${ident(f.table)} WHERE id = $1`, [f.id])).rows;
      if (row?.h !== f.sha256) throw new BackupError(`Khôi phục không khớp: tệp "${f.name}" (${f.table} ${f.id}) khác mã băm đã ghi.`);
    }
    await advanceTransactionIds(client, log);
    return { tables, files: manifest.files.length };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
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
  const [{ top, cur }] = (await client.query(
    `SELECT coalesce(max(xid)::text, '0')::bigint::text AS top, pg_current_xact_id()::text AS cur FROM audit_entries`)).rows;
  const gap = BigInt(top) - BigInt(cur);
  if (gap < 0n) return;
  log(`Đưa bộ đếm giao dịch của máy chủ vượt qua nhật ký đã khôi phục (${gap} giao dịch)...`);
  await advanceTransactionIdPast(client, BigInt(top));
}

/** Commits empty transactions on the server until its next transaction id is above `target`. */
export async function advanceTransactionIdPast(client: Client, target: bigint): Promise<void> {
  await client.query(`CREATE OR REPLACE PROCEDURE pg_temp.thidua_advance_xid(target bigint) LANGUAGE plpgsql AS $$
    BEGIN
      WHILE pg_current_xact_id()::text::bigint <= target LOOP
        COMMIT;
      END LOOP;
    END $$`);
  await client.query(`CALL pg_temp.thidua_advance_xid(${target.toString()})`);
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

/** Columns a COPY can write back: every stored column except generated ones. */
async function copyColumns(client: Client, table: string): Promise<string[]> {
  return (await client.query(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table)])).rows.map((r) => r.attname);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
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
