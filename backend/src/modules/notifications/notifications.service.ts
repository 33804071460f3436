import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { JobRunner } from '../jobs/job-runner';
import { scheduleJobs } from '../jobs/jobs-data';
import { enqueueMails } from '../mail/mail-data';
import { digestDue, vnDate } from './digest';
import {
  emailModeOf, latestNotifications, markAllRead, markDigestSent, markRead, type NotificationRow, saveEmailMode, unreadForDigest,
} from './notifications-data';
import { NotificationDto, NotificationSettingsDto, ReadAllResultDto, UpdateNotificationSettingsDto } from './dto/notification.dto';

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
    const rows = await latestNotifications(this.ds.manager, actor.id);
    return rows.map(toDto);
  }

  async read(actor: Actor, id: string): Promise<NotificationDto> {
    const row = await markRead(this.ds.manager, id, actor.id);
    if (!row) throw notFound('Không tìm thấy thông báo của bạn.');
    return toDto(row);
  }

  async readAll(actor: Actor): Promise<ReadAllResultDto> {
    return { marked: await markAllRead(this.ds.manager, actor.id) };
  }

  async settings(actor: Actor): Promise<NotificationSettingsDto> {
    return { emailMode: (await emailModeOf(this.ds.manager, actor.id)) ?? 'immediate', email: actor.email };
  }

  async updateSettings(actor: Actor, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    await saveEmailMode(this.ds.manager, actor.id, dto.emailMode);
    return this.settings(actor);
  }

  /** Once a day from 07:00 (Vietnam time): one digest job per day, whichever process sees it first. */
  private async scheduleDigest(em: EntityManager, now: Date): Promise<void> {
    const due = digestDue(now);
    if (due) await scheduleJobs(em, [{ kind: 'mail.digest', payload: { day: due.day, cutoff: due.cutoff.toISOString() }, runAt: now, dedupeKey: `mail.digest:${due.day}` }]);
  }

  /** To each person taking a daily digest: their unread notifications since the last digest (at most a day back). */
  private async sendDigest(em: EntityManager, day: string, cutoff: Date, now: Date): Promise<void> {
    const rows = await unreadForDigest(em, cutoff);
    const by = new Map<string, { email: string; name: string; items: { title: string; body: string; link: string }[] }>();
    for (const r of rows) {
      const e = by.get(r.accountId) ?? { email: r.email, name: r.fullName, items: [] };
      e.items.push({ title: r.title, body: r.body, link: r.link || '/' });
      by.set(r.accountId, e);
    }
    await enqueueMails(em, [...by].map(([accountId, e]) => ({
      key: `digest:${accountId}:${day}`, accountId, to: e.email, toName: e.name,
      mail: { template: 'digest' as const, data: { name: e.name, day: vnDate(day), items: e.items } },
    })), now);
    await markDigestSent(em, cutoff);
  }
}

function toDto(r: NotificationRow): NotificationDto {
  return {
    id: r.id, roundId: r.roundId, blockYearId: r.blockYearId, unitId: r.unitId, kind: r.kind, title: r.title, body: r.body, link: r.link,
    createdAt: new Date(r.createdAt).toISOString(), readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  };
}
