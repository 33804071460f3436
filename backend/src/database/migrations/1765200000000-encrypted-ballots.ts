import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encrypted secret ballots (docs/ballot-secrecy.md). Replaces the plaintext ballot box (one jsonb row
 * rewritten at each cast, whose dead versions linked every paper to its voter) with:
 *
 * - `ballots.public_key`: the ballot's ristretto255 ElGamal public key, fixed at opening.
 * - `ballot_keys`: the ballot's secret key, only ever stored wrapped (AES-256-GCM) by a key the server
 *   holds outside the database; deleted when the ballot is counted.
 * - `ballot_papers`: one INSERT-only row per paper: a random id, the ciphertexts with their proofs and the
 *   paper's receipt (SHA-256). No timestamp, no sequence, nothing naming the voter.
 *
 * The database refuses: a paper or key for a ballot that is not open and electronic, a changed or removed
 * paper, the same paper twice, a voter without exactly one paper (checked at commit), a key removed before
 * the count or replaced.
 *
 * Upgrading destroys the plaintext papers of closed ballots (their counted results stay in
 * `ballots.result`): keeping them would keep the link this migration exists to remove. It refuses to run
 * while an electronic ballot is open (close it first): its papers cannot be encrypted after the fact.
 */
export class EncryptedBallots1765200000000 implements MigrationInterface {
  name = 'EncryptedBallots1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const [open] = await q.query(`SELECT count(*)::int AS n FROM ballots WHERE mode = 'electronic' AND status = 'open'`);
    if (open.n > 0) throw new Error(`${open.n} electronic ballot(s) still open: close them before upgrading to encrypted ballots`);

    await q.query(`DROP TABLE ballot_boxes`);
    await q.query(`DROP FUNCTION ballot_boxes_guard()`);

    await q.query(`ALTER TABLE ballots ADD COLUMN public_key char(64)`);
    await q.query(`ALTER TABLE ballots ADD CONSTRAINT ck_ballots_public_key CHECK (
      (public_key IS NULL OR public_key ~ '^[0-9a-f]{64}$') AND (mode = 'paper' OR status = 'closed' OR public_key IS NOT NULL) AND (mode = 'electronic' OR public_key IS NULL))`);
    await q.query(ballotsGuard(true));

    await q.query(`
      CREATE TABLE ballot_keys (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE RESTRICT,
        wrapped text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION ballot_keys_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b record;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'a ballot key is never replaced' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_keys_guard';
        END IF;
        SELECT status, mode INTO b FROM ballots WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.ballot_id ELSE OLD.ballot_id END;
        IF TG_OP = 'INSERT' AND (b.status <> 'open' OR b.mode <> 'electronic') THEN
          RAISE EXCEPTION 'a key belongs to an open electronic ballot' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_keys_guard';
        END IF;
        IF TG_OP = 'DELETE' AND b.status <> 'closed' THEN
          RAISE EXCEPTION 'a ballot key is destroyed only once the ballot is counted' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_keys_guard';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballot_keys_guard BEFORE INSERT OR UPDATE OR DELETE ON ballot_keys FOR EACH ROW EXECUTE FUNCTION ballot_keys_guard()`);

    await q.query(`
      CREATE TABLE ballot_papers (
        id uuid PRIMARY KEY,
        ballot_id uuid NOT NULL REFERENCES ballots(id) ON DELETE RESTRICT,
        paper jsonb NOT NULL,
        receipt char(64) NOT NULL,
        CONSTRAINT ck_ballot_papers_receipt CHECK (receipt ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_ballot_papers_shape CHECK (jsonb_typeof(paper -> 'choices') = 'array' AND jsonb_typeof(paper -> 'quotaProof') = 'object')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_ballot_papers_receipt ON ballot_papers (ballot_id, receipt)`);
    await q.query(`
      CREATE FUNCTION ballot_papers_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE b record;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'a cast paper is never changed or removed' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_papers_append_only';
        END IF;
        SELECT status, mode INTO b FROM ballots WHERE id = NEW.ballot_id;
        IF b.status <> 'open' OR b.mode <> 'electronic' THEN
          RAISE EXCEPTION 'ballot % is not open for electronic papers', NEW.ballot_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_papers_append_only';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_ballot_papers_guard BEFORE INSERT OR UPDATE OR DELETE ON ballot_papers FOR EACH ROW EXECUTE FUNCTION ballot_papers_guard()`);
    await q.query(`CREATE TRIGGER tr_ballot_papers_no_truncate BEFORE TRUNCATE ON ballot_papers FOR EACH STATEMENT EXECUTE FUNCTION ballots_no_truncate()`);
    await q.query(`CREATE TRIGGER tr_ballot_keys_no_truncate BEFORE TRUNCATE ON ballot_keys FOR EACH STATEMENT EXECUTE FUNCTION ballots_no_truncate()`);

    // One paper per voter, checked when the casting transaction commits.
    await q.query(`
      CREATE FUNCTION ballot_papers_match_voters() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM ballot_papers WHERE ballot_id = NEW.ballot_id) <> (SELECT count(*) FROM ballot_voters WHERE ballot_id = NEW.ballot_id) THEN
          RAISE EXCEPTION 'every voter casts exactly one paper' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballot_papers_one_per_voter';
        END IF;
        RETURN NULL;
      END $$`);
    for (const t of ['ballot_papers', 'ballot_voters']) {
      await q.query(`CREATE CONSTRAINT TRIGGER tr_${t}_match AFTER INSERT ON ${t} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ballot_papers_match_voters()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const [open] = await q.query(`SELECT count(*)::int AS n FROM ballots WHERE mode = 'electronic' AND status = 'open'`);
    if (open.n > 0) throw new Error(`${open.n} electronic ballot(s) still open: close them before downgrading`);
    for (const t of ['ballot_papers', 'ballot_voters']) await q.query(`DROP TRIGGER tr_${t}_match ON ${t}`);
    await q.query(`DROP FUNCTION ballot_papers_match_voters()`);
    await q.query(`DROP TABLE ballot_papers`);
    await q.query(`DROP FUNCTION ballot_papers_guard()`);
    await q.query(`DROP TABLE ballot_keys`);
    await q.query(`DROP FUNCTION ballot_keys_guard()`);
    await q.query(ballotsGuard(false));
    await q.query(`ALTER TABLE ballots DROP CONSTRAINT ck_ballots_public_key`);
    await q.query(`ALTER TABLE ballots DROP COLUMN public_key`);

    // The plaintext box of 1764700000000-ballots, empty: encrypted papers have no plaintext to restore.
    await q.query(`
      CREATE TABLE ballot_boxes (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id) ON DELETE RESTRICT,
        papers jsonb NOT NULL DEFAULT '[]'::jsonb,
        CONSTRAINT ck_ballot_boxes_papers CHECK (jsonb_typeof(papers) = 'array')
      )`);
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
    await q.query(`INSERT INTO ballot_boxes (ballot_id) SELECT id FROM ballots WHERE mode = 'electronic'`);
    await q.query(`CREATE TRIGGER tr_ballot_boxes_guard BEFORE INSERT OR UPDATE OR DELETE ON ballot_boxes FOR EACH ROW EXECUTE FUNCTION ballot_boxes_guard()`);
    await q.query(`CREATE TRIGGER tr_ballot_boxes_no_truncate BEFORE TRUNCATE ON ballot_boxes FOR EACH STATEMENT EXECUTE FUNCTION ballots_no_truncate()`);
  }
}

/** The ballots row guard of 1764700000000-ballots; with `publicKey`, the key is part of the fixed setup too. */
function ballotsGuard(publicKey: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'ballots are never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
      END IF;
      IF OLD.status = 'closed' THEN
        RAISE EXCEPTION 'ballot % is closed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
      END IF;
      IF NEW.id <> OLD.id OR NEW.series_id <> OLD.series_id OR NEW.round <> OLD.round OR NEW.candidates <> OLD.candidates OR NEW.quota <> OLD.quota
         OR NEW.present_unit_ids <> OLD.present_unit_ids OR NEW.mode <> OLD.mode OR NEW.award_code <> OLD.award_code${publicKey ? ' OR NEW.public_key IS DISTINCT FROM OLD.public_key' : ''} THEN
        RAISE EXCEPTION 'the setup of ballot % cannot change', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ballots_immutable';
      END IF;
      RETURN NEW;
    END $$`;
}
