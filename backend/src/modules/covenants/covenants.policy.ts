import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { YearContext } from '../../common/scope/year-context';

/**
 * Who may do what with the covenant (docs/domain.md §6): the leader or deputy seat drafts it and its targets;
 * only a unit head (thủ trưởng) of a member unit signs, for their own unit; the board and admin read
 * everything and sign or edit nothing; an archived year is read-only.
 */
export const CovenantsPolicy = {
  canRead: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  canManage: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.seat !== null && y.status !== 'archived',
  /** The head of a member unit signs for it. */
  isSigner: (actor: Actor, y: Pick<YearContext, 'isMember'>) => actor.role === 'unit_head' && !!actor.unitId && y.isMember,

  assertCanRead(actor: Actor, y: YearContext): void {
    if (!CovenantsPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem giao ước thi đua của khối mà đơn vị mình là thành viên trong năm này.');
  },
  assertCanManage(actor: Actor, y: YearContext): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không soạn sửa giao ước của khối.');
    if (!isUnitMember(actor) || y.seat === null) throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó của năm này được soạn giao ước thi đua.');
    CovenantsPolicy.assertWritable(y);
  },
  /** Only a unit head signs, only for their own unit, and only for a member unit of the year. */
  assertCanSign(actor: Actor, y: YearContext, unitId: string | undefined): void {
    if (actor.role !== 'unit_head') throw forbidden('Chỉ thủ trưởng đơn vị được ký giao ước thi đua thay mặt đơn vị.');
    if (unitId && unitId !== actor.unitId) throw forbidden('Bạn chỉ được ký giao ước thay mặt đơn vị của mình.');
    if (!y.isMember) throw forbidden('Đơn vị của bạn không phải thành viên của khối trong năm này nên không ký giao ước.');
    CovenantsPolicy.assertWritable(y);
  },
  assertWritable(y: Pick<YearContext, 'status' | 'year'>): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
};
