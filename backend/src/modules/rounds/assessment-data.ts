import type { EntityManager } from 'typeorm';
import { sessionCtes, type SessionRow } from '../auth/session-claim';
import { ROUND_FROM, roundColumns, type StoredRound } from './round-row-data';

/**
 * The rounds module's SQL about a unit's self-assessment: the sheet (status, submission, return), whether its
 * rows are filled, its evidence files, its explanations, and the membership checks around them.
 */

type Sql = Pick<EntityManager, 'query'>;

export type SelfStatus = 'draft' | 'awaiting_confirmation' | 'submitted' | 'returned';

/** A unit's self-assessment, with its extension and who confirmed it. */
export interface SelfAssessmentRow {
  id: string;
  status: SelfStatus;
  submittedAt: Date | null;
  returnReason: string;
  extensionUntil: Date | null;
  version: number;
  confirmedByName: string | null;
}

const SELF_COLUMNS = 'sa.id, sa.status, sa.submitted_at AS "submittedAt", sa.return_reason AS "returnReason", sa.version, e.until AS "extensionUntil", a.full_name AS "confirmedByName"';
const SELF_FROM = 'self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id LEFT JOIN accounts a ON a.id = sa.confirmed_by';

// ─── The self-assessment ────────────────────────────────────────────────────────────────────────────

/** The unit's self-assessment (`lock`: FOR UPDATE or FOR SHARE of it); undefined when it has none. */
export async function selectSelfAssessment(em: Sql, roundId: string, unitId: string, lock?: 'share' | 'update'): Promise<SelfAssessmentRow | undefined> {
  const [row]: SelfAssessmentRow[] = await em.query(
    `SELECT ${SELF_COLUMNS} FROM ${SELF_FROM} WHERE sa.round_id = $1 AND sa.unit_id = $2${lock === 'update' ? ' FOR UPDATE OF sa' : lock === 'share' ? ' FOR SHARE OF sa' : ''}`,
    [roundId, unitId]);
  return row;
}

/** An empty self-assessment for a unit (none when it has one). */
export async function insertSelfAssessment(em: Sql, roundId: string, unitId: string): Promise<void> {
  await em.query('INSERT INTO self_assessments (round_id, unit_id, version) VALUES ($1,$2,1) ON CONFLICT DO NOTHING', [roundId, unitId]);
}

/** An empty self-assessment for each unit of a round being opened. */
export async function insertSelfAssessments(em: Sql, roundId: string, unitIds: string[]): Promise<void> {
  await em.query(`INSERT INTO self_assessments (round_id, unit_id, version) SELECT $1, u, 1 FROM unnest($2::uuid[]) AS u`, [roundId, unitIds]);
}

/** The round (with the session's unit as the actor's), the claimed session and the unit's self-assessment, as one row. */
export interface SelfContextRow extends StoredRound {
  roundXmin: string;
  session: SessionRow | null;
  selfId: string | null;
  selfStatus: SelfStatus;
  selfSubmittedAt: Date | null;
  selfReturnReason: string;
  selfVersion: number;
  selfExtensionUntil: Date | null;
  selfConfirmedByName: string | null;
  selfXmin: string;
}

/**
 * One statement for the autosave: the session of `tokenHash`, the round with the session unit's place in its year,
 * and the unit's self-assessment (its columns null when it has none); both FOR SHARE when `lock`, with their `xmin`
 * as read. Undefined when there is no such round.
 */
export async function selfContextRow(em: Sql, roundId: string, unitId: string, tokenHash: string, lock: boolean): Promise<SelfContextRow | undefined> {
  const [row]: SelfContextRow[] = await em.query(
    `WITH ${sessionCtes('$3')}
     SELECT ${roundColumns('(SELECT unit_id FROM ses)')}, r.xmin::text AS "roundXmin", (SELECT to_jsonb(ses) FROM ses) AS session,
            self.id AS "selfId", self.status AS "selfStatus", self."submittedAt" AS "selfSubmittedAt", self."returnReason" AS "selfReturnReason",
            self.version AS "selfVersion", self."extensionUntil" AS "selfExtensionUntil", self."confirmedByName" AS "selfConfirmedByName", self.xmin AS "selfXmin"
     FROM ${ROUND_FROM}
     LEFT JOIN LATERAL (SELECT ${SELF_COLUMNS}, sa.xmin::text AS xmin FROM ${SELF_FROM} WHERE sa.round_id = r.id AND sa.unit_id = $2${lock ? ' FOR SHARE OF sa' : ''}) self ON true
     WHERE r.id = $1${lock ? ' FOR SHARE OF r' : ''}`, [roundId, unitId, tokenHash]);
  return row;
}

/** Submitted: by the unit head (`submitted_by` and `confirmed_by` both the head). */
export async function submitByHead(em: Sql, id: string, accountId: string): Promise<void> {
  await em.query(
    `UPDATE self_assessments SET status = 'submitted', submitted_at = now(), submitted_by = $2, confirmed_by = $2, confirmed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
    [id, accountId]);
}

/** Sent by an officer for the unit head to confirm. */
export async function requestConfirmation(em: Sql, id: string, accountId: string): Promise<void> {
  await em.query(`UPDATE self_assessments SET status = 'awaiting_confirmation', submitted_by = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, accountId]);
}

/** The unit head confirms what an officer sent: submitted. */
export async function confirmSubmission(em: Sql, id: string, accountId: string): Promise<void> {
  await em.query(
    `UPDATE self_assessments SET status = 'submitted', submitted_at = now(), confirmed_by = $2, confirmed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, accountId]);
}

export async function backToDraft(em: Sql, id: string): Promise<void> {
  await em.query(`UPDATE self_assessments SET status = 'draft', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function returnSelfAssessment(em: Sql, id: string, reason: string, accountId: string): Promise<void> {
  await em.query(
    `UPDATE self_assessments SET status = 'returned', return_reason = $2, returned_at = now(), returned_by = $3, submitted_at = NULL, confirmed_by = NULL, confirmed_at = NULL,
       version = version + 1, updated_at = now() WHERE id = $1`, [id, reason, accountId]);
}

export async function submittedUnitIds(em: Sql, roundId: string): Promise<string[]> {
  const rows: { unitId: string }[] = await em.query(`SELECT unit_id AS "unitId" FROM self_assessments WHERE round_id = $1 AND status = 'submitted'`, [roundId]);
  return rows.map((r) => r.unitId);
}

/** A unit's self-assessment status and extension; undefined when it has none. */
export async function selfStatusOf(em: Sql, roundId: string, unitId: string): Promise<{ status: SelfStatus; until: Date | null } | undefined> {
  const [sa]: { status: SelfStatus; until: Date | null }[] = await em.query(
    `SELECT sa.status, e.until FROM self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id WHERE sa.round_id = $1 AND sa.unit_id = $2`, [roundId, unitId]);
  return sa;
}

/** Every self-assessment of the round with its unit's name, in name order. */
export async function selfAssessmentStatuses(em: Sql, roundId: string): Promise<{ unitId: string; name: string; status: SelfStatus }[]> {
  return em.query(
    `SELECT sa.unit_id AS "unitId", u.name, sa.status FROM self_assessments sa JOIN units u ON u.id = sa.unit_id WHERE sa.round_id = $1 ORDER BY u.name`, [roundId]);
}

// ─── Membership ─────────────────────────────────────────────────────────────────────────────────────

/** Whether the unit is a member of the block in the year. */
export async function isYearMember(em: Sql, blockYearId: string, unitId: string): Promise<boolean> {
  const [member] = await em.query('SELECT 1 FROM block_year_members WHERE block_year_id = $1 AND unit_id = $2', [blockYearId, unitId]) as unknown[];
  return !!member;
}

/** Whether the unit is a member of the block in the round's year. */
export async function isRoundMember(em: Sql, roundId: string, unitId: string): Promise<boolean> {
  const [member] = await em.query('SELECT 1 FROM block_year_members m JOIN scoring_rounds r ON r.block_year_id = m.block_year_id WHERE r.id = $1 AND m.unit_id = $2', [roundId, unitId]) as unknown[];
  return !!member;
}

export async function unitName(em: Sql, unitId: string): Promise<string | undefined> {
  const [u]: { name: string }[] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
  return u?.name;
}

// ─── Whether rows are filled ────────────────────────────────────────────────────────────────────────

/** Whether a row holds a value, and whether it declares an event. */
export interface RowState {
  criterionId: string;
  filled: boolean;
  declared: boolean;
}

/** The self rows of the round (of one unit when `unitId`), filled or not. */
export async function selfRowStates(em: Sql, roundId: string, unitId: string | null): Promise<(RowState & { unitId: string })[]> {
  return em.query(
    `SELECT unit_id AS "unitId", criterion_id AS "criterionId", (score IS NOT NULL OR actual IS NOT NULL OR passed IS NOT NULL OR count IS NOT NULL OR items IS NOT NULL) AS filled,
            (items IS NOT NULL AND items <> '{}'::jsonb) AS declared
     FROM score_entries WHERE round_id = $1 AND source = 'self' AND ($2::uuid IS NULL OR unit_id = $2)`, [roundId, unitId]);
}

/** A unit's self rows, filled or not (what submission checks). */
export async function unitSelfRowStates(em: Sql, roundId: string, unitId: string): Promise<RowState[]> {
  return em.query(
    `SELECT criterion_id AS "criterionId", (score IS NOT NULL OR actual IS NOT NULL OR passed IS NOT NULL OR count IS NOT NULL OR items IS NOT NULL) AS filled,
            (items IS NOT NULL AND items <> '{}'::jsonb) AS declared
     FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND source = 'self'`, [roundId, unitId]);
}

/** A score sheet: whose rows of which unit (`scorerUnitId` the unit itself for its self-assessment). */
export interface SheetKey {
  roundId: string;
  unitId: string;
  source: 'self' | 'peer';
  scorerUnitId: string;
}

/** The rows of each sheet, filled or not; `i` is the sheet's position in `sheets`, from 1. */
export async function sheetRowStates(em: Sql, sheets: readonly SheetKey[]): Promise<(RowState & { i: number })[]> {
  const rows: (RowState & { i: string | number })[] = await em.query(
    `SELECT s.i, e.criterion_id AS "criterionId", (e.score IS NOT NULL OR e.actual IS NOT NULL OR e.passed IS NOT NULL OR e.count IS NOT NULL OR e.items IS NOT NULL) AS filled,
            (e.items IS NOT NULL AND e.items <> '{}'::jsonb) AS declared
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) WITH ORDINALITY AS s(round_id, unit_id, source, scorer, i)
     JOIN score_entries e ON e.round_id = s.round_id AND e.unit_id = s.unit_id AND e.source = s.source AND e.scorer_unit_id = s.scorer`,
    [sheets.map((s) => s.roundId), sheets.map((s) => s.unitId), sheets.map((s) => s.source), sheets.map((s) => s.scorerUnitId)]);
  // WITH ORDINALITY counts in bigint, which the driver sends as text.
  return rows.map((r) => ({ ...r, i: Number(r.i) }));
}

// ─── Evidence ───────────────────────────────────────────────────────────────────────────────────────

/** The criteria with a self-assessment evidence file, per unit (of one unit when `unitId`). */
export async function selfEvidenceCriteria(em: Sql, roundId: string, unitId: string | null): Promise<{ unitId: string; criterionId: string }[]> {
  return em.query(
    `SELECT DISTINCT unit_id AS "unitId", criterion_id AS "criterionId" FROM evidence_files WHERE round_id = $1 AND purpose = 'self' AND ($2::uuid IS NULL OR unit_id = $2)`, [roundId, unitId]);
}

/** The criteria a unit has a self-assessment evidence file for (what submission checks). */
export async function unitSelfEvidenceCriteria(em: Sql, roundId: string, unitId: string): Promise<string[]> {
  const rows: { criterionId: string }[] = await em.query(
    `SELECT DISTINCT criterion_id AS "criterionId" FROM evidence_files WHERE round_id = $1 AND unit_id = $2 AND purpose = 'self'`, [roundId, unitId]);
  return rows.map((r) => r.criterionId);
}

export type EvidencePurpose = 'self' | 'explanation';

/** An evidence file as the form lists it (without its content). */
export interface EvidenceRow {
  id: string;
  criterionId: string;
  purpose: EvidencePurpose;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedByName: string | null;
}

/** A unit's evidence files (its self-assessment's only, unless `withExplanations`), in upload order. */
export async function unitEvidence(em: Sql, roundId: string, unitId: string, withExplanations: boolean): Promise<EvidenceRow[]> {
  return em.query(
    `SELECT f.id, f.criterion_id AS "criterionId", f.purpose, f.filename, f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes", f.sha256, f.uploaded_at AS "uploadedAt",
            a.full_name AS "uploadedByName"
     FROM evidence_files f LEFT JOIN accounts a ON a.id = f.uploaded_by WHERE f.round_id = $1 AND f.unit_id = $2 AND ($3 OR f.purpose = 'self') ORDER BY f.uploaded_at, f.id`,
    [roundId, unitId, withExplanations]);
}

/** A new evidence file; its id and upload time. */
export async function insertEvidence(
  em: Sql, f: { roundId: string; unitId: string; criterionId: string; purpose: EvidencePurpose; filename: string; mimeType: string; sha256: string; content: Buffer; uploadedBy: string },
): Promise<{ id: string; uploadedAt: Date }> {
  const [row]: { id: string; uploadedAt: Date }[] = await em.query(
    `INSERT INTO evidence_files (round_id, unit_id, criterion_id, purpose, filename, mime_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id, uploaded_at AS "uploadedAt"`,
    [f.roundId, f.unitId, f.criterionId, f.purpose, f.filename, f.mimeType, f.content.length, f.sha256, f.content, f.uploadedBy]);
  return row;
}

/** An evidence file's place and description (not its content); undefined when there is none. */
export async function evidenceFile(em: Sql, id: string): Promise<{ id: string; roundId: string; unitId: string; criterionId: string; purpose: EvidencePurpose; filename: string; sha256: string } | undefined> {
  const [ev] = await em.query(
    'SELECT id, round_id AS "roundId", unit_id AS "unitId", criterion_id AS "criterionId", purpose, filename, sha256 FROM evidence_files WHERE id = $1', [id]) as {
      id: string; roundId: string; unitId: string; criterionId: string; purpose: EvidencePurpose; filename: string; sha256: string;
    }[];
  return ev;
}

export async function deleteEvidenceFile(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM evidence_files WHERE id = $1', [id]);
}

/** An evidence file with its content; undefined when there is none. */
export async function evidenceWithContent(em: Sql, id: string): Promise<{ roundId: string; unitId: string; purpose: EvidencePurpose; filename: string; mimeType: string; content: Buffer } | undefined> {
  const [ev] = await em.query(
    'SELECT round_id AS "roundId", unit_id AS "unitId", purpose, filename, mime_type AS "mimeType", content FROM evidence_files WHERE id = $1', [id]) as {
      roundId: string; unitId: string; purpose: EvidencePurpose; filename: string; mimeType: string; content: Buffer;
    }[];
  return ev;
}

/** A criterion's code (of any scheme); undefined when there is none. */
export async function criterionCode(em: Sql, criterionId: string): Promise<string | undefined> {
  const [c]: { code: string }[] = await em.query('SELECT code FROM scoring_criteria WHERE id = $1', [criterionId]);
  return c?.code;
}

// ─── Explanations ───────────────────────────────────────────────────────────────────────────────────

export interface StoredExplanation {
  text: string;
  version: number;
  updatedAt: Date;
}

export async function unitExplanations(em: Sql, roundId: string, unitId: string): Promise<(StoredExplanation & { criterionId: string })[]> {
  return em.query('SELECT criterion_id AS "criterionId", text, version, updated_at AS "updatedAt" FROM round_explanations WHERE round_id = $1 AND unit_id = $2', [roundId, unitId]);
}

/** A unit's explanation of a criterion, locked FOR UPDATE; undefined when it has none. */
export async function lockExplanation(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<StoredExplanation | undefined> {
  const [current]: StoredExplanation[] = await em.query(
    'SELECT text, version, updated_at AS "updatedAt" FROM round_explanations WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 FOR UPDATE', [roundId, unitId, criterionId]);
  return current;
}

/** Writes the explanation (a new one at version 1, else the next version); the row as written. */
export async function upsertExplanation(em: Sql, e: { roundId: string; unitId: string; criterionId: string; text: string; updatedBy: string }): Promise<StoredExplanation> {
  const [row]: StoredExplanation[] = await em.query(
    `INSERT INTO round_explanations (round_id, unit_id, criterion_id, text, updated_by, version) VALUES ($1,$2,$3,$4,$5,1)
     ON CONFLICT (round_id, unit_id, criterion_id) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now(), version = round_explanations.version + 1
     RETURNING text, version, updated_at AS "updatedAt"`, [e.roundId, e.unitId, e.criterionId, e.text, e.updatedBy]);
  return row;
}
