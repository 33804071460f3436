import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Award proposals (hồ sơ đề nghị khen thưởng): the dossier a block sends to the city board, its nominees
 * frozen at submission, each nominee's achievement report (báo cáo thành tích), the history of
 * submissions, returns and approvals, the council's decisions per nominee, and the board's appraisal
 * deadline per year.
 *
 * What must never happen is refused by the database itself: two live dossiers for one block year; a
 * returned dossier without a reason; two current reports of one unit in one dossier; a decision without
 * its number, date and signer (or a "not awarded" without a reason); a history entry rewritten or removed.
 */
export class Proposals1764800000000 implements MigrationInterface {
  name = 'Proposals1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposal_settings (
        year int PRIMARY KEY,
        appraisal_working_days int NOT NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_proposal_settings_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_proposal_settings_days CHECK (appraisal_working_days BETWEEN 1 AND 250)
      )`);

    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'draft',
        letter_number varchar(64) NOT NULL,
        letter_date date,
        letter_recipient varchar(500) NOT NULL,
        letter_paragraphs jsonb NOT NULL DEFAULT '[]'::jsonb,
        letter_closing text NOT NULL DEFAULT '',
        signer_name varchar(255) NOT NULL DEFAULT '',
        submitted_at timestamptz,
        submitted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        due_date date,
        appraisal_working_days int,
        appraisal_started_at timestamptz,
        returned_at timestamptz,
        return_reason text NOT NULL DEFAULT '',
        approved_at timestamptz,
        decided_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text NOT NULL DEFAULT '',
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_proposals_status CHECK (status IN ('draft','submitted','under_appraisal','returned','approved','decided','cancelled')),
        CONSTRAINT ck_proposals_paragraphs_array CHECK (jsonb_typeof(letter_paragraphs) = 'array'),
        CONSTRAINT ck_proposals_number CHECK (btrim(letter_number) <> ''),
        CONSTRAINT ck_proposals_submitted CHECK (status IN ('draft','cancelled') OR (submitted_at IS NOT NULL AND due_date IS NOT NULL AND appraisal_working_days IS NOT NULL)),
        CONSTRAINT ck_proposals_returned CHECK (status <> 'returned' OR (returned_at IS NOT NULL AND btrim(return_reason) <> '')),
        CONSTRAINT ck_proposals_approved CHECK (status NOT IN ('approved','decided') OR approved_at IS NOT NULL),
        CONSTRAINT ck_proposals_decided CHECK ((status = 'decided') = (decided_at IS NOT NULL)),
        CONSTRAINT ck_proposals_cancelled CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL) AND (status <> 'cancelled' OR btrim(cancel_reason) <> ''))
      )`);
    // One live dossier per block year; cancelled ones stay as history.
    await q.query(`CREATE UNIQUE INDEX uq_proposals_live ON proposals (block_year_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX ix_proposals_block_year ON proposals (block_year_id, created_at)`);
    await q.query(`CREATE INDEX ix_proposals_status ON proposals (status, due_date)`);

    // The nominees as submitted (frozen at each submission; the board appraises and decides on these).
    await q.query(`
      CREATE TABLE proposal_nominees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        award_code varchar(32) NOT NULL,
        award_name varchar(255) NOT NULL,
        ballot_id uuid,
        approvals int NOT NULL,
        percent numeric(6,2) NOT NULL,
        rank int,
        sort int NOT NULL,
        CONSTRAINT ck_proposal_nominees_counts CHECK (approvals >= 0 AND percent >= 0 AND percent <= 100 AND (rank IS NULL OR rank >= 1))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_proposal_nominees ON proposal_nominees (proposal_id, award_code, unit_id)`);

    // Báo cáo thành tích: uploaded by the nominee unit; a re-upload supersedes the current one (kept).
    await q.query(`
      CREATE TABLE proposal_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        filename varchar(255) NOT NULL,
        mime_type varchar(128) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        CONSTRAINT ck_proposal_reports_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_proposal_reports_size CHECK (size_bytes > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_proposal_reports_current ON proposal_reports (proposal_id, unit_id) WHERE superseded_at IS NULL`);

    // The dossier's history: created, submitted, taken into appraisal, returned, approved, decided, cancelled.
    await q.query(`
      CREATE TABLE proposal_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        seq int NOT NULL,
        kind varchar(24) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
        actor_name varchar(255) NOT NULL DEFAULT '',
        reason text NOT NULL DEFAULT '',
        due_date date,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT ck_proposal_events_kind CHECK (kind IN ('created','submitted','appraisal_started','returned','approved','decision','decided','cancelled')),
        CONSTRAINT ck_proposal_events_reason CHECK (kind NOT IN ('returned','cancelled') OR btrim(reason) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_proposal_events_seq ON proposal_events (proposal_id, seq)`);

    // The council's decision per nominee: awarded (writes the award history) or not awarded with a reason.
    await q.query(`
      CREATE TABLE proposal_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        nominee_id uuid NOT NULL REFERENCES proposal_nominees(id) ON DELETE RESTRICT,
        outcome varchar(16) NOT NULL,
        decision_number varchar(64),
        decision_date date,
        signer varchar(255),
        reason text NOT NULL DEFAULT '',
        award_history_id uuid REFERENCES award_history(id) ON DELETE RESTRICT,
        recorded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_proposal_decisions_outcome CHECK (outcome IN ('awarded','not_awarded')),
        CONSTRAINT ck_proposal_decisions_awarded CHECK (outcome <> 'awarded' OR (btrim(decision_number) <> '' AND decision_date IS NOT NULL AND btrim(signer) <> '' AND award_history_id IS NOT NULL)),
        CONSTRAINT ck_proposal_decisions_not_awarded CHECK (outcome <> 'not_awarded' OR btrim(reason) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_proposal_decisions_nominee ON proposal_decisions (nominee_id)`);
    await q.query(`CREATE INDEX ix_proposal_decisions_proposal ON proposal_decisions (proposal_id)`);

    // History and decisions are records: never rewritten or removed (a revocation is recorded in the award history).
    await q.query(`
      CREATE FUNCTION proposal_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are records: they may not be changed or removed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER tr_proposal_events_guard BEFORE UPDATE OR DELETE ON proposal_events FOR EACH ROW EXECUTE FUNCTION proposal_records_guard()`);
    await q.query(`CREATE TRIGGER tr_proposal_decisions_guard BEFORE UPDATE OR DELETE ON proposal_decisions FOR EACH ROW EXECUTE FUNCTION proposal_records_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_decisions`);
    await q.query(`DROP TABLE proposal_events`);
    await q.query(`DROP FUNCTION proposal_records_guard()`);
    await q.query(`DROP TABLE proposal_reports`);
    await q.query(`DROP TABLE proposal_nominees`);
    await q.query(`DROP TABLE proposals`);
    await q.query(`DROP TABLE proposal_settings`);
  }
}
