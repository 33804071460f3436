import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, badRequest, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { BlockYearsService } from '../block-years/block-years.service';
import type { RuleSet } from '@thidua/rules';
import { buildDocumentNumber } from '../documents';
import { adoptionReasonProblem } from './adoption-rules';
import {
  type DraftSection, type PlanData,
  defaultPlanSections, defaultRulesSections, draftContentHash, emptyPlan, planProblems, planSkeleton, sectionKeyFor, withKeys,
} from './draft-content';
import { insertComment, lockComment, parentComment, setCommentResolution } from './comment-data';
import {
  assertConferenceOfYear, documentExists, draftVersionNumber, insertFirstPlanVersion, insertPlanDocument, KIND_LABEL, latestPlanContent, Loaded, loadVersion, lockDocument,
  maxVersionNumber, previousYearAdopted, supersedeCirculatedBefore, supersedeOnAdoption, writeSections,
} from './draft-data';
import { DraftReadService } from './draft-read.service';
import { assertRankingRulesFixedWhileRoundOpen } from '../block-years/ranking-rules-guard';
import { DraftsPolicy } from './drafts.policy';
import { deleteActivitiesNotIn, lockActivity, updateActivity, upsertActivity } from './plan-activity-data';
import type {
  AddSectionDto, CreateCommentDto, CreateDraftDocumentDto, PlanDataInputDto, UpdateDraftVersionDto, UpdatePlanActivityDto, UpdateSectionDto,
} from './dto/draft-request.dto';
import type { DraftCommentDto, DraftDocumentDto, DraftVersionDto, PlanProgressDto } from './dto/draft-response.dto';
import { DraftDocument } from './entities/draft-document.entity';
import { DraftVersion } from './entities/draft-version.entity';
import { loadYearContext, membersOf, YearContext } from '../../common/scope/year-context';
import { notify } from '../notifications/notify';

/**
 * What officials do with the annual plan and the rules of a block year (start-of-year.md "drafts"): drafting by the
 * leader or deputy seat, circulation for comments, revisions, side-by-side differences, adoption through a
 * conference decision, and the plan's activities tracked through the year.
 */
@Injectable()
export class DraftWorkflowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly years: BlockYearsService,
    private readonly drafts: DraftReadService,
  ) {}

  // ─── Drafting ───────────────────────────────────────────────────────────────────────────────────

  async createDocument(actor: Actor, dto: CreateDraftDocumentDto): Promise<DraftDocumentDto> {
    const id = await this.ds.transaction((em) => this.createDocumentTx(em, actor, dto));
    const y = await loadYearContext(this.ds.manager, dto.blockYearId, actor);
    return this.drafts.documentDto(actor, y, id);
  }

  /** Creates the document with version 1 (draft); returns the document id. */
  async createDocumentTx(em: EntityManager, actor: Actor, dto: CreateDraftDocumentDto): Promise<string> {
    const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
    DraftsPolicy.assertCanEdit(actor, y);
    if (await documentExists(em, y.blockYearId, dto.kind)) throw conflict('duplicate_document', `Năm ${y.year} của ${y.blockName} đã có ${KIND_LABEL[dto.kind]}. Hãy sửa phiên bản đang soạn hoặc tạo phiên bản mới.`);
    let sections = dto.kind === 'plan' ? defaultPlanSections(y.blockName, y.year) : defaultRulesSections(y.blockName, y.year);
    let plan: PlanData | null = dto.kind === 'plan' ? emptyPlan() : null;
    if (dto.copyFromPreviousYear) {
      const prev = await previousYearAdopted(em, y.blockId, y.year, dto.kind);
      if (prev) {
        sections = prev.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body, rev: 1 }));
        // Regular movements carry over; dated activities and campaigns belong to their year.
        if (plan && prev.plan) plan = { ...emptyPlan(), movements: prev.plan.movements.filter((m) => m.kind === 'regular') };
      }
    }
    const code = dto.kind === 'plan' ? 'KH' : 'QC';
    const doc = await em.save(em.getRepository(DraftDocument).create({
      blockYearId: y.blockYearId, kind: dto.kind, docNumber: buildDocumentNumber(1, code, y.blockCode), createdBy: actor.id,
    }));
    const title = dto.title ?? (dto.kind === 'plan' ? `Hoạt động năm ${y.year} của ${y.blockName}` : `Hoạt động và bình xét thi đua năm ${y.year} của ${y.blockName}`);
    const v = await em.save(em.getRepository(DraftVersion).create({
      documentId: doc.id, number: 1, status: 'draft', title, sections, plan, ruleSet: dto.kind === 'rules' ? structuredClone(y.rules) : null,
      createdBy: actor.id,
    }));
    await this.audit.record(em, actor, {
      action: 'draft.create', entityType: 'draft_document', entityId: doc.id, blockId: y.blockId,
      after: { blockYearId: y.blockYearId, kind: dto.kind, docNumber: doc.docNumber, versionId: v.id, title, copyFromPreviousYear: !!dto.copyFromPreviousYear },
    });
    return doc.id;
  }

  async updateVersion(actor: Actor, id: string, dto: UpdateDraftVersionDto): Promise<DraftVersionDto> {
    await this.ds.transaction((em) => this.updateVersionTx(em, actor, id, dto));
    return this.drafts.getVersion(actor, id);
  }

  async updateVersionTx(em: EntityManager, actor: Actor, id: string, dto: Omit<UpdateDraftVersionDto, 'version'> & { version?: number }): Promise<void> {
    const { v, doc, y } = await this.loadForEdit(em, actor, id);
    if (dto.version !== undefined) assertVersion(v, dto.version, `Phiên bản ${v.number}`);
    if (dto.plan && doc.kind !== 'plan') throw invalidField('plan', 'chỉ dùng cho kế hoạch');
    if (dto.ruleSet && doc.kind !== 'rules') throw invalidField('ruleSet', 'chỉ dùng cho quy chế');
    let plan: PlanData | undefined;
    if (dto.plan) {
      plan = normalisePlan(dto.plan);
      const members = (await membersOf(em, y.blockYearId)).map((m) => m.id);
      const problems = planProblems(plan, members, y.year);
      if (Object.keys(problems).length) {
        throw new AppError(400, 'validation_failed', `Dữ liệu không hợp lệ: ${Object.entries(problems).map(([f, r]) => `${f} ${r}`).join('; ')}.`, problems);
      }
    }
    let ruleSet: RuleSet | undefined;
    if (dto.ruleSet) {
      ruleSet = { ...dto.ruleSet, quotas: { ...dto.ruleSet.quotas }, tieBreakChain: [...dto.ruleSet.tieBreakChain] } as RuleSet;
      if (ruleSet.quorumNumerator > ruleSet.quorumDenominator) throw invalidField('ruleSet.quorumNumerator', 'không được lớn hơn mẫu số (tỷ lệ tối đa là 100%)');
    }
    const patch: Partial<DraftVersion> = { title: dto.title, plan, ruleSet };
    const diff = changedFields(v, patch);
    if (!Object.keys(diff.after).length) return;
    Object.assign(v, Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)));
    await em.save(v);
    await this.audit.record(em, actor, { action: 'draft_version.update', entityType: 'draft_version', entityId: v.id, blockId: y.blockId, ...diff });
  }

  async addSection(actor: Actor, id: string, dto: AddSectionDto): Promise<DraftVersionDto> {
    await this.ds.transaction(async (em) => {
      const { v, y } = await this.loadForEdit(em, actor, id);
      const sections = [...v.sections];
      let at = sections.length;
      if (dto.afterKey !== undefined) {
        const i = sections.findIndex((s) => s.key === dto.afterKey);
        if (i < 0) throw invalidField('afterKey', 'không phải mục của phiên bản này');
        at = i + 1;
      }
      const section: DraftSection = {
        key: sectionKeyFor(dto.heading, sections.map((s) => s.key)), heading: dto.heading, body: dto.body ?? '', rev: 1,
        updatedBy: actor.id, updatedByName: actor.fullName, updatedAt: new Date().toISOString(),
      };
      sections.splice(at, 0, section);
      await writeSections(em, v.id, sections);
      await this.audit.record(em, actor, {
        action: 'draft_section.add', entityType: 'draft_version', entityId: v.id, blockId: y.blockId,
        after: { sectionKey: section.key, heading: section.heading, body: section.body, position: at },
      });
    });
    return this.drafts.getVersion(actor, id);
  }

  async updateSection(actor: Actor, id: string, key: string, dto: UpdateSectionDto): Promise<DraftVersionDto> {
    await this.ds.transaction((em) => this.updateSectionTx(em, actor, id, key, dto));
    return this.drafts.getVersion(actor, id);
  }

  /** Edits one section; the row lock serialises editors and `rev` refuses a stale edit. */
  async updateSectionTx(em: EntityManager, actor: Actor, id: string, key: string, dto: UpdateSectionDto): Promise<void> {
    const { v, y } = await this.loadForEdit(em, actor, id);
    const sections = [...v.sections];
    const i = sections.findIndex((s) => s.key === key);
    if (i < 0) throw notFound(`Không tìm thấy mục "${key}" trong phiên bản ${v.number}.`);
    const s = sections[i];
    assertRev(s, dto.rev);
    const next = { heading: dto.heading ?? s.heading, body: dto.body ?? s.body };
    if (next.heading === s.heading && next.body === s.body) return;
    sections[i] = { ...s, ...next, rev: s.rev + 1, updatedBy: actor.id, updatedByName: actor.fullName, updatedAt: new Date().toISOString() };
    await writeSections(em, v.id, sections);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const f of ['heading', 'body'] as const) {
      if (next[f] !== s[f]) {
        before[f] = s[f];
        after[f] = next[f];
      }
    }
    await this.audit.record(em, actor, {
      action: 'draft_section.update', entityType: 'draft_version', entityId: v.id, blockId: y.blockId,
      before: { sectionKey: key, rev: s.rev, ...before }, after: { sectionKey: key, rev: s.rev + 1, ...after },
    });
  }

  async deleteSection(actor: Actor, id: string, key: string, rev: number): Promise<DraftVersionDto> {
    await this.ds.transaction(async (em) => {
      const { v, y } = await this.loadForEdit(em, actor, id);
      const s = v.sections.find((x) => x.key === key);
      if (!s) throw notFound(`Không tìm thấy mục "${key}" trong phiên bản ${v.number}.`);
      assertRev(s, rev);
      await writeSections(em, v.id, v.sections.filter((x) => x.key !== key));
      await this.audit.record(em, actor, {
        action: 'draft_section.delete', entityType: 'draft_version', entityId: v.id, blockId: y.blockId,
        before: { sectionKey: key, heading: s.heading, body: s.body, rev: s.rev },
      });
    });
    return this.drafts.getVersion(actor, id);
  }

  async circulateDraft(actor: Actor, id: string): Promise<DraftVersionDto> {
    await this.ds.transaction((em) => this.circulateDraftTx(em, actor, id));
    return this.drafts.getVersion(actor, id);
  }

  /** Freezes a draft version and opens it to the member units' comments. */
  async circulateDraftTx(em: EntityManager, actor: Actor, id: string): Promise<void> {
    const { v, doc, y } = await this.loadForEdit(em, actor, id);
    if (!v.sections.length) throw badRequest('empty_draft', 'Dự thảo chưa có mục nào, chưa thể gửi xin ý kiến.');
    const now = new Date();
    v.status = 'circulated';
    v.circulatedAt = now;
    v.circulatedBy = actor.id;
    v.contentHash = draftContentHash({ kind: doc.kind, title: v.title, sections: v.sections, plan: v.plan, ruleSet: v.ruleSet });
    // Earlier circulated versions are replaced by this one (their comments stay readable).
    const superseded = await supersedeCirculatedBefore(em, doc.id, v.number);
    await em.save(v);
    await notify(em, actor, { membersOf: [y.blockYearId] }, { kind: 'draft_circulated', blockYearId: y.blockYearId, link: `/block-years/${y.blockYearId}/${doc.kind === 'rules' ? 'rules' : 'plan'}`, title: `Xin ý kiến dự thảo ${doc.kind === 'rules' ? 'quy chế' : 'kế hoạch'}: ${v.title}`, body: 'Đề nghị đơn vị đọc dự thảo và góp ý.' });
    await this.audit.record(em, actor, {
      action: 'draft_version.circulate', entityType: 'draft_version', entityId: v.id, blockId: y.blockId,
      before: { status: 'draft' }, after: { status: 'circulated', contentHash: v.contentHash, supersededVersionIds: superseded },
    });
  }

  async reviseDraft(actor: Actor, id: string): Promise<DraftVersionDto> {
    const newId = await this.ds.transaction((em) => this.reviseDraftTx(em, actor, id));
    return this.drafts.getVersion(actor, newId);
  }

  /** Starts the next draft version as a copy of the latest one; returns its id. */
  async reviseDraftTx(em: EntityManager, actor: Actor, id: string): Promise<string> {
    const source = await loadVersion(em, id);
    // Lock the document so two revisions cannot start at once.
    await lockDocument(em, source.doc.id);
    const { v, doc } = await loadVersion(em, id);
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanEdit(actor, y);
    if (v.status === 'draft') throw conflict('already_draft', `Phiên bản ${v.number} đang soạn thảo; hãy sửa trực tiếp phiên bản này.`);
    const draft = await draftVersionNumber(em, doc.id);
    if (draft !== undefined) throw conflict('draft_exists', `Đã có phiên bản ${draft} đang soạn thảo; mỗi lúc chỉ soạn một phiên bản.`);
    const max = await maxVersionNumber(em, doc.id);
    if (v.number !== max) throw conflict('not_latest', `Chỉ tạo phiên bản mới từ phiên bản mới nhất (phiên bản ${max}).`);
    const next = await em.save(em.getRepository(DraftVersion).create({
      documentId: doc.id, number: max + 1, status: 'draft', title: v.title,
      sections: v.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body, rev: 1 })),
      plan: v.plan, ruleSet: v.ruleSet, basedOnId: v.id, createdBy: actor.id,
    }));
    await this.audit.record(em, actor, {
      action: 'draft_version.revise', entityType: 'draft_version', entityId: next.id, blockId: y.blockId,
      after: { documentId: doc.id, number: next.number, basedOnId: v.id, basedOnNumber: v.number },
    });
    return next.id;
  }

  // ─── Comments ───────────────────────────────────────────────────────────────────────────────────

  async addComment(actor: Actor, versionId: string, dto: CreateCommentDto): Promise<DraftCommentDto> {
    const id = await this.ds.transaction((em) => this.addCommentTx(em, actor, versionId, dto));
    const [c] = (await this.drafts.commentThreads(this.ds.manager, versionId)).flatMap(flattenThread).filter((x) => x.id === id);
    return { ...c, replies: [] };
  }

  async addCommentTx(em: EntityManager, actor: Actor, versionId: string, dto: CreateCommentDto): Promise<string> {
    // A share lock keeps the version from being adopted or superseded while the comment is written.
    const { v, doc } = await loadVersion(em, versionId, 'share');
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, v.status);
    DraftsPolicy.assertCanComment(actor, y);
    if (v.status === 'draft') throw conflict('not_circulated', `Phiên bản ${v.number} chưa được gửi xin ý kiến.`);
    if (v.status !== 'circulated') throw conflict('version_closed', `Phiên bản ${v.number} đã ${v.status === 'adopted' ? 'được thông qua' : 'được thay thế'}, không nhận thêm ý kiến.`);
    let sectionKey = dto.sectionKey;
    if (dto.parentId) {
      const parent = await parentComment(em, dto.parentId, v.id);
      if (!parent) throw invalidField('parentId', 'không phải ý kiến của phiên bản này');
      if (parent.sectionKey !== dto.sectionKey) throw invalidField('sectionKey', 'phải trùng với mục của ý kiến được trả lời');
      sectionKey = parent.sectionKey;
    }
    if (!v.sections.some((s) => s.key === sectionKey)) throw invalidField('sectionKey', 'không phải mục của phiên bản này');
    const commentId = await insertComment(em, { versionId: v.id, sectionKey, parentId: dto.parentId ?? null, unitId: actor.unitId, authorId: actor.id, body: dto.body });
    await this.audit.record(em, actor, {
      action: 'draft_comment.create', entityType: 'draft_comment', entityId: commentId, blockId: y.blockId,
      after: { versionId: v.id, sectionKey, parentId: dto.parentId ?? null, unitId: actor.unitId, body: dto.body },
    });
    return commentId;
  }

  async setCommentResolved(actor: Actor, commentId: string, resolved: boolean): Promise<DraftCommentDto> {
    const versionId = await this.ds.transaction((em) => this.setCommentResolvedTx(em, actor, commentId, resolved));
    const thread = (await this.drafts.commentThreads(this.ds.manager, versionId)).find((c) => c.id === commentId);
    return thread!;
  }

  /** Marks a thread (its root comment) resolved or open again; only the leader or deputy seat. */
  async setCommentResolvedTx(em: EntityManager, actor: Actor, commentId: string, resolved: boolean): Promise<string> {
    const c = await lockComment(em, commentId);
    if (!c) throw notFound('Không tìm thấy ý kiến góp ý.');
    const { doc } = await loadVersion(em, c.versionId);
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    if (!DraftsPolicy.canEdit(actor, y)) {
      DraftsPolicy.assertWritable(y);
      throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó đánh dấu ý kiến góp ý đã xử lý.');
    }
    if (c.parentId) throw badRequest('not_thread_root', 'Chỉ đánh dấu đã xử lý cho ý kiến gốc của một luồng trao đổi.');
    if (!!c.resolvedAt === resolved) return c.versionId;
    await setCommentResolution(em, commentId, resolved ? new Date() : null, resolved ? actor.id : null);
    await this.audit.record(em, actor, {
      action: resolved ? 'draft_comment.resolve' : 'draft_comment.reopen', entityType: 'draft_comment', entityId: commentId, blockId: y.blockId,
      before: { resolved: !resolved }, after: { resolved },
    });
    return c.versionId;
  }

  // ─── Adoption (through a conference decision) ───────────────────────────────────────────────────

  /**
   * Adopts a plan or rules version through a conference decision (called inside the caller's
   * transaction). The version must be a draft or circulated version of the conference's block year.
   * Earlier adopted and circulated versions become superseded; a plan's activities are materialised;
   * a rules version's rule set becomes the block year's rule set.
   */
  async adoptVersion(em: EntityManager, actor: Actor, versionId: string, conferenceId: string | null, reason?: string): Promise<void> {
    const { v, doc } = await loadVersion(em, versionId, true);
    const y = await loadYearContext(em, doc.blockYearId, actor, { lock: true });
    DraftsPolicy.assertCanEdit(actor, y);
    if (conferenceId) await assertConferenceOfYear(em, conferenceId, y.blockYearId);
    if (v.status === 'adopted') throw conflict('already_adopted', `Phiên bản ${v.number} đã được thông qua.`);
    if (v.status === 'superseded') throw conflict('version_superseded', `Phiên bản ${v.number} đã được thay thế bằng phiên bản mới hơn, không thể thông qua.`);
    if (doc.kind === 'plan' && v.plan) {
      const problems = planProblems(v.plan, (await membersOf(em, y.blockYearId)).map((m) => m.id), y.year);
      if (Object.keys(problems).length) throw conflict('plan_invalid', `Kế hoạch còn dữ liệu không hợp lệ, chưa thể thông qua: ${Object.entries(problems).map(([f, r]) => `${f} ${r}`).join('; ')}.`, problems);
    }
    const unresolved = await this.drafts.unresolvedComments(em, v.id);
    const problem = adoptionReasonProblem(unresolved, reason);
    if (problem) throw badRequest('unresolved_comments', problem, { reason: 'cần ghi lý do thông qua khi còn góp ý chưa xử lý' });
    const previous = await supersedeOnAdoption(em, doc.id, v.id, v.number);
    const before = { status: v.status };
    const now = new Date();
    if (!v.circulatedAt) {
      v.circulatedAt = now;
      v.circulatedBy = actor.id;
    }
    v.status = 'adopted';
    v.adoptedAt = now;
    v.adoptedBy = actor.id;
    v.adoptedConferenceId = conferenceId;
    v.contentHash = draftContentHash({ kind: doc.kind, title: v.title, sections: v.sections, plan: v.plan, ruleSet: v.ruleSet });
    await em.save(v);
    await this.audit.record(em, actor, {
      action: 'draft_version.adopt', entityType: 'draft_version', entityId: v.id, blockId: y.blockId, before,
      after: {
        status: 'adopted', kind: doc.kind, number: v.number, conferenceId, contentHash: v.contentHash, supersededVersionIds: previous,
        ...(unresolved.length ? { unresolvedCommentIds: unresolved.map((c) => c.id) } : {}),
      },
      reason: unresolved.length ? reason!.trim() : undefined,
    });
    if (doc.kind === 'plan') await this.materialiseActivities(em, actor, y, v);
    if (doc.kind === 'rules' && v.ruleSet) {
      const after = structuredClone(v.ruleSet);
      await assertRankingRulesFixedWhileRoundOpen(em, y.blockYearId, y.rules, after);
      await this.years.writeRules(em, y.blockYearId, after);
      const diff = changedFields({ rules: y.rules }, { rules: after });
      await this.audit.record(em, actor, {
        action: 'block_year.rules_adopt', entityType: 'block_year', entityId: y.blockYearId, blockId: y.blockId,
        before: diff.before, after: { ...diff.after, rulesVersionId: v.id, conferenceId }, reason: `Hội nghị thông qua Quy chế (phiên bản ${v.number})`,
      });
    }
  }

  /** Activities of the adopted plan become rows whose status is tracked; a status carries over by key. */
  private async materialiseActivities(em: EntityManager, actor: Actor, y: YearContext, v: DraftVersion): Promise<void> {
    const activities = v.plan?.activities ?? [];
    const keys = activities.map((a) => a.key);
    const removed = await deleteActivitiesNotIn(em, y.blockYearId, keys);
    for (const [sort, a] of activities.entries()) await upsertActivity(em, y.blockYearId, v.id, a, sort);
    await this.audit.record(em, actor, {
      action: 'plan_activity.materialise', entityType: 'block_year', entityId: y.blockYearId, blockId: y.blockId,
      after: { versionId: v.id, activities: activities.length, removed: removed.length },
    });
  }

  // ─── Plan progress ──────────────────────────────────────────────────────────────────────────────

  async updateActivity(actor: Actor, id: string, dto: UpdatePlanActivityDto): Promise<PlanProgressDto> {
    const blockYearId = await this.ds.transaction((em) => this.updateActivityTx(em, actor, id, dto));
    return this.drafts.planProgress(actor, blockYearId);
  }

  /** Status and notes of an adopted plan's activity; returns its block year id. */
  async updateActivityTx(em: EntityManager, actor: Actor, id: string, dto: UpdatePlanActivityDto): Promise<string> {
    const a = await lockActivity(em, id);
    if (!a) throw notFound('Không tìm thấy hoạt động của kế hoạch.');
    const y = await loadYearContext(em, a.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    DraftsPolicy.assertCanEdit(actor, y);
    assertVersion(a, dto.version, 'Hoạt động');
    const diff = changedFields({ status: a.status, notes: a.notes }, { status: dto.status, notes: dto.notes });
    if (!Object.keys(diff.after).length) return a.blockYearId;
    await updateActivity(em, id, dto.status ?? null, dto.notes ?? null);
    await this.audit.record(em, actor, { action: 'plan_activity.update', entityType: 'plan_activity', entityId: id, blockId: y.blockId, ...diff });
    return a.blockYearId;
  }

  /** Next year's plan as a draft (version 1, for `modules/next-year`, in the caller's transaction) from this year's adopted plan, else its latest version. */
  async startPlanFromPreviousYear(em: EntityManager, actor: Actor, c: { fromYearId: string; toYearId: string; blockCode: string; title: string }): Promise<string | null> {
    const v = await latestPlanContent(em, c.fromYearId);
    if (!v) return null;
    const skeleton = planSkeleton(v.sections ?? [], v.plan ?? null);
    const docId = await insertPlanDocument(em, c.toYearId, buildDocumentNumber(1, 'KH', c.blockCode), actor.id);
    await insertFirstPlanVersion(em, docId, c.title, skeleton.sections, skeleton.plan, actor.id);
    return docId;
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

  /** Locks the version, checks the actor holds a seat, the year is writable and the version is a draft. */
  private async loadForEdit(em: EntityManager, actor: Actor, id: string): Promise<Loaded & { y: YearContext }> {
    const { v, doc } = await loadVersion(em, id, true);
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    DraftsPolicy.assertCanEdit(actor, y);
    DraftsPolicy.assertEditable(v.status, v.number);
    return { v, doc, y };
  }
}

function flattenThread(c: DraftCommentDto): DraftCommentDto[] {
  return [c, ...c.replies.flatMap(flattenThread)];
}

function assertRev(s: DraftSection, sent: number): void {
  if (s.rev !== sent) {
    const who = s.updatedByName ? ` bởi ${s.updatedByName}` : '';
    throw conflict('stale_version', `Mục "${s.heading}" vừa được sửa${who} (lần sửa ${s.rev}, bạn đang sửa lần ${sent}). Vui lòng tải lại để xem nội dung mới nhất rồi sửa tiếp.`);
  }
}

function normalisePlan(p: PlanDataInputDto): PlanData {
  return {
    theme: p.theme.trim(),
    slogan: p.slogan.trim(),
    activities: withKeys(p.activities, 'hd').map((a) => ({ key: a.key, title: a.title, startDate: a.startDate, endDate: a.endDate, ownerUnitId: a.ownerUnitId ?? null, notes: a.notes ?? '' })),
    movements: withKeys(p.movements, 'pt').map((m) => ({ key: m.key, kind: m.kind, title: m.title, period: m.period ?? '', goal: m.goal ?? '' })),
    commemorations: withKeys(p.commemorations, 'kn').map((c) => ({ key: c.key, title: c.title, date: c.date, notes: c.notes ?? '' })),
    fieldTrips: withKeys(p.fieldTrips, 'tt').map((f) => ({ key: f.key, title: f.title, place: f.place ?? '', period: f.period ?? '', ownerUnitId: f.ownerUnitId ?? null, notes: f.notes ?? '' })),
  };
}
