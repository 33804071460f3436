import { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual plan and rules drafts: documents, versions, sections, comments, plan activities. */
export class Drafts1764100000000 implements MigrationInterface {
  name = 'Drafts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE draft_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        kind varchar(8) NOT NULL,
        doc_number varchar(64) NOT NULL,
        created_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_draft_documents_kind CHECK (kind IN ('plan','rules'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_draft_documents_year_kind ON draft_documents (block_year_id, kind)`);
    await q.query(`
      CREATE TABLE draft_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES draft_documents(id) ON DELETE CASCADE,
        number int NOT NULL,
        status varchar(16) NOT NULL,
        title varchar(500) NOT NULL,
        sections jsonb NOT NULL DEFAULT '[]'::jsonb,
        plan jsonb,
        rule_set jsonb,
        content_hash char(64),
        based_on_id uuid REFERENCES draft_versions(id) ON DELETE RESTRICT,
        created_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        circulated_at timestamptz,
        circulated_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        adopted_at timestamptz,
        adopted_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        adopted_conference_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_draft_versions_status CHECK (status IN ('draft','circulated','adopted','superseded')),
        CONSTRAINT ck_draft_versions_number CHECK (number >= 1),
        CONSTRAINT ck_draft_versions_sections_array CHECK (jsonb_typeof(sections) = 'array'),
        CONSTRAINT ck_draft_versions_adopted CHECK (status <> 'adopted' OR (adopted_at IS NOT NULL AND content_hash IS NOT NULL)),
        CONSTRAINT ck_draft_versions_circulated CHECK (status = 'draft' OR circulated_at IS NOT NULL OR adopted_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_draft_versions_document_number ON draft_versions (document_id, number)`);
    // One editable draft and one adopted version per document at a time.
    await q.query(`CREATE UNIQUE INDEX uq_draft_versions_one_draft ON draft_versions (document_id) WHERE status = 'draft'`);
    await q.query(`CREATE UNIQUE INDEX uq_draft_versions_one_adopted ON draft_versions (document_id) WHERE status = 'adopted'`);
    await q.query(`
      CREATE TABLE draft_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES draft_versions(id) ON DELETE CASCADE,
        section_key varchar(64) NOT NULL,
        parent_id uuid REFERENCES draft_comments(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        author_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        CONSTRAINT ck_draft_comments_body CHECK (length(btrim(body)) > 0),
        CONSTRAINT ck_draft_comments_resolved CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_draft_comments_version_section ON draft_comments (version_id, section_key)`);
    await q.query(`CREATE INDEX ix_draft_comments_parent ON draft_comments (parent_id)`);
    await q.query(`
      CREATE TABLE plan_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        version_id uuid NOT NULL REFERENCES draft_versions(id) ON DELETE RESTRICT,
        activity_key varchar(64) NOT NULL,
        title varchar(500) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        owner_unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'planned',
        notes text NOT NULL DEFAULT '',
        sort int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_plan_activities_status CHECK (status IN ('planned','in_progress','done','cancelled')),
        CONSTRAINT ck_plan_activities_dates CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_plan_activities_year_key ON plan_activities (block_year_id, activity_key)`);
    await q.query(`CREATE INDEX ix_plan_activities_owner ON plan_activities (owner_unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_activities`);
    await q.query(`DROP TABLE draft_comments`);
    await q.query(`DROP TABLE draft_versions`);
    await q.query(`DROP TABLE draft_documents`);
  }
}
