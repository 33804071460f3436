import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { loadYearContext, membersOf, type YearContext } from '../../common/scope/year-context';
import { notify } from '../notifications/notify';
import { AuditService } from '../audit/audit.service';
import { DraftReadService } from '../drafts/draft-read.service';
import {
  BlockNewsOverviewDto, CreateModelDto, CreateNewsDto, ExemplaryModelDto, ModelListQueryDto, ModelRegisterDto, RegisterQueryDto, UpdateModelDto, NewsCountsDto, NewsDto, NewsFieldsDto, NewsListDto,
  NewsListQueryDto, NewsPhotoDto, NewsSummaryDto, PhotoUploadDto, PlanLinksDto, SetNewsTargetsDto, UpdateNewsDto,
} from './dto/news.dto';
import { sanitizeBody } from './news-html';
import { detectImage, MAX_PHOTO_BYTES, reencodePhoto } from './news-image';
import { NewsPolicy } from './news.policy';
import { canTransition, countAgainstTargets, excerpt, htmlToText, slugFor, type NewsKind, type NewsStatus, type NewsTransition } from './news-rules';

export const MAX_PHOTOS = 20;

/** Public address of a published item and of a block's page (served by NewsPagesController, no sign-in). */
export const publicItemPath = (slug: string) => `/tin-tuc/${slug}`;
export const publicBlockPath = (blockCode: string) => `/tin-tuc/khoi/${encodeURIComponent(foldCode(blockCode))}`;
/** "KTĐ4" → "ktd4": block codes in addresses carry no diacritics. */
export const foldCode = (code: string) => code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

const SUMMARY_COLUMNS = `i.id, i.block_year_id, i.unit_id, u.name AS unit_name, i.kind, i.status, i.title, i.slug, i.summary, i.subject_name, i.movement_key,
  i.published_at, i.featured_in_block, i.featured_city, i.updated_at, left(i.body_text, 400) AS body_start`;

type Row = Record<string, any>;

/** Who hears of each step of an item's workflow: its unit's head when it waits for approval, its unit when it is published or returned. */
async function notifyNewsEvent(em: EntityManager, actor: Actor, event: 'submitted' | 'published' | 'returned', item: { id: string; unitId: string; blockYearId: string; title: string; reason?: string }): Promise<void> {
  const base = { blockYearId: item.blockYearId, unitId: item.unitId, link: `/news/${item.id}` };
  if (event === 'submitted') await notify(em, actor, { unitHeads: [item.unitId] }, { ...base, kind: 'news_submitted', title: `Bài chờ thủ trưởng duyệt đăng: ${item.title}` });
  else if (event === 'published') await notify(em, actor, { units: [item.unitId] }, { ...base, kind: 'news_published', title: `Đã đăng bài: ${item.title}` });
  else await notify(em, actor, { unitOfficers: [item.unitId] }, { ...base, kind: 'news_returned', title: `Bài bị trả lại: ${item.title}`, body: item.reason ?? '' });
}

@Injectable()
export class NewsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly drafts: DraftReadService) {}

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────────

  async list(actor: Actor, q: NewsListQueryDto): Promise<NewsListDto> {
    const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    const where = ['i.block_year_id = $1'];
    const params: unknown[] = [q.blockYearId];
    // Members see what is published plus everything of their own unit; the city sees everything.
    if (!isCityWide(actor)) { params.push(actor.unitId); where.push(`(i.status = 'published' OR i.unit_id = $${params.length})`); }
    if (q.unitId) { params.push(q.unitId); where.push(`i.unit_id = $${params.length}`); }
    if (q.kind) { params.push(q.kind); where.push(`i.kind = $${params.length}`); }
    if (q.status) { params.push(q.status); where.push(`i.status = $${params.length}`); }
    if (q.q?.trim()) { params.push(q.q); where.push(`i.search @@ plainto_tsquery('simple', news_unaccent($${params.length}))`); }
    const sqlWhere = where.join(' AND ');
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM news_items i WHERE ${sqlWhere}`, params);
    const rows: Row[] = await this.ds.query(
      `SELECT ${SUMMARY_COLUMNS} FROM news_items i JOIN units u ON u.id = i.unit_id WHERE ${sqlWhere}
       ORDER BY i.published_at DESC NULLS FIRST, i.updated_at DESC, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params);
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
    const [p] = await this.ds.query('SELECT item_id, mime_type, content FROM news_photos WHERE id = $1', [photoId]);
    if (!p) throw notFound('Không tìm thấy ảnh.');
    const { row, y } = await this.load(this.ds.manager, actor, p.item_id);
    NewsPolicy.assertCanRead(actor, y, scope(row));
    return { buffer: p.content, contentType: p.mime_type };
  }

  // ─── Writing (a unit's officer or head, own unit) ──────────────────────────────────────────────

  async create(actor: Actor, dto: CreateNewsDto): Promise<NewsDto> {
    const id = await this.ds.transaction(async (em) => {
      const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
      NewsPolicy.assertCanWrite(actor, y);
      const fields = await this.cleanFields(em, y, dto);
      const [row] = await em.query(
        `INSERT INTO news_items (block_year_id, unit_id, kind, title, slug, summary, body_html, body_text, author_line, subject_kind, subject_name, event_date,
           movement_key, activity_key, created_by)
         VALUES ($1,$2,$3,$4,'tmp-' || gen_random_uuid(),$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
        [y.blockYearId, actor.unitId, dto.kind, fields.title, fields.summary ?? '', fields.bodyHtml ?? '', fields.bodyText ?? '', fields.authorLine ?? '',
          fields.subjectKind ?? null, fields.subjectName ?? null, fields.eventDate ?? null, fields.movementKey ?? null, fields.activityKey ?? null, actor.id]);
      await em.query('UPDATE news_items SET slug = $2 WHERE id = $1', [row.id, slugFor(fields.title!, row.id)]);
      await this.audit.record(em, actor, { action: 'news.create', entityType: 'news_item', entityId: row.id, blockId: y.blockId, after: { kind: dto.kind, title: fields.title, unitId: actor.unitId } });
      return row.id as string;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateNewsDto): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'edit');
      if (row.version !== dto.version) throw conflict('stale_version', 'Bài đã được người khác sửa; hãy tải lại trước khi lưu.', { version: `hiện là ${row.version}` });
      const f = await this.cleanFields(em, y, dto);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (col: string, v: unknown) => { params.push(v); sets.push(`${col} = $${params.length}`); };
      if (f.title !== undefined) { set('title', f.title); set('slug', slugFor(f.title, id)); }
      if (f.summary !== undefined) set('summary', f.summary);
      if (f.bodyHtml !== undefined) { set('body_html', f.bodyHtml); set('body_text', f.bodyText); }
      if (f.authorLine !== undefined) set('author_line', f.authorLine);
      if (f.subjectKind !== undefined) set('subject_kind', f.subjectKind);
      if (f.subjectName !== undefined) set('subject_name', f.subjectName);
      if (f.eventDate !== undefined) set('event_date', f.eventDate);
      if (f.movementKey !== undefined) set('movement_key', f.movementKey);
      if (f.activityKey !== undefined) set('activity_key', f.activityKey);
      await em.query(`UPDATE news_items SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      await this.audit.record(em, actor, { action: 'news.update', entityType: 'news_item', entityId: id, blockId: y.blockId, after: { fields: Object.keys(f).filter((k) => (f as Row)[k] !== undefined && k !== 'bodyText') } });
    });
    return this.get(actor, id);
  }

  /** Gửi duyệt: the unit sends its draft to its head. A story needs its subject; every item needs a body. */
  async submit(actor: Actor, id: string): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'submit');
      const missing: Record<string, string> = {};
      if (!row.body_text) missing.bodyHtml = 'không được để trống khi gửi duyệt';
      if (row.kind === 'story' && !row.subject_kind) missing.subjectKind = 'là bắt buộc với bài gương điển hình';
      if (row.kind === 'story' && !row.subject_name) missing.subjectName = 'là bắt buộc với bài gương điển hình';
      if (Object.keys(missing).length) throw badRequest('incomplete', `Bài chưa đủ để gửi duyệt: ${Object.entries(missing).map(([f, r]) => `${f} ${r}`).join('; ')}.`, missing);
      await em.query(`UPDATE news_items SET status = 'submitted', submitted_at = now(), return_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(em, actor, { action: 'news.submit', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'submitted' } });
      await notifyNewsEvent(em, actor, 'submitted', { id, unitId: row.unit_id, blockYearId: row.block_year_id, title: row.title });
    });
    return this.get(actor, id);
  }

  /** Duyệt đăng: the unit's head publishes a submitted item. */
  async approve(actor: Actor, id: string): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanApprove(actor, y, scope(row));
      this.assertTransition(row.status, 'approve');
      await em.query(`UPDATE news_items SET status = 'published', published_at = now(), approved_by = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, actor.id]);
      await this.audit.record(em, actor, { action: 'news.publish', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'published' } });
      await notifyNewsEvent(em, actor, 'published', { id, unitId: row.unit_id, blockYearId: row.block_year_id, title: row.title });
    });
    return this.get(actor, id);
  }

  /** Trả lại: the head sends it back with a reason. */
  async returnItem(actor: Actor, id: string, reason: string): Promise<NewsDto> {
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanApprove(actor, y, scope(row));
      this.assertTransition(row.status, 'return');
      await em.query(`UPDATE news_items SET status = 'returned', return_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
      await this.audit.record(em, actor, { action: 'news.return', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { status: row.status }, after: { status: 'returned' }, reason });
      await notifyNewsEvent(em, actor, 'returned', { id, unitId: row.unit_id, blockYearId: row.block_year_id, title: row.title, reason });
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
      await em.query(`UPDATE news_items SET ${column} = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, featured]);
      await this.audit.record(em, actor, { action: 'news.feature', entityType: 'news_item', entityId: id, blockId: y.blockId, before: { [column]: row[column] }, after: { [column]: featured } });
    });
    return this.get(actor, id);
  }

  async addPhoto(actor: Actor, id: string, dto: PhotoUploadDto, file: Express.Multer.File | undefined): Promise<NewsDto> {
    if (!file?.buffer?.length) throw invalidField('file', 'là bắt buộc (một ảnh JPEG, PNG, WebP hoặc GIF)');
    if (file.buffer.length > MAX_PHOTO_BYTES) throw invalidField('file', `không được lớn hơn ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, 'file_too_large');
    if (!detectImage(file.buffer)) throw invalidField('file', 'không phải ảnh JPEG, PNG, WebP hoặc GIF (kiểm tra theo nội dung tệp)', 'not_an_image');
    let img: Awaited<ReturnType<typeof reencodePhoto>>;
    try {
      img = await reencodePhoto(file.buffer);
    } catch {
      throw invalidField('file', 'là ảnh hỏng hoặc không đọc được', 'not_an_image');
    }
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, id, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'edit');
      const [{ n }] = await em.query('SELECT count(*)::int AS n, coalesce(max(sort), 0) AS m FROM news_photos WHERE item_id = $1', [id]);
      if (n >= MAX_PHOTOS) throw conflict('too_many_photos', `Mỗi bài có tối đa ${MAX_PHOTOS} ảnh.`);
      const [p] = await em.query(
        `INSERT INTO news_photos (item_id, sort, caption, alt, after_paragraph, mime_type, width, height, size_bytes, sha256, content, uploaded_by)
         VALUES ($1, (SELECT coalesce(max(sort), 0) + 1 FROM news_photos WHERE item_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [id, dto.caption ?? '', dto.alt, dto.afterParagraph ?? null, img.mimeType, img.width, img.height, img.content.length, img.sha256, img.content, actor.id]);
      await em.query('UPDATE news_items SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
      await this.audit.record(em, actor, { action: 'news.photo_add', entityType: 'news_item', entityId: id, blockId: y.blockId, after: { photoId: p.id, sha256: img.sha256, width: img.width, height: img.height } });
    });
    return this.get(actor, id);
  }

  async deletePhoto(actor: Actor, photoId: string): Promise<NewsDto> {
    const [p] = await this.ds.query('SELECT item_id, sha256 FROM news_photos WHERE id = $1', [photoId]);
    if (!p) throw notFound('Không tìm thấy ảnh.');
    await this.ds.transaction(async (em) => {
      const { row, y } = await this.load(em, actor, p.item_id, true);
      NewsPolicy.assertCanEdit(actor, y, scope(row));
      this.assertTransition(row.status, 'edit');
      await em.query('DELETE FROM news_photos WHERE id = $1', [photoId]);
      await em.query('UPDATE news_items SET version = version + 1, updated_at = now() WHERE id = $1', [p.item_id]);
      await this.audit.record(em, actor, { action: 'news.photo_delete', entityType: 'news_item', entityId: p.item_id, blockId: y.blockId, before: { photoId, sha256: p.sha256 } });
    });
    return this.get(actor, p.item_id);
  }

  // ─── Counts against the plan's targets ─────────────────────────────────────────────────────────

  async counts(actor: Actor, blockYearId: string): Promise<NewsCountsDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    return this.countsOf(this.ds.manager, y, NewsPolicy.canSetTargets(actor, y));
  }

  async setTargets(actor: Actor, dto: SetNewsTargetsDto): Promise<NewsCountsDto> {
    await this.ds.transaction(async (em) => {
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
      const before = await em.query('SELECT movement_key AS "movementKey", kind, per_unit AS "perUnit" FROM news_targets WHERE block_year_id = $1 ORDER BY 1, 2', [y.blockYearId]);
      await em.query('DELETE FROM news_targets WHERE block_year_id = $1', [y.blockYearId]);
      for (const t of dto.targets) {
        await em.query('INSERT INTO news_targets (block_year_id, movement_key, kind, per_unit) VALUES ($1,$2,$3,$4)', [y.blockYearId, t.movementKey, t.kind, t.perUnit]);
      }
      await this.audit.record(em, actor, { action: 'news.targets_set', entityType: 'block_year', entityId: y.blockYearId, blockId: y.blockId, before: { targets: before }, after: { targets: dto.targets } });
    });
    return this.counts(actor, dto.blockYearId);
  }

  /** The board's overview: per block of a year, published news and stories and how many units meet their year targets. */
  async overview(actor: Actor, year: number): Promise<BlockNewsOverviewDto[]> {
    if (!isCityWide(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố và quản trị viên xem tổng hợp tin, bài của các khối.');
    const years: Row[] = await this.ds.query(
      'SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1 ORDER BY b.code', [year]);
    const out: BlockNewsOverviewDto[] = [];
    for (const { id } of years) {
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
    const rows: Row[] = await em.query(
      `SELECT id, title, slug, published_at FROM news_items WHERE block_year_id = $1 AND unit_id = $2 AND status = 'published' AND ($3::text IS NULL OR kind = $3)
       ORDER BY published_at`, [blockYearId, unitId, kind ?? null]);
    return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: new Date(r.published_at).toISOString(), url: publicItemPath(r.slug) }));
  }

  private async countsOf(em: EntityManager, y: YearContext, canSetTargets: boolean): Promise<NewsCountsDto> {
    const members = await membersOf(em, y.blockYearId);
    const links = await this.drafts.planLinks(em, y.blockYearId);
    const counts: Row[] = await em.query(
      `SELECT unit_id, movement_key, kind, count(*)::int AS count FROM news_items WHERE block_year_id = $1 AND status = 'published' GROUP BY 1, 2, 3`, [y.blockYearId]);
    const targets: Row[] = await em.query('SELECT movement_key, kind, per_unit FROM news_targets WHERE block_year_id = $1 ORDER BY movement_key, kind', [y.blockYearId]);
    const t = targets.map((r) => ({ movementKey: r.movement_key as string, kind: r.kind as NewsKind, perUnit: r.per_unit as number }));
    const result = countAgainstTargets(members.map((m) => m.id), links.movements.map((m) => m.key),
      counts.map((r) => ({ unitId: r.unit_id, movementKey: r.movement_key, kind: r.kind, count: r.count })), t);
    const name = new Map(members.map((m) => [m.id, m.name]));
    const title = new Map(links.movements.map((m) => [m.key, m.title]));
    return {
      blockYearId: y.blockYearId, targets: t, canSetTargets,
      units: result.map((u) => ({ ...u, unitName: name.get(u.unitId) ?? '', byMovement: u.byMovement.map((m) => ({ ...m, movementTitle: title.get(m.movementKey) ?? m.movementKey })) })),
    };
  }

  // ─── Exemplary models (gương điển hình) register ────────────────────────────────────────────────

  async listModels(actor: Actor, q: ModelListQueryDto): Promise<ExemplaryModelDto[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.unitId) { params.push(q.unitId); where.push(`m.unit_id = $${params.length}`); }
    if (q.year) { params.push(q.year); where.push(`m.year = $${params.length}`); }
    if (q.blockYearId) { params.push(q.blockYearId); where.push(`m.block_year_id = $${params.length}`); }
    if (!isCityWide(actor)) {
      // A member sees the register of the blocks its unit belongs to.
      params.push(actor.unitId);
      where.push(`m.block_year_id IN (SELECT block_year_id FROM block_year_members WHERE unit_id = $${params.length})`);
    }
    return this.withCanEdit(actor, await this.models(this.ds.manager, where, params));
  }

  /** Sổ gương điển hình of a block year: filtered by unit and by words with or without diacritics, a page at a time. */
  async register(actor: Actor, q: RegisterQueryDto): Promise<ModelRegisterDto> {
    const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
    NewsPolicy.assertCanReadYear(actor, y);
    const where = ['m.block_year_id = $1'];
    const params: unknown[] = [q.blockYearId];
    if (q.unitId) { params.push(q.unitId); where.push(`m.unit_id = $${params.length}`); }
    if (q.q?.trim()) {
      params.push(likePattern(q.q.trim()));
      where.push(`news_unaccent(m.name || ' ' || m.achievement) ILIKE news_unaccent($${params.length})`);
    }
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM exemplary_models m WHERE ${where.join(' AND ')}`, params);
    const items = await this.models(this.ds.manager, where, params, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
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
    const where = ['m.unit_id = $1', 'm.year <= $2'];
    const params: unknown[] = [unitId, upToYear];
    if (ids) { params.push(ids); where.push('m.id = ANY($3::uuid[])'); }
    return this.models(em, where, params);
  }

  /** Register entries by id, in the order asked (a dossier's citations). */
  async modelsByIds(em: EntityManager, ids: readonly string[]): Promise<ExemplaryModelDto[]> {
    if (!ids.length) return [];
    const found = new Map((await this.models(em, ['m.id = ANY($1::uuid[])'], [ids])).map((m) => [m.id, m]));
    return ids.map((id) => found.get(id)).filter((m): m is ExemplaryModelDto => !!m);
  }

  private async models(em: EntityManager, where: string[], params: unknown[], page = { limit: 500, offset: 0 }): Promise<ExemplaryModelDto[]> {
    const rows: Row[] = await em.query(
      `SELECT m.id, m.block_year_id, m.unit_id, u.name AS unit_name, m.subject_kind, m.name, m.achievement, m.year, m.version
       FROM exemplary_models m JOIN units u ON u.id = m.unit_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.year DESC, u.name, m.name, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, page.limit, page.offset]);
    const stories: Row[] = rows.length ? await em.query(
      `SELECT s.model_id, i.id, i.title, i.slug FROM exemplary_model_stories s JOIN news_items i ON i.id = s.item_id
       WHERE s.model_id = ANY($1::uuid[]) AND i.status = 'published' ORDER BY i.published_at`, [rows.map((r) => r.id)]) : [];
    return rows.map((r) => ({
      id: r.id, blockYearId: r.block_year_id, unitId: r.unit_id, unitName: r.unit_name, subjectKind: r.subject_kind, name: r.name, achievement: r.achievement, year: r.year, version: r.version,
      stories: stories.filter((s) => s.model_id === r.id).map((s) => ({ id: s.id, title: s.title, publicUrl: publicItemPath(s.slug) })),
    }));
  }

  /** Ghi vào sổ gương điển hình: the unit's head (own unit) or the leader's seat (any member unit). */
  async createModel(actor: Actor, dto: CreateModelDto): Promise<ExemplaryModelDto> {
    const id = await this.ds.transaction(async (em) => {
      const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
      const unitId = dto.unitId ?? actor.unitId;
      if (!unitId) throw invalidField('unitId', 'là bắt buộc');
      NewsPolicy.assertCanKeepRegister(actor, y, unitId);
      if (!(await membersOf(em, y.blockYearId)).some((m) => m.id === unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối năm này');
      const storyIds = await this.assertLinkableStories(em, dto.storyIds ?? [], unitId, y.blockYearId);
      const [m] = await em.query(
        `INSERT INTO exemplary_models (block_year_id, unit_id, subject_kind, name, achievement, year, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [y.blockYearId, unitId, dto.subjectKind, dto.name, dto.achievement, y.year, actor.id]);
      await this.linkStories(em, m.id, storyIds);
      await this.audit.record(em, actor, { action: 'exemplary_model.create', entityType: 'exemplary_model', entityId: m.id, blockId: y.blockId, after: { unitId, name: dto.name, subjectKind: dto.subjectKind, storyIds } });
      return m.id as string;
    });
    return this.registerEntry(actor, id);
  }

  /** Sửa mục trong sổ: name, kind, achievement, and the linked stories (replaced as a whole); unit and year stay. */
  async updateModel(actor: Actor, id: string, dto: UpdateModelDto): Promise<ExemplaryModelDto> {
    await this.ds.transaction(async (em) => {
      const [row]: Row[] = await em.query('SELECT * FROM exemplary_models WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw notFound('Không tìm thấy mục này trong sổ gương điển hình.');
      const y = await loadYearContext(em, row.block_year_id, actor);
      NewsPolicy.assertCanKeepRegister(actor, y, row.unit_id);
      if (row.version !== dto.version) throw conflict('stale_version', 'Mục này đã được người khác sửa; hãy tải lại trước khi lưu.', { version: `hiện là ${row.version}` });
      const before: Row[] = await em.query('SELECT item_id FROM exemplary_model_stories WHERE model_id = $1 ORDER BY item_id', [id]);
      const storyIds = dto.storyIds ? await this.assertLinkableStories(em, dto.storyIds, row.unit_id, y.blockYearId) : null;
      const next = { subjectKind: dto.subjectKind ?? row.subject_kind, name: dto.name ?? row.name, achievement: dto.achievement ?? row.achievement };
      await em.query('UPDATE exemplary_models SET subject_kind = $2, name = $3, achievement = $4, version = version + 1, updated_at = now() WHERE id = $1',
        [id, next.subjectKind, next.name, next.achievement]);
      if (storyIds) {
        await em.query('DELETE FROM exemplary_model_stories WHERE model_id = $1', [id]);
        await this.linkStories(em, id, storyIds);
      }
      await this.audit.record(em, actor, {
        action: 'exemplary_model.update', entityType: 'exemplary_model', entityId: id, blockId: y.blockId,
        before: { name: row.name, subjectKind: row.subject_kind, achievement: row.achievement, storyIds: before.map((b) => b.item_id) },
        after: { ...next, storyIds: storyIds ?? before.map((b) => b.item_id) },
      });
    });
    return this.registerEntry(actor, id);
  }

  private async registerEntry(actor: Actor, id: string): Promise<ExemplaryModelDto> {
    const [model] = await this.withCanEdit(actor, await this.models(this.ds.manager, ['m.id = $1'], [id]));
    return model;
  }

  /** Links stories to a register entry, in one statement. */
  private async linkStories(em: EntityManager, modelId: string, storyIds: readonly string[]): Promise<void> {
    if (storyIds.length) await em.query('INSERT INTO exemplary_model_stories (model_id, item_id) SELECT $1, unnest($2::uuid[])', [modelId, storyIds]);
  }

  /** A register entry links only published exemplary-model stories of its own unit and block year. */
  private async assertLinkableStories(em: EntityManager, ids: readonly string[], unitId: string, blockYearId: string): Promise<string[]> {
    const storyIds = [...new Set(ids)];
    if (!storyIds.length) return storyIds;
    const ok: Row[] = await em.query(
      `SELECT id FROM news_items WHERE id = ANY($1::uuid[]) AND unit_id = $2 AND block_year_id = $3 AND kind = 'story' AND status = 'published'`, [storyIds, unitId, blockYearId]);
    if (ok.length !== storyIds.length) throw invalidField('storyIds', 'chỉ gồm bài gương điển hình đã đăng của đơn vị trong năm này');
    return storyIds;
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

  private assertTransition(status: NewsStatus, t: NewsTransition): void {
    if (canTransition(status, t)) return;
    const label: Record<NewsStatus, string> = { draft: 'bản nháp', submitted: 'đang chờ duyệt', returned: 'bị trả lại', published: 'đã đăng' };
    throw conflict('invalid_status', `Bài ${label[status]}, không thực hiện được thao tác này.`);
  }

  private async load(em: EntityManager, actor: Actor, id: string, lock = false): Promise<{ row: Row; y: YearContext }> {
    const [row] = await em.query(`SELECT * FROM news_items WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw notFound('Không tìm thấy tin, bài.');
    const y = await loadYearContext(em, row.block_year_id, actor);
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

  private async toDto(em: EntityManager, actor: Actor, y: YearContext, row: Row): Promise<NewsDto> {
    const [s] = await em.query(`SELECT ${SUMMARY_COLUMNS} FROM news_items i JOIN units u ON u.id = i.unit_id WHERE i.id = $1`, [row.id]);
    const photos: Row[] = await em.query('SELECT id, sort, caption, alt, after_paragraph, width, height FROM news_photos WHERE item_id = $1 ORDER BY sort', [row.id]);
    const sc = scope(row);
    return {
      ...toSummary(s),
      bodyHtml: row.body_html, authorLine: row.author_line, subjectKind: row.subject_kind, eventDate: row.event_date ? isoDate(row.event_date) : null,
      activityKey: row.activity_key, returnReason: row.return_reason, version: row.version,
      photos: photos.map((p): NewsPhotoDto => ({ id: p.id, sort: p.sort, caption: p.caption, alt: p.alt, afterParagraph: p.after_paragraph, width: p.width, height: p.height, url: `/api/news/photos/${p.id}` })),
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

const scope = (row: Row) => ({ unitId: row.unit_id as string, status: row.status as NewsStatus });
const isoDate = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10));

function toSummary(r: Row): NewsSummaryDto {
  return {
    id: r.id, blockYearId: r.block_year_id, unitId: r.unit_id, unitName: r.unit_name, kind: r.kind, status: r.status, title: r.title, slug: r.slug,
    summary: r.summary || excerpt(r.body_start ?? ''), subjectName: r.subject_name, movementKey: r.movement_key,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null, featuredInBlock: r.featured_in_block, featuredCity: r.featured_city,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
