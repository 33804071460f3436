import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secret ballots at the year-end conference (bỏ phiếu kín), their tally records (biên bản kiểm phiếu) and
 * the election of next year's seats.
 *
 * Secrecy (docs/domain.md §5): "who voted" (`ballot_voters`) and "what was voted" (`ballot_boxes`) share nothing
 * but the ballot. A ballot box is ONE row per ballot holding every paper in a shuffled jsonb array, rewritten
 * whole at each cast: papers have no id, no timestamp, no row of their own, so neither a column, nor the
 * physical row order (ctid), nor the writing transaction (xmin) can tie a paper to the voter row written in
 * the same transaction. The database itself refuses a changed or removed paper, a paper without its voter,
 * a second vote by one unit, and any write once the ballot is closed.
 *
 * Residual risk, out of reach of SQL: whoever sees two successive states of the database while a ballot
 * is open (a live observer, two backups, the WAL, statement logs with parameters, or the dead tuple of the
 * previous box version through pageinspect until vacuum) can attribute the paper that appeared to the unit
 * that voted in between. That takes the database server, not the application or its SQL role; it is the
 * price of storing each vote at once with a public list of who voted.
 */
export class Ballots1764700000000 implements MigrationInterface {
  name = 'Ballots1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballots (
        id uuid PRIMARY KEY,
        series_id uuid NOT NULL REFERENCES ballots(id) ON DELETE RESTRICT,
        round int NOT NULL,
        conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE RESTRICT,
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        award_code varchar(32) NOT NULL,
        award_name varchar(255) NOT NULL,
        mode varchar(16) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open',
        candidates jsonb NOT NULL,
        quota int NOT NULL,
        member_count int NOT NULL,
        present_unit_ids uuid[] NOT NULL,
        threshold_percent numeric(5,2) NOT NULL,
        threshold_base varchar(16) NOT NULL,
        paper_counts jsonb,
        result jsonb,
        opened_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        closed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT ck_ballots_round CHECK (round >= 1 AND (round > 1 OR series_id = id)),
        CONSTRAINT ck_ballots_mode CHECK (mode IN ('electronic','paper')),
        CONSTRAINT ck_ballots_status CHECK (status IN ('open','closed')),
        CONSTRAINT ck_ballots_closed CHECK ((status = 'closed') = (result IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT ck_ballots_paper_counts CHECK (mode = 'paper' OR paper_counts IS NULL),
        CONSTRAINT ck_ballots_quota CHECK (quota >= 1),
        CONSTRAINT ck_ballots_present CHECK (cardinality(present_unit_ids) <= member_count),
        CONSTRAINT ck_ballots_candidates CHECK (jsonb_typeof(candidates) = 'array' AND jsonb_array_length(candidates) >= 1),
        CONSTRAINT ck_ballots_threshold CHECK (threshold_percent >= 0 AND threshold_percent <= 100 AND threshold_base IN ('members','present'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_ballots_series_round ON ballots (series_id, round)`);
    await q.query(`CREATE INDEX ix_ballots_conference ON ballots (conference_id, opened_at)`);
    await q.query(`CREATE INDEX ix_ballots_block_year ON ballots (block_year_id, award_code)`);
    // One open ballot per award and block year at a time.
    await q.query(`CREATE UNIQUE INDEX uq_ballots_open_award ON ballots (block_year_id, award_code) WHERE status = 'open'`);

    // Who voted: public (never what). One row per unit and ballot.
    await q.query(`
      CREATE TABLE ballot_voters (
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE RESTRICT,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        voted_by uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        voted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ballot_voters PRIMARY KEY (ballot_id, unit_id)
      )`);

    // What was voted: one box per electronic ballot, papers shuffled, no per-paper identity.
    await q.query(`
      CREATE TABLE ballot_boxes (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE RESTRICT,
        papers jsonb NOT NULL DEFAULT '[]'::jsonb,
        CONSTRAINT ck_ballot_boxes_papers CHECK (jsonb_typeof(papers) = 'array')
      )`);

    await q.query(`
      CREATE TABLE ballot_tally_records (
        series_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE RESTRICT,
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        doc_number varchar(64) NOT NULL,
        sequence int NOT NULL,
        chair_name varchar(255) NOT NULL,
        member_names jsonb NOT NULL,
        content_hash char(64) NOT NULL,
        signed_by uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        signed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_ballot_tally_records_chair CHECK (btrim(chair_name) <> ''),
        CONSTRAINT ck_ballot_tally_records_members CHECK (jsonb_typeof(member_names) = 'array' AND jsonb_array_length(member_names) >= 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_ballot_tally_records_number ON ballot_tally_records (block_year_id, sequence)`);

    // Next year's leader and deputy, elected at this year's year-end conference.
    await q.query(`
      CREATE TABLE seat_elections (
        block_year_id uuid PRIMARY KEY REFERENCES block_years(id) ON DELETE RESTRICT,
        conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE RESTRICT,
        leader_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        deputy_unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        rotation_order uuid[] NOT NULL,
        present_count int NOT NULL,
        member_count int NOT NULL,
        note text NOT NULL DEFAULT '',
        decided_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        decided_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT ck_seat_elections_differ CHECK (deputy_unit_id IS NULL OR deputy_unit_id <> leader_unit_id)
      )`);

    // A closed ballot is part of the record; ballots are never deleted.
    await q.query(`
      CREATE FUNCTION ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'ballots are never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
        END IF;
        IF OLD.status = 'closed' THEN
          RAISE EXCEPTION 'ballot % is closed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
        END IF;
        IF NEW.id <> OLD.id OR NEW.series_id <> OLD.series_id OR NEW.round <> OLD.round OR NEW.candidates <> OLD.candidates OR NEW.quota <> OLD.quota
           OR NEW.present_unit_ids <> OLD.present_unit_ids OR NEW.mode <> OLD.mode OR NEW.award_code <> OLD.award_code THEN
          RAISE EXCEPTION 'the setup of ballot % cannot change', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballots_guard BEFORE UPDATE OR DELETE ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_guard()`);

    // Voters: append-only, only while the electronic ballot is open, only units present when it opened.
    await q.query(`
      CREATE FUNCTION ballot_voters_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b record;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'ballot_voters is append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_voters_append_only';
        END IF;
        SELECT status, mode, present_unit_ids INTO b FROM ballots WHERE id = NEW.ballot_id;
        IF b.status <> 'open' OR b.mode <> 'electronic' THEN
          RAISE EXCEPTION 'ballot % is not open for electronic votes', NEW.ballot_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_voters_open';
        END IF;
        IF NOT NEW.unit_id = ANY (b.present_unit_ids) THEN
          RAISE EXCEPTION 'unit % was not present when ballot % opened', NEW.unit_id, NEW.ballot_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_voters_present';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballot_voters_guard BEFORE INSERT OR UPDATE OR DELETE ON ballot_voters FOR EACH ROW EXECUTE FUNCTION ballot_voters_guard()`);

    // Box: created empty; each update adds exactly one paper while the ballot is open, keeps every paper
    // already cast (as a multiset), and leaves as many papers as voters. Never deleted.
    await q.query(`
      CREATE FUNCTION ballot_boxes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text; voters int;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'ballot papers are never removed' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF jsonb_array_length(NEW.papers) <> 0 THEN
            RAISE EXCEPTION 'a ballot box starts empty' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.ballot_id <> OLD.ballot_id THEN
          RAISE EXCEPTION 'a ballot box cannot move' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        SELECT status INTO st FROM ballots WHERE id = NEW.ballot_id;
        IF st <> 'open' THEN
          RAISE EXCEPTION 'ballot % is closed', NEW.ballot_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        IF jsonb_array_length(NEW.papers) <> jsonb_array_length(OLD.papers) + 1 THEN
          RAISE EXCEPTION 'one paper per vote' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        SELECT count(*) INTO voters FROM ballot_voters WHERE ballot_id = NEW.ballot_id;
        IF jsonb_array_length(NEW.papers) <> voters THEN
          RAISE EXCEPTION 'a paper needs its voter' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        IF EXISTS (
          SELECT 1 FROM (SELECT p.v, count(*) AS n FROM jsonb_array_elements(OLD.papers) AS p(v) GROUP BY p.v) o
          LEFT JOIN (SELECT p.v, count(*) AS n FROM jsonb_array_elements(NEW.papers) AS p(v) GROUP BY p.v) x ON x.v = o.v
          WHERE coalesce(x.n, 0) < o.n) THEN
          RAISE EXCEPTION 'a cast paper cannot change' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_boxes_append_only';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballot_boxes_guard BEFORE INSERT OR UPDATE OR DELETE ON ballot_boxes FOR EACH ROW EXECUTE FUNCTION ballot_boxes_guard()`);

    // A signed tally record is final.
    await q.query(`
      CREATE FUNCTION ballot_tally_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a signed tally record is final' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_tally_records_final';
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballot_tally_records_guard BEFORE UPDATE OR DELETE ON ballot_tally_records FOR EACH ROW EXECUTE FUNCTION ballot_tally_records_guard()`);

    // No TRUNCATE around the triggers.
    await q.query(`
      CREATE FUNCTION ballots_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
      END $$`);
    for (const t of ['ballots', 'ballot_voters', 'ballot_boxes', 'ballot_tally_records']) {
      await q.query(`CREATE TRIGGER tr_${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ballots_no_truncate()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE seat_elections`);
    await q.query(`DROP TABLE ballot_tally_records`);
    await q.query(`DROP TABLE ballot_boxes`);
    await q.query(`DROP TABLE ballot_voters`);
    await q.query(`DROP TABLE ballots`);
    await q.query(`DROP FUNCTION ballots_no_truncate()`);
    await q.query(`DROP FUNCTION ballot_tally_records_guard()`);
    await q.query(`DROP FUNCTION ballot_boxes_guard()`);
    await q.query(`DROP FUNCTION ballot_voters_guard()`);
    await q.query(`DROP FUNCTION ballots_guard()`);
  }
}
