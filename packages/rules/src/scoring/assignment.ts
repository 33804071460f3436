/**
 * Cross-review assignment (docs/domain.md §4). Pure: no NestJS or TypeORM here.
 *
 * Glossary: chấm chéo = cross-review (each unit scores k other units of its block); người chấm /
 * đơn vị chấm = reviewer; đơn vị được chấm = reviewee; từ chối chấm (xung đột lợi ích) = recusal
 * (conflict of interest); cặp chấm lẫn nhau = reciprocal pair (A reviews B and B reviews A).
 *
 * Construction: the units are sorted, shuffled with a seeded PRNG, placed on a circle, and each
 * reviews the next m = min(k, n−1) units on the circle. So every unit reviews exactly m others and is
 * reviewed by exactly m others (loads are equal). A pair is reciprocal only when both d and n−d are
 * among the offsets 1..m, i.e. n ≤ 2m; then it has exactly n·m − n(n−1)/2 reciprocal pairs, the fewest
 * possible (n·m reviews cannot fit in n(n−1)/2 unordered pairs otherwise). For n ≥ 2m+1 there are none.
 */

export interface Assignment {
  reviewerId: string;
  revieweeId: string;
}

/** mulberry32: a small seeded PRNG giving floats in [0, 1). Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`seededRandom: seed must be finite, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortAssignments = (list: Assignment[]): Assignment[] =>
  list.sort((a, b) => byId(a.reviewerId, b.reviewerId) || byId(a.revieweeId, b.revieweeId));
const pairKey = (reviewer: string, reviewee: string): string => JSON.stringify([reviewer, reviewee]);

function checkUnits(unitIds: readonly string[]): void {
  if (new Set(unitIds).size !== unitIds.length) throw new RangeError('assignment: unit listed twice');
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`assignment: k must be an integer ≥ 0, got ${k}`);
}

/** How many reviews each unit does (and receives): min(k, n−1). */
export const reviewsPerUnit = (unitCount: number, k: number): number => Math.max(0, Math.min(k, unitCount - 1));

/** The fewest reciprocal pairs any valid assignment of n units with k reviews each can have. */
export function minimumReciprocalPairs(unitCount: number, k: number): number {
  const m = reviewsPerUnit(unitCount, k);
  return Math.max(0, unitCount * m - (unitCount * (unitCount - 1)) / 2);
}

/** Unordered pairs {A, B} where A reviews B and B reviews A. */
export function countReciprocalPairs(assignments: readonly Assignment[]): number {
  const keys = new Set(assignments.map((a) => pairKey(a.reviewerId, a.revieweeId)));
  let count = 0;
  for (const a of assignments) {
    if (a.reviewerId < a.revieweeId && keys.has(pairKey(a.revieweeId, a.reviewerId))) count++;
  }
  return count;
}

/**
 * Generates the assignment for a block: see the file comment. Deterministic for the same set of units
 * and seed, whatever the order of `unitIds`. Sorted by reviewer, then reviewee.
 */
export function generateAssignments(unitIds: readonly string[], k: number, seed: number): Assignment[] {
  checkUnits(unitIds);
  checkK(k);
  const random = seededRandom(seed);
  const circle = [...unitIds].sort(byId);
  for (let i = circle.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [circle[i], circle[j]] = [circle[j], circle[i]];
  }
  const n = circle.length;
  const m = reviewsPerUnit(n, k);
  const out: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= m; d++) out.push({ reviewerId: circle[i], revieweeId: circle[(i + d) % n] });
  }
  return sortAssignments(out);
}

export interface ReassignResult {
  /** The assignments with the recused review replaced (or just removed when no one can take it). */
  assignments: Assignment[];
  /** The unit that now reviews the reviewee, or null when no unit is eligible. */
  replacement: string | null;
  /** True when the replacement forms a reciprocal pair with the reviewee (no better unit was free). */
  reciprocal: boolean;
}

/**
 * Replaces a recusing reviewer of `reviewee` by another unit of `units`. Never the reviewee itself, the
 * recusing unit, a unit in `exclude` (e.g. units that recused from this reviewee before) or a unit that
 * already reviews the reviewee. Among the eligible, prefers in this order: a unit below its quota of
 * m = min(k, n−1) reviews (so earlier recusals are evened out), a unit the reviewee does not review (no
 * reciprocal pair), the unit with the fewest reviews, the smallest unit id. Only the new reviewer's load
 * changes (+1; the recusing unit's −1): the other reviews are left untouched because their reviewers may
 * already have started scoring. Throws if the recused review is not in `assignments`.
 */
export function reassign(
  assignments: readonly Assignment[],
  recusingReviewer: string,
  reviewee: string,
  units: readonly string[],
  k: number,
  exclude: Iterable<string> = [],
): ReassignResult {
  checkUnits(units);
  checkK(k);
  const recusedKey = pairKey(recusingReviewer, reviewee);
  if (!assignments.some((a) => pairKey(a.reviewerId, a.revieweeId) === recusedKey)) {
    throw new RangeError(`reassign: ${recusingReviewer} does not review ${reviewee}`);
  }
  const remaining = assignments.filter((a) => pairKey(a.reviewerId, a.revieweeId) !== recusedKey);
  const m = reviewsPerUnit(units.length, k);
  const barred = new Set([reviewee, recusingReviewer, ...exclude]);
  const load = new Map<string, number>();
  const reviewsReviewee = new Set<string>();
  const reviewedByReviewee = new Set<string>();
  for (const a of remaining) {
    load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    if (a.revieweeId === reviewee) reviewsReviewee.add(a.reviewerId);
    if (a.reviewerId === reviewee) reviewedByReviewee.add(a.revieweeId);
  }

  const rankKey = (u: string): number[] => {
    const l = load.get(u) ?? 0;
    return [l >= m ? 1 : 0, reviewedByReviewee.has(u) ? 1 : 0, l];
  };
  const candidates = units
    .filter((u) => !barred.has(u) && !reviewsReviewee.has(u))
    .sort((a, b) => {
      const ka = rankKey(a);
      const kb = rankKey(b);
      return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || byId(a, b);
    });
  const replacement = candidates[0] ?? null;
  const next = [...remaining];
  if (replacement !== null) next.push({ reviewerId: replacement, revieweeId: reviewee });
  return {
    assignments: sortAssignments(next),
    replacement,
    reciprocal: replacement !== null && reviewedByReviewee.has(replacement),
  };
}
