/**
 * What a scorer enters for one criterion and what it is worth, mirroring the server's rules
 * (scoring/rules/criterion-score.ts): used for hints only; the server's answer is what counts.
 */
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

export const round2 = (n: number) => Math.round(n * 100) / 100;

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
      return v.count === null ? null : round2(Math.min(v.count * (row.pointsPerOccurrence ?? 0), row.max));
    case 'bonus':
    case 'deduction': {
      if (!v.items) return null;
      let sum = 0;
      for (const item of row.items) sum += Math.min((v.items[item.id] ?? 0) * item.points, item.cap ?? Infinity);
      return round2(Math.min(sum, row.max));
    }
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
  if (mine === null) return false;
  if (self === null) return true;
  return round2(mine) !== round2(self);
}

/** True when two scores of a criterion differ by more than `percent`% of its max (as the server's divergence flag). */
export function diverges(a: number | null | undefined, b: number | null | undefined, max: number, percent: number): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const limit = (max * percent) / 100;
  return Math.abs(a - b) - limit > 1e-9 * Math.max(1, limit);
}

export interface SourceTotal {
  key: string;
  label: string;
  total: number;
  scored: number;
}

/**
 * A unit's total under one source, computed like the server's totals: groups sum their children capped at
 * their max, top-level bonus adds, top-level deduction subtracts; a criterion the source has not scored
 * counts 0 (`scored` tells how many criteria, bonus and deduction aside, it scored).
 */
export function totalOf(rows: readonly AssessmentRow[], scoreFor: (row: AssessmentRow) => number | null): { total: number; scored: number } {
  const children = new Map<string | null, AssessmentRow[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  let scored = 0;
  const visit = (r: AssessmentRow): number => {
    if (!r.applicable) return 0;
    if (r.type === 'group') return Math.min(round2((children.get(r.criterionId) ?? []).reduce((s, c) => s + visit(c), 0)), r.max);
    const s = scoreFor(r);
    if (s === null) return 0;
    if (r.type !== 'bonus' && r.type !== 'deduction') scored++;
    return s;
  };
  let total = 0;
  for (const root of children.get(null) ?? []) {
    const s = visit(root);
    total += root.type === 'deduction' ? -s : s;
  }
  return { total: round2(total), scored };
}

/** The peer sources of a row, by scorer unit. */
export const peersOf = (row: AssessmentRow): SourceScore[] => row.sources.filter((s) => s.source === 'peer');
export const sourceOf = (row: AssessmentRow, source: 'leader' | 'final'): SourceScore | undefined => row.sources.find((s) => s.source === source);
