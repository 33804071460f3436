/**
 * What a scorer enters for one criterion and what it is worth, with the server's rules (@thidua/rules):
 * used for hints only; the server's answer is what counts.
 */
import { adjustmentPoints, needsReason as ruleNeedsReason, perOccurrencePoints } from '@thidua/rules';
import { schemeTotals } from '@/lib/scheme-totals';
import type { AssessmentRow, ScoreInput, ScoreRow, SourceScore } from './api/reviews';

export type LeafType = Exclude<AssessmentRow['type'], 'group'>;

/** The one field each criterion type takes. */
export const INPUT_FIELD: Record<LeafType, 'score' | 'passed' | 'count' | 'actual' | 'items'> = {
  points: 'score', pass_fail: 'passed', per_occurrence: 'count', target: 'actual', bonus: 'items', deduction: 'items',
};

/** A scorer's value as the form holds it (only the field of the criterion's type matters). */
export interface ScoreValue {
  score: number | null;
  passed: boolean | null;
  count: number | null;
  actual: number | null;
  items: Record<string, number> | null;
}

export const EMPTY_VALUE: ScoreValue = { score: null, passed: null, count: null, actual: null, items: null };

export function valueOf(row: Pick<ScoreRow, 'score' | 'passed' | 'count' | 'actual' | 'items'> | null | undefined): ScoreValue {
  if (!row) return EMPTY_VALUE;
  return { score: row.score, passed: row.passed, count: row.count, actual: row.actual, items: row.items ? { ...row.items } : null };
}

export function hasValue(type: LeafType, v: ScoreValue): boolean {
  const field = INPUT_FIELD[type];
  if (field === 'items') return v.items !== null && Object.values(v.items).some((n) => n > 0);
  return v[field] !== null && v[field] !== undefined;
}

/** The request body: only the type's own field, the reason and the version edited. */
export function toInput(type: LeafType, v: ScoreValue, note: string, version: number): ScoreInput {
  const field = INPUT_FIELD[type];
  const body: ScoreInput = { note: note.trim(), version };
  if (field === 'items') {
    const items = Object.fromEntries(Object.entries(v.items ?? {}).filter(([, n]) => n > 0));
    body.items = Object.keys(items).length ? items : null;
  } else {
    (body as Record<string, unknown>)[field] = v[field];
  }
  return body;
}

/** The score an input gives (null for target criteria: those are scored across the block). */
export function scoreOf(row: Pick<AssessmentRow, 'type' | 'max' | 'pointsPerOccurrence' | 'items'>, v: ScoreValue): number | null {
  switch (row.type) {
    case 'points':
      return v.score;
    case 'pass_fail':
      return v.passed === null ? null : v.passed ? row.max : 0;
    case 'per_occurrence':
      return v.count === null ? null : perOccurrencePoints(v.count, { pointsPerOccurrence: row.pointsPerOccurrence ?? 0, max: row.max });
    case 'bonus':
    case 'deduction':
      return v.items ? adjustmentPoints(row, v.items) : null;
    default:
      return null;
  }
}

/**
 * Whether a reviewer's value needs a reason: it differs from the self-assessment (target criteria compare
 * the actual values, others the scores, at 2 decimals); a value where the unit gave none needs one too.
 */
export function needsReason(row: AssessmentRow, v: ScoreValue): boolean {
  const type = row.type as LeafType;
  if (!hasValue(type, v)) return false;
  const mine = type === 'target' ? v.actual : scoreOf(row, v);
  const self = type === 'target' ? (row.self?.actual ?? null) : (row.self?.score ?? null);
  return ruleNeedsReason(mine, self);
}

export interface SourceTotal {
  key: string;
  label: string;
  total: number;
  scored: number;
}

/**
 * A unit's total under one source, with the server's totals (groups capped at their max, top-level bonus
 * adds, top-level deduction subtracts); a criterion the source has not scored counts 0 (`scored` tells how
 * many applicable criteria, bonus and deduction aside, it scored).
 */
export function totalOf(rows: readonly AssessmentRow[], scoreFor: (row: AssessmentRow) => number | null): { total: number; scored: number } {
  const byId = new Map(rows.map((r) => [r.criterionId, r]));
  const applicable = (r: AssessmentRow | undefined): boolean => !r || (r.applicable && applicable(r.parentId ? byId.get(r.parentId) : undefined));
  const scores = new Map<string, number>();
  let scored = 0;
  for (const r of rows) {
    if (r.type === 'group' || !applicable(r)) continue;
    const s = scoreFor(r);
    if (s === null) continue;
    scores.set(r.criterionId, s);
    if (r.type !== 'bonus' && r.type !== 'deduction') scored++;
  }
  return { total: schemeTotals(rows, scores).total, scored };
}

/** The peer sources of a row, by scorer unit. */
export const peersOf = (row: AssessmentRow): SourceScore[] => row.sources.filter((s) => s.source === 'peer');
export const sourceOf = (row: AssessmentRow, source: 'leader' | 'final'): SourceScore | undefined => row.sources.find((s) => s.source === source);
