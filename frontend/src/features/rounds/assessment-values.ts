/**
 * The self-assessment form's values and the running totals computed from them in the browser, with the
 * server's rules (@thidua/rules: criterion points, round2 and the group caps of computeTotals; rounds/completeness.ts).
 * Target criteria are scored for the whole block at once, so their score always comes from the server.
 * Pure: no React here.
 */
import { adjustmentPoints, perOccurrencePoints, round2 } from '@thidua/rules';
import type { AssessmentRow, CriterionType, Evidence, ScoreInput, ScoreRow } from './api/assessment';

/** What the user typed, as text for numbers so that "18," survives while typing. */
export interface RowValue {
  score: string;
  passed: boolean | null;
  count: string;
  actual: string;
  /** bonus / deduction: item id → number of occurrences (text). */
  items: Record<string, string>;
  note: string;
}

export const isAdjustment = (type: CriterionType) => type === 'bonus' || type === 'deduction';
export const isLeaf = (type: CriterionType) => type !== 'group';

/** 18.5 → "18,5" (input text: decimal comma, no thousands separator). */
export const toText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

/** "18,5" or "18.5" → 18.5; "" → null; anything else → NaN. */
export function parseNumber(text: string): number | null {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

/** A row counted from published items (`automaticCount`) shows the server's count, never one typed here. */
export function valueFromServer(meta: Pick<AssessmentRow, 'items'> & { automaticCount?: AssessmentRow['automaticCount'] }, self: ScoreRow | null): RowValue {
  return {
    score: toText(self?.score ?? null),
    passed: self?.passed ?? null,
    count: toText(meta.automaticCount ? meta.automaticCount.count : self?.count ?? null),
    actual: toText(self?.actual ?? null),
    items: Object.fromEntries(meta.items.map((i) => [i.id, self?.items?.[i.id] ? String(self.items[i.id]) : ''])),
    note: self?.note ?? '',
  };
}

export const sameValue = (a: RowValue, b: RowValue) =>
  a.score === b.score && a.passed === b.passed && a.count === b.count && a.actual === b.actual && a.note === b.note &&
  Object.keys({ ...a.items, ...b.items }).every((k) => (a.items[k] ?? '') === (b.items[k] ?? ''));

/** Which field of a value a criterion type takes (the rest are ignored). */
const FIELD: Record<Exclude<CriterionType, 'group'>, 'score' | 'passed' | 'count' | 'actual' | 'items'> = {
  points: 'score', pass_fail: 'passed', per_occurrence: 'count', target: 'actual', bonus: 'items', deduction: 'items',
};

/** The request body of one autosave, or `invalid` when a number cannot be read (nothing is sent then). */
export function toInput(type: CriterionType, v: RowValue, version: number): { body: ScoreInput } | { invalid: true } {
  if (type === 'group') return { invalid: true };
  const field = FIELD[type];
  const body: ScoreInput = { note: v.note, version };
  if (field === 'passed') body.passed = v.passed;
  else if (field === 'items') {
    const items: Record<string, number> = {};
    for (const [id, text] of Object.entries(v.items)) {
      const n = parseNumber(text);
      if (n === null) continue;
      if (Number.isNaN(n)) return { invalid: true };
      if (n !== 0) items[id] = n;
    }
    body.items = Object.keys(items).length ? items : null;
  } else {
    const n = parseNumber(v[field]);
    if (Number.isNaN(n)) return { invalid: true };
    body[field] = n;
  }
  return { body };
}

/** Whether the value holds an entry for its type (what the server counts as "đã chấm"). */
export function isFilled(type: CriterionType, v: RowValue): boolean {
  if (type === 'group') return false;
  const field = FIELD[type];
  if (field === 'passed') return v.passed !== null;
  if (field === 'items') return Object.values(v.items).some((x) => x.trim() !== '');
  const n = parseNumber(v[field]);
  return n !== null && !Number.isNaN(n);
}

/** A bonus / deduction: the server's `adjustmentPoints` over the counts typed; undefined when one is not a whole number ≥ 0. */
function adjustmentScore(meta: Pick<AssessmentRow, 'items' | 'max'>, v: RowValue): number | undefined {
  const counts: Record<string, number> = {};
  for (const item of meta.items) {
    const n = parseNumber(v.items[item.id] ?? '');
    if (n === null) continue;
    if (Number.isNaN(n) || n < 0 || !Number.isInteger(n)) return undefined;
    counts[item.id] = n;
  }
  return adjustmentPoints(meta, counts);
}

/**
 * The score of a leaf as the form shows it; undefined when not entered or not valid. A target criterion's
 * score is the server's, valid only while the actual value is the one the server scored.
 */
export function leafScore(meta: AssessmentRow, v: RowValue, server: { score: number | null; actual: number | null }): number | undefined {
  switch (meta.type) {
    case 'points': {
      const n = parseNumber(v.score);
      return n === null || Number.isNaN(n) || n < 0 || n > meta.max ? undefined : n;
    }
    case 'pass_fail':
      return v.passed === null ? undefined : v.passed ? meta.max : 0;
    case 'per_occurrence': {
      const n = parseNumber(v.count);
      return n === null || Number.isNaN(n) || n < 0 || !Number.isInteger(n) ? undefined : perOccurrencePoints(n, { pointsPerOccurrence: meta.pointsPerOccurrence ?? 0, max: meta.max });
    }
    case 'target': {
      const n = parseNumber(v.actual);
      return n !== null && n === server.actual && server.score !== null ? server.score : undefined;
    }
    case 'bonus':
    case 'deduction':
      return adjustmentScore(meta, v);
    default:
      return undefined;
  }
}

export interface CodeRef { id: string; code: string }

export interface LocalTotals {
  /** Score and maximum of every node (groups capped at their maximum). */
  byNode: Map<string, { score: number; max: number }>;
  max: number;
  score: number;
  bonus: number;
  deductions: number;
  total: number;
  filled: number;
  required: number;
  unfilled: CodeRef[];
  evidenceMissing: CodeRef[];
  /** Rows holding a value that cannot be saved (unreadable number, or refused by the server). */
  invalid: CodeRef[];
  /** Target criteria whose actual value changed since the server last scored it. */
  targetPending: number;
}

export interface LeafState {
  value: RowValue;
  evidence: readonly Evidence[];
  serverScore: number | null;
  serverActual: number | null;
  invalid: boolean;
}

/** Running totals and completeness over the rows in reading order. */
export function computeTotals(rows: readonly AssessmentRow[], state: (id: string) => LeafState | undefined): LocalTotals {
  const children = new Map<string | null, AssessmentRow[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: LocalTotals = {
    byNode: new Map(), max: 0, score: 0, bonus: 0, deductions: 0, total: 0, filled: 0, required: 0, unfilled: [], evidenceMissing: [], invalid: [], targetPending: 0,
  };
  const visit = (r: AssessmentRow): { score: number; max: number } => {
    let result: { score: number; max: number };
    if (r.type === 'group') {
      const kids = (children.get(r.criterionId) ?? []).map(visit);
      const max = r.applicable ? Math.min(r.max, round2(kids.reduce((s, k) => s + k.max, 0))) : 0;
      result = { score: Math.min(round2(kids.reduce((s, k) => s + k.score, 0)), max), max };
    } else {
      const s = state(r.criterionId);
      const score = s && r.applicable ? leafScore(r, s.value, { score: s.serverScore, actual: s.serverActual }) : undefined;
      result = { score: r.applicable ? (score ?? 0) : 0, max: r.applicable ? r.max : 0 };
      if (r.applicable && s) {
        const adjustment = isAdjustment(r.type);
        const filled = isFilled(r.type, s.value) && !s.invalid;
        if (!adjustment) {
          out.required++;
          if (filled) out.filled++;
          else if (!s.invalid) out.unfilled.push({ id: r.criterionId, code: r.code });
        }
        if (s.invalid) out.invalid.push({ id: r.criterionId, code: r.code });
        if (r.type === 'target' && filled && score === undefined) out.targetPending++;
        const declared = adjustment && Object.values(s.value.items).some((x) => (parseNumber(x) ?? 0) > 0);
        if (r.evidenceRequired && (!adjustment || declared) && s.evidence.filter((e) => e.purpose === 'self').length === 0) {
          out.evidenceMissing.push({ id: r.criterionId, code: r.code });
        }
      }
    }
    out.byNode.set(r.criterionId, result);
    return result;
  };
  for (const root of children.get(null) ?? []) {
    const t = visit(root);
    if (root.type === 'bonus') out.bonus += t.score;
    else if (root.type === 'deduction') out.deductions += t.score;
    else {
      out.max += t.max;
      out.score += t.score;
    }
  }
  out.max = round2(out.max);
  out.score = round2(out.score);
  out.bonus = round2(out.bonus);
  out.deductions = round2(out.deductions);
  out.total = round2(out.score + out.bonus - out.deductions);
  return out;
}
