import type { EntityManager } from 'typeorm';
import type { EmailMode } from './entities/notification-setting.entity';
import type { NewNotification } from './notify';

/** The notifications module's SQL: the notices, a person's email mode, the daily digest. */

type Sql = Pick<EntityManager, 'query'>;

export interface NotificationRow {
  id: string;
  roundId: string | null;
  blockYearId: string | null;
  unitId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A notice just recorded for one account, with how that person takes mail. */
export interface NotifiedAccount {
  id: string;
  accountId: string;
  email: string;
  fullName: string;
  mode: string;
}

/** One unread notice of a person who takes the daily digest. */
export interface DigestItem {
  accountId: string;
  email: string;
  fullName: string;
  title: string;
  body: string;
  link: string;
}

const COLUMNS = 'id, round_id, block_year_id, unit_id, kind, title, body, link, created_at, read_at';

interface RawNotification {
  id: string;
  round_id: string | null;
  block_year_id: string | null;
  unit_id: string | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

const toRow = (r: RawNotification): NotificationRow => ({
  id: r.id, roundId: r.round_id, blockYearId: r.block_year_id, unitId: r.unit_id, kind: r.kind, title: r.title, body: r.body, link: r.link,
  createdAt: r.created_at, readAt: r.read_at,
});

/**
 * Records the notice for every account the filter (`recipients.ts`, parameters from $10) selects, in one
 * statement, and answers each row with the person's mail address and email mode.
 */
export async function insertNotifications(
  em: Sql, createdBy: string | null, filter: { sql: string; params: unknown[] }, n: NewNotification,
): Promise<NotifiedAccount[]> {
  const rows: { id: string; account_id: string; email: string; full_name: string; mode: string }[] = await em.query(
    `WITH r AS (SELECT a.id, a.email, a.full_name, coalesce(s.email_mode, 'immediate') AS mode
                FROM accounts a LEFT JOIN notification_settings s ON s.account_id = a.id WHERE ${filter.sql}),
          ins AS (INSERT INTO notifications (account_id, unit_id, round_id, block_year_id, kind, title, body, link, created_by, created_at)
                  SELECT r.id, $1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()) FROM r
                  RETURNING id, account_id)
     SELECT ins.id, ins.account_id, r.email, r.full_name, r.mode FROM ins JOIN r ON r.id = ins.account_id`,
    [n.unitId ?? null, n.roundId ?? null, n.blockYearId ?? null, n.kind, n.title.slice(0, 500), n.body ?? '', n.link ?? '', createdBy, n.at ?? null, ...filter.params]);
  return rows.map((r) => ({ id: r.id, accountId: r.account_id, email: r.email, fullName: r.full_name, mode: r.mode }));
}

/** The person's latest 200 notifications, unread ones first. */
export async function latestNotifications(em: Sql, accountId: string): Promise<NotificationRow[]> {
  const rows: RawNotification[] = await em.query(`SELECT ${COLUMNS} FROM notifications WHERE account_id = $1 ORDER BY read_at IS NOT NULL, created_at DESC, id LIMIT 200`, [accountId]);
  return rows.map(toRow);
}

/** Marks the person's notification read (once); undefined when it is not theirs. */
export async function markRead(em: Sql, id: string, accountId: string): Promise<NotificationRow | undefined> {
  // An UPDATE answers [rows, count] through TypeORM.
  const [rows]: [RawNotification[], number] = await em.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND account_id = $2 RETURNING ${COLUMNS}`, [id, accountId]);
  return rows[0] && toRow(rows[0]);
}

/** Marks all the person's unread notifications read; answers how many. */
export async function markAllRead(em: Sql, accountId: string): Promise<number> {
  const [, marked]: [unknown, number] = await em.query('UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL', [accountId]);
  return marked;
}

/** The person's email mode; undefined when they never chose one. */
export async function emailModeOf(em: Sql, accountId: string): Promise<EmailMode | undefined> {
  const [s]: { email_mode: EmailMode }[] = await em.query('SELECT email_mode FROM notification_settings WHERE account_id = $1', [accountId]);
  return s?.email_mode;
}

/** Saves the person's email mode; leaving the daily digest (or never having had it) starts the next digest from now. */
export async function saveEmailMode(em: Sql, accountId: string, mode: EmailMode): Promise<void> {
  await em.query(
    `INSERT INTO notification_settings (account_id, email_mode, digest_sent_until, updated_at) VALUES ($1, $2, now(), now())
       ON CONFLICT (account_id) DO UPDATE SET email_mode = EXCLUDED.email_mode, updated_at = now(),
         digest_sent_until = CASE WHEN notification_settings.email_mode = 'daily' THEN notification_settings.digest_sent_until ELSE now() END`,
    [accountId, mode]);
}

/** The unread notices up to `cutoff` of every active person taking the daily digest, since their last digest (at most a day back). */
export async function unreadForDigest(em: Sql, cutoff: Date): Promise<DigestItem[]> {
  const rows: { account_id: string; email: string; full_name: string; title: string; body: string; link: string }[] = await em.query(
    `SELECT a.id AS account_id, a.email, a.full_name, n.title, n.body, n.link
       FROM notification_settings s JOIN accounts a ON a.id = s.account_id AND a.archived_at IS NULL
       JOIN notifications n ON n.account_id = a.id AND n.read_at IS NULL AND n.created_at <= $1
         AND n.created_at > greatest(coalesce(s.digest_sent_until, '-infinity'), $1 - interval '1 day')
       WHERE s.email_mode = 'daily' ORDER BY a.id, n.created_at, n.id`, [cutoff]);
  return rows.map((r) => ({ accountId: r.account_id, email: r.email, fullName: r.full_name, title: r.title, body: r.body, link: r.link }));
}

export async function markDigestSent(em: Sql, cutoff: Date): Promise<void> {
  await em.query(`UPDATE notification_settings SET digest_sent_until = $1 WHERE email_mode = 'daily' AND (digest_sent_until IS NULL OR digest_sent_until < $1)`, [cutoff]);
}
