import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables of the awards module: the award catalogue per year (award_types), titles and disciplinary flags
 * per unit per year (unit_titles, unit_discipline_flags) and the award history (award_history).
 *
 * Refused by the database itself: a quota or top N that is not a whole count or a percentage from 0 to 100;
 * a negative city quota or bonus; the same award twice for one unit in one year (while not revoked); a
 * decision dated before its award year; a history row deleted, rewritten, or revoked twice — revocation is
 * the only change a history row accepts.
 */
export class Awards1764600000000 implements MigrationInterface {
  name = 'Awards1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const quotaCheck = (kind: string, value: string) =>
      `((${kind} = 'count' AND ${value} >= 0 AND ${value} = trunc(${value})) OR (${kind} = 'percent' AND ${value} >= 0 AND ${value} <= 100))`;
    await q.query(`
      CREATE TABLE award_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL,
        code varchar(32) NOT NULL,
        name varchar(255) COLLATE "vi-VN-x-icu" NOT NULL,
        top_n_kind varchar(8),
        top_n_value numeric(7,2),
        required_title varchar(255) COLLATE "vi-VN-x-icu",
        block_quota_kind varchar(8) NOT NULL,
        block_quota_value numeric(7,2) NOT NULL,
        city_quota int,
        bonus_points numeric(7,2) NOT NULL DEFAULT 0,
        sort int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_award_types_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_award_types_code CHECK (code ~ '^[a-z][a-z0-9_]{1,31}$'),
        CONSTRAINT ck_award_types_name CHECK (btrim(name) <> ''),
        CONSTRAINT ck_award_types_top_n CHECK ((top_n_kind IS NULL) = (top_n_value IS NULL) AND (top_n_kind IS NULL OR ${quotaCheck('top_n_kind', 'top_n_value')})),
        CONSTRAINT ck_award_types_block_quota CHECK (${quotaCheck('block_quota_kind', 'block_quota_value')}),
        CONSTRAINT ck_award_types_city_quota CHECK (city_quota IS NULL OR city_quota >= 0),
        CONSTRAINT ck_award_types_bonus CHECK (bonus_points >= 0),
        CONSTRAINT ck_award_types_required_title CHECK (required_title IS NULL OR btrim(required_title) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_award_types_year_code ON award_types (year, code)`);
    await q.query(`CREATE UNIQUE INDEX uq_award_types_year_name ON award_types (year, lower(name))`);

    await q.query(`
      CREATE TABLE unit_titles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        year int NOT NULL,
        title varchar(255) COLLATE "vi-VN-x-icu" NOT NULL,
        decision_number varchar(64) NOT NULL DEFAULT '',
        decision_date date,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_unit_titles_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_unit_titles_title CHECK (btrim(title) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_unit_titles_unit_year_title ON unit_titles (unit_id, year, lower(title))`);
    await q.query(`CREATE INDEX ix_unit_titles_year ON unit_titles (year)`);

    await q.query(`
      CREATE TABLE unit_discipline_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        year int NOT NULL,
        reason text NOT NULL,
        decision_number varchar(64) NOT NULL DEFAULT '',
        decision_date date,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_unit_discipline_flags_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_unit_discipline_flags_reason CHECK (btrim(reason) <> '')
      )`);
    await q.query(`CREATE INDEX ix_unit_discipline_flags_year_unit ON unit_discipline_flags (year, unit_id)`);

    // proposal_id has no foreign key: proposals are created by a later migration (their module may add one).
    await q.query(`
      CREATE TABLE award_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        year int NOT NULL,
        award_type_id uuid NOT NULL REFERENCES award_types(id) ON DELETE RESTRICT,
        code varchar(32) NOT NULL,
        award_name varchar(255) NOT NULL,
        decision_number varchar(64) NOT NULL,
        decision_date date NOT NULL,
        signer varchar(255) NOT NULL,
        source varchar(16) NOT NULL,
        proposal_id uuid,
        note text NOT NULL DEFAULT '',
        recorded_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        revocation_reason text,
        revocation_decision_number varchar(64),
        revocation_decision_date date,
        version int NOT NULL,
        CONSTRAINT ck_award_history_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_award_history_source CHECK (source IN ('decision','manual')),
        CONSTRAINT ck_award_history_decision CHECK (btrim(decision_number) <> '' AND btrim(signer) <> '' AND decision_date >= make_date(year, 1, 1)),
        CONSTRAINT ck_award_history_revocation CHECK (
          (revoked_at IS NULL AND revocation_reason IS NULL AND revocation_decision_number IS NULL AND revocation_decision_date IS NULL AND revoked_by IS NULL)
          OR (revoked_at IS NOT NULL AND coalesce(btrim(revocation_reason), '') <> '' AND coalesce(btrim(revocation_decision_number), '') <> ''))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_award_history_active ON award_history (unit_id, year, code) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX ix_award_history_year_code ON award_history (year, code)`);
    await q.query(`CREATE INDEX ix_award_history_type ON award_history (award_type_id)`);
    await q.query(`CREATE INDEX ix_award_history_proposal ON award_history (proposal_id) WHERE proposal_id IS NOT NULL`);
    // A history row is a record: the only change allowed is revoking it, once.
    await q.query(`
      CREATE FUNCTION award_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
           OR NEW.unit_id <> OLD.unit_id OR NEW.year <> OLD.year OR NEW.award_type_id <> OLD.award_type_id OR NEW.code <> OLD.code
           OR NEW.award_name <> OLD.award_name OR NEW.decision_number <> OLD.decision_number OR NEW.decision_date <> OLD.decision_date
           OR NEW.signer <> OLD.signer OR NEW.source <> OLD.source OR NEW.proposal_id IS DISTINCT FROM OLD.proposal_id
           OR NEW.recorded_at <> OLD.recorded_at THEN
          RAISE EXCEPTION 'award_history rows are records: only revoking one, once, is allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_award_history_guard BEFORE UPDATE OR DELETE ON award_history FOR EACH ROW EXECUTE FUNCTION award_history_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_award_history_guard ON award_history`);
    await q.query(`DROP TABLE award_history`);
    await q.query(`DROP FUNCTION award_history_guard()`);
    await q.query(`DROP TABLE unit_discipline_flags`);
    await q.query(`DROP TABLE unit_titles`);
    await q.query(`DROP TABLE award_types`);
  }
}
