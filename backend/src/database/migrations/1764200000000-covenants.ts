import { MigrationInterface, QueryRunner } from 'typeorm';

/** Covenants (giao ước thi đua): versions, per-unit targets, signatures. */
export class Covenants1764200000000 implements MigrationInterface {
  name = 'Covenants1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE covenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        number int NOT NULL,
        status varchar(16) NOT NULL,
        title varchar(500) NOT NULL,
        goals jsonb NOT NULL DEFAULT '[]'::jsonb,
        commitments jsonb NOT NULL DEFAULT '[]'::jsonb,
        content_hash char(64),
        based_on_plan_version_id uuid REFERENCES draft_versions(id) ON DELETE RESTRICT,
        opened_at timestamptz,
        opened_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        opened_conference_id uuid,
        in_force_at timestamptz,
        superseded_at timestamptz,
        amends_id uuid REFERENCES covenants(id) ON DELETE RESTRICT,
        document_sha256 char(64),
        document bytea,
        created_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_covenants_status CHECK (status IN ('draft','signing','in_force','superseded')),
        CONSTRAINT ck_covenants_number CHECK (number >= 1),
        CONSTRAINT ck_covenants_frozen CHECK (status = 'draft' OR (content_hash IS NOT NULL AND opened_at IS NOT NULL)),
        CONSTRAINT ck_covenants_in_force CHECK (status <> 'in_force' OR (in_force_at IS NOT NULL AND document_sha256 IS NOT NULL AND document IS NOT NULL)),
        CONSTRAINT ck_covenants_goals_array CHECK (jsonb_typeof(goals) = 'array' AND jsonb_typeof(commitments) = 'array')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_covenants_year_number ON covenants (block_year_id, number)`);
    // At most one covenant in force, and one being drafted or signed, per block year.
    await q.query(`CREATE UNIQUE INDEX uq_covenants_one_in_force ON covenants (block_year_id) WHERE status = 'in_force'`);
    await q.query(`CREATE UNIQUE INDEX uq_covenants_one_open ON covenants (block_year_id) WHERE status IN ('draft','signing')`);
    await q.query(`CREATE INDEX ix_covenants_document_sha256 ON covenants (document_sha256)`);
    await q.query(`CREATE INDEX ix_covenants_content_hash ON covenants (content_hash)`);
    await q.query(`
      CREATE TABLE covenant_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        covenant_id uuid NOT NULL REFERENCES covenants(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        indicator varchar(500) NOT NULL,
        unit_of_measure varchar(64) NOT NULL,
        target_value numeric(14,2) NOT NULL,
        sort int NOT NULL,
        CONSTRAINT ck_covenant_targets_value CHECK (target_value >= 0),
        CONSTRAINT ck_covenant_targets_indicator CHECK (length(btrim(indicator)) > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_covenant_targets_unit_indicator ON covenant_targets (covenant_id, unit_id, indicator)`);
    await q.query(`CREATE INDEX ix_covenant_targets_unit ON covenant_targets (unit_id)`);
    await q.query(`
      CREATE TABLE covenant_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        covenant_id uuid NOT NULL REFERENCES covenants(id) ON DELETE RESTRICT,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        signer_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        signer_name varchar(255) NOT NULL,
        signer_title varchar(255) NOT NULL DEFAULT '',
        signed_at timestamptz NOT NULL,
        ip varchar(64) NOT NULL DEFAULT '',
        user_agent varchar(500) NOT NULL DEFAULT '',
        content_hash char(64) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_covenant_signatures_unit ON covenant_signatures (covenant_id, unit_id)`);
    // Signatures are evidence: never rewritten or removed.
    await q.query(`
      CREATE FUNCTION covenant_signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'covenant_signatures is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER tr_covenant_signatures_append_only BEFORE UPDATE OR DELETE ON covenant_signatures FOR EACH ROW EXECUTE FUNCTION covenant_signatures_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE covenant_signatures`);
    await q.query(`DROP FUNCTION covenant_signatures_append_only()`);
    await q.query(`DROP TABLE covenant_targets`);
    await q.query(`DROP TABLE covenants`);
  }
}
