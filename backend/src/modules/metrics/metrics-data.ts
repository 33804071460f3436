import type { EntityManager } from 'typeorm';
import { ledgerTail } from '../audit/ledger-data';

/**
 * The monitoring's SQL: counts read from other modules' tables when the metrics are scraped (the job queue,
 * the mail outbox, the audit ledger, the backups); it reads only, and only counts.
 */

type Sql = Pick<EntityManager, 'query'>;

export async function jobCounts(em: Sql): Promise<{ due: number; scheduled: number; failed: number }> {
  const [r] = await em.query(`SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now())::int AS due,
        count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL AND run_at > now())::int AS scheduled, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed FROM jobs`);
  return r;
}

/** Jobs that failed at least once and wait for a retry. */
export async function retryingJobs(em: Sql): Promise<number> {
  const [r]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND last_error IS NOT NULL`);
  return r.n;
}

/** Mails in the outbox per status, for the statuses pending, held and failed (a status with none is absent). */
export async function outboxByStatus(em: Sql): Promise<{ status: string; n: number }[]> {
  return em.query(`SELECT status, count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'held', 'failed') GROUP BY status`);
}

/** Age in seconds of the oldest pending mail (0 when none waits). */
export async function oldestPendingMailSeconds(em: Sql): Promise<number> {
  const [r]: { s: number }[] = await em.query(`SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS s FROM mail_outbox WHERE status = 'pending'`);
  return r.s;
}

/** Audit entries after the ledger's tail, and the age in seconds of the oldest of them (0 when all are sealed). */
export async function unsealedEntries(em: Sql): Promise<{ n: number; lag: number }> {
  const tail = await ledgerTail((sql, params) => em.query(sql, params));
  const [r] = await em.query(`SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS lag
        FROM audit_entries a WHERE (a.xid, a.id) > ($1::xid8, $2::bigint)`, [tail.xid, tail.id]);
  return r as { n: number; lag: number };
}

/** When the last scheduled backup succeeded, in epoch seconds (0: never). */
export async function lastBackupSuccess(em: Sql): Promise<number> {
  const [r]: { t: number }[] = await em.query(`SELECT coalesce(extract(epoch FROM max(finished_at)), 0)::float8 AS t FROM backup_runs WHERE status = 'ok'`);
  return r.t;
}
