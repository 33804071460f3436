import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalidField, notFound } from '../../common/app-error';
import { loadYearContext, YearContext } from '../../common/scope/year-context';
import { renderDocx, renderPdf } from '../documents';
import { UnresolvedComment } from './adoption-rules';
import { commentCountsBySection, commentsOf, unresolvedCommentsOf } from './comment-data';
import {
  adoptedPlanVersionId, CONTENT_TYPES, documentCount, documentIdsOfYear, documentRow, DraftMaterialKind, ExportedFile, iso, KIND_LABEL, latestPlanData, loadVersion,
  MaterialDescription, unitHeadName, unitNames, versionHeading, versionNumbers, versionPeopleNames, versionSummaries, vietnamToday,
} from './draft-data';
import { draftDiff } from './draft-diff';
import { activitiesOfYear } from './plan-activity-data';
import { draftDocumentModel } from './drafts.export';
import { DraftsPolicy } from './drafts.policy';
import type { DraftListQueryDto } from './dto/draft-request.dto';
import type {
  DraftCommentDto, DraftDiffDto, DraftDocumentDto, DraftDocumentListDto, DraftVersionDto, DraftVersionSummaryDto, PlanActivityDto, PlanProgressDto,
} from './dto/draft-response.dto';
import { DraftDocument } from './entities/draft-document.entity';
import { DraftVersion } from './entities/draft-version.entity';

/**
 * The plan and the rules as officials read them: a year's documents, a version, two versions side by side, the comments,
 * the plan's progress and a version's file; and what other modules read (plan links, agenda material, open comments).
 */
@Injectable()
export class DraftReadService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async listDocuments(actor: Actor, q: DraftListQueryDto): Promise<DraftDocumentListDto> {
    const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    const docIds = await documentIdsOfYear(this.ds.manager, q.blockYearId, q.kind ?? null);
    const items = await Promise.all(docIds.map((id) => this.documentDto(actor, y, id)));
    const n = await documentCount(this.ds.manager, q.blockYearId);
    return { items, permissions: { canCreate: DraftsPolicy.canEdit(actor, y) && n < 2 } };
  }

  async getDocument(actor: Actor, id: string): Promise<DraftDocumentDto> {
    const doc = await this.ds.getRepository(DraftDocument).findOneBy({ id });
    if (!doc) throw notFound('Không tìm thấy văn bản dự thảo.');
    const y = await loadYearContext(this.ds.manager, doc.blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    return this.documentDto(actor, y, id);
  }

  async getVersion(actor: Actor, id: string): Promise<DraftVersionDto> {
    const { v, doc } = await loadVersion(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, v.status);
    return this.versionDto(this.ds.manager, actor, y, v, doc);
  }

  async compareVersions(actor: Actor, id: string, againstId: string): Promise<DraftDiffDto> {
    const right = await loadVersion(this.ds.manager, id);
    const left = await loadVersion(this.ds.manager, againstId, false, 'against');
    if (left.doc.id !== right.doc.id) throw invalidField('against', 'phải là một phiên bản của cùng văn bản');
    const y = await loadYearContext(this.ds.manager, right.doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, right.v.status);
    DraftsPolicy.assertCanSeeVersion(actor, y, left.v.status);
    const names = await unitNames(this.ds.manager);
    const d = draftDiff(left.v, right.v, (uid) => (uid ? (names.get(uid) ?? '') : ''));
    return { leftVersionId: left.v.id, leftNumber: left.v.number, rightVersionId: right.v.id, rightNumber: right.v.number, ...d };
  }

  async listComments(actor: Actor, versionId: string, sectionKey?: string): Promise<DraftCommentDto[]> {
    const { v, doc } = await loadVersion(this.ds.manager, versionId);
    const y = await loadYearContext(this.ds.manager, doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, v.status);
    return this.commentThreads(this.ds.manager, versionId, sectionKey);
  }

  // ─── Plan progress ──────────────────────────────────────────────────────────────────────────────

  async planProgress(actor: Actor, blockYearId: string): Promise<PlanProgressDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    DraftsPolicy.assertCanRead(actor, y);
    const rows = await activitiesOfYear(this.ds.manager, blockYearId);
    const adoptedId = await adoptedPlanVersionId(this.ds.manager, blockYearId);
    const today = vietnamToday();
    const items: PlanActivityDto[] = rows.map((r) => ({
      id: r.id, key: r.activityKey, title: r.title, startDate: r.startDate, endDate: r.endDate, ownerUnitId: r.ownerUnitId, ownerUnitName: r.ownerName ?? null,
      status: r.status, notes: r.notes, sort: r.sort, version: r.version, overdue: (r.status === 'planned' || r.status === 'in_progress') && r.endDate < today,
    }));
    const count = (s: string) => items.filter((i) => i.status === s).length;
    const done = count('done');
    const cancelled = count('cancelled');
    const counted = items.length - cancelled;
    return {
      blockYearId, versionId: adoptedId, total: items.length, planned: count('planned'), inProgress: count('in_progress'), done, cancelled,
      percentDone: counted ? Math.round((done / counted) * 1000) / 10 : 0, items, canUpdate: DraftsPolicy.canEdit(actor, y),
    };
  }

  // ─── Export ─────────────────────────────────────────────────────────────────────────────────────

  async exportVersion(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const { v, doc } = await loadVersion(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, v.status);
    const names = await unitNames(this.ds.manager);
    const leaderHeadName = y.leaderUnitId ? await unitHeadName(this.ds.manager, y.leaderUnitId) : null;
    const model = draftDocumentModel({
      kind: doc.kind, docNumber: doc.docNumber, title: v.title, number: v.number, status: v.status, adoptedAt: v.adoptedAt, contentHash: v.contentHash,
      sections: v.sections, plan: v.plan, ruleSet: v.ruleSet, blockName: y.blockName, year: y.year, legalBasis: y.legalBasis,
      unitName: (uid) => (uid ? (names.get(uid) ?? '') : ''), leaderHeadName,
    });
    const buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    const code = doc.kind === 'plan' ? 'KH' : 'QC';
    return { buffer, filename: `${code}-${y.blockCode}-${y.year}-v${v.number}.${format}`, contentType: CONTENT_TYPES[format] };
  }

  // ─── For the workflow and other modules ─────────────────────────────────────────────────────────

  /** Comments (top-level, not replies) of a version that nobody has marked resolved, oldest first. */
  async unresolvedComments(em: EntityManager, versionId: string): Promise<UnresolvedComment[]> {
    return unresolvedCommentsOf(em, versionId);
  }

  /** Movements and activities of the year's plan (the adopted version, else the newest), for other modules to link to by key. */
  async planLinks(em: EntityManager, blockYearId: string): Promise<{ movements: { key: string; title: string }[]; activities: { key: string; title: string }[] }> {
    const plan = await latestPlanData(em, blockYearId);
    return {
      movements: (plan?.movements ?? []).map((m) => ({ key: m.key, title: m.title })),
      activities: (plan?.activities ?? []).map((a) => ({ key: a.key, title: a.title })),
    };
  }

  /** Title and block year of a plan or rules version, for conference agenda items; null when there is none. */
  async describeMaterial(em: EntityManager, kind: DraftMaterialKind, id: string): Promise<MaterialDescription | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await versionHeading(em, id);
    if (!row || row.kind !== (kind === 'plan_version' ? 'plan' : 'rules')) return null;
    return { blockYearId: row.blockYearId, title: `${KIND_LABEL[row.kind]} – phiên bản ${row.number} (${row.docNumber}): ${row.title}` };
  }

  /** A document with the versions the actor may see. */
  async documentDto(actor: Actor, y: YearContext, id: string): Promise<DraftDocumentDto> {
    const doc = await documentRow(this.ds.manager, id);
    const rows = await versionSummaries(this.ds.manager, id);
    const seeDrafts = DraftsPolicy.canSeeDrafts(actor, y);
    const versions: DraftVersionSummaryDto[] = rows.filter((r) => seeDrafts || r.status !== 'draft').map((r) => ({
      id: r.id, number: r.number, status: r.status, title: r.title, createdAt: iso(r.createdAt)!, circulatedAt: iso(r.circulatedAt), adoptedAt: iso(r.adoptedAt),
      commentCount: r.commentCount, openCommentCount: r.openCount,
    }));
    return {
      id: doc.id, blockYearId: doc.blockYearId, kind: doc.kind, docNumber: doc.docNumber, versions,
      latestVersionId: versions[0]?.id ?? null, adoptedVersionId: versions.find((x) => x.status === 'adopted')?.id ?? null,
    };
  }

  private async versionDto(em: EntityManager, actor: Actor, y: YearContext, v: DraftVersion, doc: DraftDocument): Promise<DraftVersionDto> {
    const names = await versionPeopleNames(em, { created: v.createdBy, circulated: v.circulatedBy, adopted: v.adoptedBy });
    const counts = await commentCountsBySection(em, v.id);
    const byKey = new Map(counts.map((c) => [c.sectionKey, c]));
    const units = await unitNames(em);
    const unitName = (id: string | null) => (id ? (units.get(id) ?? null) : null);
    const canEdit = DraftsPolicy.canEdit(actor, y);
    const { max, hasDraft } = await versionNumbers(em, doc.id);
    return {
      id: v.id, documentId: doc.id, blockYearId: doc.blockYearId, year: y.year, blockName: y.blockName, kind: doc.kind, docNumber: doc.docNumber,
      number: v.number, status: v.status, title: v.title,
      sections: v.sections.map((s) => ({
        key: s.key, heading: s.heading, body: s.body, rev: s.rev, updatedByName: s.updatedByName ?? null, updatedAt: s.updatedAt ?? null,
        commentCount: byKey.get(s.key)?.total ?? 0, openCommentCount: byKey.get(s.key)?.open ?? 0,
      })),
      plan: v.plan ? {
        ...v.plan,
        activities: v.plan.activities.map((a) => ({ ...a, ownerUnitName: unitName(a.ownerUnitId) })),
        fieldTrips: v.plan.fieldTrips.map((f) => ({ ...f, ownerUnitName: unitName(f.ownerUnitId) })),
      } : null,
      ruleSet: v.ruleSet, contentHash: v.contentHash, basedOnId: v.basedOnId,
      createdAt: iso(v.createdAt)!, createdByName: names.created, circulatedAt: iso(v.circulatedAt), circulatedByName: names.circulated,
      adoptedAt: iso(v.adoptedAt), adoptedByName: names.adopted, adoptedConferenceId: v.adoptedConferenceId, version: v.version,
      permissions: {
        canEdit: canEdit && v.status === 'draft',
        canCirculate: canEdit && v.status === 'draft',
        canRevise: canEdit && v.status !== 'draft' && v.number === max && !hasDraft,
        canComment: DraftsPolicy.canComment(actor, y) && v.status === 'circulated',
        canResolve: canEdit,
      },
    };
  }

  /** A version's comments as threads (replies under their root). */
  async commentThreads(em: EntityManager, versionId: string, sectionKey?: string): Promise<DraftCommentDto[]> {
    const rows = await commentsOf(em, versionId, sectionKey ?? null);
    const byId = new Map<string, DraftCommentDto>();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id, versionId: r.versionId, sectionKey: r.sectionKey, parentId: r.parentId, unitId: r.unitId, unitName: r.unitName ?? null,
        authorId: r.authorId, authorName: r.authorName, body: r.body, createdAt: iso(r.createdAt)!, resolvedAt: iso(r.resolvedAt),
        resolvedByName: r.resolvedByName ?? null, replies: [],
      });
    }
    const roots: DraftCommentDto[] = [];
    for (const c of byId.values()) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      if (parent) parent.replies.push(c);
      else roots.push(c);
    }
    return roots;
  }
}
