import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { JobRunner } from '../jobs/job-runner';
import { scheduleJobs } from '../jobs/jobs-data';
import { enqueueMails } from '../mail/mail';
import { digestDue, vnDate } from './digest';
import { NotificationDto, NotificationSettingsDto, ReadAllResultDto, UpdateNotificationSettingsDto } from './dto/notification.dto';

const COLUMNS = 'id, round_id, block_year_id, unit_id, kind, title, body, link, created_at, read_at';

/** A person's notifications and how they take them by email; the daily digest. */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly runner: JobRunner) {}

  onModuleInit(): void {
    this.runner.addSweeper((em, now) => this.scheduleDigest(em, now));
    this.runner.register('mail.digest', (em, p: { day: string; cutoff: string }, ctx) => this.sendDigest(em, p.day, new Date(p.cutoff), ctx.now));
  }

  /** The person's latest notifications, unread ones first. */
  async list(actor: Actor): Promise<NotificationDto[]> {
    const rows = await this.ds.query(`SELECT ${COLUMNS} FROM notifications WHERE account_id = $1 ORDER BY read_at IS NOT NULL, created_at DESC, id LIMIT 200`, [actor.id]);
    return rows.map(toDto);
  }

  async read(actor: Actor, id: string): Promise<NotificationDto> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = await this.ds.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND account_id = $2 RETURNING ${COLUMNS}`, [id, actor.id]);
    if (!rows[0]) throw notFound('Không tìm thấy thông báo của bạn.');
    return toDto(rows[0]);
  }

  async readAll(actor: Actor): Promise<ReadAllResultDto> {
    const [, marked] = await this.ds.query('UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL', [actor.id]);
    return { marked };
  }

  async settings(actor: Actor): Promise<NotificationSettingsDto> {
    const [s] = await this.ds.query('SELECT email_mode FROM notification_settings WHERE account_id = $1', [actor.id]);
    return { emailMode: s?.email_mode ?? 'immediate', email: actor.email };
  }

  async updateSettings(actor: Actor, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    await this.ds.query(
      `INSERT INTO notification_settings (account_id, email_mode, digest_sent_until, updated_at) VALUES ($1, $2, now(), now())
       ON CONFLICT (account_id) DO UPDATE SET email_mode = EXCLUDED.email_mode, updated_at = now(),
         digest_sent_until = CASE WHEN notification_settings.email_mode = 'daily' THEN notification_settings.digest_sent_until ELSE now() END`,
      [actor.id, dto.emailMode]);
    return this.settings(actor);
  }

  /** Once a day from 07:00 (Vietnam time): one digest job per day, whichever process sees it first. */
  private async scheduleDigest(em: EntityManager, now: Date): Promise<void> {
    const due = digestDue(now);
    if (due) await scheduleJobs(em, [{ kind: 'mail.digest', payload: { day: due.day, cutoff: due.cutoff.toISOString() }, runAt: now, dedupeKey: `mail.digest:${due.day}` }]);
  }

  /** To each person taking a daily digest: their unread notifications since the last digest (at most a day back). */
  private async sendDigest(em: EntityManager, day: string, cutoff: Date, now: Date): Promise<void> {
    const rows: { account_id: string; email: string; full_name: string; title: string; body: string; link: string }[] = await em.query(
      `SELECT a.id AS account_id, a.email, a.full_name, n.title, n.body, n.link
       FROM notification_settings s JOIN accounts a ON a.id = s.account_id AND a.archived_at IS NULL
       JOIN notifications n ON n.account_id = a.id AND n.read_at IS NULL AND n.created_at <= $1
         AND n.created_at > greatest(coalesce(s.digest_sent_until, '-infinity'), $1 - interval '1 day')
       WHERE s.email_mode = 'daily' ORDER BY a.id, n.created_at, n.id`, [cutoff]);
    const by = new Map<string, { email: string; name: string; items: { title: string; body: string; link: string }[] }>();
    for (const r of rows) {
      const e = by.get(r.account_id) ?? { email: r.email, name: r.full_name, items: [] };
      e.items.push({ title: r.title, body: r.body, link: r.link || '/' });
      by.set(r.account_id, e);
    }
    await enqueueMails(em, [...by].map(([accountId, e]) => ({
      key: `digest:${accountId}:${day}`, accountId, to: e.email, toName: e.name,
      mail: { template: 'digest' as const, data: { name: e.name, day: vnDate(day), items: e.items } },
    })), now);
    await em.query(`UPDATE notification_settings SET digest_sent_until = $1 WHERE email_mode = 'daily' AND (digest_sent_until IS NULL OR digest_sent_until < $1)`, [cutoff]);
  }
}

function toDto(r: Record<string, any>): NotificationDto {
  return {
    id: r.id, roundId: r.round_id, blockYearId: r.block_year_id, unitId: r.unit_id, kind: r.kind, title: r.title, body: r.body, link: r.link,
    createdAt: new Date(r.created_at).toISOString(), readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}
