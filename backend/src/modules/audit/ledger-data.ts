import type { KeyObject } from 'node:crypto';
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { entryLeafHash, LEAF_SELECT, LeafRow, signCheckpoint } from './ledger';
import type { CheckpointRow } from './ledger-verify';
import { frontierIds, MerkleAppender, NodeId } from './merkle';

/** The audit module's SQL: the ledger's tables (audit_entries, ledger_leaves, ledger_nodes, ledger_checkpoints). */

/** Runs one SQL statement and returns its rows (pg.Client and TypeORM's EntityManager both fit through a one-line adapter). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/** The Query adapter over an EntityManager (runs in its transaction, if any). */
export const emQuery = (em: Pick<EntityManager, 'query'>): Query => (sql, params) => em.query(sql, params);

/** The Query adapter over a dedicated pg.Client session (the sealer's). */
export const clientQuery = (c: Client): Query => async (sql, params) => (await c.query(sql, params)).rows;

export const ENTRY_COLUMNS = 'occurred_at, actor_id, actor_name, action, entity_type, entity_id, block_id, before, after, reason, request_id';
// Qualified: an unqualified ORDER BY tree_size would sort the text output column ("10151" before "151").
export const CHECKPOINT_SELECT = `c.tree_size::text AS tree_size, c.root_hash, c.sealed_at, c.key_id, c.signature`;

/** A leaf as read for hashing, with its sealed position and the hash sealed for it (null while it awaits sealing). */
export type EntryLeafRow = LeafRow & { seq: string | null; sealedHash: Buffer | null };

interface RawCheckpoint { tree_size: string; root_hash: Buffer; sealed_at: Date; key_id: string; signature: Buffer }

export function toCheckpoint(r: RawCheckpoint): CheckpointRow {
  return { treeSize: Number(r.tree_size), rootHash: r.root_hash, sealedAt: r.sealed_at.toISOString(), keyId: r.key_id, signature: r.signature };
}

const withSealedHash = <R extends { sealed_hash: Buffer | null }>({ sealed_hash, ...rest }: R): Omit<R, 'sealed_hash'> & { sealedHash: Buffer | null } => ({ ...rest, sealedHash: sealed_hash });

/** Appends one audit entry; the values in ENTRY_COLUMNS order. */
export async function insertAuditEntry(em: Pick<EntityManager, 'query'>, values: unknown[]): Promise<void> {
  await em.query(
    `INSERT INTO audit_entries (${ENTRY_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    values,
  );
}

/** The sealed position and leaf hash of the entries among ids that have one. */
export async function sealedLeafRows(em: Pick<EntityManager, 'query'>, ids: string[]): Promise<{ entryId: string; seq: string; hash: Buffer }[]> {
  const rows: { entry_id: string; seq: string; hash: Buffer }[] = await em.query(
    'SELECT entry_id::text AS entry_id, seq::text AS seq, hash FROM ledger_leaves WHERE entry_id = ANY($1::bigint[])', [ids]);
  return rows.map((r) => ({ entryId: r.entry_id, seq: r.seq, hash: r.hash }));
}

/** The latest signed checkpoint, if any. */
export async function latestCheckpointRow(em: Pick<EntityManager, 'query'>): Promise<CheckpointRow | null> {
  const [row]: RawCheckpoint[] = await em.query(`SELECT ${CHECKPOINT_SELECT} FROM ledger_checkpoints c ORDER BY c.tree_size DESC LIMIT 1`);
  return row ? toCheckpoint(row) : null;
}

/** One page of checkpoints, newest first, and how many there are. */
export async function checkpointPage(em: Pick<EntityManager, 'query'>, offset: number, limit: number): Promise<{ rows: CheckpointRow[]; total: number }> {
  const rows: RawCheckpoint[] = await em.query(`SELECT ${CHECKPOINT_SELECT} FROM ledger_checkpoints c ORDER BY c.tree_size DESC OFFSET $1 LIMIT $2`, [offset, limit]);
  const [{ n }]: { n: number }[] = await em.query('SELECT count(*)::int AS n FROM ledger_checkpoints');
  return { rows: rows.map(toCheckpoint), total: n };
}

/** An entry by id, or an entity's entries (newest first, at most 50), as leaves with their sealed position. */
export async function entryLeafRows(em: Pick<EntityManager, 'query'>, ref: { entryId?: string; entityType?: string; entityId?: string }): Promise<EntryLeafRow[]> {
  const rows: (LeafRow & { seq: string | null; sealed_hash: Buffer | null })[] = await em.query(
      `SELECT ${LEAF_SELECT}, l.seq::text AS seq, l.hash AS sealed_hash FROM audit_entries a LEFT JOIN ledger_leaves l ON l.entry_id = a.id
       WHERE ${ref.entryId ? 'a.id = $1::bigint' : 'a.entity_type = $1 AND a.entity_id = $2'} ORDER BY a.id DESC LIMIT 50`,
      ref.entryId ? [ref.entryId] : [ref.entityType, ref.entityId]);
  return rows.map(withSealedHash);
}

/** The newest entry with this action on this object (whose `after` contains `after`, when given), as a leaf. */
export async function documentEntryRow(
  em: Pick<EntityManager, 'query'>, ref: { action: string; entityType: string; entityId: string; after?: Record<string, string | number> },
): Promise<(EntryLeafRow & { occurred: Date }) | undefined> {
  const [r]: (LeafRow & { seq: string | null; sealed_hash: Buffer | null; occurred: Date })[] = await em.query(
      `SELECT ${LEAF_SELECT}, a.occurred_at AS occurred, l.seq::text AS seq, l.hash AS sealed_hash FROM audit_entries a LEFT JOIN ledger_leaves l ON l.entry_id = a.id
       WHERE a.entity_type = $1 AND a.entity_id = $2 AND a.action = $3 AND ($4::jsonb IS NULL OR a.after @> $4::jsonb) ORDER BY a.id DESC LIMIT 1`,
      [ref.entityType, ref.entityId, ref.action, ref.after ? JSON.stringify(ref.after) : null]);
  return r ? withSealedHash(r) : undefined;
}

/** The first checkpoint whose tree holds the leaf at seq, with its number (1 = the first checkpoint). */
export async function checkpointHolding(em: Pick<EntityManager, 'query'>, seq: string): Promise<(CheckpointRow & { number: number }) | undefined> {
  const [cpRow]: (RawCheckpoint & { number: number })[] = await em.query(
      `SELECT ${CHECKPOINT_SELECT}, (SELECT count(*) FROM ledger_checkpoints x WHERE x.tree_size <= c.tree_size)::int AS number
       FROM ledger_checkpoints c WHERE c.tree_size > $1 ORDER BY c.tree_size LIMIT 1`, [seq]);
  return cpRow ? { ...toCheckpoint(cpRow), number: cpRow.number } : undefined;
}

/** The stored complete subtrees named by ids (level 0: the leaves), in the order asked; throws if one is missing. */
export async function loadNodes(query: Query, ids: NodeId[]): Promise<Buffer[]> {
  if (!ids.length) return [];
  const rows: { level: number; idx: string; hash: Buffer }[] = await query(
    `SELECT 0 AS level, seq::text AS idx, hash FROM ledger_leaves WHERE seq = ANY($1::bigint[])
     UNION ALL
     SELECT n.level, n.idx::text, n.hash FROM ledger_nodes n JOIN unnest($2::int[], $3::bigint[]) AS w(level, idx) ON w.level = n.level AND w.idx = n.idx`,
    [ids.filter((i) => i.level === 0).map((i) => i.index), ids.filter((i) => i.level > 0).map((i) => i.level), ids.filter((i) => i.level > 0).map((i) => i.index)]);
  const byId = new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
  return ids.map((id) => {
    const h = byId.get(`${id.level}:${id.index}`);
    if (!h) throw new Error(`ledger node ${id.level}:${id.index} is missing`);
    return h;
  });
}

/** Up to 1000 checkpoints after a tree size, in order. */
export async function checkpointsAfter(query: Query, treeSize: number): Promise<CheckpointRow[]> {
  const rows: RawCheckpoint[] = await query(`SELECT ${CHECKPOINT_SELECT} FROM ledger_checkpoints c WHERE c.tree_size > $1 ORDER BY c.tree_size LIMIT 1000`, [treeSize]);
  return rows.map(toCheckpoint);
}

/** The sealed leaves after seq, in order, each with its entry as hashed (all columns null when the entry is gone). */
export async function sealedLeafBatch(query: Query, after: number, limit: number): Promise<(LeafRow & { seq: string; sealedHash: Buffer })[]> {
  const rows: (LeafRow & { seq: string; sealed_hash: Buffer })[] = await query(
      `SELECT l.seq::text AS seq, l.hash AS sealed_hash, ${LEAF_SELECT} FROM ledger_leaves l LEFT JOIN audit_entries a ON a.id = l.entry_id
       WHERE l.seq > $1 ORDER BY l.seq LIMIT ${limit}`, [after]);
  return rows.map(({ sealed_hash, ...rest }) => ({ ...rest, sealedHash: sealed_hash }));
}

/** Entries after (xid, id) in the sealer's order: those awaiting sealing after the tail. */
export async function countEntriesAfter(query: Query, tail: { xid: string; id: string }): Promise<number> {
  const [{ n }]: { n: number }[] = await query('SELECT count(*)::int AS n FROM audit_entries a WHERE (a.xid, a.id) > ($1::xid8, $2::bigint)', [tail.xid, tail.id]);
  return n;
}

/** Leaves sealed so far and the (xid, id) of the last one: the sealer continues after it. */
export async function ledgerTail(query: Query): Promise<{ size: number; xid: string; id: string }> {
  const [last] = await query(
    `SELECT l.seq::text AS seq, a.xid::text AS xid, a.id::text AS id FROM ledger_leaves l JOIN audit_entries a ON a.id = l.entry_id ORDER BY l.seq DESC LIMIT 1`);
  return last ? { size: Number(last.seq) + 1, xid: last.xid, id: last.id } : { size: 0, xid: '0', id: '0' };
}

export interface SealOptions {
  /** Most entries sealed in one transaction. */
  max: number;
  /** Runs just before COMMIT (tests use it to kill the sealer mid-batch). */
  beforeCommit?: () => Promise<void>;
}

/**
 * Seals one batch in one transaction: every entry whose inserting transaction lies below the horizon
 * (pg_snapshot_xmin: all of them have ended, so no entry can still appear before it), taken in (xid, id)
 * order after the last sealed one, gets the next gapless seq; the new subtrees and a signed checkpoint
 * of the grown tree are written with it. Killed anywhere, the transaction rolls back and the next run
 * starts from the same tail. Must run on a session that holds the sealer lock. Returns how many it sealed.
 */
export async function sealBatch(query: Query, key: { signingKey: KeyObject; keyId: string }, opts: SealOptions): Promise<number> {
  await query('BEGIN');
  try {
    const tail = await ledgerTail(query);
    const rows: LeafRow[] = await query(
      `SELECT ${LEAF_SELECT} FROM audit_entries a
       WHERE a.xid < pg_snapshot_xmin(pg_current_snapshot()) AND (a.xid, a.id) > ($1::xid8, $2::bigint)
       ORDER BY a.xid, a.id LIMIT $3`, [tail.xid, tail.id, opts.max]);
    if (!rows.length) {
      await query('ROLLBACK');
      return 0;
    }
    const tree = new MerkleAppender(tail.size, await loadNodes(query, frontierIds(tail.size)));
    const leaves: Buffer[] = [];
    const nodes: { level: number; index: number; hash: Buffer }[] = [];
    for (const row of rows) {
      const leaf = entryLeafHash(row);
      leaves.push(leaf);
      tree.append(leaf, nodes);
    }
    await query(
      `INSERT INTO ledger_leaves (seq, entry_id, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])`,
      [rows.map((_, i) => tail.size + i), rows.map((r) => r.id), leaves]);
    if (nodes.length) {
      await query(`INSERT INTO ledger_nodes (level, idx, hash) SELECT * FROM unnest($1::int[], $2::bigint[], $3::bytea[])`,
        [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)]);
    }
    const checkpoint = { treeSize: tree.size, rootHash: tree.root(), sealedAt: new Date().toISOString() };
    await query(`INSERT INTO ledger_checkpoints (tree_size, root_hash, sealed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)`,
      [checkpoint.treeSize, checkpoint.rootHash, checkpoint.sealedAt, key.keyId, signCheckpoint(checkpoint, key.signingKey)]);
    await opts.beforeCommit?.();
    await query('COMMIT');
    return rows.length;
  } catch (e) {
    await query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
