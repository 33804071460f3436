import type { EntityManager } from 'typeorm';
import { enqueueMails } from '../mail/mail';
import { Recipients, recipientsFilter } from './recipients';

export interface NewNotification {
  /** Stable code of the step (round_opened, dossier_returned…), ≤ 48 characters. */
  kind: string;
  title: string;
  body?: string;
  /** App path of the page where the work is done. */
  link?: string;
  roundId?: string | null;
  blockYearId?: string | null;
  /** The unit the notice concerns. */
  unitId?: string | null;
  /** A notice dated in the past (demo data): recorded without mail. */
  at?: Date;
}

/**
 * Notifies persons, inside the caller's transaction: one row per recipient account (so each reads it on
 * their own), and a mail in the outbox for those who take mail immediately (the daily digest picks up the
 * others). Answers the accounts notified.
 */
export async function notify(em: EntityManager, actor: { id: string | null } | null, to: Recipients, n: NewNotification): Promise<string[]> {
  const f = recipientsFilter(to, 10);
  const rows: { id: string; account_id: string; email: string; full_name: string; mode: string }[] = await em.query(
    `WITH r AS (SELECT a.id, a.email, a.full_name, coalesce(s.email_mode, 'immediate') AS mode
                FROM accounts a LEFT JOIN notification_settings s ON s.account_id = a.id WHERE ${f.sql}),
          ins AS (INSERT INTO notifications (account_id, unit_id, round_id, block_year_id, kind, title, body, link, created_by, created_at)
                  SELECT r.id, $1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()) FROM r
                  RETURNING id, account_id)
     SELECT ins.id, ins.account_id, r.email, r.full_name, r.mode FROM ins JOIN r ON r.id = ins.account_id`,
    [n.unitId ?? null, n.roundId ?? null, n.blockYearId ?? null, n.kind, n.title.slice(0, 500), n.body ?? '', n.link ?? '', actor?.id ?? null, n.at ?? null, ...f.params]);
  if (!n.at) {
    await enqueueMails(em, rows.filter((r) => r.mode === 'immediate').map((r) => ({
      key: `notification:${r.id}`, accountId: r.account_id, to: r.email, toName: r.full_name,
      mail: { template: 'notification' as const, data: { name: r.full_name, title: n.title, body: n.body ?? '', link: n.link ?? '/' } },
    })), new Date());
  }
  return rows.map((r) => r.account_id);
}
