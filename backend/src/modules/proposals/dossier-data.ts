import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import type { ProposalEventKind } from './entities/proposal-event.entity';
import type { ProposalStatus } from './entities/proposal.entity';

/** The dossier's rows as the workflow, the read model and the files read them (the proposals module's own tables). */

/** A proposals row as selected (snake case). */
export interface DossierRow {
  id: string;
  block_year_id: string;
  status: ProposalStatus;
  letter_number: string;
  letter_date: string | null;
  letter_recipient: string;
  letter_paragraphs: string[];
  letter_closing: string;
  signer_name: string;
  submitted_at: Date | null;
  submitted_by: string | null;
  due_date: string | null;
  appraisal_working_days: number | null;
  appraisal_started_at: Date | null;
  returned_at: Date | null;
  return_reason: string;
  approved_at: Date | null;
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string;
  created_at: Date;
  updated_at: Date;
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
const ROW_COLUMNS = `id, block_year_id, status, letter_number, letter_date::text AS letter_date, letter_recipient, letter_paragraphs, letter_closing, signer_name,
  submitted_at, submitted_by, due_date::text AS due_date, appraisal_working_days, appraisal_started_at, returned_at, return_reason, approved_at, decided_at,
  cancelled_at, cancel_reason, created_at, updated_at, version`;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
export const dateOnly = (d: string | null): string | null => (d ? d.slice(0, 10) : null);
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function dbNow(em: EntityManager): Promise<Date> {
  const [{ now }] = await em.query('SELECT now() AS now');
  return now;
}

export async function loadDossier(em: EntityManager, id: string, actor: Actor | null, lock = false): Promise<Loaded> {
  const [p] = await em.query(`SELECT ${ROW_COLUMNS} FROM proposals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!p) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng.', 'proposal_not_found');
  const y = await loadYearContext(em, p.block_year_id, actor);
  return { p, y };
}

/** The year-end conference whose minutes go into the dossier: the one with approved minutes first, then the latest. */
export async function yearEndConference(em: EntityManager, blockYearId: string): Promise<Sources['conference']> {
  const [c] = await em.query(
    `SELECT c.id, COALESCE((m.content->>'startedAt')::timestamptz, c.opened_at) AS held_at, m.doc_number, m.status
     FROM conferences c LEFT JOIN conference_minutes m ON m.conference_id = c.id
     WHERE c.block_year_id = $1 AND c.kind = 'year_end'
     ORDER BY (m.status = 'approved') DESC NULLS LAST, c.starts_at DESC LIMIT 1`, [blockYearId]);
  return c ? { id: c.id, heldAt: c.held_at ?? null, minutesNumber: c.doc_number ?? null, minutesApproved: c.status === 'approved' } : null;
}

export async function yearEndRound(em: EntityManager, blockYearId: string): Promise<Sources['round']> {
  const [r] = await em.query(`SELECT id, title, phase FROM scoring_rounds WHERE block_year_id = $1 AND kind = 'year_end'`, [blockYearId]);
  return r ? { id: r.id, title: r.title, finalised: r.phase === 'finalised' } : null;
}

export async function readReports(em: EntityManager, id: string): Promise<ReportRow[]> {
  const rows = await em.query(
    `SELECT r.id, r.unit_id, u.name AS unit_name, r.filename, r.mime_type, r.size_bytes, r.sha256, r.uploaded_at, a.full_name AS uploaded_by_name, r.superseded_at
     FROM proposal_reports r JOIN units u ON u.id = r.unit_id LEFT JOIN accounts a ON a.id = r.uploaded_by
     WHERE r.proposal_id = $1 ORDER BY r.uploaded_at DESC, r.id`, [id]);
  return rows.map((r: Record<string, any>) => ({
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, filename: r.filename, mimeType: r.mime_type, sizeBytes: r.size_bytes, sha256: r.sha256,
    uploadedAt: iso(r.uploaded_at)!, uploadedByName: r.uploaded_by_name ?? null, supersededAt: iso(r.superseded_at),
  }));
}

export async function recordEvent(em: EntityManager, proposalId: string, kind: ProposalEventKind, actor: Actor, o: { at?: Date; reason?: string; dueDate?: string | null; detail?: object } = {}): Promise<void> {
  const [{ seq }] = await em.query('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM proposal_events WHERE proposal_id = $1', [proposalId]);
  await em.query(
    `INSERT INTO proposal_events (proposal_id, seq, kind, at, actor_id, actor_name, reason, due_date, detail) VALUES ($1,$2,$3,coalesce($4, now()),$5,$6,$7,$8,$9)`,
    [proposalId, seq, kind, o.at ?? null, actor.id, actor.fullName, o.reason ?? '', o.dueDate ?? null, JSON.stringify(o.detail ?? {})]);
}
