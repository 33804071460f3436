import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { YearContext } from '../../common/scope/year-context';

/**
 * Who may do what with ballots (docs/domain.md §5–§6):
 * - the leader seat (officers and the head of the block year's khối trưởng unit) opens ballots, closes
 *   them, enters paper tallies, opens re-votes, has the tally record signed and records next year's seats;
 * - each present member unit casts one ballot, by its head or its checked-in delegate (voting.ts);
 * - member units, the board and admins read ballots: who voted and, after closing, the result — never who
 *   voted what, and nobody (the leader included) sees any content before closing;
 * - an archived year is read-only.
 */
export const BallotsPolicy = {
  canRead: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  canRun: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.seat === 'leader' && y.status !== 'archived',
  /**
   * Starting next year (modules/next-year) from this year's seats: the board and admins at any time; the leader seat
   * once the year-end conference has elected next year's seats (`elected`).
   */
  canStartNextYear: (actor: Actor, y: Pick<YearContext, 'seat'>, elected: boolean) =>
    isCityWide(actor) || (isUnitMember(actor) && y.seat === 'leader' && elected),

  assertCanRead(actor: Actor, y: YearContext): void {
    if (!BallotsPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem bỏ phiếu của khối mà đơn vị mình là thành viên trong năm này.');
  },

  assertCanRun(actor: Actor, y: YearContext): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ được xem; việc tổ chức bỏ phiếu do đơn vị Khối trưởng thực hiện.');
    if (!isUnitMember(actor) || y.seat !== 'leader') throw forbidden('Chỉ đơn vị Khối trưởng của năm này được tổ chức bỏ phiếu, kiểm phiếu và bầu Khối trưởng, Khối phó năm sau.');
    BallotsPolicy.assertWritable(y);
  },

  assertWritable(y: Pick<YearContext, 'status' | 'year'>): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
};
