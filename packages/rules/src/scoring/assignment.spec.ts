import fc from 'fast-check';
import { countReciprocalPairs, generateAssignments, minimumReciprocalPairs, reassign, reviewsPerUnit, seededRandom } from './assignment';
import type { Assignment } from './assignment';

const pairs = (list: Assignment[]): string[] => list.map((a) => `${a.reviewerId}→${a.revieweeId}`);
const fromPairs = (list: string[]): Assignment[] => list.map((p) => ({ reviewerId: p[0], revieweeId: p[1] }));
const units = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${String(i).padStart(2, '0')}`);
const countBy = (list: Assignment[], key: keyof Assignment, ids: string[]): number[] => ids.map((id) => list.filter((a) => a[key] === id).length);

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed (mulberry32)', () => {
    const a = seededRandom(0);
    expect([a(), a(), a()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
    const b = seededRandom(42);
    const c = seededRandom(42);
    expect([b(), b(), b()]).toEqual([c(), c(), c()]);
  });

  it('stays within [0, 1)', () => {
    const r = seededRandom(123);
    const xs = Array.from({ length: 10_000 }, () => r());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('refuses a non-finite seed', () => {
    expect(() => seededRandom(NaN)).toThrow(RangeError);
  });
});

describe('generateAssignments', () => {
  it('is pinned for a seed, so a stored seed reproduces the assignment', () => {
    expect(pairs(generateAssignments(['A', 'B', 'C', 'D', 'E'], 2, 42))).toEqual(['A→C', 'A→E', 'B→A', 'B→D', 'C→B', 'C→D', 'D→A', 'D→E', 'E→B', 'E→C']);
    expect(pairs(generateAssignments(['A', 'B', 'C', 'D', 'E'], 2, 7))).toEqual(['A→B', 'A→D', 'B→C', 'B→E', 'C→A', 'C→E', 'D→B', 'D→C', 'E→A', 'E→D']);
  });

  it('does not depend on the order of the unit ids', () => {
    expect(generateAssignments(['E', 'C', 'A', 'D', 'B'], 2, 42)).toEqual(generateAssignments(['A', 'B', 'C', 'D', 'E'], 2, 42));
  });

  it('caps the reviews at n − 1: everyone reviews everyone else', () => {
    const list = generateAssignments(['A', 'B', 'C'], 5, 1);
    expect(pairs(list)).toEqual(['A→B', 'A→C', 'B→A', 'B→C', 'C→A', 'C→B']);
    expect(countReciprocalPairs(list)).toBe(3);
  });

  it('gives two units each other to review', () => {
    expect(pairs(generateAssignments(['A', 'B'], 3, 9))).toEqual(['A→B', 'B→A']);
  });

  it('assigns nothing with fewer than two units or k = 0', () => {
    expect(generateAssignments([], 2, 1)).toEqual([]);
    expect(generateAssignments(['A'], 2, 1)).toEqual([]);
    expect(generateAssignments(['A', 'B', 'C'], 0, 1)).toEqual([]);
  });

  it('refuses duplicate units and a bad k', () => {
    expect(() => generateAssignments(['A', 'A'], 1, 1)).toThrow(RangeError);
    expect(() => generateAssignments(['A', 'B'], -1, 1)).toThrow(RangeError);
    expect(() => generateAssignments(['A', 'B'], 1.5, 1)).toThrow(RangeError);
  });

  it('knows the fewest reciprocal pairs possible', () => {
    expect(minimumReciprocalPairs(5, 2)).toBe(0);
    expect(minimumReciprocalPairs(4, 2)).toBe(2);
    expect(minimumReciprocalPairs(3, 2)).toBe(3);
    expect(minimumReciprocalPairs(6, 3)).toBe(3);
    expect(minimumReciprocalPairs(2, 1)).toBe(1);
    expect(minimumReciprocalPairs(1, 3)).toBe(0);
    expect(reviewsPerUnit(4, 9)).toBe(3);
    expect(reviewsPerUnit(0, 2)).toBe(0);
  });

  it('counts reciprocal pairs once per pair', () => {
    expect(countReciprocalPairs(fromPairs(['AB', 'BA', 'BC', 'CA', 'AC']))).toBe(2);
    expect(countReciprocalPairs(fromPairs(['AB', 'BC', 'CA']))).toBe(0);
  });
});

describe('generateAssignments properties (n 2..30, k 1..5)', () => {
  const arb = fc.record({ n: fc.integer({ min: 2, max: 30 }), k: fc.integer({ min: 1, max: 5 }), seed: fc.integer() });

  it('never assigns a unit to itself or twice to the same unit', () => {
    fc.assert(
      fc.property(arb, ({ n, k, seed }) => {
        const list = generateAssignments(units(n), k, seed);
        expect(list.some((a) => a.reviewerId === a.revieweeId)).toBe(false);
        expect(new Set(pairs(list)).size).toBe(list.length);
        const ids = new Set(units(n));
        expect(list.every((a) => ids.has(a.reviewerId) && ids.has(a.revieweeId))).toBe(true);
      }),
    );
  });

  it('has every unit review exactly min(k, n−1) others, and loads differ by at most one', () => {
    fc.assert(
      fc.property(arb, ({ n, k, seed }) => {
        const ids = units(n);
        const list = generateAssignments(ids, k, seed);
        const m = Math.min(k, n - 1);
        expect(countBy(list, 'reviewerId', ids).every((c) => c === m)).toBe(true);
        const received = countBy(list, 'revieweeId', ids);
        expect(Math.max(...received) - Math.min(...received)).toBeLessThanOrEqual(1);
        expect(received.every((c) => c === m)).toBe(true);
      }),
    );
  });

  it('has no reciprocal pair when n ≥ 2k+1, and the fewest possible otherwise', () => {
    fc.assert(
      fc.property(arb, ({ n, k, seed }) => {
        const list = generateAssignments(units(n), k, seed);
        const reciprocal = countReciprocalPairs(list);
        if (n >= 2 * k + 1) expect(reciprocal).toBe(0);
        expect(reciprocal).toBe(minimumReciprocalPairs(n, k));
      }),
    );
  });

  it('is deterministic for a seed and independent of input order', () => {
    const withShuffle = arb.chain((p) =>
      fc.tuple(fc.constant(p), fc.shuffledSubarray(units(p.n), { minLength: p.n, maxLength: p.n })),
    );
    fc.assert(
      fc.property(withShuffle, ([{ n, k, seed }, shuffled]) => {
        const first = generateAssignments(units(n), k, seed);
        expect(generateAssignments(units(n), k, seed)).toEqual(first);
        expect(generateAssignments(shuffled, k, seed)).toEqual(first);
      }),
    );
  });

  it('uses the seed: different seeds usually give different assignments', () => {
    const distinct = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(generateAssignments(units(10), 2, seed))));
    expect(distinct.size).toBeGreaterThan(15);
  });
});

describe('reassign', () => {
  // A hand-made circle: each unit reviews the next two.
  const six = ['A', 'B', 'C', 'D', 'E', 'F'];
  const circle = fromPairs(['AB', 'AC', 'BC', 'BD', 'CD', 'CE', 'DE', 'DF', 'EF', 'EA', 'FA', 'FB']);

  it('picks a non-reciprocal unit that does not review the reviewee yet', () => {
    // E is reviewed by C and D and reviews F and A: A and F would be reciprocal, so B.
    const r = reassign(circle, 'C', 'E', six, 2);
    expect(r.replacement).toBe('B');
    expect(r.reciprocal).toBe(false);
    expect(pairs(r.assignments)).toEqual(['A→B', 'A→C', 'B→C', 'B→D', 'B→E', 'C→D', 'D→E', 'D→F', 'E→A', 'E→F', 'F→A', 'F→B']);
  });

  it('prefers a unit below its quota (an earlier recuser), unless it is excluded', () => {
    const first = reassign(circle, 'C', 'E', six, 2).assignments; // C now reviews 1, B reviews 3
    expect(reassign(first, 'B', 'E', six, 2)).toMatchObject({ replacement: 'C', reciprocal: false });
    // C recused from E itself: excluded, so among A and F (both reciprocal, equal loads) the smaller id.
    expect(reassign(first, 'B', 'E', six, 2, ['C'])).toMatchObject({ replacement: 'A', reciprocal: true });
  });

  it('puts restoring the balance of loads before avoiding a reciprocal pair', () => {
    const first = reassign(circle, 'C', 'E', six, 2).assignments; // loads: A2 B3 C1 D2 E2 F2
    // A is reviewed by E and F; A reviews B and C. E recuses: C (under quota, reciprocal) beats D (at quota, not).
    const r = reassign(first, 'E', 'A', six, 2);
    expect(r).toMatchObject({ replacement: 'C', reciprocal: true });
  });

  it('prefers the least-loaded unit among those at or above quota', () => {
    const list = fromPairs(['AB', 'CB', 'DC', 'DE', 'EC']);
    // B is reviewed by A and C; candidates D (2 reviews) and E (1), both at or above the quota of 1: E.
    expect(reassign(list, 'A', 'B', ['A', 'B', 'C', 'D', 'E'], 1)).toMatchObject({ replacement: 'E', reciprocal: false });
  });

  it('removes the review when no unit can take it', () => {
    const r = reassign(fromPairs(['AB', 'BA']), 'A', 'B', ['A', 'B'], 1);
    expect(r).toEqual({ assignments: fromPairs(['BA']), replacement: null, reciprocal: false });
    const all = generateAssignments(['A', 'B', 'C'], 2, 1);
    expect(reassign(all, 'A', 'B', ['A', 'B', 'C'], 2).replacement).toBeNull();
  });

  it('refuses a recusal that is not in the assignments, and duplicate units', () => {
    expect(() => reassign(circle, 'A', 'E', six, 2)).toThrow(RangeError);
    expect(() => reassign(circle, 'C', 'E', [...six, 'A'], 2)).toThrow(RangeError);
  });

  it('does not change its input', () => {
    const copy = structuredClone(circle);
    reassign(circle, 'C', 'E', six, 2);
    expect(circle).toEqual(copy);
  });
});

describe('reassign properties (n 2..30, k 1..5)', () => {
  const arb = fc
    .record({ n: fc.integer({ min: 2, max: 30 }), k: fc.integer({ min: 1, max: 5 }), seed: fc.integer() })
    .chain((p) => {
      const count = p.n * Math.min(p.k, p.n - 1);
      return fc.record({ p: fc.constant(p), pick: fc.integer({ min: 0, max: count - 1 }) });
    });

  it('keeps the hard constraints and the reviewee’s reviewer count', () => {
    fc.assert(
      fc.property(arb, ({ p: { n, k, seed }, pick }) => {
        const ids = units(n);
        const list = generateAssignments(ids, k, seed);
        const { reviewerId, revieweeId } = list[pick];
        const m = Math.min(k, n - 1);
        const r = reassign(list, reviewerId, revieweeId, ids, k);

        expect(pairs(r.assignments)).not.toContain(`${reviewerId}→${revieweeId}`);
        expect(r.assignments.some((a) => a.reviewerId === a.revieweeId)).toBe(false);
        expect(new Set(pairs(r.assignments)).size).toBe(r.assignments.length);
        if (m === n - 1) {
          // Everyone else already reviews the reviewee.
          expect(r.replacement).toBeNull();
          expect(r.assignments.length).toBe(list.length - 1);
          return;
        }
        expect(r.replacement).not.toBeNull();
        expect([reviewerId, revieweeId]).not.toContain(r.replacement);
        expect(countBy(r.assignments, 'revieweeId', ids)).toEqual(countBy(list, 'revieweeId', ids));
        const given = countBy(r.assignments, 'reviewerId', ids);
        expect(Math.max(...given) - Math.min(...given)).toBeLessThanOrEqual(2);
        expect(given[ids.indexOf(r.replacement!)]).toBe(m + 1);
        // Outside the two changed rows, nothing moved.
        const changed = new Set([`${reviewerId}→${revieweeId}`, `${r.replacement}→${revieweeId}`]);
        expect(pairs(r.assignments).filter((x) => !changed.has(x))).toEqual(pairs(list).filter((x) => !changed.has(x)));
        // With room for it (n ≥ 2m+2), the replacement never forms a reciprocal pair.
        const reciprocal = list.some((a) => a.reviewerId === revieweeId && a.revieweeId === r.replacement);
        expect(r.reciprocal).toBe(reciprocal);
        if (n >= 2 * m + 2) expect(reciprocal).toBe(false);
      }),
    );
  });
});
