import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring rounds (đợt chấm điểm): self-assessments, evidence, cross-review assignments, scores per source,
 * explanations, finalisation snapshots, in-app notifications.
 *
 * What must never happen is refused by the database itself: two self-assessments for one unit in one
 * round; a unit reviewing itself; a score above its maximum or below 0; a negative count or actual value;
 * a typed score for a target criterion or an actual value for any other; any change to the scores of a
 * finalised round; a snapshot rewritten or removed.
 */
export class Rounds1764500000000 implements MigrationInterface {
  name = 'Rounds1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        scheme_id uuid NOT NULL REFERENCES scoring_schemes(id) ON DELETE RESTRICT,
        kind varchar(16) NOT NULL,
        title varchar(500) NOT NULL,
        phase varchar(16) NOT NULL DEFAULT 'self_assessment',
        opens_at timestamptz NOT NULL,
        self_assessment_until timestamptz NOT NULL,
        review_until timestamptz NOT NULL,
        explanation_until timestamptz NOT NULL,
        final_review_until timestamptz,
        phase_changed_at timestamptz NOT NULL DEFAULT now(),
        finalised_at timestamptz,
        assignment_seed int,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_scoring_rounds_kind CHECK (kind IN ('mid_year','year_end')),
        CONSTRAINT ck_scoring_rounds_phase CHECK (phase IN ('self_assessment','review','explanation','final_review','finalised')),
        CONSTRAINT ck_scoring_rounds_window CHECK (opens_at < self_assessment_until AND self_assessment_until < review_until AND review_until < explanation_until
          AND (final_review_until IS NULL OR final_review_until > explanation_until)),
        CONSTRAINT ck_scoring_rounds_finalised CHECK ((phase = 'finalised') = (finalised_at IS NOT NULL)),
        CONSTRAINT ck_scoring_rounds_title CHECK (btrim(title) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_scoring_rounds_year_kind ON scoring_rounds (block_year_id, kind)`);
    await q.query(`CREATE INDEX ix_scoring_rounds_scheme ON scoring_rounds (scheme_id)`);

    await q.query(`
      CREATE TABLE round_extensions (
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        until timestamptz NOT NULL,
        reason text NOT NULL,
        granted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, unit_id),
        CONSTRAINT ck_round_extensions_reason CHECK (btrim(reason) <> '')
      )`);

    await q.query(`
      CREATE TABLE round_targets (
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        criterion_id uuid NOT NULL REFERENCES scoring_criteria(id) ON DELETE RESTRICT,
        target numeric(14,2) NOT NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, unit_id, criterion_id),
        CONSTRAINT ck_round_targets_target CHECK (target >= 0)
      )`);

    await q.query(`
      CREATE TABLE self_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        status varchar(24) NOT NULL DEFAULT 'draft',
        submitted_at timestamptz,
        submitted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        confirmed_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        confirmed_at timestamptz,
        returned_at timestamptz,
        returned_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        return_reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_self_assessments_status CHECK (status IN ('draft','awaiting_confirmation','submitted','returned')),
        CONSTRAINT ck_self_assessments_submitted CHECK (status <> 'submitted' OR (submitted_at IS NOT NULL AND confirmed_by IS NOT NULL)),
        CONSTRAINT ck_self_assessments_returned CHECK (status <> 'returned' OR btrim(return_reason) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_self_assessments_round_unit ON self_assessments (round_id, unit_id)`);

    await q.query(`
      CREATE TABLE review_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        reviewer_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        reviewee_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'active',
        recusal_reason text NOT NULL DEFAULT '',
        recused_at timestamptz,
        recused_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        replaced_by_id uuid REFERENCES review_assignments(id) ON DELETE SET NULL,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_review_assignments_not_own_unit CHECK (reviewer_unit_id <> reviewee_unit_id),
        CONSTRAINT ck_review_assignments_status CHECK (status IN ('active','recused')),
        CONSTRAINT ck_review_assignments_recusal CHECK ((status = 'recused') = (recused_at IS NOT NULL) AND (status <> 'recused' OR btrim(recusal_reason) <> ''))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_review_assignments_active ON review_assignments (round_id, reviewer_unit_id, reviewee_unit_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX ix_review_assignments_reviewee ON review_assignments (round_id, reviewee_unit_id)`);

    await q.query(`
      CREATE TABLE score_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        criterion_id uuid NOT NULL REFERENCES scoring_criteria(id) ON DELETE RESTRICT,
        source varchar(8) NOT NULL,
        scorer_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        criterion_type varchar(16) NOT NULL,
        max_points numeric(10,2) NOT NULL,
        score numeric(10,2),
        passed boolean,
        count int,
        actual numeric(14,2),
        items jsonb,
        note text NOT NULL DEFAULT '',
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_score_entries_source CHECK (source IN ('self','peer','leader','final')),
        CONSTRAINT ck_score_entries_own_unit CHECK ((source = 'self') = (scorer_unit_id = unit_id)),
        CONSTRAINT ck_score_entries_type CHECK (criterion_type IN ('points','pass_fail','per_occurrence','target','bonus','deduction')),
        CONSTRAINT ck_score_entries_score_range CHECK (score IS NULL OR (score >= 0 AND score <= max_points)),
        CONSTRAINT ck_score_entries_count CHECK (count IS NULL OR count >= 0),
        CONSTRAINT ck_score_entries_actual CHECK (actual IS NULL OR actual >= 0),
        CONSTRAINT ck_score_entries_target_computed CHECK (criterion_type <> 'target' OR score IS NULL),
        CONSTRAINT ck_score_entries_actual_only_target CHECK (actual IS NULL OR criterion_type = 'target'),
        CONSTRAINT ck_score_entries_count_only_per_occurrence CHECK (count IS NULL OR criterion_type = 'per_occurrence'),
        CONSTRAINT ck_score_entries_passed_only_pass_fail CHECK (passed IS NULL OR criterion_type = 'pass_fail'),
        CONSTRAINT ck_score_entries_items_only_adjustment CHECK (items IS NULL OR criterion_type IN ('bonus','deduction'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_score_entries_single_source ON score_entries (round_id, unit_id, criterion_id, source) WHERE source <> 'peer'`);
    await q.query(`CREATE UNIQUE INDEX uq_score_entries_peer ON score_entries (round_id, unit_id, criterion_id, scorer_unit_id) WHERE source = 'peer'`);
    await q.query(`CREATE INDEX ix_score_entries_round ON score_entries (round_id, unit_id)`);

    await q.query(`
      CREATE TABLE round_explanations (
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        criterion_id uuid NOT NULL REFERENCES scoring_criteria(id) ON DELETE RESTRICT,
        text text NOT NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        PRIMARY KEY (round_id, unit_id, criterion_id)
      )`);

    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        criterion_id uuid NOT NULL REFERENCES scoring_criteria(id) ON DELETE RESTRICT,
        purpose varchar(16) NOT NULL,
        filename varchar(255) NOT NULL,
        mime_type varchar(128) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_evidence_files_purpose CHECK (purpose IN ('self','explanation')),
        CONSTRAINT ck_evidence_files_size CHECK (size_bytes > 0 AND size_bytes <= 10485760 AND octet_length(content) = size_bytes),
        CONSTRAINT ck_evidence_files_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_evidence_files_filename CHECK (btrim(filename) <> '')
      )`);
    await q.query(`CREATE INDEX ix_evidence_files_criterion ON evidence_files (round_id, unit_id, criterion_id)`);

    await q.query(`
      CREATE TABLE round_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES scoring_rounds(id) ON DELETE RESTRICT,
        seq int NOT NULL,
        finalised_at timestamptz NOT NULL,
        finalised_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        ranking jsonb NOT NULL,
        row_hashes jsonb NOT NULL,
        digest char(64) NOT NULL,
        superseded_at timestamptz,
        superseded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        reopen_reason text NOT NULL DEFAULT '',
        CONSTRAINT ck_round_snapshots_digest CHECK (digest ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_round_snapshots_reopen CHECK (superseded_at IS NULL OR btrim(reopen_reason) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_round_snapshots_seq ON round_snapshots (round_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX uq_round_snapshots_current ON round_snapshots (round_id) WHERE superseded_at IS NULL`);
    // A snapshot is a record: it may only be marked superseded (once), never rewritten or removed.
    await q.query(`
      CREATE FUNCTION round_snapshots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.superseded_at IS NOT NULL
           OR NEW.ranking IS DISTINCT FROM OLD.ranking OR NEW.row_hashes IS DISTINCT FROM OLD.row_hashes OR NEW.digest <> OLD.digest
           OR NEW.round_id <> OLD.round_id OR NEW.seq <> OLD.seq OR NEW.finalised_at <> OLD.finalised_at THEN
          RAISE EXCEPTION 'round_snapshots rows are records: only marking one superseded is allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_round_snapshots_guard BEFORE UPDATE OR DELETE ON round_snapshots FOR EACH ROW EXECUTE FUNCTION round_snapshots_guard()`);

    // Scores, explanations and evidence of a finalised round never change (reopening moves it back first).
    await q.query(`
      CREATE FUNCTION scoring_round_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r uuid;
      BEGIN
        r := CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
        IF EXISTS (SELECT 1 FROM scoring_rounds WHERE id = r AND phase = 'finalised') THEN
          RAISE EXCEPTION 'scoring round % is finalised', r USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_scoring_round_finalised';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const t of ['score_entries', 'round_explanations', 'evidence_files', 'round_targets']) {
      await q.query(`CREATE TRIGGER tr_${t}_round_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION scoring_round_frozen_guard()`);
    }

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        round_id uuid REFERENCES scoring_rounds(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        title varchar(500) NOT NULL,
        body text NOT NULL DEFAULT '',
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        read_by uuid REFERENCES accounts(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_notifications_unit ON notifications (unit_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    for (const t of ['score_entries', 'round_explanations', 'evidence_files', 'round_targets']) await q.query(`DROP TRIGGER tr_${t}_round_frozen ON ${t}`);
    await q.query(`DROP FUNCTION scoring_round_frozen_guard()`);
    await q.query(`DROP TABLE round_snapshots`);
    await q.query(`DROP FUNCTION round_snapshots_guard()`);
    await q.query(`DROP TABLE evidence_files`);
    await q.query(`DROP TABLE round_explanations`);
    await q.query(`DROP TABLE score_entries`);
    await q.query(`DROP TABLE review_assignments`);
    await q.query(`DROP TABLE self_assessments`);
    await q.query(`DROP TABLE round_targets`);
    await q.query(`DROP TABLE round_extensions`);
    await q.query(`DROP TABLE scoring_rounds`);
  }
}
