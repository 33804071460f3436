import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { canonicalJson } from '../../common/canonical-json';

const LEDGER_TABLES = ['ledger_leaves', 'ledger_nodes', 'ledger_checkpoints'];

/**
 * The audit log becomes a ledger sealed off the request path. A write inserts its entry with the id of its
 * own transaction (xid) and reads nothing; a single sealer later gives every entry committed below the
 * transaction horizon its place (seq) in one append-only Merkle tree and signs a checkpoint
 * (tree size, root) with a key kept outside the database. The per-row hash chain (prev_hash, hash), which
 * serialised every write behind one lock, goes.
 */
export class Ledger1765100000000 implements MigrationInterface {
  name = 'Ledger1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_entries DROP COLUMN prev_hash, DROP COLUMN hash');
    // Existing rows take the migration's own xid: the sealer seals them first, in id order.
    await q.query('ALTER TABLE audit_entries ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()');
    await q.query('CREATE INDEX ix_audit_xid ON audit_entries (xid, id)');
    await q.query(`
      CREATE TABLE ledger_leaves (
        seq bigint PRIMARY KEY CHECK (seq >= 0),
        entry_id bigint NOT NULL REFERENCES audit_entries(id) ON DELETE RESTRICT,
        hash bytea NOT NULL CHECK (length(hash) = 32),
        CONSTRAINT uq_ledger_leaves_entry UNIQUE (entry_id)
      )`);
    await q.query(`
      CREATE TABLE ledger_nodes (
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
        idx bigint NOT NULL CHECK (idx >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
      )`);
    await q.query(`
      CREATE TABLE ledger_checkpoints (
        tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
        root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
        sealed_at timestamptz NOT NULL,
        key_id varchar(16) NOT NULL,
        signature bytea NOT NULL CHECK (length(signature) = 64)
      )`);
    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const t of [...LEDGER_TABLES, 'audit_entries']) {
      if (t !== 'audit_entries') {
        await q.query(`CREATE TRIGGER tr_${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      }
      await q.query(`CREATE TRIGGER tr_${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...LEDGER_TABLES, 'audit_entries']) await q.query(`DROP TRIGGER tr_${t}_no_truncate ON ${t}`);
    for (const t of [...LEDGER_TABLES].reverse()) await q.query(`DROP TABLE ${t}`);
    await q.query('DROP FUNCTION ledger_append_only()');
    await q.query('DROP INDEX ix_audit_xid');
    // Rebuild the former chain in the former recipe, in id order.
    await q.query('ALTER TABLE audit_entries ADD COLUMN prev_hash char(64), ADD COLUMN hash char(64)');
    await q.query('ALTER TABLE audit_entries DISABLE TRIGGER tr_audit_entries_append_only');
    let prevHash = '0'.repeat(64);
    let after = '0';
    for (;;) {
      const rows: Record<string, unknown>[] = await q.query(
        `SELECT id::text, occurred_at, actor_id, action, entity_type, entity_id, block_id, before, after, reason FROM audit_entries a
         WHERE a.id > $1::bigint ORDER BY a.id LIMIT 2000`, [after]);
      if (!rows.length) break;
      for (const r of rows) {
        const hash = createHash('sha256').update(canonicalJson({
          id: r.id, occurredAt: (r.occurred_at as Date).toISOString(), actorId: r.actor_id, action: r.action, entityType: r.entity_type,
          entityId: r.entity_id, blockId: r.block_id, before: r.before ?? null, after: r.after ?? null, reason: r.reason, prevHash,
        })).digest('hex');
        await q.query('UPDATE audit_entries SET prev_hash = $2, hash = $3 WHERE id = $1', [r.id, prevHash, hash]);
        prevHash = hash;
      }
      after = rows[rows.length - 1].id as string;
    }
    await q.query('ALTER TABLE audit_entries ENABLE TRIGGER tr_audit_entries_append_only');
    await q.query('ALTER TABLE audit_entries ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL, DROP COLUMN xid');
  }
}
