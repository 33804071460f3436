import type { EntityManager } from 'typeorm';
import { sqlPage } from '../../common/pagination';
import type { NewsKind, NewsStatus, PublishedCount, SubjectKind, Target } from './news-rules';

/**
 * The news module's SQL for its items, their photos and the year's targets: what the signed-in pages read and
 * write. The exemplary-model register is in exemplary-model-data.ts, the public pages' reads in news-pages-data.ts.
 */

type Sql = Pick<EntityManager, 'query'>;

/** An item as lists and the item page summarise it (with its unit's name and the start of its text). */
export interface NewsSummaryRow {
  id: string;
  blockYearId: string;
  unitId: string;
  unitName: string;
  kind: NewsKind;
  status: NewsStatus;
  title: string;
  slug: string;
  summary: string;
  subjectName: string | null;
  movementKey: string | null;
  publishedAt: Date | null;
  featuredInBlock: boolean;
  featuredCity: boolean;
  updatedAt: Date;
  bodyStart: string | null;
}

/** An item as its use cases load it. */
export interface NewsItemRow {
  id: string;
  blockYearId: string;
  unitId: string;
  kind: NewsKind;
  status: NewsStatus;
  title: string;
  slug: string;
  bodyHtml: string;
  bodyText: string;
  authorLine: string;
  subjectKind: SubjectKind | null;
  subjectName: string | null;
  eventDate: Date | string | null;
  activityKey: string | null;
  featuredInBlock: boolean;
  featuredCity: boolean;
  returnReason: string | null;
  version: number;
}

export interface NewsPhotoRow {
  id: string;
  sort: number;
  caption: string;
  alt: string;
  afterParagraph: number | null;
  width: number;
  height: number;
}

/** What a list of items is filtered by. `visibleTo` limits it to published items and those of that unit. */
export interface NewsFilter {
  blockYearId: string;
  visibleTo?: { unitId: string | null };
  unitId?: string;
  kind?: NewsKind;
  status?: NewsStatus;
  q?: string;
}

/** The columns an item's fields are written to, in the order an update sets them. */
export interface NewsItemPatch {
  title?: string;
  slug?: string;
  summary?: string;
  bodyHtml?: string;
  bodyText?: string;
  authorLine?: string;
  subjectKind?: SubjectKind | null;
  subjectName?: string | null;
  eventDate?: string | null;
  movementKey?: string | null;
  activityKey?: string | null;
}

const PATCH_COLUMNS: [keyof NewsItemPatch, string][] = [
  ['title', 'title'], ['slug', 'slug'], ['summary', 'summary'], ['bodyHtml', 'body_html'], ['bodyText', 'body_text'], ['authorLine', 'author_line'],
  ['subjectKind', 'subject_kind'], ['subjectName', 'subject_name'], ['eventDate', 'event_date'], ['movementKey', 'movement_key'], ['activityKey', 'activity_key'],
];

const SUMMARY_COLUMNS = `i.id, i.block_year_id AS "blockYearId", i.unit_id AS "unitId", u.name AS "unitName", i.kind, i.status, i.title, i.slug, i.summary,
  i.subject_name AS "subjectName", i.movement_key AS "movementKey", i.published_at AS "publishedAt", i.featured_in_block AS "featuredInBlock",
  i.featured_city AS "featuredCity", i.updated_at AS "updatedAt", left(i.body_text, 400) AS "bodyStart"`;

// ─── Items ──────────────────────────────────────────────────────────────────────────────────────────

/** A page of a year's items, newest published first (unpublished ones before them), and how many match. */
export async function newsPage(em: Sql, f: NewsFilter, page: number, pageSize: number): Promise<{ rows: NewsSummaryRow[]; total: number }> {
  return sqlPage<NewsSummaryRow>(em, {
    from: 'news_items i', select: `SELECT ${SUMMARY_COLUMNS} FROM news_items i JOIN units u ON u.id = i.unit_id`,
    orderBy: 'i.published_at DESC NULLS FIRST, i.updated_at DESC, i.id', page, pageSize,
    where: (p) => [
      `i.block_year_id = ${p(f.blockYearId)}`,
      f.visibleTo && `(i.status = 'published' OR i.unit_id = ${p(f.visibleTo.unitId)})`,
      f.unitId && `i.unit_id = ${p(f.unitId)}`,
      f.kind && `i.kind = ${p(f.kind)}`,
      f.status && `i.status = ${p(f.status)}`,
      f.q?.trim() && `i.search @@ plainto_tsquery('simple', news_unaccent(${p(f.q)}))`,
    ],
  });
}

export async function newsSummary(em: Sql, id: string): Promise<NewsSummaryRow> {
  const [row]: NewsSummaryRow[] = await em.query(`SELECT ${SUMMARY_COLUMNS} FROM news_items i JOIN units u ON u.id = i.unit_id WHERE i.id = $1`, [id]);
  return row;
}

/** An item; `lock` locks its row for a write. Undefined when there is none. */
export async function findNewsItem(em: Sql, id: string, lock = false): Promise<NewsItemRow | undefined> {
  const [r]: {
    id: string; block_year_id: string; unit_id: string; kind: NewsKind; status: NewsStatus; title: string; slug: string; body_html: string; body_text: string;
    author_line: string; subject_kind: SubjectKind | null; subject_name: string | null; event_date: Date | string | null; activity_key: string | null;
    featured_in_block: boolean; featured_city: boolean; return_reason: string | null; version: number;
  }[] = await em.query(`SELECT * FROM news_items WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!r) return undefined;
  return {
    id: r.id, blockYearId: r.block_year_id, unitId: r.unit_id, kind: r.kind, status: r.status, title: r.title, slug: r.slug, bodyHtml: r.body_html, bodyText: r.body_text,
    authorLine: r.author_line, subjectKind: r.subject_kind, subjectName: r.subject_name, eventDate: r.event_date, activityKey: r.activity_key,
    featuredInBlock: r.featured_in_block, featuredCity: r.featured_city, returnReason: r.return_reason, version: r.version,
  };
}

/** A new draft item (its slug set once its id is known); returns its id. */
export async function insertNewsItem(em: Sql, a: {
  blockYearId: string; unitId: string | null; kind: NewsKind; title: string | undefined; summary: string; bodyHtml: string; bodyText: string; authorLine: string;
  subjectKind: SubjectKind | null; subjectName: string | null; eventDate: string | null; movementKey: string | null; activityKey: string | null; createdBy: string;
}): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO news_items (block_year_id, unit_id, kind, title, slug, summary, body_html, body_text, author_line, subject_kind, subject_name, event_date,
       movement_key, activity_key, created_by)
     VALUES ($1,$2,$3,$4,'tmp-' || gen_random_uuid(),$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
    [a.blockYearId, a.unitId, a.kind, a.title, a.summary, a.bodyHtml, a.bodyText, a.authorLine, a.subjectKind, a.subjectName, a.eventDate, a.movementKey, a.activityKey, a.createdBy]);
  return row.id;
}

export async function setNewsSlug(em: Sql, id: string, slug: string): Promise<void> {
  await em.query('UPDATE news_items SET slug = $2 WHERE id = $1', [id, slug]);
}

/** Writes the fields given (undefined ones stay), bumping the version. */
export async function updateNewsItem(em: Sql, id: string, patch: NewsItemPatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of PATCH_COLUMNS) {
    if (patch[key] === undefined) continue;
    params.push(patch[key]);
    sets.push(`${column} = $${params.length}`);
  }
  await em.query(`UPDATE news_items SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

export async function markNewsSubmitted(em: Sql, id: string): Promise<void> {
  await em.query(`UPDATE news_items SET status = 'submitted', submitted_at = now(), return_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function markNewsPublished(em: Sql, id: string, approvedBy: string): Promise<void> {
  await em.query(`UPDATE news_items SET status = 'published', published_at = now(), approved_by = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, approvedBy]);
}

export async function markNewsReturned(em: Sql, id: string, reason: string): Promise<void> {
  await em.query(`UPDATE news_items SET status = 'returned', return_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
}

/** Sets the block's or the city's featured mark. */
export async function setNewsFeatured(em: Sql, id: string, column: 'featured_city' | 'featured_in_block', featured: boolean): Promise<void> {
  await em.query(`UPDATE news_items SET ${column} = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, featured]);
}

/** Bumps an item's version after a change to its photos. */
export async function touchNewsItem(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE news_items SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

/** A unit's published items of a block year (of one kind, or both), oldest first. */
export async function publishedItemsOf(em: Sql, blockYearId: string, unitId: string, kind: NewsKind | null): Promise<{ id: string; title: string; slug: string; publishedAt: Date }[]> {
  return em.query(
    `SELECT id, title, slug, published_at AS "publishedAt" FROM news_items WHERE block_year_id = $1 AND unit_id = $2 AND status = 'published' AND ($3::text IS NULL OR kind = $3)
     ORDER BY published_at`, [blockYearId, unitId, kind]);
}

/** Of these items, those that are published stories of the unit in the block year. */
export async function publishedStoryIds(em: Sql, ids: readonly string[], unitId: string, blockYearId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM news_items WHERE id = ANY($1::uuid[]) AND unit_id = $2 AND block_year_id = $3 AND kind = 'story' AND status = 'published'`, [ids, unitId, blockYearId]);
  return rows.map((r) => r.id);
}

// ─── Photos ─────────────────────────────────────────────────────────────────────────────────────────

export async function photosOf(em: Sql, itemId: string): Promise<NewsPhotoRow[]> {
  return em.query('SELECT id, sort, caption, alt, after_paragraph AS "afterParagraph", width, height FROM news_photos WHERE item_id = $1 ORDER BY sort', [itemId]);
}

export async function photoContentRow(em: Sql, id: string): Promise<{ itemId: string; mimeType: string; content: Buffer } | undefined> {
  const [p]: { itemId: string; mimeType: string; content: Buffer }[] = await em.query(
    'SELECT item_id AS "itemId", mime_type AS "mimeType", content FROM news_photos WHERE id = $1', [id]);
  return p;
}

export async function photoOwner(em: Sql, id: string): Promise<{ itemId: string; sha256: string } | undefined> {
  const [p]: { itemId: string; sha256: string }[] = await em.query('SELECT item_id AS "itemId", sha256 FROM news_photos WHERE id = $1', [id]);
  return p;
}

export async function photoCount(em: Sql, itemId: string): Promise<number> {
  const [{ n }]: { n: number; m: number }[] = await em.query('SELECT count(*)::int AS n, coalesce(max(sort), 0) AS m FROM news_photos WHERE item_id = $1', [itemId]);
  return n;
}

/** A photo after the item's others; returns its id. */
export async function insertPhoto(em: Sql, a: {
  itemId: string; caption: string; alt: string; afterParagraph: number | null; mimeType: string; width: number; height: number; sizeBytes: number; sha256: string;
  content: Buffer; uploadedBy: string;
}): Promise<string> {
  const [p]: { id: string }[] = await em.query(
    `INSERT INTO news_photos (item_id, sort, caption, alt, after_paragraph, mime_type, width, height, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, (SELECT coalesce(max(sort), 0) + 1 FROM news_photos WHERE item_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [a.itemId, a.caption, a.alt, a.afterParagraph, a.mimeType, a.width, a.height, a.sizeBytes, a.sha256, a.content, a.uploadedBy]);
  return p.id;
}

export async function deletePhotoRow(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM news_photos WHERE id = $1', [id]);
}

// ─── Counts and targets ─────────────────────────────────────────────────────────────────────────────

/** Published items of a block year per unit, movement and kind. */
export async function publishedCounts(em: Sql, blockYearId: string): Promise<PublishedCount[]> {
  const rows: { unit_id: string; movement_key: string | null; kind: NewsKind; count: number }[] = await em.query(
    `SELECT unit_id, movement_key, kind, count(*)::int AS count FROM news_items WHERE block_year_id = $1 AND status = 'published' GROUP BY 1, 2, 3`, [blockYearId]);
  return rows.map((r) => ({ unitId: r.unit_id, movementKey: r.movement_key, kind: r.kind, count: r.count }));
}

export async function newsTargets(em: Sql, blockYearId: string): Promise<Target[]> {
  const rows: { movement_key: string; kind: NewsKind; per_unit: number }[] = await em.query(
    'SELECT movement_key, kind, per_unit FROM news_targets WHERE block_year_id = $1 ORDER BY movement_key, kind', [blockYearId]);
  return rows.map((r) => ({ movementKey: r.movement_key, kind: r.kind, perUnit: r.per_unit }));
}

/** The targets as the audit records them (before a change). */
export async function newsTargetsForAudit(em: Sql, blockYearId: string): Promise<Target[]> {
  return em.query('SELECT movement_key AS "movementKey", kind, per_unit AS "perUnit" FROM news_targets WHERE block_year_id = $1 ORDER BY 1, 2', [blockYearId]);
}

/** Replaces the year's targets, one row at a time in the order given. */
export async function replaceNewsTargets(em: Sql, blockYearId: string, targets: readonly { movementKey: string; kind: NewsKind; perUnit: number }[]): Promise<void> {
  await em.query('DELETE FROM news_targets WHERE block_year_id = $1', [blockYearId]);
  for (const t of targets) {
    await em.query('INSERT INTO news_targets (block_year_id, movement_key, kind, per_unit) VALUES ($1,$2,$3,$4)', [blockYearId, t.movementKey, t.kind, t.perUnit]);
  }
}

/** The block years of a year, by block code (the board's overview). */
export async function blockYearIdsOfYear(em: Sql, year: number): Promise<string[]> {
  const rows: { id: string }[] = await em.query('SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1 ORDER BY b.code', [year]);
  return rows.map((r) => r.id);
}

// ─── Demo history ───────────────────────────────────────────────────────────────────────────────────

/**
 * Demo history: a demo item published in a past year was written, sent, approved and given its photos at that
 * moment (no use case sets a past time). Only for the demo loader.
 */
export async function recordDemoPublication(em: Sql, id: string, at: Date): Promise<void> {
  await em.query('UPDATE news_items SET created_at = $2, submitted_at = $2, published_at = $2, updated_at = $2 WHERE id = $1', [id, at]);
  await em.query('UPDATE news_photos SET uploaded_at = $2 WHERE item_id = $1', [id, at]);
}
