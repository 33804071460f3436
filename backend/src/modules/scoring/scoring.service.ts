import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import type { ErrorCode } from '../../common/error-codes';
import { badRequest, conflict, invalidField, notFound } from '../../common/app-error';
import { assertVersion } from '../../common/versioning';
import { canonicalJson } from '../../common/canonical-json';
import { AuditService } from '../audit/audit.service';
import {
  AdjustmentItemDto, CreateCriterionDto, CreateSchemeDto, CriterionDto, MoveCriterionDto, SchemeDto, SchemeQueryDto, SchemeSummaryDto, UpdateCriterionDto,
  UpdateSchemeDto,
} from './dto/scheme.dto';
import { scaleMismatch, SchemeError, validateScheme } from '@thidua/rules';
import { CriterionRow, introducedErrors, treeTotals, validateRows } from './scheme-tree';
import { parseSchemeXlsx, schemeToXlsx } from './scheme-xlsx';
import { ScoringPolicy } from './scoring.policy';
import { loadScoringYear, ScoringYear, yearMembers } from './year-context';
import * as data from './scoring-data';
import type { SchemeRow, StoredCriterion } from './scoring-data';

export type { StoredCriterion } from './scoring-data';

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fields of a criterion that an edit can change (what is compared to find changed rows). */
const EDITABLE: (keyof CriterionRow)[] = ['parentId', 'code', 'title', 'guidance', 'type', 'maxPoints', 'sortOrder', 'evidenceRequired', 'pointsPerOccurrence', 'measure', 'items', 'notApplicableUnitIds', 'countSource'];


@Injectable()
export class ScoringService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  // ---------------------------------------------------------------- reading

  async list(actor: Actor, q: SchemeQueryDto): Promise<SchemeSummaryDto[]> {
    const year = await loadScoringYear(this.ds.manager, q.blockYearId, actor, () => invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống'));
    ScoringPolicy.assertCanRead(actor, year);
    // One query: each version with its based-on version, its rounds and its criteria (for validity).
    const rows = await data.listSchemes(this.ds.manager, q.blockYearId);
    const canEdit = ScoringPolicy.canEdit(actor, year);
    return rows.map((r): SchemeSummaryDto => {
      const criteria = r.criteria;
      const problems = validateRows(criteria, r.totalMax);
      return {
        id: r.id, blockYearId: r.blockYearId, versionNo: r.versionNo, title: r.title, totalMax: r.totalMax,
        status: r.frozenAt ? 'frozen' : 'draft', frozenAt: r.frozenAt ? new Date(r.frozenAt).toISOString() : null,
        criteriaCount: criteria.filter((c) => c.type !== 'group').length, basedOnId: r.basedOnId,
        basedOn: r.basedOnId && r.basedOnVersionNo !== null ? { id: r.basedOnId, versionNo: r.basedOnVersionNo, year: r.basedOnYear as number } : null,
        rounds: r.rounds, valid: problems.length === 0 && criteria.length > 0, problemCount: problems.length, version: r.version,
        permissions: { canEdit: canEdit && !r.frozenAt, canCreateVersion: canEdit },
      };
    });
  }

  async get(actor: Actor, id: string): Promise<SchemeDto> {
    const scheme = await this.loadScheme(this.ds.manager, id);
    const year = await loadScoringYear(this.ds.manager, scheme.blockYearId, actor);
    ScoringPolicy.assertCanRead(actor, year);
    return this.toDto(this.ds.manager, actor, scheme, year);
  }

  /** The criteria rows of a scheme, with their versions (for the rounds module and the bench). */
  async loadRows(em: EntityManager, schemeId: string): Promise<StoredCriterion[]> {
    return data.selectCriteria(em, schemeId);
  }

  // ---------------------------------------------------------------- versions

  /** A new version for the year: empty, or a copy of a scheme of the same block (this or an earlier year). */
  async create(actor: Actor, dto: CreateSchemeDto): Promise<SchemeDto> {
    const id = await this.ds.transaction((em) => this.createTx(em, actor, dto));
    return this.get(actor, id);
  }

  /** `create` inside the caller's transaction; returns the new version's id. */
  async createTx(em: EntityManager, actor: Actor, dto: CreateSchemeDto): Promise<string> {
    const year = await loadScoringYear(em, dto.blockYearId, actor, () => invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống'));
    ScoringPolicy.assertCanEdit(actor, year);
    // Serialise version numbering per year.
    await data.lockBlockYear(em, year.blockYearId);
    let source: SchemeRow | null = null;
    let sourceRows: StoredCriterion[] = [];
    if (dto.copyFromSchemeId) {
      source = await this.loadScheme(em, dto.copyFromSchemeId, () => invalidField('copyFromSchemeId', 'không phải biểu chấm điểm có trong hệ thống'));
      const src = await data.blockYearOf(em, source.blockYearId);
      if (src.blockId !== year.blockId) throw invalidField('copyFromSchemeId', 'phải là biểu chấm điểm của cùng khối');
      if (src.year > year.year) throw invalidField('copyFromSchemeId', 'không được sao chép từ biểu của năm sau');
      sourceRows = await this.loadRows(em, source.id);
    }
    const totalMax = dto.totalMax ?? source?.totalMax ?? year.rules.scoringScaleMax;
    const problem = validateScheme([], totalMax).find((e) => e.rule === 'declared_total');
    if (problem) throw invalidField('totalMax', 'phải là số dương, tối đa 2 chữ số thập phân');
    const next = await data.nextVersionNo(em, year.blockYearId);
    const title = dto.title ?? source?.title ?? `Biểu chấm điểm thi đua năm ${year.year}`;
    const row = { id: await data.insertScheme(em, { blockYearId: year.blockYearId, versionNo: next, title, totalMax, basedOnId: source?.id ?? null, createdBy: actor.id }) };
    if (sourceRows.length) {
      const members = new Set((await yearMembers(em, year.blockYearId)).map((m) => m.id));
      const newId = new Map(sourceRows.map((r) => [r.id, randomUUID()]));
      const copies = sourceRows.map((r) => ({
        ...r, id: newId.get(r.id)!, parentId: r.parentId ? newId.get(r.parentId)! : null,
        notApplicableUnitIds: r.notApplicableUnitIds.filter((u) => members.has(u)),
      }));
      await this.persist(em, row.id, [], copies);
    }
    await this.audit.record(em, actor, {
      action: 'scoring_scheme.create', entityType: 'scoring_scheme', entityId: row.id, blockId: year.blockId,
      after: { blockYearId: year.blockYearId, versionNo: next, title, totalMax, copiedFrom: source?.id ?? null, criteria: sourceRows.length },
    });
    return row.id;
  }

  async update(actor: Actor, id: string, dto: UpdateSchemeDto): Promise<SchemeDto> {
    await this.ds.transaction(async (em) => {
      const { scheme, year } = await this.loadForEdit(em, actor, id);
      assertVersion(scheme, dto.version, 'Biểu chấm điểm');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (dto.title !== undefined && dto.title !== scheme.title) {
        before.title = scheme.title;
        after.title = dto.title;
      }
      if (dto.totalMax !== undefined && dto.totalMax !== scheme.totalMax) {
        const problem = validateScheme([], dto.totalMax).find((e) => e.rule === 'declared_total');
        if (problem) throw badRequest('invalid_scheme', problem.message, { totalMax: 'phải là số dương, tối đa 2 chữ số thập phân' });
        before.totalMax = scheme.totalMax;
        after.totalMax = dto.totalMax;
      }
      if (!Object.keys(after).length) return;
      await data.updateSchemeHeader(em, id, dto.title ?? scheme.title, dto.totalMax ?? scheme.totalMax);
      await this.audit.record(em, actor, { action: 'scoring_scheme.update', entityType: 'scoring_scheme', entityId: id, blockId: year.blockId, before, after });
    });
    return this.get(actor, id);
  }

  /** Deletes a draft version that no round uses. */
  async remove(actor: Actor, id: string, version: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { scheme, year } = await this.loadForEdit(em, actor, id);
      assertVersion(scheme, version, 'Biểu chấm điểm');
      if (await data.schemeInUse(em, id)) throw conflict('scheme_in_use', 'Biểu chấm điểm đang được một đợt chấm điểm sử dụng, không xóa được.');
      const rows = await this.loadRows(em, id);
      await data.deleteScheme(em, id);
      await this.audit.record(em, actor, {
        action: 'scoring_scheme.delete', entityType: 'scoring_scheme', entityId: id, blockId: year.blockId,
        before: { versionNo: scheme.versionNo, title: scheme.title, totalMax: scheme.totalMax, criteria: rows.map((r) => r.code) },
      });
    });
  }

  // ---------------------------------------------------------------- the tree

  async addCriterion(actor: Actor, schemeId: string, dto: CreateCriterionDto): Promise<SchemeDto> {
    return this.editTree(actor, schemeId, (rows, members) => {
      const parentId = dto.parentId ?? null;
      this.assertParent(rows, parentId);
      this.assertCodeFree(rows, dto.code, null);
      this.assertUnits(dto.notApplicableUnitIds, members);
      assertCountSource(dto.countSource, dto.type);
      const row: CriterionRow = normalise({
        id: randomUUID(), parentId, code: dto.code, title: dto.title, guidance: dto.guidance ?? '', type: dto.type, maxPoints: dto.max,
        sortOrder: 0, evidenceRequired: dto.evidenceRequired ?? false, pointsPerOccurrence: dto.pointsPerOccurrence ?? null, measure: dto.measure ?? '',
        items: itemsOf(dto.items, []), notApplicableUnitIds: dto.notApplicableUnitIds ?? [], countSource: dto.countSource ?? null,
      });
      const next = placeAt([...rows, row], row.id, parentId, dto.position);
      return { rows: next, audit: { action: 'scoring_scheme.criterion_add', entityId: row.id, after: snapshot(row) } };
    });
  }

  async updateCriterion(actor: Actor, schemeId: string, criterionId: string, dto: UpdateCriterionDto): Promise<SchemeDto> {
    return this.editTree(actor, schemeId, (rows, members) => {
      const current = this.find(rows, criterionId);
      assertVersion(current, dto.version, `Tiêu chí ${current.code}`);
      if (dto.code !== undefined) this.assertCodeFree(rows, dto.code, criterionId);
      this.assertUnits(dto.notApplicableUnitIds, members);
      assertCountSource(dto.countSource, dto.type ?? current.type);
      const next = normalise({
        ...current,
        type: dto.type ?? current.type, code: dto.code ?? current.code, title: dto.title ?? current.title, guidance: dto.guidance ?? current.guidance,
        maxPoints: dto.max ?? current.maxPoints, evidenceRequired: dto.evidenceRequired ?? current.evidenceRequired,
        pointsPerOccurrence: dto.pointsPerOccurrence !== undefined ? dto.pointsPerOccurrence : current.pointsPerOccurrence,
        measure: dto.measure ?? current.measure, items: dto.items ? itemsOf(dto.items, current.items) : current.items,
        notApplicableUnitIds: dto.notApplicableUnitIds ?? current.notApplicableUnitIds,
        countSource: dto.countSource !== undefined ? dto.countSource : current.countSource,
      });
      const { before, after } = diff(current, next);
      if (!Object.keys(after).length) return null;
      return { rows: rows.map((r) => (r.id === criterionId ? { ...next, version: current.version } : r)), audit: { action: 'scoring_scheme.criterion_update', entityId: criterionId, before: { code: current.code, ...before }, after } };
    });
  }

  /** Moves a row under another group (or to the top level) and/or to another position among its siblings. */
  async moveCriterion(actor: Actor, schemeId: string, criterionId: string, dto: MoveCriterionDto): Promise<SchemeDto> {
    return this.editTree(actor, schemeId, (rows) => {
      const current = this.find(rows, criterionId);
      assertVersion(current, dto.version, `Tiêu chí ${current.code}`);
      const parentId = dto.parentId ?? null;
      this.assertParent(rows, parentId);
      const next = placeAt(rows.map((r) => (r.id === criterionId ? { ...r, parentId } : r)), criterionId, parentId, dto.position);
      const moved = next.find((r) => r.id === criterionId)!;
      if (moved.parentId === current.parentId && moved.sortOrder === current.sortOrder) return null;
      const code = (id: string | null) => (id ? rows.find((r) => r.id === id)?.code ?? null : null);
      return {
        rows: next,
        audit: { action: 'scoring_scheme.criterion_move', entityId: criterionId, before: { code: current.code, parent: code(current.parentId), order: current.sortOrder }, after: { parent: code(parentId), order: moved.sortOrder } },
      };
    });
  }

  /** Deletes a row; a group goes with everything under it. */
  async deleteCriterion(actor: Actor, schemeId: string, criterionId: string, version: number): Promise<SchemeDto> {
    return this.editTree(actor, schemeId, (rows) => {
      const current = this.find(rows, criterionId);
      assertVersion(current, version, `Tiêu chí ${current.code}`);
      const gone = new Set([criterionId]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const r of rows) {
          if (r.parentId && gone.has(r.parentId) && !gone.has(r.id)) {
            gone.add(r.id);
            grew = true;
          }
        }
      }
      const removed = rows.filter((r) => gone.has(r.id));
      return { rows: renumber(rows.filter((r) => !gone.has(r.id))), audit: { action: 'scoring_scheme.criterion_delete', entityId: criterionId, before: { rows: removed.map(snapshot) } } };
    });
  }

  // ---------------------------------------------------------------- Excel

  async exportXlsx(actor: Actor, id: string): Promise<ExportedFile> {
    const scheme = await this.loadScheme(this.ds.manager, id);
    const year = await loadScoringYear(this.ds.manager, scheme.blockYearId, actor);
    ScoringPolicy.assertCanRead(actor, year);
    const rows = await this.loadRows(this.ds.manager, id);
    const { order } = treeTotals(rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const buffer = await schemeToXlsx({ title: scheme.title, totalMax: scheme.totalMax, blockName: year.blockName, year: year.year, versionNo: scheme.versionNo },
      order.map((i) => byId.get(i)!), await yearMembers(this.ds.manager, year.blockYearId));
    return { buffer, contentType: XLSX, filename: `Biểu chấm điểm ${year.blockCode} ${year.year} v${scheme.versionNo}.xlsx` };
  }

  /** Replaces the whole tree of a draft version with the workbook's rows (and its title and total, when given). */
  async importXlsx(actor: Actor, id: string, file: Buffer | undefined): Promise<SchemeDto> {
    await this.ds.transaction(async (em) => {
      const { scheme, year } = await this.loadForEdit(em, actor, id);
      const parsed = await parseSchemeXlsx(file, await yearMembers(em, year.blockYearId));
      const totalMax = parsed.totalMax ?? scheme.totalMax;
      const errors = validateRows(parsed.rows, totalMax);
      const hard = introducedErrors([], errors);
      if (hard.length) {
        const rowOf = new Map(parsed.rows.map((r) => [r.code, r.sheetRow]));
        throw schemeRefusal(hard, (code) => (code && rowOf.has(code) ? `Dòng ${rowOf.get(code)}: ` : ''), 'invalid_import');
      }
      const before = await this.loadRows(em, id);
      await this.persist(em, id, before, parsed.rows.map(({ sheetRow: _s, ...r }) => r));
      await data.updateSchemeHeader(em, id, parsed.title ?? scheme.title, totalMax);
      await this.audit.record(em, actor, {
        action: 'scoring_scheme.import', entityType: 'scoring_scheme', entityId: id, blockId: year.blockId,
        before: { title: scheme.title, totalMax: scheme.totalMax, criteria: before.map((r) => r.code) },
        after: { title: parsed.title ?? scheme.title, totalMax, criteria: parsed.rows.map((r) => r.code) },
      });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- for the rounds module

  /**
   * Freezes a scheme as a round using it opens (inside the caller's transaction). The scheme must be
   * complete: every problem, including the ones tolerated while building, is refused with a 409 naming the row.
   */
  async freezeForRound(em: EntityManager, actor: Actor, schemeId: string, blockYearId: string): Promise<StoredCriterion[]> {
    const scheme = await this.loadScheme(em, schemeId, () => invalidField('schemeId', 'không phải biểu chấm điểm có trong hệ thống'), true);
    if (scheme.blockYearId !== blockYearId) throw invalidField('schemeId', 'phải là biểu chấm điểm của năm thi đua này');
    const rows = await this.loadRows(em, schemeId);
    const errors = validateRows(rows, scheme.totalMax);
    if (errors.length) {
      const e = schemeRefusal(errors, () => '', 'scheme_invalid');
      throw conflict('scheme_invalid', `Biểu chấm điểm chưa hoàn chỉnh nên chưa mở đợt chấm được: ${e.message}`, e.fields);
    }
    if (!rows.some((r) => r.type !== 'group' && r.type !== 'bonus' && r.type !== 'deduction')) {
      throw conflict('scheme_invalid', 'Biểu chấm điểm chưa có tiêu chí nào nên chưa mở đợt chấm được.');
    }
    const rules = await data.storedRules(em, blockYearId);
    const scale = scaleMismatch(scheme.totalMax, rules.scoringScaleMax);
    if (scale) throw conflict('scale_mismatch', `${scale} Sửa tổng điểm của biểu hoặc thang điểm trong bộ quy tắc của năm trước khi mở đợt chấm.`, { schemeId: scale });
    if (!scheme.frozenAt) {
      await data.freezeScheme(em, schemeId);
      const blockId = await data.blockIdOfYear(em, blockYearId);
      await this.audit.record(em, actor, { action: 'scoring_scheme.freeze', entityType: 'scoring_scheme', entityId: schemeId, blockId, after: { frozen: true, versionNo: scheme.versionNo } });
    }
    return rows;
  }

  // ---------------------------------------------------------------- internals

  private async loadScheme(em: EntityManager, id: string, missing?: () => Error, lock = false): Promise<SchemeRow> {
    const row = await data.findScheme(em, id, lock);
    if (!row) throw missing ? missing() : notFound('Không tìm thấy biểu chấm điểm.');
    return row;
  }

  private async loadForEdit(em: EntityManager, actor: Actor, id: string): Promise<{ scheme: SchemeRow; year: ScoringYear }> {
    const scheme = await this.loadScheme(em, id, undefined, true);
    const year = await loadScoringYear(em, scheme.blockYearId, actor);
    if (!ScoringPolicy.canRead(actor, year)) ScoringPolicy.assertCanRead(actor, year);
    ScoringPolicy.assertCanEdit(actor, year);
    ScoringPolicy.assertNotFrozen({ frozenAt: scheme.frozenAt, versionNo: scheme.versionNo });
    return { scheme, year };
  }

  /**
   * One edit of the tree: lock the scheme, check the actor and that it is not frozen, apply the change in
   * memory, refuse it if it introduces a problem the rules do not tolerate while building (400 naming the
   * row), write the changed rows, bump the scheme's version and record the audit entry, all in one transaction.
   */
  private async editTree(
    actor: Actor,
    schemeId: string,
    mutate: (rows: StoredCriterion[], members: ReadonlySet<string>) => { rows: (CriterionRow & { version?: number })[]; audit: { action: string; entityId: string; before?: unknown; after?: unknown } } | null,
  ): Promise<SchemeDto> {
    await this.ds.transaction(async (em) => {
      const { scheme, year } = await this.loadForEdit(em, actor, schemeId);
      const rows = await this.loadRows(em, schemeId);
      const members = new Set((await yearMembers(em, year.blockYearId)).map((m) => m.id));
      const result = mutate(rows.map((r) => ({ ...r, items: [...r.items], notApplicableUnitIds: [...r.notApplicableUnitIds] })), members);
      if (!result) return;
      const introduced = introducedErrors(validateRows(rows, scheme.totalMax), validateRows(result.rows, scheme.totalMax));
      if (introduced.length) throw schemeRefusal(introduced, () => '', 'invalid_scheme');
      await this.persist(em, schemeId, rows, result.rows);
      await data.bumpSchemeVersion(em, schemeId);
      await this.audit.record(em, actor, { ...result.audit, entityType: 'scoring_criterion', blockId: year.blockId });
    });
    return this.get(actor, schemeId);
  }

  /** Writes the difference between two states of a scheme's rows: deletions, then insertions (parents first), then updates. */
  private async persist(em: EntityManager, schemeId: string, before: readonly CriterionRow[], after: readonly CriterionRow[]): Promise<void> {
    const old = new Map(before.map((r) => [r.id, r]));
    const now = new Set(after.map((r) => r.id));
    const gone = before.filter((r) => !now.has(r.id)).map((r) => r.id);
    if (gone.length) await data.deleteCriteria(em, gone);
    const inserts = after.filter((r) => !old.has(r.id));
    const byId = new Map(after.map((r) => [r.id, r]));
    const depth = (r: CriterionRow): number => {
      let d = 0;
      for (let p = r.parentId; p && d < 1000; p = byId.get(p)?.parentId ?? null) d++;
      return d;
    };
    inserts.sort((a, b) => depth(a) - depth(b));
    for (const r of inserts) await data.insertCriterion(em, schemeId, r);
    for (const r of after) {
      const o = old.get(r.id);
      if (!o || !EDITABLE.some((k) => canonicalJson(o[k]) !== canonicalJson(r[k]))) continue;
      await data.updateCriterion(em, r);
    }
  }

  private find(rows: StoredCriterion[], id: string): StoredCriterion {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Không tìm thấy tiêu chí trong biểu chấm điểm này.');
    return row;
  }

  private assertParent(rows: readonly CriterionRow[], parentId: string | null): void {
    if (parentId === null) return;
    const parent = rows.find((r) => r.id === parentId);
    if (!parent) throw invalidField('parentId', 'không phải nhóm tiêu chí trong biểu này');
    if (parent.type !== 'group') throw badRequest('invalid_scheme', `Tiêu chí ${parent.code}: chỉ nhóm mới có tiêu chí con.`, { [parent.code]: 'không phải nhóm' });
  }

  private assertCodeFree(rows: readonly CriterionRow[], code: string, exceptId: string | null): void {
    const taken = rows.find((r) => r.code === code && r.id !== exceptId);
    if (taken) throw conflict('duplicate_code', `Tiêu chí ${code}: mã tiêu chí đã được dùng trong biểu ("${taken.title}").`, { code: 'đã được dùng' });
  }

  private assertUnits(unitIds: string[] | undefined, members: ReadonlySet<string>): void {
    const strangers = (unitIds ?? []).filter((u) => !members.has(u));
    if (strangers.length) throw invalidField('notApplicableUnitIds', 'chỉ được chọn các đơn vị thành viên của khối trong năm');
  }

  private async toDto(em: EntityManager, actor: Actor, scheme: SchemeRow, year: ScoringYear): Promise<SchemeDto> {
    const rows = await this.loadRows(em, scheme.id);
    const totals = treeTotals(rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems = validateRows(rows, scheme.totalMax);
    const rounds = await data.roundsOfScheme(em, scheme.id);
    const canEdit = ScoringPolicy.canEdit(actor, year);
    const criteria: CriterionDto[] = totals.order.map((cid) => {
      const r = byId.get(cid)!;
      const t = totals.byId.get(cid)!;
      return {
        id: r.id, parentId: r.parentId, code: r.code, title: r.title, guidance: r.guidance, type: r.type, max: r.maxPoints, order: r.sortOrder, depth: t.depth,
        evidenceRequired: r.evidenceRequired, pointsPerOccurrence: r.pointsPerOccurrence, countSource: r.countSource ?? null, measure: r.measure,
        items: r.items.map((i) => ({ id: i.id, title: i.title, points: i.points, cap: i.cap ?? null })), notApplicableUnitIds: r.notApplicableUnitIds,
        childrenMax: t.childrenMax, version: r.version,
      };
    });
    return {
      id: scheme.id, blockYearId: scheme.blockYearId, blockName: year.blockName, year: year.year, versionNo: scheme.versionNo, title: scheme.title,
      totalMax: scheme.totalMax, basedOnId: scheme.basedOnId, status: scheme.frozenAt ? 'frozen' : 'draft',
      frozenAt: scheme.frozenAt ? new Date(scheme.frozenAt).toISOString() : null, rounds,
      totals: { topLevelSum: totals.topLevelSum, bonusMax: totals.bonusMax, deductionMax: totals.deductionMax, leafCount: rows.filter((r) => r.type !== 'group').length },
      criteria, problems, valid: problems.length === 0 && criteria.length > 0, version: scheme.version,
      permissions: { canEdit: canEdit && !scheme.frozenAt, canCreateVersion: canEdit },
    };
  }

  /**
   * Next year's draft scheme (version 1, for `modules/next-year`, in the caller's transaction) copied from the
   * scheme of this year's year-end round, else its latest version; criteria get new ids, "not applicable" lists
   * keep only next year's members.
   */
  async copySchemeToNextYear(em: EntityManager, actor: Actor, c: { fromYearId: string; toYearId: string; title: (title: string) => string; memberIds: string[] }): Promise<string | null> {
    const source = await data.schemeToCarryOver(em, c.fromYearId);
    if (!source) return null;
    const id = await data.insertFirstScheme(em, { blockYearId: c.toYearId, title: c.title(source.title), totalMax: source.totalMax, basedOnId: source.id, createdBy: actor.id });
    await data.copyCriteria(em, source.id, id, c.memberIds);
    return id;
  }
}

// ------------------------------------------------------------------------------------------ helpers

/** A 400 listing the problems, each naming its row; `fields` maps the row code (or "scheme") to its message. */
function schemeRefusal(errors: readonly SchemeError[], prefix: (code: string | null) => string, code: ErrorCode) {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const k = e.code ?? 'scheme';
    fields[k] = fields[k] ? `${fields[k]}; ${e.message}` : `${prefix(e.code)}${e.message}`;
  }
  const list = errors.map((e) => `${prefix(e.code)}${e.message}`);
  return badRequest(code, `${list.slice(0, 8).join('; ')}${list.length > 8 ? `; … và ${list.length - 8} lỗi khác` : ''}.`, fields);
}

/** Only a per-occurrence criterion takes its count from published items. */
function assertCountSource(countSource: string | null | undefined, type: string): void {
  if (countSource && type !== 'per_occurrence') throw invalidField('countSource', 'chỉ dùng cho tiêu chí tính theo số lần');
}

/** Type-specific fields only where the type takes them. */
function normalise<T extends CriterionRow>(r: T): T {
  return {
    ...r,
    pointsPerOccurrence: r.type === 'per_occurrence' ? r.pointsPerOccurrence ?? 0 : null,
    countSource: r.type === 'per_occurrence' ? r.countSource ?? null : null,
    measure: r.type === 'target' ? r.measure : '',
    items: r.type === 'bonus' || r.type === 'deduction' ? r.items : [],
  };
}

function itemsOf(items: AdjustmentItemDto[] | undefined, previous: readonly { id: string }[]): { id: string; title: string; points: number; cap: number | null }[] {
  if (!items) return [];
  const used = new Set(previous.map((p) => p.id));
  let n = previous.length;
  return items.map((i) => {
    let id = i.id;
    if (!id) {
      do id = `k${++n}`; while (used.has(id));
      used.add(id);
    }
    return { id, title: i.title, points: i.points, cap: i.cap ?? null };
  });
}

/** Siblings numbered 1..n in their current order (order, then code). */
function renumber<T extends CriterionRow>(rows: T[]): T[] {
  const groups = new Map<string | null, T[]>();
  for (const r of rows) groups.set(r.parentId, [...(groups.get(r.parentId) ?? []), r]);
  const order = new Map<string, number>();
  for (const list of groups.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'vi', { numeric: true }));
    list.forEach((r, i) => order.set(r.id, i + 1));
  }
  return rows.map((r) => ({ ...r, sortOrder: order.get(r.id)! }));
}

/** Puts `id` at `position` (0-based; past the end or undefined: last) among the children of `parentId`. */
function placeAt<T extends CriterionRow>(rows: T[], id: string, parentId: string | null, position: number | undefined): T[] {
  const numbered = renumber(rows.map((r) => (r.id === id ? { ...r, sortOrder: Number.MAX_SAFE_INTEGER } : r)));
  const siblings = numbered.filter((r) => r.parentId === parentId && r.id !== id).sort((a, b) => a.sortOrder - b.sortOrder).map((r) => r.id);
  siblings.splice(Math.min(position ?? siblings.length, siblings.length), 0, id);
  const order = new Map(siblings.map((s, i) => [s, i + 1]));
  return numbered.map((r) => (order.has(r.id) ? { ...r, sortOrder: order.get(r.id)! } : r));
}

function snapshot(r: CriterionRow) {
  return {
    code: r.code, title: r.title, type: r.type, max: r.maxPoints, parentId: r.parentId, evidenceRequired: r.evidenceRequired,
    ...(r.pointsPerOccurrence !== null ? { pointsPerOccurrence: r.pointsPerOccurrence } : {}), ...(r.countSource ? { countSource: r.countSource } : {}), ...(r.measure ? { measure: r.measure } : {}),
    ...(r.items.length ? { items: r.items } : {}), ...(r.notApplicableUnitIds.length ? { notApplicableUnitIds: r.notApplicableUnitIds } : {}),
  };
}

function diff(a: CriterionRow, b: CriterionRow): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of EDITABLE) {
    if (canonicalJson(a[k]) !== canonicalJson(b[k])) {
      before[k] = a[k];
      after[k] = b[k];
    }
  }
  return { before, after };
}

