import type { EntityManager } from 'typeorm';
import { deleteRankingRows, insertRankingRows } from './snapshot-data';

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
  await deleteRankingRows(em, roundId);
  if (!ranking.length) return;
  await insertRankingRows(em, roundId, snapshotId, ranking.map((r) => ({ unitId: r.unitId, rank: r.rank, unitName: r.unitName, total: r.final.total })));
}
