import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { ScoringYear } from './year-context';

/**
 * Who may do what with a scoring scheme (docs/domain.md §6): the leader or deputy seat of the year builds and
 * edits it; member units read it; the board and admin read every block's schemes and edit none; a frozen
 * scheme or an archived year is read-only.
 */
export const ScoringPolicy = {
  canRead: (actor: Actor, y: ScoringYear) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  canEdit: (actor: Actor, y: ScoringYear) => isUnitMember(actor) && y.seat !== null && y.status !== 'archived',

  assertCanRead(actor: Actor, y: ScoringYear): void {
    if (!ScoringPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem biểu chấm điểm của khối mà đơn vị mình là thành viên trong năm này.');
  },
  assertCanEdit(actor: Actor, y: ScoringYear): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không soạn sửa biểu chấm điểm của khối.');
    if (!isUnitMember(actor) || y.seat === null) throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó của năm này được soạn, sửa biểu chấm điểm.');
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
  assertNotFrozen(scheme: { frozenAt: Date | string | null; versionNo: number }): void {
    if (scheme.frozenAt) {
      throw conflict('scheme_frozen', `Biểu chấm điểm phiên bản ${scheme.versionNo} đã được dùng cho đợt chấm điểm nên không sửa được. Hãy tạo phiên bản mới cho đợt hoặc năm sau.`);
    }
  },
};
