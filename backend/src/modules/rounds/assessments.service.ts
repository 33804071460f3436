import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { vnDateTime } from '../../common/vn-date';
import { Actor, isCityWide, SessionClaim } from '../../common/actor';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import { admit, readSession } from '../auth/session-claim';
import { computeTotals, LeafNode, lowersScore, scoreCriterion, TargetOutcome } from '@thidua/rules';
import type { StoredCriterion } from '../scoring/scoring.service';
import { NewsService } from '../news/news.service';
import { applicability, completeness, effectiveStatus } from './completeness';
import {
  AssessmentDto, AssessmentRowDto, AssessmentTotalsDto, AutomaticCountDto, EvidenceDto, ExplanationResultDto, SaveResultDto, ScoreRowDto, SourceScoreDto, TargetFormulaDto,
} from './dto/assessment.dto';
import { ExplanationInputDto, ScoreInputDto } from './dto/round.dto';
import { ALLOWED_EVIDENCE_LABEL, detectEvidenceType, MAX_EVIDENCE_BYTES, storedFileName } from './evidence-type';
import { notify } from '../notifications/notify';
import { loadRound, RoundContext, toRoundContext } from './round-context';
import { RoundData, RoundScheme } from './round-data';
import { phaseIndex, unitDeadline } from '../../domain/round-phase';
import { awardFactLine, isAwardItem } from './award-bonus';
import { computeResults, divergence, targetOutcomeWith } from './round-results';
import { RoundsPolicy } from './rounds.policy';
import { CheckedRow, saveScore, SaveScoreArgs, saveSeenScoreAtOnce, toScoreRow } from './score-store';
import {
  backToDraft, confirmSubmission, criterionCode, deleteEvidenceFile, evidenceFile, evidenceWithContent, insertEvidence, insertSelfAssessment, isRoundMember,
  isYearMember, lockExplanation, requestConfirmation, returnSelfAssessment, selectSelfAssessment, type SelfAssessmentRow, selfContextRow, submitByHead,
  unitEvidence, unitExplanations, unitName, unitSelfEvidenceCriteria, unitSelfRowStates, upsertExplanation,
} from './assessment-data';
import { isAssigned } from './review-data';
import { loweringScores, selfRowVersion, unitScoreRows } from './score-data';
import { sha256 } from './score-hash';


/** How the actor stands to a unit in a round. */
interface Relation {
  own: boolean;
  manager: boolean;
  board: boolean;
  reviewer: boolean;
}

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly data: RoundData, private readonly news: NewsService,
  ) {}

  // ---------------------------------------------------------------- the form

  /** The unit's assessment: the tree with its self scores and evidence, and whatever other sources the actor may see. */
  async get(actor: Actor, roundId: string, unitId: string): Promise<AssessmentDto> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, roundId, actor);
    const rel = await this.relation(em, actor, ctx, unitId);
    const sa = await this.selfAssessment(em, roundId, unitId);
    const read = await this.data.resultsInput(em, ctx);
    const { scheme, units, awardFacts } = read;
    const automatic = await this.automaticCounts(em, ctx, scheme.rows, unitId);
    let input = read.input;
    // Until the unit submits (when the counts are written into its self rows), its form counts the items published so far;
    // once submitted, the items published by then (what the stored count is).
    const live = ctx.phase === 'self_assessment' && (sa.status === 'draft' || sa.status === 'returned');
    if (!live && sa.submittedAt) {
      const until = new Date(sa.submittedAt).toISOString();
      for (const a of automatic.values()) {
        a.items = a.items.filter((i) => i.publishedAt <= until);
        a.count = a.items.length;
      }
    }
    if (automatic.size && live) {
      const live = [...automatic].map(([criterionId, a]) => {
        const result = scoreCriterion(scheme.nodeById.get(criterionId)!, { count: a.count });
        return { unitId, criterionId, source: 'self' as const, scorerUnitId: unitId, score: result.ok ? result.score : null, actual: null };
      });
      input = { ...input, entries: [...input.entries.filter((e) => !(e.unitId === unitId && e.source === 'self' && automatic.has(e.criterionId))), ...live] };
    }
    const results = computeResults(input);
    const unit = units.find((u) => u.id === unitId)!;
    const awards = (awardFacts.get(unitId) ?? []).map((f) => ({ ...f, text: awardFactLine(f) }));
    const seeSources = rel.manager || rel.board || (rel.own && phaseIndex(ctx.phase) >= phaseIndex('explanation'));
    const seeExplanations = rel.own || rel.manager || rel.board;
    const applicable = applicability(scheme.rows, unitId);

    const rows: ScoreRowDto[] = (await unitScoreRows(em, roundId, unitId)).map(toScoreRow);
    const evidence = await this.evidenceList(em, roundId, unitId, seeExplanations);
    const explanations = seeExplanations ? await unitExplanations(em, roundId, unitId) : [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    const targets = input.targets;
    const selfActuals = new Map<string, Map<string, number>>();
    for (const e of input.entries) {
      if (e.source !== 'self' || e.actual === null) continue;
      selfActuals.set(e.criterionId, (selfActuals.get(e.criterionId) ?? new Map()).set(e.unitId, e.actual));
    }
    const mine = results.units.get(unitId)!;
    const percent = ctx.year.rules.divergencePercent;
    const activePeers = input.activePeers;

    const out: AssessmentRowDto[] = [];
    for (const node of orderedRows(scheme)) {
      const r = scheme.byId.get(node.id)!;
      const self = rows.find((x) => x.criterionId === r.id && x.source === 'self') ?? null;
      const isLeaf = r.type !== 'group';
      const selfScore = isLeaf ? (mine.selfScores.get(r.id) ?? null) : (mine.self.byNode.get(r.id)?.score ?? null);
      const fin = mine.finalScores.get(r.id);
      const finalScore = isLeaf ? (fin?.score ?? null) : (mine.final.byNode.get(r.id)?.score ?? null);
      const sources: SourceScoreDto[] = [];
      let lowered = false;
      const target = r.type === 'target' ? (targets.get(`${unitId}|${r.id}`) ?? null) : null;
      // A target criterion's score for one source's actual, among the block's self actuals.
      const outcomeOf = (x: ScoreRowDto) => (r.type === 'target' && x.actual !== null
        ? targetOutcomeWith(scheme.nodeById.get(r.id)!, unitId, x.actual, selfActuals.get(r.id) ?? new Map(), targets) : undefined);
      if (r.type !== 'group') {
        for (const x of rows.filter((x) => x.criterionId === r.id && x.source !== 'self')) {
          if (x.source === 'peer' && !activePeers.has(`${x.scorerUnitId}|${unitId}`)) continue;
          const outcome = outcomeOf(x);
          const score = outcome ? outcome.score : x.score;
          const low = x.source !== 'final' && (r.type === 'target' ? x.actual !== null && self?.actual != null && lowersScore(r.type, x.actual, self.actual) : score !== null && selfScore !== null && lowersScore(r.type, score, selfScore));
          lowered ||= low;
          if (seeSources) {
            sources.push({
              source: x.source, scorerUnitId: x.scorerUnitId, scorerUnitName: names.get(x.scorerUnitId) ?? '', score, actual: x.actual, note: x.note, lowered: low,
              divergent: divergence(score, finalScore, r.maxPoints, percent), row: x, formula: formulaOf(outcome, target, x.actual, r.maxPoints),
            });
          }
        }
      }
      const explanation = explanations.find((e) => e.criterionId === r.id);
      const myReview = rel.reviewer ? (rows.find((x) => x.criterionId === r.id && x.source === 'peer' && x.scorerUnitId === actor.unitId) ?? null) : null;
      out.push({
        criterionId: r.id, parentId: r.parentId, code: r.code, title: r.title, guidance: r.guidance, type: r.type, max: r.maxPoints, depth: depthOf(scheme, r.id),
        applicable: applicable(r.id), evidenceRequired: r.evidenceRequired, pointsPerOccurrence: r.pointsPerOccurrence, measure: r.measure,
        items: r.items.filter((i) => !isAwardItem(i.id)).map((i) => ({ id: i.id, title: i.title, points: i.points, cap: i.cap ?? null })),
        awardBonuses: r.id === input.awardBonusNodeId ? awards : [],
        automaticCount: automatic.get(r.id) ?? null,
        target,
        self, selfScore, evidence: evidence.filter((e) => e.criterionId === r.id),
        myReview, myReviewFormula: myReview ? formulaOf(outcomeOf(myReview), target, myReview.actual, r.maxPoints) : null,
        sources, final: seeSources ? { score: finalScore, source: isLeaf ? (fin?.source ?? null) : null, actual: fin?.actual ?? null } : null,
        lowered: isLeaf && lowered && (seeSources || rel.own),
        explanation: explanation ? { text: explanation.text, version: explanation.version, updatedAt: new Date(explanation.updatedAt).toISOString() } : null,
        selfFormula: formulaOf(mine.selfTargets.get(r.id), target, self?.actual ?? null, r.maxPoints),
        finalFormula: seeSources ? formulaOf(mine.finalTargets.get(r.id), target, fin?.actual ?? null, r.maxPoints) : null,
      });
    }
    const states = new Map(rows.filter((x) => x.source === 'self').map((x) => [x.criterionId, { filled: hasValue(x), declared: !!x.items && Object.keys(x.items).length > 0 }]));
    const c = completeness(scheme.rows, applicable, states, new Set(evidence.filter((e) => e.purpose === 'self').map((e) => e.criterionId)));
    const totals = (t: ReturnType<typeof computeTotals>): AssessmentTotalsDto => ({
      max: t.max, score: t.score, bonus: t.bonus, deductions: t.deductions, total: t.total, filled: c.filled, required: c.required,
      unfilledCodes: c.unfilledCodes, evidenceMissingCodes: c.evidenceMissingCodes,
    });
    const status = effectiveStatus(sa.status, ctx.phase);
    const deadline = unitDeadline(ctx.round, sa.extensionUntil);
    const writable = ctx.year.status !== 'archived';
    const canEdit = writable && rel.own && this.selfEditProblem(ctx, sa) === null;
    return {
      id: sa.id, roundId, unitId, unitName: unit.name, phase: ctx.phase, status, submittedAt: sa.submittedAt?.toISOString() ?? null,
      confirmedByName: sa.confirmedByName, returnReason: sa.status === 'returned' ? sa.returnReason : null, deadline: deadline.toISOString(),
      totals: totals(mine.self), finalTotals: seeSources ? totals(mine.final) : null, rows: out,
      permissions: {
        canEdit, canSubmit: canEdit, submitConfirms: RoundsPolicy.confirmsForUnit(actor),
        canConfirm: writable && rel.own && RoundsPolicy.confirmsForUnit(actor) && status === 'awaiting_confirmation',
        canWithdraw: writable && rel.own && status === 'awaiting_confirmation',
        canReturn: writable && rel.manager && ctx.phase === 'self_assessment' && (status === 'submitted' || status === 'awaiting_confirmation'),
        canExplain: writable && rel.own && ctx.phase === 'explanation',
        canReview: writable && rel.reviewer && ctx.phase === 'review',
        canAppraise: writable && rel.manager && !rel.own && ctx.phase === 'review',
        canSetFinal: writable && rel.manager && !rel.own && ctx.phase === 'final_review',
      },
      version: sa.version,
    };
  }

  // ---------------------------------------------------------------- self-assessment rows

  /**
   * Autosave of one self-assessment row; two officers of the unit never overwrite each other (per-row version).
   * A row the officer has seen, changed: two statements and no transaction (the session with the round and the
   * self-assessment; then the write, which holds both FOR SHARE only if neither changed since, with its audit entry).
   * Anything else (a first save, stale, unchanged, a phase change or a submission in between) takes the
   * transactional path: the same read FOR SHARE, the version-checked write, its audit entry, and its answer.
   */
  async saveSelf(claim: SessionClaim, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveResultDto> {
    if (dto.version > 0) {
      const em = this.ds.manager;
      const { actor, ctx, sa, checked } = await this.selfContext(em, claim, roundId, unitId, false);
      if (sa) {
        const saved = await saveSeenScoreAtOnce(em, this.audit, actor, await this.selfSave(em, actor, ctx, sa, unitId, criterionId, dto), checked);
        if (saved) return saved;
      }
    }
    return this.ds.transaction(async (em) => {
      const { actor, ctx, sa } = await this.selfContext(em, claim, roundId, unitId, true);
      return saveScore(em, this.audit, actor, await this.selfSave(em, actor, ctx, sa ?? await this.selfAssessment(em, roundId, unitId, 'share'), unitId, criterionId, dto));
    });
  }

  /** A self-assessment save by a known actor in the caller's transaction (the demo loader's officers save this way). */
  async saveSelfTx(em: EntityManager, actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveResultDto> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    return saveScore(em, this.audit, actor, await this.selfSave(em, actor, ctx, await this.selfAssessment(em, roundId, unitId, 'share'), unitId, criterionId, dto));
  }

  /** The checks of a self-assessment save (the unit's own, editable now, a leaf that applies) and what it writes. */
  private async selfSave(em: EntityManager, actor: Actor, ctx: RoundContext, sa: SelfAssessmentRow, unitId: string, criterionId: string, dto: ScoreInputDto): Promise<SaveScoreArgs> {
    RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
    // Not there yet: a unit that joined the block after the round opened.
    this.assertSelfEditable(ctx, sa);
    const node = await this.leaf(em, ctx, criterionId, unitId);
    const row = (await this.data.scheme(em, ctx.round.schemeId)).byId.get(criterionId)!;
    let input: ScoreInputDto = dto;
    if (row.countSource) {
      // Counted from the unit's published items: the count is the server's; a different one is refused, a note is kept.
      // (A count that is not a number goes on to the rules, which refuse it with a 400 naming the criterion.)
      const { count } = (await this.automaticCounts(em, ctx, [row], unitId)).get(criterionId)!;
      const typed = dto.count !== undefined && dto.count !== null;
      if ((typeof dto.count === 'number' && dto.count !== count) || [dto.score, dto.passed, dto.actual, dto.items].some((v) => v !== undefined && v !== null)) {
        throw conflict('automatic_count', `Tiêu chí ${node.code}: số lần được tính tự động từ các bài đã đăng của đơn vị (${count} bài), không nhập tay được.`, { count: `là ${count}, tính tự động` });
      }
      if (!typed || typeof dto.count === 'number') input = { ...dto, count };
    }
    return { roundId: ctx.round.id, blockId: ctx.year.blockId, unitId, node, source: 'self', scorerUnitId: unitId, input, note: dto.note ?? '', version: dto.version };
  }

  async submit(actor: Actor, roundId: string, unitId: string): Promise<AssessmentDto> {
    await this.ds.transaction((em) => this.submitTx(em, actor, roundId, unitId));
    return this.get(actor, roundId, unitId);
  }

  /** `submit` in the caller's transaction. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async submitTx(em: EntityManager, actor: Actor, roundId: string, unitId: string, opts: { at?: Date } = {}): Promise<void> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
    const sa = await this.selfAssessment(em, roundId, unitId, 'update');
    this.assertSelfEditable(ctx, sa);
    await this.writeAutomaticCounts(em, actor, ctx, unitId);
    await this.assertComplete(em, ctx, unitId);
    const byHead = RoundsPolicy.confirmsForUnit(actor);
    if (byHead) {
      await submitByHead(em, sa.id, actor.id);
      await this.notifyLeader(em, actor, ctx, unitId, 'đã nộp bản tự chấm', opts.at);
    } else {
      await requestConfirmation(em, sa.id, actor.id);
      await notify(em, actor, { unitHeads: [unitId] }, { roundId, blockYearId: ctx.round.blockYearId, unitId, link: `/rounds/${roundId}/units/${unitId}`, kind: 'awaiting_confirmation', title: `${ctx.round.title}: bản tự chấm chờ thủ trưởng xác nhận để nộp`, at: opts.at });
    }
    await this.audit.record(em, actor, {
      action: byHead ? 'self_assessment.submit' : 'self_assessment.request_confirmation', entityType: 'self_assessment', entityId: sa.id, blockId: ctx.year.blockId,
      before: { status: sa.status }, after: { status: byHead ? 'submitted' : 'awaiting_confirmation', unitId },
    });
  }

  /** The unit head confirms the officers' submission: only then is it submitted. */
  async confirm(actor: Actor, roundId: string, unitId: string): Promise<AssessmentDto> {
    await this.ds.transaction((em) => this.confirmTx(em, actor, roundId, unitId));
    return this.get(actor, roundId, unitId);
  }

  /** `confirm` in the caller's transaction. `at` (demo history only, never from a request): its notice dated then and not mailed. */
  async confirmTx(em: EntityManager, actor: Actor, roundId: string, unitId: string, opts: { at?: Date } = {}): Promise<void> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
    if (!RoundsPolicy.confirmsForUnit(actor)) throw forbidden('Chỉ thủ trưởng đơn vị được xác nhận nộp bản tự chấm.');
    RoundsPolicy.assertPhase(ctx, ['self_assessment'], 'xác nhận nộp bản tự chấm');
    const sa = await this.selfAssessment(em, roundId, unitId, 'update');
    if (sa.status !== 'awaiting_confirmation') throw conflict('wrong_status', 'Bản tự chấm không ở trạng thái chờ thủ trưởng xác nhận.');
    this.assertBeforeDeadline(ctx, sa);
    await this.writeAutomaticCounts(em, actor, ctx, unitId);
    await this.assertComplete(em, ctx, unitId);
    await confirmSubmission(em, sa.id, actor.id);
    await this.notifyLeader(em, actor, ctx, unitId, 'đã nộp bản tự chấm', opts.at);
    await this.audit.record(em, actor, { action: 'self_assessment.submit', entityType: 'self_assessment', entityId: sa.id, blockId: ctx.year.blockId, before: { status: sa.status }, after: { status: 'submitted', unitId } });
  }

  /** Back to draft from "awaiting confirmation" (an officer withdraws, or the head declines). */
  async withdraw(actor: Actor, roundId: string, unitId: string, reason?: string): Promise<AssessmentDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, roundId, actor, 'share');
      RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
      RoundsPolicy.assertPhase(ctx, ['self_assessment'], 'rút lại bản tự chấm');
      const sa = await this.selfAssessment(em, roundId, unitId, 'update');
      if (sa.status !== 'awaiting_confirmation') {
        throw conflict('wrong_status', sa.status === 'submitted' ? 'Bản tự chấm đã nộp; muốn sửa, hãy đề nghị Khối trưởng trả lại.' : 'Bản tự chấm chưa gửi xác nhận nên không cần rút lại.');
      }
      await backToDraft(em, sa.id);
      await this.audit.record(em, actor, { action: 'self_assessment.withdraw', entityType: 'self_assessment', entityId: sa.id, blockId: ctx.year.blockId, before: { status: sa.status }, after: { status: 'draft' }, reason });
    });
    return this.get(actor, roundId, unitId);
  }

  /** The leader returns a submission with a reason; the unit fixes and resubmits while the phase lasts. */
  async returnToUnit(actor: Actor, roundId: string, unitId: string, reason: string): Promise<AssessmentDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, roundId, actor, 'share');
      RoundsPolicy.assertManager(actor, ctx.year);
      RoundsPolicy.assertPhase(ctx, ['self_assessment'], 'trả lại bản tự chấm');
      const sa = await this.selfAssessment(em, roundId, unitId, 'update');
      if (sa.status !== 'submitted' && sa.status !== 'awaiting_confirmation') throw conflict('wrong_status', 'Chỉ trả lại được bản tự chấm đã nộp hoặc đang chờ xác nhận.');
      await returnSelfAssessment(em, sa.id, reason, actor.id);
      await notify(em, actor, { units: [unitId] }, { roundId, blockYearId: ctx.round.blockYearId, unitId, link: `/rounds/${roundId}/units/${unitId}`, kind: 'returned', title: `${ctx.round.title}: Khối trưởng trả lại bản tự chấm để hoàn thiện`, body: reason });
      await this.audit.record(em, actor, { action: 'self_assessment.return', entityType: 'self_assessment', entityId: sa.id, blockId: ctx.year.blockId, before: { status: sa.status }, after: { status: 'returned', unitId }, reason });
    });
    return this.get(actor, roundId, unitId);
  }

  // ---------------------------------------------------------------- explanations

  async saveExplanation(actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ExplanationInputDto): Promise<ExplanationResultDto> {
    return this.ds.transaction((em) => this.saveExplanationTx(em, actor, roundId, unitId, criterionId, dto));
  }

  /** `saveExplanation` in the caller's transaction. */
  async saveExplanationTx(em: EntityManager, actor: Actor, roundId: string, unitId: string, criterionId: string, dto: ExplanationInputDto): Promise<ExplanationResultDto> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
    RoundsPolicy.assertPhase(ctx, ['explanation'], 'giải trình');
    const node = await this.leaf(em, ctx, criterionId, unitId);
    await this.assertLowered(em, ctx, unitId, node);
    const current = await lockExplanation(em, roundId, unitId, criterionId);
    const currentDto = current ? { text: current.text, version: current.version, updatedAt: new Date(current.updatedAt).toISOString() } : null;
    if ((current?.version ?? 0) !== dto.version) {
      throw new StaleExplanationError(`Tiêu chí ${node.code}: giải trình vừa được người khác cập nhật (phiên bản ${current?.version ?? 0}, bạn sửa phiên bản ${dto.version}).`, currentDto);
    }
    if (current && current.text === dto.text) return { criterionId, explanation: currentDto! };
    const row = await upsertExplanation(em, { roundId, unitId, criterionId, text: dto.text, updatedBy: actor.id });
    await this.audit.record(em, actor, { action: 'explanation.save', entityType: 'round_explanation', entityId: criterionId, blockId: ctx.year.blockId, before: current ? { roundId, unitId, criterion: node.code, text: current.text } : null, after: { roundId, unitId, criterion: node.code, text: dto.text } });
    return { criterionId, explanation: { text: row.text, version: row.version, updatedAt: new Date(row.updatedAt).toISOString() } };
  }

  // ---------------------------------------------------------------- evidence

  async uploadEvidence(actor: Actor, roundId: string, unitId: string, criterionId: string, purpose: 'self' | 'explanation', file: Express.Multer.File | undefined): Promise<EvidenceDto> {
    return this.ds.transaction((em) => this.uploadEvidenceTx(em, actor, roundId, unitId, criterionId, purpose, file));
  }

  /** `uploadEvidence` in the caller's transaction (the file as uploaded: its bytes and its name). */
  async uploadEvidenceTx(
    em: EntityManager, actor: Actor, roundId: string, unitId: string, criterionId: string, purpose: 'self' | 'explanation', file: Pick<Express.Multer.File, 'buffer' | 'originalname'> | undefined,
  ): Promise<EvidenceDto> {
    const ctx = await loadRound(em, roundId, actor, 'share');
    RoundsPolicy.assertOwnUnit(actor, ctx.year, unitId);
    const node = await this.leaf(em, ctx, criterionId, unitId);
    if (purpose === 'self') this.assertSelfEditable(ctx, await this.selfAssessment(em, roundId, unitId, 'share'));
    else {
      RoundsPolicy.assertPhase(ctx, ['explanation'], 'nộp minh chứng giải trình');
      await this.assertLowered(em, ctx, unitId, node);
    }
    const label = `Tiêu chí ${node.code}`;
    if (!file?.buffer?.length) throw badRequest('validation_failed', `${label}: chưa chọn tệp minh chứng.`, { file: 'là bắt buộc' });
    const name = (file.originalname ?? '').normalize('NFC');
    if (file.buffer.length > MAX_EVIDENCE_BYTES) {
      throw new AppError(413, 'file_too_large', `${label}: tệp "${name}" nặng ${(file.buffer.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB, vượt quá giới hạn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`, { file: 'quá lớn' });
    }
    const type = await detectEvidenceType(file.buffer);
    if (!type) throw badRequest('bad_file_type', `${label}: tệp "${name}" không thuộc loại được phép (${ALLOWED_EVIDENCE_LABEL}); loại tệp được xác định theo nội dung, không theo đuôi tên tệp.`, { file: 'loại tệp không được phép' });
    const filename = storedFileName(name, type);
    const hash = sha256(file.buffer);
    const row = await insertEvidence(em, { roundId, unitId, criterionId, purpose, filename, mimeType: type.mime, sha256: hash, content: file.buffer, uploadedBy: actor.id });
    await this.audit.record(em, actor, { action: 'evidence.upload', entityType: 'evidence_file', entityId: row.id, blockId: ctx.year.blockId, after: { criterion: node.code, unitId, purpose, filename, mimeType: type.mime, sizeBytes: file.buffer.length, sha256: hash } });
    return { id: row.id, criterionId, purpose, filename, mimeType: type.mime, sizeBytes: file.buffer.length, sha256: hash, uploadedAt: new Date(row.uploadedAt).toISOString(), uploadedByName: actor.fullName };
  }

  async deleteEvidence(actor: Actor, id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const ev = await evidenceFile(em, id);
      if (!ev) throw notFound('Không tìm thấy tệp minh chứng.');
      const ctx = await loadRound(em, ev.roundId, actor, 'share');
      RoundsPolicy.assertOwnUnit(actor, ctx.year, ev.unitId);
      if (ev.purpose === 'self') this.assertSelfEditable(ctx, await this.selfAssessment(em, ev.roundId, ev.unitId, 'share'));
      else RoundsPolicy.assertPhase(ctx, ['explanation'], 'xóa minh chứng giải trình');
      await deleteEvidenceFile(em, id);
      const code = await criterionCode(em, ev.criterionId);
      await this.audit.record(em, actor, { action: 'evidence.delete', entityType: 'evidence_file', entityId: id, blockId: ctx.year.blockId, before: { criterion: code, unitId: ev.unitId, purpose: ev.purpose, filename: ev.filename, sha256: ev.sha256 } });
    });
  }

  /** The file itself, for the unit, its reviewers, the leader seat and the board. */
  async evidenceContent(actor: Actor, id: string): Promise<{ buffer: Buffer; filename: string; contentType: string }> {
    const ev = await evidenceWithContent(this.ds, id);
    if (!ev) throw notFound('Không tìm thấy tệp minh chứng.');
    const ctx = await loadRound(this.ds.manager, ev.roundId, actor);
    const rel = await this.relation(this.ds.manager, actor, ctx, ev.unitId);
    if (ev.purpose === 'explanation' && !(rel.own || rel.manager || rel.board)) throw forbidden('Minh chứng giải trình chỉ đơn vị, Khối trưởng, Khối phó và Ban TĐKT xem được.');
    return { buffer: ev.content, filename: ev.filename, contentType: ev.mimeType };
  }

  // ---------------------------------------------------------------- counts from published items

  /**
   * The unit's published items of the block year for each applicable criterion counted from them, read
   * through the news module (its exported operation; no SQL into its tables from here).
   */
  private async automaticCounts(em: EntityManager, ctx: RoundContext, rows: readonly StoredCriterion[], unitId: string): Promise<Map<string, AutomaticCountDto>> {
    const out = new Map<string, AutomaticCountDto>();
    const counted = rows.filter((r) => r.type === 'per_occurrence' && r.countSource);
    if (!counted.length) return out;
    const applicable = applicability((await this.data.scheme(em, ctx.round.schemeId)).rows, unitId);
    const byKind = new Map<string, Awaited<ReturnType<NewsService['publishedOf']>>>();
    for (const r of counted) {
      if (!applicable(r.id)) continue;
      const source = r.countSource!;
      if (!byKind.has(source)) byKind.set(source, await this.news.publishedOf(em, ctx.round.blockYearId, unitId, source === 'both' ? undefined : source));
      const items = byKind.get(source)!;
      out.set(r.id, { source, count: items.length, items: items.map((i) => ({ id: i.id, title: i.title, publishedAt: i.publishedAt, publicUrl: i.url })) });
    }
    return out;
  }

  /** On submission the counts of the items published by then become the unit's self rows (audited), so results use them from there on. */
  private async writeAutomaticCounts(em: EntityManager, actor: Actor, ctx: RoundContext, unitId: string): Promise<void> {
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    for (const [criterionId, a] of await this.automaticCounts(em, ctx, scheme.rows, unitId)) {
      const current = await selfRowVersion(em, ctx.round.id, unitId, criterionId);
      await saveScore(em, this.audit, actor, {
        roundId: ctx.round.id, blockId: ctx.year.blockId, unitId, node: scheme.nodeById.get(criterionId) as LeafNode, source: 'self', scorerUnitId: unitId,
        input: { count: a.count }, note: current?.note ?? '', version: current?.version ?? 0,
      });
    }
  }

  // ---------------------------------------------------------------- internals

  private async relation(em: EntityManager, actor: Actor, ctx: RoundContext, unitId: string): Promise<Relation> {
    if (!(await isYearMember(em, ctx.round.blockYearId, unitId))) throw notFound('Đơn vị không thuộc khối thi đua trong năm của đợt chấm này.');
    RoundsPolicy.assertCanRead(actor, ctx.year);
    const assigned = actor.unitId ? await isAssigned(em, ctx.round.id, actor.unitId, unitId) : false;
    const rel: Relation = { own: RoundsPolicy.isOwnUnit(actor, ctx.year, unitId), manager: RoundsPolicy.isManager(actor, ctx.year), board: isCityWide(actor), reviewer: assigned };
    if (!rel.own && !rel.manager && !rel.board && !rel.reviewer) {
      throw forbidden('Bạn chỉ xem được bản tự chấm của đơn vị mình và của các đơn vị mình được phân công chấm chéo.');
    }
    return rel;
  }

  async selfAssessment(em: EntityManager, roundId: string, unitId: string, lock?: 'share' | 'update'): Promise<SelfAssessmentRow> {
    let row = await selectSelfAssessment(em, roundId, unitId, lock);
    if (!row) {
      // A unit that joined the block after the round opened gets its self-assessment on first use.
      if (!(await isRoundMember(em, roundId, unitId))) throw notFound('Đơn vị không thuộc khối thi đua trong năm của đợt chấm này.');
      await insertSelfAssessment(em, roundId, unitId);
      row = await selectSelfAssessment(em, roundId, unitId, lock);
    }
    return row!;
  }

  /**
   * One statement for the autosave: the claimed session (admitted here, before anything else), the round with the
   * actor's place in its year, and the unit's self-assessment (null when it has none yet); both FOR SHARE when
   * `lock`, and with their `xmin` as read, for a write that must find them unchanged.
   */
  private async selfContext(em: EntityManager, claim: SessionClaim, roundId: string, unitId: string, lock: boolean): Promise<{ actor: Actor; ctx: RoundContext; sa: SelfAssessmentRow | null; checked: CheckedRow[] }> {
    const row = await selfContextRow(em, roundId, unitId, claim.tokenHash, lock);
    if (!row) {
      admit(await readSession(em, claim.tokenHash), claim);
      throw notFound('Không tìm thấy đợt chấm điểm.');
    }
    const actor = admit(row.session, claim);
    const ctx = toRoundContext(row, actor.unitId);
    const sa: SelfAssessmentRow | null = row.selfId
      ? { id: row.selfId, status: row.selfStatus, submittedAt: row.selfSubmittedAt, returnReason: row.selfReturnReason, version: row.selfVersion,
          extensionUntil: row.selfExtensionUntil, confirmedByName: row.selfConfirmedByName }
      : null;
    const checked: CheckedRow[] = [{ table: 'scoring_rounds', id: row.id, xmin: row.roundXmin }];
    if (sa) checked.push({ table: 'self_assessments', id: sa.id, xmin: row.selfXmin });
    return { actor, ctx, sa, checked };
  }

  /** Null when the unit may edit its self-assessment now, else the refusal. */
  private selfEditProblem(ctx: RoundContext, sa: SelfAssessmentRow): AppError | null {
    const wrongPhase = RoundsPolicy.phaseProblem(ctx, ['self_assessment'], 'tự chấm điểm');
    if (wrongPhase) return wrongPhase;
    if (ctx.now < ctx.round.opensAt) return conflict('not_open', `Đợt chấm điểm mở nhận tự chấm từ ${vnDateTime(ctx.round.opensAt)}.`);
    if (sa.status === 'submitted') return conflict('already_submitted', 'Bản tự chấm đã nộp nên không sửa được; muốn sửa, hãy đề nghị Khối trưởng trả lại.');
    if (sa.status === 'awaiting_confirmation') return conflict('already_submitted', 'Bản tự chấm đang chờ thủ trưởng xác nhận; muốn sửa, hãy rút lại trước.');
    return this.deadlineProblem(ctx, sa);
  }

  private deadlineProblem(ctx: RoundContext, sa: SelfAssessmentRow): AppError | null {
    const deadline = unitDeadline(ctx.round, sa.extensionUntil);
    if (ctx.now > deadline && sa.status !== 'returned') return conflict('deadline_passed', `Đã quá hạn nộp bản tự chấm của đơn vị (${vnDateTime(deadline)}).`);
    return null;
  }

  private assertSelfEditable(ctx: RoundContext, sa: SelfAssessmentRow): void {
    const problem = this.selfEditProblem(ctx, sa);
    if (problem) throw problem;
  }

  private assertBeforeDeadline(ctx: RoundContext, sa: SelfAssessmentRow): void {
    const problem = this.deadlineProblem(ctx, sa);
    if (problem) throw problem;
  }

  private async assertComplete(em: EntityManager, ctx: RoundContext, unitId: string): Promise<void> {
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    const states = await unitSelfRowStates(em, ctx.round.id, unitId);
    const evidence = await unitSelfEvidenceCriteria(em, ctx.round.id, unitId);
    const c = completeness(scheme.rows, applicability(scheme.rows, unitId), new Map(states.map((s) => [s.criterionId, s])), new Set(evidence));
    if (!c.unfilledCodes.length && !c.evidenceMissingCodes.length) return;
    const fields: Record<string, string> = {};
    for (const code of c.unfilledCodes) fields[code] = 'chưa chấm';
    for (const code of c.evidenceMissingCodes) fields[code] = fields[code] ? `${fields[code]}, thiếu minh chứng` : 'thiếu minh chứng bắt buộc';
    const parts: string[] = [];
    const list = (codes: string[]) => `${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ` và ${codes.length - 10} tiêu chí khác` : ''}`;
    if (c.unfilledCodes.length) parts.push(`chưa chấm tiêu chí ${list(c.unfilledCodes)}`);
    if (c.evidenceMissingCodes.length) parts.push(`thiếu minh chứng bắt buộc ở tiêu chí ${list(c.evidenceMissingCodes)}`);
    throw conflict('incomplete', `Bản tự chấm chưa đầy đủ nên chưa nộp được: ${parts.join('; ')}.`, fields);
  }

  /** A leaf criterion of the round's scheme that applies to the unit. */
  async leaf(em: EntityManager, ctx: RoundContext, criterionId: string, unitId: string): Promise<LeafNode> {
    const scheme = await this.data.scheme(em, ctx.round.schemeId);
    const node = scheme.nodeById.get(criterionId);
    if (!node) throw notFound('Không tìm thấy tiêu chí trong biểu chấm điểm của đợt này.');
    if (node.type === 'group') throw badRequest('group_not_scored', `Nhóm ${node.code}: không chấm điểm trực tiếp cho nhóm, chỉ chấm các tiêu chí trong nhóm.`, { [node.code]: 'là nhóm' });
    if (!applicability(scheme.rows, unitId)(criterionId)) throw badRequest('not_applicable', `Tiêu chí ${node.code}: không áp dụng với đơn vị này.`, { [node.code]: 'không áp dụng' });
    return node;
  }

  /** Explanations answer lowered scores: some counted reviewer or the leader left the unit fewer points than it gave itself. */
  private async assertLowered(em: EntityManager, ctx: RoundContext, unitId: string, node: LeafNode): Promise<void> {
    const rows = await loweringScores(em, ctx.round.id, unitId, node.id);
    const self = rows.find((r) => r.source === 'self');
    const field = node.type === 'target' ? 'actual' : 'score';
    const mine = self?.[field] ?? null;
    const lowered = rows.some((r) => r.source !== 'self' && r[field] !== null && (mine === null || lowersScore(node.type, r[field]!, mine)));
    if (!lowered) throw conflict('not_lowered', `Tiêu chí ${node.code}: không có điểm chấm chéo hay thẩm định nào thấp hơn điểm tự chấm nên không cần giải trình.`);
  }

  private async evidenceList(em: EntityManager, roundId: string, unitId: string, withExplanations: boolean): Promise<EvidenceDto[]> {
    const rows = await unitEvidence(em, roundId, unitId, withExplanations);
    return rows.map((r) => ({
      id: r.id, criterionId: r.criterionId, purpose: r.purpose, filename: r.filename, mimeType: r.mimeType, sizeBytes: r.sizeBytes, sha256: r.sha256,
      uploadedAt: new Date(r.uploadedAt).toISOString(), uploadedByName: r.uploadedByName ?? null,
    }));
  }

  private async notifyLeader(em: EntityManager, actor: Actor, ctx: RoundContext, unitId: string, what: string, at?: Date): Promise<void> {
    const name = await unitName(em, unitId);
    const seats = [ctx.year.leaderUnitId, ctx.year.deputyUnitId].filter((x): x is string => !!x && x !== unitId);
    await notify(em, actor, { units: seats }, { roundId: ctx.round.id, blockYearId: ctx.round.blockYearId, link: `/rounds/${ctx.round.id}`, kind: 'submitted', title: `${ctx.round.title}: ${name ?? 'Đơn vị'} ${what}`, at });
  }
}

/** 409 for a stale explanation, with the newer text. */
class StaleExplanationError extends AppError {
  constructor(message: string, readonly current: unknown) {
    super(409, 'stale_version', message);
  }

  override toBody() {
    return { ...super.toBody(), current: this.current };
  }
}

/** A target criterion's outcome with the unit's own figures (T, A, M), as the form shows it. */
function formulaOf(outcome: TargetOutcome | undefined, target: number | null, actual: number | null, max: number): TargetFormulaDto | null {
  if (!outcome || actual === null) return null;
  return { basis: outcome.basis, target: outcome.basis === 'no_target' ? null : target, actual, max, reference: outcome.reference, score: outcome.score };
}

const hasValue = (x: ScoreRowDto) => x.score !== null || x.actual !== null || x.passed !== null || x.count !== null || x.items !== null;

function orderedRows(scheme: RoundScheme): { id: string }[] {
  const depthCache = scheme.rows;
  const children = new Map<string | null, typeof depthCache>();
  for (const r of scheme.rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: { id: string }[] = [];
  const visit = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'vi', { numeric: true }))) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

function depthOf(scheme: RoundScheme, id: string): number {
  let d = 0;
  for (let p = scheme.byId.get(id)?.parentId ?? null; p && d < 100; p = scheme.byId.get(p)?.parentId ?? null) d++;
  return d;
}

