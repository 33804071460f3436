import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { Clock } from '../../src/modules/jobs/clock';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import type { TestApp } from '../app';

/** A second backend process on the same database as `t` (its own runner and clock). */
export async function secondInstance(t: TestApp, env: Record<string, string> = {}): Promise<NestExpressApplication> {
  const url = (t.ds.options as { url: string }).url;
  const app = await createApp(loadConfig({ ...env, DATABASE_URL: url, NODE_ENV: 'test' }), { logger: false });
  await app.init();
  return app;
}

export const runnerOf = (app: NestExpressApplication) => ({ clock: app.get(Clock), runner: app.get(JobRunner) });

/** Notification rows of one kind for a round, by account. */
export async function notes(ds: DataSource, roundId: string, kind: string): Promise<{ account_id: string; email: string; unit_id: string | null }[]> {
  return ds.query(
    `SELECT n.account_id, a.email, a.unit_id FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.round_id = $1 AND n.kind = $2 ORDER BY a.email`, [roundId, kind]);
}
