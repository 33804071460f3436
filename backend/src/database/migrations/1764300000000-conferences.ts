import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conferences (hội nghị): agenda, invitations and attendance, decisions, minutes (biên bản). */
export class Conferences1764300000000 implements MigrationInterface {
  name = 'Conferences1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conferences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE RESTRICT,
        kind varchar(16) NOT NULL,
        title varchar(500) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        place varchar(500) NOT NULL,
        chair_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        co_chair_unit_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        chair_name varchar(255) NOT NULL DEFAULT '',
        co_chair_name varchar(255) NOT NULL DEFAULT '',
        secretary_name varchar(255) NOT NULL DEFAULT '',
        guests jsonb NOT NULL DEFAULT '[]'::jsonb,
        status varchar(16) NOT NULL DEFAULT 'planned',
        opened_at timestamptz,
        closed_at timestamptz,
        conclusion text NOT NULL DEFAULT '',
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_conferences_kind CHECK (kind IN ('launch','mid_year','year_end','extraordinary')),
        CONSTRAINT ck_conferences_status CHECK (status IN ('planned','in_session','concluded')),
        CONSTRAINT ck_conferences_ends_after_starts CHECK (ends_at IS NULL OR ends_at > starts_at),
        CONSTRAINT ck_conferences_closed_after_opened CHECK (closed_at IS NULL OR (opened_at IS NOT NULL AND closed_at >= opened_at)),
        CONSTRAINT ck_conferences_status_times CHECK (
          (status = 'planned' AND opened_at IS NULL AND closed_at IS NULL)
          OR (status = 'in_session' AND opened_at IS NOT NULL AND closed_at IS NULL)
          OR (status = 'concluded' AND opened_at IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT ck_conferences_chairs_differ CHECK (co_chair_unit_id IS NULL OR co_chair_unit_id <> chair_unit_id),
        CONSTRAINT ck_conferences_guests_array CHECK (jsonb_typeof(guests) = 'array')
      )`);
    await q.query(`CREATE INDEX ix_conferences_block_year ON conferences (block_year_id, starts_at)`);
    await q.query(`CREATE INDEX ix_conferences_open ON conferences (starts_at) WHERE status <> 'concluded'`);

    await q.query(`
      CREATE TABLE conference_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
        sort int NOT NULL,
        title varchar(500) NOT NULL,
        presenter varchar(255) NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        material_kind varchar(16),
        material_id uuid,
        status varchar(16) NOT NULL DEFAULT 'pending',
        CONSTRAINT ck_conference_agenda_items_sort CHECK (sort >= 1),
        CONSTRAINT ck_conference_agenda_items_status CHECK (status IN ('pending','current','done')),
        CONSTRAINT ck_conference_agenda_items_material_kind CHECK (material_kind IS NULL OR material_kind IN ('plan_version','rules_version','covenant')),
        CONSTRAINT ck_conference_agenda_items_material_pair CHECK ((material_kind IS NULL) = (material_id IS NULL)),
        CONSTRAINT uq_conference_agenda_items_sort UNIQUE (conference_id, sort) DEFERRABLE INITIALLY DEFERRED
      )`);
    // The stepper has at most one current item.
    await q.query(`CREATE UNIQUE INDEX uq_conference_agenda_items_current ON conference_agenda_items (conference_id) WHERE status = 'current'`);

    await q.query(`
      CREATE TABLE conference_attendance (
        conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        rsvp varchar(16) NOT NULL DEFAULT 'pending',
        rsvp_delegate varchar(255) NOT NULL DEFAULT '',
        rsvp_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        rsvp_at timestamptz,
        presence varchar(16),
        delegate_name varchar(255) NOT NULL DEFAULT '',
        checked_in_at timestamptz,
        checked_in_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        PRIMARY KEY (conference_id, unit_id),
        CONSTRAINT ck_conference_attendance_rsvp CHECK (rsvp IN ('pending','confirmed','declined')),
        CONSTRAINT ck_conference_attendance_presence CHECK (presence IS NULL OR presence IN ('present','absent','excused')),
        CONSTRAINT ck_conference_attendance_present_delegate CHECK (presence IS DISTINCT FROM 'present' OR delegate_name <> ''),
        CONSTRAINT ck_conference_attendance_checked_in CHECK ((presence IS NULL) = (checked_in_at IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_conference_attendance_unit ON conference_attendance (unit_id)`);

    await q.query(`
      CREATE TABLE conference_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE RESTRICT,
        agenda_item_id uuid NOT NULL REFERENCES conference_agenda_items(id) ON DELETE RESTRICT,
        kind varchar(16) NOT NULL,
        ref_id uuid,
        text text NOT NULL DEFAULT '',
        present_count int NOT NULL,
        member_count int NOT NULL,
        quorum_met boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        CONSTRAINT ck_conference_decisions_kind CHECK (kind IN ('adopt_plan','adopt_rules','open_signing','conclusion')),
        CONSTRAINT ck_conference_decisions_ref CHECK ((kind = 'conclusion') = (ref_id IS NULL)),
        CONSTRAINT ck_conference_decisions_conclusion_text CHECK (kind <> 'conclusion' OR text <> ''),
        CONSTRAINT ck_conference_decisions_counts CHECK (present_count >= 0 AND member_count >= 0 AND present_count <= member_count),
        -- Adopting a plan or rules version and opening a covenant's signing need a quorum, always.
        CONSTRAINT ck_conference_decisions_quorum CHECK (kind = 'conclusion' OR quorum_met)
      )`);
    await q.query(`CREATE INDEX ix_conference_decisions_conference ON conference_decisions (conference_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX uq_conference_decisions_ref ON conference_decisions (conference_id, kind, ref_id) WHERE ref_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE conference_minutes (
        conference_id uuid PRIMARY KEY REFERENCES conferences(id) ON DELETE CASCADE,
        doc_number varchar(64) NOT NULL,
        content jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft',
        chair_approved_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        chair_approved_at timestamptz,
        secretary_approved_by uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        secretary_approved_at timestamptz,
        content_hash char(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        CONSTRAINT ck_conference_minutes_status CHECK (status IN ('draft','approved')),
        CONSTRAINT ck_conference_minutes_chair_pair CHECK ((chair_approved_by IS NULL) = (chair_approved_at IS NULL)),
        CONSTRAINT ck_conference_minutes_secretary_pair CHECK ((secretary_approved_by IS NULL) = (secretary_approved_at IS NULL)),
        CONSTRAINT ck_conference_minutes_two_people CHECK (chair_approved_by IS NULL OR secretary_approved_by IS NULL OR chair_approved_by <> secretary_approved_by),
        CONSTRAINT ck_conference_minutes_approved CHECK (
          status = 'draft' OR (chair_approved_by IS NOT NULL AND secretary_approved_by IS NOT NULL AND content_hash IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conference_minutes`);
    await q.query(`DROP TABLE conference_decisions`);
    await q.query(`DROP TABLE conference_attendance`);
    await q.query(`DROP TABLE conference_agenda_items`);
    await q.query(`DROP TABLE conferences`);
  }
}
