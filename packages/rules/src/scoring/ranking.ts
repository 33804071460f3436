/**
 * Ranking units of a block by their final total (docs/domain.md §4 "Ranking"). Pure: no NestJS or TypeORM here.
 *
 * Glossary: xếp hạng = ranking; dẫn đầu = rank 1 (the leading unit); đồng hạng = shared rank.
 *
 * Order: higher total first; equal totals are separated by the tie-break chain (default: higher score in
 * the first criteria group → fewer deductions → earlier submission, a missing submission time last).
 * Units equal on everything share a rank and the next rank is skipped (standard competition ranking:
 * 1, 1, 3). Scores are compared at 2 decimals so float drift cannot split or create a tie.
 * The result never depends on the input order; rows sharing a rank are listed by unitId.
 */
import type { TieBreak } from '../rule-set';
import { round2 } from './round';

export type { TieBreak };
export const DEFAULT_TIE_BREAKS: readonly TieBreak[] = ['first_group_score', 'fewer_deductions', 'earlier_submission'];

export interface RankInput {
  unitId: string;
  /** Final total, bonus added and deductions subtracted. */
  total: number;
  /** Final score of the first criteria group. */
  firstGroupScore: number;
  /** Points deducted (positive). */
  deductions: number;
  /** When the self-assessment was submitted; null sorts after every date. */
  submittedAt: Date | null;
}

export interface RankedRow extends RankInput {
  /** 1 = dẫn đầu. Units still tied after the whole chain share a rank; the next rank is skipped. */
  rank: number;
  /** True when at least one other unit has the same rank (đồng hạng). */
  sharedRank: boolean;
  /** The other units with the same rank, sorted. */
  tiedWith: string[];
  /**
   * What placed this unit below the previous distinct rank: 'total', a tie-break, or null for rank 1 and
   * for units whose rank is shared with the row above.
   */
  decidedBy: 'total' | TieBreak | null;
}

type Key = 'total' | TieBreak;

/** < 0 when `a` ranks before `b` on that key, 0 when equal on it. */
function compareOn(key: Key, a: RankInput, b: RankInput): number {
  switch (key) {
    case 'total':
      return round2(b.total) - round2(a.total);
    case 'first_group_score':
      return round2(b.firstGroupScore) - round2(a.firstGroupScore);
    case 'fewer_deductions':
      return round2(a.deductions) - round2(b.deductions);
    case 'earlier_submission': {
      const ta = a.submittedAt?.getTime() ?? Infinity;
      const tb = b.submittedAt?.getTime() ?? Infinity;
      return ta === tb ? 0 : ta < tb ? -1 : 1;
    }
  }
}

function check(rows: readonly RankInput[]): void {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.unitId)) throw new RangeError(`ranking: unit ${r.unitId} listed twice`);
    seen.add(r.unitId);
    for (const [name, v] of [['total', r.total], ['firstGroupScore', r.firstGroupScore], ['deductions', r.deductions]] as const) {
      if (!Number.isFinite(v)) throw new RangeError(`ranking: unit ${r.unitId} has ${name} ${v}`);
    }
    if (r.submittedAt !== null && Number.isNaN(r.submittedAt.getTime())) {
      throw new RangeError(`ranking: unit ${r.unitId} has an invalid submission time`);
    }
  }
}

/** Ranks the rows; see the file comment for the rules. Throws on duplicate units or non-finite numbers. */
export function rankUnits(rows: readonly RankInput[], tieBreaks: readonly TieBreak[] = DEFAULT_TIE_BREAKS): RankedRow[] {
  check(rows);
  const keys: Key[] = ['total', ...tieBreaks];
  const firstDifference = (a: RankInput, b: RankInput): Key | null => keys.find((k) => compareOn(k, a, b) !== 0) ?? null;
  const sorted = [...rows].sort((a, b) => {
    const key = firstDifference(a, b);
    if (key) return compareOn(key, a, b);
    return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
  });

  const ranked: RankedRow[] = [];
  sorted.forEach((row, i) => {
    const prev = ranked[i - 1];
    const key = prev ? firstDifference(prev, row) : null;
    const rank = prev && key === null ? prev.rank : i + 1;
    ranked.push({ ...row, rank, sharedRank: false, tiedWith: [], decidedBy: key });
  });

  const byRank = new Map<number, string[]>();
  for (const r of ranked) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.unitId]);
  for (const r of ranked) {
    r.tiedWith = byRank.get(r.rank)!.filter((id) => id !== r.unitId);
    r.sharedRank = r.tiedWith.length > 0;
  }
  return ranked;
}
