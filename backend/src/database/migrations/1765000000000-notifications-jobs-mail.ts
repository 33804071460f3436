import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs, notifications addressed to persons, and the mail outbox (issue 12).
 *
 * `notifications` was addressed to units: each row becomes one row per active officer and head of that
 * unit (keeping its read state), then `account_id` is required. `down` folds them back to one per unit.
 */
export class NotificationsJobsMail1765000000000 implements MigrationInterface {
  name = 'NotificationsJobsMail1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind varchar(64) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        run_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        max_attempts int NOT NULL DEFAULT 8,
        last_error text,
        locked_until timestamptz,
        done_at timestamptz,
        failed_at timestamptz,
        dedupe_key varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_jobs_attempts CHECK (attempts >= 0 AND max_attempts >= 1),
        CONSTRAINT uq_jobs_dedupe UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX ix_jobs_due ON jobs (run_at, id) WHERE done_at IS NULL AND failed_at IS NULL`);

    await q.query(`ALTER TABLE notifications ADD COLUMN account_id uuid REFERENCES accounts(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE notifications ADD COLUMN block_year_id uuid REFERENCES block_years(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE notifications ADD COLUMN link varchar(500) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN unit_id DROP NOT NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN kind TYPE varchar(48)`);
    await q.query(`
      INSERT INTO notifications (account_id, unit_id, round_id, block_year_id, kind, title, body, link, created_by, created_at, read_at)
      SELECT a.id, n.unit_id, n.round_id, r.block_year_id, n.kind, n.title, n.body, CASE WHEN n.round_id IS NULL THEN '' ELSE '/rounds/' || n.round_id END,
             n.created_by, n.created_at, n.read_at
      FROM notifications n JOIN accounts a ON a.unit_id = n.unit_id AND a.role IN ('officer','unit_head') AND a.archived_at IS NULL
      LEFT JOIN scoring_rounds r ON r.id = n.round_id
      WHERE n.account_id IS NULL`);
    await q.query(`DELETE FROM notifications WHERE account_id IS NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN account_id SET NOT NULL`);
    await q.query(`ALTER TABLE notifications DROP COLUMN read_by`);
    await q.query(`DROP INDEX ix_notifications_unit`);
    await q.query(`CREATE INDEX ix_notifications_account ON notifications (account_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notifications_unread ON notifications (account_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_settings (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        email_mode varchar(16) NOT NULL DEFAULT 'immediate',
        digest_sent_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_notification_settings_mode CHECK (email_mode IN ('immediate','daily','none'))
      )`);

    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key varchar(300) NOT NULL,
        account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
        to_address varchar(255) NOT NULL,
        to_name varchar(255) NOT NULL DEFAULT '',
        template varchar(32) NOT NULL,
        subject varchar(500) NOT NULL,
        data jsonb NOT NULL,
        message_id varchar(255) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_mail_outbox_key UNIQUE (idempotency_key),
        CONSTRAINT uq_mail_outbox_message_id UNIQUE (message_id),
        CONSTRAINT ck_mail_outbox_status CHECK (status IN ('pending','sent','held','failed')),
        CONSTRAINT ck_mail_outbox_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_outbox`);
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP INDEX ix_notifications_unread`);
    await q.query(`DROP INDEX ix_notifications_account`);
    await q.query(`ALTER TABLE notifications ADD COLUMN read_by uuid REFERENCES accounts(id) ON DELETE SET NULL`);
    // One row per unit again: notices to persons without a unit (the board) have no place in the old table.
    await q.query(`DELETE FROM notifications WHERE unit_id IS NULL`);
    await q.query(`
      DELETE FROM notifications n USING (
        SELECT id, row_number() OVER (PARTITION BY unit_id, round_id, kind, title, created_at ORDER BY read_at NULLS LAST, id) AS k
        FROM notifications) d
      WHERE d.id = n.id AND d.k > 1`);
    await q.query(`UPDATE notifications SET read_by = CASE WHEN read_at IS NULL THEN NULL ELSE account_id END`);
    await q.query(`ALTER TABLE notifications DROP COLUMN account_id, DROP COLUMN block_year_id, DROP COLUMN link`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN kind TYPE varchar(32) USING left(kind, 32)`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN unit_id SET NOT NULL`);
    await q.query(`CREATE INDEX ix_notifications_unit ON notifications (unit_id, created_at DESC)`);
    await q.query(`DROP TABLE jobs`);
  }
}
