// Run by reminder-sweep.mjs inside the backend (swc): times the city-wide deadline sweep and the pass that sends its reminders.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../backend/src/app.factory';
import { loadConfig } from '../backend/src/config/config';
import { Clock } from '../backend/src/modules/jobs/clock';
import { JobRunner } from '../backend/src/modules/jobs/job-runner';
import { RoundDeadlines } from '../backend/src/modules/rounds/round-deadlines';

async function main() {
  const app = await createApp(loadConfig({ DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: 'test' }), { logger: false });
  await app.init();
  const ds = app.get(DataSource);
  const now = new Date();
  app.get(Clock).set(now);
  const later = () => app.get(Clock).set(new Date(Date.now() + 60_000));
  const sweep = async () => {
    const t0 = performance.now();
    const n = await ds.transaction((em) => app.get(RoundDeadlines).sweep(em, now));
    return { n, ms: performance.now() - t0 };
  };
  const first = await sweep();
  console.log(`Sweep over the city: ${first.n} reminder jobs scheduled in ${first.ms.toFixed(0)} ms (budget 2,000 ms)`);
  const again = await sweep();
  console.log(`Sweep again (nothing new, dedupe keys): ${again.n} jobs in ${again.ms.toFixed(0)} ms`);
  // The clock a minute on, so the mails queued by the reminders are due in the same pass.
  later();
  const t0 = performance.now();
  const pass = await app.get(JobRunner).tick();
  const [{ notes }] = await ds.query(`SELECT count(*)::int AS notes FROM notifications WHERE kind = 'deadline_reminder'`);
  const [{ mails }] = await ds.query(`SELECT count(*)::int AS mails FROM mail_outbox`);
  console.log(`Runner pass: ${pass.ran} jobs run (${pass.failed} failed), ${notes} notifications, ${mails} mails queued (${pass.worked} kept in the outbox, no SMTP), in ${(performance.now() - t0).toFixed(0)} ms`);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
