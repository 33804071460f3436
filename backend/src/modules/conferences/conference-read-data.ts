import type { EntityManager } from 'typeorm';
import type { RuleSet } from '@thidua/rules';
import type { Presence, Rsvp } from './entities/conference-attendance.entity';
import type { DecisionKind } from './entities/conference-decision.entity';
import type { MinutesStatus } from './entities/conference-minutes.entity';
import type { ConferenceGuest, ConferenceKind, ConferenceStatus } from './entities/conference.entity';

/** The conferences module's SQL for its read model: the lists, one conference with its year, attendance and decisions. */

type Sql = Pick<EntityManager, 'query'>;

/** A conference in a list, with its year, chair unit, minutes and invitation counts, and the asking unit's reply. */
export interface ConferenceSummaryRow {
  id: string;
  blockYearId: string;
  blockId: string;
  blockName: string;
  year: number;
  kind: ConferenceKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  status: ConferenceStatus;
  chairUnitName: string;
  minutesStatus: MinutesStatus | null;
  memberCount: number;
  confirmedCount: number;
  myRsvp: Rsvp | null;
  myDelegate: string | null;
}

/** Summary columns; `$1` is the actor's unit (or null), whose invitation is joined as `my_rsvp`. */
const SELECT_SUMMARY = `
  SELECT c.id, c.block_year_id, y.block_id, b.name AS block_name, y.year, c.kind, c.title, c.starts_at, c.ends_at, c.place, c.status,
         cu.name AS chair_unit_name, mn.status AS minutes_status,
         (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = c.block_year_id) AS member_count,
         (SELECT count(*)::int FROM conference_attendance a JOIN block_year_members m ON m.block_year_id = c.block_year_id AND m.unit_id = a.unit_id
           WHERE a.conference_id = c.id AND a.rsvp = 'confirmed') AS confirmed_count
         , ma.rsvp AS my_rsvp, ma.rsvp_delegate AS my_delegate
  FROM conferences c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id
  JOIN units cu ON cu.id = c.chair_unit_id LEFT JOIN conference_minutes mn ON mn.conference_id = c.id
  LEFT JOIN conference_attendance ma ON ma.conference_id = c.id AND ma.unit_id = $1::uuid`;

interface RawSummary {
  id: string;
  block_year_id: string;
  block_id: string;
  block_name: string;
  year: number;
  kind: ConferenceKind;
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  status: ConferenceStatus;
  chair_unit_name: string;
  minutes_status: MinutesStatus | null;
  member_count: number;
  confirmed_count: number;
  my_rsvp: Rsvp | null;
  my_delegate: string | null;
}

const toSummary = (r: RawSummary): ConferenceSummaryRow => ({
  id: r.id, blockYearId: r.block_year_id, blockId: r.block_id, blockName: r.block_name, year: r.year, kind: r.kind, title: r.title,
  startsAt: r.starts_at, endsAt: r.ends_at, place: r.place, status: r.status, chairUnitName: r.chair_unit_name, minutesStatus: r.minutes_status,
  memberCount: r.member_count, confirmedCount: r.confirmed_count, myRsvp: r.my_rsvp, myDelegate: r.my_delegate,
});

/** The conferences of the visible blocks (null: all), newest first, optionally of one year and in one status. */
export async function conferenceList(em: Sql, q: { unitId: string | null; visibleBlockIds: string[] | null; blockYearId: string | null; status: string | null }): Promise<ConferenceSummaryRow[]> {
  const rows: RawSummary[] = await em.query(
    `${SELECT_SUMMARY}
       WHERE ($2::uuid[] IS NULL OR y.block_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR c.block_year_id = $3) AND ($4::text IS NULL OR c.status = $4)
       ORDER BY c.starts_at DESC`, [q.unitId, q.visibleBlockIds, q.blockYearId, q.status]);
  return rows.map(toSummary);
}

/** Conferences not concluded of years not archived, soonest first; with a unit, only those of the blocks it belongs to that year. */
export async function upcomingConferenceList(em: Sql, unitId: string | null): Promise<ConferenceSummaryRow[]> {
  const rows: RawSummary[] = await em.query(
    `${SELECT_SUMMARY}
       WHERE c.status <> 'concluded' AND y.status <> 'archived'
         AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = c.block_year_id AND m.unit_id = $1::uuid))
       ORDER BY c.starts_at`, [unitId]);
  return rows.map(toSummary);
}

/** A conference with its year, block, chair units and minutes status. */
export interface ConferenceViewRow {
  id: string;
  blockYearId: string;
  kind: ConferenceKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  chairUnitId: string;
  coChairUnitId: string | null;
  chairName: string;
  coChairName: string;
  secretaryName: string;
  guests: ConferenceGuest[];
  status: ConferenceStatus;
  openedAt: Date | null;
  closedAt: Date | null;
  conclusion: string;
  version: number;
  blockId: string;
  year: number;
  yearStatus: string;
  rules: RuleSet;
  leaderUnitId: string | null;
  deputyUnitId: string | null;
  blockName: string;
  blockCode: string;
  chairUnitName: string;
  coChairUnitName: string | null;
  minutesStatus: MinutesStatus | null;
}

interface RawView {
  id: string;
  block_year_id: string;
  kind: ConferenceKind;
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  chair_unit_id: string;
  co_chair_unit_id: string | null;
  chair_name: string;
  co_chair_name: string;
  secretary_name: string;
  guests: ConferenceGuest[];
  status: ConferenceStatus;
  opened_at: Date | null;
  closed_at: Date | null;
  conclusion: string;
  version: number;
  block_id: string;
  year: number;
  year_status: string;
  rules: RuleSet;
  leader_unit_id: string | null;
  deputy_unit_id: string | null;
  block_name: string;
  block_code: string;
  chair_unit_name: string;
  co_chair_unit_name: string | null;
  minutes_status: MinutesStatus | null;
}

export async function conferenceView(em: Sql, id: string): Promise<ConferenceViewRow | undefined> {
  const [c]: RawView[] = await em.query(
    `SELECT c.*, y.block_id, y.year, y.status AS year_status, y.rules, y.leader_unit_id, y.deputy_unit_id, b.name AS block_name, b.code AS block_code,
            cu.name AS chair_unit_name, ccu.name AS co_chair_unit_name, mn.status AS minutes_status
     FROM conferences c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id
     JOIN units cu ON cu.id = c.chair_unit_id LEFT JOIN units ccu ON ccu.id = c.co_chair_unit_id
     LEFT JOIN conference_minutes mn ON mn.conference_id = c.id
     WHERE c.id = $1`, [id]);
  if (!c) return undefined;
  return {
    id: c.id, blockYearId: c.block_year_id, kind: c.kind, title: c.title, startsAt: c.starts_at, endsAt: c.ends_at, place: c.place,
    chairUnitId: c.chair_unit_id, coChairUnitId: c.co_chair_unit_id, chairName: c.chair_name, coChairName: c.co_chair_name, secretaryName: c.secretary_name,
    guests: c.guests, status: c.status, openedAt: c.opened_at, closedAt: c.closed_at, conclusion: c.conclusion, version: c.version,
    blockId: c.block_id, year: c.year, yearStatus: c.year_status, rules: c.rules, leaderUnitId: c.leader_unit_id, deputyUnitId: c.deputy_unit_id,
    blockName: c.block_name, blockCode: c.block_code, chairUnitName: c.chair_unit_name, coChairUnitName: c.co_chair_unit_name, minutesStatus: c.minutes_status,
  };
}

/** A member unit's invitation and check-in (null columns: no attendance row). */
export interface AttendanceRow {
  unitId: string;
  name: string;
  shortName: string;
  rsvp: Rsvp | null;
  rsvpDelegate: string | null;
  rsvpAt: Date | null;
  rsvpByName: string | null;
  presence: Presence | null;
  delegateName: string | null;
  checkedInAt: Date | null;
}

/** Every member unit of the year with its attendance at the conference: the leader first, the deputy next, then by name. */
export async function attendanceList(em: Sql, conferenceId: string, blockYearId: string, leaderUnitId: string | null, deputyUnitId: string | null): Promise<AttendanceRow[]> {
  return em.query(
    `SELECT u.id AS "unitId", u.name, u.short_name AS "shortName", a.rsvp, a.rsvp_delegate AS "rsvpDelegate", a.rsvp_at AS "rsvpAt", ra.full_name AS "rsvpByName",
            a.presence, a.delegate_name AS "delegateName", a.checked_in_at AS "checkedInAt"
     FROM block_year_members m JOIN units u ON u.id = m.unit_id
     LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
     LEFT JOIN accounts ra ON ra.id = a.rsvp_by
     WHERE m.block_year_id = $2
     ORDER BY (u.id = $3) DESC, (u.id = $4) DESC, u.name`, [conferenceId, blockYearId, leaderUnitId, deputyUnitId]);
}

export interface DecisionRow {
  id: string;
  agendaItemId: string;
  kind: DecisionKind;
  refId: string | null;
  text: string;
  presentCount: number;
  memberCount: number;
  quorumMet: boolean;
  createdAt: Date;
  createdByName: string | null;
}

/** The conference's decisions in the order they were taken. */
export async function decisionList(em: Sql, conferenceId: string): Promise<DecisionRow[]> {
  const rows: { id: string; agenda_item_id: string; kind: DecisionKind; ref_id: string | null; text: string; present_count: number; member_count: number; quorum_met: boolean; created_at: Date; created_by_name: string | null }[] = await em.query(
    `SELECT d.*, ac.full_name AS created_by_name FROM conference_decisions d LEFT JOIN accounts ac ON ac.id = d.created_by
       WHERE d.conference_id = $1 ORDER BY d.created_at, d.id`, [conferenceId]);
  return rows.map((d) => ({
    id: d.id, agendaItemId: d.agenda_item_id, kind: d.kind, refId: d.ref_id, text: d.text, presentCount: d.present_count, memberCount: d.member_count,
    quorumMet: d.quorum_met, createdAt: d.created_at, createdByName: d.created_by_name,
  }));
}
