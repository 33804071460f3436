import fc from 'fast-check';
import { THROTTLE_LIMITS, THROTTLE_MAX_DELAY_MS, throttleDelayMs, throttleKeys, type ThrottleKind } from './throttle-rule';

describe('wrong-password throttle rule', () => {
  it('is free within the allowance, then doubles from the base up to the cap', () => {
    expect([4, 5, 6, 7].map((n) => throttleDelayMs(n, 'account_address', 1000))).toEqual([0, 1000, 2000, 4000]);
    expect(throttleDelayMs(20, 'address', 1000)).toBe(0);
    expect(throttleDelayMs(21, 'address', 1000)).toBe(1000);
    expect(throttleDelayMs(1000, 'account', 1000)).toBe(THROTTLE_MAX_DELAY_MS);
  });

  it('never shrinks as failures grow, never exceeds the cap', () => {
    const kinds = Object.keys(THROTTLE_LIMITS) as ThrottleKind[];
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 60_000 }), (kind, n, base) => {
      const a = throttleDelayMs(n, kind, base);
      const b = throttleDelayMs(n + 1, kind, base);
      return a <= b && b <= THROTTLE_MAX_DELAY_MS && Number.isFinite(b);
    }));
  });

  it('keys on the e-mail as typed (trimmed, lower-case), existing or not, and the address', () => {
    expect(throttleKeys(' Admin@ThiDua.vn ', '10.0.0.1').map((k) => k.key)).toEqual(['aa:admin@thidua.vn|10.0.0.1', 'ad:10.0.0.1', 'ac:admin@thidua.vn']);
  });
});
