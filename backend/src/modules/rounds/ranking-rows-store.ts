import type { EntityManager } from 'typeorm';

/** What a finalised ranking row keeps as a row: the rest stays in the signed snapshot's JSON. */
export interface StoredRankRow {
  rank: number;
  unitId: string;
  unitName: string;
  final: { total: number };
}

export interface RankedRoundSummary {
  /** Units ranked in the round. */
  count: number;
  /** The units with a rank up to the `upTo` asked for (shared ranks included), in rank order. */
  leaders: { rank: number; unitId: string; unitName: string; total: number }[];
}

/**
 * The rounds module's table of finalised rankings (round_ranking_rows): written in the finalise transaction
 * from the ranking the snapshot signs, removed in the reopen transaction, read by overviews.
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

/** Per finalised round: how many units are ranked and those ranked `upTo` or better. */
export async function rankedRoundSummaries(em: EntityManager, roundIds: readonly string[], upTo: number): Promise<Map<string, RankedRoundSummary>> {
  const out = new Map<string, RankedRoundSummary>();
  if (!roundIds.length) return out;
  const rows: { round_id: string; rank: number; unit_id: string | null; unit_name: string | null; total: string | null; n: number }[] = await em.query(
    `SELECT c.round_id, c.n, l.rank, l.unit_id, l.unit_name, l.total::text AS total
     FROM (SELECT round_id, count(*)::int AS n FROM round_ranking_rows WHERE round_id = ANY($1::uuid[]) GROUP BY round_id) c
     LEFT JOIN round_ranking_rows l ON l.round_id = c.round_id AND l.rank <= $2
     ORDER BY c.round_id, l.rank, l.unit_name COLLATE "vi-VN-x-icu"`, [roundIds, upTo]);
  for (const r of rows) {
    const s = out.get(r.round_id) ?? { count: r.n, leaders: [] };
    if (r.unit_id) s.leaders.push({ rank: r.rank, unitId: r.unit_id, unitName: r.unit_name ?? '', total: Number(r.total) });
    out.set(r.round_id, s);
  }
  return out;
}

/** Every ranked unit of the given rounds, in rank order per round (for exports). */
export async function rankingRowsOf(em: EntityManager, roundIds: readonly string[]): Promise<Map<string, RankedRoundSummary['leaders']>> {
  const out = new Map<string, RankedRoundSummary['leaders']>();
  if (!roundIds.length) return out;
  const rows: { round_id: string; rank: number; unit_id: string; unit_name: string; total: string }[] = await em.query(
    `SELECT round_id, rank, unit_id, unit_name, total::text AS total FROM round_ranking_rows WHERE round_id = ANY($1::uuid[])
     ORDER BY round_id, rank, unit_name COLLATE "vi-VN-x-icu"`, [roundIds]);
  for (const r of rows) {
    const list = out.get(r.round_id) ?? [];
    list.push({ rank: r.rank, unitId: r.unit_id, unitName: r.unit_name, total: Number(r.total) });
    out.set(r.round_id, list);
  }
  return out;
}
