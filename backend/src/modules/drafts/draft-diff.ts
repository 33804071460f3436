/**
 * Side-by-side difference between two versions of a draft, section by section. Pure.
 * Lines are compared with a longest-common-subsequence diff; a run of removed lines followed by added
 * lines is shown as changed rows side by side.
 */
import type { RuleSet } from '@thidua/rules';
import { type DraftSection, type PlanData, planLines, ruleSetLines } from './draft-content';

export type RowKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  kind: RowKind;
  /** Line in the left (older) version, or null when the row only exists on the right. */
  left: string | null;
  right: string | null;
  /** 1-based line numbers within the section. */
  leftNo: number | null;
  rightNo: number | null;
}

export type SectionStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface SectionDiff {
  key: string;
  leftHeading: string | null;
  rightHeading: string | null;
  status: SectionStatus;
  rows: DiffRow[];
}

export interface DiffableSection {
  key: string;
  heading: string;
  /** The section's text; compared line by line. */
  lines: string[];
}

export interface VersionDiff {
  sections: SectionDiff[];
  summary: { added: number; removed: number; changed: number; unchanged: number };
}

type Op = { op: 'eq' | 'del' | 'ins'; a?: number; b?: number };

/** Edit script by LCS (dynamic programming; documents have at most a few hundred lines per section). */
function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) ops.push({ op: 'eq', a: i++, b: j++ });
    else if (dp[i + 1][j] >= dp[i][j + 1]) ops.push({ op: 'del', a: i++ });
    else ops.push({ op: 'ins', b: j++ });
  }
  while (i < n) ops.push({ op: 'del', a: i++ });
  while (j < m) ops.push({ op: 'ins', b: j++ });
  return ops;
}

/** Rows for a side-by-side view of two lists of lines. */
export function diffLines(left: string[], right: string[]): DiffRow[] {
  const ops = lcsOps(left, right);
  const rows: DiffRow[] = [];
  let k = 0;
  while (k < ops.length) {
    const o = ops[k];
    if (o.op === 'eq') {
      rows.push({ kind: 'same', left: left[o.a!], right: right[o.b!], leftNo: o.a! + 1, rightNo: o.b! + 1 });
      k++;
      continue;
    }
    // A block of deletions and insertions between two equal lines: pair them up as changes.
    const dels: number[] = [];
    const ins: number[] = [];
    while (k < ops.length && ops[k].op !== 'eq') {
      if (ops[k].op === 'del') dels.push(ops[k].a!);
      else ins.push(ops[k].b!);
      k++;
    }
    const pairs = Math.min(dels.length, ins.length);
    for (let p = 0; p < pairs; p++) rows.push({ kind: 'changed', left: left[dels[p]], right: right[ins[p]], leftNo: dels[p] + 1, rightNo: ins[p] + 1 });
    for (const d of dels.slice(pairs)) rows.push({ kind: 'removed', left: left[d], right: null, leftNo: d + 1, rightNo: null });
    for (const i of ins.slice(pairs)) rows.push({ kind: 'added', left: null, right: right[i], leftNo: null, rightNo: i + 1 });
  }
  return rows;
}

/** Splits a section body into lines (CRLF tolerant); an empty body has no lines. */
export const bodyLines = (body: string): string[] => (body === '' ? [] : body.replace(/\r\n?/g, '\n').split('\n'));

/**
 * Compares two versions section by section, matching sections by key. The order follows the right
 * (newer) version; sections only in the left one appear after the right section that preceded them.
 */
export function diffSections(left: DiffableSection[], right: DiffableSection[]): VersionDiff {
  const leftByKey = new Map(left.map((s) => [s.key, s]));
  const rightKeys = new Set(right.map((s) => s.key));
  const order: { key: string }[] = [];
  // Interleave: walk the left list; removed sections are placed after the last shared key seen.
  const removedAfter = new Map<string | null, string[]>();
  let lastShared: string | null = null;
  for (const s of left) {
    if (rightKeys.has(s.key)) lastShared = s.key;
    else removedAfter.set(lastShared, [...(removedAfter.get(lastShared) ?? []), s.key]);
  }
  for (const k of removedAfter.get(null) ?? []) order.push({ key: k });
  for (const s of right) {
    order.push({ key: s.key });
    for (const k of removedAfter.get(s.key) ?? []) order.push({ key: k });
  }
  const rightByKey = new Map(right.map((s) => [s.key, s]));
  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const sections: SectionDiff[] = order.map(({ key }) => {
    const l = leftByKey.get(key) ?? null;
    const r = rightByKey.get(key) ?? null;
    const rows = diffLines(l?.lines ?? [], r?.lines ?? []);
    let status: SectionStatus;
    if (!l) status = 'added';
    else if (!r) status = 'removed';
    else status = l.heading !== r.heading || rows.some((x) => x.kind !== 'same') ? 'changed' : 'unchanged';
    summary[status]++;
    return { key, leftHeading: l?.heading ?? null, rightHeading: r?.heading ?? null, status, rows };
  });
  return { sections, summary };
}

// ─── Versions of a plan or rules draft ──────────────────────────────────────────────────────────────

export interface DiffableVersion {
  title: string;
  sections: Pick<DraftSection, 'key' | 'heading' | 'body'>[];
  plan: PlanData | null;
  ruleSet: RuleSet | null;
}

/** The sections of a version plus its structured parts (plan data, rule set) as pseudo-sections. */
export function diffableSections(v: DiffableVersion, unitName: (id: string | null) => string): DiffableSection[] {
  const out: DiffableSection[] = [{ key: '@title', heading: 'Tiêu đề', lines: [v.title] }];
  out.push(...v.sections.map((s) => ({ key: s.key, heading: s.heading, lines: bodyLines(s.body) })));
  if (v.plan) out.push(...planLines(v.plan, unitName));
  if (v.ruleSet) out.push({ key: '@rules.ruleSet', heading: 'Bộ quy tắc bình xét', lines: ruleSetLines(v.ruleSet) });
  return out;
}

/** Side-by-side difference from `left` (older) to `right` (newer). */
export function draftDiff(left: DiffableVersion, right: DiffableVersion, unitName: (id: string | null) => string): VersionDiff {
  return diffSections(diffableSections(left, unitName), diffableSections(right, unitName));
}
