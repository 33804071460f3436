/**
 * The server's scheme totals (@thidua/rules `computeTotals`) over the rows of an assessment, so a form
 * shows the totals the ranking will show. Pure: no React here.
 */
import { computeTotals, type SchemeNode, type SchemeTotals } from '@thidua/rules';
import type { Schemas } from '@/api/client';

type Row = Pick<Schemas['AssessmentRowDto'], 'criterionId' | 'parentId' | 'code' | 'type' | 'max' | 'applicable'>;

/** Leaf id → score; a score outside 0..max is one the server refuses, so it counts as not scored. */
export function schemeTotals(rows: readonly Row[], scores: ReadonlyMap<string, number>): SchemeTotals {
  const nodes = rows.map((r, order) => ({ id: r.criterionId, parentId: r.parentId, code: r.code, type: r.type, max: r.max, order }) as SchemeNode);
  const max = new Map(rows.map((r) => [r.criterionId, r.max]));
  const valid = new Map([...scores].filter(([id, s]) => Number.isFinite(s) && s >= 0 && s <= (max.get(id) ?? -1)));
  return computeTotals(nodes, valid, rows.filter((r) => !r.applicable).map((r) => r.criterionId));
}
