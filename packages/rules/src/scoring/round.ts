/**
 * Number helpers shared by the scoring rules. Scores are kept at 2 decimals (hundredths of a point).
 * Pure: no NestJS or TypeORM here.
 */

/**
 * Rounds to 2 decimals, half away from zero, without binary float drift:
 * round2(1.005) = 1.01, round2(-1.005) = -1.01, round2(0.1 + 0.2) = 0.3.
 * The value is first cleaned to 15 significant digits (drops drift such as 1.0049999999999999),
 * then shifted by 2 decimal places in its decimal text, so no multiplication error creeps in.
 */
export function round2(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`round2: not a finite number: ${value}`);
  // Fast path (the common case, and exact): a value that already is the double nearest to a whole number of
  // hundredths is its own rounding. The text route below would give the same answer, some 50 times slower.
  const hundredthsFast = Math.round(value * 100);
  if (hundredthsFast / 100 === value && Math.abs(hundredthsFast) < 1e13) return value === 0 ? 0 : value;
  const clean = Number(Math.abs(value).toPrecision(15));
  const [mantissa, exponent] = clean.toExponential().split('e');
  const hundredths = Math.round(Number(`${mantissa}e${Number(exponent) + 2}`));
  const rounded = Number(`${hundredths}e-2`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** True when a number has at most 2 decimals (a maximum, a score or points as the scheme takes them). */
export function atMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && round2(value) === value;
}

/** True when two scores are equal at 2 decimals (so 0.1 + 0.2 equals 0.3). */
export function sameScore(a: number, b: number): boolean {
  return round2(a) === round2(b);
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A number as Vietnamese officials write it: 1.000 and 2,5 (for messages only, never for storage). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? VI_NUMBER.format(round2(value)) : String(value);
}
