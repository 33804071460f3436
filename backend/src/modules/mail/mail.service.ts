import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { backoffMs } from '../jobs/backoff';
import { JobRunner } from '../jobs/job-runner';
import { OutboxMailDto, OutboxPageDto, OutboxQueryDto } from './dto/mail.dto';
import { MailTemplate, renderMail } from './mail-templates';

/** After this many failed attempts (about a day of back-off) a mail is marked failed for the admin to see. */
export const MAX_MAIL_ATTEMPTS = 30;
const PASS_LIMIT = 100;

/**
 * Works the mail outbox on each pass of the job runner. A mail is claimed with `FOR UPDATE SKIP LOCKED`,
 * sent, and marked sent in that same transaction: no two processes hold it at once, a failure keeps it
 * pending with exponential back-off (SMTP down = delayed, never lost). Delivery is at-least-once with a
 * stable Message-ID: only a crash between the server's acceptance and the commit sends a second copy, and
 * that copy carries the same Message-ID, which mail clients show once. At-most-once (marking sent before
 * sending) would lose such a mail instead, and a lost reminder costs more than a duplicate one.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly log = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? createTransport(withTimeouts(config.smtpUrl), { from: config.mailFrom }) : null;
  }

  onModuleInit(): void {
    this.runner.addWorker((now) => this.flush(now));
  }

  /** Sends what is due; stops at the first failure (the server is likely down) and answers how many it handled. */
  async flush(now: Date): Promise<number> {
    if (!this.transport) {
      // No mail server: every due mail is kept in the outbox for the admin to read.
      const [, held] = await this.ds.query(`UPDATE mail_outbox SET status = 'held' WHERE status = 'pending' AND next_attempt_at <= $1`, [now]);
      return held;
    }
    let handled = 0;
    while (handled < PASS_LIMIT) {
      const outcome = await this.ds.transaction(async (em): Promise<'none' | 'done' | 'failed'> => {
        const [m] = await em.query(
          `SELECT id, to_address, to_name, template, data, message_id, attempts FROM mail_outbox
           WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
        if (!m) return 'none';
        const r = renderMail({ template: m.template, data: m.data } as MailTemplate, this.config.appBaseUrl);
        try {
          await this.transport!.sendMail({ from: this.config.mailFrom, to: { name: m.to_name, address: m.to_address }, subject: r.subject, text: r.text, html: r.html, messageId: m.message_id });
        } catch (e) {
          const attempts = m.attempts + 1;
          await em.query(`UPDATE mail_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4, status = $5 WHERE id = $1`,
            [m.id, attempts, String(e instanceof Error ? e.message : e).slice(0, 2000), new Date(now.getTime() + backoffMs(attempts, Math.random())), attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending']);
          this.log.warn(`Gửi thư tới ${m.to_address} không được (lần ${attempts}): ${String(e)}`);
          return 'failed';
        }
        await em.query(`UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [m.id, now]);
        return 'done';
      });
      if (outcome === 'none') break;
      handled++;
      if (outcome === 'failed') break;
    }
    return handled;
  }

  /** The outbox as the admin reads it, newest first. */
  async outbox(q: OutboxQueryDto): Promise<OutboxPageDto> {
    const rows: Record<string, any>[] = await this.ds.query(
      `SELECT id, to_address, to_name, template, subject, data, status, attempts, last_error, next_attempt_at, created_at, sent_at, count(*) OVER () AS total
       FROM mail_outbox WHERE ($1::varchar IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize]);
    const items: OutboxMailDto[] = rows.map((m) => ({
      id: m.id, to: m.to_address, toName: m.to_name, subject: m.subject, text: renderMail({ template: m.template, data: m.data } as MailTemplate, this.config.appBaseUrl).text,
      status: m.status, attempts: m.attempts, lastError: m.last_error, nextAttemptAt: new Date(m.next_attempt_at).toISOString(),
      createdAt: new Date(m.created_at).toISOString(), sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
    }));
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && q.page > 1) total = Number((await this.ds.query(`SELECT count(*) AS n FROM mail_outbox WHERE ($1::varchar IS NULL OR status = $1)`, [q.status ?? null]))[0].n);
    return { items, total, page: q.page, pageSize: q.pageSize, smtpConfigured: !!this.transport };
  }
}

/**
 * Short network timeouts unless the URL sets its own: a hung mail server must not hold a claimed mail (and
 * its database connection) for minutes. nodemailer reads options from the URL's query.
 */
function withTimeouts(smtpUrl: string): string {
  const u = new URL(smtpUrl);
  for (const [k, v] of [['connectionTimeout', '10000'], ['greetingTimeout', '10000'], ['socketTimeout', '30000']]) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return u.toString();
}
