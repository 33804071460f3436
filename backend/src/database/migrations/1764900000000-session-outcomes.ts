import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A conference's record also holds what the ballots module settled during the session: the final result of
 * a secret ballot (ref: the ballot series) and next year's seats (ref: the block year). Both need a quorum,
 * like the adoptions; the minutes print them.
 */
export class SessionOutcomes1764900000000 implements MigrationInterface {
  name = 'SessionOutcomes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conference_decisions DROP CONSTRAINT ck_conference_decisions_kind');
    await q.query(`ALTER TABLE conference_decisions ADD CONSTRAINT ck_conference_decisions_kind
      CHECK (kind IN ('adopt_plan','adopt_rules','open_signing','conclusion','ballot_result','seat_election'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM conference_decisions WHERE kind IN ('ballot_result','seat_election')`);
    await q.query('ALTER TABLE conference_decisions DROP CONSTRAINT ck_conference_decisions_kind');
    await q.query(`ALTER TABLE conference_decisions ADD CONSTRAINT ck_conference_decisions_kind CHECK (kind IN ('adopt_plan','adopt_rules','open_signing','conclusion'))`);
  }
}
