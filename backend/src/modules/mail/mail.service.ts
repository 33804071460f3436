import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { backoffMs } from '../jobs/backoff';
import { JobRunner } from '../jobs/job-runner';
import { claimDueMail, holdDueMails, markMailSent, outboxCount, outboxPage, recordMailFailure } from './mail-data';
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
      return holdDueMails(this.ds.manager, now);
    }
    let handled = 0;
    while (handled < PASS_LIMIT) {
      const outcome = await this.ds.transaction(async (em): Promise<'none' | 'done' | 'failed'> => {
        const m = await claimDueMail(em, now);
        if (!m) return 'none';
        const r = renderMail({ template: m.template, data: m.data } as MailTemplate, this.config.appBaseUrl);
        try {
          await this.transport!.sendMail({ from: this.config.mailFrom, to: { name: m.toName, address: m.toAddress }, subject: r.subject, text: r.text, html: r.html, messageId: m.messageId });
        } catch (e) {
          const attempts = m.attempts + 1;
          await recordMailFailure(em, m.id, attempts, String(e instanceof Error ? e.message : e).slice(0, 2000), new Date(now.getTime() + backoffMs(attempts, Math.random())), attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending');
          this.log.warn(`Gửi thư tới ${m.toAddress} không được (lần ${attempts}): ${String(e)}`);
          return 'failed';
        }
        await markMailSent(em, m.id, now);
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
    const rows = await outboxPage(this.ds.manager, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize);
    const items: OutboxMailDto[] = rows.map((m) => ({
      id: m.id, to: m.toAddress, toName: m.toName, subject: m.subject, text: renderMail({ template: m.template, data: m.data } as MailTemplate, this.config.appBaseUrl).text,
      status: m.status, attempts: m.attempts, lastError: m.lastError, nextAttemptAt: new Date(m.nextAttemptAt).toISOString(),
      createdAt: new Date(m.createdAt).toISOString(), sentAt: m.sentAt ? new Date(m.sentAt).toISOString() : null,
    }));
    let total = rows.length ? rows[0].total : 0;
    if (!rows.length && q.page > 1) total = await outboxCount(this.ds.manager, q.status ?? null);
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
