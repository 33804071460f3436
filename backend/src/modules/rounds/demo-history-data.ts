import type { EntityManager } from 'typeorm';
import type { Source } from './round-results';

/**
 * Demo history, called only by the demo loader. The use cases stamp every row with now() and check each step
 * against the round's calendar, so the demo's rounds are built through them (with a calendar that lets each step
 * pass at load time) and then dated by these operations: times and the calendar only. A round's finalisation takes
 * the story's date from the use case itself (`ResultsService.finaliseTx`'s `at`), sealed into its snapshot's digest.
 */

type Sql = Pick<EntityManager, 'query'>;

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

/** A past round's calendar as the story gives it (the use cases ran with a calendar that let each step pass at load time). */
export async function recordDemoRoundCalendar(
  em: Sql, roundId: string, c: { opensAt: Date; selfAssessmentUntil: Date; reviewUntil: Date; explanationUntil: Date; finalReviewUntil: Date },
): Promise<void> {
  await em.query('UPDATE scoring_rounds SET opens_at = $2, self_assessment_until = $3, review_until = $4, explanation_until = $5, final_review_until = $6 WHERE id = $1',
    [roundId, c.opensAt, c.selfAssessmentUntil, c.reviewUntil, c.explanationUntil, c.finalReviewUntil]);
}

/** The peer-review assignments of a round (`ReviewsService.generateTx`), made at `at`. Times only. */
export async function recordDemoAssignmentTimes(em: Sql, roundId: string, at: Date): Promise<void> {
  await em.query('UPDATE review_assignments SET created_at = $2 WHERE round_id = $1', [roundId, at]);
}

/** A unit's explanations in a round (`AssessmentsService.saveExplanationTx`), written at `at`. Times only. */
export async function recordDemoExplanationTimes(em: Sql, roundId: string, unitId: string, at: Date): Promise<void> {
  await em.query('UPDATE round_explanations SET updated_at = $3 WHERE round_id = $1 AND unit_id = $2', [roundId, unitId, at]);
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
