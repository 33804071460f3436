import fc from 'fast-check';
import { targetOutcomes, targetScores } from './target-formula';
import type { TargetEntry } from './target-formula';

const scores = (entries: TargetEntry[], max: number) => Object.fromEntries(targetScores(entries, max));

describe('target formula (docs/domain.md §4 item 4)', () => {
  it('scores below, at, best above and other above target', () => {
    const entries: TargetEntry[] = [
      { unitId: 'below', target: 100, actual: 50 },
      { unitId: 'met', target: 100, actual: 100 },
      { unitId: 'best', target: 100, actual: 140 },
      { unitId: 'above', target: 40, actual: 70 },
      { unitId: 'zero', target: 80, actual: 0 },
    ];
    expect(scores(entries, 20)).toEqual({ below: 5, met: 10, best: 20, above: 17.5, zero: 0 });
    expect(Object.fromEntries([...targetOutcomes(entries, 20)].map(([id, o]) => [id, o.basis]))).toEqual({
      below: 'below_target',
      met: 'met_target',
      best: 'best_over_target',
      above: 'over_target',
      zero: 'below_target',
    });
  });

  it('picks the best by absolute margin A−T, not by relative margin', () => {
    // "big" exceeds by 40 (40%), "small" by 30 (75%): big is best.
    const entries: TargetEntry[] = [
      { unitId: 'big', target: 100, actual: 140 },
      { unitId: 'small', target: 40, actual: 70 },
    ];
    expect(scores(entries, 20)).toEqual({ big: 20, small: 17.5 });
  });

  it('gives every unit tied as best the full max', () => {
    const entries: TargetEntry[] = [
      { unitId: 'a', target: 100, actual: 120 },
      { unitId: 'b', target: 50, actual: 70 },
      { unitId: 'c', target: 10, actual: 20 },
    ];
    expect(scores(entries, 10)).toEqual({ a: 10, b: 10, c: 7.5 });
  });

  it('does not let float noise split a tie for best', () => {
    // 0.3 − 0.1 = 0.19999999999999998 and 0.4 − 0.2 = 0.2
    const entries: TargetEntry[] = [
      { unitId: 'a', target: 0.1, actual: 0.3 },
      { unitId: 'b', target: 0.2, actual: 0.4 },
    ];
    expect(scores(entries, 10)).toEqual({ a: 10, b: 10 });
    expect([...targetOutcomes(entries, 10).values()].map((o) => o.basis)).toEqual(['best_over_target', 'best_over_target']);
  });

  it('gives a lone unit above its target the full max, and one exactly on target half', () => {
    expect(scores([{ unitId: 'a', target: 10, actual: 10.5 }], 8)).toEqual({ a: 8 });
    expect(scores([{ unitId: 'a', target: 10, actual: 10 }], 8)).toEqual({ a: 4 });
  });

  it('scores A = 0 with a target as 0', () => {
    expect(scores([{ unitId: 'a', target: 5, actual: 0 }, { unitId: 'b', target: 5, actual: 5 }], 10)).toEqual({ a: 0, b: 5 });
  });

  it('scores units without a target against the best of them, never against the others for best', () => {
    const entries: TargetEntry[] = [
      { unitId: 'best', target: 100, actual: 140 },
      { unitId: 'above', target: 40, actual: 70 },
      { unitId: 'n1', target: null, actual: 30 },
      { unitId: 'n2', target: null, actual: 60 },
      { unitId: 'n3', target: null, actual: 90 },
    ];
    expect(scores(entries, 20)).toEqual({ best: 20, above: 17.5, n1: 6.67, n2: 13.33, n3: 20 });
    expect(targetOutcomes(entries, 20).get('n1')).toEqual({ score: 6.67, basis: 'no_target', reference: 90 });
    // The figure a unit over its target is measured against: the best margin (140 − 100 = 40).
    expect(targetOutcomes(entries, 20).get('above')).toEqual({ score: 17.5, basis: 'over_target', reference: 40 });
    expect(targetOutcomes(entries, 20).get('best')).toEqual({ score: 20, basis: 'best_over_target', reference: null });
  });

  it('treats a target of 0 as no target, so it cannot win "best" with its whole actual', () => {
    const entries: TargetEntry[] = [
      { unitId: 'best', target: 100, actual: 140 },
      { unitId: 'above', target: 40, actual: 70 },
      { unitId: 'zeroTarget', target: 0, actual: 90 },
      { unitId: 'none', target: null, actual: 45 },
    ];
    expect(scores(entries, 20)).toEqual({ best: 20, above: 17.5, zeroTarget: 20, none: 10 });
    expect(targetOutcomes(entries, 20).get('zeroTarget')?.basis).toBe('no_target');
    expect(scores([{ unitId: 'a', target: 0, actual: 0 }], 10)).toEqual({ a: 0 });
  });

  it('scores a block where no unit has a target', () => {
    const entries: TargetEntry[] = [
      { unitId: 'a', target: null, actual: 10 },
      { unitId: 'b', target: null, actual: 40 },
      { unitId: 'c', target: null, actual: 25 },
    ];
    expect(scores(entries, 10)).toEqual({ a: 2.5, b: 10, c: 6.25 });
  });

  it("scores 0 everywhere when everyone's actual is 0", () => {
    expect(
      scores(
        [
          { unitId: 'a', target: 10, actual: 0 },
          { unitId: 'b', target: null, actual: 0 },
          { unitId: 'c', target: null, actual: 0 },
        ],
        10,
      ),
    ).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('rounds once, half away from zero at 2 decimals', () => {
    expect(scores([{ unitId: 'a', target: 3, actual: 1 }], 10)).toEqual({ a: 1.67 });
    expect(scores([{ unitId: 'a', target: 3, actual: 2 }], 10)).toEqual({ a: 3.33 });
    expect(scores([{ unitId: 'a', target: 4, actual: 1 }], 1)).toEqual({ a: 0.13 });
    expect(scores([{ unitId: 'a', target: 8, actual: 1 }], 1)).toEqual({ a: 0.06 });
  });

  it('returns nothing for no units', () => {
    expect(targetScores([], 10).size).toBe(0);
  });

  it('refuses bad input', () => {
    expect(() => targetScores([{ unitId: 'a', target: 1, actual: 1 }], 0)).toThrow(RangeError);
    expect(() => targetScores([{ unitId: 'a', target: 1, actual: -1 }], 10)).toThrow(RangeError);
    expect(() => targetScores([{ unitId: 'a', target: -1, actual: 1 }], 10)).toThrow(RangeError);
    expect(() => targetScores([{ unitId: 'a', target: NaN, actual: 1 }], 10)).toThrow(RangeError);
    expect(() =>
      targetScores(
        [
          { unitId: 'a', target: 1, actual: 1 },
          { unitId: 'a', target: 2, actual: 1 },
        ],
        10,
      ),
    ).toThrow(RangeError);
  });
});

describe('target formula properties', () => {
  const entryArb = fc.record({
    target: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    actual: fc.integer({ min: 0, max: 2000 }),
  });
  const blockArb = fc.array(entryArb, { minLength: 1, maxLength: 25 }).map((list) => list.map((e, i): TargetEntry => ({ unitId: `u${i}`, ...e })));
  const maxArb = fc.constantFrom(1, 5, 10, 20, 100, 12.5);

  it('keeps every score within 0..M and on the branch the domain gives', () => {
    fc.assert(
      fc.property(blockArb, maxArb, (entries, max) => {
        const out = targetOutcomes(entries, max);
        for (const e of entries) {
          const { score, basis } = out.get(e.unitId)!;
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(max);
          if (e.target === null || e.target === 0) expect(basis).toBe('no_target');
          else if (e.actual < e.target) expect(score).toBeLessThanOrEqual(max / 2);
          else if (e.actual === e.target) expect(score).toBe(max / 2);
          else expect(score).toBeGreaterThanOrEqual(max / 2);
        }
      }),
    );
  });

  it('gives M to every unit with the largest margin over target', () => {
    fc.assert(
      fc.property(blockArb, maxArb, (entries, max) => {
        const withTarget = entries.filter((e) => e.target !== null && e.target > 0);
        const margins = withTarget.map((e) => e.actual - e.target!);
        const best = Math.max(0, ...margins);
        const out = targetScores(entries, max);
        for (const e of withTarget) {
          const margin = e.actual - e.target!;
          if (best > 0 && margin === best) expect(out.get(e.unitId)).toBe(max);
        }
      }),
    );
  });

  it('never depends on the order of the units', () => {
    const withShuffle = blockArb.chain((entries) =>
      fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })),
    );
    fc.assert(
      fc.property(withShuffle, maxArb, ([entries, shuffled], max) => {
        expect(targetScores(shuffled, max)).toEqual(targetScores(entries, max));
      }),
    );
  });

  it('scores units without a target independently of units with one', () => {
    fc.assert(
      fc.property(blockArb, maxArb, (entries, max) => {
        const without = entries.filter((e) => e.target === null || e.target === 0);
        const all = targetScores(entries, max);
        const alone = targetScores(without, max);
        for (const e of without) expect(all.get(e.unitId)).toBe(alone.get(e.unitId));
      }),
    );
  });

  it('never gives a higher actual a lower score for the same target', () => {
    fc.assert(
      fc.property(blockArb, maxArb, fc.integer({ min: 1, max: 500 }), (entries, max, t) => {
        const same = entries.map((e) => ({ ...e, target: t }));
        const out = targetScores(same, max);
        const sorted = [...same].sort((a, b) => a.actual - b.actual);
        for (let i = 1; i < sorted.length; i++) {
          expect(out.get(sorted[i].unitId)!).toBeGreaterThanOrEqual(out.get(sorted[i - 1].unitId)!);
        }
      }),
    );
  });
});
