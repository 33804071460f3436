import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { ChainRow, entryHash, firstBrokenLink, GENESIS_HASH } from './audit-chain';
import { AuditQueryDto } from './dto/audit.dto';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  blockId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** Any stable number; the advisory lock serialises appends so the chain never forks. */
const CHAIN_LOCK = 7_240_001;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Appends an entry inside the caller's transaction: the change and its audit commit or fail together. */
  async record(em: EntityManager, actor: Pick<Actor, 'id' | 'fullName'> | null, input: AuditInput): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('audit.record must run inside a transaction');
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = await em.query('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1');
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    const [{ id }] = await em.query(`SELECT nextval(pg_get_serial_sequence('audit_entries','id')) AS id`);
    const occurredAt = new Date();
    const fields = {
      id: String(id),
      occurredAt: occurredAt.toISOString(),
      actorId: actor?.id ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      blockId: input.blockId ?? null,
      before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
      after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
      reason: input.reason ?? '',
      prevHash,
    };
    await em.query(
      `INSERT INTO audit_entries (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, block_id, before, after, reason, prev_hash, hash)
       OVERRIDING SYSTEM VALUE VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [fields.id, occurredAt, fields.actorId, actor?.fullName ?? 'Hệ thống', fields.action, fields.entityType, fields.entityId, fields.blockId,
        fields.before === null ? null : JSON.stringify(fields.before), fields.after === null ? null : JSON.stringify(fields.after), fields.reason, prevHash, entryHash(fields)],
    );
  }

  async list(q: AuditQueryDto) {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    if (q.entityType) qb.andWhere('a.entityType = :t', { t: q.entityType });
    if (q.entityId) qb.andWhere('a.entityId = :e', { e: q.entityId });
    if (q.actorId) qb.andWhere('a.actorId = :ac', { ac: q.actorId });
    if (q.blockId) qb.andWhere('a.blockId = :b', { b: q.blockId });
    if (q.action) qb.andWhere('a.action LIKE :act', { act: `${q.action.replace(/[\\%_]/g, '\\$&')}%` });
    if (q.from) qb.andWhere('a.occurredAt >= :from', { from: q.from });
    if (q.to) qb.andWhere(`a.occurredAt < (:to::date + interval '1 day')`, { to: q.to });
    const [rows, total] = await qb.orderBy('a.id', 'DESC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
  }

  /** Walks the whole chain in id order, in batches, and reports the first broken link. */
  async verify(): Promise<{ ok: boolean; checked: number; brokenAtId: string | null; problem: string | null }> {
    let prev = GENESIS_HASH;
    let after = '0';
    let checked = 0;
    for (;;) {
      // Order by the bigint column (a bare "ORDER BY id" would sort the text output column: 1, 10, 2…).
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT id::text, occurred_at, actor_id, action, entity_type, entity_id, block_id, before, after, reason, prev_hash, hash
         FROM audit_entries a WHERE a.id > $1::bigint ORDER BY a.id LIMIT 2000`, [after]);
      if (!rows.length) return { ok: true, checked, brokenAtId: null, problem: null };
      const chain: ChainRow[] = rows.map((r) => ({
        id: r.id as string, occurredAt: (r.occurred_at as Date).toISOString(), actorId: r.actor_id as string | null, action: r.action as string,
        entityType: r.entity_type as string, entityId: r.entity_id as string | null, blockId: r.block_id as string | null, before: r.before,
        after: r.after, reason: r.reason as string, prevHash: r.prev_hash as string, hash: r.hash as string,
      }));
      const broken = firstBrokenLink(chain, prev);
      if (broken) return { ok: false, checked: checked + chain.findIndex((c) => c.id === broken.id), brokenAtId: broken.id, problem: broken.problem };
      checked += chain.length;
      prev = chain[chain.length - 1].hash;
      after = chain[chain.length - 1].id;
    }
  }
}

function toDto(a: AuditEntry) {
  return {
    id: a.id, occurredAt: a.occurredAt.toISOString(), actorId: a.actorId, actorName: a.actorName, action: a.action,
    entityType: a.entityType, entityId: a.entityId, blockId: a.blockId, before: a.before, after: a.after, reason: a.reason, hash: a.hash,
  };
}
