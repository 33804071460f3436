import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs } from './backoff';

describe('backoffMs', () => {
  it('starts at the base, doubles, and stops at the cap', () => {
    expect(backoffMs(1)).toBe(BACKOFF_BASE_MS);
    expect(backoffMs(2)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffMs(3)).toBe(4 * BACKOFF_BASE_MS);
    expect(backoffMs(50)).toBe(BACKOFF_CAP_MS);
  });

  it('never shrinks with more attempts and stays within 10% jitter of the cap', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, j) => {
      expect(backoffMs(n + 1)).toBeGreaterThanOrEqual(backoffMs(n));
      expect(backoffMs(n, j)).toBeLessThanOrEqual(BACKOFF_CAP_MS * 1.1);
      expect(backoffMs(n, j)).toBeGreaterThanOrEqual(backoffMs(n));
    }));
  });
});
