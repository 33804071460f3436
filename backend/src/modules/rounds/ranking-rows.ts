import type { RankingRowDto } from './dto/assessment.dto';
import type { RoundScheme } from './round-data';
import type { RoundResults } from './round-results';

/** Ranking rows in rank order, with self vs final totals and the breakdown per top-level group. */
export function rankingRows(results: RoundResults, scheme: RoundScheme, units: readonly { id: string; name: string; submittedAt: Date | null }[]): RankingRowDto[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const top = scheme.rows.filter((r) => r.parentId === null && r.type !== 'bonus' && r.type !== 'deduction').sort((a, b) => a.sortOrder - b.sortOrder);
  return results.ranking.map((r) => {
    const u = results.units.get(r.unitId)!;
    const t = (x: typeof u.self) => ({ max: x.max, score: x.score, bonus: x.bonus, deductions: x.deductions, total: x.total });
    return {
      rank: r.rank, sharedRank: r.sharedRank, tiedWith: r.tiedWith, decidedBy: r.decidedBy, unitId: r.unitId, unitName: names.get(r.unitId) ?? '',
      self: t(u.self), final: t(u.final), submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      groups: top.map((g) => ({ criterionId: g.id, code: g.code, title: g.title, max: u.final.byNode.get(g.id)?.max ?? 0, self: u.self.byNode.get(g.id)?.score ?? 0, final: u.final.byNode.get(g.id)?.score ?? 0 })),
    };
  });
}
