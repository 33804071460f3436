import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A criterion counted per occurrence may take its count from the unit's published items of the block year
 * (news module): 'news', 'story' or 'both'. Only per-occurrence criteria carry it.
 */
export class CriterionCountSource1765820000000 implements MigrationInterface {
  name = 'CriterionCountSource1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_criteria ADD COLUMN count_source varchar(8)`);
    await q.query(`ALTER TABLE scoring_criteria ADD CONSTRAINT ck_scoring_criteria_count_source
      CHECK (count_source IS NULL OR (count_source IN ('news', 'story', 'both') AND type = 'per_occurrence'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE scoring_criteria DROP CONSTRAINT ck_scoring_criteria_count_source');
    await q.query('ALTER TABLE scoring_criteria DROP COLUMN count_source');
  }
}
