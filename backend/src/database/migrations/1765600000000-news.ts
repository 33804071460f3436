import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * News (tin hoạt động) and exemplary-model stories (gương điển hình tiên tiến), their photos, the register of
 * exemplary models and the per-block-year publication targets. Search ignores diacritics: an immutable
 * wrapper over `unaccent` feeds a generated tsvector with a GIN index.
 */
export class News1765600000000 implements MigrationInterface {
  name = 'News1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query(`CREATE OR REPLACE FUNCTION news_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await q.query(`CREATE TABLE news_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      kind varchar(8) NOT NULL,
      status varchar(12) NOT NULL DEFAULT 'draft',
      title varchar(300) NOT NULL,
      slug varchar(240) NOT NULL,
      summary varchar(600) NOT NULL DEFAULT '',
      body_html text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      author_line varchar(300) NOT NULL DEFAULT '',
      subject_kind varchar(12),
      subject_name varchar(300),
      event_date date,
      movement_key varchar(64),
      activity_key varchar(64),
      featured_in_block boolean NOT NULL DEFAULT false,
      featured_city boolean NOT NULL DEFAULT false,
      return_reason text,
      created_by uuid REFERENCES accounts(id),
      submitted_at timestamptz,
      approved_by uuid REFERENCES accounts(id),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', news_unaccent(title || ' ' || summary || ' ' || coalesce(subject_name, '') || ' ' || body_text))) STORED,
      CONSTRAINT ck_news_items_kind CHECK (kind IN ('news','story')),
      CONSTRAINT ck_news_items_status CHECK (status IN ('draft','submitted','returned','published')),
      CONSTRAINT ck_news_items_subject CHECK (subject_kind IS NULL OR subject_kind IN ('person','collective')),
      CONSTRAINT ck_news_items_story_subject CHECK (kind <> 'story' OR status = 'draft' OR (subject_kind IS NOT NULL AND subject_name IS NOT NULL)),
      CONSTRAINT ck_news_items_published CHECK ((status = 'published') = (published_at IS NOT NULL)),
      CONSTRAINT uq_news_items_slug UNIQUE (slug)
    )`);
    await q.query('CREATE INDEX ix_news_items_year_unit ON news_items (block_year_id, unit_id, status)');
    await q.query(`CREATE INDEX ix_news_items_published ON news_items (published_at DESC, id) WHERE status = 'published'`);
    await q.query(`CREATE INDEX ix_news_items_city_page ON news_items (featured_city DESC, published_at DESC, id) WHERE status = 'published'`);
    await q.query(`CREATE INDEX ix_news_items_year_published ON news_items (block_year_id, published_at DESC, id) WHERE status = 'published'`);
    await q.query('CREATE INDEX ix_news_items_search ON news_items USING GIN (search)');
    await q.query(`CREATE TABLE news_photos (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      item_id uuid NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
      sort int NOT NULL,
      caption varchar(500) NOT NULL DEFAULT '',
      after_paragraph int,
      alt varchar(300) NOT NULL,
      mime_type varchar(32) NOT NULL,
      width int NOT NULL,
      height int NOT NULL,
      size_bytes int NOT NULL,
      sha256 char(64) NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid REFERENCES accounts(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_news_photos_after CHECK (after_paragraph IS NULL OR after_paragraph >= 0),
      CONSTRAINT ck_news_photos_alt CHECK (length(btrim(alt)) > 0),
      CONSTRAINT ck_news_photos_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
    )`);
    await q.query('CREATE INDEX ix_news_photos_item ON news_photos (item_id, sort)');
    await q.query(`CREATE TABLE exemplary_models (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      subject_kind varchar(12) NOT NULL,
      name varchar(300) NOT NULL,
      achievement text NOT NULL,
      year int NOT NULL,
      created_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      CONSTRAINT ck_exemplary_models_kind CHECK (subject_kind IN ('person','collective'))
    )`);
    await q.query('CREATE INDEX ix_exemplary_models_unit_year ON exemplary_models (unit_id, year)');
    await q.query(`CREATE TABLE exemplary_model_stories (
      model_id uuid NOT NULL REFERENCES exemplary_models(id) ON DELETE CASCADE,
      item_id uuid NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
      PRIMARY KEY (model_id, item_id)
    )`);
    await q.query(`CREATE TABLE news_targets (
      block_year_id uuid NOT NULL REFERENCES block_years(id) ON DELETE CASCADE,
      movement_key varchar(64) NOT NULL DEFAULT '',
      kind varchar(8) NOT NULL,
      per_unit int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (block_year_id, movement_key, kind),
      CONSTRAINT ck_news_targets_kind CHECK (kind IN ('news','story')),
      CONSTRAINT ck_news_targets_per_unit CHECK (per_unit BETWEEN 0 AND 1000)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE news_targets');
    await q.query('DROP TABLE exemplary_model_stories');
    await q.query('DROP TABLE exemplary_models');
    await q.query('DROP TABLE news_photos');
    await q.query('DROP TABLE news_items');
    await q.query('DROP FUNCTION news_unaccent(text)');
    // The unaccent extension stays: other objects may use it, and dropping it needs more rights than creating it.
  }
}
