import type { EntityManager } from 'typeorm';
import type { BlockYearStatus } from '../../domain/year-status';
import type { RuleSet } from '@thidua/rules';
import type { Phase, RoundKind } from '../../domain/round-phase';

/**
 * The rounds module's SQL about a round itself: the round with its year (read, locked), the year's list, opening,
 * the calendar and phase, per-unit extensions, targets entered in the round, and what the deadline sweep reads.
 */

type Sql = Pick<EntityManager, 'query'>;

/** A round with its scheme, its year and block, as `roundColumns` reads it. */
export interface StoredRound {
  id: string;
  blockYearId: string;
  schemeId: string;
  schemeTitle: string;
  schemeVersionNo: number;
  kind: RoundKind;
  title: string;
  phase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  finalReviewUntil: Date | null;
  finalisedAt: Date | null;
  assignmentSeed: number | null;
  version: number;
  latestExtension: Date | null;
  /** The database's clock. */
  now: Date;
  blockId: string;
  year: number;
  yearStatus: BlockYearStatus;
  leaderUnitId: string | null;
  deputyUnitId: string | null;
  rules: Partial<RuleSet> | null;
  blockCode: string;
  blockName: string;
  /** The unit given is a member of the block in the round's year. */
  isMember: boolean;
}

/**
 * The columns of a `StoredRound`, for a statement over `ROUND_FROM`; `unitId` is the SQL expression of the
 * actor's unit (a parameter, or a column of a session joined in the same statement).
 */
export const roundColumns = (unitId: string) => `r.id, r.block_year_id AS "blockYearId", r.scheme_id AS "schemeId", s.title AS "schemeTitle",
  s.version_no AS "schemeVersionNo", r.kind, r.title, r.phase, r.opens_at AS "opensAt",
  r.self_assessment_until AS "selfAssessmentUntil", r.review_until AS "reviewUntil", r.explanation_until AS "explanationUntil",
  r.final_review_until AS "finalReviewUntil", r.finalised_at AS "finalisedAt", r.assignment_seed AS "assignmentSeed", r.version,
  (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS "latestExtension", now() AS now,
  y.block_id AS "blockId", y.year, y.status AS "yearStatus", y.leader_unit_id AS "leaderUnitId", y.deputy_unit_id AS "deputyUnitId", y.rules,
  b.code AS "blockCode", b.name AS "blockName",
  EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = y.id AND m.unit_id = ${unitId}) AS "isMember"`;

export const ROUND_FROM = 'scoring_rounds r JOIN scoring_schemes s ON s.id = r.scheme_id JOIN block_years y ON y.id = r.block_year_id JOIN blocks b ON b.id = y.block_id';

const lockClause = (lock?: 'update' | 'share') => (lock === 'update' ? ' FOR UPDATE OF r' : lock === 'share' ? ' FOR SHARE OF r' : '');

// ─── The round ──────────────────────────────────────────────────────────────────────────────────────

/** The round (`lock`: FOR UPDATE or FOR SHARE of the round row), with the membership of `unitId`; undefined when none. */
export async function selectRound(em: Sql, id: string, unitId: string | null, lock?: 'update' | 'share'): Promise<StoredRound | undefined> {
  const [r]: StoredRound[] = await em.query(`SELECT ${roundColumns('$2::uuid')} FROM ${ROUND_FROM} WHERE r.id = $1${lockClause(lock)}`, [id, unitId]);
  return r;
}

/** A round of the year's list, with what its phase in force is computed from. */
export interface RoundListRow {
  id: string;
  blockYearId: string;
  kind: RoundKind;
  title: string;
  phase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  finalisedAt: Date | null;
  latestExtension: Date | null;
  now: Date;
}

export async function listRounds(em: Sql, blockYearId: string): Promise<RoundListRow[]> {
  return em.query(
    `SELECT r.id, r.block_year_id AS "blockYearId", r.kind, r.title, r.phase, r.opens_at AS "opensAt", r.self_assessment_until AS "selfAssessmentUntil",
            r.review_until AS "reviewUntil", r.explanation_until AS "explanationUntil", r.finalised_at AS "finalisedAt",
            (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS "latestExtension", now() AS now
     FROM scoring_rounds r WHERE r.block_year_id = $1 ORDER BY r.opens_at DESC`, [blockYearId]);
}

/** Serialises opening rounds in a year. */
export async function lockBlockYear(em: Sql, blockYearId: string): Promise<void> {
  await em.query('SELECT id FROM block_years WHERE id = $1 FOR UPDATE', [blockYearId]);
}

/** The database's clock. */
export async function databaseNow(em: Sql): Promise<Date> {
  const [{ now }]: { now: Date }[] = await em.query('SELECT now() AS now');
  return now;
}

/** The title of the year's round of this kind, if there is one. */
export async function roundOfKind(em: Sql, blockYearId: string, kind: RoundKind): Promise<{ title: string } | undefined> {
  const [dup]: { title: string }[] = await em.query('SELECT title FROM scoring_rounds WHERE block_year_id = $1 AND kind = $2', [blockYearId, kind]);
  return dup;
}

export interface RoundCalendar {
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  finalReviewUntil: Date | null;
}

/** A new round (version 1); its id. */
export async function insertRound(
  em: Sql, r: { blockYearId: string; schemeId: string; kind: RoundKind; title: string; createdBy: string } & RoundCalendar,
): Promise<string> {
  const [round]: { id: string }[] = await em.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, opens_at, self_assessment_until, review_until, explanation_until, final_review_until, created_by, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,1) RETURNING id`,
    [r.blockYearId, r.schemeId, r.kind, r.title, r.opensAt, r.selfAssessmentUntil, r.reviewUntil, r.explanationUntil, r.finalReviewUntil, r.createdBy]);
  return round.id;
}

export async function updateRoundCalendar(em: Sql, id: string, title: string, c: Omit<RoundCalendar, 'opensAt'>): Promise<void> {
  await em.query(
    `UPDATE scoring_rounds SET title = $2, self_assessment_until = $3, review_until = $4, explanation_until = $5, final_review_until = $6, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, title, c.selfAssessmentUntil, c.reviewUntil, c.explanationUntil, c.finalReviewUntil]);
}

/** The leader moves the round to a phase other than finalised. */
export async function setRoundPhase(em: Sql, id: string, to: Phase): Promise<void> {
  await em.query(`UPDATE scoring_rounds SET phase = $2, phase_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, to]);
}

/** The round finalised at `at` (its phase changed then). */
export async function markRoundFinalised(em: Sql, id: string, at: Date): Promise<void> {
  await em.query(`UPDATE scoring_rounds SET phase = 'finalised', finalised_at = $2, phase_changed_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, at]);
}

export async function markRoundReopened(em: Sql, id: string): Promise<void> {
  await em.query(`UPDATE scoring_rounds SET phase = 'final_review', finalised_at = NULL, phase_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function bumpRoundVersion(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE scoring_rounds SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function setAssignmentSeed(em: Sql, id: string, seed: number): Promise<void> {
  await em.query('UPDATE scoring_rounds SET assignment_seed = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, seed]);
}

export async function assignmentSeed(em: Sql, id: string): Promise<number | null> {
  const [seed]: { assignmentSeed: number | null }[] = await em.query('SELECT assignment_seed AS "assignmentSeed" FROM scoring_rounds WHERE id = $1', [id]);
  return seed?.assignmentSeed ?? null;
}

// ─── Extensions ─────────────────────────────────────────────────────────────────────────────────────

export async function extensionOf(em: Sql, roundId: string, unitId: string): Promise<{ until: Date; reason: string } | undefined> {
  const [old]: { until: Date; reason: string }[] = await em.query('SELECT until, reason FROM round_extensions WHERE round_id = $1 AND unit_id = $2', [roundId, unitId]);
  return old;
}

export async function upsertExtension(em: Sql, e: { roundId: string; unitId: string; until: Date; reason: string; grantedBy: string }): Promise<void> {
  await em.query(
    `INSERT INTO round_extensions (round_id, unit_id, until, reason, granted_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (round_id, unit_id) DO UPDATE SET until = EXCLUDED.until, reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by, granted_at = now()`,
    [e.roundId, e.unitId, e.until, e.reason, e.grantedBy]);
}

// ─── Targets entered in the round ───────────────────────────────────────────────────────────────────

/** The target entered for a unit and criterion; undefined when none. */
export async function roundTarget(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<{ target: number } | undefined> {
  const [old]: { target: number }[] = await em.query('SELECT target::float8 AS target FROM round_targets WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3', [roundId, unitId, criterionId]);
  return old;
}

export async function deleteRoundTarget(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<void> {
  await em.query('DELETE FROM round_targets WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3', [roundId, unitId, criterionId]);
}

export async function upsertRoundTarget(em: Sql, t: { roundId: string; unitId: string; criterionId: string; target: number; updatedBy: string }): Promise<void> {
  await em.query(
    `INSERT INTO round_targets (round_id, unit_id, criterion_id, target, updated_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (round_id, unit_id, criterion_id) DO UPDATE SET target = EXCLUDED.target, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [t.roundId, t.unitId, t.criterionId, t.target, t.updatedBy]);
}

// ─── Progress and deadlines ─────────────────────────────────────────────────────────────────────────

/** A member unit's progress in the round, in name order. */
export interface UnitProgressRow {
  id: string;
  name: string;
  status: string | null;
  submittedAt: Date | null;
  returnReason: string | null;
  extensionUntil: Date | null;
  extensionReason: string | null;
  lastSaved: Date | null;
}

export async function unitProgress(em: Sql, blockYearId: string, roundId: string): Promise<UnitProgressRow[]> {
  return em.query(
    `SELECT u.id, u.name, sa.status, sa.submitted_at AS "submittedAt", sa.return_reason AS "returnReason", e.until AS "extensionUntil", e.reason AS "extensionReason",
            (SELECT max(s.updated_at) FROM score_entries s WHERE s.round_id = $2 AND s.unit_id = u.id AND s.source = 'self') AS "lastSaved"
     FROM block_year_members m JOIN units u ON u.id = m.unit_id
     LEFT JOIN self_assessments sa ON sa.round_id = $2 AND sa.unit_id = u.id
     LEFT JOIN round_extensions e ON e.round_id = $2 AND e.unit_id = u.id
     WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId, roundId]);
}

/** A round the deadline sweep looks at: not finalised, its year not archived, opened by `now`. */
export interface SweptRound {
  id: string;
  phase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  rules: Partial<RuleSet> | null;
  latestExtension: Date | null;
}

export async function roundsToSweep(em: Sql, now: Date): Promise<SweptRound[]> {
  return em.query(
    `SELECT r.id, r.phase, r.opens_at AS "opensAt", r.self_assessment_until AS "selfAssessmentUntil", r.review_until AS "reviewUntil",
            r.explanation_until AS "explanationUntil", y.rules,
            (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS "latestExtension"
     FROM scoring_rounds r JOIN block_years y ON y.id = r.block_year_id
     WHERE r.phase <> 'finalised' AND y.status <> 'archived' AND r.opens_at <= $1`, [now]);
}

/** The self-assessments not yet submitted in these rounds, with the unit's extension. */
export async function pendingSelfAssessments(em: Sql, roundIds: string[]): Promise<{ roundId: string; unitId: string; until: Date | null }[]> {
  return em.query(
    `SELECT sa.round_id AS "roundId", sa.unit_id AS "unitId", e.until FROM self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id
     WHERE sa.round_id = ANY($1::uuid[]) AND sa.status <> 'submitted'`, [roundIds]);
}

/** Of these units, those that have not submitted, in name order, with their extension. */
export async function unsubmittedUnits(em: Sql, roundId: string, unitIds: string[]): Promise<{ unitId: string; name: string; until: Date | null }[]> {
  return em.query(
    `SELECT sa.unit_id AS "unitId", u.name, e.until FROM self_assessments sa JOIN units u ON u.id = sa.unit_id
     LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id
     WHERE sa.round_id = $1 AND sa.unit_id = ANY($2::uuid[]) AND sa.status <> 'submitted' ORDER BY u.name`, [roundId, unitIds]);
}
