/**
 * Next year's seats, as a suggestion for the year-end conference to vote on (docs/domain.md §3). Pure.
 *
 * Glossary:
 * - Khối trưởng / Khối phó: leader / deputy unit of the block for one year
 * - Luân phiên: rotation, following an ordered list of next year's member units
 *
 * Rules:
 * - This year's deputy becomes leader when it is still a member.
 * - Otherwise the unit after this year's leader in the rotation takes the chair; when the leader has left
 *   too (or there was none), the first unit in the rotation does.
 * - The deputy is the first unit after the new leader in the rotation, cyclically, skipping the new leader
 *   and, where another unit exists, the outgoing leader (so both seats move on).
 * - Fewer than 2 members: no deputy; no members: no seats.
 */
import { repeatedIds, RuleError, RuleInputError, unitLabel } from './common';

export interface Seats {
  leaderUnitId: string | null;
  deputyUnitId: string | null;
}

export interface SeatSuggestion extends Seats {
  /** Vietnamese notes explaining any departure from the plain rotation. */
  notes: string[];
}

/**
 * Suggests next year's leader and deputy from this year's seats and next year's members in rotation order.
 * Throws `RuleInputError` when a unit appears twice in the rotation.
 */
export function suggestNextSeats(current: Seats, rotationOrder: readonly string[], names?: Readonly<Record<string, string>>): SeatSuggestion {
  const errors: RuleError[] = repeatedIds(rotationOrder).map((id) => ({
    field: 'rotationOrder',
    message: `Đơn vị ${unitLabel(id, names)} xuất hiện hai lần trong thứ tự luân phiên`,
  }));
  if (errors.length > 0) throw new RuleInputError(errors);

  const order = [...rotationOrder];
  const notes: string[] = [];
  if (order.length === 0) {
    return { leaderUnitId: null, deputyUnitId: null, notes: ['Khối chưa có đơn vị thành viên nên chưa đề xuất được Khối trưởng, Khối phó'] };
  }
  const isMember = (id: string | null): id is string => id !== null && order.includes(id);
  const after = (id: string, k: number): string => order[(order.indexOf(id) + k) % order.length];
  const { leaderUnitId: leader, deputyUnitId: deputy } = current;

  let newLeader: string;
  if (isMember(deputy) && deputy !== leader) {
    newLeader = deputy;
  } else {
    if (deputy === null || deputy === leader) {
      notes.push('Năm nay Khối chưa có Khối phó');
    } else {
      notes.push(`Khối phó năm nay (${unitLabel(deputy, names)}) không còn là đơn vị thành viên`);
    }
    if (isMember(leader) && order.length > 1) {
      newLeader = after(leader, 1);
      notes.push(`Đề xuất đơn vị kế tiếp Khối trưởng năm nay theo thứ tự luân phiên (${unitLabel(newLeader, names)}) làm Khối trưởng`);
    } else {
      newLeader = order[0];
      notes.push(`Đề xuất đơn vị đầu tiên theo thứ tự luân phiên (${unitLabel(newLeader, names)}) làm Khối trưởng`);
    }
  }

  if (order.length < 2) {
    notes.push('Khối có dưới 2 đơn vị thành viên nên không có Khối phó');
    return { leaderUnitId: newLeader, deputyUnitId: null, notes };
  }
  let newDeputy = after(newLeader, 1);
  for (let k = 1; k < order.length; k++) {
    const candidate = after(newLeader, k);
    if (candidate !== leader) {
      newDeputy = candidate;
      break;
    }
  }
  return { leaderUnitId: newLeader, deputyUnitId: newDeputy, notes };
}
