/**
 * Exponential back-off for a retried job or mail, pure: 30 s after the first failure, doubling, capped at
 * one hour, with up to 10% jitter taken from `jitter` in [0, 1) so several processes do not retry in step.
 */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 3_600_000;

export function backoffMs(attempts: number, jitter = 0): number {
  const n = Math.max(1, Math.floor(attempts));
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 20));
  return Math.round(base * (1 + 0.1 * Math.min(Math.max(jitter, 0), 0.999)));
}
