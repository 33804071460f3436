import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import type { ProposalEventKind } from './entities/proposal-event.entity';
import type { ProposalStatus } from './entities/proposal.entity';

/** The dossier's rows as the workflow, the read model and the files read them (the proposals module's own tables). */

type Sql = Pick<EntityManager, 'query'>;

/** A proposals row as selected. */
export interface DossierRow {
  id: string;
  blockYearId: string;
  status: ProposalStatus;
  letterNumber: string;
  letterDate: string | null;
  letterRecipient: string;
  letterParagraphs: string[];
  letterClosing: string;
  signerName: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  dueDate: string | null;
  appraisalWorkingDays: number | null;
  appraisalStartedAt: Date | null;
  returnedAt: Date | null;
  returnReason: string;
  approvedAt: Date | null;
  decidedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface Loaded {
  p: DossierRow;
  y: YearContext;
}

export interface Nominee {
  id: string | null;
  unitId: string;
  unitName: string;
  code: string;
  awardName: string;
  ballotId: string | null;
  approvals: number;
  percent: number;
  rank: number | null;
}

export interface ReportRow {
  id: string;
  unitId: string;
  unitName: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
  supersededAt: string | null;
}

/** What the dossier is assembled from, read at the moment of the request. */
export interface Sources {
  /** heldAt: when it was actually held, as its minutes record it (null: not held yet, so no date is cited). */
  conference: { id: string; heldAt: Date | null; minutesNumber: string | null; minutesApproved: boolean } | null;
  round: { id: string; title: string; finalised: boolean } | null;
  ranks: Map<string, number>;
  ballots: { ballotId: string; code: string; awardName: string; status: 'open' | 'closed'; signed: boolean; documentNumber: string | null }[];
  nominees: Nominee[];
  frozen: boolean;
  reports: ReportRow[];
  current: Map<string, ReportRow>;
}

/** The proposals columns, dates as 'yyyy-mm-dd' text (never shifted by the server's time zone). */
const ROW_COLUMNS = `id, block_year_id AS "blockYearId", status, letter_number AS "letterNumber", letter_date::text AS "letterDate", letter_recipient AS "letterRecipient",
  letter_paragraphs AS "letterParagraphs", letter_closing AS "letterClosing", signer_name AS "signerName", submitted_at AS "submittedAt", submitted_by AS "submittedBy",
  due_date::text AS "dueDate", appraisal_working_days AS "appraisalWorkingDays", appraisal_started_at AS "appraisalStartedAt", returned_at AS "returnedAt",
  return_reason AS "returnReason", approved_at AS "approvedAt", decided_at AS "decidedAt", cancelled_at AS "cancelledAt", cancel_reason AS "cancelReason",
  created_at AS "createdAt", updated_at AS "updatedAt", version`;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
export const dateOnly = (d: string | null): string | null => (d ? d.slice(0, 10) : null);
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function dbNow(em: Sql): Promise<Date> {
  const [{ now }]: { now: Date }[] = await em.query('SELECT now() AS now');
  return now;
}

export async function loadDossier(em: EntityManager, id: string, actor: Actor | null, lock = false): Promise<Loaded> {
  const [p]: DossierRow[] = await em.query(`SELECT ${ROW_COLUMNS} FROM proposals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!p) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng.', 'proposal_not_found');
  const y = await loadYearContext(em, p.blockYearId, actor);
  return { p, y };
}

/** The year-end conference whose minutes go into the dossier: the one with approved minutes first, then the latest. */
export async function yearEndConference(em: Sql, blockYearId: string): Promise<Sources['conference']> {
  const [c]: { id: string; heldAt: Date | null; docNumber: string | null; status: string | null }[] = await em.query(
    `SELECT c.id, COALESCE((m.content->>'startedAt')::timestamptz, c.opened_at) AS "heldAt", m.doc_number AS "docNumber", m.status
     FROM conferences c LEFT JOIN conference_minutes m ON m.conference_id = c.id
     WHERE c.block_year_id = $1 AND c.kind = 'year_end'
     ORDER BY (m.status = 'approved') DESC NULLS LAST, c.starts_at DESC LIMIT 1`, [blockYearId]);
  return c ? { id: c.id, heldAt: c.heldAt ?? null, minutesNumber: c.docNumber ?? null, minutesApproved: c.status === 'approved' } : null;
}

export async function yearEndRound(em: Sql, blockYearId: string): Promise<Sources['round']> {
  const [r]: { id: string; title: string; phase: string }[] = await em.query(`SELECT id, title, phase FROM scoring_rounds WHERE block_year_id = $1 AND kind = 'year_end'`, [blockYearId]);
  return r ? { id: r.id, title: r.title, finalised: r.phase === 'finalised' } : null;
}

export async function readReports(em: Sql, id: string): Promise<ReportRow[]> {
  const rows: {
    id: string; unitId: string; unitName: string; filename: string; mimeType: string; sizeBytes: number; sha256: string; uploadedAt: Date; uploadedByName: string | null; supersededAt: Date | null;
  }[] = await em.query(
    `SELECT r.id, r.unit_id AS "unitId", u.name AS "unitName", r.filename, r.mime_type AS "mimeType", r.size_bytes AS "sizeBytes", r.sha256, r.uploaded_at AS "uploadedAt",
            a.full_name AS "uploadedByName", r.superseded_at AS "supersededAt"
     FROM proposal_reports r JOIN units u ON u.id = r.unit_id LEFT JOIN accounts a ON a.id = r.uploaded_by
     WHERE r.proposal_id = $1 ORDER BY r.uploaded_at DESC, r.id`, [id]);
  return rows.map((r) => ({
    id: r.id, unitId: r.unitId, unitName: r.unitName, filename: r.filename, mimeType: r.mimeType, sizeBytes: r.sizeBytes, sha256: r.sha256,
    uploadedAt: iso(r.uploadedAt)!, uploadedByName: r.uploadedByName ?? null, supersededAt: iso(r.supersededAt),
  }));
}

/** A report's stored file; undefined when the dossier has no such report. */
export async function reportContent(em: Sql, proposalId: string, reportId: string): Promise<{ filename: string; mimeType: string; content: Buffer } | undefined> {
  const [r]: { filename: string; mimeType: string; content: Buffer }[] = await em.query(
    'SELECT filename, mime_type AS "mimeType", content FROM proposal_reports WHERE id = $1 AND proposal_id = $2', [reportId, proposalId]);
  return r;
}

export async function recordEvent(em: Sql, proposalId: string, kind: ProposalEventKind, actor: Actor, o: { at?: Date; reason?: string; dueDate?: string | null; detail?: object } = {}): Promise<void> {
  const [{ seq }]: { seq: number }[] = await em.query('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM proposal_events WHERE proposal_id = $1', [proposalId]);
  await em.query(
    `INSERT INTO proposal_events (proposal_id, seq, kind, at, actor_id, actor_name, reason, due_date, detail) VALUES ($1,$2,$3,coalesce($4, now()),$5,$6,$7,$8,$9)`,
    [proposalId, seq, kind, o.at ?? null, actor.id, actor.fullName, o.reason ?? '', o.dueDate ?? null, JSON.stringify(o.detail ?? {})]);
}

/** The dossiers with the board (submitted or under appraisal) and their due dates ('yyyy-mm-dd'). */
export async function dossiersAwaitingAppraisal(em: Sql): Promise<{ id: string; dueDate: string }[]> {
  return em.query(`SELECT id, due_date::text AS "dueDate" FROM proposals WHERE status IN ('submitted','under_appraisal') AND due_date IS NOT NULL`);
}

/** What a notice about a dossier names: its status, due date, letter number, block and year; undefined when there is no such dossier. */
export async function dossierHeading(em: Sql, id: string): Promise<{ status: ProposalStatus; dueDate: string | null; blockYearId: string; letterNumber: string; blockName: string; year: number } | undefined> {
  const [row]: { status: ProposalStatus; dueDate: string | null; blockYearId: string; letterNumber: string; blockName: string; year: number }[] = await em.query(
    `SELECT p.status, p.due_date::text AS "dueDate", p.block_year_id AS "blockYearId", p.letter_number AS "letterNumber", b.name AS "blockName", y.year
       FROM proposals p JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id WHERE p.id = $1`, [id]);
  return row;
}

/** Names of these units (units module's table), by id. */
export async function unitNamesByIds(em: Sql, unitIds: string[]): Promise<{ id: string; name: string }[]> {
  return em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [unitIds]);
}
