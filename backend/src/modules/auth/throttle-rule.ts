/**
 * The rule for wrong passwords (signing in, changing the password, re-entering it to sign a covenant):
 * no lock anyone can trigger, only growing delays, counted per key. Pure: imports nothing.
 *
 * Keys: the (account, client address) pair is the tight one, so a guesser slows themselves down without
 * touching the real user at another address; the address alone catches one machine trying many accounts;
 * the account alone has a much higher allowance and only slows a guess spread over many addresses.
 * Missing accounts are counted exactly like existing ones (the key is the e-mail as typed), so the answers
 * never tell which accounts exist.
 */
export type ThrottleKind = 'account_address' | 'address' | 'account';

export interface ThrottleLimit {
  /** Failures allowed before any delay. */
  free: number;
}

export const THROTTLE_LIMITS: Record<ThrottleKind, ThrottleLimit> = {
  account_address: { free: 4 },
  address: { free: 20 },
  account: { free: 50 },
};

/** Failures older than this are forgotten (the count starts again). */
export const THROTTLE_WINDOW_MS = 60 * 60_000;
/** The longest single wait. */
export const THROTTLE_MAX_DELAY_MS = 15 * 60_000;

/** Wait after the `failures`-th failure: 0 within the allowance, then base, 2·base, 4·base, … up to the cap. */
export function throttleDelayMs(failures: number, kind: ThrottleKind, baseMs: number): number {
  const over = failures - THROTTLE_LIMITS[kind].free;
  if (over <= 0) return 0;
  return Math.min(THROTTLE_MAX_DELAY_MS, baseMs * 2 ** Math.min(over - 1, 30));
}

export function throttleKeys(email: string, address: string): { key: string; kind: ThrottleKind }[] {
  const account = email.trim().toLowerCase();
  return [
    { key: `aa:${account}|${address}`, kind: 'account_address' },
    { key: `ad:${address}`, kind: 'address' },
    { key: `ac:${account}`, kind: 'account' },
  ];
}
