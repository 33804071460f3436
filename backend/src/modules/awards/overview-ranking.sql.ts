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
  // One pass over the rounds' rows (their index): the count, and the rows ranked `upTo` or better (the round's
  // first row kept even when none is, so that every ranked round has its count). As a join of the count with the
  // leaders, a misestimated round count made the planner read the leaders of every round in the table.
  const rows: { roundId: string; rank: number; unitId: string; unitName: string; total: string; n: number }[] = await em.query(
    `SELECT round_id AS "roundId", n, rank, unit_id AS "unitId", unit_name AS "unitName", total FROM (
       SELECT round_id, count(*) OVER (PARTITION BY round_id)::int AS n, row_number() OVER (PARTITION BY round_id ORDER BY rank) AS nth,
              rank, unit_id, unit_name, total::text AS total
       FROM round_ranking_rows WHERE round_id = ANY($1::uuid[])) s
     WHERE rank <= $2 OR nth = 1
     ORDER BY round_id, rank, unit_name COLLATE "vi-VN-x-icu"`, [roundIds, upTo]);
  for (const r of rows) {
    const s = out.get(r.roundId) ?? { count: r.n, leaders: [] };
    if (r.rank <= upTo) s.leaders.push({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, total: Number(r.total) });
    out.set(r.roundId, s);
  }
  return out;
}

/** Every ranked unit of the given rounds, in rank order per round (for exports). */
export async function rankingRowsOf(em: EntityManager, roundIds: readonly string[]): Promise<Map<string, RankedRoundSummary['leaders']>> {
  const out = new Map<string, RankedRoundSummary['leaders']>();
  if (!roundIds.length) return out;
  const rows: { roundId: string; rank: number; unitId: string; unitName: string; total: string }[] = await em.query(
    `SELECT round_id AS "roundId", rank, unit_id AS "unitId", unit_name AS "unitName", total::text AS total FROM round_ranking_rows WHERE round_id = ANY($1::uuid[])
     ORDER BY round_id, rank, unit_name COLLATE "vi-VN-x-icu"`, [roundIds]);
  for (const r of rows) {
    const list = out.get(r.roundId) ?? [];
    list.push({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, total: Number(r.total) });
    out.set(r.roundId, list);
  }
  return out;
}
