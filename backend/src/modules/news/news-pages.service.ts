import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error';
import { excerpt } from './news-rules';
import { renderArticle, renderAtom, renderList, type PublicItem } from './news-pages';
import {
  blockByAddress, blocksByName, blockYearIdsOfBlock, countPublicItems, preferBitmapScans, publicArticle, publicItemPage, publicPhotosOf, publishedPhotoContent,
  type PublicItemRow,
} from './news-pages-data';
import { foldCode, publicBlockPath } from './news.service';

export const PUBLIC_PAGE_SIZE = 20;
const FEED_SIZE = 30;
/** Lists count at most this many items (500 pages), searches at most SEARCH_COUNTED (50 pages of results). */
const MAX_COUNTED = 10_000;
const SEARCH_COUNTED = 1_000;

const photoPath = (id: string) => `/tin-tuc/anh/${id}.jpg`;

function toItem(r: PublicItemRow, featuredColumn: 'featured_city' | 'featured_in_block'): PublicItem {
  return {
    id: r.id, slug: r.slug, kind: r.kind, title: r.title, description: r.summary || excerpt(r.bodyStart ?? ''), unitName: r.unitName, blockName: r.blockName,
    blockPath: publicBlockPath(r.blockCode), publishedAt: new Date(r.publishedAt), updatedAt: new Date(r.updatedAt), featured: featuredColumn === 'featured_city' ? r.featuredCity : r.featuredInBlock,
    imagePath: r.photoId ? photoPath(r.photoId) : null, imageAlt: r.photoAlt ?? '',
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
    const r = await publicArticle(this.ds.manager, slug);
    if (!r) throw notFound('Không tìm thấy tin, bài (hoặc bài chưa được đăng).');
    const photos = await publicPhotosOf(this.ds.manager, r.id);
    return renderArticle(base, {
      ...toItem(r, 'featured_in_block'), bodyHtml: r.bodyHtml, authorLine: r.authorLine, subjectName: r.subjectName,
      photos: photos.map((p) => ({ path: photoPath(p.id), alt: p.alt, caption: p.caption, width: p.width, height: p.height, afterParagraph: p.afterParagraph })),
    }, await this.blocks());
  }

  async photo(id: string): Promise<Buffer> {
    const content = await publishedPhotoContent(this.ds.manager, id);
    if (!content) throw notFound('Không tìm thấy ảnh.');
    return content;
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
    // The block's years first, so the item indexes (block year, published) serve the page.
    const f = { blockYearIds: blockId ? await blockYearIdsOfBlock(this.ds.manager, blockId) : null, q };
    // Counted up to MAX_COUNTED: enough pages for anyone, and a common word does not make every page count the whole table.
    const limit = q ? SEARCH_COUNTED : MAX_COUNTED;
    // A search is counted through its GIN index (see preferBitmapScans), in a transaction of its own.
    const total = q
      ? await this.ds.transaction(async (em) => {
        await preferBitmapScans(em);
        return countPublicItems(em, f, limit);
      })
      : await countPublicItems(this.ds.manager, f, limit);
    const rows = await publicItemPage(this.ds.manager, f, { featured, featuredFirst: featuredFirst && !q, page, size });
    return { items: rows.map((r) => toItem(r, featured)), total, capped: total >= limit };
  }

  /** A block by its address: the code without diacritics ("ktd4"), the code itself, or its id. */
  private async block(code: string): Promise<{ id: string; code: string; name: string }> {
    const key = foldCode(code);
    const b = await blockByAddress(this.ds.manager, code.toLowerCase(), key);
    if (!b) throw notFound('Không tìm thấy khối, cụm thi đua.');
    return b;
  }

  private async blocks(): Promise<{ name: string; path: string }[]> {
    const rows = await blocksByName(this.ds.manager);
    return rows.map((b) => ({ name: b.name, path: publicBlockPath(b.code) }));
  }
}
