import type { EntityManager } from 'typeorm';

/** The jobs module's SQL: scheduling a job, and the runner's claim, lock and outcome of a job. */

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

/** A job a runner has claimed (its lease taken, its attempt counted). */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Claims up to `batch` due jobs of the given kinds for this process until `leaseUntil`, skipping rows another process holds. */
export async function claimDueJobs(em: Pick<EntityManager, 'query'>, now: Date, leaseUntil: Date, batch: number, kinds: string[]): Promise<ClaimedJob[]> {
  const [rows]: [{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }[], number] = await em.query(
    `UPDATE jobs SET locked_until = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
                      AND kind = ANY($4::varchar[])
                    ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id::text, kind, payload, attempts, max_attempts`, [now, leaseUntil, batch, kinds]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }));
}

/** Locks the job for the transaction; false when it is done already (another process finished it). */
export async function lockOpenJob(em: Pick<EntityManager, 'query'>, id: string): Promise<boolean> {
  const [open] = await em.query('SELECT id FROM jobs WHERE id = $1 AND done_at IS NULL FOR UPDATE', [id]);
  return !!open;
}

export async function markJobDone(em: Pick<EntityManager, 'query'>, id: string, now: Date): Promise<void> {
  await em.query('UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1', [id, now]);
}

/** Records a failed attempt: the error, when to retry, and `failedAt` once it gives up (null while it retries). */
export async function markJobFailed(em: Pick<EntityManager, 'query'>, id: string, error: string, retryAt: Date, failedAt: Date | null): Promise<void> {
  await em.query(
    `UPDATE jobs SET locked_until = NULL, last_error = $2, run_at = $3, failed_at = $4 WHERE id = $1 AND done_at IS NULL`,
    [id, error, retryAt, failedAt]);
}
