import type { EntityManager } from 'typeorm';

/** What a finalised ranking row keeps as a row: the rest stays in the signed snapshot's JSON. */
export interface StoredRankRow {
  rank: number;
  unitId: string;
  unitName: string;
  final: { total: number };
}

/**
 * The rounds module's table of finalised rankings (round_ranking_rows): written in the finalise transaction
 * from the ranking the snapshot signs, removed in the reopen transaction. The board overview reads it
 * (`awards/overview-ranking.sql.ts`, a read model like the tasks' statement).
 */
export async function storeRankingRows(em: EntityManager, roundId: string, snapshotId: string, ranking: readonly StoredRankRow[]): Promise<void> {
  await em.query('DELETE FROM round_ranking_rows WHERE round_id = $1', [roundId]);
  if (!ranking.length) return;
  await em.query(
    `INSERT INTO round_ranking_rows (round_id, snapshot_id, unit_id, rank, unit_name, total)
     SELECT $1, $2, r.unit_id, r.rank, r.unit_name, r.total FROM unnest($3::uuid[], $4::int[], $5::text[], $6::numeric[]) AS r(unit_id, rank, unit_name, total)`,
    [roundId, snapshotId, ranking.map((r) => r.unitId), ranking.map((r) => r.rank), ranking.map((r) => r.unitName), ranking.map((r) => r.final.total)]);
}

export async function dropRankingRows(em: EntityManager, roundId: string): Promise<void> {
  await em.query('DELETE FROM round_ranking_rows WHERE round_id = $1', [roundId]);
}
