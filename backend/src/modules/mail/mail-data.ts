import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MailTemplate, subjectOf } from './mail-templates';

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
export async function enqueueMails(em: EntityManager, mails: readonly NewMail[], now: Date): Promise<void> {
  if (!mails.length) return;
  await em.query(
    `INSERT INTO mail_outbox (idempotency_key, account_id, to_address, to_name, template, subject, data, message_id, next_attempt_at)
     SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::jsonb[], $8::varchar[], $9::timestamptz[])
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [mails.map((m) => m.key), mails.map((m) => m.accountId), mails.map((m) => m.to), mails.map((m) => m.toName), mails.map((m) => m.mail.template),
      mails.map((m) => subjectOf(m.mail)), mails.map((m) => JSON.stringify(m.mail.data)), mails.map((m) => messageIdFor(m.key)), mails.map(() => now)]);
}
