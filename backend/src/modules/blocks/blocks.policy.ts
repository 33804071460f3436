import { Actor, isCityWide } from '../../common/actor';
import { forbidden } from '../../common/app-error';

/** Who may do what with blocks: the city board and admins manage them; members only read their own. */
export const BlocksPolicy = {
  canManage: (actor: Actor): boolean => isCityWide(actor),

  assertCanManage(actor: Actor): void {
    if (!BlocksPolicy.canManage(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố hoặc quản trị viên được quản lý khối thi đua.');
  },
};
