/** Pure helpers over a scheme's criteria (the API's flat list in reading order, with depth). */
import { NODE_TYPES, round2 } from '@thidua/rules';
import type { Criterion, CriterionType } from './api/schemes';

export const CRITERION_TYPES: readonly CriterionType[] = NODE_TYPES;
export const isAdjustment = (type: CriterionType) => type === 'bonus' || type === 'deduction';

/** Children of `parentId` (null: the top level) in reading order. */
export const childrenOf = (criteria: readonly Criterion[], parentId: string | null) => criteria.filter((c) => c.parentId === parentId);

/** Ids of everything under `id` (not `id` itself). */
export function descendantIds(criteria: readonly Criterion[], id: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of criteria) {
      if (c.parentId && (c.parentId === id || out.has(c.parentId)) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Sum of the maxima that count toward a parent (bonus / deduction never do). */
export const countedSum = (rows: readonly Pick<Criterion, 'type' | 'max'>[]) => round2(rows.filter((r) => !isAdjustment(r.type)).reduce((s, r) => s + r.max, 0));

export type Balance = 'ok' | 'over' | 'under';
export const balanceOf = (sum: number, max: number): Balance => (sum > max ? 'over' : sum < max ? 'under' : 'ok');

/**
 * What the parent's (or the scheme's) sum becomes if the row `selfId` (null: a new row) under `parentId`
 * gets `max` and `type`: the live preview of a form.
 */
export function projectedSum(criteria: readonly Criterion[], parentId: string | null, selfId: string | null, type: CriterionType, max: number): number {
  const others = childrenOf(criteria, parentId).filter((c) => c.id !== selfId);
  return countedSum([...others, { type, max: Number.isFinite(max) ? max : 0 }]);
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
export function fromRoman(s: string): number | null {
  if (!/^[IVXLCDM]+$/.test(s)) return null;
  let n = 0;
  let rest = s;
  for (const [v, r] of ROMAN) {
    while (rest.startsWith(r)) {
      n += v;
      rest = rest.slice(r.length);
    }
  }
  return toRoman(n) === s ? n : null;
}

/**
 * A code for a new row, following its siblings: I, II, III at the top level; I.1, I.2 (or I.a, I.b)
 * under group I. Never one already used.
 */
export function suggestCode(criteria: readonly Criterion[], parent: Criterion | null, type: CriterionType): string {
  const used = new Set(criteria.map((c) => c.code));
  const free = (make: (i: number) => string, start: number) => {
    for (let i = start; i < start + 1000; i++) if (!used.has(make(i))) return make(i);
    return '';
  };
  if (!parent) {
    if (type === 'bonus') return used.has('T') ? free((i) => `T${i}`, 2) : 'T';
    if (type === 'deduction') return used.has('D') ? free((i) => `D${i}`, 2) : 'D';
    const numerals = childrenOf(criteria, null).map((c) => fromRoman(c.code)).filter((n): n is number => n !== null);
    return free(toRoman, numerals.length ? Math.max(...numerals) + 1 : 1);
  }
  const tails = childrenOf(criteria, parent.id).map((c) => (c.code.startsWith(`${parent.code}.`) ? c.code.slice(parent.code.length + 1) : ''));
  const letters = tails.filter((t) => /^[a-z]$/.test(t));
  if (letters.length && letters.length === tails.length) {
    const next = Math.max(...letters.map((l) => l.charCodeAt(0))) + 1;
    return free((i) => `${parent.code}.${i <= 122 ? String.fromCharCode(i) : i}`, next);
  }
  const numbers = tails.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return free((i) => `${parent.code}.${i}`, numbers.length ? Math.max(...numbers) + 1 : 1);
}

/**
 * The import endpoint's 400 `fields`, one line each: parse errors are keyed by where they are
 * ("Dòng 4 (B)", "Khoản thưởng, trừ dòng 3") and tree errors by row code, their message already naming the row.
 */
export function importErrorLines(fields: Record<string, string> | undefined): string[] {
  if (!fields) return [];
  return Object.entries(fields).map(([where, message]) =>
    where === 'scheme' || where === 'file' || message.startsWith('Dòng ') || message.includes(`${where}:`) || message.includes(` ${where} `) ? message : `${where}: ${message}`);
}
