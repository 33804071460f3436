import type { EntityManager } from 'typeorm';
import type { Nominee } from './dossier-data';
import type { DecisionOutcome } from './entities/proposal-decision.entity';
import type { ProposalStatus } from './entities/proposal.entity';

/** The workflow's SQL: the writes of a dossier's use cases (letter, reports, citations, nominees, status, decisions) and the reads they check. */

type Sql = Pick<EntityManager, 'query'>;

/** A nominee frozen on the dossier, as a decision is recorded on it. */
export interface NomineeToDecide {
  id: string;
  unitId: string;
  awardCode: string;
  awardName: string;
  unitName: string;
  decided: boolean;
}

// ─── Assembling ─────────────────────────────────────────────────────────────────────────────────────

/** Whether the block year exists. */
export async function blockYearExists(em: Sql, blockYearId: string): Promise<boolean> {
  const [exists] = await em.query('SELECT 1 FROM block_years WHERE id = $1', [blockYearId]);
  return !!exists;
}

/** The status of the block year's live (not cancelled) dossier; undefined when it has none. */
export async function liveDossierStatus(em: Sql, blockYearId: string): Promise<ProposalStatus | undefined> {
  const [live]: { status: ProposalStatus }[] = await em.query(`SELECT status FROM proposals WHERE block_year_id = $1 AND status <> 'cancelled'`, [blockYearId]);
  return live?.status;
}

/** How many dossiers the block year has had, cancelled ones included. */
export async function dossierCountOf(em: Sql, blockYearId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await em.query('SELECT count(*)::int AS n FROM proposals WHERE block_year_id = $1', [blockYearId]);
  return n;
}

/** The name of the unit's first active head (accounts module's table); undefined when it has none. */
export async function unitHeadName(em: Sql, unitId: string): Promise<string | undefined> {
  const [head]: { fullName: string }[] = await em.query(
    `SELECT full_name AS "fullName" FROM accounts WHERE unit_id = $1 AND role = 'unit_head' AND archived_at IS NULL ORDER BY created_at LIMIT 1`, [unitId]);
  return head?.fullName;
}

/** Inserts a draft dossier with its letter; answers its id. */
export async function insertDossier(em: Sql, d: {
  blockYearId: string; number: string; recipient: string; paragraphs: string[]; closing: string; signerName: string; createdBy: string; at: Date;
}): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO proposals (block_year_id, status, letter_number, letter_recipient, letter_paragraphs, letter_closing, signer_name, created_by, created_at, updated_at, version)
       VALUES ($1,'draft',$2,$3,$4,$5,$6,$7,$8,$8,1) RETURNING id`,
    [d.blockYearId, d.number, d.recipient, JSON.stringify(d.paragraphs), d.closing, d.signerName, d.createdBy, d.at]);
  return row.id;
}

/** Writes the letter (number, date 'yyyy-mm-dd', recipient, paragraphs, closing, signer) and a new version. */
export async function updateLetter(em: Sql, id: string, l: { number: string; date: string | null; recipient: string; paragraphs: string[]; closing: string; signerName: string }): Promise<void> {
  await em.query(
    `UPDATE proposals SET letter_number = $2, letter_date = $3, letter_recipient = $4, letter_paragraphs = $5, letter_closing = $6, signer_name = $7, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, l.number, l.date, l.recipient, JSON.stringify(l.paragraphs), l.closing, l.signerName]);
}

/** A unit's name (units module's table); undefined when there is no such unit. */
export async function unitName(em: Sql, unitId: string): Promise<string | undefined> {
  const [unit]: { name: string }[] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
  return unit?.name;
}

/** Marks the unit's current report superseded at `at`; answers it (null: the unit had none). */
export async function supersedeReport(em: Sql, proposalId: string, unitId: string, at: Date): Promise<{ id: string; sha256: string } | null> {
  // An UPDATE … RETURNING answers [rows, count] through TypeORM.
  const [replaced]: [{ id: string; sha256: string }[], number] = await em.query(
    'UPDATE proposal_reports SET superseded_at = $3 WHERE proposal_id = $1 AND unit_id = $2 AND superseded_at IS NULL RETURNING id, sha256', [proposalId, unitId, at]);
  return replaced[0] ?? null;
}

/** Stores a unit's achievement report; answers its id. */
export async function insertReport(em: Sql, r: {
  proposalId: string; unitId: string; filename: string; mimeType: string; sizeBytes: number; sha256: string; content: Buffer; uploadedBy: string; uploadedAt: Date;
}): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO proposal_reports (proposal_id, unit_id, filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [r.proposalId, r.unitId, r.filename, r.mimeType, r.sizeBytes, r.sha256, r.content, r.uploadedBy, r.uploadedAt]);
  return row.id;
}

/** Marks the dossier changed (without a new version). */
export async function touchDossier(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE proposals SET updated_at = now() WHERE id = $1', [id]);
}

/** Gives the dossier a new version. */
export async function bumpVersion(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE proposals SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

/** The models a nominee unit cites, in order. */
export async function citedModelIds(em: Sql, proposalId: string, unitId: string): Promise<string[]> {
  const rows: { modelId: string }[] = await em.query('SELECT model_id AS "modelId" FROM proposal_model_citations WHERE proposal_id = $1 AND unit_id = $2 ORDER BY sort', [proposalId, unitId]);
  return rows.map((r) => r.modelId);
}

/** Replaces the models a nominee unit cites with these, in this order. */
export async function replaceCitations(em: Sql, proposalId: string, unitId: string, modelIds: string[], citedBy: string): Promise<void> {
  await em.query('DELETE FROM proposal_model_citations WHERE proposal_id = $1 AND unit_id = $2', [proposalId, unitId]);
  for (const [i, modelId] of modelIds.entries()) {
    await em.query('INSERT INTO proposal_model_citations (proposal_id, unit_id, model_id, sort, cited_by) VALUES ($1,$2,$3,$4,$5)', [proposalId, unitId, modelId, i, citedBy]);
  }
}

// ─── Submitting ─────────────────────────────────────────────────────────────────────────────────────

/** Freezes these nominees (in this order) on the dossier, replacing any frozen before. */
export async function replaceNominees(em: Sql, proposalId: string, nominees: readonly Nominee[]): Promise<void> {
  await em.query('DELETE FROM proposal_nominees WHERE proposal_id = $1', [proposalId]);
  for (const [i, n] of nominees.entries()) {
    await em.query(
      `INSERT INTO proposal_nominees (proposal_id, unit_id, award_code, award_name, ballot_id, approvals, percent, rank, sort) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [proposalId, n.unitId, n.code, n.awardName, n.ballotId, n.approvals, n.percent, n.rank, i + 1]);
  }
}

export async function markSubmitted(em: Sql, id: string, s: { at: Date; by: string; dueDate: string; appraisalWorkingDays: number; letterDate: string }): Promise<void> {
  await em.query(
    `UPDATE proposals SET status = 'submitted', submitted_at = $2, submitted_by = $3, due_date = $4, appraisal_working_days = $5, letter_date = $6,
              appraisal_started_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, s.at, s.by, s.dueDate, s.appraisalWorkingDays, s.letterDate]);
}

/** The number this submission of the dossier will have (1 for the first). */
export async function nextSubmissionNumber(em: Sql, id: string): Promise<number> {
  const [{ k }]: { k: number }[] = await em.query(`SELECT count(*)::int + 1 AS k FROM proposal_events WHERE proposal_id = $1 AND kind = 'submitted'`, [id]);
  return k;
}

export async function markCancelled(em: Sql, id: string, reason: string): Promise<void> {
  await em.query(`UPDATE proposals SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
}

// ─── The board ──────────────────────────────────────────────────────────────────────────────────────

export async function markUnderAppraisal(em: Sql, id: string, at: Date): Promise<void> {
  await em.query(`UPDATE proposals SET status = 'under_appraisal', appraisal_started_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, at]);
}

export async function markReturned(em: Sql, id: string, at: Date, reason: string): Promise<void> {
  await em.query(`UPDATE proposals SET status = 'returned', returned_at = $2, return_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, at, reason]);
}

export async function markApproved(em: Sql, id: string, at: Date): Promise<void> {
  await em.query(`UPDATE proposals SET status = 'approved', approved_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, at]);
}

export async function markDecided(em: Sql, id: string, at: Date): Promise<void> {
  await em.query(`UPDATE proposals SET status = 'decided', decided_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, at]);
}

/** The dossier's frozen nominees and whether each already has a decision. */
export async function nomineesToDecide(em: Sql, proposalId: string): Promise<NomineeToDecide[]> {
  return em.query(
    `SELECT n.id, n.unit_id AS "unitId", n.award_code AS "awardCode", n.award_name AS "awardName", u.name AS "unitName",
            EXISTS (SELECT 1 FROM proposal_decisions d WHERE d.nominee_id = n.id) AS decided
       FROM proposal_nominees n JOIN units u ON u.id = n.unit_id WHERE n.proposal_id = $1`, [proposalId]);
}

export async function insertDecision(em: Sql, d: {
  proposalId: string; nomineeId: string; outcome: DecisionOutcome; decisionNumber: string | null; decisionDate: string | null; signer: string | null; reason: string;
  awardHistoryId: string | null; recordedBy: string; recordedAt: Date;
}): Promise<void> {
  await em.query(
    `INSERT INTO proposal_decisions (proposal_id, nominee_id, outcome, decision_number, decision_date, signer, reason, award_history_id, recorded_by, recorded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [d.proposalId, d.nomineeId, d.outcome, d.decisionNumber, d.decisionDate, d.signer, d.reason, d.awardHistoryId, d.recordedBy, d.recordedAt]);
}
