import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { vnDateTime } from '../../common/vn-date';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
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
    const rows = await this.ds.query(
      `SELECT r.id, r.block_year_id, r.kind, r.title, r.phase, r.opens_at, r.self_assessment_until, r.review_until, r.explanation_until, r.finalised_at,
              (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS latest_extension, now() AS now
       FROM scoring_rounds r WHERE r.block_year_id = $1 ORDER BY r.opens_at DESC`, [q.blockYearId]);
    return rows.map((r: Record<string, any>) => {
      const phase = effectivePhase({ phase: r.phase, opensAt: r.opens_at, selfAssessmentUntil: r.self_assessment_until, reviewUntil: r.review_until, explanationUntil: r.explanation_until, latestExtension: r.latest_extension }, r.now);
      return {
        id: r.id, blockYearId: r.block_year_id, kind: r.kind, title: r.title, phase, phaseLabel: PHASE_LABELS[phase],
        selfAssessmentUntil: new Date(r.self_assessment_until).toISOString(), finalisedAt: r.finalised_at ? new Date(r.finalised_at).toISOString() : null,
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
    const id = await this.ds.transaction(async (em) => {
      const year = await loadScoringYear(em, dto.blockYearId, actor, () => invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống'));
      RoundsPolicy.assertManager(actor, year);
      await em.query('SELECT id FROM block_years WHERE id = $1 FOR UPDATE', [year.blockYearId]);
      const [{ now }] = await em.query('SELECT now() AS now');
      const opensAt = dto.opensAt ? new Date(dto.opensAt) : now;
      const dates = { opensAt, selfAssessmentUntil: new Date(dto.selfAssessmentUntil), reviewUntil: new Date(dto.reviewUntil), explanationUntil: new Date(dto.explanationUntil), finalReviewUntil: dto.finalReviewUntil ? new Date(dto.finalReviewUntil) : null };
      assertCalendar(dates);
      if (dates.selfAssessmentUntil <= now) throw invalidField('selfAssessmentUntil', 'phải là thời điểm trong tương lai');
      const [dup] = await em.query('SELECT title FROM scoring_rounds WHERE block_year_id = $1 AND kind = $2', [year.blockYearId, dto.kind]);
      if (dup) throw conflict('duplicate_round', `Năm ${year.year} đã có đợt chấm điểm ${ROUND_KIND_LABELS[dto.kind].toLowerCase()} ("${dup.title}").`, { kind: 'đã có đợt chấm điểm loại này' });
      await this.scoring.freezeForRound(em, actor, dto.schemeId, year.blockYearId);
      const title = dto.title ?? `Chấm điểm thi đua ${dto.kind === 'mid_year' ? `6 tháng đầu năm ${year.year}` : `năm ${year.year}`}`;
      const [round] = await em.query(
        `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, opens_at, self_assessment_until, review_until, explanation_until, final_review_until, created_by, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,1) RETURNING id`,
        [year.blockYearId, dto.schemeId, dto.kind, title, dates.opensAt, dates.selfAssessmentUntil, dates.reviewUntil, dates.explanationUntil, dates.finalReviewUntil, actor.id]);
      const members = (await this.data.members(em, year.blockYearId)).map((m) => m.id);
      await em.query(`INSERT INTO self_assessments (round_id, unit_id, version) SELECT $1, u, 1 FROM unnest($2::uuid[]) AS u`, [round.id, members]);
      await notify(em, actor, { units: members }, { roundId: round.id, blockYearId: year.blockYearId, link: `/rounds/${round.id}`, kind: 'round_opened', title: `Đã mở đợt chấm điểm: ${title}`, body: `Hạn nộp bản tự chấm: ${vnDateTime(dates.selfAssessmentUntil)}.` });
      await this.audit.record(em, actor, {
        action: 'round.create', entityType: 'scoring_round', entityId: round.id, blockId: year.blockId,
        after: { title, kind: dto.kind, schemeId: dto.schemeId, ...Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v?.toISOString() ?? null])), units: members.length },
      });
      return round.id as string;
    });
    return this.get(actor, id);
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
      await em.query(
        `UPDATE scoring_rounds SET title = $2, self_assessment_until = $3, review_until = $4, explanation_until = $5, final_review_until = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.title ?? r.title, next.selfAssessmentUntil, next.reviewUntil, next.explanationUntil, next.finalReviewUntil]);
      await this.audit.record(em, actor, { action: 'round.update', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, before, after, reason: dto.reason });
    });
    return this.get(actor, id);
  }

  /** The leader moves the round to the next phase before its date (finalising has its own act). */
  async advance(actor: Actor, id: string, dto: AdvancePhaseDto): Promise<RoundDto> {
    await this.ds.transaction(async (em) => {
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
      await em.query(`UPDATE scoring_rounds SET phase = $2, phase_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, dto.to]);
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      await notify(em, actor, { units: members }, { roundId: id, blockYearId: ctx.round.blockYearId, link: `/rounds/${id}`, kind: 'phase_changed', title: `${ctx.round.title}: chuyển sang giai đoạn "${PHASE_LABELS[dto.to]}"` });
      await this.audit.record(em, actor, { action: 'round.advance', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, before: { phase: ctx.phase }, after: { phase: dto.to, ...(hits.length ? { lockedUnits: hits.map((h) => ({ unitId: h.unitId, status: h.status, filled: h.filled, required: h.required })) } : {}) }, reason: dto.reason });
    });
    return this.get(actor, id);
  }

  /** Gia hạn for one unit, with a reason; possible until reviewing has started. */
  async extend(actor: Actor, id: string, dto: ExtensionDto): Promise<RoundDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, id, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      const reopensSelfAssessment = ctx.phase === 'review' && ctx.round.storedPhase === 'self_assessment';
      if (reopensSelfAssessment) {
        const [started] = await em.query(`SELECT 1 FROM score_entries WHERE round_id = $1 AND source <> 'self' LIMIT 1`, [id]);
        if (started) throw conflict('wrong_phase', 'Việc chấm chéo, thẩm định đã bắt đầu nên không gia hạn tự chấm được nữa.');
      } else {
        RoundsPolicy.assertPhase(ctx, ['self_assessment'], 'gia hạn nộp bản tự chấm');
      }
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      if (!members.includes(dto.unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
      const until = new Date(dto.until);
      if (until <= ctx.now) throw invalidField('until', 'phải là thời điểm trong tương lai');
      if (until >= ctx.round.reviewUntil) throw invalidField('until', `phải trước hạn chấm chéo (${vnDateTime(ctx.round.reviewUntil)})`);
      const [old] = await em.query('SELECT until, reason FROM round_extensions WHERE round_id = $1 AND unit_id = $2', [id, dto.unitId]);
      await em.query(
        `INSERT INTO round_extensions (round_id, unit_id, until, reason, granted_by) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (round_id, unit_id) DO UPDATE SET until = EXCLUDED.until, reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by, granted_at = now()`,
        [id, dto.unitId, until, dto.reason, actor.id]);
      await em.query('UPDATE scoring_rounds SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
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
    const units: Record<string, any>[] = await em.query(
      `SELECT u.id, u.name, sa.status, sa.submitted_at, sa.return_reason, e.until AS extension_until, e.reason AS extension_reason,
              (SELECT max(s.updated_at) FROM score_entries s WHERE s.round_id = $2 AND s.unit_id = u.id AND s.source = 'self') AS last_saved
       FROM block_year_members m JOIN units u ON u.id = m.unit_id
       LEFT JOIN self_assessments sa ON sa.round_id = $2 AND sa.unit_id = u.id
       LEFT JOIN round_extensions e ON e.round_id = $2 AND e.unit_id = u.id
       WHERE m.block_year_id = $1 ORDER BY u.name`, [ctx.round.blockYearId, id]);
    const self = await this.selfStates(em, id);
    const evidence = await this.evidenceSets(em, id);
    return {
      roundId: id, phase: ctx.phase, now: ctx.now.toISOString(),
      units: units.map((u) => {
        const c = completeness(scheme.rows, applicability(scheme.rows, u.id), self.get(u.id) ?? new Map(), evidence.get(u.id) ?? new Set());
        const deadline = unitDeadline(ctx.round, u.extension_until);
        return {
          unitId: u.id, unitName: u.name, status: effectiveStatus(u.status ?? 'draft', ctx.phase), submitted: !!u.submitted_at,
          submittedAt: u.submitted_at ? new Date(u.submitted_at).toISOString() : null, criteriaFilled: c.filled, criteriaRequired: c.required,
          evidenceMissing: c.evidenceMissingCodes.length, evidenceMissingCodes: c.evidenceMissingCodes, deadline: deadline.toISOString(),
          secondsLeft: Math.round((deadline.getTime() - ctx.now.getTime()) / 1000), extensionReason: u.extension_reason ?? null,
          lastSavedAt: u.last_saved ? new Date(u.last_saved).toISOString() : null, returnReason: u.status === 'returned' ? u.return_reason : null,
        };
      }),
    };
  }

  /** Nhắc nhở: an in-app notification to the chosen units, by default those that have not submitted. */
  async remind(actor: Actor, id: string, dto: ReminderDto): Promise<ReminderResultDto> {
    return this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, id, actor);
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment', 'review', 'explanation'], 'gửi nhắc nhở');
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      let unitIds = dto.unitIds;
      if (unitIds) {
        if (unitIds.some((u) => !members.includes(u))) throw invalidField('unitIds', 'chỉ được chọn các đơn vị thành viên của khối trong năm');
      } else {
        const submitted = new Set((await em.query(`SELECT unit_id FROM self_assessments WHERE round_id = $1 AND status = 'submitted'`, [id])).map((r: { unit_id: string }) => r.unit_id));
        unitIds = members.filter((m) => !submitted.has(m));
      }
      const deadline = vnDateTime(ctx.round.selfAssessmentUntil);
      const body = dto.message || (ctx.phase === 'self_assessment' ? `Đề nghị đơn vị hoàn thành và nộp bản tự chấm trước ${deadline}.` : `Đề nghị đơn vị hoàn thành phần việc của giai đoạn "${PHASE_LABELS[ctx.phase]}".`);
      await notify(em, actor, { units: unitIds }, { roundId: id, blockYearId: ctx.round.blockYearId, link: `/rounds/${id}`, kind: 'reminder', title: `Nhắc nhở: ${ctx.round.title}`, body });
      await this.audit.record(em, actor, { action: 'round.remind', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, after: { unitIds, message: body } });
      return { sent: unitIds.length, unitIds };
    });
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
    await this.ds.transaction(async (em) => {
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
        const [old] = await em.query('SELECT target::float8 AS target FROM round_targets WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3', [id, t.unitId, t.criterionId]);
        if ((old?.target ?? null) === t.target) continue;
        if (t.target === null) await em.query('DELETE FROM round_targets WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3', [id, t.unitId, t.criterionId]);
        else {
          await em.query(
            `INSERT INTO round_targets (round_id, unit_id, criterion_id, target, updated_by) VALUES ($1,$2,$3,$4,$5)
             ON CONFLICT (round_id, unit_id, criterion_id) DO UPDATE SET target = EXCLUDED.target, updated_by = EXCLUDED.updated_by, updated_at = now()`,
            [id, t.unitId, t.criterionId, t.target, actor.id]);
        }
        changes.push({ unitId: t.unitId, code: c.code, before: old?.target ?? null, after: t.target });
      }
      if (changes.length) await this.audit.record(em, actor, { action: 'round.targets', entityType: 'scoring_round', entityId: id, blockId: ctx.year.blockId, after: { changes } });
    });
    return this.targets(actor, id);
  }

  // ---------------------------------------------------------------- internals

  /** unit → criterion → whether its self row holds a value / declares an event. */
  async selfStates(em: EntityManager, roundId: string, unitId?: string): Promise<Map<string, Map<string, SelfRowState>>> {
    const rows: { unit_id: string; criterion_id: string; filled: boolean; declared: boolean }[] = await em.query(
      `SELECT unit_id, criterion_id, (score IS NOT NULL OR actual IS NOT NULL OR passed IS NOT NULL OR count IS NOT NULL OR items IS NOT NULL) AS filled,
              (items IS NOT NULL AND items <> '{}'::jsonb) AS declared
       FROM score_entries WHERE round_id = $1 AND source = 'self' AND ($2::uuid IS NULL OR unit_id = $2)`, [roundId, unitId ?? null]);
    const out = new Map<string, Map<string, SelfRowState>>();
    for (const r of rows) {
      const m = out.get(r.unit_id) ?? new Map<string, SelfRowState>();
      m.set(r.criterion_id, { filled: r.filled, declared: r.declared });
      out.set(r.unit_id, m);
    }
    return out;
  }

  /** unit → criteria with at least one self-assessment evidence file. */
  async evidenceSets(em: EntityManager, roundId: string, unitId?: string): Promise<Map<string, Set<string>>> {
    const rows: { unit_id: string; criterion_id: string }[] = await em.query(
      `SELECT DISTINCT unit_id, criterion_id FROM evidence_files WHERE round_id = $1 AND purpose = 'self' AND ($2::uuid IS NULL OR unit_id = $2)`, [roundId, unitId ?? null]);
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.unit_id, (out.get(r.unit_id) ?? new Set()).add(r.criterion_id));
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
      const [sa] = await em.query(
        `SELECT sa.status, e.until FROM self_assessments sa LEFT JOIN round_extensions e ON e.round_id = sa.round_id AND e.unit_id = sa.unit_id WHERE sa.round_id = $1 AND sa.unit_id = $2`, [r.id, own]);
      const reviews = await em.query(`SELECT reviewee_unit_id FROM review_assignments WHERE round_id = $1 AND reviewer_unit_id = $2 AND status = 'active'`, [r.id, own]);
      myUnit = {
        unitId: own, deadline: unitDeadline(r, sa?.until ?? null).toISOString(), status: effectiveStatus(sa?.status ?? 'draft', ctx.phase),
        reviews: reviews.map((x: { reviewee_unit_id: string }) => x.reviewee_unit_id),
      };
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


