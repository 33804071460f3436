import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { CreateUnitDto, UnitDto, UnitPageDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';
import { Unit } from './entities/unit.entity';
import { UnitsPolicy } from './units.policy';

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  async list(actor: Actor, q: UnitQueryDto): Promise<UnitPageDto> {
    const visible = await this.scope.unitIdsVisibleTo(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (visible) where.push(`u.id = ANY(${p(visible)}::uuid[])`);
    if (!q.includeArchived) where.push('u.archived_at IS NULL');
    if (q.blockId) where.push(`EXISTS (SELECT 1 FROM block_year_members m WHERE m.unit_id = u.id AND m.block_id = ${p(q.blockId)})`);
    if (q.q) where.push(`(u.name ILIKE ${p(likePattern(q.q))} OR u.short_name ILIKE ${p(likePattern(q.q))})`);
    const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM units u ${sqlWhere}`, params);
    const rows = await this.ds.query(`${SELECT_UNIT} ${sqlWhere} ORDER BY u.name LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)}`, params);
    return { items: rows.map((r: Record<string, any>) => toDto(r, actor)), total: count, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<UnitDto> {
    const [row] = await this.ds.query(`${SELECT_UNIT} WHERE u.id = $1`, [id]);
    if (!row) throw notFound('Không tìm thấy đơn vị.');
    const visible = await this.scope.unitIdsVisibleTo(actor);
    if (visible && !visible.includes(id)) throw forbidden('Bạn chỉ được xem các đơn vị trong khối của mình.');
    return toDto(row, actor);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitDto> {
    UnitsPolicy.assertCanManage(actor);
    const id = await this.ds.transaction((em) => this.createIn(em, actor, dto));
    return this.get(actor, id);
  }

  /** Creates a unit inside the caller's transaction (also used by the import). */
  async createIn(em: EntityManager, actor: Actor, dto: CreateUnitDto): Promise<string> {
    await this.assertNameFree(em, dto.name);
    const unit = await em.save(em.getRepository(Unit).create({ parentAgency: '', address: '', phone: '', email: '', ...dto }));
    await this.audit.record(em, actor, { action: 'unit.create', entityType: 'unit', entityId: unit.id, after: dto });
    return unit.id;
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    UnitsPolicy.assertCanUpdate(actor, id, dto);
    await this.ds.transaction(async (em) => {
      const unit = await em.getRepository(Unit).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      assertVersion(unit, dto.version, 'Đơn vị');
      if (unit.archivedAt) throw conflict('archived', 'Đơn vị đã lưu trữ, không thể sửa. Hãy khôi phục trước.');
      const { version: _v, ...patch } = dto;
      if (patch.name && patch.name.toLowerCase() !== unit.name.toLowerCase()) await this.assertNameFree(em, patch.name);
      const diff = changedFields(unit, patch);
      if (!Object.keys(diff.after).length) return;
      Object.assign(unit, patch);
      await em.save(unit);
      await this.audit.record(em, actor, { action: 'unit.update', entityType: 'unit', entityId: id, ...diff });
    });
    return this.get(actor, id);
  }

  async setArchived(actor: Actor, id: string, archived: boolean, reason?: string): Promise<UnitDto> {
    UnitsPolicy.assertCanManage(actor);
    await this.ds.transaction(async (em) => {
      const unit = await em.getRepository(Unit).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      if (!!unit.archivedAt === archived) return;
      const before = { archivedAt: unit.archivedAt };
      unit.archivedAt = archived ? new Date() : null;
      await em.save(unit);
      await this.audit.record(em, actor, { action: archived ? 'unit.archive' : 'unit.restore', entityType: 'unit', entityId: id, before, after: { archivedAt: unit.archivedAt }, reason });
    });
    return this.get(actor, id);
  }

  private async assertNameFree(em: EntityManager, name: string): Promise<void> {
    const [row] = await em.query('SELECT 1 FROM units WHERE lower(name) = lower($1)', [name]);
    if (row) throw conflict('duplicate_name', `Đã có đơn vị tên "${name}".`, { name: 'đã có đơn vị trùng tên' });
  }
}

const SELECT_UNIT = `
  SELECT u.*, lm.block_id AS m_block_id, lm.block_name AS m_block_name, lm.year AS m_year
  FROM units u
  LEFT JOIN LATERAL (
    SELECT m.block_id, b.name AS block_name, m.year FROM block_year_members m JOIN blocks b ON b.id = m.block_id
    WHERE m.unit_id = u.id ORDER BY m.year DESC LIMIT 1
  ) lm ON true`;

function toDto(r: Record<string, any>, actor: Actor): UnitDto {
  return {
    id: r.id, name: r.name, shortName: r.short_name, parentAgency: r.parent_agency, address: r.address, phone: r.phone, email: r.email,
    archivedAt: r.archived_at ? new Date(r.archived_at).toISOString() : null, version: r.version,
    latestMembership: r.m_block_id ? { blockId: r.m_block_id, blockName: r.m_block_name, year: r.m_year } : null,
    canUpdate: UnitsPolicy.canUpdate(actor, r.id),
  };
}
