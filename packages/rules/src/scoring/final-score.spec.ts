import fc from 'fast-check';
import { defaultRuleSet } from '../rule-set';
import { divergence, finalScore, median, needsReason } from './final-score';

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[9, 1, 5], 5],
    [[4, 8], 6],
    [[10, 2, 7, 3], 5],
    [[7.25, 7.5], 7.38],
    [[0.1, 0.2], 0.15],
  ])('of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses non-finite values', () => {
    expect(() => median([1, NaN])).toThrow(RangeError);
  });
});

describe('finalScore', () => {
  it('defaults to the rule set default rule', () => {
    expect(defaultRuleSet().finalScoreRule).toBe('leader_appraisal');
    expect(finalScore({ self: 8, peers: [5], leader: 6 })).toEqual({ score: 6, source: 'leader' });
  });

  describe('leader_appraisal', () => {
    it("takes the leader's appraisal, ignoring peers", () => {
      expect(finalScore({ self: 8, peers: [2, 3, 4], leader: 7 }, 'leader_appraisal')).toEqual({ score: 7, source: 'leader' });
      expect(finalScore({ self: 8, peers: [], leader: 0 }, 'leader_appraisal')).toEqual({ score: 0, source: 'leader' });
    });
    it('falls back to the self score', () => {
      expect(finalScore({ self: 8, peers: [2, 3], leader: null }, 'leader_appraisal')).toEqual({ score: 8, source: 'self' });
    });
    it('gives null with no source at all', () => {
      expect(finalScore({ self: null, peers: [4], leader: null }, 'leader_appraisal')).toEqual({ score: null, source: null });
    });
  });

  describe('peer_median', () => {
    it('takes the median of peer scores', () => {
      expect(finalScore({ self: 10, peers: [6, 9, 7], leader: 5 }, 'peer_median')).toEqual({ score: 7, source: 'peer_median' });
      expect(finalScore({ self: 10, peers: [6, 9], leader: 5 }, 'peer_median')).toEqual({ score: 7.5, source: 'peer_median' });
    });
    it('falls back to the leader, then to self', () => {
      expect(finalScore({ self: 10, peers: [], leader: 5 }, 'peer_median')).toEqual({ score: 5, source: 'leader' });
      expect(finalScore({ self: 10, peers: [], leader: null }, 'peer_median')).toEqual({ score: 10, source: 'self' });
      expect(finalScore({ self: null, peers: [], leader: null }, 'peer_median')).toEqual({ score: null, source: null });
    });
  });

  it('lets an explicit final score win under both rules', () => {
    const sources = { self: 10, peers: [6, 9, 7], leader: 5, final: 8 };
    expect(finalScore(sources, 'leader_appraisal')).toEqual({ score: 8, source: 'final' });
    expect(finalScore(sources, 'peer_median')).toEqual({ score: 8, source: 'final' });
    expect(finalScore({ ...sources, final: 0 }, 'peer_median')).toEqual({ score: 0, source: 'final' });
    expect(finalScore({ ...sources, final: null }, 'leader_appraisal')).toEqual({ score: 5, source: 'leader' });
  });
});

describe('divergence', () => {
  it('is true only beyond percent% of max', () => {
    expect(divergence(7, 5, 10, 20)).toBe(false); // gap 2 = 20% of 10
    expect(divergence(7.01, 5, 10, 20)).toBe(true);
    expect(divergence(3, 5, 10, 20)).toBe(false);
    expect(divergence(2.99, 5, 10, 20)).toBe(true);
    expect(divergence(5, 5, 10, 0)).toBe(false);
    expect(divergence(5.01, 5, 10, 0)).toBe(true);
  });

  it('is not fooled by float drift at the boundary', () => {
    // 0.3 − 0.1 = 0.19999999999999998; 20% of 1 = 0.2
    expect(divergence(0.3, 0.1, 1, 20)).toBe(false);
    expect(divergence(0.1, 0.3, 1, 20)).toBe(false);
    // 1.1 − 0.9 = 0.20000000000000007
    expect(divergence(1.1, 0.9, 1, 20)).toBe(false);
    // 15% of 7 = 1.05 (1.0500000000000000444 in binary)
    expect(divergence(6.05, 5, 7, 15)).toBe(false);
    expect(divergence(6.06, 5, 7, 15)).toBe(true);
  });

  it('is false when either score is missing', () => {
    expect(divergence(null, 5, 10, 20)).toBe(false);
    expect(divergence(0, null, 10, 20)).toBe(false);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 100 }), (a, b, max, pct) => {
        expect(divergence(a / 100, b / 100, max, pct)).toBe(divergence(b / 100, a / 100, max, pct));
      }),
    );
  });
});

describe('needsReason', () => {
  it('asks for a reason when a score differs from the self score', () => {
    expect(needsReason(7, 8)).toBe(true);
    expect(needsReason(9, 8)).toBe(true);
    expect(needsReason(0, 8)).toBe(true);
    expect(needsReason(8, 8)).toBe(false);
    expect(needsReason(0.1 + 0.2, 0.3)).toBe(false);
  });

  it('asks for a reason when the unit gave no self score, but not when nothing was scored', () => {
    expect(needsReason(5, null)).toBe(true);
    expect(needsReason(null, 5)).toBe(false);
    expect(needsReason(null, null)).toBe(false);
  });
});
