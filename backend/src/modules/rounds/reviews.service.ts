import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import { generateAssignments, reassign, reviewsPerUnit, formatNumber } from '@thidua/rules';
import { AssessmentsService } from './assessments.service';
import { AssignmentsDto, SaveResultDto } from './dto/assessment.dto';
import { GenerateAssignmentsDto, ReassignDto, ScoreInputDto } from './dto/round.dto';
import { notify } from '../notifications/notify';
import { loadRound, RoundContext } from './round-context';
import { RoundData } from './round-data';
import { reviewNeedsReason, Source } from './round-results';
import { RoundsPolicy } from './rounds.policy';
import { saveScore } from './score-store';
import { isYearMember, unitName } from './assessment-data';
import { assignmentSeed, setAssignmentSeed } from './round-row-data';
import { peersHaveScored, selfScoreOf } from './score-data';
import {
  type AssignmentRow, assignmentPairs, countAssignments, deleteAssignments, insertAssignment, insertAssignments, isAssigned, listAssignments, lockAssignment,
  recuseAssignment, selectAssignment, setReplacement,
} from './review-data';

const WHAT: Record<Exclude<Source, 'self'>, string> = { peer: 'chấm chéo', leader: 'thẩm định', final: 'chốt điểm' };

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly data: RoundData,
    private readonly assessments: AssessmentsService,
  ) {}

  // ---------------------------------------------------------------- assignments

  async list(actor: Actor, roundId: string): Promise<AssignmentsDto> {
    const ctx = await loadRound(this.ds.manager, roundId, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    return this.assignments(this.ds.manager, ctx);
  }

  /** Each unit reviews k others (k from the rule set), never itself, reciprocal pairs avoided, even load. */
  async generate(actor: Actor, roundId: string, dto: GenerateAssignmentsDto): Promise<AssignmentsDto> {
    const ctx = await this.ds.transaction((em) => this.generateTx(em, actor, roundId, dto));
    return this.assignments(this.ds.manager, ctx);
  }

  /** `generate` in the caller's transaction; the round as it was read. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async generateTx(em: EntityManager, actor: Actor, roundId: string, dto: GenerateAssignmentsDto, opts: { at?: Date } = {}): Promise<RoundContext> {
    const ctx = await loadRound(em, roundId, actor, 'update');
    RoundsPolicy.assertManager(actor, ctx.year);
    RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'phân công chấm chéo');
    if (await peersHaveScored(em, roundId)) throw conflict('reviews_started', 'Các đơn vị đã bắt đầu chấm chéo nên không phân công lại toàn bộ được; hãy dùng từ chối chấm và phân công thay thế.');
    const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
    const k = ctx.year.rules.reviewsPerUnit;
    const seed = dto.seed ?? randomInt(0, 2 ** 31 - 1);
    const list = generateAssignments(members, k, seed);
    const old = await countAssignments(em, roundId);
    await deleteAssignments(em, roundId);
    if (list.length) await insertAssignments(em, roundId, list, actor.id);
    await setAssignmentSeed(em, roundId, seed);
    await notify(em, actor, { units: [...new Set(list.map((a) => a.reviewerId))] }, { roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${roundId}`, kind: 'assigned', title: `${ctx.round.title}: đơn vị được phân công chấm chéo ${reviewsPerUnit(members.length, k)} đơn vị`, at: opts.at });
    await this.audit.record(em, actor, { action: 'round.assign', entityType: 'scoring_round', entityId: roundId, blockId: ctx.year.blockId, before: { assignments: old }, after: { seed, k, assignments: list } });
    return ctx;
  }

  /** A reviewer declines an assignment for a conflict of interest; the leader then reassigns it. */
  async recuse(actor: Actor, assignmentId: string, reason: string): Promise<AssignmentsDto> {
    const roundId = await this.ds.transaction(async (em) => {
      const a = await this.assignment(em, assignmentId, true);
      const ctx = await loadRound(em, a.roundId, actor, 'share');
      RoundsPolicy.assertScorer(actor, ctx.year);
      if (actor.unitId !== a.reviewerUnitId) throw forbidden('Chỉ đơn vị được phân công mới từ chối chấm được.');
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'từ chối chấm chéo');
      if (a.status !== 'active') throw conflict('already_recused', 'Phân công này đã được từ chối trước đó.');
      await recuseAssignment(em, assignmentId, reason, actor.id);
      const seats = [ctx.year.leaderUnitId, ctx.year.deputyUnitId].filter((x): x is string => !!x);
      const revieweeName = await unitName(em, a.revieweeUnitId);
      await notify(em, actor, { units: seats }, { roundId: a.roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${a.roundId}`, kind: 'recused', title: `${ctx.round.title}: một đơn vị từ chối chấm chéo ${revieweeName ?? ''}, cần phân công thay thế`, body: reason });
      await this.audit.record(em, actor, { action: 'review.recuse', entityType: 'review_assignment', entityId: assignmentId, blockId: ctx.year.blockId, before: { status: 'active' }, after: { status: 'recused', reviewer: a.reviewerUnitId, reviewee: a.revieweeUnitId }, reason });
      return a.roundId;
    });
    return this.list(actor, roundId);
  }

  /** The leader replaces a recused reviewer: the given unit, or the one the assignment rules pick. */
  async reassign(actor: Actor, assignmentId: string, dto: ReassignDto): Promise<AssignmentsDto> {
    const roundId = await this.ds.transaction(async (em) => {
      const a = await this.assignment(em, assignmentId, false);
      const ctx = await loadRound(em, a.roundId, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'phân công chấm thay');
      const locked = await lockAssignment(em, assignmentId);
      if (locked.status !== 'recused') throw conflict('not_recused', 'Chỉ phân công thay cho đơn vị đã từ chối chấm.');
      if (locked.replacedById) throw conflict('already_replaced', 'Phân công này đã có đơn vị chấm thay.');
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      const all = await assignmentPairs(em, a.roundId);
      const active = all.filter((x) => x.status === 'active').map((x) => ({ reviewerId: x.reviewerUnitId, revieweeId: x.revieweeUnitId }));
      const recusedBefore = all.filter((x) => x.status === 'recused' && x.revieweeUnitId === a.revieweeUnitId).map((x) => x.reviewerUnitId);
      let replacement: string | null;
      let reciprocal = false;
      if (dto.unitId) {
        if (!members.includes(dto.unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
        if (dto.unitId === a.revieweeUnitId) throw conflict('own_unit', 'Không phân công một đơn vị tự chấm chéo cho chính mình.');
        if (recusedBefore.includes(dto.unitId)) throw conflict('recused_before', 'Đơn vị này đã từ chối chấm đơn vị được chấm.');
        if (active.some((x) => x.reviewerId === dto.unitId && x.revieweeId === a.revieweeUnitId)) throw conflict('already_assigned', 'Đơn vị này đã được phân công chấm đơn vị đó.');
        replacement = dto.unitId;
        reciprocal = active.some((x) => x.reviewerId === a.revieweeUnitId && x.revieweeId === dto.unitId);
      } else {
        const result = reassign([...active, { reviewerId: a.reviewerUnitId, revieweeId: a.revieweeUnitId }], a.reviewerUnitId, a.revieweeUnitId, members, ctx.year.rules.reviewsPerUnit, recusedBefore);
        replacement = result.replacement;
        reciprocal = result.reciprocal;
      }
      if (!replacement) throw conflict('no_replacement', 'Không còn đơn vị nào phù hợp để chấm thay (mọi đơn vị khác đều đã chấm hoặc đã từ chối chấm đơn vị này).');
      const createdId = await insertAssignment(em, a.roundId, replacement, a.revieweeUnitId, actor.id);
      await setReplacement(em, assignmentId, createdId);
      await notify(em, actor, { units: [replacement] }, { roundId: a.roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${a.roundId}`, kind: 'assigned', title: `${ctx.round.title}: đơn vị được phân công chấm chéo thay một đơn vị đã từ chối chấm` });
      await this.audit.record(em, actor, { action: 'review.reassign', entityType: 'review_assignment', entityId: createdId, blockId: ctx.year.blockId, after: { replaces: assignmentId, reviewer: replacement, reviewee: a.revieweeUnitId, reciprocal } });
      return a.roundId;
    });
    return this.list(actor, roundId);
  }

  // ---------------------------------------------------------------- scores other than self

  /** Chấm chéo: the actor's unit scores a unit assigned to it. */
  savePeer(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.saveReview(actor, roundId, unitId, criterionId, dto, 'peer');
  }

  /** Thẩm định: the leader or deputy seat appraises a unit (not its own). */
  saveAppraisal(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.saveReview(actor, roundId, unitId, criterionId, dto, 'leader');
  }

  /** Chốt điểm: the leader or deputy seat sets the final score of a criterion (not of its own unit). */
  saveFinal(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.saveReview(actor, roundId, unitId, criterionId, dto, 'final');
  }

  private saveReview(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto, source: Exclude<Source, 'self'>): Promise<SaveResultDto> {
    return this.ds.transaction((em) => this.saveReviewTx(em, actor, roundId, unitId, criterionId, dto, source));
  }

  /** A peer review (chấm chéo), appraisal (thẩm định) or final score (chốt điểm) in the caller's transaction. */
  async saveReviewTx(em: EntityManager, actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto, source: Exclude<Source, 'self'>): Promise<SaveResultDto> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    if (source === 'peer') RoundsPolicy.assertScorer(actor, ctx.year);
    else RoundsPolicy.assertManager(actor, ctx.year);
    RoundsPolicy.assertNotOwnUnit(actor, unitId, WHAT[source]);
    RoundsPolicy.assertPhase(ctx, source === 'final' ? ['final_review'] : ['review'], WHAT[source]);
    if (!(await isYearMember(em, ctx.round.blockYearId, unitId))) throw notFound('Đơn vị không thuộc khối thi đua trong năm của đợt chấm này.');
    if (source === 'peer') {
      if (!(await isAssigned(em, roundId, actor.unitId!, unitId))) throw forbidden('Đơn vị của bạn không được phân công chấm chéo đơn vị này.', 'not_assigned');
    }
    const node = await this.assessments.leaf(em, ctx, criterionId, unitId);
    const self = await selfScoreOf(em, roundId, unitId, criterionId);
    const note = (dto.note ?? '').trim();
    return saveScore(em, this.audit, actor, {
      roundId, blockId: ctx.year.blockId, unitId, node, source, scorerUnitId: actor.unitId!, input: dto, note, version: dto.version,
      check: (value) => {
        if (!value.hasInput || note) return;
        if (reviewNeedsReason(node, value, self ?? null)) {
          const shown = (v: number | null | undefined) => (v === null || v === undefined ? 'chưa có' : formatNumber(v));
          const what = node.type === 'target' ? `giá trị thực hiện ${shown(value.actual)} khác giá trị đơn vị tự khai (${shown(self?.actual)})` : `điểm ${shown(value.score)} khác điểm tự chấm (${shown(self?.score)})`;
          throw badRequest('reason_required', `Tiêu chí ${node.code}: ${what} nên phải ghi lý do.`, { note: 'là bắt buộc khi khác điểm tự chấm' });
        }
      },
    });
  }

  // ---------------------------------------------------------------- internals

  private async assignment(em: EntityManager, id: string, lock: boolean): Promise<AssignmentRow> {
    const a = await selectAssignment(em, id, lock);
    if (!a) throw notFound('Không tìm thấy phân công chấm chéo.');
    return a;
  }

  private async assignments(em: EntityManager, ctx: RoundContext): Promise<AssignmentsDto> {
    const rows = await listAssignments(em, ctx.round.id);
    const active = new Set(rows.filter((r) => r.status === 'active').map((r) => `${r.reviewerUnitId}|${r.revieweeUnitId}`));
    const seed = await assignmentSeed(em, ctx.round.id);
    return {
      roundId: ctx.round.id, seed, reviewsPerUnit: ctx.year.rules.reviewsPerUnit,
      assignments: rows.map((r) => ({
        id: r.id, reviewerUnitId: r.reviewerUnitId, reviewerUnitName: r.reviewerName, revieweeUnitId: r.revieweeUnitId, revieweeUnitName: r.revieweeName,
        status: r.status, recusalReason: r.recusalReason, replacedById: r.replacedById,
        reciprocal: r.status === 'active' && active.has(`${r.revieweeUnitId}|${r.reviewerUnitId}`), scored: r.scored,
      })),
    };
  }
}

