import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong passwords slow the guesser down instead of locking the account (anyone could lock anyone out):
 * the per-account lock columns go, `sign_in_throttle` counts failures per key (see auth/throttle-rule.ts)
 * for every backend process. Sessions get a public id (to list and end them without exposing the token's
 * hash) and the time they were last used.
 */
export class AbuseGuards1765300000000 implements MigrationInterface {
  name = 'AbuseGuards1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sign_in_throttle (
      key varchar(400) PRIMARY KEY,
      failures int NOT NULL CHECK (failures > 0),
      last_failure_at timestamptz NOT NULL,
      blocked_until timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at)');
    await q.query('ALTER TABLE accounts DROP COLUMN failed_sign_ins, DROP COLUMN locked_until');
    await q.query(`ALTER TABLE sessions
      ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid(),
      ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
    await q.query('UPDATE sessions SET last_seen_at = created_at');
    await q.query('CREATE UNIQUE INDEX uq_sessions_public_id ON sessions (public_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_sessions_public_id');
    await q.query('ALTER TABLE sessions DROP COLUMN public_id, DROP COLUMN last_seen_at');
    await q.query('ALTER TABLE accounts ADD COLUMN failed_sign_ins int NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz');
    await q.query('DROP TABLE sign_in_throttle');
  }
}
