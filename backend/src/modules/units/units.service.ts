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
import { findUnit, unitNameTaken, unitPage, type UnitRow } from './units-data';
import { UnitsPolicy } from './units.policy';

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  async list(actor: Actor, q: UnitQueryDto): Promise<UnitPageDto> {
    const visible = await this.scope.unitIdsVisibleTo(actor);
    const { rows, total } = await unitPage(this.ds.manager, { visible, includeArchived: q.includeArchived, blockId: q.blockId, namePattern: q.q ? likePattern(q.q) : undefined, page: q.page, pageSize: q.pageSize });
    return { items: rows.map((r) => toDto(r, actor)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<UnitDto> {
    const row = await findUnit(this.ds.manager, id);
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

  /** Creates a unit inside the caller's transaction (also used by the import; a null actor is the system loading the demo). */
  async createIn(em: EntityManager, actor: Actor | null, dto: CreateUnitDto): Promise<string> {
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
    if (await unitNameTaken(em, name)) throw conflict('duplicate_name', `Đã có đơn vị tên "${name}".`, { name: 'đã có đơn vị trùng tên' });
  }
}

function toDto(r: UnitRow, actor: Actor): UnitDto {
  return {
    id: r.id, name: r.name, shortName: r.shortName, parentAgency: r.parentAgency, address: r.address, phone: r.phone, email: r.email,
    archivedAt: r.archivedAt ? new Date(r.archivedAt).toISOString() : null, version: r.version,
    latestMembership: r.latestMembership,
    canUpdate: UnitsPolicy.canUpdate(actor, r.id),
  };
}
