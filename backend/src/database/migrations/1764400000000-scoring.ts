import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring schemes (biểu chấm điểm): versions per block year and the criteria tree. What must never happen
 * is refused by the database itself: a non-positive maximum, two rows with one code in a scheme, a parent
 * in another scheme, a bonus / deduction item inside a group, a change to a frozen scheme.
 */
export class Scoring1764400000000 implements MigrationInterface {
  name = 'Scoring1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_schemes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        version_no int NOT NULL,
        title varchar(500) NOT NULL,
        total_max numeric(10,2) NOT NULL,
        based_on_id uuid REFERENCES scoring_schemes(id) ON DELETE SET NULL,
        frozen_at timestamptz,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_scoring_schemes_total_max CHECK (total_max > 0),
        CONSTRAINT ck_scoring_schemes_version_no CHECK (version_no >= 1),
        CONSTRAINT ck_scoring_schemes_title CHECK (btrim(title) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_scoring_schemes_year_version ON scoring_schemes (block_year_id, version_no)`);

    await q.query(`
      CREATE TABLE scoring_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES scoring_schemes(id) ON DELETE CASCADE,
        parent_id uuid,
        code varchar(32) NOT NULL,
        title varchar(1000) NOT NULL,
        guidance text NOT NULL DEFAULT '',
        type varchar(16) NOT NULL,
        max_points numeric(10,2) NOT NULL,
        sort_order int NOT NULL,
        evidence_required boolean NOT NULL DEFAULT false,
        points_per_occurrence numeric(10,2),
        measure varchar(64) NOT NULL DEFAULT '',
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        not_applicable_unit_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT uq_scoring_criteria_scheme_id UNIQUE (scheme_id, id),
        CONSTRAINT fk_scoring_criteria_parent FOREIGN KEY (scheme_id, parent_id) REFERENCES scoring_criteria (scheme_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_scoring_criteria_type CHECK (type IN ('group','points','pass_fail','per_occurrence','target','bonus','deduction')),
        CONSTRAINT ck_scoring_criteria_max CHECK (max_points > 0),
        CONSTRAINT ck_scoring_criteria_code CHECK (btrim(code) <> ''),
        CONSTRAINT ck_scoring_criteria_title CHECK (btrim(title) <> ''),
        CONSTRAINT ck_scoring_criteria_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
        CONSTRAINT ck_scoring_criteria_per_occurrence CHECK ((type = 'per_occurrence') = (points_per_occurrence IS NOT NULL) AND (points_per_occurrence IS NULL OR points_per_occurrence > 0)),
        CONSTRAINT ck_scoring_criteria_items CHECK (jsonb_typeof(items) = 'array' AND (type IN ('bonus','deduction') OR items = '[]'::jsonb)),
        CONSTRAINT ck_scoring_criteria_adjustment_top_level CHECK (type NOT IN ('bonus','deduction') OR parent_id IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_scoring_criteria_scheme_code ON scoring_criteria (scheme_id, code)`);
    await q.query(`CREATE INDEX ix_scoring_criteria_parent ON scoring_criteria (scheme_id, parent_id, sort_order)`);

    // A frozen scheme (a round using it has opened) never changes: the service refuses with a 409 first,
    // and the database refuses whatever gets past it.
    await q.query(`
      CREATE FUNCTION scoring_criteria_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s uuid;
      BEGIN
        s := CASE WHEN TG_OP = 'DELETE' THEN OLD.scheme_id ELSE NEW.scheme_id END;
        IF EXISTS (SELECT 1 FROM scoring_schemes WHERE id = s AND frozen_at IS NOT NULL) THEN
          RAISE EXCEPTION 'scoring scheme % is frozen', s USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_scoring_scheme_frozen';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.scheme_id <> OLD.scheme_id THEN
          RAISE EXCEPTION 'a criterion cannot move to another scheme' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_scoring_scheme_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER tr_scoring_criteria_frozen BEFORE INSERT OR UPDATE OR DELETE ON scoring_criteria FOR EACH ROW EXECUTE FUNCTION scoring_criteria_frozen_guard()`);
    await q.query(`
      CREATE FUNCTION scoring_schemes_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.frozen_at IS NOT NULL AND (NEW.frozen_at IS DISTINCT FROM OLD.frozen_at OR NEW.total_max <> OLD.total_max OR NEW.block_year_id <> OLD.block_year_id) THEN
          RAISE EXCEPTION 'scoring scheme % is frozen', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_scoring_scheme_frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_scoring_schemes_frozen BEFORE UPDATE ON scoring_schemes FOR EACH ROW EXECUTE FUNCTION scoring_schemes_frozen_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring_criteria`);
    await q.query(`DROP FUNCTION scoring_criteria_frozen_guard()`);
    await q.query(`DROP TABLE scoring_schemes`);
    await q.query(`DROP FUNCTION scoring_schemes_frozen_guard()`);
  }
}
