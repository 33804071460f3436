import fc from 'fast-check';
import { TIE_BREAKS } from '../rule-set';
import { DEFAULT_TIE_BREAKS, rankUnits } from './ranking';
import type { RankInput, TieBreak } from './ranking';

const day = (d: number): Date => new Date(Date.UTC(2024, 11, d, 8, 0, 0));
const row = (unitId: string, total: number, extra: Partial<RankInput> = {}): RankInput => ({
  unitId,
  total,
  firstGroupScore: 30,
  deductions: 0,
  submittedAt: day(10),
  ...extra,
});
const summary = (rows: RankInput[], chain?: TieBreak[]) =>
  rankUnits(rows, chain).map((r) => [r.unitId, r.rank, r.sharedRank, r.tiedWith, r.decidedBy]);

describe('rankUnits', () => {
  it('defaults to the rule set default chain', () => {
    expect(DEFAULT_TIE_BREAKS).toEqual(TIE_BREAKS);
  });

  it('ranks by total, highest first', () => {
    expect(summary([row('a', 80), row('b', 95.5), row('c', 90)])).toEqual([
      ['b', 1, false, [], null],
      ['c', 2, false, [], 'total'],
      ['a', 3, false, [], 'total'],
    ]);
  });

  it('keeps the input fields on each row', () => {
    const input = row('a', 80, { deductions: 2, firstGroupScore: 28 });
    expect(rankUnits([input])).toEqual([{ ...input, rank: 1, sharedRank: false, tiedWith: [], decidedBy: null }]);
  });

  it('breaks a tie on total by the higher first-group score', () => {
    expect(summary([row('a', 90, { firstGroupScore: 35 }), row('b', 90, { firstGroupScore: 38 })])).toEqual([
      ['b', 1, false, [], null],
      ['a', 2, false, [], 'first_group_score'],
    ]);
  });

  it('then by fewer deductions', () => {
    expect(summary([row('a', 90, { deductions: 3 }), row('b', 90, { deductions: 1 })])).toEqual([
      ['b', 1, false, [], null],
      ['a', 2, false, [], 'fewer_deductions'],
    ]);
  });

  it('then by earlier submission, a missing submission last', () => {
    expect(summary([row('late', 90, { submittedAt: day(12) }), row('never', 90, { submittedAt: null }), row('early', 90, { submittedAt: day(9) })])).toEqual([
      ['early', 1, false, [], null],
      ['late', 2, false, [], 'earlier_submission'],
      ['never', 3, false, [], 'earlier_submission'],
    ]);
  });

  it('shares a rank when still tied and skips the next (1, 1, 3)', () => {
    expect(summary([row('c', 80), row('b', 90), row('a', 90)])).toEqual([
      ['a', 1, true, ['b'], null],
      ['b', 1, true, ['a'], null],
      ['c', 3, false, [], 'total'],
    ]);
    expect(summary([row('a', 100), row('d', 90), row('c', 90), row('b', 90), row('e', 70)])).toEqual([
      ['a', 1, false, [], null],
      ['b', 2, true, ['c', 'd'], 'total'],
      ['c', 2, true, ['b', 'd'], null],
      ['d', 2, true, ['b', 'c'], null],
      ['e', 5, false, [], 'total'],
    ]);
  });

  it('treats two missing submission times as equal', () => {
    expect(summary([row('b', 90, { submittedAt: null }), row('a', 90, { submittedAt: null })])).toEqual([
      ['a', 1, true, ['b'], null],
      ['b', 1, true, ['a'], null],
    ]);
  });

  it('follows a configured chain, in its order', () => {
    const rows = [row('a', 90, { firstGroupScore: 38, submittedAt: day(12) }), row('b', 90, { firstGroupScore: 35, submittedAt: day(9) })];
    expect(summary(rows, ['first_group_score', 'earlier_submission']).map((r) => r[0])).toEqual(['a', 'b']);
    expect(summary(rows, ['earlier_submission', 'first_group_score'])).toEqual([
      ['b', 1, false, [], null],
      ['a', 2, false, [], 'earlier_submission'],
    ]);
    expect(summary(rows, ['fewer_deductions'])).toEqual([
      ['a', 1, true, ['b'], null],
      ['b', 1, true, ['a'], null],
    ]);
    expect(summary(rows, [])).toEqual([
      ['a', 1, true, ['b'], null],
      ['b', 1, true, ['a'], null],
    ]);
  });

  it('never lets a tie-break override a higher total', () => {
    expect(summary([row('a', 90.01, { firstGroupScore: 0, deductions: 9, submittedAt: null }), row('b', 90, { firstGroupScore: 40 })]).map((r) => r[0])).toEqual(['a', 'b']);
  });

  it('compares at 2 decimals, so float drift neither splits nor creates a tie', () => {
    expect(summary([row('a', 0.1 + 0.2), row('b', 0.3)])).toEqual([
      ['a', 1, true, ['b'], null],
      ['b', 1, true, ['a'], null],
    ]);
    expect(summary([row('a', 0.3), row('b', 0.31)]).map((r) => [r[0], r[1]])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('ranks negative totals (deductions above the score) below positive ones', () => {
    expect(summary([row('a', -2), row('b', 0)]).map((r) => [r[0], r[1]])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('returns nothing for no units', () => {
    expect(rankUnits([])).toEqual([]);
  });

  it('refuses duplicate units, non-finite numbers and invalid dates', () => {
    expect(() => rankUnits([row('a', 1), row('a', 2)])).toThrow(RangeError);
    expect(() => rankUnits([row('a', NaN)])).toThrow(RangeError);
    expect(() => rankUnits([row('a', 1, { deductions: Infinity })])).toThrow(RangeError);
    expect(() => rankUnits([row('a', 1, { submittedAt: new Date('not a date') })])).toThrow(RangeError);
  });
});

describe('rankUnits properties', () => {
  const dates = [day(1), day(2), day(3)];
  const rowsArb = fc
    .array(
      fc.record({
        total: fc.constantFrom(70, 85.5, 90, 90.25),
        firstGroupScore: fc.constantFrom(30, 35),
        deductions: fc.constantFrom(0, 2),
        submittedAt: fc.option(fc.constantFrom(...dates), { nil: null }),
      }),
      { maxLength: 30 },
    )
    .map((list) => list.map((r, i): RankInput => ({ unitId: `u${String(i).padStart(2, '0')}`, ...r })));
  const chainArb = fc.shuffledSubarray([...TIE_BREAKS]);
  const withShuffle = rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));

  /** Reference: rank = 1 + number of rows strictly better on (total, chain...). */
  const keyOf = (r: RankInput, chain: TieBreak[]): number[] => [
    -r.total,
    ...chain.map((k) => (k === 'first_group_score' ? -r.firstGroupScore : k === 'fewer_deductions' ? r.deductions : (r.submittedAt?.getTime() ?? Infinity))),
  ];
  const lexLess = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  };

  it('never changes when the input is shuffled', () => {
    fc.assert(
      fc.property(withShuffle, chainArb, ([rows, shuffled], chain) => {
        expect(rankUnits(shuffled, chain)).toEqual(rankUnits(rows, chain));
      }),
    );
  });

  it('gives each unit 1 + the number of units strictly ahead of it, sharing ranks exactly when tied', () => {
    fc.assert(
      fc.property(rowsArb, chainArb, (rows, chain) => {
        const ranked = rankUnits(rows, chain);
        expect(ranked.map((r) => r.unitId).sort()).toEqual(rows.map((r) => r.unitId).sort());
        for (const r of ranked) {
          const ahead = rows.filter((o) => lexLess(keyOf(o, chain), keyOf(r, chain))).length;
          expect(r.rank).toBe(ahead + 1);
          const tied = rows.filter((o) => o.unitId !== r.unitId && !lexLess(keyOf(o, chain), keyOf(r, chain)) && !lexLess(keyOf(r, chain), keyOf(o, chain)));
          expect(r.tiedWith).toEqual(tied.map((o) => o.unitId).sort());
          expect(r.sharedRank).toBe(tied.length > 0);
        }
        for (let i = 1; i < ranked.length; i++) expect(ranked[i].rank).toBeGreaterThanOrEqual(ranked[i - 1].rank);
        if (ranked.length > 0) expect(ranked[0].rank).toBe(1);
      }),
    );
  });
});
