import type { EntityManager } from 'typeorm';
import { enqueueMails } from '../mail/mail-data';
import { insertNotifications } from './notifications-data';
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
  const rows = await insertNotifications(em, actor?.id ?? null, f, n);
  if (!n.at) {
    await enqueueMails(em, rows.filter((r) => r.mode === 'immediate').map((r) => ({
      key: `notification:${r.id}`, accountId: r.accountId, to: r.email, toName: r.fullName,
      mail: { template: 'notification' as const, data: { name: r.fullName, title: n.title, body: n.body ?? '', link: n.link ?? '/' } },
    })), new Date());
  }
  return rows.map((r) => r.accountId);
}
