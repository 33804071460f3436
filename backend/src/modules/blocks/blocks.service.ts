import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { BlocksPolicy } from './blocks.policy';
import { BlockDto, BlockPageDto, BlockQueryDto, CreateBlockDto, UpdateBlockDto } from './dto/block.dto';
import { Block } from './entities/block.entity';

@Injectable()
export class BlocksService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  async list(actor: Actor, q: BlockQueryDto): Promise<BlockPageDto> {
    const visible = await this.scope.blockIdsOf(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (visible) where.push(`b.id = ANY(${p(visible)}::uuid[])`);
    if (!q.includeArchived) where.push('b.archived_at IS NULL');
    if (q.kind) where.push(`b.kind = ${p(q.kind)}`);
    if (q.q) where.push(`(b.name ILIKE ${p(likePattern(q.q))} OR b.code ILIKE ${p(likePattern(q.q))})`);
    const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM blocks b ${sqlWhere}`, params);
    const rows = await this.ds.query(
      `${SELECT_BLOCK} ${sqlWhere} ORDER BY b.name LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)}`, params);
    return { items: rows.map(toDto), total: count, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<BlockDto> {
    const [row] = await this.ds.query(`${SELECT_BLOCK} WHERE b.id = $1`, [id]);
    if (!row) throw notFound('Không tìm thấy khối thi đua.');
    await this.scope.assertCanSeeBlock(actor, id);
    return toDto(row);
  }

  async create(actor: Actor, dto: CreateBlockDto): Promise<BlockDto> {
    BlocksPolicy.assertCanManage(actor);
    const id = await this.ds.transaction(async (em) => {
      await this.assertCodeFree(em.getRepository(Block), dto.code);
      const block = await em.save(em.getRepository(Block).create({ ...dto, description: dto.description ?? '' }));
      await this.audit.record(em, actor, { action: 'block.create', entityType: 'block', entityId: block.id, blockId: block.id, after: snapshot(block) });
      return block.id;
    });
    return this.get(actor, id);
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

const SELECT_BLOCK = `
  SELECT b.*, y.year AS latest_year, coalesce(y.member_count, 0)::int AS member_count, lu.name AS leader_unit_name
  FROM blocks b
  LEFT JOIN LATERAL (
    SELECT by2.year, by2.leader_unit_id, (SELECT count(*) FROM block_year_members m WHERE m.block_year_id = by2.id) AS member_count
    FROM block_years by2 WHERE by2.block_id = b.id ORDER BY by2.year DESC LIMIT 1
  ) y ON true
  LEFT JOIN units lu ON lu.id = y.leader_unit_id`;

function toDto(r: Record<string, any>): BlockDto {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, description: r.description,
    archivedAt: r.archived_at ? new Date(r.archived_at).toISOString() : null, version: r.version,
    latestYear: r.latest_year ?? null, memberCount: r.member_count, leaderUnitName: r.leader_unit_name ?? null,
  };
}

const snapshot = (b: Block) => ({ code: b.code, name: b.name, kind: b.kind, description: b.description });
