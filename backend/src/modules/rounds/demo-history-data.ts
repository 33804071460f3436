import type { EntityManager } from 'typeorm';
import type { Phase, RoundKind } from '../../domain/round-phase';
import type { Source } from './round-results';

/**
 * Demo history, called only by the demo loader. The use cases stamp every row with now() and check each step
 * against the round's calendar. The open round is built through them, then its recorded times are moved to the
 * days before the demo was loaded (`recordDemo…`: times only). The finalised past rounds, which ran months ago,
 * are still written as rows with their times (`insertDemo…`) until they too go through the use cases.
 */

type Sql = Pick<EntityManager, 'query'>;

/** A round as recorded when it opened at `opensAt` (version 1), already in `phase` since `phaseChangedAt`. */
export async function insertDemoRound(
  em: Sql,
  r: {
    blockYearId: string; schemeId: string; kind: RoundKind; title: string; phase: Phase; opensAt: Date; selfAssessmentUntil: Date; reviewUntil: Date;
    explanationUntil: Date; finalReviewUntil: Date; phaseChangedAt: Date; assignmentSeed: number | null; createdBy: string | null;
  },
): Promise<string> {
  const [round]: { id: string }[] = await em.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, final_review_until, phase_changed_at, assignment_seed, created_by, created_at, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$6,1) RETURNING id`,
    [r.blockYearId, r.schemeId, r.kind, r.title, r.phase, r.opensAt, r.selfAssessmentUntil, r.reviewUntil, r.explanationUntil, r.finalReviewUntil, r.phaseChangedAt, r.assignmentSeed, r.createdBy]);
  return round.id;
}

/**
 * The round as opened at `at` through `RoundsService.createTx` (which records now()): its creation and its phase
 * change dated then. Times only.
 */
export async function recordDemoRoundOpened(em: Sql, roundId: string, at: Date): Promise<void> {
  await em.query('UPDATE scoring_rounds SET created_at = $2, phase_changed_at = $2 WHERE id = $1', [roundId, at]);
}

/**
 * A unit's self-assessment as the story dates it: created at `createdAt`, last changed at `updatedAt`, and (when the
 * use cases submitted or confirmed it) submitted and confirmed at `submittedAt`. Times only: a time the use cases
 * left empty stays empty.
 */
export async function recordDemoSelfAssessmentTimes(
  em: Sql, roundId: string, unitId: string, t: { createdAt: Date; updatedAt: Date; submittedAt: Date },
): Promise<void> {
  await em.query(
    `UPDATE self_assessments SET created_at = $3, updated_at = $4,
       submitted_at = CASE WHEN submitted_at IS NULL THEN NULL ELSE $5::timestamptz END, confirmed_at = CASE WHEN confirmed_at IS NULL THEN NULL ELSE $5::timestamptz END
     WHERE round_id = $1 AND unit_id = $2`,
    [roundId, unitId, t.createdAt, t.updatedAt, t.submittedAt]);
}

/** The targets entered in a round (`RoundsService.setTargetsTx`), dated `at`. Times only. */
export async function recordDemoTargetTimes(em: Sql, roundId: string, at: Date): Promise<void> {
  await em.query('UPDATE round_targets SET updated_at = $2 WHERE round_id = $1', [roundId, at]);
}

/** A unit's score rows of one source in a round (saved through the use cases), created and last saved at `at`. Times only. */
export async function recordDemoScoreTimes(em: Sql, roundId: string, unitId: string, source: Source, at: Date): Promise<void> {
  await em.query('UPDATE score_entries SET created_at = $4, updated_at = $4 WHERE round_id = $1 AND unit_id = $2 AND source = $3', [roundId, unitId, source, at]);
}

/** A unit's evidence files of one purpose in a round (uploaded through the use case), uploaded at `at`. Times only. */
export async function recordDemoEvidenceTimes(em: Sql, roundId: string, unitId: string, purpose: 'self' | 'explanation', at: Date): Promise<void> {
  await em.query('UPDATE evidence_files SET uploaded_at = $4 WHERE round_id = $1 AND unit_id = $2 AND purpose = $3', [roundId, unitId, purpose, at]);
}

/** The round finalised at `at` (its recorded phase change; the version stays as the demo recorded it). */
export async function recordDemoFinalised(em: Sql, roundId: string, at: Date): Promise<void> {
  await em.query(`UPDATE scoring_rounds SET phase = 'finalised', finalised_at = $2, phase_changed_at = $2 WHERE id = $1`, [roundId, at]);
}

/** A unit's self-assessment as it stood: created when the round opened, last changed at `updatedAt`. */
export async function insertDemoSelfAssessment(
  em: Sql,
  s: { roundId: string; unitId: string; status: string; submittedAt: Date | null; submittedBy: string | null; confirmedBy: string | null; createdAt: Date; updatedAt: Date; version: number },
): Promise<void> {
  await em.query(
    `INSERT INTO self_assessments (round_id, unit_id, status, submitted_at, submitted_by, confirmed_by, confirmed_at, created_at, updated_at, version) VALUES ($1,$2,$3,$4,$5,$6,$4,$7,$8,$9)`,
    [s.roundId, s.unitId, s.status, s.submittedAt, s.submittedBy, s.confirmedBy, s.createdAt, s.updatedAt, s.version]);
}

/** Targets entered in the round for a unit at `at`. */
export async function insertDemoRoundTargets(em: Sql, roundId: string, unitId: string, targets: readonly { criterionId: string; target: number }[], updatedBy: string | null, at: Date): Promise<void> {
  for (const t of targets) {
    await em.query('INSERT INTO round_targets (round_id, unit_id, criterion_id, target, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6)',
      [roundId, unitId, t.criterionId, t.target, updatedBy, at]);
  }
}

/** A peer-review assignment made at `at`. */
export async function insertDemoAssignment(em: Sql, roundId: string, reviewerUnitId: string, revieweeUnitId: string, createdBy: string | null, at: Date): Promise<void> {
  await em.query('INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id, created_by, created_at) VALUES ($1,$2,$3,$4,$5)',
    [roundId, reviewerUnitId, revieweeUnitId, createdBy, at]);
}

/** A score row (version 1) saved at `at`, its score computed by the caller with the pure rules. */
export async function insertDemoScoreRow(
  em: Sql,
  r: {
    roundId: string; unitId: string; criterionId: string; source: Source; scorerUnitId: string; criterionType: string; maxPoints: number; score: number | null;
    passed: boolean | null; count: number | null; actual: number | null; items: Record<string, number> | null; note: string; updatedBy: string | null; at: Date;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO score_entries (round_id, unit_id, criterion_id, source, scorer_unit_id, criterion_type, max_points, score, passed, count, actual, items, note, updated_by, created_at, updated_at, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$15,1)`,
    [r.roundId, r.unitId, r.criterionId, r.source, r.scorerUnitId, r.criterionType, r.maxPoints, r.score, r.passed, r.count, r.actual, r.items === null ? null : JSON.stringify(r.items),
      r.note, r.updatedBy, r.at]);
}

/** An evidence file uploaded at `at`. */
export async function insertDemoEvidence(
  em: Sql,
  f: { roundId: string; unitId: string; criterionId: string; purpose: 'self' | 'explanation'; filename: string; mimeType: string; sha256: string; content: Buffer; uploadedBy: string | null; at: Date },
): Promise<void> {
  await em.query(
    `INSERT INTO evidence_files (round_id, unit_id, criterion_id, purpose, filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [f.roundId, f.unitId, f.criterionId, f.purpose, f.filename, f.mimeType, f.content.length, f.sha256, f.content, f.uploadedBy, f.at]);
}

/** An explanation (version 1) written at `at`. */
export async function insertDemoExplanation(em: Sql, e: { roundId: string; unitId: string; criterionId: string; text: string; updatedBy: string | null; at: Date }): Promise<void> {
  await em.query('INSERT INTO round_explanations (round_id, unit_id, criterion_id, text, updated_by, updated_at, version) VALUES ($1,$2,$3,$4,$5,$6,1)',
    [e.roundId, e.unitId, e.criterionId, e.text, e.updatedBy, e.at]);
}

/** The targets entered in a round (not the covenant's). */
export async function roundTargetsOf(em: Sql, roundId: string): Promise<{ unitId: string; criterionId: string; target: number }[]> {
  return em.query('SELECT unit_id AS "unitId", criterion_id AS "criterionId", target::float8 AS target FROM round_targets WHERE round_id = $1', [roundId]);
}
