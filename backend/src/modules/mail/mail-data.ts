import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MailStatus } from './dto/mail.dto';
import { MailTemplate, subjectOf } from './mail-templates';

/** The mail module's SQL: queuing mails in the outbox, the sender's claim and outcome of a mail, the admin's outbox. */

type Sql = Pick<EntityManager, 'query'>;

export interface NewMail {
  /** The same key twice is one mail (a retried caller never queues a second copy). */
  key: string;
  accountId: string | null;
  to: string;
  toName: string;
  mail: MailTemplate;
}

/** A stable Message-ID from the idempotency key: a copy sent twice after a crash carries the same id. */
export const messageIdFor = (key: string) => `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@thidua.mail>`;

/** Queues mails in the outbox inside the caller's transaction; they leave with the runner's next pass. */
export async function enqueueMails(em: Sql, mails: readonly NewMail[], now: Date): Promise<void> {
  if (!mails.length) return;
  await em.query(
    `INSERT INTO mail_outbox (idempotency_key, account_id, to_address, to_name, template, subject, data, message_id, next_attempt_at)
     SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::jsonb[], $8::varchar[], $9::timestamptz[])
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [mails.map((m) => m.key), mails.map((m) => m.accountId), mails.map((m) => m.to), mails.map((m) => m.toName), mails.map((m) => m.mail.template),
      mails.map((m) => subjectOf(m.mail)), mails.map((m) => JSON.stringify(m.mail.data)), mails.map((m) => messageIdFor(m.key)), mails.map(() => now)]);
}

/** A due mail the sender holds (locked) while it sends it. */
export interface ClaimedMail {
  id: string;
  toAddress: string;
  toName: string;
  template: string;
  data: unknown;
  messageId: string;
  attempts: number;
}

/** A mail of the outbox as the admin reads it, with how many mails the filter matches in all. */
export interface OutboxRow {
  id: string;
  toAddress: string;
  toName: string;
  template: string;
  subject: string;
  data: unknown;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  total: number;
}

/** Without a mail server: every due pending mail is held for the admin; answers how many. */
export async function holdDueMails(em: Sql, now: Date): Promise<number> {
  const [, held]: [unknown, number] = await em.query(`UPDATE mail_outbox SET status = 'held' WHERE status = 'pending' AND next_attempt_at <= $1`, [now]);
  return held;
}

/** The next due pending mail, locked for the transaction (another process skips it); undefined when none is due. */
export async function claimDueMail(em: Sql, now: Date): Promise<ClaimedMail | undefined> {
  const [m]: { id: string; to_address: string; to_name: string; template: string; data: unknown; message_id: string; attempts: number }[] = await em.query(
    `SELECT id, to_address, to_name, template, data, message_id, attempts FROM mail_outbox
     WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
  return m && { id: m.id, toAddress: m.to_address, toName: m.to_name, template: m.template, data: m.data, messageId: m.message_id, attempts: m.attempts };
}

/** Records a failed attempt: the count, the error, the next try, and the status (failed once it gives up). */
export async function recordMailFailure(em: Sql, id: string, attempts: number, error: string, nextAttemptAt: Date, status: 'pending' | 'failed'): Promise<void> {
  await em.query(`UPDATE mail_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4, status = $5 WHERE id = $1`,
    [id, attempts, error, nextAttemptAt, status]);
}

export async function markMailSent(em: Sql, id: string, now: Date): Promise<void> {
  await em.query(`UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id, now]);
}

/** A page of the outbox, newest first, optionally of one status. */
export async function outboxPage(em: Sql, status: MailStatus | null, pageSize: number, offset: number): Promise<OutboxRow[]> {
  const rows: {
    id: string; to_address: string; to_name: string; template: string; subject: string; data: unknown; status: MailStatus; attempts: number;
    last_error: string | null; next_attempt_at: Date; created_at: Date; sent_at: Date | null; total: string;
  }[] = await em.query(
    `SELECT id, to_address, to_name, template, subject, data, status, attempts, last_error, next_attempt_at, created_at, sent_at, count(*) OVER () AS total
       FROM mail_outbox WHERE ($1::varchar IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
    [status, pageSize, offset]);
  return rows.map((m) => ({
    id: m.id, toAddress: m.to_address, toName: m.to_name, template: m.template, subject: m.subject, data: m.data, status: m.status, attempts: m.attempts,
    lastError: m.last_error, nextAttemptAt: m.next_attempt_at, createdAt: m.created_at, sentAt: m.sent_at, total: Number(m.total),
  }));
}

/** How many mails the outbox holds, optionally of one status. */
export async function outboxCount(em: Sql, status: MailStatus | null): Promise<number> {
  return Number((await em.query(`SELECT count(*) AS n FROM mail_outbox WHERE ($1::varchar IS NULL OR status = $1)`, [status]))[0].n);
}
