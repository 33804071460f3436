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
    const ctx = await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, roundId, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'phân công chấm chéo');
      const [started] = await em.query(`SELECT 1 FROM score_entries WHERE round_id = $1 AND source = 'peer' LIMIT 1`, [roundId]);
      if (started) throw conflict('reviews_started', 'Các đơn vị đã bắt đầu chấm chéo nên không phân công lại toàn bộ được; hãy dùng từ chối chấm và phân công thay thế.');
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      const k = ctx.year.rules.reviewsPerUnit;
      const seed = dto.seed ?? randomInt(0, 2 ** 31 - 1);
      const list = generateAssignments(members, k, seed);
      const [old] = await em.query('SELECT count(*)::int AS n FROM review_assignments WHERE round_id = $1', [roundId]);
      await em.query('DELETE FROM review_assignments WHERE round_id = $1', [roundId]);
      if (list.length) {
        await em.query(
          `INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id, created_by) SELECT $1, a, b, $4 FROM unnest($2::uuid[], $3::uuid[]) AS t(a, b)`,
          [roundId, list.map((a) => a.reviewerId), list.map((a) => a.revieweeId), actor.id]);
      }
      await em.query('UPDATE scoring_rounds SET assignment_seed = $2, version = version + 1, updated_at = now() WHERE id = $1', [roundId, seed]);
      await notify(em, actor, { units: [...new Set(list.map((a) => a.reviewerId))] }, { roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${roundId}`, kind: 'assigned', title: `${ctx.round.title}: đơn vị được phân công chấm chéo ${reviewsPerUnit(members.length, k)} đơn vị` });
      await this.audit.record(em, actor, { action: 'round.assign', entityType: 'scoring_round', entityId: roundId, blockId: ctx.year.blockId, before: { assignments: old.n }, after: { seed, k, assignments: list } });
      return ctx;
    });
    return this.assignments(this.ds.manager, ctx);
  }

  /** A reviewer declines an assignment for a conflict of interest; the leader then reassigns it. */
  async recuse(actor: Actor, assignmentId: string, reason: string): Promise<AssignmentsDto> {
    const roundId = await this.ds.transaction(async (em) => {
      const a = await this.assignment(em, assignmentId, true);
      const ctx = await loadRound(em, a.round_id, actor, 'share');
      RoundsPolicy.assertScorer(actor, ctx.year);
      if (actor.unitId !== a.reviewer_unit_id) throw forbidden('Chỉ đơn vị được phân công mới từ chối chấm được.');
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'từ chối chấm chéo');
      if (a.status !== 'active') throw conflict('already_recused', 'Phân công này đã được từ chối trước đó.');
      await em.query(`UPDATE review_assignments SET status = 'recused', recusal_reason = $2, recused_at = now(), recused_by = $3 WHERE id = $1`, [assignmentId, reason, actor.id]);
      const seats = [ctx.year.leaderUnitId, ctx.year.deputyUnitId].filter((x): x is string => !!x);
      const [u] = await em.query('SELECT name FROM units WHERE id = $1', [a.reviewee_unit_id]);
      await notify(em, actor, { units: seats }, { roundId: a.round_id, blockYearId: ctx.round.blockYearId, link: `/rounds/${a.round_id}`, kind: 'recused', title: `${ctx.round.title}: một đơn vị từ chối chấm chéo ${u?.name ?? ''}, cần phân công thay thế`, body: reason });
      await this.audit.record(em, actor, { action: 'review.recuse', entityType: 'review_assignment', entityId: assignmentId, blockId: ctx.year.blockId, before: { status: 'active' }, after: { status: 'recused', reviewer: a.reviewer_unit_id, reviewee: a.reviewee_unit_id }, reason });
      return a.round_id as string;
    });
    return this.list(actor, roundId);
  }

  /** The leader replaces a recused reviewer: the given unit, or the one the assignment rules pick. */
  async reassign(actor: Actor, assignmentId: string, dto: ReassignDto): Promise<AssignmentsDto> {
    const roundId = await this.ds.transaction(async (em) => {
      const a = await this.assignment(em, assignmentId, false);
      const ctx = await loadRound(em, a.round_id, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'phân công chấm thay');
      const [locked] = await em.query('SELECT status, replaced_by_id FROM review_assignments WHERE id = $1 FOR UPDATE', [assignmentId]);
      if (locked.status !== 'recused') throw conflict('not_recused', 'Chỉ phân công thay cho đơn vị đã từ chối chấm.');
      if (locked.replaced_by_id) throw conflict('already_replaced', 'Phân công này đã có đơn vị chấm thay.');
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      const all: { reviewer_unit_id: string; reviewee_unit_id: string; status: string }[] = await em.query(
        'SELECT reviewer_unit_id, reviewee_unit_id, status FROM review_assignments WHERE round_id = $1', [a.round_id]);
      const active = all.filter((x) => x.status === 'active').map((x) => ({ reviewerId: x.reviewer_unit_id, revieweeId: x.reviewee_unit_id }));
      const recusedBefore = all.filter((x) => x.status === 'recused' && x.reviewee_unit_id === a.reviewee_unit_id).map((x) => x.reviewer_unit_id);
      let replacement: string | null;
      let reciprocal = false;
      if (dto.unitId) {
        if (!members.includes(dto.unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
        if (dto.unitId === a.reviewee_unit_id) throw conflict('own_unit', 'Không phân công một đơn vị tự chấm chéo cho chính mình.');
        if (recusedBefore.includes(dto.unitId)) throw conflict('recused_before', 'Đơn vị này đã từ chối chấm đơn vị được chấm.');
        if (active.some((x) => x.reviewerId === dto.unitId && x.revieweeId === a.reviewee_unit_id)) throw conflict('already_assigned', 'Đơn vị này đã được phân công chấm đơn vị đó.');
        replacement = dto.unitId;
        reciprocal = active.some((x) => x.reviewerId === a.reviewee_unit_id && x.revieweeId === dto.unitId);
      } else {
        const result = reassign([...active, { reviewerId: a.reviewer_unit_id, revieweeId: a.reviewee_unit_id }], a.reviewer_unit_id, a.reviewee_unit_id, members, ctx.year.rules.reviewsPerUnit, recusedBefore);
        replacement = result.replacement;
        reciprocal = result.reciprocal;
      }
      if (!replacement) throw conflict('no_replacement', 'Không còn đơn vị nào phù hợp để chấm thay (mọi đơn vị khác đều đã chấm hoặc đã từ chối chấm đơn vị này).');
      const [created] = await em.query('INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id, created_by) VALUES ($1,$2,$3,$4) RETURNING id', [a.round_id, replacement, a.reviewee_unit_id, actor.id]);
      await em.query('UPDATE review_assignments SET replaced_by_id = $2 WHERE id = $1', [assignmentId, created.id]);
      await notify(em, actor, { units: [replacement] }, { roundId: a.round_id, blockYearId: ctx.round.blockYearId, link: `/rounds/${a.round_id}`, kind: 'assigned', title: `${ctx.round.title}: đơn vị được phân công chấm chéo thay một đơn vị đã từ chối chấm` });
      await this.audit.record(em, actor, { action: 'review.reassign', entityType: 'review_assignment', entityId: created.id, blockId: ctx.year.blockId, after: { replaces: assignmentId, reviewer: replacement, reviewee: a.reviewee_unit_id, reciprocal } });
      return a.round_id as string;
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

  private async saveReview(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto, source: Exclude<Source, 'self'>): Promise<SaveResultDto> {
    return this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, roundId, actor, 'share');
      if (source === 'peer') RoundsPolicy.assertScorer(actor, ctx.year);
      else RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertNotOwnUnit(actor, unitId, WHAT[source]);
      RoundsPolicy.assertPhase(ctx, source === 'final' ? ['final_review'] : ['review'], WHAT[source]);
      const [member] = await em.query('SELECT 1 FROM block_year_members WHERE block_year_id = $1 AND unit_id = $2', [ctx.round.blockYearId, unitId]);
      if (!member) throw notFound('Đơn vị không thuộc khối thi đua trong năm của đợt chấm này.');
      if (source === 'peer') {
        const [assigned] = await em.query(`SELECT 1 FROM review_assignments WHERE round_id = $1 AND reviewer_unit_id = $2 AND reviewee_unit_id = $3 AND status = 'active'`, [roundId, actor.unitId, unitId]);
        if (!assigned) throw forbidden('Đơn vị của bạn không được phân công chấm chéo đơn vị này.', 'not_assigned');
      }
      const node = await this.assessments.leaf(em, ctx, criterionId, unitId);
      const [self] = await em.query(`SELECT score::float8 AS score, actual::float8 AS actual FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [roundId, unitId, criterionId]);
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
    });
  }

  // ---------------------------------------------------------------- internals

  private async assignment(em: EntityManager, id: string, lock: boolean) {
    const [a] = await em.query(`SELECT id, round_id, reviewer_unit_id, reviewee_unit_id, status FROM review_assignments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!a) throw notFound('Không tìm thấy phân công chấm chéo.');
    return a;
  }

  private async assignments(em: EntityManager, ctx: RoundContext): Promise<AssignmentsDto> {
    const rows: Record<string, any>[] = await em.query(
      `SELECT a.id, a.reviewer_unit_id, ru.name AS reviewer_name, a.reviewee_unit_id, eu.name AS reviewee_name, a.status, a.recusal_reason, a.replaced_by_id,
              (SELECT count(*)::int FROM score_entries s WHERE s.round_id = a.round_id AND s.source = 'peer' AND s.scorer_unit_id = a.reviewer_unit_id AND s.unit_id = a.reviewee_unit_id) AS scored
       FROM review_assignments a JOIN units ru ON ru.id = a.reviewer_unit_id JOIN units eu ON eu.id = a.reviewee_unit_id
       WHERE a.round_id = $1 ORDER BY ru.name, eu.name, a.created_at`, [ctx.round.id]);
    const active = new Set(rows.filter((r) => r.status === 'active').map((r) => `${r.reviewer_unit_id}|${r.reviewee_unit_id}`));
    const [seed] = await em.query('SELECT assignment_seed FROM scoring_rounds WHERE id = $1', [ctx.round.id]);
    return {
      roundId: ctx.round.id, seed: seed?.assignment_seed ?? null, reviewsPerUnit: ctx.year.rules.reviewsPerUnit,
      assignments: rows.map((r) => ({
        id: r.id, reviewerUnitId: r.reviewer_unit_id, reviewerUnitName: r.reviewer_name, revieweeUnitId: r.reviewee_unit_id, revieweeUnitName: r.reviewee_name,
        status: r.status, recusalReason: r.recusal_reason, replacedById: r.replaced_by_id,
        reciprocal: r.status === 'active' && active.has(`${r.reviewee_unit_id}|${r.reviewer_unit_id}`), scored: r.scored,
      })),
    };
  }
}

