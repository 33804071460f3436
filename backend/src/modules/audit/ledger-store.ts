import type { KeyObject } from 'node:crypto';
import { entryLeafHash, LEAF_SELECT, LeafRow, signCheckpoint } from './ledger';
import { frontierIds, MerkleAppender, NodeId } from './merkle';

/** Runs one SQL statement and returns its rows (pg.Client and TypeORM's EntityManager both fit through a one-line adapter). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

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
