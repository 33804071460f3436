import type { EntityManager } from 'typeorm';
import type { Phase } from '../../domain/round-phase';

/**
 * The candidate rows of a person's "Việc cần làm", in ONE statement (issue 12: p95 ≤ 50 ms at city scale).
 *
 * Why one cross-module statement instead of each module's read functions: the list is read on every page
 * (the menu badge), for every role, across every open step of every year the person's unit is in; calling
 * a dozen modules' readers would be a dozen round trips per request and each would re-derive the person's
 * years. The statement only READS other modules' tables, and only their state columns; every decision
 * that is a rule (a round's effective phase, completeness x/y, ballot series outcomes, working days) is
 * taken afterwards in TypeScript by the owning module's own function.
 *
 * Scope is in the statement itself: a unit person only reaches the years their unit is a member of
 * ($2), seat rows need the leader or deputy seat of that year, unit-head rows need role unit_head; the
 * board rows need the city-wide flag ($4). Archived years are read-only and give no task. An admin also
 * sees the installation's own task: the latest scheduled backup failed (until a later one succeeds).
 *
 * Minutes name their chair and secretary as text ("Trịnh Văn Khải – Phó Bí thư Thường trực"): the person whose
 * full name the text is, or starts with, approves in that capacity.
 *
 * Parameters: $1 role, $2 unit id (null for the board), $3 full name, $4 city-wide.
 */
export const TASK_CANDIDATES_SQL = `
WITH my AS (
  SELECT y.id AS by_id, y.year, y.status, b.name AS block_name, y.leader_unit_id,
         (y.leader_unit_id = $2::uuid OR y.deputy_unit_id = $2::uuid) AS seat
  FROM block_year_members m JOIN block_years y ON y.id = m.block_year_id JOIN blocks b ON b.id = y.block_id
  WHERE $1 IN ('officer','unit_head') AND m.unit_id = $2::uuid AND y.status <> 'archived'
),
rnd AS (
  SELECT r.id, r.block_year_id, r.scheme_id, r.title, r.self_assessment_until, r.review_until, r.explanation_until, r.final_review_until,
         my.year, my.block_name, my.seat,
         json_build_object('phase', r.phase, 'opensAt', r.opens_at, 'selfAssessmentUntil', r.self_assessment_until, 'reviewUntil', r.review_until,
           'explanationUntil', r.explanation_until, 'latestExtension', (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id)) AS cal
  FROM scoring_rounds r JOIN my ON my.by_id = r.block_year_id
  WHERE r.phase <> 'finalised' AND r.opens_at <= now()
)
SELECT CASE WHEN sa.status = 'awaiting_confirmation' THEN 'self_assessment_confirm' ELSE 'self_assessment' END AS kind,
       rnd.block_year_id, rnd.year, rnd.block_name, rnd.id AS ref_id, rnd.title AS ref_title, sa.status AS ref2, rnd.scheme_id, sa.unit_id, NULL AS unit_name,
       coalesce(e.until, rnd.self_assessment_until) AS due, 0 AS n, 0 AS m, rnd.cal
FROM rnd JOIN self_assessments sa ON sa.round_id = rnd.id AND sa.unit_id = $2::uuid
LEFT JOIN round_extensions e ON e.round_id = rnd.id AND e.unit_id = $2::uuid
WHERE sa.status IN ('draft','returned') OR (sa.status = 'awaiting_confirmation' AND $1 = 'unit_head')
UNION ALL
SELECT 'peer_review', rnd.block_year_id, rnd.year, rnd.block_name, rnd.id, rnd.title, NULL, rnd.scheme_id, a.reviewee_unit_id, u.name,
       rnd.review_until, 0, 0, rnd.cal
FROM rnd JOIN review_assignments a ON a.round_id = rnd.id AND a.reviewer_unit_id = $2::uuid AND a.status = 'active' JOIN units u ON u.id = a.reviewee_unit_id
UNION ALL
SELECT 'explanation', rnd.block_year_id, rnd.year, rnd.block_name, rnd.id, rnd.title, NULL, NULL, $2::uuid, NULL, rnd.explanation_until,
       (SELECT count(DISTINCT o.criterion_id)::int FROM score_entries o
          JOIN score_entries s ON s.round_id = o.round_id AND s.unit_id = o.unit_id AND s.criterion_id = o.criterion_id AND s.source = 'self'
        WHERE o.round_id = rnd.id AND o.unit_id = $2::uuid AND o.source IN ('peer','leader')
          AND coalesce(o.score, o.actual) < coalesce(s.score, s.actual)
          AND NOT EXISTS (SELECT 1 FROM round_explanations x WHERE x.round_id = o.round_id AND x.unit_id = o.unit_id AND x.criterion_id = o.criterion_id)),
       0, rnd.cal
FROM rnd
UNION ALL
SELECT 'round_state', rnd.block_year_id, rnd.year, rnd.block_name, rnd.id, rnd.title, NULL, NULL, NULL, NULL,
       coalesce(rnd.final_review_until, rnd.explanation_until),
       (SELECT count(*)::int FROM self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id
        WHERE sa.round_id = rnd.id AND sa.status <> 'submitted' AND coalesce(e.until, rnd.self_assessment_until) < now()),
       (SELECT count(*)::int FROM self_assessments sa WHERE sa.round_id = rnd.id AND sa.status <> 'submitted'),
       rnd.cal
FROM rnd WHERE rnd.seat
UNION ALL
SELECT CASE WHEN my.seat THEN 'comments_resolve' ELSE 'draft_comment' END, my.by_id, my.year, my.block_name, v.id, v.title, d.kind, NULL, NULL, NULL, NULL,
       v.number,
       CASE WHEN my.seat THEN (SELECT count(*)::int FROM draft_comments c WHERE c.version_id = v.id AND c.parent_id IS NULL AND c.resolved_at IS NULL) ELSE 0 END,
       NULL
FROM my JOIN draft_documents d ON d.block_year_id = my.by_id JOIN draft_versions v ON v.document_id = d.id AND v.status = 'circulated'
WHERE my.seat OR NOT EXISTS (SELECT 1 FROM draft_comments c WHERE c.version_id = v.id AND c.unit_id = $2::uuid)
UNION ALL
SELECT 'invitation', my.by_id, my.year, my.block_name, c.id, c.title, c.kind, NULL, NULL, NULL, c.starts_at, 0, 0, NULL
FROM my JOIN conferences c ON c.block_year_id = my.by_id AND c.status = 'planned' AND c.starts_at > now()
JOIN conference_attendance ca ON ca.conference_id = c.id AND ca.unit_id = $2::uuid AND ca.rsvp = 'pending'
UNION ALL
SELECT 'covenant_sign', my.by_id, my.year, my.block_name, cv.id, cv.title, NULL, NULL, NULL, NULL, NULL, cv.number, 0, NULL
FROM my JOIN covenants cv ON cv.block_year_id = my.by_id AND cv.status = 'signing'
WHERE $1 = 'unit_head' AND NOT EXISTS (SELECT 1 FROM covenant_signatures s WHERE s.covenant_id = cv.id AND s.unit_id = $2::uuid)
UNION ALL
SELECT 'ballot_vote', my.by_id, my.year, my.block_name, bl.id, bl.award_name, NULL, NULL, NULL, NULL, NULL, bl.round, 0, NULL
FROM my JOIN ballots bl ON bl.block_year_id = my.by_id AND bl.status = 'open' AND bl.mode = 'electronic' AND $2::uuid = ANY (bl.present_unit_ids)
JOIN conferences c ON c.id = bl.conference_id AND c.status = 'in_session'
WHERE $1 = 'unit_head' AND NOT EXISTS (SELECT 1 FROM ballot_voters v WHERE v.ballot_id = bl.id AND v.unit_id = $2::uuid)
UNION ALL
SELECT 'minutes_approve', my.by_id, my.year, my.block_name, c.id, c.title, x.as_role, NULL, NULL, NULL, NULL, 0, 0, NULL
FROM my JOIN conferences c ON c.block_year_id = my.by_id AND c.status = 'concluded'
JOIN conference_minutes cm ON cm.conference_id = c.id AND cm.status = 'draft'
CROSS JOIN LATERAL (VALUES ('chair', c.chair_name, cm.chair_approved_by), ('secretary', c.secretary_name, cm.secretary_approved_by)) AS x(as_role, name, approved_by)
WHERE my.seat AND x.approved_by IS NULL AND btrim($3) <> ''
  AND (lower(btrim(x.name)) = lower(btrim($3)) OR starts_with(lower(btrim(x.name)), lower(btrim($3)) || ' '))
UNION ALL
SELECT 'dossier', my.by_id, my.year, my.block_name, p.id, NULL, coalesce(p.status, 'none'), NULL, NULL, NULL, NULL,
       (my.leader_unit_id = $2::uuid)::int, 0, NULL
FROM my LEFT JOIN proposals p ON p.block_year_id = my.by_id AND p.status <> 'cancelled'
WHERE my.seat AND (p.status IN ('draft','returned')
  OR (p.id IS NULL AND EXISTS (SELECT 1 FROM scoring_rounds r WHERE r.block_year_id = my.by_id AND r.kind = 'year_end' AND r.phase = 'finalised')))
UNION ALL
SELECT 'report_check', my.by_id, my.year, my.block_name, p.id, NULL, p.status, NULL, NULL, NULL, NULL,
       (EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = p.id AND r.unit_id = $2::uuid AND r.superseded_at IS NULL))::int, 0, NULL
FROM my JOIN proposals p ON p.block_year_id = my.by_id AND p.status IN ('draft','returned')
UNION ALL
SELECT 'tally_check', my.by_id, my.year, my.block_name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL
FROM my WHERE my.seat AND EXISTS (SELECT 1 FROM ballots bl WHERE bl.block_year_id = my.by_id AND bl.status = 'closed'
  AND NOT EXISTS (SELECT 1 FROM ballot_tally_records t WHERE t.series_id = bl.series_id))
UNION ALL
SELECT 'block_year_setup', y.id, y.year, b.name, y.id, NULL, NULL, NULL, NULL, NULL, NULL,
       (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id), (y.leader_unit_id IS NOT NULL)::int, NULL
FROM block_years y JOIN blocks b ON b.id = y.block_id
WHERE $4 AND y.status = 'setup' AND b.archived_at IS NULL
UNION ALL
SELECT 'proposal', y.id, y.year, b.name, p.id, p.due_date::text, p.status, NULL, NULL, NULL, NULL, 0, 0, NULL
FROM proposals p JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id
WHERE $4 AND p.status IN ('submitted','under_appraisal','approved')
UNION ALL
SELECT 'backup_failed', NULL, NULL, NULL, r.id, NULL, NULL, NULL, NULL, NULL, r.started_at, 0, 0, NULL
FROM (SELECT id, status, started_at FROM backup_runs ORDER BY started_at DESC LIMIT 1) r
WHERE $1 = 'admin' AND r.status = 'failed'
`;

/** A candidate row of the task list; `refId`, `refTitle`, `ref2`, `n`, `m` mean what each kind's branch above says. */
export interface TaskCandidate {
  kind: string;
  blockYearId: string;
  year: number;
  blockName: string;
  refId: string | null;
  refTitle: string | null;
  ref2: string | null;
  schemeId: string | null;
  unitId: string | null;
  unitName: string | null;
  due: Date | null;
  n: number;
  m: number;
  cal: { phase: Phase; opensAt: string; selfAssessmentUntil: string; reviewUntil: string; explanationUntil: string; latestExtension: string | null } | null;
}

interface RawCandidate {
  kind: string;
  block_year_id: string;
  year: number;
  block_name: string;
  ref_id: string | null;
  ref_title: string | null;
  ref2: string | null;
  scheme_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  due: Date | null;
  n: number;
  m: number;
  cal: TaskCandidate['cal'];
}

/** The candidate rows of the person's task list (TASK_CANDIDATES_SQL). */
export async function taskCandidates(
  em: Pick<EntityManager, 'query'>, who: { role: string; unitId: string | null; fullName: string; cityWide: boolean },
): Promise<TaskCandidate[]> {
  const rows: RawCandidate[] = await em.query(TASK_CANDIDATES_SQL, [who.role, who.unitId, who.fullName, who.cityWide]);
  return rows.map((r) => ({
    kind: r.kind, blockYearId: r.block_year_id, year: r.year, blockName: r.block_name, refId: r.ref_id, refTitle: r.ref_title, ref2: r.ref2,
    schemeId: r.scheme_id, unitId: r.unit_id, unitName: r.unit_name, due: r.due, n: r.n, m: r.m, cal: r.cal,
  }));
}
