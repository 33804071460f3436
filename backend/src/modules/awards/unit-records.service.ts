import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, invalidField, notFound } from '../../common/app-error';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { normalizeTitle } from './award-rules';
import { AwardsPolicy } from './awards.policy';
import { advisoryLock, blockOfUnitInYear, today } from './awards-data';
import type {
  CreateDisciplineFlagDto, CreateUnitTitleDto, DisciplineFlagDto, UnitTitleDto, UnitYearQueryDto, UpdateDisciplineFlagDto, UpdateUnitTitleDto,
} from './dto/awards.dto';
import * as data from './unit-records-data';

/**
 * Titles (danh hiệu, e.g. "Tập thể lao động xuất sắc") and disciplinary flags (kỷ luật) per unit per year:
 * the board writes them, audited; they feed eligibility. Read by the board, the unit itself, and the leader
 * and deputy seats of the unit's block in that year.
 */
@Injectable()
export class UnitRecordsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────────

  async listTitles(actor: Actor, q: UnitYearQueryDto): Promise<UnitTitleDto[]> {
    return data.listTitles(this.ds, await this.filter(actor, q));
  }

  async listFlags(actor: Actor, q: UnitYearQueryDto): Promise<DisciplineFlagDto[]> {
    return data.listFlags(this.ds, await this.filter(actor, q));
  }

  /** The query's filters, and for everyone but the board: only the own unit and units of a block whose seat the actor's unit holds that year. */
  private async filter(actor: Actor, q: UnitYearQueryDto): Promise<data.UnitRecordFilter> {
    let blockYear: data.UnitRecordFilter['blockYear'];
    if (q.blockYearId) {
      const year = await data.yearOfBlockYear(this.ds, q.blockYearId);
      if (year === undefined) throw notFound('Không tìm thấy năm thi đua của khối.');
      blockYear = { id: q.blockYearId, year };
    }
    return { blockYear, year: q.year, unitId: q.unitId, seatOf: isCityWide(actor) ? undefined : { unitId: actor.unitId } };
  }

  // ─── Titles ─────────────────────────────────────────────────────────────────────────────────────

  async createTitle(actor: Actor, dto: CreateUnitTitleDto): Promise<UnitTitleDto> {
    AwardsPolicy.assertCanManage(actor, 'ghi danh hiệu thi đua của đơn vị');
    return this.ds.transaction((em) => this.addTitle(em, actor, dto));
  }

  /** Adds a title in the caller's transaction (also used by the demo). */
  async addTitle(em: EntityManager, actor: Actor, dto: CreateUnitTitleDto): Promise<UnitTitleDto> {
    const unitName = await this.unitName(em, dto.unitId);
    const title = normalizeTitle(dto.title);
    if (dto.decisionDate) await this.checkDate(em, dto.year, dto.decisionDate);
    await advisoryLock(em, `unit_title:${dto.unitId}:${dto.year}`);
    if (await data.titleTaken(em, dto.unitId, dto.year, title)) throw conflict('title_exists', `${unitName} đã có danh hiệu "${title}" năm ${dto.year}.`);
    const id = await data.insertTitle(em, {
      unitId: dto.unitId, year: dto.year, title, decisionNumber: dto.decisionNumber ?? '', decisionDate: dto.decisionDate ?? null, note: dto.note ?? '',
    }, actor.id);
    const saved = await this.title(em, id);
    await this.audit.record(em, actor, {
      action: 'unit_title.create', entityType: 'unit_title', entityId: id, blockId: await this.blockOf(em, dto.unitId, dto.year), after: auditView(saved),
    });
    return saved;
  }

  async updateTitle(actor: Actor, id: string, dto: UpdateUnitTitleDto): Promise<UnitTitleDto> {
    AwardsPolicy.assertCanManage(actor, 'sửa danh hiệu thi đua của đơn vị');
    return this.ds.transaction(async (em) => {
      const current = await this.title(em, id, true);
      assertVersion(current, dto.version, `Danh hiệu "${current.title}" của ${current.unitName}`);
      const patch = { title: dto.title !== undefined ? normalizeTitle(dto.title) : undefined, decisionNumber: dto.decisionNumber, decisionDate: dto.decisionDate, note: dto.note };
      const { before, after } = changedFields(current, patch);
      if (!Object.keys(after).length) return current;
      if (after.decisionDate) await this.checkDate(em, current.year, after.decisionDate);
      const next = { ...current, ...after };
      if (after.title !== undefined) {
        if (await data.titleTaken(em, current.unitId, current.year, next.title, id)) throw conflict('title_exists', `${current.unitName} đã có danh hiệu "${next.title}" năm ${current.year}.`);
      }
      await data.updateTitle(em, id, next, actor.id);
      await this.audit.record(em, actor, {
        action: 'unit_title.update', entityType: 'unit_title', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year),
        before: { unitId: current.unitId, year: current.year, ...before }, after,
      });
      return this.title(em, id);
    });
  }

  async removeTitle(actor: Actor, id: string, reason: string): Promise<void> {
    AwardsPolicy.assertCanManage(actor, 'xóa danh hiệu thi đua của đơn vị');
    await this.ds.transaction(async (em) => {
      const current = await this.title(em, id, true);
      await data.deleteTitle(em, id);
      await this.audit.record(em, actor, {
        action: 'unit_title.delete', entityType: 'unit_title', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year), before: auditView(current), reason,
      });
    });
  }

  private async title(em: EntityManager, id: string, lock = false): Promise<UnitTitleDto> {
    const row = await data.titleById(em, id, lock);
    if (!row) throw notFound('Không tìm thấy danh hiệu.', 'title_not_found');
    return row;
  }

  // ─── Disciplinary flags ─────────────────────────────────────────────────────────────────────────

  async createFlag(actor: Actor, dto: CreateDisciplineFlagDto): Promise<DisciplineFlagDto> {
    AwardsPolicy.assertCanManage(actor, 'ghi kỷ luật của đơn vị');
    return this.ds.transaction((em) => this.addFlag(em, actor, dto));
  }

  /** Adds a disciplinary flag in the caller's transaction (also used by the demo). */
  async addFlag(em: EntityManager, actor: Actor, dto: CreateDisciplineFlagDto): Promise<DisciplineFlagDto> {
    await this.unitName(em, dto.unitId);
    if (dto.decisionDate) await this.checkDate(em, dto.year, dto.decisionDate);
    const id = await data.insertFlag(em, {
      unitId: dto.unitId, year: dto.year, reason: dto.reason, decisionNumber: dto.decisionNumber ?? '', decisionDate: dto.decisionDate ?? null,
    }, actor.id);
    const saved = await this.flag(em, id);
    await this.audit.record(em, actor, {
      action: 'discipline_flag.create', entityType: 'unit_discipline_flag', entityId: id, blockId: await this.blockOf(em, dto.unitId, dto.year), after: auditView(saved), reason: dto.reason,
    });
    return saved;
  }

  async updateFlag(actor: Actor, id: string, dto: UpdateDisciplineFlagDto): Promise<DisciplineFlagDto> {
    AwardsPolicy.assertCanManage(actor, 'sửa kỷ luật của đơn vị');
    return this.ds.transaction(async (em) => {
      const current = await this.flag(em, id, true);
      assertVersion(current, dto.version, `Kỷ luật của ${current.unitName} năm ${current.year}`);
      const { before, after } = changedFields(current, { reason: dto.reason, decisionNumber: dto.decisionNumber, decisionDate: dto.decisionDate });
      if (!Object.keys(after).length) return current;
      if (after.decisionDate) await this.checkDate(em, current.year, after.decisionDate);
      const next = { ...current, ...after };
      await data.updateFlag(em, id, next, actor.id);
      await this.audit.record(em, actor, {
        action: 'discipline_flag.update', entityType: 'unit_discipline_flag', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year),
        before: { unitId: current.unitId, year: current.year, ...before }, after,
      });
      return this.flag(em, id);
    });
  }

  async removeFlag(actor: Actor, id: string, reason: string): Promise<void> {
    AwardsPolicy.assertCanManage(actor, 'xóa kỷ luật của đơn vị');
    await this.ds.transaction(async (em) => {
      const current = await this.flag(em, id, true);
      await data.deleteFlag(em, id);
      await this.audit.record(em, actor, {
        action: 'discipline_flag.delete', entityType: 'unit_discipline_flag', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year), before: auditView(current), reason,
      });
    });
  }

  private async flag(em: EntityManager, id: string, lock = false): Promise<DisciplineFlagDto> {
    const row = await data.flagById(em, id, lock);
    if (!row) throw notFound('Không tìm thấy kỷ luật.', 'discipline_flag_not_found');
    return row;
  }

  // ─── Shared ─────────────────────────────────────────────────────────────────────────────────────

  private async unitName(em: EntityManager, unitId: string): Promise<string> {
    const name = await data.unitName(em, unitId);
    if (name === undefined) throw badRequest('unit_not_found', 'Dữ liệu không hợp lệ: unitId không phải đơn vị trong hệ thống.', { unitId: 'không phải đơn vị trong hệ thống' });
    return name;
  }

  /** A decision about year Y's title or discipline is dated within or after year Y, and not in the future. */
  private async checkDate(em: EntityManager, year: number, date: string): Promise<void> {
    if (date < `${year}-01-01`) throw invalidField('decisionDate', `không được trước năm ${year}`);
    if (date > (await today(em))) throw invalidField('decisionDate', 'không được sau ngày hôm nay');
  }

  private async blockOf(em: EntityManager, unitId: string, year: number): Promise<string | null> {
    return blockOfUnitInYear(em, unitId, year);
  }
}

function auditView<T extends { version: number }>(r: T): Omit<T, 'version'> {
  const { version: _v, ...rest } = r;
  return rest;
}
