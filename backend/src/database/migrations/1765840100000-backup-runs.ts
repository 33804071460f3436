import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scheduled backups: one row per run, so a failed one is a task and a mail for the admins until a later one succeeds. */
export class BackupRuns1765840100000 implements MigrationInterface {
  name = 'BackupRuns1765840100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE backup_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      status varchar(8) NOT NULL CONSTRAINT ck_backup_runs_status CHECK (status IN ('ok', 'failed')),
      folder varchar(1000),
      size_bytes bigint,
      error text
    )`);
    await q.query(`CREATE INDEX ix_backup_runs_started ON backup_runs (started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backup_runs`);
  }
}
