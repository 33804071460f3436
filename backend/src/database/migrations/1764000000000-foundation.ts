import { MigrationInterface, QueryRunner } from 'typeorm';

/** Blocks, units, accounts, sessions, block years with members, and the append-only audit chain. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE app_meta (key varchar(64) PRIMARY KEY, value text NOT NULL)`);
    await q.query(`
      CREATE TABLE blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(255) COLLATE "vi-VN-x-icu" NOT NULL,
        kind varchar(8) NOT NULL,
        description text NOT NULL DEFAULT '',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_blocks_kind CHECK (kind IN ('khoi','cum'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_blocks_code ON blocks (code)`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(255) COLLATE "vi-VN-x-icu" NOT NULL,
        short_name varchar(64) COLLATE "vi-VN-x-icu" NOT NULL,
        parent_agency varchar(255) NOT NULL DEFAULT '',
        address varchar(500) NOT NULL DEFAULT '',
        phone varchar(32) NOT NULL DEFAULT '',
        email varchar(255) NOT NULL DEFAULT '',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_units_name ON units (lower(name))`);
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name varchar(255) COLLATE "vi-VN-x-icu" NOT NULL,
        email varchar(255) NOT NULL,
        role varchar(16) NOT NULL,
        unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        title varchar(255) NOT NULL DEFAULT '',
        password_hash varchar(255) NOT NULL,
        failed_sign_ins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_accounts_role CHECK (role IN ('admin','board','officer','unit_head')),
        CONSTRAINT ck_accounts_unit_for_unit_roles CHECK (role IN ('admin','board') OR unit_id IS NOT NULL),
        CONSTRAINT ck_accounts_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_accounts_email ON accounts (email)`);
    await q.query(`CREATE INDEX ix_accounts_unit ON accounts (unit_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id char(64) PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        csrf_token char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        ip varchar(64) NOT NULL DEFAULT '',
        user_agent varchar(500) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_sessions_account ON sessions (account_id)`);
    await q.query(`
      CREATE TABLE block_years (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_id uuid NOT NULL REFERENCES blocks(id) ON DELETE RESTRICT,
        year int NOT NULL,
        leader_unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        deputy_unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL DEFAULT 'setup',
        legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb,
        rules jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_block_years_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_block_years_seats_differ CHECK (leader_unit_id IS NULL OR deputy_unit_id IS NULL OR leader_unit_id <> deputy_unit_id),
        CONSTRAINT ck_block_years_status CHECK (status IN ('setup','planning','signed','in_progress','year_end','submitted','decided','archived'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_block_years_block_year ON block_years (block_id, year)`);
    await q.query(`
      CREATE TABLE block_year_members (
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        year int NOT NULL,
        block_id uuid NOT NULL REFERENCES blocks(id) ON DELETE RESTRICT,
        PRIMARY KEY (block_year_id, unit_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_block_year_members_unit_year ON block_year_members (unit_id, year)`);
    await q.query(`CREATE INDEX ix_block_year_members_block ON block_year_members (block_id)`);
    await q.query(`
      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_name varchar(255) NOT NULL DEFAULT '',
        action varchar(64) NOT NULL,
        entity_type varchar(64) NOT NULL,
        entity_id varchar(64),
        block_id uuid,
        before jsonb,
        after jsonb,
        reason text NOT NULL DEFAULT '',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_audit_entity ON audit_entries (entity_type, entity_id)`);
    await q.query(`CREATE INDEX ix_audit_occurred ON audit_entries (occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_block ON audit_entries (block_id)`);
    // Append-only: ordinary sessions cannot rewrite or remove history.
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER tr_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_append_only()`);
    await q.query(`DROP TABLE block_year_members`);
    await q.query(`DROP TABLE block_years`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE blocks`);
    await q.query(`DROP TABLE app_meta`);
  }
}
