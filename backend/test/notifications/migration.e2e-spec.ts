import { NotificationsJobsMail1765000000000 } from '../../src/database/migrations/1765000000000-notifications-jobs-mail';
import { createTestApp, TestApp } from '../app';

/** The migration that moved notifications onto persons goes down (one row per unit again) and up again. */
describe('migration 1765000000000 (notifications to persons, jobs, mail)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it('folds person notifications back to units and spreads them out again, keeping read state', async () => {
    const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE round_id IS NOT NULL`))[0].n as number;
    const perPerson = await count();
    expect(perPerson).toBeGreaterThan(0);
    const m = new NotificationsJobsMail1765000000000();
    const q = t.ds.createQueryRunner();
    try {
      await q.startTransaction();
      await m.down(q);
      const cols = (await q.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications'`)).map((c: { column_name: string }) => c.column_name);
      expect(cols).toContain('read_by');
      expect(cols).not.toContain('account_id');
      expect((await q.query(`SELECT to_regclass('jobs') AS j, to_regclass('mail_outbox') AS m`))[0]).toEqual({ j: null, m: null });
      const [{ n: perUnit, dup }] = await q.query(`SELECT count(*)::int AS n, count(*) - count(DISTINCT (unit_id, round_id, kind, title, created_at)) AS dup FROM notifications WHERE round_id IS NOT NULL`);
      expect(Number(dup)).toBe(0);
      expect(perUnit).toBeLessThan(perPerson);
      await m.up(q);
      const [{ n: again }] = await q.query(`SELECT count(*)::int AS n FROM notifications WHERE round_id IS NOT NULL`);
      expect(again).toBeGreaterThanOrEqual(perUnit);
      expect((await q.query(`SELECT count(*)::int AS n FROM notifications WHERE account_id IS NULL`))[0].n).toBe(0);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  });
});
