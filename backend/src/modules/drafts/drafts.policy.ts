import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { DraftStatus } from './draft-content';
import type { YearContext } from '../../common/scope/year-context';

/**
 * Who may do what with the plan and rules drafts (docs/domain.md §6, start-of-year.md): the leader or deputy
 * seat of the year drafts and edits; member units read circulated versions and comment; the board and
 * admin read everything and edit nothing; an archived year is read-only.
 */
export const DraftsPolicy = {
  canRead: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  /** Versions still being drafted are the leader's working copy; members see them once circulated. */
  canSeeDrafts: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.seat !== null),
  canEdit: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.seat !== null && y.status !== 'archived',
  canComment: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.isMember && y.status !== 'archived',

  assertCanRead(actor: Actor, y: YearContext): void {
    if (!DraftsPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem kế hoạch, quy chế của khối mà đơn vị mình là thành viên trong năm này.');
  },
  assertCanSeeVersion(actor: Actor, y: YearContext, status: DraftStatus): void {
    DraftsPolicy.assertCanRead(actor, y);
    if (status === 'draft' && !DraftsPolicy.canSeeDrafts(actor, y)) throw forbidden('Phiên bản này đang được Khối trưởng soạn thảo, chưa gửi xin ý kiến.');
  },
  assertCanEdit(actor: Actor, y: YearContext): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ xem, không soạn sửa dự thảo của khối.');
    if (!isUnitMember(actor) || y.seat === null) throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó của năm này được soạn, sửa dự thảo.');
    DraftsPolicy.assertWritable(y);
  },
  assertCanComment(actor: Actor, y: YearContext): void {
    if (!isUnitMember(actor) || !y.isMember) throw forbidden('Chỉ cán bộ, thủ trưởng các đơn vị thành viên của khối trong năm được góp ý.');
    DraftsPolicy.assertWritable(y);
  },
  assertWritable(y: Pick<YearContext, 'status' | 'year'>): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
  /** Only a draft version is edited; adopted and circulated versions are frozen. */
  assertEditable(status: DraftStatus, number: number): void {
    if (status === 'adopted') throw conflict('version_adopted', `Phiên bản ${number} đã được hội nghị thông qua, không được sửa. Muốn thay đổi, hãy tạo phiên bản mới để hội nghị thông qua lại.`);
    if (status === 'circulated') throw conflict('version_circulated', `Phiên bản ${number} đã gửi xin ý kiến nên không sửa được. Hãy tạo phiên bản chỉnh sửa mới.`);
    if (status === 'superseded') throw conflict('version_superseded', `Phiên bản ${number} đã được thay thế bằng phiên bản mới hơn, không được sửa.`);
  },
};
