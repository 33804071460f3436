/** The daily digest's calendar, pure: it goes out at 07:00 Vietnam time and covers the 24 hours before. */
export const DIGEST_HOUR = 7;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam date (yyyy-mm-dd) of `at`. */
export const vietnamDay = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The digest due at `now`, if the day's send time has come: its day and its cut-off instant. */
export function digestDue(now: Date): { day: string; cutoff: Date } | null {
  const day = vietnamDay(now);
  const cutoff = new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS + DIGEST_HOUR * 3_600_000);
  return now >= cutoff ? { day, cutoff } : null;
}

/** dd/mm/yyyy */
export const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
