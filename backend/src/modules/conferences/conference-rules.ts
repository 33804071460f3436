/**
 * Pure rules of a conference: the live quorum, the agenda stepper, the order of times.
 * No NestJS or TypeORM here.
 */
import { quorumNeeded, type RuleSet } from '@thidua/rules';

export interface QuorumState {
  /** Member units of the block year. */
  members: number;
  /** Member units checked in as present. */
  present: number;
  /** The fewest present units for a valid meeting. */
  needed: number;
  met: boolean;
  /** The rule, e.g. 2/3. */
  numerator: number;
  denominator: number;
}

/** Quorum (docs/domain.md §5): present ≥ ⌈members × n / d⌉, from the year's rule set. */
export function quorumState(present: number, members: number, rules: Pick<RuleSet, 'quorumNumerator' | 'quorumDenominator'>): QuorumState {
  const needed = quorumNeeded(members, rules);
  return { members, present, needed, met: members > 0 && present >= needed, numerator: rules.quorumNumerator, denominator: rules.quorumDenominator };
}

/** "Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3)". */
export function noQuorumMessage(q: QuorumState): string {
  return `Chưa đủ số đơn vị dự họp: có mặt ${q.present}/${q.members}, cần ít nhất ${q.needed} (${q.numerator}/${q.denominator})`;
}

export interface StepItem {
  id: string;
  sort: number;
  status: 'pending' | 'current' | 'done';
}

/** Status changes to apply, by item id. */
export type StepChanges = Map<string, StepItem['status']>;

/**
 * Makes `itemId` the current item. The item that was current goes back to pending (it was not marked
 * done); a done item may be made current again to revisit it.
 */
export function setCurrent(items: StepItem[], itemId: string): StepChanges {
  const changes: StepChanges = new Map();
  const target = items.find((i) => i.id === itemId);
  if (!target) throw new Error(`agenda item ${itemId} not in the agenda`);
  for (const i of items) if (i.status === 'current' && i.id !== itemId) changes.set(i.id, 'pending');
  if (target.status !== 'current') changes.set(itemId, 'current');
  return changes;
}

/**
 * Marks `itemId` done. When it was the current item, the stepper moves on to the next item (by order)
 * that is not done yet, if any.
 */
export function markDone(items: StepItem[], itemId: string): StepChanges {
  const changes: StepChanges = new Map();
  const target = items.find((i) => i.id === itemId);
  if (!target) throw new Error(`agenda item ${itemId} not in the agenda`);
  if (target.status === 'done') return changes;
  changes.set(itemId, 'done');
  if (target.status === 'current') {
    const next = [...items].sort((a, b) => a.sort - b.sort).find((i) => i.sort > target.sort && i.status === 'pending');
    if (next) changes.set(next.id, 'current');
  }
  return changes;
}

/** The order after moving items: `ids` must be exactly the agenda's ids; returns id → new sort (1..n). */
export function reorder(items: Pick<StepItem, 'id'>[], ids: string[]): Map<string, number> | null {
  if (ids.length !== items.length || new Set(ids).size !== ids.length || !items.every((i) => ids.includes(i.id))) return null;
  return new Map(ids.map((id, index) => [id, index + 1]));
}

/** Which field is out of order, if any: the end must come after the start. */
export function timesOutOfOrder(startsAt: Date, endsAt: Date | null): 'endsAt' | null {
  return endsAt && endsAt.getTime() <= startsAt.getTime() ? 'endsAt' : null;
}
