/**
 * Is a self-assessment complete enough to submit (issue 4): every applicable scored criterion filled, and
 * every applicable criterion marked "evidence required" with at least one file (a bonus / deduction item
 * only when the unit declared an event). Pure.
 */
import type { StoredCriterion } from '../scoring/scoring.service';
import type { Phase } from '../../domain/round-phase';

export interface Completeness {
  required: number;
  filled: number;
  unfilledCodes: string[];
  evidenceMissingCodes: string[];
}

export interface SelfRowState {
  /** The row holds an entered value (score, pass/fail, count, actual or items). */
  filled: boolean;
  /** Bonus / deduction: at least one event declared. */
  declared: boolean;
}

/**
 * Rows in reading order; `applicable` says whether a row (and its ancestors) applies to the unit. On the unit's
 * own sheet (`ownSheet`), a row counted from published items (`countSource`) is filled by the server and its
 * items are its evidence, so it is never missing.
 */
export function completeness(
  rows: readonly StoredCriterion[],
  applicable: (criterionId: string) => boolean,
  self: ReadonlyMap<string, SelfRowState>,
  withEvidence: ReadonlySet<string>,
  ownSheet = true,
): Completeness {
  const out: Completeness = { required: 0, filled: 0, unfilledCodes: [], evidenceMissingCodes: [] };
  for (const r of rows) {
    if (r.type === 'group' || !applicable(r.id)) continue;
    const state = ownSheet && r.countSource ? { filled: true, declared: false } : self.get(r.id);
    const adjustment = r.type === 'bonus' || r.type === 'deduction';
    if (!adjustment) {
      out.required++;
      if (state?.filled) out.filled++;
      else out.unfilledCodes.push(r.code);
    }
    const needsEvidence = r.evidenceRequired && !(ownSheet && r.countSource) && (!adjustment || state?.declared);
    if (needsEvidence && !withEvidence.has(r.id)) out.evidenceMissingCodes.push(r.code);
  }
  return out;
}

/** Applicability with inheritance: a row is not applicable when it or any ancestor excludes the unit. */
export function applicability(rows: readonly StoredCriterion[], unitId: string): (criterionId: string) => boolean {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const memo = new Map<string, boolean>();
  const check = (id: string, depth = 0): boolean => {
    if (memo.has(id)) return memo.get(id)!;
    const r = byId.get(id);
    const ok = !!r && !r.notApplicableUnitIds.includes(unitId) && (r.parentId === null || depth > 100 || check(r.parentId, depth + 1));
    memo.set(id, ok);
    return ok;
  };
  return (id) => check(id);
}

export type EffectiveStatus = 'draft' | 'awaiting_confirmation' | 'submitted' | 'returned' | 'locked';

/** Every self-assessment is locked once the self-assessment phase is over. */
export const effectiveStatus = (stored: string, phase: Phase): EffectiveStatus => (phase === 'self_assessment' ? (stored as EffectiveStatus) : 'locked');
