/**
 * Moving a round out of self-assessment before its deadline locks every self-assessment that was not
 * submitted (issue 12: "no irreversible step without naming who it hits"). Who is hit, what happens to
 * each, and the typed confirmation that the leader must give when anyone is. Pure.
 */
import type { Phase } from '../../domain/round-phase';

/** What the leader types to confirm an early advance that hits units. */
export const CONFIRMATION_WORD = 'XÁC NHẬN';

export interface UnitSheet {
  unitId: string;
  unitName: string;
  /** Stored self-assessment status. */
  status: 'draft' | 'awaiting_confirmation' | 'submitted' | 'returned';
  filled: number;
  required: number;
}

export interface AdvanceHit {
  unitId: string;
  unitName: string;
  status: UnitSheet['status'];
  filled: number;
  required: number;
  /** What the advance does to this unit, in Vietnamese. */
  consequence: string;
}

/** Units the advance from `phase` hits; only leaving self-assessment early locks anyone's work. */
export function earlyAdvanceHits(phase: Phase, units: readonly UnitSheet[]): AdvanceHit[] {
  if (phase !== 'self_assessment') return [];
  return units.filter((u) => u.status !== 'submitted').map((u) => ({
    ...u,
    consequence: u.status === 'awaiting_confirmation'
      ? `Bản tự chấm đang chờ thủ trưởng xác nhận sẽ bị khóa, không nộp được nữa (đã nhập ${u.filled}/${u.required} tiêu chí)`
      : u.status === 'returned'
        ? `Bản tự chấm bị trả lại chưa nộp lại sẽ bị khóa ở bản đang sửa (đã nhập ${u.filled}/${u.required} tiêu chí)`
        : `Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập ${u.filled}/${u.required} tiêu chí)`,
  }));
}

/** Null when the advance may go ahead; else why not (the confirmation field is named by the caller). */
export function confirmationProblem(hits: readonly AdvanceHit[], confirmation: string | undefined): string | null {
  if (!hits.length) return null;
  if ((confirmation ?? '').trim().toLocaleUpperCase('vi') === CONFIRMATION_WORD) return null;
  return `Chuyển giai đoạn trước hạn sẽ khóa bản tự chấm của ${hits.length} đơn vị chưa nộp: ${hits.map((h) => `${h.unitName} (${h.filled}/${h.required} tiêu chí)`).join('; ')}. `
    + `Muốn tiếp tục, hãy gõ "${CONFIRMATION_WORD}" vào ô xác nhận.`;
}
