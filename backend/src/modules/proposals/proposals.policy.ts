import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import type { YearContext } from '../../common/scope/year-context';
import type { ProposalStatus } from './entities/proposal.entity';
import { ProposalAction, transitionProblem } from './proposal-rules';

/**
 * Who may do what with a dossier (docs/domain.md §6): the leader or deputy seat of the block year assembles it;
 * only the head (thủ trưởng) of the leader unit submits it; each nominee unit uploads its own achievement
 * report; the board (and admin) appraises, returns, approves and records decisions, and never edits the
 * block's dossier; every member unit of the block and the board read it.
 */
export const ProposalsPolicy = {
  canRead: (actor: Actor, y: Pick<YearContext, 'isMember'>) => isCityWide(actor) || (isUnitMember(actor) && y.isMember),
  canAssemble: (actor: Actor, y: Pick<YearContext, 'seat'>) => isUnitMember(actor) && y.seat !== null,
  /** Assembling the dossier now (what assertCanAssemble admits): a seat of the year, not archived. */
  canAssembleIn: (actor: Actor, y: Pick<YearContext, 'seat' | 'status'>) => ProposalsPolicy.canAssemble(actor, y) && y.status !== 'archived',
  canSubmit: (actor: Actor, y: Pick<YearContext, 'leaderUnitId'>) => actor.role === 'unit_head' && !!actor.unitId && actor.unitId === y.leaderUnitId,
  canUploadFor: (actor: Actor, y: Pick<YearContext, 'isMember'>, unitId: string) => isUnitMember(actor) && actor.unitId === unitId && y.isMember,
  isBoard: (actor: Actor) => isCityWide(actor),

  assertCanRead(actor: Actor, y: Pick<YearContext, 'isMember'>): void {
    if (!ProposalsPolicy.canRead(actor, y)) throw forbidden('Bạn chỉ được xem hồ sơ đề nghị khen thưởng của khối mà đơn vị mình là thành viên trong năm đó.');
  },

  /** Assembling and editing: the leader or deputy seat of the year. */
  assertCanAssemble(actor: Actor, y: Pick<YearContext, 'seat' | 'status' | 'year'>): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên không lập, không sửa hồ sơ của khối; hồ sơ do Khối trưởng, Khối phó lập.', 'board_cannot_edit');
    if (!ProposalsPolicy.canAssemble(actor, y)) throw forbidden('Chỉ đơn vị giữ ghế Khối trưởng hoặc Khối phó của năm này được lập và sửa hồ sơ đề nghị khen thưởng.');
    ProposalsPolicy.assertWritable(y);
  },

  assertCanSubmit(actor: Actor, y: Pick<YearContext, 'leaderUnitId' | 'status' | 'year'>): void {
    if (!ProposalsPolicy.canSubmit(actor, y)) throw forbidden('Chỉ thủ trưởng đơn vị Khối trưởng được trình hồ sơ đề nghị khen thưởng lên Ban Thi đua – Khen thưởng Thành phố.', 'not_leader_head');
    ProposalsPolicy.assertWritable(y);
  },

  assertCanUploadFor(actor: Actor, y: Pick<YearContext, 'isMember' | 'status' | 'year'>, unitId: string): void {
    if (isCityWide(actor)) throw forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên không tải báo cáo thành tích thay đơn vị.', 'board_cannot_edit');
    if (!ProposalsPolicy.canUploadFor(actor, y, unitId)) throw forbidden('Bạn chỉ được tải lên báo cáo thành tích của đơn vị mình.', 'not_own_unit');
    ProposalsPolicy.assertWritable(y);
  },

  /** Appraising, returning, approving and recording decisions: the board (and admin). */
  assertBoard(actor: Actor): void {
    if (!ProposalsPolicy.isBoard(actor)) throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố được thẩm định hồ sơ và ghi nhận quyết định khen thưởng.', 'board_only');
  },

  assertWritable(y: Pick<YearContext, 'status' | 'year'>): void {
    if (y.status === 'archived') throw conflict('archived', `Năm ${y.year} đã lưu trữ, hồ sơ chỉ được xem.`);
  },

  assertTransition(status: ProposalStatus, action: ProposalAction): void {
    const problem = transitionProblem(status, action);
    if (problem) throw conflict('wrong_status', problem);
  },
};
