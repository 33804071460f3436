import type { EntityManager } from 'typeorm';

/**
 * The ballots module's SQL for next year's seats (seat_elections): the election the year-end conference
 * recorded, the rotation order kept with it, and what the election reads of the year and its conference.
 */

type Sql = Pick<EntityManager, 'query'>;

/** The seats a block year's year-end conference elected, with the name of the account that recorded them. */
export interface ElectionRow {
  blockYearId: string;
  conferenceId: string;
  leaderUnitId: string;
  deputyUnitId: string | null;
  rotationOrder: string[];
  presentCount: number;
  memberCount: number;
  note: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date;
  version: number;
}

export async function seatElection(em: Sql, blockYearId: string): Promise<ElectionRow | null> {
  const [row]: ElectionRow[] = await em.query(
    `SELECT e.block_year_id AS "blockYearId", e.conference_id AS "conferenceId", e.leader_unit_id AS "leaderUnitId", e.deputy_unit_id AS "deputyUnitId",
            e.rotation_order::text[] AS "rotationOrder", e.present_count AS "presentCount", e.member_count AS "memberCount",
            e.note, e.decided_by AS "decidedBy", a.full_name AS "decidedByName", e.decided_at AS "decidedAt", e.version
     FROM seat_elections e LEFT JOIN accounts a ON a.id = e.decided_by WHERE e.block_year_id = $1`, [blockYearId]);
  return row ?? null;
}

/** This year's member units by name. */
export async function membersByName(em: Sql, blockYearId: string): Promise<{ id: string; name: string }[]> {
  return em.query(
    `SELECT u.id, u.name FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
}

/** The rotation order kept with the block's latest seat election up to this year; undefined when it never elected seats here. */
export async function keptRotationOrder(em: Sql, blockYearId: string): Promise<string[] | undefined> {
  const [row]: { rotation_order: string[] }[] = await em.query(
    `SELECT e.rotation_order::text[] AS rotation_order FROM seat_elections e JOIN block_years y ON y.id = e.block_year_id
       JOIN block_years cur ON cur.id = $1 AND cur.block_id = y.block_id AND y.year <= cur.year
       ORDER BY y.year DESC LIMIT 1`, [blockYearId]);
  return row?.rotation_order;
}

/** This year's seats; undefined when there is no such year. */
export async function currentSeats(em: Sql, blockYearId: string): Promise<{ leaderUnitId: string | null; deputyUnitId: string | null } | undefined> {
  const [y]: { leaderUnitId: string | null; deputyUnitId: string | null }[] = await em.query(
    'SELECT leader_unit_id AS "leaderUnitId", deputy_unit_id AS "deputyUnitId" FROM block_years WHERE id = $1', [blockYearId]);
  return y;
}

/** The id of the block's year `year`; undefined when it has not been started. */
export async function blockYearIdOf(em: Sql, blockId: string, year: number): Promise<string | undefined> {
  const [next]: { id: string }[] = await em.query('SELECT id FROM block_years WHERE block_id = $1 AND year = $2', [blockId, year]);
  return next?.id;
}

/** Whether the block has year `year`. */
export async function blockHasYear(em: Sql, blockId: string, year: number): Promise<boolean> {
  const [next]: unknown[] = await em.query('SELECT 1 FROM block_years WHERE block_id = $1 AND year = $2', [blockId, year]);
  return !!next;
}

/** A conference as the seat election needs it, locked `FOR SHARE`; undefined when there is none. */
export async function conferenceForElection(em: Sql, id: string): Promise<{ id: string; blockYearId: string; kind: string; status: string } | undefined> {
  const [conf]: { id: string; blockYearId: string; kind: string; status: string }[] = await em.query(
    'SELECT id, block_year_id AS "blockYearId", kind, status FROM conferences WHERE id = $1 FOR SHARE', [id]);
  return conf;
}

export async function yearMemberIds(em: Sql, blockYearId: string): Promise<string[]> {
  const rows: { unit_id: string }[] = await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId]);
  return rows.map((r) => r.unit_id);
}

export interface ElectionInput {
  blockYearId: string;
  conferenceId: string;
  leaderUnitId: string;
  deputyUnitId: string | null;
  rotationOrder: string[];
  presentCount: number;
  memberCount: number;
  note: string;
  decidedBy: string;
  /** Demo history only: when a past year's conference elected the seats (now otherwise). */
  decidedAt?: Date;
}

/** Records the election; recorded again, it replaces the earlier one (version + 1). */
export async function upsertSeatElection(em: Sql, e: ElectionInput): Promise<void> {
  await em.query(
    `INSERT INTO seat_elections (block_year_id, conference_id, leader_unit_id, deputy_unit_id, rotation_order, present_count, member_count, note, decided_by, decided_at, version)
         VALUES ($1,$2,$3,$4,$5::uuid[],$6,$7,$8,$9,coalesce($10::timestamptz, now()),1)
         ON CONFLICT (block_year_id) DO UPDATE SET conference_id = EXCLUDED.conference_id, leader_unit_id = EXCLUDED.leader_unit_id, deputy_unit_id = EXCLUDED.deputy_unit_id,
           rotation_order = EXCLUDED.rotation_order, present_count = EXCLUDED.present_count, member_count = EXCLUDED.member_count, note = EXCLUDED.note,
           decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at, version = seat_elections.version + 1`,
    [e.blockYearId, e.conferenceId, e.leaderUnitId, e.deputyUnitId, e.rotationOrder, e.presentCount, e.memberCount, e.note, e.decidedBy, e.decidedAt ?? null]);
}
