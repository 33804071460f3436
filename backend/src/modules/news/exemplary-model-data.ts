import type { EntityManager } from 'typeorm';
import { likePattern, sqlPage } from '../../common/pagination';
import type { SubjectKind } from './news-rules';

/** The news module's SQL for the exemplary-model register (sổ gương điển hình) and the stories its entries link. */

type Sql = Pick<EntityManager, 'query'>;

/** A register entry with its unit's name and its linked published stories (oldest first). */
export interface ExemplaryModelRow {
  id: string;
  blockYearId: string;
  unitId: string;
  unitName: string;
  subjectKind: SubjectKind;
  name: string;
  achievement: string;
  year: number;
  version: number;
  stories: { id: string; title: string; slug: string }[];
}

/** An entry as its update loads it. */
export interface ExemplaryModelRecord {
  id: string;
  blockYearId: string;
  unitId: string;
  subjectKind: SubjectKind;
  name: string;
  achievement: string;
  version: number;
}

type Where = (p: (value: unknown) => string) => (string | false | null | undefined)[];

const SELECT_MODELS = `SELECT m.id, m.block_year_id AS "blockYearId", m.unit_id AS "unitId", u.name AS "unitName", m.subject_kind AS "subjectKind", m.name, m.achievement, m.year, m.version
       FROM exemplary_models m JOIN units u ON u.id = m.unit_id`;
const ORDER_MODELS = 'm.year DESC, u.name, m.name, m.id';

async function models(em: Sql, where: Where, page = { limit: 500, offset: 0 }): Promise<ExemplaryModelRow[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => (params.push(value), `$${params.length}`);
  const conditions = where(p).filter((c): c is string => !!c);
  const rows: Omit<ExemplaryModelRow, 'stories'>[] = await em.query(
    `${SELECT_MODELS} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY ${ORDER_MODELS} LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`, params);
  return withStories(em, rows);
}

/** The entries with their linked published stories. */
async function withStories(em: Sql, rows: Omit<ExemplaryModelRow, 'stories'>[]): Promise<ExemplaryModelRow[]> {
  const stories: { modelId: string; id: string; title: string; slug: string }[] = rows.length ? await em.query(
    `SELECT s.model_id AS "modelId", i.id, i.title, i.slug FROM exemplary_model_stories s JOIN news_items i ON i.id = s.item_id
       WHERE s.model_id = ANY($1::uuid[]) AND i.status = 'published' ORDER BY i.published_at`, [rows.map((r) => r.id)]) : [];
  return rows.map((r) => ({ ...r, stories: stories.filter((s) => s.modelId === r.id).map((s) => ({ id: s.id, title: s.title, slug: s.slug })) }));
}

/** The register filtered by unit, year and block year; `memberOf` keeps to the blocks that unit belongs to. */
export async function listModels(em: Sql, f: { unitId?: string; year?: number; blockYearId?: string; memberOf?: { unitId: string | null } }): Promise<ExemplaryModelRow[]> {
  return models(em, (p) => [
    f.unitId && `m.unit_id = ${p(f.unitId)}`,
    !!f.year && `m.year = ${p(f.year)}`,
    f.blockYearId && `m.block_year_id = ${p(f.blockYearId)}`,
    f.memberOf && `m.block_year_id IN (SELECT block_year_id FROM block_year_members WHERE unit_id = ${p(f.memberOf.unitId)})`,
  ]);
}

/** A page of a block year's register, filtered by unit and by words with or without diacritics, and how many match. */
export async function registerPage(em: Sql, f: { blockYearId: string; unitId?: string; q?: string }, page: number, pageSize: number): Promise<{ rows: ExemplaryModelRow[]; total: number }> {
  const { rows, total } = await sqlPage<Omit<ExemplaryModelRow, 'stories'>>(em, {
    from: 'exemplary_models m', select: SELECT_MODELS, orderBy: ORDER_MODELS, page, pageSize,
    where: (p) => [
      `m.block_year_id = ${p(f.blockYearId)}`,
      f.unitId && `m.unit_id = ${p(f.unitId)}`,
      f.q?.trim() && `news_unaccent(m.name || ' ' || m.achievement) ILIKE news_unaccent(${p(likePattern(f.q.trim()))})`,
    ],
  });
  return { rows: await withStories(em, rows), total };
}

/** Entries of a unit up to a year; with `ids`, only those of them. */
export async function modelsOfUnit(em: Sql, unitId: string, upToYear: number, ids?: readonly string[]): Promise<ExemplaryModelRow[]> {
  return models(em, (p) => [`m.unit_id = ${p(unitId)}`, `m.year <= ${p(upToYear)}`, ids && `m.id = ANY(${p(ids)}::uuid[])`]);
}

export async function modelsWithIds(em: Sql, ids: readonly string[]): Promise<ExemplaryModelRow[]> {
  return models(em, (p) => [`m.id = ANY(${p(ids)}::uuid[])`]);
}

export async function modelById(em: Sql, id: string): Promise<ExemplaryModelRow | undefined> {
  const [model] = await models(em, (p) => [`m.id = ${p(id)}`]);
  return model;
}

/** An entry locked for an update; undefined when there is none. */
export async function lockModel(em: Sql, id: string): Promise<ExemplaryModelRecord | undefined> {
  const [r]: { id: string; block_year_id: string; unit_id: string; subject_kind: SubjectKind; name: string; achievement: string; version: number }[] =
    await em.query('SELECT * FROM exemplary_models WHERE id = $1 FOR UPDATE', [id]);
  return r && { id: r.id, blockYearId: r.block_year_id, unitId: r.unit_id, subjectKind: r.subject_kind, name: r.name, achievement: r.achievement, version: r.version };
}

/** The stories an entry links, by id. */
export async function linkedStoryIds(em: Sql, modelId: string): Promise<string[]> {
  const rows: { item_id: string }[] = await em.query('SELECT item_id FROM exemplary_model_stories WHERE model_id = $1 ORDER BY item_id', [modelId]);
  return rows.map((r) => r.item_id);
}

/** A new entry; returns its id. */
export async function insertModel(em: Sql, a: { blockYearId: string; unitId: string; subjectKind: SubjectKind; name: string; achievement: string; year: number; createdBy: string }): Promise<string> {
  const [m]: { id: string }[] = await em.query(
    `INSERT INTO exemplary_models (block_year_id, unit_id, subject_kind, name, achievement, year, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [a.blockYearId, a.unitId, a.subjectKind, a.name, a.achievement, a.year, a.createdBy]);
  return m.id;
}

export async function updateModel(em: Sql, id: string, next: { subjectKind: SubjectKind; name: string; achievement: string }): Promise<void> {
  await em.query('UPDATE exemplary_models SET subject_kind = $2, name = $3, achievement = $4, version = version + 1, updated_at = now() WHERE id = $1',
    [id, next.subjectKind, next.name, next.achievement]);
}

export async function unlinkStories(em: Sql, modelId: string): Promise<void> {
  await em.query('DELETE FROM exemplary_model_stories WHERE model_id = $1', [modelId]);
}

/** Links stories to an entry, in one statement. */
export async function linkStories(em: Sql, modelId: string, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length) await em.query('INSERT INTO exemplary_model_stories (model_id, item_id) SELECT $1, unnest($2::uuid[])', [modelId, storyIds]);
}
