import type { EntityManager } from 'typeorm';
import type { ActivityStatus, PlanActivity } from './draft-content';

/** The drafts module's SQL for the adopted plan's activities tracked through the year (plan_activities). */

type Sql = Pick<EntityManager, 'query'>;

/** A tracked activity with its owner unit's name; dates as yyyy-mm-dd. */
export interface TrackedActivityRow {
  id: string;
  activityKey: string;
  title: string;
  startDate: string;
  endDate: string;
  ownerUnitId: string | null;
  ownerName: string | null;
  status: ActivityStatus;
  notes: string;
  sort: number;
  version: number;
  versionId: string;
}

/** A block year's activities in the plan's order. */
export async function activitiesOfYear(em: Sql, blockYearId: string): Promise<TrackedActivityRow[]> {
  return em.query(
    `SELECT a.id, a.activity_key AS "activityKey", a.title, a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.owner_unit_id AS "ownerUnitId",
            u.name AS "ownerName", a.status, a.notes, a.sort, a.version, a.version_id AS "versionId"
     FROM plan_activities a LEFT JOIN units u ON u.id = a.owner_unit_id WHERE a.block_year_id = $1 ORDER BY a.sort, a.start_date`, [blockYearId]);
}

/** Removes the year's activities whose key is not among these; returns the ids removed. */
export async function deleteActivitiesNotIn(em: Sql, blockYearId: string, keys: string[]): Promise<string[]> {
  const removed: { id: string }[] = await em.query(
    'DELETE FROM plan_activities WHERE block_year_id = $1 AND NOT (activity_key = ANY($2::text[])) RETURNING id', [blockYearId, keys]);
  return removed.map((r) => r.id);
}

/** Writes an activity of the adopted version by its key (its status and notes carry over). */
export async function upsertActivity(em: Sql, blockYearId: string, versionId: string, a: PlanActivity, sort: number): Promise<void> {
  await em.query(
    `INSERT INTO plan_activities (block_year_id, version_id, activity_key, title, start_date, end_date, owner_unit_id, notes, sort, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,1)
     ON CONFLICT (block_year_id, activity_key) DO UPDATE SET version_id = EXCLUDED.version_id, title = EXCLUDED.title, start_date = EXCLUDED.start_date,
       end_date = EXCLUDED.end_date, owner_unit_id = EXCLUDED.owner_unit_id, sort = EXCLUDED.sort, version = plan_activities.version + 1, updated_at = now()`,
    [blockYearId, versionId, a.key, a.title, a.startDate, a.endDate, a.ownerUnitId, a.notes, sort]);
}

/** An activity locked for an update; undefined when there is none. */
export async function lockActivity(em: Sql, id: string): Promise<{ id: string; blockYearId: string; status: ActivityStatus; notes: string; version: number } | undefined> {
  const [a]: { id: string; blockYearId: string; status: ActivityStatus; notes: string; version: number }[] = await em.query(
    'SELECT id, block_year_id AS "blockYearId", status, notes, version FROM plan_activities WHERE id = $1 FOR UPDATE', [id]);
  return a;
}

/** Sets the status and notes given (null keeps them). */
export async function updateActivity(em: Sql, id: string, status: ActivityStatus | null, notes: string | null): Promise<void> {
  await em.query('UPDATE plan_activities SET status = coalesce($2, status), notes = coalesce($3, notes), version = version + 1, updated_at = now() WHERE id = $1',
    [id, status, notes]);
}
