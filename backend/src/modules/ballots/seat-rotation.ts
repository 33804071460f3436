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
import { currentSeats, keptRotationOrder, membersByName, seatElection } from './seat-data';

export { type ElectionRow, seatElection } from './seat-data';

export interface RotationUnit {
  unitId: string;
  name: string;
}

/** This year's members in rotation order; `override` (a permutation checked by the caller) wins. */
export async function rotationOrder(em: EntityManager, blockYearId: string, override?: readonly string[] | null): Promise<RotationUnit[]> {
  const members = await membersByName(em, blockYearId);
  let kept: string[] = override ? [...override] : [];
  if (!override) kept = (await keptRotationOrder(em, blockYearId)) ?? [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const ordered = kept.filter((id) => byId.has(id));
  const rest = members.filter((m) => !ordered.includes(m.id)).map((m) => m.id);
  return [...ordered, ...rest].map((id) => ({ unitId: id, name: byId.get(id)!.name }));
}

/** The default suggestion for next year's seats. */
export async function suggestSeats(em: EntityManager, blockYearId: string, override?: readonly string[] | null): Promise<{ rotation: RotationUnit[]; suggestion: SeatSuggestion }> {
  const y = await currentSeats(em, blockYearId);
  const rotation = await rotationOrder(em, blockYearId, override);
  const names = Object.fromEntries(rotation.map((r) => [r.unitId, r.name]));
  const suggestion = suggestNextSeats({ leaderUnitId: y?.leaderUnitId ?? null, deputyUnitId: y?.deputyUnitId ?? null }, rotation.map((r) => r.unitId), names);
  return { rotation, suggestion };
}

/** Next year's seats: those the conference elected, else the suggestion. */
export async function nextYearSeats(em: EntityManager, blockYearId: string): Promise<{ leaderUnitId: string | null; deputyUnitId: string | null; from: 'election' | 'suggestion' }> {
  const e = await seatElection(em, blockYearId);
  if (e) return { leaderUnitId: e.leaderUnitId, deputyUnitId: e.deputyUnitId, from: 'election' };
  const { suggestion } = await suggestSeats(em, blockYearId);
  return { leaderUnitId: suggestion.leaderUnitId, deputyUnitId: suggestion.deputyUnitId, from: 'suggestion' };
}
