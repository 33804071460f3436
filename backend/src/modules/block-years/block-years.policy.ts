import { Actor, isCityWide } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { Seat } from '../../common/scope/scope.service';
import type { BlockYear } from './entities/block-year.entity';

/** Statuses in which the leader may still change the draft legal basis and rule set. */
const DRAFT_STATUSES = new Set(['setup', 'planning']);

export const BlockYearsPolicy = {
  canManage: (actor: Actor) => isCityWide(actor),
  /** Board always (until archived); the leader or deputy seat of this year while it is being drafted. */
  canEditRules: (actor: Actor, year: Pick<BlockYear, 'status'>, seat: Seat | null) =>
    year.status !== 'archived' && (isCityWide(actor) || (seat !== null && DRAFT_STATUSES.has(year.status))),

  assertCanManage(actor: Actor): void {
    if (!BlockYearsPolicy.canManage(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố hoặc quản trị viên được thiết lập năm thi đua của khối.');
  },
  assertWritable(year: Pick<BlockYear, 'status' | 'year'>): void {
    if (year.status === 'archived') throw conflict('archived', `Năm ${year.year} đã lưu trữ, chỉ được xem.`);
  },
  /** Which fields of an update the actor may touch. */
  assertCanUpdate(actor: Actor, year: Pick<BlockYear, 'status'>, seat: Seat | null, touchesSetup: boolean): void {
    if (isCityWide(actor)) return;
    if (touchesSetup) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố được đổi thành viên, ghế khối trưởng/khối phó và trạng thái năm.');
    if (!seat) throw forbidden('Chỉ đơn vị giữ ghế khối trưởng hoặc khối phó của năm này được sửa bộ quy tắc.');
    if (!DRAFT_STATUSES.has(year.status)) throw conflict('rules_adopted', 'Bộ quy tắc đã được thông qua; thay đổi phải qua một phiên bản mới được hội nghị thông qua.');
  },
};
