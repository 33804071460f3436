import fc from 'fast-check';
import { LEAF_TYPES, type LeafType } from './scheme';
import { lowersScore } from './lowered';

describe('lowersScore', () => {
  it.each<[LeafType, number, number, boolean]>([
    ['points', 13.5, 14.5, true],
    ['points', 14.5, 14.5, false],
    ['points', 15, 14.5, false],
    ['pass_fail', 0, 5, true],
    ['per_occurrence', 2, 3, true],
    ['target', 98, 99.5, true],
    ['bonus', 5, 10, true],
    ['bonus', 10, 5, false],
    ['deduction', 4, 2, true],
    ['deduction', 2, 4, false],
    ['deduction', 2, 2, false],
    ['deduction', 2, 0, true],
  ])('%s: reviewed %p against self %p lowers: %p', (type, reviewed, self, expected) => {
    expect(lowersScore(type, reviewed, self)).toBe(expected);
  });

  // Scores as stored: at most 2 decimals.
  const value = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
  const leaf = fc.constantFrom(...LEAF_TYPES);

  it('never calls an equal score lowered', () => {
    fc.assert(fc.property(leaf, value, (type, v) => !lowersScore(type, v, v)));
  });

  it('of two different scores, exactly one direction lowers', () => {
    fc.assert(fc.property(leaf, value, value, (type, a, b) => {
      fc.pre(a !== b);
      return lowersScore(type, a, b) !== lowersScore(type, b, a);
    }));
  });

  it('lowers exactly when the unit keeps fewer points: a deduction subtracts its score, every other type adds it', () => {
    fc.assert(fc.property(leaf, value, value, value, (type, base, reviewed, self) => {
      const sign = type === 'deduction' ? -1 : 1;
      return lowersScore(type, reviewed, self) === base + sign * reviewed < base + sign * self;
    }));
  });
});
