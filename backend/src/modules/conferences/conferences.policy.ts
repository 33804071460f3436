import { Actor, isCityWide } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { ConferenceStatus } from './entities/conference.entity';
import { isNamedInRole, signatoryName, type MinutesContent, type MinutesRole } from './minutes';

/**
 * Who may do what with conferences (docs/domain.md §6): the leader or deputy seat of the block year runs
 * them; each member unit answers its own invitation; the board and admins read everything and edit
 * nothing; an archived year is read-only.
 */
export const ConferencesPolicy = {
  /** `isLeader`: the actor's unit holds the leader or deputy seat of the conference's block year. */
  canRun: (actor: Actor, isLeader: boolean) => !isCityWide(actor) && isLeader,
  /** Convening a new conference of the year: a seat of the year, not archived (what `create` checks). */
  canConvene: (actor: Actor, y: { seat: string | null; status: string }) => ConferencesPolicy.canRun(actor, y.seat !== null) && y.status !== 'archived',

  assertCanRun(actor: Actor, isLeader: boolean): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên chỉ được xem hội nghị; việc tổ chức, điều hành do khối trưởng, khối phó thực hiện.');
    if (!isLeader) throw forbidden('Chỉ đơn vị giữ ghế khối trưởng hoặc khối phó của năm này được tổ chức, điều hành hội nghị và lập biên bản.');
  },

  /** Officers and unit heads answer only their own unit's invitation. */
  assertCanReply(actor: Actor, unitId: string, isMember: boolean): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên không xác nhận tham dự thay đơn vị.');
    if (actor.unitId !== unitId) throw forbidden('Bạn chỉ được xác nhận tham dự cho đơn vị mình.');
    if (!isMember) throw forbidden('Đơn vị của bạn không phải thành viên của khối trong năm này.');
  },

  /** Minutes are approved in a role only by the person they name in it (the name under that signature). */
  assertNamedApprover(content: Pick<MinutesContent, 'chair' | 'secretary'>, role: MinutesRole, person: { fullName: string; unitName: string | null }): void {
    if (isNamedInRole(content, role, person)) return;
    const label = role === 'chair' ? 'chủ trì' : 'thư ký';
    const named = signatoryName(role === 'chair' ? content.chair.person : content.secretary);
    const who = role === 'chair' ? `${named || 'chưa ghi tên'} (${content.chair.unit})` : named || 'chưa ghi tên';
    throw forbidden(`Chỉ người được ghi trong biên bản là ${label} (${who}) mới được thông qua biên bản với tư cách ${label}.`, 'not_named_approver');
  },

  assertWritable(year: { status: string; year: number }): void {
    if (year.status === 'archived') throw conflict('archived', `Năm ${year.year} đã lưu trữ, hội nghị chỉ được xem.`);
  },

  assertNotConcluded(status: ConferenceStatus): void {
    if (status === 'concluded') throw conflict('conference_concluded', 'Hội nghị đã kết thúc, không thể thay đổi.');
  },

  assertInSession(status: ConferenceStatus, what: string): void {
    if (status === 'planned') throw conflict('not_in_session', `Hội nghị chưa khai mạc, chưa thể ${what}. Hãy bắt đầu phiên họp trước.`);
    if (status === 'concluded') throw conflict('not_in_session', `Hội nghị đã kết thúc, không thể ${what}.`);
  },
};
