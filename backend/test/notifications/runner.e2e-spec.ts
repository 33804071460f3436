import { createTestApp, TestApp } from '../app';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { Clock } from '../../src/modules/jobs/clock';
import { scheduleJobs } from '../../src/modules/jobs/jobs-data';
import { BACKOFF_BASE_MS } from '../../src/modules/jobs/backoff';
import { secondInstance } from './helpers';

/** The job runner itself: a failed job's effect is rolled back and retried after a back-off; a job is done once. */
describe('job runner', () => {
  let t: TestApp;
  let runner: JobRunner;
  let clock: Clock;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
    runner = t.app.get(JobRunner);
    clock = t.app.get(Clock);
    await t.ds.query(`CREATE TABLE test_effects (job text, n int)`);
  }, 120_000);
  afterAll(() => t.close());

  it('rolls back a failed attempt, retries after the back-off, and applies the effect once', async () => {
    let failures = 2;
    runner.register('test.flaky', async (em, p: { tag: string }) => {
      await em.query(`INSERT INTO test_effects VALUES ($1, 1)`, [p.tag]);
      if (failures-- > 0) throw new Error('SMTP tạm thời không kết nối được');
    });
    const now = new Date(Date.now() + 60_000);
    clock.set(now);
    await t.ds.transaction((em) => scheduleJobs(em, [{ kind: 'test.flaky', payload: { tag: 'a' }, runAt: now, dedupeKey: 'test:a' }]));
    // The same key again is one job.
    expect(await t.ds.transaction((em) => scheduleJobs(em, [{ kind: 'test.flaky', payload: { tag: 'a' }, runAt: now, dedupeKey: 'test:a' }]))).toBe(0);
    expect(await runner.tick()).toMatchObject({ failed: 1 });
    let [job] = await t.ds.query(`SELECT attempts, last_error, run_at, done_at FROM jobs WHERE dedupe_key = 'test:a'`);
    expect(job).toMatchObject({ attempts: 1, last_error: 'SMTP tạm thời không kết nối được', done_at: null });
    expect(new Date(job.run_at).getTime() - now.getTime()).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM test_effects`))[0].n).toBe(0);
    // Not before the back-off.
    clock.set(new Date(now.getTime() + BACKOFF_BASE_MS - 1000));
    expect(await runner.tick()).toMatchObject({ failed: 0 });
    expect((await t.ds.query(`SELECT attempts FROM jobs WHERE dedupe_key = 'test:a'`))[0].attempts).toBe(1);
    clock.set(new Date(now.getTime() + 10 * 60_000));
    expect(await runner.tick()).toMatchObject({ failed: 1 });
    [job] = await t.ds.query(`SELECT attempts, run_at FROM jobs WHERE dedupe_key = 'test:a'`);
    expect(new Date(job.run_at).getTime() - (now.getTime() + 10 * 60_000)).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS);
    clock.set(new Date(now.getTime() + 3_600_000));
    expect(await runner.tick()).toMatchObject({ failed: 0 });
    [job] = await t.ds.query(`SELECT attempts, done_at FROM jobs WHERE dedupe_key = 'test:a'`);
    expect(job.attempts).toBe(3);
    expect(job.done_at).not.toBeNull();
    expect(await t.ds.query(`SELECT job, n FROM test_effects`)).toEqual([{ job: 'a', n: 1 }]);
  });

  it('runs each of many jobs once with two processes claiming at the same time', async () => {
    const b = await secondInstance(t);
    try {
      for (const app of [t.app, b]) {
        app.get(JobRunner).register('test.count', async (em, p: { i: number }) => {
          await em.query(`INSERT INTO test_effects VALUES ('count', $1)`, [p.i]);
        });
      }
      const now = new Date(Date.now() + 60_000);
      clock.set(now);
      b.get(Clock).set(now);
      await t.ds.transaction((em) => scheduleJobs(em, Array.from({ length: 100 }, (_, i) => ({ kind: 'test.count', payload: { i }, runAt: now, dedupeKey: `test:count:${i}` }))));
      const [x, y] = await Promise.all([runner.tick(), b.get(JobRunner).tick()]);
      expect(x.ran + y.ran).toBeGreaterThanOrEqual(100);
      const rows: { n: number }[] = await t.ds.query(`SELECT n FROM test_effects WHERE job = 'count' ORDER BY n`);
      expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    } finally {
      await b.close();
    }
  });
});
