import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { forbidden } from '../../common/app-error';

/**
 * Who may do what with awards (docs/domain.md §6): the board and admin keep the catalogue, titles, disciplinary
 * flags and the award history, and revoke awards; everyone signed in reads the catalogue; a unit's history
 * is read by the unit, the units of its block and the board; titles and flags by the unit itself, the
 * leader and deputy seats of its block that year, and the board; eligibility and bonuses of a block year by
 * its member units and the board.
 */
export const AwardsPolicy = {
  canManage: (actor: Actor) => isCityWide(actor),

  assertCanManage(actor: Actor, what = 'thay đổi dữ liệu khen thưởng'): void {
    if (!AwardsPolicy.canManage(actor)) throw forbidden(`Chỉ Ban Thi đua – Khen thưởng Thành phố được ${what}.`);
  },

  /** `visibleUnitIds`: ScopeService.unitIdsVisibleTo (null = all). */
  assertCanReadHistory(actor: Actor, unitId: string, visibleUnitIds: string[] | null): void {
    if (visibleUnitIds === null) return;
    if (!isUnitMember(actor) || !visibleUnitIds.includes(unitId)) {
      throw forbidden('Bạn chỉ được xem lịch sử khen thưởng của các đơn vị cùng khối với đơn vị mình.');
    }
  },

  /** Eligibility and bonuses of a block year: its member units (leader seat included) and the board. */
  assertCanReadBlockYear(actor: Actor, isMember: boolean): void {
    if (isCityWide(actor)) return;
    if (!isUnitMember(actor) || !isMember) throw forbidden('Bạn chỉ được xem thông tin khen thưởng của khối mà đơn vị mình là thành viên trong năm này.');
  },
};
