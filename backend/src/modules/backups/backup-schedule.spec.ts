import fc from 'fast-check';
import { backupSlot } from './backup-schedule';

describe('backupSlot', () => {
  it('daily at 02:00 Vietnam time (19:00 UTC): the slot now lies in, due at its start', () => {
    const s = backupSlot(new Date('2026-12-07T06:00:00Z'), 24);
    expect(s.runAt.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    expect(backupSlot(new Date('2026-12-07T18:59:59Z'), 24).key).toBe(s.key);
    expect(backupSlot(new Date('2026-12-07T19:00:00Z'), 24).runAt.toISOString()).toBe('2026-12-07T19:00:00.000Z');
  });

  it('every slot starts at or before now, less than a period before, and one key per slot', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2024-01-02'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 168 }), (now, h) => {
      const s = backupSlot(now, h);
      expect(s.runAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - s.runAt.getTime()).toBeLessThan(h * 3_600_000);
      expect(backupSlot(s.runAt, h).key).toBe(s.key);
      expect(backupSlot(new Date(s.runAt.getTime() - 1), h).key).not.toBe(s.key);
    }));
  });
});
