import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { badRequest, invalidField, notFound } from '../../common/app-error';
import type { DraftKind, DraftSection, DraftStatus, PlanData } from './draft-content';
import { DraftDocument } from './entities/draft-document.entity';
import { DraftVersion } from './entities/draft-version.entity';

/**
 * A draft version and its document as the workflow and the read model load them (the drafts module's own rows), and what
 * other modules share; the SQL on draft documents and versions, and the reads the drafts make elsewhere (unit and account
 * names, the deciding conference). Comments are in comment-data.ts, the plan's tracked activities in plan-activity-data.ts.
 */

type Sql = Pick<EntityManager, 'query'>;

export type DraftMaterialKind = 'plan_version' | 'rules_version';
export interface MaterialDescription {
  blockYearId: string;
  title: string;
}

export interface ExportedFile {
  buffer: Buffer;
  filename: string;
  contentType: string;
}

export const KIND_LABEL: Record<DraftKind, string> = { plan: 'Kế hoạch hoạt động', rules: 'Quy chế hoạt động và bình xét thi đua' };
export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export interface Loaded {
  v: DraftVersion;
  doc: DraftDocument;
}

/** A version and its document; `lock` true locks the version for a write, 'share' against adoption while a comment is written. */
export async function loadVersion(em: EntityManager, id: string, lock: boolean | 'share' = false, field = 'id'): Promise<Loaded> {
  const v = await em.getRepository(DraftVersion).findOne({
    where: { id }, lock: lock === 'share' ? { mode: 'pessimistic_read' } : lock ? { mode: 'pessimistic_write' } : undefined,
  });
  if (!v) {
    if (field !== 'id') throw invalidField(field, 'không phải phiên bản dự thảo có trong hệ thống');
    throw notFound('Không tìm thấy phiên bản dự thảo.');
  }
  const doc = await em.getRepository(DraftDocument).findOneByOrFail({ id: v.documentId });
  return { v, doc };
}

export async function unitNames(em: Sql): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM units');
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The deciding conference must exist and belong to the same block year. */
export async function assertConferenceOfYear(em: Sql, conferenceId: string, blockYearId: string): Promise<void> {
  const [c]: { blockYearId: string }[] = await em.query('SELECT block_year_id AS "blockYearId" FROM conferences WHERE id = $1', [conferenceId]);
  if (!c) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
  if (c.blockYearId !== blockYearId) throw badRequest('other_block_year', 'Văn bản thuộc năm thi đua khác với hội nghị.', { conferenceId: 'phải là hội nghị của cùng năm thi đua' });
}

// ─── Documents ──────────────────────────────────────────────────────────────────────────────────────

/** The ids of a year's documents (of one kind, or both), by kind. */
export async function documentIdsOfYear(em: Sql, blockYearId: string, kind: DraftKind | null): Promise<string[]> {
  const docs: { id: string }[] = await em.query(
    `SELECT id FROM draft_documents WHERE block_year_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY kind`, [blockYearId, kind]);
  return docs.map((d) => d.id);
}

export async function documentCount(em: Sql, blockYearId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await em.query('SELECT count(*)::int AS n FROM draft_documents WHERE block_year_id = $1', [blockYearId]);
  return n;
}

export async function documentRow(em: Sql, id: string): Promise<{ id: string; blockYearId: string; kind: DraftKind; docNumber: string }> {
  const [doc]: { id: string; blockYearId: string; kind: DraftKind; docNumber: string }[] = await em.query(
    'SELECT id, block_year_id AS "blockYearId", kind, doc_number AS "docNumber" FROM draft_documents WHERE id = $1', [id]);
  return doc;
}

export async function documentExists(em: Sql, blockYearId: string, kind: DraftKind): Promise<boolean> {
  const [exists] = await em.query('SELECT 1 FROM draft_documents WHERE block_year_id = $1 AND kind = $2', [blockYearId, kind]);
  return !!exists;
}

/** Locks a document so two revisions cannot start at once. */
export async function lockDocument(em: Sql, id: string): Promise<void> {
  await em.query('SELECT 1 FROM draft_documents WHERE id = $1 FOR UPDATE', [id]);
}

/** A plan document (version 1 follows); returns its id. */
export async function insertPlanDocument(em: Sql, blockYearId: string, docNumber: string, createdBy: string): Promise<string> {
  const [doc]: { id: string }[] = await em.query(
    `INSERT INTO draft_documents (block_year_id, kind, doc_number, created_by, version) VALUES ($1,'plan',$2,$3,1) RETURNING id`, [blockYearId, docNumber, createdBy]);
  return doc.id;
}

// ─── Versions ───────────────────────────────────────────────────────────────────────────────────────

/** A version in its document's list, with how many comments it has and how many threads are open. */
export interface VersionSummaryRow {
  id: string;
  number: number;
  status: DraftStatus;
  title: string;
  createdAt: Date;
  circulatedAt: Date | null;
  adoptedAt: Date | null;
  commentCount: number;
  openCount: number;
}

/** A document's versions, newest first. */
export async function versionSummaries(em: Sql, documentId: string): Promise<VersionSummaryRow[]> {
  return em.query(
    `SELECT v.id, v.number, v.status, v.title, v.created_at AS "createdAt", v.circulated_at AS "circulatedAt", v.adopted_at AS "adoptedAt",
            (SELECT count(*)::int FROM draft_comments c WHERE c.version_id = v.id) AS "commentCount",
            (SELECT count(*)::int FROM draft_comments c WHERE c.version_id = v.id AND c.parent_id IS NULL AND c.resolved_at IS NULL) AS "openCount"
     FROM draft_versions v WHERE v.document_id = $1 ORDER BY v.number DESC`, [documentId]);
}

/** Number, title, status, kind, block year and document number of a version; undefined when there is none. */
export async function versionHeading(em: Sql, id: string): Promise<{ number: number; title: string; status: DraftStatus; kind: DraftKind; blockYearId: string; docNumber: string } | undefined> {
  const [row]: { number: number; title: string; status: DraftStatus; kind: DraftKind; blockYearId: string; docNumber: string }[] = await em.query(
    `SELECT v.number, v.title, v.status, d.kind, d.block_year_id AS "blockYearId", d.doc_number AS "docNumber" FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id WHERE v.id = $1`, [id]);
  return row;
}

/** The highest version number of a document and whether one of its versions is a draft. */
export async function versionNumbers(em: Sql, documentId: string): Promise<{ max: number; hasDraft: boolean }> {
  const [row]: { max: number; hasDraft: boolean }[] = await em.query(
    `SELECT max(number)::int AS max, coalesce(bool_or(status = 'draft'), false) AS "hasDraft" FROM draft_versions WHERE document_id = $1`, [documentId]);
  return row;
}

/** The number of the document's draft version, if it has one. */
export async function draftVersionNumber(em: Sql, documentId: string): Promise<number | undefined> {
  const [draft]: { number: number }[] = await em.query(`SELECT number FROM draft_versions WHERE document_id = $1 AND status = 'draft'`, [documentId]);
  return draft?.number;
}

export async function maxVersionNumber(em: Sql, documentId: string): Promise<number> {
  const [{ max }]: { max: number }[] = await em.query('SELECT max(number)::int AS max FROM draft_versions WHERE document_id = $1', [documentId]);
  return max;
}

/** The plan data of the year's plan (the adopted version, else the newest with plan data); null when there is none. */
export async function latestPlanData(em: Sql, blockYearId: string): Promise<PlanData | null> {
  const [row]: { plan: PlanData }[] = await em.query(
    `SELECT v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
     WHERE d.block_year_id = $1 AND d.kind = 'plan' AND v.plan IS NOT NULL ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [blockYearId]);
  return row?.plan ?? null;
}

/** The adopted plan version of a year, if any. */
export async function adoptedPlanVersionId(em: Sql, blockYearId: string): Promise<string | null> {
  const [adopted]: { id: string }[] = await em.query(
    `SELECT v.id FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id WHERE d.block_year_id = $1 AND d.kind = 'plan' AND v.status = 'adopted'`, [blockYearId]);
  return adopted?.id ?? null;
}

/** Sections and plan of the block's adopted document of this kind in its latest earlier year. */
export async function previousYearAdopted(em: Sql, blockId: string, year: number, kind: DraftKind): Promise<{ sections: DraftSection[]; plan: PlanData | null } | undefined> {
  const [prev]: { sections: DraftSection[]; plan: PlanData | null }[] = await em.query(
    `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id JOIN block_years y ON y.id = d.block_year_id
     WHERE y.block_id = $1 AND y.year < $2 AND d.kind = $3 AND v.status = 'adopted' ORDER BY y.year DESC LIMIT 1`, [blockId, year, kind]);
  return prev;
}

/** Sections and plan of a year's plan: its adopted version, else its latest one. */
export async function latestPlanContent(em: Sql, blockYearId: string): Promise<{ sections: DraftSection[] | null; plan: PlanData | null } | undefined> {
  const [v]: { sections: DraftSection[] | null; plan: PlanData | null }[] = await em.query(
    `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
     WHERE d.block_year_id = $1 AND d.kind = 'plan' ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [blockYearId]);
  return v;
}

/** Version 1 of a plan document, a draft. */
export async function insertFirstPlanVersion(em: Sql, documentId: string, title: string, sections: DraftSection[], plan: PlanData, createdBy: string): Promise<void> {
  await em.query(
    `INSERT INTO draft_versions (document_id, number, status, title, sections, plan, rule_set, created_by, version) VALUES ($1,1,'draft',$2,$3,$4,NULL,$5,1)`,
    [documentId, title, JSON.stringify(sections), JSON.stringify(plan), createdBy]);
}

/** Earlier circulated versions become superseded by this one; returns their ids. */
export async function supersedeCirculatedBefore(em: Sql, documentId: string, number: number): Promise<string[]> {
  const superseded: { id: string }[] = await em.query(
    `UPDATE draft_versions SET status = 'superseded', version = version + 1, updated_at = now()
     WHERE document_id = $1 AND status = 'circulated' AND number < $2 RETURNING id`, [documentId, number]);
  return superseded.map((r) => r.id);
}

/** On adoption, the adopted version and earlier circulated ones become superseded; returns their ids. */
export async function supersedeOnAdoption(em: Sql, documentId: string, versionId: string, number: number): Promise<string[]> {
  const previous: { id: string }[] = await em.query(
    `UPDATE draft_versions SET status = 'superseded', version = version + 1, updated_at = now()
     WHERE document_id = $1 AND id <> $2 AND (status = 'adopted' OR (status = 'circulated' AND number < $3)) RETURNING id`, [documentId, versionId, number]);
  return previous.map((p) => p.id);
}

/** Sections are written without touching the row's `version`: each section has its own `rev`. */
export async function writeSections(em: Sql, id: string, sections: DraftSection[]): Promise<void> {
  await em.query('UPDATE draft_versions SET sections = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(sections)]);
}

// ─── Elsewhere ──────────────────────────────────────────────────────────────────────────────────────

/** Full names of the accounts that created, circulated and adopted a version (null when not set). */
export async function versionPeopleNames(em: Sql, ids: { created: string | null; circulated: string | null; adopted: string | null }): Promise<{ created: string | null; circulated: string | null; adopted: string | null }> {
  const [names]: { created: string | null; circulated: string | null; adopted: string | null }[] = await em.query(
    `SELECT (SELECT full_name FROM accounts WHERE id = $1) AS created, (SELECT full_name FROM accounts WHERE id = $2) AS circulated,
            (SELECT full_name FROM accounts WHERE id = $3) AS adopted`, [ids.created, ids.circulated, ids.adopted]);
  return names;
}

/** The full name of a unit's first active head, if it has one. */
export async function unitHeadName(em: Sql, unitId: string): Promise<string | null> {
  const [head]: { full_name: string }[] = await em.query(
    `SELECT full_name FROM accounts WHERE unit_id = $1 AND role = 'unit_head' AND archived_at IS NULL ORDER BY created_at LIMIT 1`, [unitId]);
  return head?.full_name ?? null;
}

/** An account by its email, as the actor it would be (the demo seeds act as the people of the story). */
export async function accountAsActor(em: Sql, email: string): Promise<Omit<Actor, 'sessionId'> | undefined> {
  const [a]: { id: string; role: Actor['role']; unit_id: string | null; full_name: string; email: string }[] = await em.query(
    'SELECT id, role, unit_id, full_name, email FROM accounts WHERE email = $1', [email]);
  return a && { id: a.id, role: a.role, unitId: a.unit_id, fullName: a.full_name, email: a.email };
}

/** Today in Vietnam (UTC+7) as yyyy-mm-dd. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

// ─── Demo history ───────────────────────────────────────────────────────────────────────────────────

/**
 * Demo history: the recorded times of a demo version written in a past year (created, circulated, adopted; its
 * document is as old as its oldest version). No use case sets a past time. Only for the demo loader.
 */
export async function recordDemoVersionTimes(em: Sql, id: string, t: { created: Date; circulated?: Date; adopted?: Date }): Promise<void> {
  await em.query(
    `UPDATE draft_versions SET created_at = $2, circulated_at = coalesce($3, circulated_at), adopted_at = coalesce($4, adopted_at), updated_at = greatest($2, coalesce($4, $3, $2)) WHERE id = $1`,
    [id, t.created, t.circulated ?? null, t.adopted ?? null]);
  await em.query(
    `UPDATE draft_documents d SET created_at = least(d.created_at, $2) FROM draft_versions v WHERE v.id = $1 AND d.id = v.document_id`, [id, t.created]);
}

