/**
 * The score of a quantitative (`target`) criterion for every unit of a block (docs/domain.md §4, item 4).
 * Pure: no NestJS or TypeORM here.
 *
 * Glossary: chỉ tiêu = target T (a unit's covenant commitment); giá trị thực hiện = actual A;
 * M = the criterion's max.
 *
 * With a target:
 * - A < T → 0.5·M·A/T
 * - A = T → 0.5·M
 * - A > T and the unit exceeds its target by the most in the block → M
 * - other A > T → 0.5·M + (A−T)/(A_best−T_best)·0.5·M, capped at M
 * Without a target: A / max(A of units without a target) · M; these units never compete for "best".
 *
 * Decisions on the cases the domain leaves open:
 * - "Exceeds by the most" uses the absolute margin A−T, because the formula divides by A_best−T.
 *   Margins within 1e-9 (relative) of the best count as the best, so float noise cannot split a tie.
 * - Several units tied as best all get M.
 * - T = 0 is treated as "no target": A/T is undefined, and a unit that committed to nothing must not be
 *   able to beat the real targets of others for "best". Negative targets or actuals are refused (throw);
 *   inputs are validated before this is called.
 * - A = 0 with T > 0 scores 0.
 * - Units without a target whose actuals are all 0 score 0 (nobody achieved anything; no division by 0).
 *   Likewise a block where everyone's A = 0 scores 0 everywhere.
 * - Every score is rounded once, at the end, half away from zero at 2 decimals (`round2`).
 */
import { round2 } from './round';

export interface TargetEntry {
  unitId: string;
  /** The unit's target T from the covenant; null (or 0) when it has none. */
  target: number | null;
  /** The unit's actual value A. */
  actual: number;
}

/** Which branch of the formula scored the unit. */
export type TargetBasis = 'below_target' | 'met_target' | 'best_over_target' | 'over_target' | 'no_target';

export interface TargetOutcome {
  score: number;
  basis: TargetBasis;
  /**
   * The block figure the branch divides by, so a form can show the unit its own sum: for `over_target` the
   * best margin A_best − T_best, for `no_target` the largest actual among units without a target; else null.
   */
  reference: number | null;
}

const nearlyEqual = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function check(entries: readonly TargetEntry[], max: number): void {
  if (!Number.isFinite(max) || max <= 0) throw new RangeError(`target formula: max must be positive, got ${max}`);
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.unitId)) throw new RangeError(`target formula: unit ${e.unitId} listed twice`);
    seen.add(e.unitId);
    if (!Number.isFinite(e.actual) || e.actual < 0) throw new RangeError(`target formula: unit ${e.unitId} has actual ${e.actual}`);
    if (e.target !== null && (!Number.isFinite(e.target) || e.target < 0)) {
      throw new RangeError(`target formula: unit ${e.unitId} has target ${e.target}`);
    }
  }
}

/** Each unit's score and the branch of the formula that produced it. */
export function targetOutcomes(entries: readonly TargetEntry[], max: number): Map<string, TargetOutcome> {
  check(entries, max);
  const hasTarget = (e: TargetEntry): e is TargetEntry & { target: number } => e.target !== null && e.target > 0;
  const withTarget = entries.filter(hasTarget);
  const without = entries.filter((e) => !hasTarget(e));

  const bestMargin = withTarget.reduce((best, e) => Math.max(best, e.actual - e.target), 0);
  const bestActualWithout = without.reduce((best, e) => Math.max(best, e.actual), 0);

  const out = new Map<string, TargetOutcome>();
  for (const e of entries) {
    if (!hasTarget(e)) {
      const score = bestActualWithout === 0 ? 0 : (e.actual / bestActualWithout) * max;
      out.set(e.unitId, { score: round2(score), basis: 'no_target', reference: bestActualWithout });
      continue;
    }
    const { actual: a, target: t } = e;
    if (nearlyEqual(a, t)) {
      out.set(e.unitId, { score: round2(0.5 * max), basis: 'met_target', reference: null });
    } else if (a < t) {
      out.set(e.unitId, { score: round2((0.5 * max * a) / t), basis: 'below_target', reference: null });
    } else if (nearlyEqual(a - t, bestMargin)) {
      out.set(e.unitId, { score: round2(max), basis: 'best_over_target', reference: null });
    } else {
      const score = Math.min(max, 0.5 * max + ((a - t) / bestMargin) * 0.5 * max);
      out.set(e.unitId, { score: round2(score), basis: 'over_target', reference: bestMargin });
    }
  }
  return out;
}

/** unitId → score of the target criterion, rounded to 2 decimals. */
export function targetScores(entries: readonly TargetEntry[], max: number): Map<string, number> {
  return new Map([...targetOutcomes(entries, max)].map(([unitId, o]) => [unitId, o.score]));
}
