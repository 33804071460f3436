import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each audit entry names the HTTP request that wrote it (X-Request-Id, also in that request's log lines); sealed with the entry. */
export class AuditRequestId1765840000000 implements MigrationInterface {
  name = 'AuditRequestId1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entries ADD COLUMN request_id varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entries DROP COLUMN request_id`);
  }
}
