import type { EntityManager } from 'typeorm';
import type { MinutesContent } from './minutes';
import type { MinutesStatus } from './entities/conference-minutes.entity';

/**
 * The conferences module's SQL for the minutes (conference_minutes): their "NN/BB-<block code>" numbering
 * within the block year (serialised by an advisory lock the ballots module's tally records share), the minutes
 * as officials read them, and the names they show.
 */

type Sql = Pick<EntityManager, 'query'>;

/** Serialises the numbering of the block year's "BB" documents (minutes and tally records) until the transaction ends. */
export async function lockMinutesNumbering(em: Sql, blockYearId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('conference_minutes:' || $1::text))`, [blockYearId]);
}

/** The highest NN of the block year's minutes numbers ("NN/BB-<block code>"); 0 when none. */
export async function lastMinutesSequence(em: Sql, blockYearId: string): Promise<number> {
  const [{ last }]: { last: number }[] = await em.query(
    `SELECT coalesce(max(substring(m.doc_number from '^[0-9]+')::int), 0)::int AS last
     FROM conference_minutes m JOIN conferences c ON c.id = m.conference_id WHERE c.block_year_id = $1`, [blockYearId]);
  return last;
}

/** The sequences the block year's tally records (ballots module) hold among the BB numbers. */
export async function tallyRecordSequences(em: Sql, blockYearId: string): Promise<number[]> {
  const rows: { sequence: number }[] = await em.query('SELECT sequence FROM ballot_tally_records WHERE block_year_id = $1', [blockYearId]);
  return rows.map((r) => r.sequence);
}

/** The minutes of a conference with their approvers' names and the year's status. */
export interface MinutesViewRow {
  docNumber: string;
  status: MinutesStatus;
  content: MinutesContent;
  chairApprovedBy: string | null;
  chairApprovedAt: Date | null;
  chairApprover: string | null;
  secretaryApprovedBy: string | null;
  secretaryApprovedAt: Date | null;
  secretaryApprover: string | null;
  contentHash: string | null;
  version: number;
  updatedAt: Date;
  yearStatus: string;
}

export async function minutesView(em: Sql, conferenceId: string): Promise<MinutesViewRow | undefined> {
  const [m]: {
    doc_number: string; status: MinutesStatus; content: MinutesContent; chair_approved_by: string | null; chair_approved_at: Date | null; chair_approver: string | null;
    secretary_approved_by: string | null; secretary_approved_at: Date | null; secretary_approver: string | null; content_hash: string | null; version: number; updated_at: Date; year_status: string;
  }[] = await em.query(
    `SELECT m.*, ca.full_name AS chair_approver, sa.full_name AS secretary_approver, y.status AS year_status
       FROM conference_minutes m LEFT JOIN accounts ca ON ca.id = m.chair_approved_by LEFT JOIN accounts sa ON sa.id = m.secretary_approved_by
       JOIN conferences c ON c.id = m.conference_id JOIN block_years y ON y.id = c.block_year_id
       WHERE m.conference_id = $1`, [conferenceId]);
  if (!m) return undefined;
  return {
    docNumber: m.doc_number, status: m.status, content: m.content,
    chairApprovedBy: m.chair_approved_by, chairApprovedAt: m.chair_approved_at, chairApprover: m.chair_approver,
    secretaryApprovedBy: m.secretary_approved_by, secretaryApprovedAt: m.secretary_approved_at, secretaryApprover: m.secretary_approver,
    contentHash: m.content_hash, version: m.version, updatedAt: m.updated_at, yearStatus: m.year_status,
  };
}

/** An account's full name; undefined when there is no such account. */
export async function accountName(em: Sql, accountId: string): Promise<string | undefined> {
  const [who]: { full_name: string }[] = await em.query('SELECT full_name FROM accounts WHERE id = $1', [accountId]);
  return who?.full_name;
}

/** A unit's name; undefined when there is no such unit. */
export async function unitNameOf(em: Sql, unitId: string): Promise<string | undefined> {
  const [u]: { name: string }[] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
  return u?.name;
}

/**
 * Demo history: when a past year's minutes were drafted (at the close) and approved by the secretary and the chair
 * (drafted and approved through the use cases beforehand); last changed at the later approval.
 */
export async function recordDemoMinutesTimes(em: Sql, conferenceId: string, t: { createdAt: Date; secretaryApprovedAt: Date; chairApprovedAt: Date }): Promise<void> {
  await em.query(
    `UPDATE conference_minutes SET created_at = $2, secretary_approved_at = $3, chair_approved_at = $4, updated_at = greatest($3::timestamptz, $4::timestamptz) WHERE conference_id = $1`,
    [conferenceId, t.createdAt, t.secretaryApprovedAt, t.chairApprovedAt]);
}
