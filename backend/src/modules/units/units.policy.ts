import { Actor, isCityWide } from '../../common/actor';
import { forbidden } from '../../common/app-error';
import type { UpdateUnitDto } from './dto/unit.dto';

/** Contact details a unit's own officers may keep up to date. */
const SELF_EDITABLE = new Set(['address', 'phone', 'email', 'version']);

export const UnitsPolicy = {
  canManage: (actor: Actor): boolean => isCityWide(actor),

  assertCanManage(actor: Actor): void {
    if (!UnitsPolicy.canManage(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố hoặc quản trị viên được quản lý đơn vị.');
  },
  /** Editing a unit at all: the board any unit (every field); a unit's officers and head their own (contact details). */
  canUpdate: (actor: Actor, unitId: string): boolean => isCityWide(actor) || actor.unitId === unitId,

  /** The board edits any unit; a unit's officers and head edit only their own unit's contact details. */
  assertCanUpdate(actor: Actor, unitId: string, dto: UpdateUnitDto): void {
    if (isCityWide(actor)) return;
    if (!UnitsPolicy.canUpdate(actor, unitId)) throw forbidden('Bạn chỉ được sửa thông tin của đơn vị mình.');
    const other = Object.keys(dto).filter((k) => (dto as unknown as Record<string, unknown>)[k] !== undefined && !SELF_EDITABLE.has(k));
    if (other.length) throw forbidden(`Đơn vị chỉ được tự sửa địa chỉ, điện thoại, email; không được sửa: ${other.join(', ')}.`);
  },
};
