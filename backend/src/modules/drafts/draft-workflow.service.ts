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
import { assertConferenceOfYear, KIND_LABEL, Loaded, loadVersion } from './draft-data';
import { DraftReadService } from './draft-read.service';
import { assertRankingRulesFixedWhileRoundOpen } from '../block-years/ranking-rules-guard';
import { DraftsPolicy } from './drafts.policy';
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
    const [exists] = await em.query('SELECT 1 FROM draft_documents WHERE block_year_id = $1 AND kind = $2', [y.blockYearId, dto.kind]);
    if (exists) throw conflict('duplicate_document', `Năm ${y.year} của ${y.blockName} đã có ${KIND_LABEL[dto.kind]}. Hãy sửa phiên bản đang soạn hoặc tạo phiên bản mới.`);
    let sections = dto.kind === 'plan' ? defaultPlanSections(y.blockName, y.year) : defaultRulesSections(y.blockName, y.year);
    let plan: PlanData | null = dto.kind === 'plan' ? emptyPlan() : null;
    if (dto.copyFromPreviousYear) {
      const [prev] = await em.query(
        `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id JOIN block_years y ON y.id = d.block_year_id
         WHERE y.block_id = $1 AND y.year < $2 AND d.kind = $3 AND v.status = 'adopted' ORDER BY y.year DESC LIMIT 1`, [y.blockId, y.year, dto.kind]);
      if (prev) {
        sections = (prev.sections as DraftSection[]).map((s) => ({ key: s.key, heading: s.heading, body: s.body, rev: 1 }));
        // Regular movements carry over; dated activities and campaigns belong to their year.
        if (plan && prev.plan) plan = { ...emptyPlan(), movements: (prev.plan as PlanData).movements.filter((m) => m.kind === 'regular') };
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
      await this.writeSections(em, v.id, sections);
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
    await this.writeSections(em, v.id, sections);
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
      await this.writeSections(em, v.id, v.sections.filter((x) => x.key !== key));
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
    const superseded: { id: string }[] = await em.query(
      `UPDATE draft_versions SET status = 'superseded', version = version + 1, updated_at = now()
       WHERE document_id = $1 AND status = 'circulated' AND number < $2 RETURNING id`, [doc.id, v.number]);
    await em.save(v);
    await notify(em, actor, { membersOf: [y.blockYearId] }, { kind: 'draft_circulated', blockYearId: y.blockYearId, link: `/block-years/${y.blockYearId}/${doc.kind === 'rules' ? 'rules' : 'plan'}`, title: `Xin ý kiến dự thảo ${doc.kind === 'rules' ? 'quy chế' : 'kế hoạch'}: ${v.title}`, body: 'Đề nghị đơn vị đọc dự thảo và góp ý.' });
    await this.audit.record(em, actor, {
      action: 'draft_version.circulate', entityType: 'draft_version', entityId: v.id, blockId: y.blockId,
      before: { status: 'draft' }, after: { status: 'circulated', contentHash: v.contentHash, supersededVersionIds: superseded.map((r) => r.id) },
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
    await em.query('SELECT 1 FROM draft_documents WHERE id = $1 FOR UPDATE', [source.doc.id]);
    const { v, doc } = await loadVersion(em, id);
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanEdit(actor, y);
    if (v.status === 'draft') throw conflict('already_draft', `Phiên bản ${v.number} đang soạn thảo; hãy sửa trực tiếp phiên bản này.`);
    const [draft] = await em.query(`SELECT number FROM draft_versions WHERE document_id = $1 AND status = 'draft'`, [doc.id]);
    if (draft) throw conflict('draft_exists', `Đã có phiên bản ${draft.number} đang soạn thảo; mỗi lúc chỉ soạn một phiên bản.`);
    const [{ max }] = await em.query('SELECT max(number)::int AS max FROM draft_versions WHERE document_id = $1', [doc.id]);
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
      const [parent] = await em.query('SELECT section_key FROM draft_comments WHERE id = $1 AND version_id = $2', [dto.parentId, v.id]);
      if (!parent) throw invalidField('parentId', 'không phải ý kiến của phiên bản này');
      if (parent.section_key !== dto.sectionKey) throw invalidField('sectionKey', 'phải trùng với mục của ý kiến được trả lời');
      sectionKey = parent.section_key;
    }
    if (!v.sections.some((s) => s.key === sectionKey)) throw invalidField('sectionKey', 'không phải mục của phiên bản này');
    const [row] = await em.query(
      `INSERT INTO draft_comments (version_id, section_key, parent_id, unit_id, author_id, body) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [v.id, sectionKey, dto.parentId ?? null, actor.unitId, actor.id, dto.body]);
    await this.audit.record(em, actor, {
      action: 'draft_comment.create', entityType: 'draft_comment', entityId: row.id, blockId: y.blockId,
      after: { versionId: v.id, sectionKey, parentId: dto.parentId ?? null, unitId: actor.unitId, body: dto.body },
    });
    return row.id;
  }

  async setCommentResolved(actor: Actor, commentId: string, resolved: boolean): Promise<DraftCommentDto> {
    const versionId = await this.ds.transaction((em) => this.setCommentResolvedTx(em, actor, commentId, resolved));
    const thread = (await this.drafts.commentThreads(this.ds.manager, versionId)).find((c) => c.id === commentId);
    return thread!;
  }

  /** Marks a thread (its root comment) resolved or open again; only the leader or deputy seat. */
  async setCommentResolvedTx(em: EntityManager, actor: Actor, commentId: string, resolved: boolean): Promise<string> {
    const [c] = await em.query('SELECT id, version_id, parent_id, resolved_at FROM draft_comments WHERE id = $1 FOR UPDATE', [commentId]);
    if (!c) throw notFound('Không tìm thấy ý kiến góp ý.');
    const { doc } = await loadVersion(em, c.version_id);
    const y = await loadYearContext(em, doc.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    if (!DraftsPolicy.canEdit(actor, y)) {
      DraftsPolicy.assertWritable(y);
      throw forbidden('Chỉ đơn vị Khối trưởng hoặc Khối phó đánh dấu ý kiến góp ý đã xử lý.');
    }
    if (c.parent_id) throw badRequest('not_thread_root', 'Chỉ đánh dấu đã xử lý cho ý kiến gốc của một luồng trao đổi.');
    if (!!c.resolved_at === resolved) return c.version_id;
    await em.query('UPDATE draft_comments SET resolved_at = $2, resolved_by = $3 WHERE id = $1', [commentId, resolved ? new Date() : null, resolved ? actor.id : null]);
    await this.audit.record(em, actor, {
      action: resolved ? 'draft_comment.resolve' : 'draft_comment.reopen', entityType: 'draft_comment', entityId: commentId, blockId: y.blockId,
      before: { resolved: !resolved }, after: { resolved },
    });
    return c.version_id;
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
    const previous: { id: string }[] = await em.query(
      `UPDATE draft_versions SET status = 'superseded', version = version + 1, updated_at = now()
       WHERE document_id = $1 AND id <> $2 AND (status = 'adopted' OR (status = 'circulated' AND number < $3)) RETURNING id`, [doc.id, v.id, v.number]);
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
        status: 'adopted', kind: doc.kind, number: v.number, conferenceId, contentHash: v.contentHash, supersededVersionIds: previous.map((p) => p.id),
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
    const removed: { id: string }[] = await em.query(
      'DELETE FROM plan_activities WHERE block_year_id = $1 AND NOT (activity_key = ANY($2::text[])) RETURNING id', [y.blockYearId, keys]);
    for (const [sort, a] of activities.entries()) {
      await em.query(
        `INSERT INTO plan_activities (block_year_id, version_id, activity_key, title, start_date, end_date, owner_unit_id, notes, sort, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,1)
         ON CONFLICT (block_year_id, activity_key) DO UPDATE SET version_id = EXCLUDED.version_id, title = EXCLUDED.title, start_date = EXCLUDED.start_date,
           end_date = EXCLUDED.end_date, owner_unit_id = EXCLUDED.owner_unit_id, sort = EXCLUDED.sort, version = plan_activities.version + 1, updated_at = now()`,
        [y.blockYearId, v.id, a.key, a.title, a.startDate, a.endDate, a.ownerUnitId, a.notes, sort]);
    }
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
    const [a] = await em.query('SELECT id, block_year_id, status, notes, version FROM plan_activities WHERE id = $1 FOR UPDATE', [id]);
    if (!a) throw notFound('Không tìm thấy hoạt động của kế hoạch.');
    const y = await loadYearContext(em, a.block_year_id, actor);
    DraftsPolicy.assertCanRead(actor, y);
    DraftsPolicy.assertCanEdit(actor, y);
    assertVersion(a, dto.version, 'Hoạt động');
    const diff = changedFields({ status: a.status, notes: a.notes }, { status: dto.status, notes: dto.notes });
    if (!Object.keys(diff.after).length) return a.block_year_id;
    await em.query('UPDATE plan_activities SET status = coalesce($2, status), notes = coalesce($3, notes), version = version + 1, updated_at = now() WHERE id = $1',
      [id, dto.status ?? null, dto.notes ?? null]);
    await this.audit.record(em, actor, { action: 'plan_activity.update', entityType: 'plan_activity', entityId: id, blockId: y.blockId, ...diff });
    return a.block_year_id;
  }

  /** Next year's plan as a draft (version 1, for `modules/next-year`, in the caller's transaction) from this year's adopted plan, else its latest version. */
  async startPlanFromPreviousYear(em: EntityManager, actor: Actor, c: { fromYearId: string; toYearId: string; blockCode: string; title: string }): Promise<string | null> {
    const [v] = await em.query(
      `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
       WHERE d.block_year_id = $1 AND d.kind = 'plan' ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [c.fromYearId]);
    if (!v) return null;
    const skeleton = planSkeleton(v.sections ?? [], v.plan ?? null);
    const [doc] = await em.query(
      `INSERT INTO draft_documents (block_year_id, kind, doc_number, created_by, version) VALUES ($1,'plan',$2,$3,1) RETURNING id`,
      [c.toYearId, buildDocumentNumber(1, 'KH', c.blockCode), actor.id]);
    await em.query(
      `INSERT INTO draft_versions (document_id, number, status, title, sections, plan, rule_set, created_by, version) VALUES ($1,1,'draft',$2,$3,$4,NULL,$5,1)`,
      [doc.id, c.title, JSON.stringify(skeleton.sections), JSON.stringify(skeleton.plan), actor.id]);
    return doc.id;
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

  /** Sections are written without touching the row's `version`: each section has its own `rev`. */
  private async writeSections(em: EntityManager, id: string, sections: DraftSection[]): Promise<void> {
    await em.query('UPDATE draft_versions SET sections = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(sections)]);
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
