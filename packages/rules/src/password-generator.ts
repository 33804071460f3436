/**
 * Passwords the system makes up (a new account's first password, an import's initial passwords): letters
 * and digits without look-alikes (0/O, 1/l/I), at least one of each; `length` ≥ 10 passes the password policy.
 * Uses the Web Crypto random source, present in browsers and in Node alike.
 */
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LETTERS + DIGITS;

/** A uniform integer in 0..n-1 (rejection sampling: no modulo bias). */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  do globalThis.crypto.getRandomValues(buf);
  while (buf[0] >= limit);
  return buf[0] % n;
}

export function generatePassword(length = 14): string {
  const chars = [LETTERS[randomBelow(LETTERS.length)], DIGITS[randomBelow(DIGITS.length)], ...Array.from({ length: length - 2 }, () => ALL[randomBelow(ALL.length)])];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
