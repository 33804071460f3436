import type { EntityManager } from 'typeorm';
import type { PlanData } from '../drafts/draft-content';
import { type CovenantStatus, decimal2 } from './covenant-rules';
import type { TargetInForce } from './dto/covenant.dto';

/**
 * The covenants module's SQL: the year's covenants, their targets and signatures, the hash lookup, and the reads
 * a covenant needs from elsewhere (the adopted plan, the signer's account, the unit heads).
 */

type Sql = Pick<EntityManager, 'query'>;

/** A covenant in the year's list, with how many units signed it. */
export interface CovenantListRow {
  id: string;
  number: number;
  status: CovenantStatus;
  title: string;
  openedAt: Date | null;
  inForceAt: Date | null;
  amendsId: string | null;
  signed: number;
}

/** The covenant a SHA-256 (of the frozen PDF or of the content) belongs to. */
export interface CovenantHashMatch {
  id: string;
  number: number;
  title: string;
  status: CovenantStatus;
  inForceAt: Date | null;
  byDocument: boolean;
  blockName: string;
  blockCode: string;
  year: number;
}

/** A target as it enters the content hash and the signed document: the value as a 2-decimal string. */
export interface TargetRow {
  unitId: string;
  indicator: string;
  unitOfMeasure: string;
  targetValue: string;
  sort: number;
}

/** A target as the covenant page shows it (the value as PostgreSQL sends a numeric). */
export interface StoredTarget {
  id: string;
  unitId: string;
  indicator: string;
  unitOfMeasure: string;
  targetValue: string;
  sort: number;
}

export interface SignatureRow {
  unitId: string;
  unitName: string;
  signerId: string;
  signerName: string;
  signerTitle: string;
  signedAt: Date;
  ip: string;
  userAgent: string;
  contentHash: string;
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────────

export async function listCovenants(em: Sql, blockYearId: string): Promise<CovenantListRow[]> {
  const rows: { id: string; number: number; status: CovenantStatus; title: string; opened_at: Date | null; in_force_at: Date | null; amends_id: string | null; signed: number }[] = await em.query(
    `SELECT c.id, c.number, c.status, c.title, c.opened_at, c.in_force_at, c.amends_id,
              (SELECT count(*)::int FROM covenant_signatures s WHERE s.covenant_id = c.id) AS signed
       FROM covenants c WHERE c.block_year_id = $1 ORDER BY c.number DESC`, [blockYearId]);
  return rows.map((r) => ({ id: r.id, number: r.number, status: r.status, title: r.title, openedAt: r.opened_at, inForceAt: r.in_force_at, amendsId: r.amends_id, signed: r.signed }));
}

/** The covenant whose frozen PDF (first) or content has this hash, the one in force first; undefined when none. */
export async function covenantByHash(em: Sql, hash: string): Promise<CovenantHashMatch | undefined> {
  const [row]: { id: string; number: number; title: string; status: CovenantStatus; in_force_at: Date | null; by_document: boolean; block_name: string; block_code: string; year: number }[] = await em.query(
      `SELECT c.id, c.number, c.title, c.status, c.in_force_at, c.document_sha256 = $1 AS by_document, b.name AS block_name, b.code AS block_code, y.year
       FROM covenants c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id
       WHERE c.document_sha256 = $1 OR c.content_hash = $1
       ORDER BY (c.document_sha256 = $1) DESC, (c.status = 'in_force') DESC LIMIT 1`, [hash]);
  if (!row) return undefined;
  return { id: row.id, number: row.number, title: row.title, status: row.status, inForceAt: row.in_force_at, byDocument: row.by_document, blockName: row.block_name, blockCode: row.block_code, year: row.year };
}

/** The targets of the covenant in force of a block year. */
export async function targetsInForce(em: Sql, blockYearId: string): Promise<TargetInForce[]> {
  const rows: { covenant_id: string; unit_id: string; unit_name: string; indicator: string; unit_of_measure: string; target_value: string }[] = await em.query(
      `SELECT t.covenant_id, t.unit_id, u.name AS unit_name, t.indicator, t.unit_of_measure, t.target_value
       FROM covenants c JOIN covenant_targets t ON t.covenant_id = c.id JOIN units u ON u.id = t.unit_id
       WHERE c.block_year_id = $1 AND c.status = 'in_force' ORDER BY u.name, t.sort`, [blockYearId]);
  return rows.map((r) => ({ covenantId: r.covenant_id, unitId: r.unit_id, unitName: r.unit_name, indicator: r.indicator, unitOfMeasure: r.unit_of_measure, targetValue: Number(r.target_value) }));
}

/** Block year, number, title and block code of a covenant; undefined when there is none. */
export async function covenantHeading(em: Sql, id: string): Promise<{ blockYearId: string; number: number; title: string; blockCode: string } | undefined> {
  const [row]: { block_year_id: string; number: number; title: string; code: string }[] = await em.query(
      `SELECT c.block_year_id, c.number, c.title, b.code FROM covenants c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id WHERE c.id = $1`, [id]);
  return row ? { blockYearId: row.block_year_id, number: row.number, title: row.title, blockCode: row.code } : undefined;
}

/** The year's covenants not superseded, newest first. */
export async function openCovenants(em: Sql, blockYearId: string): Promise<{ status: CovenantStatus; number: number }[]> {
  return em.query(
      `SELECT status, number FROM covenants WHERE block_year_id = $1 AND status <> 'superseded' ORDER BY number DESC`, [blockYearId]);
}

/** The adopted plan version of the year, else the latest circulated one. */
export async function latestPlan(em: Sql, blockYearId: string): Promise<{ id: string; plan: PlanData | null } | undefined> {
  const [plan]: { id: string; plan: PlanData | null }[] = await em.query(
      `SELECT v.id, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
       WHERE d.block_year_id = $1 AND d.kind = 'plan' AND v.status <> 'draft'
       ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [blockYearId]);
  return plan;
}

/** The number the year's next covenant takes. */
export async function nextNumber(em: Sql, blockYearId: string): Promise<number> {
  const [{ next }]: { next: number }[] = await em.query('SELECT coalesce(max(number), 0)::int + 1 AS next FROM covenants WHERE block_year_id = $1', [blockYearId]);
  return next;
}

/** The number of the latest amendment of a covenant; undefined when there is none. */
export async function newerAmendmentNumber(em: Sql, id: string): Promise<number | undefined> {
  const [newer]: { number: number }[] = await em.query('SELECT number FROM covenants WHERE amends_id = $1 ORDER BY number DESC LIMIT 1', [id]);
  return newer?.number;
}

/** The id of the latest amendment of a covenant; undefined when there is none. */
export async function amendedById(em: Sql, id: string): Promise<string | undefined> {
  const [amendedBy]: { id: string }[] = await em.query('SELECT id FROM covenants WHERE amends_id = $1 ORDER BY number DESC LIMIT 1', [id]);
  return amendedBy?.id;
}

/** The number of another covenant of the year in draft or signing; undefined when there is none. */
export async function otherOpenNumber(em: Sql, blockYearId: string, exceptId: string): Promise<number | undefined> {
  const [other]: { number: number }[] = await em.query(`SELECT number FROM covenants WHERE block_year_id = $1 AND status IN ('draft','signing') AND id <> $2`, [blockYearId, exceptId]);
  return other?.number;
}

/** Whether another covenant of the year is in draft or signing. */
export async function otherOpenExists(em: Sql, blockYearId: string, exceptId: string): Promise<boolean> {
  const [open] = await em.query(`SELECT 1 FROM covenants WHERE block_year_id = $1 AND status IN ('draft','signing') AND id <> $2`, [blockYearId, exceptId]);
  return !!open;
}

/** The frozen PDF, byte for byte. */
export async function frozenDocument(em: Sql, id: string): Promise<Buffer> {
  const [row]: { document: Buffer }[] = await em.query('SELECT document FROM covenants WHERE id = $1', [id]);
  return row.document;
}

// ─── Targets ────────────────────────────────────────────────────────────────────────────────────────

/** The targets in order, as they enter the content hash (the value as a 2-decimal string). */
export async function targetRows(em: Sql, id: string): Promise<TargetRow[]> {
  const rows: { unit_id: string; indicator: string; unit_of_measure: string; target_value: string; sort: number }[] = await em.query(
      'SELECT unit_id, indicator, unit_of_measure, target_value, sort FROM covenant_targets WHERE covenant_id = $1 ORDER BY sort', [id]);
  return rows.map((r) => ({ unitId: r.unit_id, indicator: r.indicator, unitOfMeasure: r.unit_of_measure, targetValue: decimal2(r.target_value), sort: r.sort }));
}

export async function storedTargets(em: Sql, id: string): Promise<StoredTarget[]> {
  const rows: { id: string; unit_id: string; indicator: string; unit_of_measure: string; target_value: string; sort: number }[] = await em.query(
    'SELECT id, unit_id, indicator, unit_of_measure, target_value, sort FROM covenant_targets WHERE covenant_id = $1 ORDER BY sort', [id]);
  return rows.map((t) => ({ id: t.id, unitId: t.unit_id, indicator: t.indicator, unitOfMeasure: t.unit_of_measure, targetValue: t.target_value, sort: t.sort }));
}

export async function deleteTargets(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM covenant_targets WHERE covenant_id = $1', [id]);
}

export async function insertTarget(em: Sql, id: string, t: TargetRow): Promise<void> {
  await em.query('INSERT INTO covenant_targets (covenant_id, unit_id, indicator, unit_of_measure, target_value, sort) VALUES ($1,$2,$3,$4,$5,$6)',
        [id, t.unitId, t.indicator, t.unitOfMeasure, t.targetValue, t.sort]);
}

/** Copies a covenant's targets to its amendment. */
export async function copyTargets(em: Sql, fromId: string, toId: string): Promise<void> {
  await em.query(
      `INSERT INTO covenant_targets (covenant_id, unit_id, indicator, unit_of_measure, target_value, sort)
       SELECT $2, unit_id, indicator, unit_of_measure, target_value, sort FROM covenant_targets WHERE covenant_id = $1`, [fromId, toId]);
}

// ─── Status ─────────────────────────────────────────────────────────────────────────────────────────

export async function bumpVersion(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE covenants SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

/** Supersedes the year's covenant in force other than `exceptId`; answers the ids superseded. */
export async function supersedeInForce(em: Sql, blockYearId: string, exceptId: string, at: Date): Promise<string[]> {
  const superseded: { id: string }[] = await em.query(
      `UPDATE covenants SET status = 'superseded', superseded_at = $3, version = version + 1, updated_at = now()
       WHERE block_year_id = $1 AND status = 'in_force' AND id <> $2 RETURNING id`, [blockYearId, exceptId, at]);
  return superseded.map((s) => s.id);
}

/** Puts a covenant in force with its final PDF and that PDF's SHA-256. */
export async function markInForce(em: Sql, id: string, at: Date, pdf: Buffer, documentSha256: string): Promise<void> {
  await em.query(
      `UPDATE covenants SET status = 'in_force', in_force_at = $2, document = $3, document_sha256 = $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, at, pdf, documentSha256]);
}

/** Stops a covenant's signing (its amendment replaces it). */
export async function supersedeNow(em: Sql, id: string): Promise<void> {
  await em.query(`UPDATE covenants SET status = 'superseded', superseded_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

// ─── Signatures ─────────────────────────────────────────────────────────────────────────────────────

/** The signatures in the order given, with each unit's name. */
export async function signatures(em: Sql, id: string): Promise<SignatureRow[]> {
  const rows: { unit_id: string; unit_name: string; signer_id: string; signer_name: string; signer_title: string; signed_at: Date; ip: string; user_agent: string; content_hash: string }[] = await em.query(
      `SELECT s.*, u.name AS unit_name FROM covenant_signatures s JOIN units u ON u.id = s.unit_id WHERE s.covenant_id = $1 ORDER BY s.signed_at, s.id`, [id]);
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.unit_name, signerId: r.signer_id, signerName: r.signer_name, signerTitle: r.signer_title,
    signedAt: r.signed_at, ip: r.ip, userAgent: r.user_agent, contentHash: r.content_hash,
  }));
}

/** The signer's name and title as their account holds them. */
export async function signerAccount(em: Sql, accountId: string): Promise<{ fullName: string; title: string }> {
  const [account]: { full_name: string; title: string }[] = await em.query('SELECT full_name, title FROM accounts WHERE id = $1', [accountId]);
  return { fullName: account.full_name, title: account.title };
}

export async function insertSignature(
  em: Sql,
  s: { covenantId: string; unitId: string; signerId: string; signerName: string; signerTitle: string; signedAt: Date; ip: string; userAgent: string; contentHash: string | null },
): Promise<void> {
  await em.query(
      `INSERT INTO covenant_signatures (covenant_id, unit_id, signer_id, signer_name, signer_title, signed_at, ip, user_agent, content_hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [s.covenantId, s.unitId, s.signerId, s.signerName, s.signerTitle, s.signedAt, s.ip, s.userAgent, s.contentHash]);
}

/** The first active unit head of each unit. */
export async function unitHeads(em: Sql, unitIds: string[]): Promise<{ unitId: string; fullName: string; title: string }[]> {
  const heads: { unit_id: string; full_name: string; title: string }[] = await em.query(
      `SELECT DISTINCT ON (unit_id) unit_id, full_name, title FROM accounts WHERE role = 'unit_head' AND archived_at IS NULL AND unit_id = ANY($1::uuid[]) ORDER BY unit_id, created_at`,
      [unitIds]);
  return heads.map((h) => ({ unitId: h.unit_id, fullName: h.full_name, title: h.title }));
}

// ─── Demo history ───────────────────────────────────────────────────────────────────────────────────

/** A covenant's status and version (the demo checks its story and edits at the current version). */
export async function covenantState(em: Sql, id: string): Promise<{ status: CovenantStatus; version: number } | undefined> {
  const [row]: { status: CovenantStatus; version: number }[] = await em.query('SELECT status, version FROM covenants WHERE id = $1', [id]);
  return row;
}

/**
 * Demo history: the recorded times of a demo covenant drafted and opened in a past year (no use case sets a past
 * time). Only for the demo loader.
 */
export async function recordDemoTimes(em: Sql, id: string, t: { createdAt: Date; openedAt?: Date }): Promise<void> {
  await em.query('UPDATE covenants SET created_at = $2, opened_at = coalesce($3, opened_at) WHERE id = $1', [id, t.createdAt, t.openedAt ?? null]);
}

