/**
 * Pure: when scheduled backups fall. Slots of `everyHours` hours counted from 02:00 Vietnam time (19:00
 * UTC), a quiet hour for a block's office; the slot `now` lies in is due at its start. Its key makes the
 * job unique, so every process may schedule it and it still runs once.
 */
const ANCHOR_MS = Date.UTC(2024, 0, 1, 19, 0, 0);

export function backupSlot(now: Date, everyHours: number): { key: string; runAt: Date } {
  const period = everyHours * 3_600_000;
  const index = Math.floor((now.getTime() - ANCHOR_MS) / period);
  const runAt = new Date(ANCHOR_MS + index * period);
  return { key: `backup:${everyHours}h:${runAt.toISOString()}`, runAt };
}
