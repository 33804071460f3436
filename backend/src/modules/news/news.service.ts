import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { loadYearContext, membersOf, type YearContext } from '../../common/scope/year-context';
import { notify } from '../notifications/notify';
import { AuditService } from '../audit/audit.service';
import { DraftReadService } from '../drafts/draft-read.service';
import {
  BlockNewsOverviewDto, CreateModelDto, CreateNewsDto, ExemplaryModelDto, ModelListQueryDto, ModelRegisterDto, RegisterQueryDto, UpdateModelDto, NewsCountsDto, NewsDto, NewsFieldsDto, NewsListDto,
  NewsListQueryDto, NewsPhotoDto, NewsSummaryDto, PhotoUploadDto, PlanLinksDto, SetNewsTargetsDto, UpdateNewsDto,
} from './dto/news.dto';
import {
  type ExemplaryModelRow, insertModel, linkedStoryIds, linkStories, listModels, lockModel, modelById, modelsOfUnit, modelsWithIds, registerPage, unlinkStories, updateModel,
} from './exemplary-model-data';
import {
  blockYearIdsOfYear, deletePhotoRow, findNewsItem, insertNewsItem, insertPhoto, markNewsPublished, markNewsReturned, markNewsSubmitted, newsPage, newsSummary,
  newsTargets, newsTargetsForAudit, type NewsItemRow, type NewsSummaryRow, photoContentRow, photoCount, photoOwner, photosOf, publishedCounts, publishedItemsOf,
  publishedStoryIds, replaceNewsTargets, setNewsFeatured, setNewsSlug, touchNewsItem, updateNewsItem,
} from './news-data';
import { sanitizeBody } from './news-html';
import { detectImage, MAX_PHOTO_BYTES, reencodePhoto, type StoredImage } from './news-image';
import { NewsPolicy } from './news.policy';
import { canTransition, countAgainstTargets, excerpt, htmlToText, isSlug, slugFor, type NewsKind, type NewsStatus, type NewsTransition } from './news-rules';

export const MAX_PHOTOS = 20;

/** Public address of a published item and of a block's page (served by NewsPagesController, no sign-in). */
export const publicItemPath = (slug: string) => `/tin-tuc/${slug}`;
export const publicBlockPath = (blockCode: string) => `/tin-tuc/khoi/${encodeURIComponent(foldCode(blockCode))}`;
/** "KTĐ4" → "ktd4": block codes in addresses carry no diacritics. */
export const foldCode = (code: string) => code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** Who hears of each step of an item's workflow: its unit's head when it waits for approval, its unit when it is published or returned. */
async function notifyNewsEvent(em: EntityManager, actor: Actor, event: 'submitted' | 'published' | 'returned', item: { id: string; unitId: string; blockYearId: string; title: string; reason?: string }): Promise<void> {
  const base = { blockYearId: item.blockYearId, unitId: item.unitId, link: `/news/${item.id}` };
  if (event === 'submitted') await notify(em, actor, { unitHeads: [item.unitId] }, { ...base, kind: 'news_submitted', title: `Bài chờ thủ trưởng duyệt đăng: ${item.title}` });
  else if (event === 'published') await notify(em, actor, { units: [item.unitId] }, { ...base, kind: 'news_published', title: `Đã đăng bài: ${item.title}` });
  else await notify(em, actor, { unitOfficers: [item.unitId] }, { ...base, kind: 'news_returned', title: `Bài bị trả lại: ${item.title}`, body: item.reason ?? '' });
}

/** A photo as uploaded, checked (present, not too large, an image by its content) and re-encoded for storing. */
export async function photoToStore(buffer: Buffer | undefined): Promise<StoredImage> {
  if (!buffer?.length) throw invalidField('file', 'là bắt buộc (một ảnh JPEG, PNG, WebP hoặc GIF)');
  if (buffer.length > MAX_PHOTO_BYTES) throw invalidField('file', `không được lớn hơn ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, 'file_too_large');
  if (!detectImage(buffer)) throw invalidField('file', 'không phải ảnh JPEG, PNG, WebP hoặc GIF (kiểm tra theo nội dung tệp)', 'not_an_image');
  try {
    return await reencodePhoto(buffer);
  } catch {
    throw invalidField('file', 'là ảnh hỏng hoặc không đọc được', 'not_an_image');
  }
}

@Injectable()
export class NewsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly drafts: DraftReadService) {}

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────────

  async list(actor: Actor, q: NewsListQueryDto): Promise<NewsListDto> {
    const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    // Members see what is published plus everything of their own unit; the city sees everything.
    const { rows, total } = await newsPage(this.ds.manager, {
      blockYearId: q.blockYearId, visibleTo: isCityWide(actor) ? undefined : { unitId: actor.unitId }, unitId: q.unitId, kind: q.kind, status: q.status, q: q.q,
    }, q.page, q.pageSize);
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize, canWrite: NewsPolicy.canWrite(actor, y), canFeature: NewsPolicy.canFeature(actor, y) };
  }

  async get(actor: Actor, id: string): Promise<NewsDto> {
    const { row, y } = await this.load(this.ds.manager, actor, id);
    NewsPolicy.assertCanRead(actor, y, scope(row));
    return this.toDto(this.ds.manager, actor, y, row);
  }

  async planLinks(actor: Actor, blockYearId: string): Promise<PlanLinksDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    return this.drafts.planLinks(this.ds.manager, blockYearId);
  }

  async photoContent(actor: Actor, photoId: string): Promise<{ buffer: Buffer; contentType: string }> {
    const p = await photoContentRow(this.ds.manager, photoId);
    if (!p) throw notFound('Không tìm thấy ảnh.');
    const { row, y } = await this.load(this.ds.manager, actor, p.itemId);
    NewsPolicy.assertCanRead(actor, y, scope(row));
    return { buffer: p.content, contentType: p.mimeType };
  }

  // ─── Writing (a unit's officer or head, own unit) ──────────────────────────────────────────────

  async create(actor: Actor, dto: CreateNewsDto): Promise<NewsDto> {
    const id = await this.ds.transaction((em) => this.createTx(em, actor, dto));
    return this.get(actor, id);
  }

  /**
   * Viết tin, bài inside the caller's transaction; the new draft's id. Its URL part follows the title (`slugFor`);
   * `slug` only for demo history (a page published before the app keeps its original address).
   */
  async createTx(em: EntityManager, actor: Actor, dto: CreateNewsDto, opts: { slug?: string } = {}): Promise<string> {
    if (opts.slug !== undefined && !isSlug(opts.slug)) throw invalidField('slug', 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang');
    const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
    NewsPolicy.assertCanWrite(actor, y);
    const fields = await this.cleanFields(em, y, dto);
    const itemId = await insertNewsItem(em, {
      blockYearId: y.blockYearId, unitId: actor.unitId, kind: dto.kind, title: fields.title, summary: fields.summary ?? '', bodyHtml: fields.bodyHtml ?? '',
      bodyText: fields.bodyText ?? '', authorLine: fields.authorLine ?? '', subjectKind: fields.subjectKind ?? null, subjectName: fields.subjectName ?? null,
      eventDate: fields.eventDate ?? null, movementKey: fields.movementKey ?? null, activityKey: fields.activityKey ?? null, createdBy: actor.id,
    });
    await setNewsSlug(em, itemId, opts.slug ?? slugFor(fields.title!, itemId));
    await this.audit.record(em, actor, { action: 'news.create', entityType: 'news_item', entityId: itemId, blockId: y.blockId, after: { kind: dto.kind, title: fields.title, unitId: actor.unitId } });
    return itemId;
  }

  async update(actor: Actor, id: string, dto: UpdateNewsDto): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'edit');
      if (row.version !== dto.version) throw conflict('stale_version', 'Bài đã được người khác sửa; hãy tải lại trước khi lưu.', { version: `hiện là ${row.version}` });
      const f = await this.cleanFields(em, y, dto);
      await updateNewsItem(em, id, {
        title: f.title, slug: f.title !== undefined ? slugFor(f.title, id) : undefined, summary: f.summary,
        bodyHtml: f.bodyHtml, bodyText: f.bodyHtml !== undefined ? f.bodyText : undefined, authorLine: f.authorLine, subjectKind: f.subjectKind,
        subjectName: f.subjectName, eventDate: f.eventDate, movementKey: f.movementKey, activityKey: f.activityKey,
      });
      await this.audit.record(em, actor, { action: 'news.update', entityType: 'news_item', entityId: id, blockId: y.blockId, after: { fields: Object.keys(f).filter((k) => (f as Record<string, unknown>)[k] !== undefined && k !== 'bodyText') } });
    });
    return this.get(actor, id);
  }

  /** Gửi duyệt: the unit sends its draft to its head. A story needs its subject; every item needs a body. */
  async submit(actor: Actor, id: string): Promise<NewsDto> {
    await this.ds.transaction((em) => this.submitTx(em, actor, id));
    return this.get(actor, id);
  }

  /** Gửi duyệt inside the caller's transaction. */
  async submitTx(em: EntityManager, actor: Actor, id: string): Promise<void> {
    const { row, y } = await this.load(em, actor, id, true);
    NewsPolicy.assertCanEdit(actor, y, scope(row));
    this.assertTransition(row.status, 'submit');
    const missing: Record<string, string> = {};
    if (!row.bodyText) missing.bodyHtml = 'không được để trống khi gửi duyệt';
    if (row.kind === 'story' && !row.subjectKind) missing.subjectKind = 'là bắt buộc với bài gương điển hình';
    if (row.kind === 'story' && !row.subjectName) missing.subjectName = 'là bắt buộc với bài gương điển hình';
    if (Object.keys(missing).length) throw badRequest('incomplete', `Bài chưa đủ để gửi duyệt: ${Object.entries(missing).map(([f, r]) => `${f} ${r}`).join('; ')}.`, missing);
    await markNewsSubmitted(em, id);
    await this.audit.record(em, actor, { action: 'news.submit', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'submitted' } });
    await notifyNewsEvent(em, actor, 'submitted', { id, unitId: row.unitId, blockYearId: row.blockYearId, title: row.title });
  }

  /** Duyệt đăng: the unit's head publishes a submitted item. */
  async approve(actor: Actor, id: string): Promise<NewsDto> {
    await this.ds.transaction((em) => this.approveTx(em, actor, id));
    return this.get(actor, id);
  }

  /** Duyệt đăng inside the caller's transaction. */
  async approveTx(em: EntityManager, actor: Actor, id: string): Promise<void> {
    const { row, y } = await this.load(em, actor, id, true);
    NewsPolicy.assertCanApprove(actor, y, scope(row));
    this.assertTransition(row.status, 'approve');
    await markNewsPublished(em, id, actor.id);
    await this.audit.record(em, actor, { action: 'news.publish', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'published' } });
    await notifyNewsEvent(em, actor, 'published', { id, unitId: row.unitId, blockYearId: row.blockYearId, title: row.title });
  }

  /** Trả lại: the head sends it back with a reason. */
  async returnItem(actor: Actor, id: string, reason: string): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanApprove(actor, y, scope(row));
      this.assertTransition(row.status, 'return');
      await markNewsReturned(em, id, reason);
      await this.audit.record(em, actor, { action: 'news.return', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'returned' }, reason });
      await notifyNewsEvent(em, actor, 'returned', { id, unitId: row.unitId, blockYearId: row.blockYearId, title: row.title, reason });
    });
    return this.get(actor, id);
  }

  /** Nổi bật: the leader's seat features in its block; the board (and admin) across blocks, on the city page. */
  async feature(actor: Actor, id: string, featured: boolean): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanFeature(actor, y);
      if (row.status !== 'published') throw conflict('not_published', 'Chỉ chọn nổi bật được bài đã đăng.');
      const column = isCityWide(actor) ? 'featured_city' : 'featured_in_block';
      const current = column === 'featured_city' ? row.featuredCity : row.featuredInBlock;
      await setNewsFeatured(em, id, column, featured);
      await this.audit.record(em, actor, { action: 'news.feature', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { [column]: current }, after: { [column]: featured } });
    });
    return this.get(actor, id);
  }

  async addPhoto(actor: Actor, id: string, dto: PhotoUploadDto, file: Express.Multer.File | undefined): Promise<NewsDto> {
    const img = await photoToStore(file?.buffer);
    await this.ds.transaction((em) => this.addPhotoTx(em, actor, id, dto, img));
    return this.get(actor, id);
  }

  /** Thêm ảnh inside the caller's transaction, the photo already checked and re-encoded (`photoToStore`). */
  async addPhotoTx(em: EntityManager, actor: Actor, id: string, dto: PhotoUploadDto, img: StoredImage): Promise<void> {
    const { row, y } = await this.load(em, actor, id, true);
    NewsPolicy.assertCanEdit(actor, y, scope(row));
    this.assertTransition(row.status, 'edit');
    if ((await photoCount(em, id)) >= MAX_PHOTOS) throw conflict('too_many_photos', `Mỗi bài có tối đa ${MAX_PHOTOS} ảnh.`);
    const photoId = await insertPhoto(em, {
      itemId: id, caption: dto.caption ?? '', alt: dto.alt, afterParagraph: dto.afterParagraph ?? null, mimeType: img.mimeType, width: img.width, height: img.height,
      sizeBytes: img.content.length, sha256: img.sha256, content: img.content, uploadedBy: actor.id,
    });
    await touchNewsItem(em, id);
    await this.audit.record(em, actor, { action: 'news.photo_add', entityType: 'news_item', entityId: id, blockId: y.blockId, after: { photoId, sha256: img.sha256, width: img.width, height: img.height } });
  }

  async deletePhoto(actor: Actor, photoId: string): Promise<NewsDto> {
    const p = await photoOwner(this.ds.manager, photoId);
    if (!p) throw notFound('Không tìm thấy ảnh.');
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, p.itemId, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'edit');
      await deletePhotoRow(em, photoId);
      await touchNewsItem(em, p.itemId);
      await this.audit.record(em, actor, { action: 'news.photo_delete', entityType: 'news_item', entityId: p.itemId, blockId: y.blockId, before: { photoId, sha256: p.sha256 } });
    });
    return this.get(actor, p.itemId);
  }

  // ─── Counts against the plan's targets ─────────────────────────────────────────────────────────

  async counts(actor: Actor, blockYearId: string): Promise<NewsCountsDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    return this.countsOf(this.ds.manager, y, NewsPolicy.canSetTargets(actor, y));
  }

  async setTargets(actor: Actor, dto: SetNewsTargetsDto): Promise<NewsCountsDto> {
    await this.ds.transaction((em) => this.setTargetsTx(em, actor, dto));
    return this.counts(actor, dto.blockYearId);
  }

  /** Đặt chỉ tiêu tin, bài inside the caller's transaction. */
  async setTargetsTx(em: EntityManager, actor: Actor, dto: SetNewsTargetsDto): Promise<void> {
    const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
    NewsPolicy.assertCanSetTargets(actor, y);
    const movements = new Set((await this.drafts.planLinks(em, y.blockYearId)).movements.map((m) => m.key));
    const seen = new Set<string>();
    dto.targets.forEach((t, i) => {
      if (t.movementKey && !movements.has(t.movementKey)) throw invalidField(`targets.${i}.movementKey`, 'không có trong kế hoạch của khối năm này');
      const k = `${t.movementKey}/${t.kind}`;
      if (seen.has(k)) throw invalidField(`targets.${i}`, 'bị trùng (cùng phong trào và loại bài)');
      seen.add(k);
    });
    const before = await newsTargetsForAudit(em, y.blockYearId);
    await replaceNewsTargets(em, y.blockYearId, dto.targets);
    await this.audit.record(em, actor, { action: 'news.targets_set', entityType: 'block_year', entityId: y.blockYearId, blockId: y.blockId, before: { targets: before }, after: { targets: dto.targets } });
  }

  /** The board's overview: per block of a year, published news and stories and how many units meet their year targets. */
  async overview(actor: Actor, year: number): Promise<BlockNewsOverviewDto[]> {
    if (!isCityWide(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố và quản trị viên xem tổng hợp tin, bài của các khối.');
    const out: BlockNewsOverviewDto[] = [];
    for (const id of await blockYearIdsOfYear(this.ds.manager, year)) {
      const y = await loadYearContext(this.ds.manager, id, actor);
      const c = await this.countsOf(this.ds.manager, y, false);
      const sum = (kind: NewsKind) => c.units.reduce((s, u) => s + (u.total.find((t) => t.kind === kind)?.published ?? 0), 0);
      out.push({
        blockYearId: y.blockYearId, blockId: y.blockId, blockCode: y.blockCode, blockName: y.blockName, news: sum('news'), stories: sum('story'),
        unitsMeetingTargets: c.units.filter((u) => u.total.every((t) => t.met !== false)).length, units: c.units.length, publicUrl: publicBlockPath(y.blockCode),
      });
    }
    return out;
  }

  /** Published items of a unit in a year, for a criterion counted per occurrence (each item is its evidence). */
  async publishedOf(em: EntityManager, blockYearId: string, unitId: string, kind?: NewsKind): Promise<{ id: string; title: string; publishedAt: string; url: string }[]> {
    const rows = await publishedItemsOf(em, blockYearId, unitId, kind ?? null);
    return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: new Date(r.publishedAt).toISOString(), url: publicItemPath(r.slug) }));
  }

  private async countsOf(em: EntityManager, y: YearContext, canSetTargets: boolean): Promise<NewsCountsDto> {
    const members = await membersOf(em, y.blockYearId);
    const links = await this.drafts.planLinks(em, y.blockYearId);
    const counts = await publishedCounts(em, y.blockYearId);
    const t = await newsTargets(em, y.blockYearId);
    const result = countAgainstTargets(members.map((m) => m.id), links.movements.map((m) => m.key), counts, t);
    const name = new Map(members.map((m) => [m.id, m.name]));
    const title = new Map(links.movements.map((m) => [m.key, m.title]));
    return {
      blockYearId: y.blockYearId, targets: t, canSetTargets,
      units: result.map((u) => ({ ...u, unitName: name.get(u.unitId) ?? '', byMovement: u.byMovement.map((m) => ({ ...m, movementTitle: title.get(m.movementKey) ?? m.movementKey })) })),
    };
  }

  // ─── Exemplary models (gương điển hình) register ────────────────────────────────────────────────

  async listModels(actor: Actor, q: ModelListQueryDto): Promise<ExemplaryModelDto[]> {
    // A member sees the register of the blocks its unit belongs to.
    const rows = await listModels(this.ds.manager, { unitId: q.unitId, year: q.year, blockYearId: q.blockYearId, memberOf: isCityWide(actor) ? undefined : { unitId: actor.unitId } });
    return this.withCanEdit(actor, rows.map(toModelDto));
  }

  /** Sổ gương điển hình of a block year: filtered by unit and by words with or without diacritics, a page at a time. */
  async register(actor: Actor, q: RegisterQueryDto): Promise<ModelRegisterDto> {
    const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    const { rows, total } = await registerPage(this.ds.manager, { blockYearId: q.blockYearId, unitId: q.unitId, q: q.q }, q.page, q.pageSize);
    const items = rows.map(toModelDto);
    const units = (await membersOf(this.ds.manager, y.blockYearId)).map((u) => ({ id: u.id, name: u.name }));
    return {
      items: items.map((m) => ({ ...m, canEdit: NewsPolicy.canKeepRegister(actor, y, m.unitId) })), total, page: q.page, pageSize: q.pageSize,
      units, writableUnitIds: units.filter((u) => NewsPolicy.canKeepRegister(actor, y, u.id)).map((u) => u.id),
    };
  }

  /** Marks the entries the actor may edit (one year context per block year listed). */
  private async withCanEdit(actor: Actor, models: ExemplaryModelDto[]): Promise<ExemplaryModelDto[]> {
    const years = new Map<string, YearContext>();
    for (const id of new Set(models.map((m) => m.blockYearId))) years.set(id, await loadYearContext(this.ds.manager, id, actor));
    return models.map((m) => ({ ...m, canEdit: NewsPolicy.canKeepRegister(actor, years.get(m.blockYearId)!, m.unitId) }));
  }

  /** Register entries of a unit up to a year (for a dossier to cite); with `ids`, only those of them. */
  async modelsOfUnit(em: EntityManager, unitId: string, upToYear: number, ids?: readonly string[]): Promise<ExemplaryModelDto[]> {
    return (await modelsOfUnit(em, unitId, upToYear, ids)).map(toModelDto);
  }

  /** Register entries by id, in the order asked (a dossier's citations). */
  async modelsByIds(em: EntityManager, ids: readonly string[]): Promise<ExemplaryModelDto[]> {
    if (!ids.length) return [];
    const found = new Map((await modelsWithIds(em, ids)).map((m) => [m.id, toModelDto(m)]));
    return ids.map((id) => found.get(id)).filter((m): m is ExemplaryModelDto => !!m);
  }

  /** Ghi vào sổ gương điển hình: the unit's head (own unit) or the leader's seat (any member unit). */
  async createModel(actor: Actor, dto: CreateModelDto): Promise<ExemplaryModelDto> {
    const id = await this.ds.transaction((em) => this.createModelTx(em, actor, dto));
    return this.registerEntry(actor, id);
  }

  /** Ghi vào sổ gương điển hình inside the caller's transaction; the entry's id. */
  async createModelTx(em: EntityManager, actor: Actor, dto: CreateModelDto): Promise<string> {
    const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
    const unitId = dto.unitId ?? actor.unitId;
    if (!unitId) throw invalidField('unitId', 'là bắt buộc');
    NewsPolicy.assertCanKeepRegister(actor, y, unitId);
    if (!(await membersOf(em, y.blockYearId)).some((m) => m.id === unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối năm này');
    const storyIds = await this.assertLinkableStories(em, dto.storyIds ?? [], unitId, y.blockYearId);
    const modelId = await insertModel(em, { blockYearId: y.blockYearId, unitId, subjectKind: dto.subjectKind, name: dto.name, achievement: dto.achievement, year: y.year, createdBy: actor.id });
    await linkStories(em, modelId, storyIds);
    await this.audit.record(em, actor, { action: 'exemplary_model.create', entityType: 'exemplary_model', entityId: modelId, blockId: y.blockId, after: { unitId, name: dto.name, subjectKind: dto.subjectKind, storyIds } });
    return modelId;
  }

  /** Sửa mục trong sổ: name, kind, achievement, and the linked stories (replaced as a whole); unit and year stay. */
  async updateModel(actor: Actor, id: string, dto: UpdateModelDto): Promise<ExemplaryModelDto> {
    await this.ds.transaction(async (em) => {
      const row = await lockModel(em, id);
      if (!row) throw notFound('Không tìm thấy mục này trong sổ gương điển hình.');
      const y = await loadYearContext(em, row.blockYearId, actor);
      NewsPolicy.assertCanKeepRegister(actor, y, row.unitId);
      if (row.version !== dto.version) throw conflict('stale_version', 'Mục này đã được người khác sửa; hãy tải lại trước khi lưu.', { version: `hiện là ${row.version}` });
      const before = await linkedStoryIds(em, id);
      const storyIds = dto.storyIds ? await this.assertLinkableStories(em, dto.storyIds, row.unitId, y.blockYearId) : null;
      const next = { subjectKind: dto.subjectKind ?? row.subjectKind, name: dto.name ?? row.name, achievement: dto.achievement ?? row.achievement };
      await updateModel(em, id, next);
      if (storyIds) {
        await unlinkStories(em, id);
        await linkStories(em, id, storyIds);
      }
      await this.audit.record(em, actor, {
        action: 'exemplary_model.update', entityType: 'exemplary_model', entityId: id, blockId: y.blockId,
        before: { name: row.name, subjectKind: row.subjectKind, achievement: row.achievement, storyIds: before },
        after: { ...next, storyIds: storyIds ?? before },
      });
    });
    return this.registerEntry(actor, id);
  }

  private async registerEntry(actor: Actor, id: string): Promise<ExemplaryModelDto> {
    const row = await modelById(this.ds.manager, id);
    const [model] = await this.withCanEdit(actor, row ? [toModelDto(row)] : []);
    return model;
  }

  /** A register entry links only published exemplary-model stories of its own unit and block year. */
  private async assertLinkableStories(em: EntityManager, ids: readonly string[], unitId: string, blockYearId: string): Promise<string[]> {
    const storyIds = [...new Set(ids)];
    if (!storyIds.length) return storyIds;
    const ok = await publishedStoryIds(em, storyIds, unitId, blockYearId);
    if (ok.length !== storyIds.length) throw invalidField('storyIds', 'chỉ gồm bài gương điển hình đã đăng của đơn vị trong năm này');
    return storyIds;
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

  private assertTransition(status: NewsStatus, t: NewsTransition): void {
    if (canTransition(status, t)) return;
    const label: Record<NewsStatus, string> = { draft: 'bản nháp', submitted: 'đang chờ duyệt', returned: 'bị trả lại', published: 'đã đăng' };
    throw conflict('invalid_status', `Bài ${label[status]}, không thực hiện được thao tác này.`);
  }

  private async load(em: EntityManager, actor: Actor, id: string, lock = false): Promise<{ row: NewsItemRow; y: YearContext }> {
    const row = await findNewsItem(em, id, lock);
    if (!row) throw notFound('Không tìm thấy tin, bài.');
    const y = await loadYearContext(em, row.blockYearId, actor);
    return { row, y };
  }

  /** Sanitises the body and checks the plan links against the year's plan. */
  private async cleanFields(em: EntityManager, y: YearContext, dto: NewsFieldsDto): Promise<NewsFieldsDto & { bodyText?: string }> {
    const out: NewsFieldsDto & { bodyText?: string } = { ...dto };
    if (dto.bodyHtml !== undefined) {
      out.bodyHtml = sanitizeBody(dto.bodyHtml);
      out.bodyText = htmlToText(out.bodyHtml);
    }
    if (dto.movementKey || dto.activityKey) {
      const links = await this.drafts.planLinks(em, y.blockYearId);
      if (dto.movementKey && !links.movements.some((m) => m.key === dto.movementKey)) throw invalidField('movementKey', 'không có trong kế hoạch của khối năm này');
      if (dto.activityKey && !links.activities.some((a) => a.key === dto.activityKey)) throw invalidField('activityKey', 'không có trong kế hoạch của khối năm này');
    }
    return out;
  }

  private async toDto(em: EntityManager, actor: Actor, y: YearContext, row: NewsItemRow): Promise<NewsDto> {
    const s = await newsSummary(em, row.id);
    const photos = await photosOf(em, row.id);
    const sc = scope(row);
    return {
      ...toSummary(s),
      bodyHtml: row.bodyHtml, authorLine: row.authorLine, subjectKind: row.subjectKind, eventDate: row.eventDate ? isoDate(row.eventDate) : null,
      activityKey: row.activityKey, returnReason: row.returnReason, version: row.version,
      photos: photos.map((p): NewsPhotoDto => ({ id: p.id, sort: p.sort, caption: p.caption, alt: p.alt, afterParagraph: p.afterParagraph, width: p.width, height: p.height, url: `/api/news/photos/${p.id}` })),
      permissions: {
        canEdit: NewsPolicy.canEdit(actor, y, sc) && canTransition(sc.status, 'edit'),
        canSubmit: NewsPolicy.canEdit(actor, y, sc) && canTransition(sc.status, 'submit'),
        canApprove: NewsPolicy.canApprove(actor, y, sc) && canTransition(sc.status, 'approve'),
        canFeature: NewsPolicy.canFeature(actor, y) && sc.status === 'published',
      },
      publicUrl: row.status === 'published' ? publicItemPath(row.slug) : null,
    };
  }
}

const scope = (row: NewsItemRow) => ({ unitId: row.unitId, status: row.status });
const isoDate = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10));

function toSummary(r: NewsSummaryRow): NewsSummaryDto {
  return {
    id: r.id, blockYearId: r.blockYearId, unitId: r.unitId, unitName: r.unitName, kind: r.kind, status: r.status, title: r.title, slug: r.slug,
    summary: r.summary || excerpt(r.bodyStart ?? ''), subjectName: r.subjectName, movementKey: r.movementKey,
    publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null, featuredInBlock: r.featuredInBlock, featuredCity: r.featuredCity,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

function toModelDto(r: ExemplaryModelRow): ExemplaryModelDto {
  return {
    id: r.id, blockYearId: r.blockYearId, unitId: r.unitId, unitName: r.unitName, subjectKind: r.subjectKind, name: r.name, achievement: r.achievement, year: r.year, version: r.version,
    stories: r.stories.map((s) => ({ id: s.id, title: s.title, publicUrl: publicItemPath(s.slug) })),
  };
}
