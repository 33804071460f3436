import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { YearContext } from '../../common/scope/year-context';
import type { NewsStatus } from './news-rules';

export interface ItemScope {
  unitId: string;
  status: NewsStatus;
}

/**
 * Who may do what with news and stories: officers and the head of a member unit write for their own unit;
 * only that unit's head approves (publishes) or returns; the leader or deputy seat features items in its
 * block; the board and admin read everything and feature across blocks; an archived year is read-only.
 */
export const NewsPolicy = {
  /** Unpublished items are seen by their own unit and the city; published ones by every member of the block. */
  canRead: (actor: Actor, y: YearContext, item: ItemScope) =>
    isCityWide(actor) || (isUnitMember(actor) && (item.unitId === actor.unitId || (y.isMember && item.status === 'published'))),
  canReadYear: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  canWrite: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.isMember && y.status !== 'archived',
  canEdit: (actor: Actor, y: YearContext, item: ItemScope) => NewsPolicy.canWrite(actor, y) && item.unitId === actor.unitId,
  canApprove: (actor: Actor, y: YearContext, item: ItemScope) => actor.role === 'unit_head' && item.unitId === actor.unitId && y.status !== 'archived',
  canFeature: (actor: Actor, y: YearContext) => isCityWide(actor) || (isUnitMember(actor) && y.seat !== null),
  canSetTargets: (actor: Actor, y: YearContext) => isUnitMember(actor) && y.seat !== null && y.status !== 'archived',
  /** The register of exemplary models: a unit's head for its own unit, or the leader / deputy seat for any member unit. */
  keepsRegisterOf: (actor: Actor, y: YearContext, unitId: string) =>
    (actor.role === 'unit_head' && unitId === actor.unitId && y.isMember) || (isUnitMember(actor) && y.seat !== null),
  canKeepRegister: (actor: Actor, y: YearContext, unitId: string) => y.status !== 'archived' && NewsPolicy.keepsRegisterOf(actor, y, unitId),

  assertCanReadYear(actor: Actor, y: YearContext): void {
    if (!NewsPolicy.canReadYear(actor, y)) throw forbidden('Bạn chỉ được xem tin, bài của khối mà đơn vị mình là thành viên trong năm này.');
  },
  assertCanRead(actor: Actor, y: YearContext, item: ItemScope): void {
    if (!NewsPolicy.canRead(actor, y, item)) throw forbidden('Bài này chưa đăng; chỉ đơn vị viết bài và Ban Thi đua – Khen thưởng xem được.');
  },
  assertCanWrite(actor: Actor, y: YearContext): void {
    if (!isUnitMember(actor)) throw forbidden('Chỉ cán bộ và thủ trưởng đơn vị thành viên được viết tin, bài.');
    if (!y.isMember) throw forbidden('Đơn vị của bạn không phải thành viên của khối trong năm này.');
    NewsPolicy.assertWritable(y);
  },
  assertCanEdit(actor: Actor, y: YearContext, item: ItemScope): void {
    NewsPolicy.assertCanWrite(actor, y);
    if (item.unitId !== actor.unitId) throw forbidden('Bạn chỉ được sửa tin, bài của đơn vị mình.');
  },
  assertCanApprove(actor: Actor, y: YearContext, item: ItemScope): void {
    if (actor.role !== 'unit_head' || item.unitId !== actor.unitId) throw forbidden('Chỉ thủ trưởng đơn vị viết bài được duyệt đăng hoặc trả lại bài.');
    NewsPolicy.assertWritable(y);
  },
  assertCanFeature(actor: Actor, y: YearContext): void {
    if (!NewsPolicy.canFeature(actor, y)) throw forbidden('Chỉ đơn vị Khối trưởng, Khối phó của năm này hoặc Ban Thi đua – Khen thưởng được chọn tin nổi bật.');
  },
  assertCanSetTargets(actor: Actor, y: YearContext): void {
    if (!NewsPolicy.canSetTargets(actor, y)) throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó của năm này được đặt chỉ tiêu tin, bài.');
  },
  assertCanKeepRegister(actor: Actor, y: YearContext, unitId: string): void {
    if (!NewsPolicy.keepsRegisterOf(actor, y, unitId)) throw forbidden('Chỉ thủ trưởng đơn vị (cho đơn vị mình) hoặc đơn vị Khối trưởng, Khối phó được ghi sổ gương điển hình.');
    NewsPolicy.assertWritable(y);
  },
  assertWritable(y: Pick<YearContext, 'status' | 'year'>): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  },
};
