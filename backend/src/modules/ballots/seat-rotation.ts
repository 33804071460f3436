/**
 * Next year's seats from the database: the rotation order (thứ tự luân phiên) and the suggestion
 * (rules/rotation.ts), and the seats the year-end conference elected. Shared by the seats endpoints and
 * "start next year" (next-year/next-year.service.ts).
 *
 * Decision: the rotation order is the one kept with the block's latest seat election (this year's, else the
 * most recent earlier one), restricted to this year's members, with members it does not list appended by
 * Vietnamese name; a block that never elected seats here rotates by Vietnamese name. The leader may pass
 * another order when recording the election; it is kept for the following years.
 */
import type { EntityManager } from 'typeorm';
import { suggestNextSeats, type SeatSuggestion } from '../../domain/year-end';

export interface RotationUnit {
  unitId: string;
  name: string;
}

export interface ElectionRow {
  block_year_id: string;
  conference_id: string;
  leader_unit_id: string;
  deputy_unit_id: string | null;
  rotation_order: string[];
  present_count: number;
  member_count: number;
  note: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date;
  version: number;
}

export async function seatElection(em: EntityManager, blockYearId: string): Promise<ElectionRow | null> {
  const [row] = await em.query(
    `SELECT e.block_year_id, e.conference_id, e.leader_unit_id, e.deputy_unit_id, e.rotation_order::text[] AS rotation_order, e.present_count, e.member_count,
            e.note, e.decided_by, a.full_name AS decided_by_name, e.decided_at, e.version
     FROM seat_elections e LEFT JOIN accounts a ON a.id = e.decided_by WHERE e.block_year_id = $1`, [blockYearId]);
  return row ?? null;
}

/** This year's members in rotation order; `override` (a permutation checked by the caller) wins. */
export async function rotationOrder(em: EntityManager, blockYearId: string, override?: readonly string[] | null): Promise<RotationUnit[]> {
  const members: { id: string; name: string }[] = await em.query(
    `SELECT u.id, u.name FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
  let kept: string[] = override ? [...override] : [];
  if (!override) {
    const [row] = await em.query(
      `SELECT e.rotation_order::text[] AS rotation_order FROM seat_elections e JOIN block_years y ON y.id = e.block_year_id
       JOIN block_years cur ON cur.id = $1 AND cur.block_id = y.block_id AND y.year <= cur.year
       ORDER BY y.year DESC LIMIT 1`, [blockYearId]);
    kept = row?.rotation_order ?? [];
  }
  const byId = new Map(members.map((m) => [m.id, m]));
  const ordered = kept.filter((id) => byId.has(id));
  const rest = members.filter((m) => !ordered.includes(m.id)).map((m) => m.id);
  return [...ordered, ...rest].map((id) => ({ unitId: id, name: byId.get(id)!.name }));
}

/** The default suggestion for next year's seats. */
export async function suggestSeats(em: EntityManager, blockYearId: string, override?: readonly string[] | null): Promise<{ rotation: RotationUnit[]; suggestion: SeatSuggestion }> {
  const [y] = await em.query('SELECT leader_unit_id, deputy_unit_id FROM block_years WHERE id = $1', [blockYearId]);
  const rotation = await rotationOrder(em, blockYearId, override);
  const names = Object.fromEntries(rotation.map((r) => [r.unitId, r.name]));
  const suggestion = suggestNextSeats({ leaderUnitId: y?.leader_unit_id ?? null, deputyUnitId: y?.deputy_unit_id ?? null }, rotation.map((r) => r.unitId), names);
  return { rotation, suggestion };
}

/** Next year's seats: those the conference elected, else the suggestion. */
export async function nextYearSeats(em: EntityManager, blockYearId: string): Promise<{ leaderUnitId: string | null; deputyUnitId: string | null; from: 'election' | 'suggestion' }> {
  const e = await seatElection(em, blockYearId);
  if (e) return { leaderUnitId: e.leader_unit_id, deputyUnitId: e.deputy_unit_id, from: 'election' };
  const { suggestion } = await suggestSeats(em, blockYearId);
  return { leaderUnitId: suggestion.leaderUnitId, deputyUnitId: suggestion.deputyUnitId, from: 'suggestion' };
}
