import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource, type EntityManager, type MigrationInterface } from 'typeorm';
import { grantAppRole, roleOf } from '../../database/app-role';
import { dataSourceOptions } from '../../database/data-source';

/**
 * The backups module's SQL: the backup runs it records (on the job's EntityManager), and what a backup and a
 * restore say to PostgreSQL on their own `pg` connection (the catalogue reads, the snapshot, COPY out and in,
 * constraints, triggers, sequences, the server's transaction counter). A backup reads every table and a restore
 * loads every table: that is the module's one job; no other code writes through these.
 */

type Sql = Pick<EntityManager, 'query'>;
type Db = Pick<Client, 'query'>;

/** A table or column name quoted for SQL. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// ─── Backup runs ────────────────────────────────────────────────────────────────────────────────────

export async function recordBackupSucceeded(em: Sql, run: { startedAt: Date; finishedAt: Date; folder: string; sizeBytes: number }): Promise<void> {
  await em.query(`INSERT INTO backup_runs (started_at, finished_at, status, folder, size_bytes) VALUES ($1, $2, 'ok', $3, $4)`, [run.startedAt, run.finishedAt, run.folder, run.sizeBytes]);
}

export async function recordBackupFailed(em: Sql, run: { startedAt: Date; finishedAt: Date; error: string }): Promise<void> {
  await em.query(`INSERT INTO backup_runs (started_at, finished_at, status, error) VALUES ($1, $2, 'failed', $3)`, [run.startedAt, run.finishedAt, run.error]);
}

// ─── Transactions ───────────────────────────────────────────────────────────────────────────────────

/** One consistent, read-only snapshot for the whole backup (writers never wait). */
export async function beginSnapshot(db: Db): Promise<void> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

export async function begin(db: Db): Promise<void> {
  await db.query('BEGIN');
}

export async function commit(db: Db): Promise<void> {
  await db.query('COMMIT');
}

export async function rollback(db: Db): Promise<void> {
  await db.query('ROLLBACK');
}

// ─── Reading a database for a backup ────────────────────────────────────────────────────────────────

export async function serverVersion(db: Db): Promise<string> {
  const [{ server }] = (await db.query<{ server: string }>(`SELECT current_setting('server_version') AS server`)).rows;
  return server;
}

/** TypeORM migration names the schema is at, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  return (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
}

/** The application's tables (ordinary and partitioned, migrations' own table apart), by name. */
export async function publicTables(db: Db): Promise<string[]> {
  return (await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'migrations' ORDER BY c.relname`)).rows.map((r) => r.name);
}

/** Columns a COPY can write back: every stored column except generated ones. */
export async function copyColumns(db: Db, table: string): Promise<string[]> {
  return (await db.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table)])).rows.map((r) => r.name);
}

export async function rowCount(db: Db, table: string): Promise<number> {
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table)}`)).rows;
  return n;
}

/** The table's rows as COPY text, streamed. */
export function copyOut(db: Client, table: string, columns: readonly string[]) {
  return db.query(copyTo(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`));
}

/** The stored files of a table: id and the file name given by the SQL expression `nameSql`, by id. */
export async function storedFiles(db: Db, table: string, nameSql: string): Promise<{ id: string; name: string }[]> {
  return (await db.query<{ id: string; name: string }>(`SELECT id::text AS id, ${nameSql} AS name FROM ${ident(table)} ORDER BY id`)).rows;
}

/** One stored file's bytes. */
export async function fileContent(db: Db, table: string, id: string): Promise<Buffer> {
  const [{ content }] = (await db.query<{ content: Buffer }>(`SELECT content FROM ${ident(table)} WHERE id = $1`, [id])).rows;
  return content;
}

/** How many audit entries, sealed leaves and checkpoints the ledger holds. */
export async function ledgerSizes(db: Db): Promise<{ entries: number; sealed: number; checkpoints: number }> {
  const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
  return {
    entries: await count('SELECT count(*)::int AS n FROM audit_entries'),
    sealed: await count('SELECT count(*)::int AS n FROM ledger_leaves'),
    checkpoints: await count('SELECT count(*)::int AS n FROM ledger_checkpoints'),
  };
}

// ─── Loading a database from a backup ───────────────────────────────────────────────────────────────

/** Tables, views and materialized views in the public schema. */
export async function relationCount(db: Db): Promise<number> {
  const [{ n }] = (await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`)).rows;
  return n;
}

/** Builds the schema at `url` with these migrations, then grants `appRole` (when another role than the owner) its privileges as at boot. */
export async function migrate(url: string, migrations: (new () => MigrationInterface)[], appRole?: string): Promise<void> {
  const ds = await new DataSource({ ...dataSourceOptions(url), migrations }).initialize();
  try {
    await ds.runMigrations();
    if (appRole && appRole !== roleOf(url)) await grantAppRole((sql) => ds.query(sql), appRole);
  } finally {
    await ds.destroy();
  }
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return (await db.query<ForeignKey>(
    `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE contype = 'f' AND connamespace = 'public'::regnamespace`)).rows;
}

export async function dropConstraint(db: Db, fk: ForeignKey): Promise<void> {
  await db.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${ident(fk.name)}`);
}

export async function addConstraint(db: Db, fk: ForeignKey): Promise<void> {
  await db.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
}

/** Turns the table's own triggers (guards) off or on; `table` is quoted already. */
export async function setUserTriggers(db: Db, table: string, enabled: boolean): Promise<void> {
  await db.query(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
}

/** Empties the tables (quoted already) in one statement. */
export async function emptyTables(db: Db, tables: readonly string[]): Promise<void> {
  await db.query(`TRUNCATE ${tables.join(', ')}`);
}

/** A stream taking the table's rows as COPY text. */
export function copyIn(db: Client, table: string, columns: readonly string[]) {
  return db.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
}

export interface OwnedSequence {
  table: string;
  column: string;
  sequence: string;
}

/** Sequences owned by a column (serial and identity columns). */
export async function ownedSequences(db: Db): Promise<OwnedSequence[]> {
  return (await db.query<OwnedSequence>(
    `SELECT d.refobjid::regclass::text AS "table", a.attname AS "column", d.objid::regclass::text AS sequence
     FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.deptype IN ('a', 'i') AND d.refobjsubid > 0`)).rows;
}

/** The sequence's next value is one past its column's highest value (1 when the table is empty). */
export async function resetSequence(db: Db, s: OwnedSequence): Promise<void> {
  await db.query(`SELECT setval($1::regclass, coalesce(max(${ident(s.column)}), 0) + 1, false) FROM ${s.table}`, [s.sequence]);
}

/** The SHA-256 (hex) of a stored file's bytes, if the row exists. */
export async function storedFileSha256(db: Db, table: string, id: string): Promise<string | undefined> {
  const [row] = (await db.query<{ h: string }>(`SELECT encode(sha256(content), 'hex') AS h FROM ${ident(table)} WHERE id = $1`, [id])).rows;
  return row?.h;
}

// ─── The server's transaction counter ───────────────────────────────────────────────────────────────

/** The highest transaction id in the audit log (0 when empty) and the current one, as decimal text. */
export async function auditTransactionIds(db: Db): Promise<{ top: string; cur: string }> {
  const [row] = (await db.query<{ top: string; cur: string }>(
    `SELECT coalesce(max(xid)::text, '0')::bigint::text AS top, pg_current_xact_id()::text AS cur FROM audit_entries`)).rows;
  return row;
}

/** Commits empty transactions on the server until its next transaction id is above `target`. */
export async function advanceTransactionIdPast(client: Db, target: bigint): Promise<void> {
  await client.query(`CREATE OR REPLACE PROCEDURE pg_temp.thidua_advance_xid(target bigint) LANGUAGE plpgsql AS $$
    BEGIN
      WHILE pg_current_xact_id()::text::bigint <= target LOOP
        COMMIT;
      END LOOP;
    END $$`);
  await client.query(`CALL pg_temp.thidua_advance_xid(${target.toString()})`);
}
