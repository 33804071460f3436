import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rank, unit and total of every finalised round as rows (issue 18), so a page of the board's overview reads a
 * few small rows per block instead of parsing each snapshot's whole ranking JSON. Written with the snapshot
 * when a round is finalised, removed when it is reopened; backfilled here from the snapshots in force.
 */
export class RoundRankingRows1765830000000 implements MigrationInterface {
  name = 'RoundRankingRows1765830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE round_ranking_rows (
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        snapshot_id uuid NOT NULL REFERENCES round_snapshots(id) ON DELETE RESTRICT,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        rank int NOT NULL,
        unit_name varchar(255) NOT NULL,
        total numeric(12,2) NOT NULL,
        PRIMARY KEY (round_id, unit_id),
        CONSTRAINT ck_round_ranking_rows_rank CHECK (rank >= 1)
      )`);
    await q.query('CREATE INDEX ix_round_ranking_rows_rank ON round_ranking_rows (round_id, rank)');
    await q.query(`
      INSERT INTO round_ranking_rows (round_id, snapshot_id, unit_id, rank, unit_name, total)
      SELECT s.round_id, s.id, (e->>'unitId')::uuid, (e->>'rank')::int, coalesce(e->>'unitName', ''), coalesce((e->'final'->>'total')::numeric, 0)
      FROM round_snapshots s JOIN scoring_rounds r ON r.id = s.round_id AND r.phase = 'finalised'
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s.ranking) = 'array' THEN s.ranking ELSE '[]'::jsonb END) e
      WHERE s.superseded_at IS NULL AND EXISTS (SELECT 1 FROM units u WHERE u.id = (e->>'unitId')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE round_ranking_rows');
  }
}
