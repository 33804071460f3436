import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { blockPage, type BlockRow, findBlock } from './blocks-data';
import { BlocksPolicy } from './blocks.policy';
import { BlockDto, BlockPageDto, BlockQueryDto, CreateBlockDto, UpdateBlockDto } from './dto/block.dto';
import { Block } from './entities/block.entity';

@Injectable()
export class BlocksService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  async list(actor: Actor, q: BlockQueryDto): Promise<BlockPageDto> {
    const visible = await this.scope.blockIdsOf(actor);
    const { rows, total } = await blockPage(this.ds.manager, { visible, includeArchived: q.includeArchived, kind: q.kind, namePattern: q.q ? likePattern(q.q) : undefined, page: q.page, pageSize: q.pageSize });
    return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<BlockDto> {
    const row = await findBlock(this.ds.manager, id);
    if (!row) throw notFound('Không tìm thấy khối thi đua.');
    await this.scope.assertCanSeeBlock(actor, id);
    return toDto(row);
  }

  async create(actor: Actor, dto: CreateBlockDto): Promise<BlockDto> {
    BlocksPolicy.assertCanManage(actor);
    const id = await this.ds.transaction((em) => this.createIn(em, actor, dto));
    return this.get(actor, id);
  }

  /** Creates a block inside the caller's transaction (a null actor is the system loading the demo); its id. */
  async createIn(em: EntityManager, actor: Actor | null, dto: CreateBlockDto): Promise<string> {
    await this.assertCodeFree(em.getRepository(Block), dto.code);
    const block = await em.save(em.getRepository(Block).create({ ...dto, description: dto.description ?? '' }));
    await this.audit.record(em, actor, { action: 'block.create', entityType: 'block', entityId: block.id, blockId: block.id, after: snapshot(block) });
    return block.id;
  }

  async update(actor: Actor, id: string, dto: UpdateBlockDto): Promise<BlockDto> {
    BlocksPolicy.assertCanManage(actor);
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(Block);
      const block = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!block) throw notFound('Không tìm thấy khối thi đua.');
      assertVersion(block, dto.version, 'Khối thi đua');
      if (block.archivedAt) throw conflict('archived', 'Khối thi đua đã lưu trữ, không thể sửa. Hãy khôi phục trước.');
      const { version: _v, ...patch } = dto;
      if (patch.code && patch.code !== block.code) await this.assertCodeFree(repo, patch.code);
      const diff = changedFields(block, patch);
      if (!Object.keys(diff.after).length) return;
      Object.assign(block, patch);
      await repo.save(block);
      await this.audit.record(em, actor, { action: 'block.update', entityType: 'block', entityId: id, blockId: id, ...diff });
    });
    return this.get(actor, id);
  }

  /** Archiving hides a block from everyday lists; its years and history stay. */
  async setArchived(actor: Actor, id: string, archived: boolean, reason?: string): Promise<BlockDto> {
    BlocksPolicy.assertCanManage(actor);
    await this.ds.transaction(async (em) => {
      const block = await em.getRepository(Block).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!block) throw notFound('Không tìm thấy khối thi đua.');
      if (!!block.archivedAt === archived) return;
      const before = { archivedAt: block.archivedAt };
      block.archivedAt = archived ? new Date() : null;
      await em.save(block);
      await this.audit.record(em, actor, { action: archived ? 'block.archive' : 'block.restore', entityType: 'block', entityId: id, blockId: id, before, after: { archivedAt: block.archivedAt }, reason });
    });
    return this.get(actor, id);
  }

  private async assertCodeFree(repo: ReturnType<DataSource['getRepository']>, code: string): Promise<void> {
    const taken = await repo.createQueryBuilder('b').where('lower(b.code) = lower(:code)', { code }).getCount();
    if (taken) throw conflict('duplicate_code', `Mã khối "${code}" đã được dùng.`, { code: 'đã được dùng' });
  }
}

function toDto(r: BlockRow): BlockDto {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, description: r.description,
    archivedAt: r.archivedAt ? new Date(r.archivedAt).toISOString() : null, version: r.version,
    latestYear: r.latestYear, memberCount: r.memberCount, leaderUnitName: r.leaderUnitName,
  };
}

const snapshot = (b: Block) => ({ code: b.code, name: b.name, kind: b.kind, description: b.description });
