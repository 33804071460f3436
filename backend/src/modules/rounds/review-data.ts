import type { EntityManager } from 'typeorm';

/** The rounds module's SQL about peer review (chấm chéo) assignments: who reviews whom, recusals and replacements. */

type Sql = Pick<EntityManager, 'query'>;

export type AssignmentStatus = 'active' | 'recused';

export interface AssignmentRow {
  id: string;
  roundId: string;
  reviewerUnitId: string;
  revieweeUnitId: string;
  status: AssignmentStatus;
}

/** An assignment (`lock`: FOR UPDATE); undefined when there is none. */
export async function selectAssignment(em: Sql, id: string, lock: boolean): Promise<AssignmentRow | undefined> {
  const [a]: AssignmentRow[] = await em.query(
    `SELECT id, round_id AS "roundId", reviewer_unit_id AS "reviewerUnitId", reviewee_unit_id AS "revieweeUnitId", status FROM review_assignments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return a;
}

/** An assignment's status and replacement, locked FOR UPDATE. */
export async function lockAssignment(em: Sql, id: string): Promise<{ status: AssignmentStatus; replacedById: string | null }> {
  const [locked]: { status: AssignmentStatus; replacedById: string | null }[] = await em.query(
    'SELECT status, replaced_by_id AS "replacedById" FROM review_assignments WHERE id = $1 FOR UPDATE', [id]);
  return locked;
}

/** An assignment as the round's list shows it, with the units' names and how many rows the reviewer has scored. */
export interface AssignmentListRow {
  id: string;
  reviewerUnitId: string;
  reviewerName: string;
  revieweeUnitId: string;
  revieweeName: string;
  status: AssignmentStatus;
  recusalReason: string;
  replacedById: string | null;
  scored: number;
}

export async function listAssignments(em: Sql, roundId: string): Promise<AssignmentListRow[]> {
  return em.query(
    `SELECT a.id, a.reviewer_unit_id AS "reviewerUnitId", ru.name AS "reviewerName", a.reviewee_unit_id AS "revieweeUnitId", eu.name AS "revieweeName", a.status,
            a.recusal_reason AS "recusalReason", a.replaced_by_id AS "replacedById",
            (SELECT count(*)::int FROM score_entries s WHERE s.round_id = a.round_id AND s.source = 'peer' AND s.scorer_unit_id = a.reviewer_unit_id AND s.unit_id = a.reviewee_unit_id) AS scored
     FROM review_assignments a JOIN units ru ON ru.id = a.reviewer_unit_id JOIN units eu ON eu.id = a.reviewee_unit_id
     WHERE a.round_id = $1 ORDER BY ru.name, eu.name, a.created_at`, [roundId]);
}

/** Every assignment of the round: who reviews whom, and whether it stands. */
export async function assignmentPairs(em: Sql, roundId: string): Promise<{ reviewerUnitId: string; revieweeUnitId: string; status: AssignmentStatus }[]> {
  return em.query(
    'SELECT reviewer_unit_id AS "reviewerUnitId", reviewee_unit_id AS "revieweeUnitId", status FROM review_assignments WHERE round_id = $1', [roundId]);
}

export async function countAssignments(em: Sql, roundId: string): Promise<number> {
  const [old]: { n: number }[] = await em.query('SELECT count(*)::int AS n FROM review_assignments WHERE round_id = $1', [roundId]);
  return old.n;
}

export async function deleteAssignments(em: Sql, roundId: string): Promise<void> {
  await em.query('DELETE FROM review_assignments WHERE round_id = $1', [roundId]);
}

export async function insertAssignments(em: Sql, roundId: string, pairs: readonly { reviewerId: string; revieweeId: string }[], createdBy: string): Promise<void> {
  await em.query(
    `INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id, created_by) SELECT $1, a, b, $4 FROM unnest($2::uuid[], $3::uuid[]) AS t(a, b)`,
    [roundId, pairs.map((a) => a.reviewerId), pairs.map((a) => a.revieweeId), createdBy]);
}

/** A new assignment (a replacement); its id. */
export async function insertAssignment(em: Sql, roundId: string, reviewerUnitId: string, revieweeUnitId: string, createdBy: string): Promise<string> {
  const [created]: { id: string }[] = await em.query(
    'INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id, created_by) VALUES ($1,$2,$3,$4) RETURNING id', [roundId, reviewerUnitId, revieweeUnitId, createdBy]);
  return created.id;
}

export async function recuseAssignment(em: Sql, id: string, reason: string, accountId: string): Promise<void> {
  await em.query(`UPDATE review_assignments SET status = 'recused', recusal_reason = $2, recused_at = now(), recused_by = $3 WHERE id = $1`, [id, reason, accountId]);
}

export async function setReplacement(em: Sql, id: string, replacedById: string): Promise<void> {
  await em.query('UPDATE review_assignments SET replaced_by_id = $2 WHERE id = $1', [id, replacedById]);
}

/** Whether the reviewer unit is assigned (and has not recused) to review the reviewee in the round. */
export async function isAssigned(em: Sql, roundId: string, reviewerUnitId: string, revieweeUnitId: string): Promise<boolean> {
  const [assigned] = await em.query(
    `SELECT 1 FROM review_assignments WHERE round_id = $1 AND reviewer_unit_id = $2 AND reviewee_unit_id = $3 AND status = 'active'`, [roundId, reviewerUnitId, revieweeUnitId]) as unknown[];
  return !!assigned;
}

/** The units a unit is assigned to review in the round. */
export async function activeRevieweesOf(em: Sql, roundId: string, reviewerUnitId: string): Promise<string[]> {
  const rows: { revieweeUnitId: string }[] = await em.query(
    `SELECT reviewee_unit_id AS "revieweeUnitId" FROM review_assignments WHERE round_id = $1 AND reviewer_unit_id = $2 AND status = 'active'`, [roundId, reviewerUnitId]);
  return rows.map((r) => r.revieweeUnitId);
}
