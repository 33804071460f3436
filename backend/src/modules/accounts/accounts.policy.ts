import { Actor, isCityWide, Role } from '../../common/actor';
import { forbidden, invalidField } from '../../common/app-error';
import { roleNeedsUnit } from '@thidua/rules';

export const AccountsPolicy = {
  /** Managing accounts at all (some of them). */
  canManageAny: (actor: Actor): boolean => isCityWide(actor),
  /** Admins manage every account; the board manages every account but admins'. */
  canManage: (actor: Actor, targetRole: Role, currentRole?: Role): boolean =>
    AccountsPolicy.canManageAny(actor) && !(actor.role === 'board' && (targetRole === 'admin' || currentRole === 'admin')),
  /** Who may give an account the admin role. */
  canGrantAdmin: (actor: Actor): boolean => AccountsPolicy.canManage(actor, 'admin'),

  assertCanManage(actor: Actor, targetRole: Role, currentRole?: Role): void {
    if (!AccountsPolicy.canManageAny(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố hoặc quản trị viên được quản lý tài khoản.');
    if (!AccountsPolicy.canManage(actor, targetRole, currentRole)) throw forbidden('Chỉ quản trị viên được tạo hoặc sửa tài khoản quản trị.');
  },
  /** Officers and unit heads belong to a unit; admin and board accounts belong to none. */
  unitFor(role: Role, unitId: string | null | undefined): string | null {
    if (roleNeedsUnit(role)) {
      if (!unitId) throw invalidField('unitId', 'là bắt buộc với cán bộ và thủ trưởng đơn vị');
      return unitId;
    }
    return null;
  },
};
