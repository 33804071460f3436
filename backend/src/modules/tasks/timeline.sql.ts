import type { EntityManager } from 'typeorm';
import type { YearState } from './timeline';

/**
 * Everything the year's timeline is derived from, in ONE read of a block year (issue 12 "the year on one
 * line"). Like the task list it reads several modules' state columns in one statement, because the page
 * shows them together and a dozen module calls would be a dozen round trips; it writes nothing, and the
 * rules (a round's effective phase, working days) stay with their modules (timeline.ts calls them).
 */
export const TIMELINE_STATE_SQL = `
SELECT y.id, y.year, y.status, y.created_at,
  (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members,
  (SELECT coalesce(json_agg(json_build_object('kind', d.kind, 'status', v.status, 'number', v.number, 'circulatedAt', v.circulated_at, 'adoptedAt', v.adopted_at,
            'unresolved', (SELECT count(*) FROM draft_comments c WHERE c.version_id = v.id AND c.parent_id IS NULL AND c.resolved_at IS NULL)) ORDER BY v.number DESC), '[]')
     FROM draft_documents d JOIN draft_versions v ON v.document_id = d.id WHERE d.block_year_id = y.id AND v.status <> 'superseded') AS drafts,
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'kind', c.kind, 'status', c.status, 'startsAt', c.starts_at, 'closedAt', c.closed_at,
            'minutes', (SELECT cm.status FROM conference_minutes cm WHERE cm.conference_id = c.id)) ORDER BY c.starts_at), '[]')
     FROM conferences c WHERE c.block_year_id = y.id) AS conferences,
  (SELECT json_build_object('status', cv.status, 'openedAt', cv.opened_at, 'inForceAt', cv.in_force_at,
            'signed', (SELECT count(*) FROM covenant_signatures s WHERE s.covenant_id = cv.id))
     FROM covenants cv WHERE cv.block_year_id = y.id AND cv.status <> 'superseded' ORDER BY cv.number DESC LIMIT 1) AS covenant,
  (SELECT min(s.frozen_at) FROM scoring_schemes s WHERE s.block_year_id = y.id) AS scheme_frozen_at,
  (SELECT coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'phase', r.phase, 'opensAt', r.opens_at,
            'selfAssessmentUntil', r.self_assessment_until, 'reviewUntil', r.review_until, 'explanationUntil', r.explanation_until,
            'finalReviewUntil', r.final_review_until, 'finalisedAt', r.finalised_at,
            'latestExtension', (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id),
            'submitted', (SELECT count(*) FROM self_assessments sa WHERE sa.round_id = r.id AND sa.status = 'submitted'))), '[]')
     FROM scoring_rounds r WHERE r.block_year_id = y.id) AS rounds,
  (SELECT se.decided_at FROM seat_elections se WHERE se.block_year_id = y.id) AS seats_elected_at,
  (SELECT json_build_object('id', p.id, 'status', p.status, 'submittedAt', p.submitted_at, 'dueDate', p.due_date, 'approvedAt', p.approved_at,
            'decidedAt', p.decided_at, 'returnReason', p.return_reason)
     FROM proposals p WHERE p.block_year_id = y.id AND p.status <> 'cancelled') AS proposal
FROM block_years y WHERE y.id = $1
`;

type RawState = Omit<YearState, 'schemeFrozenAt' | 'seatsElectedAt'> & { scheme_frozen_at: string | null; seats_elected_at: string | null };

/** The block a block year belongs to, or undefined when there is no such year. */
export async function blockOfYear(em: Pick<EntityManager, 'query'>, blockYearId: string): Promise<string | undefined> {
  const [row]: { block_id: string }[] = await em.query(`SELECT block_id FROM block_years WHERE id = $1`, [blockYearId]);
  return row?.block_id;
}

/** The state of a block year the timeline is derived from (TIMELINE_STATE_SQL); the year must exist. */
export async function yearState(em: Pick<EntityManager, 'query'>, blockYearId: string): Promise<YearState> {
  const [s]: RawState[] = await em.query(TIMELINE_STATE_SQL, [blockYearId]);
  return {
    id: s.id, year: s.year, status: s.status, members: s.members, drafts: s.drafts, conferences: s.conferences, covenant: s.covenant,
    schemeFrozenAt: s.scheme_frozen_at, rounds: s.rounds, seatsElectedAt: s.seats_elected_at, proposal: s.proposal,
  };
}
