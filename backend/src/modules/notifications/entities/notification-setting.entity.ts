import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type EmailMode = 'immediate' | 'daily' | 'none';
export const EMAIL_MODES: readonly EmailMode[] = ['immediate', 'daily', 'none'];

/** How a person wants notifications by email; no row means immediately. */
@Entity({ name: 'notification_settings' })
@Check('ck_notification_settings_mode', `email_mode IN ('immediate','daily','none')`)
export class NotificationSetting {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'email_mode', type: 'varchar', length: 16, default: 'immediate' }) emailMode: EmailMode;
  /** The daily digest has covered notifications up to this time. */
  @Column({ name: 'digest_sent_until', type: 'timestamptz', nullable: true }) digestSentUntil: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
