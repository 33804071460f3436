import type { EntityManager } from 'typeorm';
import type { NewsKind } from './news-rules';

/** The news module's SQL for the public pages: published items only, their photos, and the blocks they are listed under. */

type Sql = Pick<EntityManager, 'query'>;

/** A published item as a public list shows it, with its first photo. */
export interface PublicItemRow {
  id: string;
  slug: string;
  kind: NewsKind;
  title: string;
  summary: string;
  bodyStart: string | null;
  publishedAt: Date;
  updatedAt: Date;
  featuredInBlock: boolean;
  featuredCity: boolean;
  unitName: string;
  blockName: string;
  blockCode: string;
  photoId: string | null;
  photoAlt: string | null;
}

export interface PublicArticleRow extends PublicItemRow {
  bodyHtml: string;
  authorLine: string;
  subjectName: string | null;
}

export interface PublicPhotoRow {
  id: string;
  alt: string;
  caption: string;
  width: number;
  height: number;
  afterParagraph: number | null;
}

/** Which published items a public list shows: of some block years (null: all), matching a search. */
export interface PublicFilter {
  blockYearIds: string[] | null;
  q: string;
}

const ITEM_COLUMNS = `i.id, i.slug, i.kind, i.title, i.summary, left(i.body_text, 400) AS "bodyStart", i.published_at AS "publishedAt", i.updated_at AS "updatedAt",
  i.featured_in_block AS "featuredInBlock", i.featured_city AS "featuredCity", u.name AS "unitName", b.name AS "blockName", b.code AS "blockCode",
  (SELECT p.id FROM news_photos p WHERE p.item_id = i.id ORDER BY p.sort LIMIT 1) AS "photoId",
  (SELECT p.alt FROM news_photos p WHERE p.item_id = i.id ORDER BY p.sort LIMIT 1) AS "photoAlt"`;
const FROM = `FROM news_items i JOIN units u ON u.id = i.unit_id JOIN block_years y ON y.id = i.block_year_id JOIN blocks b ON b.id = y.block_id`;

function publicWhere(f: PublicFilter): { w: string; params: unknown[] } {
  const where = [`i.status = 'published'`];
  const params: unknown[] = [];
  if (f.blockYearIds) {
    params.push(f.blockYearIds);
    where.push(`i.block_year_id = ANY($${params.length}::uuid[])`);
  }
  if (f.q) { params.push(f.q); where.push(`i.search @@ plainto_tsquery('simple', news_unaccent($${params.length}))`); }
  return { w: where.join(' AND '), params };
}

/** The published items matching, counted up to `limit`. */
export async function countPublicItems(em: Sql, f: PublicFilter, limit: number): Promise<number> {
  const { w, params } = publicWhere(f);
  const [{ total }]: { total: number }[] = await em.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM news_items i WHERE ${w} LIMIT ${limit}) s`, params);
  return total;
}

/**
 * Makes the rest of the transaction count a search through its GIN index: with a LIMIT, the planner otherwise bets on a
 * sequential scan that finds the limit early, and loses badly when the term matches a few hundred items.
 */
export async function preferBitmapScans(em: Sql): Promise<void> {
  await em.query('SET LOCAL enable_seqscan = off');
  await em.query('SET LOCAL enable_indexscan = off');
}

/** A page of the published items matching, the featured ones (by `featured`) first when `featuredFirst`, then the newest. */
export async function publicItemPage(em: Sql, f: PublicFilter, o: { featured: 'featured_city' | 'featured_in_block'; featuredFirst: boolean; page: number; size: number }): Promise<PublicItemRow[]> {
  const { w, params } = publicWhere(f);
  const order = `${o.featuredFirst ? `i.${o.featured} DESC, ` : ''}i.published_at DESC, i.id`;
  return em.query(
    `WITH page AS (SELECT i.id FROM news_items i WHERE ${w} ORDER BY ${order} LIMIT ${o.size} OFFSET ${(o.page - 1) * o.size})
       SELECT ${ITEM_COLUMNS} ${FROM} JOIN page ON page.id = i.id ORDER BY ${order}`, params);
}

/** A published item by its slug; undefined when there is none. */
export async function publicArticle(em: Sql, slug: string): Promise<PublicArticleRow | undefined> {
  const [r]: PublicArticleRow[] = await em.query(
    `SELECT ${ITEM_COLUMNS}, i.body_html AS "bodyHtml", i.author_line AS "authorLine", i.subject_name AS "subjectName" ${FROM} WHERE i.slug = $1 AND i.status = 'published'`, [slug]);
  return r;
}

export async function publicPhotosOf(em: Sql, itemId: string): Promise<PublicPhotoRow[]> {
  return em.query('SELECT id, alt, caption, width, height, after_paragraph AS "afterParagraph" FROM news_photos WHERE item_id = $1 ORDER BY sort', [itemId]);
}

/** A photo's bytes if its item is published. */
export async function publishedPhotoContent(em: Sql, id: string): Promise<Buffer | undefined> {
  const [p]: { content: Buffer }[] = await em.query(
    `SELECT p.content FROM news_photos p JOIN news_items i ON i.id = p.item_id WHERE p.id = $1 AND i.status = 'published'`, [id]);
  return p?.content;
}

/** A block's years (their ids). */
export async function blockYearIdsOfBlock(em: Sql, blockId: string): Promise<string[]> {
  const years: { id: string }[] = await em.query('SELECT id FROM block_years WHERE block_id = $1', [blockId]);
  return years.map((y) => y.id);
}

/** A block by its id or by its code without diacritics; undefined when there is none. */
export async function blockByAddress(em: Sql, idOrCode: string, foldedCode: string): Promise<{ id: string; code: string; name: string } | undefined> {
  const [b]: { id: string; code: string; name: string }[] = await em.query(`SELECT id, code, name FROM blocks WHERE id::text = $1 OR news_unaccent(code) = $2`, [idOrCode, foldedCode]);
  return b;
}

/** Every block, in Vietnamese order of names. */
export async function blocksByName(em: Sql): Promise<{ code: string; name: string }[]> {
  return em.query(`SELECT code, name FROM blocks ORDER BY name COLLATE "vi-VN-x-icu"`);
}
