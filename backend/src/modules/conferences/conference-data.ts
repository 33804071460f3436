import type { EntityManager } from 'typeorm';
import type { RuleSet } from '@thidua/rules';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import type { ScopeService } from '../../common/scope/scope.service';
import { ConferencesPolicy } from './conferences.policy';
import type { Presence, Rsvp } from './entities/conference-attendance.entity';
import { Conference } from './entities/conference.entity';

/**
 * The conferences module's SQL for a conference and its year: loading them for a write, the invitations and
 * the check-in (conference_attendance), the quorum counts. Agenda and decisions: agenda-data.ts; the read
 * model: conference-read-data.ts; the minutes: minutes-data.ts.
 */

type Sql = Pick<EntityManager, 'query'>;

export interface YearRow {
  id: string;
  blockId: string;
  year: number;
  status: string;
  leaderUnitId: string | null;
  deputyUnitId: string | null;
  rules: RuleSet;
  blockName: string;
  blockCode: string;
}

/** A conference loaded for a write: the row (locked), its year, and whether the actor holds a seat. */
export interface WriteContext {
  conf: Conference;
  year: YearRow;
  isLeader: boolean;
}

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export async function loadYear(em: Sql, blockYearId: string): Promise<YearRow | null> {
  const [row]: YearRow[] = await em.query(
    `SELECT y.id, y.block_id AS "blockId", y.year, y.status, y.leader_unit_id AS "leaderUnitId", y.deputy_unit_id AS "deputyUnitId", y.rules,
            b.name AS "blockName", b.code AS "blockCode"
     FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = $1`, [blockYearId]);
  return row ?? null;
}

export async function memberIds(em: Sql, blockYearId: string): Promise<string[]> {
  const rows: { unit_id: string }[] = await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId]);
  return rows.map((r) => r.unit_id);
}

/** Locks the conference row (serialising every write to one conference) and checks the actor may see it. */
export async function lockConference(em: EntityManager, scope: ScopeService, actor: Actor, id: string): Promise<WriteContext> {
  const conf = await em.getRepository(Conference).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!conf) throw notFound('Không tìm thấy hội nghị.');
  const year = (await loadYear(em, conf.blockYearId))!;
  await scope.assertCanSeeBlock(actor, year.blockId, em);
  return { conf, year, isLeader: await scope.isLeaderOf(actor, year.id, em) };
}

/** For the leader's writes: locked, in scope, leader or deputy seat, year not archived. */
export async function conferenceToRun(em: EntityManager, scope: ScopeService, actor: Actor, id: string): Promise<WriteContext> {
  const ctx = await lockConference(em, scope, actor, id);
  ConferencesPolicy.assertCanRun(actor, ctx.isLeader);
  ConferencesPolicy.assertWritable(ctx.year);
  return ctx;
}

export async function deleteConference(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM conferences WHERE id = $1', [id]);
}

// ─── Invitations and check-in ────────────────────────────────────────────────────────────────────────

/** Every member unit of the year is invited. */
export async function inviteMembers(em: Sql, conferenceId: string, blockYearId: string): Promise<void> {
  await em.query(
    `INSERT INTO conference_attendance (conference_id, unit_id) SELECT $1, unit_id FROM block_year_members WHERE block_year_id = $2`, [conferenceId, blockYearId]);
}

/** A unit's reply to the invitation, if it has an attendance row. */
export async function invitationReply(em: Sql, conferenceId: string, unitId: string): Promise<{ rsvp: Rsvp; rsvpDelegate: string } | undefined> {
  const [row]: { rsvp: Rsvp; rsvpDelegate: string }[] = await em.query(
    'SELECT rsvp, rsvp_delegate AS "rsvpDelegate" FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [conferenceId, unitId]);
  return row;
}

export async function saveInvitationReply(em: Sql, r: { conferenceId: string; unitId: string; rsvp: Rsvp; delegate: string; by: string }): Promise<void> {
  await em.query(
    `INSERT INTO conference_attendance (conference_id, unit_id, rsvp, rsvp_delegate, rsvp_by, rsvp_at) VALUES ($1,$2,$3,$4,$5,now())
     ON CONFLICT (conference_id, unit_id) DO UPDATE SET rsvp = EXCLUDED.rsvp, rsvp_delegate = EXCLUDED.rsvp_delegate, rsvp_by = EXCLUDED.rsvp_by, rsvp_at = EXCLUDED.rsvp_at`,
    [r.conferenceId, r.unitId, r.rsvp, r.delegate, r.by]);
}

/** A unit's registered delegate and check-in, if it has an attendance row. */
export async function checkInOf(em: Sql, conferenceId: string, unitId: string): Promise<{ rsvpDelegate: string; presence: Presence | null; delegateName: string } | undefined> {
  const [row]: { rsvpDelegate: string; presence: Presence | null; delegateName: string }[] = await em.query(
    'SELECT rsvp_delegate AS "rsvpDelegate", presence, delegate_name AS "delegateName" FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [conferenceId, unitId]);
  return row;
}

export async function saveCheckIn(em: Sql, c: { conferenceId: string; unitId: string; presence: Presence; delegate: string; by: string }): Promise<void> {
  await em.query(
    `INSERT INTO conference_attendance (conference_id, unit_id, presence, delegate_name, checked_in_at, checked_in_by) VALUES ($1,$2,$3,$4,now(),$5)
     ON CONFLICT (conference_id, unit_id) DO UPDATE SET presence = EXCLUDED.presence, delegate_name = EXCLUDED.delegate_name,
       checked_in_at = EXCLUDED.checked_in_at, checked_in_by = EXCLUDED.checked_in_by`,
    [c.conferenceId, c.unitId, c.presence, c.delegate, c.by]);
}

/** The year's member units and how many of them are checked in as present at the conference. */
export async function quorumCounts(em: Sql, conferenceId: string, blockYearId: string): Promise<{ members: number; present: number }> {
  const [row]: { members: number; present: number }[] = await em.query(
    `SELECT count(*)::int AS members, count(*) FILTER (WHERE a.presence = 'present')::int AS present
     FROM block_year_members m LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
     WHERE m.block_year_id = $2`, [conferenceId, blockYearId]);
  return row;
}

// ─── Demo history (what no use case can do: the recorded times of the demo's past records) ────────────

/** Demo history: when a conference was set up and last changed (by default, when it was set up). */
export async function recordDemoConferenceTimes(em: Sql, conferenceId: string, t: { createdAt: Date; updatedAt?: Date }): Promise<void> {
  await em.query('UPDATE conferences SET created_at = $2, updated_at = $3 WHERE id = $1', [conferenceId, t.createdAt, t.updatedAt ?? t.createdAt]);
}

/** Demo history: when the units that replied to a conference's invitation did so. */
export async function recordDemoReplyTimes(em: Sql, conferenceId: string, repliedAt: Date): Promise<void> {
  await em.query('UPDATE conference_attendance SET rsvp_at = $2 WHERE conference_id = $1 AND rsvp_at IS NOT NULL', [conferenceId, repliedAt]);
}

/** Demo history: when a past year's session checked its units in (the check-ins themselves go through the use case). */
export async function recordDemoCheckInTimes(em: Sql, conferenceId: string, checkedInAt: Date): Promise<void> {
  await em.query('UPDATE conference_attendance SET checked_in_at = $2 WHERE conference_id = $1 AND presence IS NOT NULL', [conferenceId, checkedInAt]);
}
