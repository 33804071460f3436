import type { EntityManager } from 'typeorm';

/**
 * The board overview's read of finalised rankings: rounds writes `round_ranking_rows` at finalise (its
 * `ranking-rows-store.ts`); this read model only reads it, as the tasks' statement reads several modules.
 */
export interface RankedRoundSummary {
  /** Units ranked in the round. */
  count: number;
  /** The units with a rank up to the `upTo` asked for (shared ranks included), in rank order. */
  leaders: { rank: number; unitId: string; unitName: string; total: number }[];
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
