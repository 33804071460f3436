import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error';
import { excerpt } from './news-rules';
import { renderArticle, renderAtom, renderList, type PublicItem } from './news-pages';
import { foldCode, publicBlockPath } from './news.service';

export const PUBLIC_PAGE_SIZE = 20;
const FEED_SIZE = 30;
/** Lists count at most this many items (500 pages), searches at most SEARCH_COUNTED (50 pages of results). */
const MAX_COUNTED = 10_000;
const SEARCH_COUNTED = 1_000;

type Row = Record<string, any>;

const ITEM_COLUMNS = `i.id, i.slug, i.kind, i.title, i.summary, left(i.body_text, 400) AS body_start, i.published_at, i.updated_at, i.featured_in_block, i.featured_city,
  u.name AS unit_name, b.name AS block_name, b.code AS block_code,
  (SELECT p.id FROM news_photos p WHERE p.item_id = i.id ORDER BY p.sort LIMIT 1) AS photo_id,
  (SELECT p.alt FROM news_photos p WHERE p.item_id = i.id ORDER BY p.sort LIMIT 1) AS photo_alt`;
const FROM = `FROM news_items i JOIN units u ON u.id = i.unit_id JOIN block_years y ON y.id = i.block_year_id JOIN blocks b ON b.id = y.block_id`;

const photoPath = (id: string) => `/tin-tuc/anh/${id}.jpg`;

function toItem(r: Row, featuredColumn: 'featured_city' | 'featured_in_block'): PublicItem {
  return {
    id: r.id, slug: r.slug, kind: r.kind, title: r.title, description: r.summary || excerpt(r.body_start ?? ''), unitName: r.unit_name, blockName: r.block_name,
    blockPath: publicBlockPath(r.block_code), publishedAt: new Date(r.published_at), updatedAt: new Date(r.updated_at), featured: !!r[featuredColumn],
    imagePath: r.photo_id ? photoPath(r.photo_id) : null, imageAlt: r.photo_alt ?? '',
  };
}

/**
 * What anyone may read without signing in: published items only. The city page lists every block, the
 * board's featured items first; a block page lists its own, the leader's featured items first.
 */
@Injectable()
export class NewsPagesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async cityPage(base: string, page: number, q: string): Promise<string> {
    const { items, total, capped } = await this.items(null, page, q, 'featured_city');
    return renderList(base, {
      heading: 'Tin hoạt động và gương điển hình tiên tiến', description: 'Tin hoạt động phong trào thi đua và gương người tốt, việc tốt của các khối, cụm thi đua Thành phố.',
      path: '/tin-tuc', feedPath: '/tin-tuc/atom.xml', items, total, capped, page, pageCount: Math.ceil(total / PUBLIC_PAGE_SIZE), q, blocks: await this.blocks(),
    });
  }

  async blockPage(base: string, code: string, page: number, q: string): Promise<string> {
    const block = await this.block(code);
    const { items, total, capped } = await this.items(block.id, page, q, 'featured_in_block');
    return renderList(base, {
      heading: `Tin tức – ${block.name}`, description: `Tin hoạt động và gương điển hình tiên tiến của ${block.name}.`,
      path: publicBlockPath(block.code), feedPath: `${publicBlockPath(block.code)}/atom.xml`, items, total, capped, page, pageCount: Math.ceil(total / PUBLIC_PAGE_SIZE), q,
      blocks: await this.blocks(),
    });
  }

  async article(base: string, slug: string): Promise<string> {
    const [r] = await this.ds.query(`SELECT ${ITEM_COLUMNS}, i.body_html, i.author_line, i.subject_name ${FROM} WHERE i.slug = $1 AND i.status = 'published'`, [slug]);
    if (!r) throw notFound('Không tìm thấy tin, bài (hoặc bài chưa được đăng).');
    const photos: Row[] = await this.ds.query('SELECT id, alt, caption, width, height, after_paragraph FROM news_photos WHERE item_id = $1 ORDER BY sort', [r.id]);
    return renderArticle(base, {
      ...toItem(r, 'featured_in_block'), bodyHtml: r.body_html, authorLine: r.author_line, subjectName: r.subject_name,
      photos: photos.map((p) => ({ path: photoPath(p.id), alt: p.alt, caption: p.caption, width: p.width, height: p.height, afterParagraph: p.after_paragraph })),
    }, await this.blocks());
  }

  async photo(id: string): Promise<Buffer> {
    const [p] = await this.ds.query(
      `SELECT p.content FROM news_photos p JOIN news_items i ON i.id = p.item_id WHERE p.id = $1 AND i.status = 'published'`, [id]);
    if (!p) throw notFound('Không tìm thấy ảnh.');
    return p.content;
  }

  async cityFeed(base: string): Promise<string> {
    const { items } = await this.items(null, 1, '', 'featured_city', FEED_SIZE, false);
    return renderAtom(base, { id: '/tin-tuc', title: 'Tin thi đua – khen thưởng Thành phố', path: '/tin-tuc', selfPath: '/tin-tuc/atom.xml', items });
  }

  async blockFeed(base: string, code: string): Promise<string> {
    const block = await this.block(code);
    const { items } = await this.items(block.id, 1, '', 'featured_in_block', FEED_SIZE, false);
    const path = publicBlockPath(block.code);
    return renderAtom(base, { id: path, title: `Tin tức – ${block.name}`, path, selfPath: `${path}/atom.xml`, items });
  }

  private async items(blockId: string | null, page: number, q: string, featured: 'featured_city' | 'featured_in_block', size = PUBLIC_PAGE_SIZE, featuredFirst = true) {
    const where = [`i.status = 'published'`];
    const params: unknown[] = [];
    if (blockId) {
      // The block's years first, so the item indexes (block year, published) serve the page.
      const years: Row[] = await this.ds.query('SELECT id FROM block_years WHERE block_id = $1', [blockId]);
      params.push(years.map((y) => y.id));
      where.push(`i.block_year_id = ANY($${params.length}::uuid[])`);
    }
    if (q) { params.push(q); where.push(`i.search @@ plainto_tsquery('simple', news_unaccent($${params.length}))`); }
    const w = where.join(' AND ');
    // Counted up to MAX_COUNTED: enough pages for anyone, and a common word does not make every page count the whole table.
    const limit = q ? SEARCH_COUNTED : MAX_COUNTED;
    const countSql = `SELECT count(*)::int AS total FROM (SELECT 1 FROM news_items i WHERE ${w} LIMIT ${limit}) s`;
    // A search is counted through its GIN index: with the LIMIT, the planner otherwise bets on a sequential scan
    // that finds the limit early, and loses badly when the term matches a few hundred items.
    const [{ total }] = q
      ? await this.ds.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        await em.query('SET LOCAL enable_indexscan = off');
        return em.query(countSql, params);
      })
      : await this.ds.query(countSql, params);
    const order = `${featuredFirst && !q ? `i.${featured} DESC, ` : ''}i.published_at DESC, i.id`;
    const rows: Row[] = await this.ds.query(
      `WITH page AS (SELECT i.id FROM news_items i WHERE ${w} ORDER BY ${order} LIMIT ${size} OFFSET ${(page - 1) * size})
       SELECT ${ITEM_COLUMNS} ${FROM} JOIN page ON page.id = i.id ORDER BY ${order}`, params);
    return { items: rows.map((r) => toItem(r, featured)), total, capped: total >= limit };
  }

  /** A block by its address: the code without diacritics ("ktd4"), the code itself, or its id. */
  private async block(code: string): Promise<{ id: string; code: string; name: string }> {
    const key = foldCode(code);
    const [b] = await this.ds.query(`SELECT id, code, name FROM blocks WHERE id::text = $1 OR news_unaccent(code) = $2`, [code.toLowerCase(), key]);
    if (!b) throw notFound('Không tìm thấy khối, cụm thi đua.');
    return b;
  }

  private async blocks(): Promise<{ name: string; path: string }[]> {
    const rows: Row[] = await this.ds.query(`SELECT code, name FROM blocks ORDER BY name COLLATE "vi-VN-x-icu"`);
    return rows.map((b) => ({ name: b.name, path: publicBlockPath(b.code) }));
  }
}
