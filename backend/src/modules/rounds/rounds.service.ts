import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { vnDateTime } from '../../common/vn-date';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, forbidden, invalidField } from '../../common/app-error';
import { assertVersion } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { AdvancePreviewService } from './advance-preview.service';
import { formatNumber, round2 } from '@thidua/rules';
import { ScoringService } from '../scoring/scoring.service';
import { loadScoringYear } from '../scoring/year-context';
import { applicability, completeness, effectiveStatus, SelfRowState } from './completeness';
import {
  AdvancePhaseDto, CreateRoundDto, ExtensionDto, ProgressDto, ReminderDto, ReminderResultDto, RoundDto, RoundQueryDto, RoundSummaryDto,
  SetTargetsDto, TargetDto, UpdateRoundDto,
} from './dto/round.dto';
import { notify } from '../notifications/notify';
import { loadRound, RoundContext } from './round-context';
import { RoundData } from './round-data';
import { effectivePhase, nextManualPhase, PHASE_LABELS, ROUND_KIND_LABELS, unitDeadline } from '../../domain/round-phase';
import { RoundsPolicy } from './rounds.policy';
import {
  bumpRoundVersion, databaseNow, deleteRoundTarget, extensionOf, insertRound, listRounds, lockBlockYear, roundOfKind, roundTarget, setRoundPhase, unitProgress,
  updateRoundCalendar, upsertExtension, upsertRoundTarget,
} from './round-row-data';
import { insertSelfAssessments, selfEvidenceCriteria, selfRowStates, selfStatusOf, submittedUnitIds } from './assessment-data';
import { othersHaveScored } from './score-data';
import { activeRevieweesOf } from './review-data';


@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly scoring: ScoringService,
    private readonly data: RoundData,
    private readonly advancePreview: AdvancePreviewService,
  ) {}

  // ---------------------------------------------------------------- reading

  async list(actor: Actor, q: RoundQueryDto): Promise<RoundSummaryDto[]> {
    const year = await loadScoringYear(this.ds.manager, q.blockYearId, actor, () => invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống'));
    RoundsPolicy.assertCanRead(actor, year);
    const rows = await listRounds(this.ds, q.blockYearId);
    return rows.map((r) => {
      const phase = effectivePhase({ phase: r.phase, opensAt: r.opensAt, selfAssessmentUntil: r.selfAssessmentUntil, reviewUntil: r.reviewUntil, explanationUntil: r.explanationUntil, latestExtension: r.latestExtension }, r.now);
      return {
        id: r.id, blockYearId: r.blockYearId, kind: r.kind, title: r.title, phase, phaseLabel: PHASE_LABELS[phase],
        selfAssessmentUntil: new Date(r.selfAssessmentUntil).toISOString(), finalisedAt: r.finalisedAt ? new Date(r.finalisedAt).toISOString() : null,
      };
    });
  }

  async get(actor: Actor, id: string): Promise<RoundDto> {
    const ctx = await loadRound(this.ds.manager, id, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    return this.toDto(this.ds.manager, actor, ctx);
  }

  // ---------------------------------------------------------------- opening and running

  /** Opens a round: the scheme is checked complete and frozen, every member unit gets an empty self-assessment. */
  async create(actor: Actor, dto: CreateRoundDto): Promise<RoundDto> {
    const id = await this.ds.transaction((em) => this.createTx(em, actor, dto));
    return this.get(actor, id);
  }

  /** `create` in the caller's transaction (the demo loader opens its rounds this way); the new round's id. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async createTx(em: EntityManager, actor: Actor, dto: CreateRoundDto, opts: { at?: Date } = {}): Promise<string> {
    const year = await loadScoringYear(em, dto.blockYearId, actor, () => invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống'));
    RoundsPolicy.assertManager(actor, year);
    await lockBlockYear(em, year.blockYearId);
    const now = await databaseNow(em);
    const opensAt = dto.opensAt ? new Date(dto.opensAt) : now;
    const dates = { opensAt, selfAssessmentUntil: new Date(dto.selfAssessmentUntil), reviewUntil: new Date(dto.reviewUntil), explanationUntil: new Date(dto.explanationUntil), finalReviewUntil: dto.finalReviewUntil ? new Date(dto.finalReviewUntil) : null };
    assertCalendar(dates);
    if (dates.selfAssessmentUntil <= now) throw invalidField('selfAssessmentUntil', 'phải là thời điểm trong tương lai');
    const dup = await roundOfKind(em, year.blockYearId, dto.kind);
    if (dup) throw conflict('duplicate_round', `Năm ${year.year} đã có đợt chấm điểm ${ROUND_KIND_LABELS[dto.kind].toLowerCase()} ("${dup.title}").`, { kind: 'đã có đợt chấm điểm loại này' });
    await this.scoring.freezeForRound(em, actor, dto.schemeId, year.blockYearId);
    const title = dto.title ?? `Chấm điểm thi đua ${dto.kind === 'mid_year' ? `6 tháng đầu năm ${year.year}` : `năm ${year.year}`}`;
    const roundId = await insertRound(em, { blockYearId: year.blockYearId, schemeId: dto.schemeId, kind: dto.kind, title, ...dates, createdBy: actor.id });
    const members = (await this.data.members(em, year.blockYearId)).map((m) => m.id);
    await insertSelfAssessments(em, roundId, members);
    await notify(em, actor, { units: members }, { roundId, blockYearId: year.blockYearId, link: `/rounds/${roundId}`, kind: 'round_opened', title: `Đã mở đợt chấm điểm: ${title}`, body: `Hạn nộp bản tự chấm: ${vnDateTime(dates.selfAssessmentUntil)}.`, at: opts.at });
    await this.audit.record(em, actor, {
      action: 'round.create', entityType: 'scoring_round', entityId: roundId, blockId: year.blockId,
      after: { title, kind: dto.kind, schemeId: dto.schemeId, ...Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v?.toISOString() ?? null])), units: members.length },
    });
    return roundId;
  }

  /** Title and calendar: a date that has passed cannot be changed (per-unit extensions exist for that). */
  async update(actor: Actor, id: string, dto: UpdateRoundDto): Promise<RoundDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, id, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review', 'explanation', 'final_review'], 'sửa lịch của đợt chấm');
      assertVersion(ctx.round, dto.version, 'Đợt chấm điểm');
      const r = ctx.round;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const next = { opensAt: r.opensAt, selfAssessmentUntil: r.selfAssessmentUntil, reviewUntil: r.reviewUntil, explanationUntil: r.explanationUntil, finalReviewUntil: r.finalReviewUntil };
      const fields = ['selfAssessmentUntil', 'reviewUntil', 'explanationUntil', 'finalReviewUntil'] as const;
      const label: Record<(typeof fields)[number], string> = { selfAssessmentUntil: 'Hạn tự chấm', reviewUntil: 'Hạn chấm chéo', explanationUntil: 'Hạn giải trình', finalReviewUntil: 'Hạn chốt điểm' };
      for (const f of fields) {
        if (dto[f] === undefined) continue;
        const value = new Date(dto[f]!);
        const old = next[f];
        if (old && old.getTime() === value.getTime()) continue;
        if (old && old <= ctx.now) throw conflict('deadline_passed', `${label[f]} (${vnDateTime(old)}) đã qua nên không sửa được; với từng đơn vị, hãy dùng gia hạn.`);
        if (value <= ctx.now) throw invalidField(f, 'phải là thời điểm trong tương lai');
        before[f] = old?.toISOString() ?? null;
        after[f] = value.toISOString();
        next[f] = value;
      }
      assertCalendar(next);
      if (r.latestExtension && r.latestExtension >= next.reviewUntil) throw invalidField('reviewUntil', 'phải sau hạn gia hạn muộn nhất của các đơn vị');
      if (dto.title !== undefined && dto.title !== r.title) {
        before.title = r.title;
        after.title = dto.title;
      }
      if (!Object.keys(after).length) return;
      await updateRoundCalendar(em, id, dto.title ?? r.title, next);
      await this.audit.record(em, actor, { action: 'round.update', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, before, after, reason: dto.reason });
    });
    return this.get(actor, id);
  }

  /** The leader moves the round to the next phase before its date (finalising has its own act). */
  async advance(actor: Actor, id: string, dto: AdvancePhaseDto): Promise<RoundDto> {
    await this.ds.transaction((em) => this.advanceTx(em, actor, id, dto));
    return this.get(actor, id);
  }

  /** `advance` in the caller's transaction. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async advanceTx(em: EntityManager, actor: Actor, id: string, dto: AdvancePhaseDto, opts: { at?: Date } = {}): Promise<void> {
    const ctx = await loadRound(em, id, actor, 'update');
    RoundsPolicy.assertManager(actor, ctx.year);
    if (dto.to === 'finalised') throw conflict('use_finalise', 'Muốn hoàn tất đợt chấm, hãy dùng chức năng "Hoàn tất và ký chốt kết quả".');
    const next = nextManualPhase(ctx.phase);
    if (next !== dto.to) {
      throw conflict('wrong_phase', next
        ? `Đợt chấm điểm đang ở giai đoạn "${PHASE_LABELS[ctx.phase]}"; chỉ chuyển được sang giai đoạn kế tiếp "${PHASE_LABELS[next]}".`
        : `Đợt chấm điểm đang ở giai đoạn "${PHASE_LABELS[ctx.phase]}", không chuyển tiếp bằng tay được nữa.`);
    }
    // Early (before the self-assessment deadline) only: a switch at the deadline never reaches here in self-assessment.
    const hits = await this.advancePreview.assertConfirmed(em, ctx, dto.confirmation);
    await setRoundPhase(em, id, dto.to);
    const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
    await notify(em, actor, { units: members }, { roundId: id, blockYearId: ctx.round.blockYearId, link: `/rounds/${id}`, kind: 'phase_changed', title: `${ctx.round.title}: chuyển sang giai đoạn "${PHASE_LABELS[dto.to]}"`, at: opts.at });
    await this.audit.record(em, actor, { action: 'round.advance', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, before: { phase: ctx.phase }, after: { phase: dto.to, ...(hits.length ? { lockedUnits: hits.map((h) => ({ unitId: h.unitId, status: h.status, filled: h.filled, required: h.required })) } : {}) }, reason: dto.reason });
  }

  /** Gia hạn for one unit, with a reason; possible until reviewing has started. */
  async extend(actor: Actor, id: string, dto: ExtensionDto): Promise<RoundDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, id, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      const reopensSelfAssessment = ctx.phase === 'review' && ctx.round.storedPhase === 'self_assessment';
      if (reopensSelfAssessment) {
        if (await othersHaveScored(em, id)) throw conflict('wrong_phase', 'Việc chấm chéo, thẩm định đã bắt đầu nên không gia hạn tự chấm được nữa.');
      } else {
        RoundsPolicy.assertPhase(ctx, ['self_assessment'], 'gia hạn nộp bản tự chấm');
      }
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      if (!members.includes(dto.unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
      const until = new Date(dto.until);
      if (until <= ctx.now) throw invalidField('until', 'phải là thời điểm trong tương lai');
      if (until >= ctx.round.reviewUntil) throw invalidField('until', `phải trước hạn chấm chéo (${vnDateTime(ctx.round.reviewUntil)})`);
      const old = await extensionOf(em, id, dto.unitId);
      await upsertExtension(em, { roundId: id, unitId: dto.unitId, until, reason: dto.reason, grantedBy: actor.id });
      await bumpRoundVersion(em, id);
      await notify(em, actor, { units: [dto.unitId] }, { roundId: id, blockYearId: ctx.round.blockYearId, unitId: dto.unitId, link: `/rounds/${id}/units/${dto.unitId}`, kind: 'extension', title: `${ctx.round.title}: đơn vị được gia hạn nộp bản tự chấm đến ${vnDateTime(until)}`, body: dto.reason });
      await this.audit.record(em, actor, {
        action: 'round.extend', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId,
        before: old ? { unitId: dto.unitId, until: new Date(old.until).toISOString() } : null, after: { unitId: dto.unitId, until: until.toISOString() }, reason: dto.reason,
      });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- progress and reminders

  async progress(actor: Actor, id: string): Promise<ProgressDto> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, id, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    if (!RoundsPolicy.canSeeProgress(actor, ctx.year)) throw forbidden('Chỉ đơn vị Khối trưởng, Khối phó và Ban Thi đua – Khen thưởng Thành phố xem được tiến độ của cả khối.');
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    const units = await unitProgress(em, ctx.round.blockYearId, id);
    const self = await this.selfStates(em, id);
    const evidence = await this.evidenceSets(em, id);
    return {
      roundId: id, phase: ctx.phase, now: ctx.now.toISOString(),
      units: units.map((u) => {
        const c = completeness(scheme.rows, applicability(scheme.rows, u.id), self.get(u.id) ?? new Map(), evidence.get(u.id) ?? new Set());
        const deadline = unitDeadline(ctx.round, u.extensionUntil);
        return {
          unitId: u.id, unitName: u.name, status: effectiveStatus(u.status ?? 'draft', ctx.phase), submitted: !!u.submittedAt,
          submittedAt: u.submittedAt ? new Date(u.submittedAt).toISOString() : null, criteriaFilled: c.filled, criteriaRequired: c.required,
          evidenceMissing: c.evidenceMissingCodes.length, evidenceMissingCodes: c.evidenceMissingCodes, deadline: deadline.toISOString(),
          secondsLeft: Math.round((deadline.getTime() - ctx.now.getTime()) / 1000), extensionReason: u.extensionReason ?? null,
          lastSavedAt: u.lastSaved ? new Date(u.lastSaved).toISOString() : null, returnReason: u.status === 'returned' ? u.returnReason : null,
        };
      }),
    };
  }

  /** Nhắc nhở: an in-app notification to the chosen units, by default those that have not submitted. */
  async remind(actor: Actor, id: string, dto: ReminderDto): Promise<ReminderResultDto> {
    return this.ds.transaction((em) => this.remindTx(em, actor, id, dto));
  }

  /** `remind` in the caller's transaction. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async remindTx(em: EntityManager, actor: Actor, id: string, dto: ReminderDto, opts: { at?: Date } = {}): Promise<ReminderResultDto> {
    const ctx = await loadRound(em, id, actor);
    RoundsPolicy.assertManager(actor, ctx.year);
    RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review', 'explanation'], 'gửi nhắc nhở');
    const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
    let unitIds = dto.unitIds;
    if (unitIds) {
      if (unitIds.some((u) => !members.includes(u))) throw invalidField('unitIds', 'chỉ được chọn các đơn vị thành viên của khối trong năm');
    } else {
      const submitted = new Set(await submittedUnitIds(em, id));
      unitIds = members.filter((m) => !submitted.has(m));
    }
    const deadline = vnDateTime(ctx.round.selfAssessmentUntil);
    const body = dto.message || (ctx.phase === 'self_assessment' ? `Đề nghị đơn vị hoàn thành và nộp bản tự chấm trước ${deadline}.` : `Đề nghị đơn vị hoàn thành phần việc của giai đoạn "${PHASE_LABELS[ctx.phase]}".`);
    await notify(em, actor, { units: unitIds }, { roundId: id, blockYearId: ctx.round.blockYearId, link: `/rounds/${id}`, kind: 'reminder', title: `Nhắc nhở: ${ctx.round.title}`, body, at: opts.at });
    await this.audit.record(em, actor, { action: 'round.remind', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, after: { unitIds, message: body } });
    return { sent: unitIds.length, unitIds };
  }

  // ---------------------------------------------------------------- targets

  async targets(actor: Actor, id: string): Promise<TargetDto[]> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, id, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    return this.targetList(em, ctx);
  }

  /** Chỉ tiêu entered in the round (when the covenant has none for a unit, or to correct it); null removes one. */
  async setTargets(actor: Actor, id: string, dto: SetTargetsDto): Promise<TargetDto[]> {
    await this.ds.transaction((em) => this.setTargetsTx(em, actor, id, dto));
    return this.targets(actor, id);
  }

  /** `setTargets` in the caller's transaction. */
  async setTargetsTx(em: EntityManager, actor: Actor, id: string, dto: SetTargetsDto): Promise<void> {
    const ctx = await loadRound(em, id, actor, 'update');
    RoundsPolicy.assertManager(actor, ctx.year);
    RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review'], 'nhập chỉ tiêu');
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    const members = new Set((await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id));
    const changes: { unitId: string; code: string; before: number | null; after: number | null }[] = [];
    for (const t of dto.targets) {
      const c = scheme.byId.get(t.criterionId);
      if (!c) throw invalidField('targets.criterionId', 'không phải tiêu chí của biểu chấm điểm của đợt');
      if (c.type !== 'target') throw badRequest('not_target', `Tiêu chí ${c.code}: không phải tiêu chí theo chỉ tiêu nên không nhập chỉ tiêu.`, { [c.code]: 'không phải tiêu chí theo chỉ tiêu' });
      if (!members.has(t.unitId)) throw invalidField('targets.unitId', 'không phải đơn vị thành viên của khối trong năm');
      if (t.target !== null && (!Number.isFinite(t.target) || t.target < 0 || round2(t.target) !== t.target)) {
        throw badRequest('invalid_target', `Tiêu chí ${c.code}: chỉ tiêu phải là số không âm, tối đa 2 chữ số thập phân (đang là ${formatNumber(t.target)}).`, { [c.code]: 'chỉ tiêu không hợp lệ' });
      }
      const old = await roundTarget(em, id, t.unitId, t.criterionId);
      if ((old?.target ?? null) === t.target) continue;
      if (t.target === null) await deleteRoundTarget(em, id, t.unitId, t.criterionId);
      else await upsertRoundTarget(em, { roundId: id, unitId: t.unitId, criterionId: t.criterionId, target: t.target, updatedBy: actor.id });
      changes.push({ unitId: t.unitId, code: c.code, before: old?.target ?? null, after: t.target });
    }
    if (changes.length) await this.audit.record(em, actor, { action: 'round.targets', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, after: { changes } });
  }

  // ---------------------------------------------------------------- internals

  /** unit → criterion → whether its self row holds a value / declares an event. */
  async selfStates(em: EntityManager, roundId: string, unitId?: string): Promise<Map<string, Map<string, SelfRowState>>> {
    const rows = await selfRowStates(em, roundId, unitId ?? null);
    const out = new Map<string, Map<string, SelfRowState>>();
    for (const r of rows) {
      const m = out.get(r.unitId) ?? new Map<string, SelfRowState>();
      m.set(r.criterionId, { filled: r.filled, declared: r.declared });
      out.set(r.unitId, m);
    }
    return out;
  }

  /** unit → criteria with at least one self-assessment evidence file. */
  async evidenceSets(em: EntityManager, roundId: string, unitId?: string): Promise<Map<string, Set<string>>> {
    const rows = await selfEvidenceCriteria(em, roundId, unitId ?? null);
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.unitId, (out.get(r.unitId) ?? new Set()).add(r.criterionId));
    return out;
  }

  private async targetList(em: EntityManager, ctx: RoundContext): Promise<TargetDto[]> {
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    const targets = await this.data.targets(em, ctx, scheme);
    const members = await this.data.members(em, ctx.round.blockYearId);
    const out: TargetDto[] = [];
    for (const c of scheme.rows.filter((r) => r.type === 'target')) {
      for (const m of members) {
        if (c.notApplicableUnitIds.includes(m.id)) continue;
        const t = targets.get(`${m.id}|${c.id}`);
        out.push({ unitId: m.id, criterionId: c.id, code: c.code, target: t?.target ?? null, source: t?.source ?? 'none' });
      }
    }
    return out;
  }

  private async toDto(em: EntityManager, actor: Actor, ctx: RoundContext): Promise<RoundDto> {
    const r = ctx.round;
    const units = await this.data.members(em, r.blockYearId);
    let myUnit: RoundDto['myUnit'] = null;
    const own = actor.unitId && units.some((u) => u.id === actor.unitId) ? actor.unitId : null;
    if (own) {
      const sa = await selfStatusOf(em, r.id, own);
      const reviews = await activeRevieweesOf(em, r.id, own);
      myUnit = { unitId: own, deadline: unitDeadline(r, sa?.until ?? null).toISOString(), status: effectiveStatus(sa?.status ?? 'draft', ctx.phase), reviews };
    }
    const manager = RoundsPolicy.isManager(actor, ctx.year);
    return {
      id: r.id, blockYearId: r.blockYearId, blockName: ctx.year.blockName, year: ctx.year.year, schemeId: r.schemeId, schemeTitle: r.schemeTitle,
      schemeVersionNo: r.schemeVersionNo, kind: r.kind, title: r.title, phase: ctx.phase, phaseLabel: PHASE_LABELS[ctx.phase], isOpen: ctx.now >= r.opensAt,
      opensAt: r.opensAt.toISOString(), selfAssessmentUntil: r.selfAssessmentUntil.toISOString(), reviewUntil: r.reviewUntil.toISOString(),
      explanationUntil: r.explanationUntil.toISOString(), finalReviewUntil: r.finalReviewUntil?.toISOString() ?? null, finalisedAt: r.finalisedAt?.toISOString() ?? null,
      units, myUnit,
      permissions: {
        canManage: RoundsPolicy.canManage(actor, ctx.year),
        canSelfAssess: !!myUnit && ctx.phase === 'self_assessment' && ctx.now >= r.opensAt && ['draft', 'returned'].includes(myUnit.status),
        canSeeRanking: isCityWide(actor) || manager || ctx.phase === 'finalised',
        canSeeProgress: RoundsPolicy.canSeeProgress(actor, ctx.year),
      },
      version: r.version,
    };
  }
}

function assertCalendar(d: { opensAt: Date; selfAssessmentUntil: Date; reviewUntil: Date; explanationUntil: Date; finalReviewUntil: Date | null }): void {
  if (!(d.opensAt < d.selfAssessmentUntil)) throw invalidField('selfAssessmentUntil', 'phải sau thời điểm mở đợt chấm');
  if (!(d.selfAssessmentUntil < d.reviewUntil)) throw invalidField('reviewUntil', 'phải sau hạn tự chấm');
  if (!(d.reviewUntil < d.explanationUntil)) throw invalidField('explanationUntil', 'phải sau hạn chấm chéo');
  if (d.finalReviewUntil && !(d.explanationUntil < d.finalReviewUntil)) throw invalidField('finalReviewUntil', 'phải sau hạn giải trình');
}


