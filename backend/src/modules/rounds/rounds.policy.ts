import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError, conflict, forbidden } from '../../common/app-error';
import type { ScoringYear } from '../scoring/year-context';
import type { RoundContext } from './round-context';
import { Phase, PHASE_LABELS } from '../../domain/round-phase';

/**
 * Who may do what in a scoring round (docs/domain.md §6): the leader or deputy seat runs the round, appraises
 * and sets final scores; each member unit self-assesses, explains and reviews the units assigned to it;
 * the board and admin see everything and never edit a block's scores; an archived year is read-only.
 */
export const RoundsPolicy = {
  canRead: (actor: Actor, y: ScoringYear) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  isManager: (actor: Actor, y: ScoringYear) => isUnitMember(actor) && y.seat !== null,
  /** Running the round (what assertManager admits): a seat of the year, not archived. */
  canManage: (actor: Actor, y: ScoringYear) => RoundsPolicy.isManager(actor, y) && y.status !== 'archived',
  isOwnUnit: (actor: Actor, y: ScoringYear, unitId: string) => isUnitMember(actor) && actor.unitId === unitId && y.isMember,
  /** The progress of the whole block: the board and admins, and the leader and deputy seats. */
  canSeeProgress: (actor: Actor, y: ScoringYear) => isCityWide(actor) || (RoundsPolicy.canRead(actor, y) && RoundsPolicy.isManager(actor, y)),
  /** The unit head's submission is the unit's confirmation; an officer's waits for the head's. */
  confirmsForUnit: (actor: Actor) => actor.role === 'unit_head',

  assertCanRead(actor: Actor, y: ScoringYear): void {
    if (!RoundsPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem đợt chấm điểm của khối mà đơn vị mình là thành viên trong năm này.');
  },
  assertWritable(y: ScoringYear): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
  /** Running the round, appraising and final scores: the leader or deputy seat of the year. */
  assertManager(actor: Actor, y: ScoringYear): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không điều hành đợt chấm và không chấm điểm của khối.');
    if (!RoundsPolicy.isManager(actor, y)) throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó của năm này được điều hành đợt chấm điểm.');
    RoundsPolicy.assertWritable(y);
  },
  /** Self-assessment and explanations: officers and the head of the unit itself. */
  assertOwnUnit(actor: Actor, y: ScoringYear, unitId: string): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không chấm điểm của khối.');
    if (!RoundsPolicy.isOwnUnit(actor, y, unitId)) throw forbidden('Bạn chỉ được tự chấm điểm, giải trình cho đơn vị của mình.');
    RoundsPolicy.assertWritable(y);
  },
  /** Review sources: the board never scores. */
  assertScorer(actor: Actor, y: ScoringYear): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không chấm điểm của khối.');
    if (!isUnitMember(actor) || !y.isMember) throw forbidden('Chỉ đơn vị thành viên của khối trong năm được chấm điểm.');
    RoundsPolicy.assertWritable(y);
  },
  /** Nobody scores their own unit except in its self-assessment. */
  assertNotOwnUnit(actor: Actor, unitId: string, what: string): void {
    if (actor.unitId === unitId) throw forbidden(`Không được ${what} cho chính đơn vị mình.`, 'own_unit');
  },
  /** The 409 for an action outside its phases, or null when the round is in one of them. */
  phaseProblem(ctx: RoundContext, allowed: Phase[], action: string): AppError | null {
    if (allowed.includes(ctx.phase)) return null;
    const need = allowed.map((p) => `"${PHASE_LABELS[p]}"`).join(' hoặc ');
    if (ctx.phase === 'finalised') return conflict('round_finalised', `Đợt chấm điểm đã hoàn tất nên không thể ${action}. Muốn thay đổi, Khối trưởng phải mở lại đợt chấm (có lý do).`);
    return conflict('wrong_phase', `Đợt chấm điểm đang ở giai đoạn "${PHASE_LABELS[ctx.phase]}"; chỉ được ${action} trong giai đoạn ${need}.`);
  },
  assertPhase(ctx: RoundContext, allowed: Phase[], action: string): void {
    const problem = RoundsPolicy.phaseProblem(ctx, allowed, action);
    if (problem) throw problem;
  },
};
