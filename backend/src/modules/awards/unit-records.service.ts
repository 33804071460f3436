import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { badRequest, conflict, invalidField, notFound } from '../../common/app-error';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { normalizeTitle } from './award-rules';
import { AwardsPolicy } from './awards.policy';
import { today } from './awards.service';
import type {
  CreateDisciplineFlagDto, CreateUnitTitleDto, DisciplineFlagDto, UnitTitleDto, UnitYearQueryDto, UpdateDisciplineFlagDto, UpdateUnitTitleDto,
} from './dto/awards.dto';

const TITLE_SELECT = `SELECT t.id, t.unit_id, u.name AS unit_name, t.year, t.title, t.decision_number, to_char(t.decision_date, 'YYYY-MM-DD') AS decision_date, t.note, t.version
  FROM unit_titles t JOIN units u ON u.id = t.unit_id`;
const FLAG_SELECT = `SELECT t.id, t.unit_id, u.name AS unit_name, t.year, t.reason, t.decision_number, to_char(t.decision_date, 'YYYY-MM-DD') AS decision_date, t.version
  FROM unit_discipline_flags t JOIN units u ON u.id = t.unit_id`;

const toTitle = (r: any): UnitTitleDto => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name, year: r.year, title: r.title, decisionNumber: r.decision_number, decisionDate: r.decision_date, note: r.note, version: r.version,
});
const toFlag = (r: any): DisciplineFlagDto => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name, year: r.year, reason: r.reason, decisionNumber: r.decision_number, decisionDate: r.decision_date, version: r.version,
});

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
    const { where, params } = await this.filter(actor, q);
    return (await this.ds.query(`${TITLE_SELECT} ${where} ORDER BY t.year DESC, u.name, t.title`, params)).map(toTitle);
  }

  async listFlags(actor: Actor, q: UnitYearQueryDto): Promise<DisciplineFlagDto[]> {
    const { where, params } = await this.filter(actor, q);
    return (await this.ds.query(`${FLAG_SELECT} ${where} ORDER BY t.year DESC, u.name, t.created_at`, params)).map(toFlag);
  }

  /** The query's filters, and for everyone but the board: only the own unit and units of a block whose seat the actor's unit holds that year. */
  private async filter(actor: Actor, q: UnitYearQueryDto): Promise<{ where: string; params: unknown[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.blockYearId) {
      const [y] = await this.ds.query('SELECT year FROM block_years WHERE id = $1', [q.blockYearId]);
      if (!y) throw notFound('Không tìm thấy năm thi đua của khối.');
      where.push(`t.year = ${p(y.year)} AND t.unit_id IN (SELECT unit_id FROM block_year_members WHERE block_year_id = ${p(q.blockYearId)})`);
    }
    if (q.year !== undefined) where.push(`t.year = ${p(q.year)}`);
    if (q.unitId) where.push(`t.unit_id = ${p(q.unitId)}`);
    if (!isCityWide(actor)) {
      const me = p(actor.unitId);
      where.push(`(t.unit_id = ${me} OR EXISTS (SELECT 1 FROM block_year_members m JOIN block_years y ON y.id = m.block_year_id
        WHERE m.unit_id = t.unit_id AND m.year = t.year AND (y.leader_unit_id = ${me} OR y.deputy_unit_id = ${me})))`);
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
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
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`unit_title:${dto.unitId}:${dto.year}`]);
    const [dup] = await em.query('SELECT id FROM unit_titles WHERE unit_id = $1 AND year = $2 AND lower(title) = lower($3)', [dto.unitId, dto.year, title]);
    if (dup) throw conflict('title_exists', `${unitName} đã có danh hiệu "${title}" năm ${dto.year}.`);
    const [{ id }] = await em.query(
      `INSERT INTO unit_titles (unit_id, year, title, decision_number, decision_date, note, created_by, updated_by, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$7,1) RETURNING id`,
      [dto.unitId, dto.year, title, dto.decisionNumber ?? '', dto.decisionDate ?? null, dto.note ?? '', actor.id]);
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
        const [dup] = await em.query('SELECT id FROM unit_titles WHERE unit_id = $1 AND year = $2 AND lower(title) = lower($3) AND id <> $4', [current.unitId, current.year, next.title, id]);
        if (dup) throw conflict('title_exists', `${current.unitName} đã có danh hiệu "${next.title}" năm ${current.year}.`);
      }
      await em.query(
        `UPDATE unit_titles SET title = $2, decision_number = $3, decision_date = $4, note = $5, updated_by = $6, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, next.title, next.decisionNumber, next.decisionDate, next.note, actor.id]);
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
      await em.query('DELETE FROM unit_titles WHERE id = $1', [id]);
      await this.audit.record(em, actor, {
        action: 'unit_title.delete', entityType: 'unit_title', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year), before: auditView(current), reason,
      });
    });
  }

  private async title(em: EntityManager, id: string, lock = false): Promise<UnitTitleDto> {
    const [row] = await em.query(`${TITLE_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
    if (!row) throw notFound('Không tìm thấy danh hiệu.', 'title_not_found');
    return toTitle(row);
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
    const [{ id }] = await em.query(
      `INSERT INTO unit_discipline_flags (unit_id, year, reason, decision_number, decision_date, created_by, updated_by, version) VALUES ($1,$2,$3,$4,$5,$6,$6,1) RETURNING id`,
      [dto.unitId, dto.year, dto.reason, dto.decisionNumber ?? '', dto.decisionDate ?? null, actor.id]);
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
      await em.query(
        `UPDATE unit_discipline_flags SET reason = $2, decision_number = $3, decision_date = $4, updated_by = $5, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, next.reason, next.decisionNumber, next.decisionDate, actor.id]);
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
      await em.query('DELETE FROM unit_discipline_flags WHERE id = $1', [id]);
      await this.audit.record(em, actor, {
        action: 'discipline_flag.delete', entityType: 'unit_discipline_flag', entityId: id, blockId: await this.blockOf(em, current.unitId, current.year), before: auditView(current), reason,
      });
    });
  }

  private async flag(em: EntityManager, id: string, lock = false): Promise<DisciplineFlagDto> {
    const [row] = await em.query(`${FLAG_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
    if (!row) throw notFound('Không tìm thấy kỷ luật.', 'discipline_flag_not_found');
    return toFlag(row);
  }

  // ─── Shared ─────────────────────────────────────────────────────────────────────────────────────

  private async unitName(em: EntityManager, unitId: string): Promise<string> {
    const [u] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
    if (!u) throw badRequest('unit_not_found', 'Dữ liệu không hợp lệ: unitId không phải đơn vị trong hệ thống.', { unitId: 'không phải đơn vị trong hệ thống' });
    return u.name;
  }

  /** A decision about year Y's title or discipline is dated within or after year Y, and not in the future. */
  private async checkDate(em: EntityManager, year: number, date: string): Promise<void> {
    if (date < `${year}-01-01`) throw invalidField('decisionDate', `không được trước năm ${year}`);
    if (date > (await today(em))) throw invalidField('decisionDate', 'không được sau ngày hôm nay');
  }

  private async blockOf(em: EntityManager, unitId: string, year: number): Promise<string | null> {
    const [m] = await em.query('SELECT block_id FROM block_year_members WHERE unit_id = $1 AND year = $2', [unitId, year]);
    return m?.block_id ?? null;
  }
}

function auditView<T extends { version: number }>(r: T): Omit<T, 'version'> {
  const { version: _v, ...rest } = r;
  return rest;
}
