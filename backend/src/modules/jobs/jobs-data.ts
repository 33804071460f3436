import type { EntityManager } from 'typeorm';

/** A job to run once at `runAt`. `dedupeKey` makes scheduling idempotent: a second job with the same key is ignored. */
export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  dedupeKey?: string;
}

/**
 * Schedules jobs inside the caller's transaction (so a job exists exactly when the change that asked for it
 * commits). Returns how many were new; a job whose dedupe key exists already is left as it is.
 */
export async function scheduleJobs(em: EntityManager, jobs: readonly NewJob[]): Promise<number> {
  if (!jobs.length) return 0;
  const rows: unknown[] = await em.query(
    `INSERT INTO jobs (kind, payload, run_at, dedupe_key)
     SELECT k, p, r, d FROM unnest($1::varchar[], $2::jsonb[], $3::timestamptz[], $4::varchar[]) AS t(k, p, r, d)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [jobs.map((j) => j.kind), jobs.map((j) => JSON.stringify(j.payload ?? {})), jobs.map((j) => j.runAt), jobs.map((j) => j.dedupeKey ?? null)]);
  return rows.length;
}
