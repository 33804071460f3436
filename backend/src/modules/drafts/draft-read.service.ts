import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalidField, notFound } from '../../common/app-error';
import { loadYearContext, YearContext } from '../../common/scope/year-context';
import { renderDocx, renderPdf } from '../documents';
import { UnresolvedComment } from './adoption-rules';
import type { DraftKind, PlanData } from './draft-content';
import { CONTENT_TYPES, DraftMaterialKind, ExportedFile, iso, KIND_LABEL, loadVersion, MaterialDescription, unitNames, vietnamToday } from './draft-data';
import { draftDiff } from './draft-diff';
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
    const docs: { id: string }[] = await this.ds.query(
      `SELECT id FROM draft_documents WHERE block_year_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY kind`, [q.blockYearId, q.kind ?? null]);
    const items = await Promise.all(docs.map((d) => this.documentDto(actor, y, d.id)));
    const [{ n }] = await this.ds.query('SELECT count(*)::int AS n FROM draft_documents WHERE block_year_id = $1', [q.blockYearId]);
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
    const rows: Record<string, any>[] = await this.ds.query(
      `SELECT a.id, a.activity_key, a.title, a.start_date::text AS start_date, a.end_date::text AS end_date, a.owner_unit_id, u.name AS owner_name,
              a.status, a.notes, a.sort, a.version, a.version_id
       FROM plan_activities a LEFT JOIN units u ON u.id = a.owner_unit_id WHERE a.block_year_id = $1 ORDER BY a.sort, a.start_date`, [blockYearId]);
    const [adopted] = await this.ds.query(
      `SELECT v.id FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id WHERE d.block_year_id = $1 AND d.kind = 'plan' AND v.status = 'adopted'`, [blockYearId]);
    const today = vietnamToday();
    const items: PlanActivityDto[] = rows.map((r) => ({
      id: r.id, key: r.activity_key, title: r.title, startDate: r.start_date, endDate: r.end_date, ownerUnitId: r.owner_unit_id, ownerUnitName: r.owner_name ?? null,
      status: r.status, notes: r.notes, sort: r.sort, version: r.version, overdue: (r.status === 'planned' || r.status === 'in_progress') && r.end_date < today,
    }));
    const count = (s: string) => items.filter((i) => i.status === s).length;
    const done = count('done');
    const cancelled = count('cancelled');
    const counted = items.length - cancelled;
    return {
      blockYearId, versionId: adopted?.id ?? null, total: items.length, planned: count('planned'), inProgress: count('in_progress'), done, cancelled,
      percentDone: counted ? Math.round((done / counted) * 1000) / 10 : 0, items, canUpdate: DraftsPolicy.canEdit(actor, y),
    };
  }

  // ─── Export ─────────────────────────────────────────────────────────────────────────────────────

  async exportVersion(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const { v, doc } = await loadVersion(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, doc.blockYearId, actor);
    DraftsPolicy.assertCanSeeVersion(actor, y, v.status);
    const names = await unitNames(this.ds.manager);
    const [head] = y.leaderUnitId
      ? await this.ds.query(`SELECT full_name FROM accounts WHERE unit_id = $1 AND role = 'unit_head' AND archived_at IS NULL ORDER BY created_at LIMIT 1`, [y.leaderUnitId])
      : [];
    const model = draftDocumentModel({
      kind: doc.kind, docNumber: doc.docNumber, title: v.title, number: v.number, status: v.status, adoptedAt: v.adoptedAt, contentHash: v.contentHash,
      sections: v.sections, plan: v.plan, ruleSet: v.ruleSet, blockName: y.blockName, year: y.year, legalBasis: y.legalBasis,
      unitName: (uid) => (uid ? (names.get(uid) ?? '') : ''), leaderHeadName: head?.full_name ?? null,
    });
    const buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    const code = doc.kind === 'plan' ? 'KH' : 'QC';
    return { buffer, filename: `${code}-${y.blockCode}-${y.year}-v${v.number}.${format}`, contentType: CONTENT_TYPES[format] };
  }

  // ─── For the workflow and other modules ─────────────────────────────────────────────────────────

  /** Comments (top-level, not replies) of a version that nobody has marked resolved, oldest first. */
  async unresolvedComments(em: EntityManager, versionId: string): Promise<UnresolvedComment[]> {
    return em.query(
      `SELECT c.id, c.section_key AS "sectionKey", c.body, coalesce(u.name, a.full_name) AS "author"
       FROM draft_comments c JOIN accounts a ON a.id = c.author_id LEFT JOIN units u ON u.id = c.unit_id
       WHERE c.version_id = $1 AND c.parent_id IS NULL AND c.resolved_at IS NULL ORDER BY c.created_at, c.id`, [versionId]);
  }

  /** Movements and activities of the year's plan (the adopted version, else the newest), for other modules to link to by key. */
  async planLinks(em: EntityManager, blockYearId: string): Promise<{ movements: { key: string; title: string }[]; activities: { key: string; title: string }[] }> {
    const [row] = await em.query(
      `SELECT v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
       WHERE d.block_year_id = $1 AND d.kind = 'plan' AND v.plan IS NOT NULL ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [blockYearId]);
    const plan: PlanData | null = row?.plan ?? null;
    return {
      movements: (plan?.movements ?? []).map((m) => ({ key: m.key, title: m.title })),
      activities: (plan?.activities ?? []).map((a) => ({ key: a.key, title: a.title })),
    };
  }

  /** Title and block year of a plan or rules version, for conference agenda items; null when there is none. */
  async describeMaterial(em: EntityManager, kind: DraftMaterialKind, id: string): Promise<MaterialDescription | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await em.query(
      `SELECT v.number, v.title, v.status, d.kind, d.block_year_id, d.doc_number FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id WHERE v.id = $1`, [id]);
    if (!row || row.kind !== (kind === 'plan_version' ? 'plan' : 'rules')) return null;
    return { blockYearId: row.block_year_id, title: `${KIND_LABEL[row.kind as DraftKind]} – phiên bản ${row.number} (${row.doc_number}): ${row.title}` };
  }

  /** A document with the versions the actor may see. */
  async documentDto(actor: Actor, y: YearContext, id: string): Promise<DraftDocumentDto> {
    const [doc] = await this.ds.query('SELECT id, block_year_id, kind, doc_number FROM draft_documents WHERE id = $1', [id]);
    const rows: Record<string, any>[] = await this.ds.query(
      `SELECT v.id, v.number, v.status, v.title, v.created_at, v.circulated_at, v.adopted_at,
              (SELECT count(*)::int FROM draft_comments c WHERE c.version_id = v.id) AS comment_count,
              (SELECT count(*)::int FROM draft_comments c WHERE c.version_id = v.id AND c.parent_id IS NULL AND c.resolved_at IS NULL) AS open_count
       FROM draft_versions v WHERE v.document_id = $1 ORDER BY v.number DESC`, [id]);
    const seeDrafts = DraftsPolicy.canSeeDrafts(actor, y);
    const versions: DraftVersionSummaryDto[] = rows.filter((r) => seeDrafts || r.status !== 'draft').map((r) => ({
      id: r.id, number: r.number, status: r.status, title: r.title, createdAt: iso(r.created_at)!, circulatedAt: iso(r.circulated_at), adoptedAt: iso(r.adopted_at),
      commentCount: r.comment_count, openCommentCount: r.open_count,
    }));
    return {
      id: doc.id, blockYearId: doc.block_year_id, kind: doc.kind, docNumber: doc.doc_number, versions,
      latestVersionId: versions[0]?.id ?? null, adoptedVersionId: versions.find((x) => x.status === 'adopted')?.id ?? null,
    };
  }

  private async versionDto(em: EntityManager, actor: Actor, y: YearContext, v: DraftVersion, doc: DraftDocument): Promise<DraftVersionDto> {
    const [names] = await em.query(
      `SELECT (SELECT full_name FROM accounts WHERE id = $1) AS created, (SELECT full_name FROM accounts WHERE id = $2) AS circulated,
              (SELECT full_name FROM accounts WHERE id = $3) AS adopted`, [v.createdBy, v.circulatedBy, v.adoptedBy]);
    const counts: { section_key: string; total: number; open: number }[] = await em.query(
      `SELECT section_key, count(*)::int AS total, count(*) FILTER (WHERE parent_id IS NULL AND resolved_at IS NULL)::int AS open
       FROM draft_comments WHERE version_id = $1 GROUP BY section_key`, [v.id]);
    const byKey = new Map(counts.map((c) => [c.section_key, c]));
    const units = await unitNames(em);
    const unitName = (id: string | null) => (id ? (units.get(id) ?? null) : null);
    const canEdit = DraftsPolicy.canEdit(actor, y);
    const [{ max, has_draft }] = await em.query(
      `SELECT max(number)::int AS max, coalesce(bool_or(status = 'draft'), false) AS has_draft FROM draft_versions WHERE document_id = $1`, [doc.id]);
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
        canRevise: canEdit && v.status !== 'draft' && v.number === max && !has_draft,
        canComment: DraftsPolicy.canComment(actor, y) && v.status === 'circulated',
        canResolve: canEdit,
      },
    };
  }

  /** A version's comments as threads (replies under their root). */
  async commentThreads(em: EntityManager, versionId: string, sectionKey?: string): Promise<DraftCommentDto[]> {
    const rows: Record<string, any>[] = await em.query(
      `SELECT c.id, c.version_id, c.section_key, c.parent_id, c.unit_id, u.name AS unit_name, c.author_id, a.full_name AS author_name, c.body,
              c.created_at, c.resolved_at, r.full_name AS resolved_by_name
       FROM draft_comments c JOIN accounts a ON a.id = c.author_id LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN accounts r ON r.id = c.resolved_by
       WHERE c.version_id = $1 AND ($2::text IS NULL OR c.section_key = $2) ORDER BY c.created_at, c.id`, [versionId, sectionKey ?? null]);
    const byId = new Map<string, DraftCommentDto>();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id, versionId: r.version_id, sectionKey: r.section_key, parentId: r.parent_id, unitId: r.unit_id, unitName: r.unit_name ?? null,
        authorId: r.author_id, authorName: r.author_name, body: r.body, createdAt: iso(r.created_at)!, resolvedAt: iso(r.resolved_at),
        resolvedByName: r.resolved_by_name ?? null, replies: [],
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
