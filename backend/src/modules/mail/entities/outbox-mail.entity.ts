import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MailStatus } from '../dto/mail.dto';

/** A mail in the outbox: rendered from `template` + `data` when sent; sent at most once per idempotency key. */
@Entity({ name: 'mail_outbox' })
@Check('ck_mail_outbox_status', `status IN ('pending','sent','held','failed')`)
@Check('ck_mail_outbox_sent', `(status = 'sent') = (sent_at IS NOT NULL)`)
@Index('uq_mail_outbox_key', ['idempotencyKey'], { unique: true })
@Index('uq_mail_outbox_message_id', ['messageId'], { unique: true })
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 300 }) idempotencyKey: string;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'to_address', type: 'varchar', length: 255 }) toAddress: string;
  @Column({ name: 'to_name', type: 'varchar', length: 255, default: '' }) toName: string;
  @Column({ type: 'varchar', length: 32 }) template: string;
  @Column({ type: 'varchar', length: 500 }) subject: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ name: 'message_id', type: 'varchar', length: 255 }) messageId: string;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: MailStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
