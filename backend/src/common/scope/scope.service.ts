import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../actor';
import { forbidden } from '../app-error';

export type Seat = 'leader' | 'deputy';

/**
 * Scope (docs/domain.md §6): which blocks and units an actor reaches, and the seat their unit holds in a
 * block year. Leader rights come from the unit's seat in that year, never from the person.
 */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Blocks the actor's unit has been a member of (any year); null = every block. */
  async blockIdsOf(actor: Actor, em: EntityManager = this.ds.manager): Promise<string[] | null> {
    if (isCityWide(actor)) return null;
    if (!actor.unitId) return [];
    const rows: { block_id: string }[] = await em.query('SELECT DISTINCT block_id FROM block_year_members WHERE unit_id = $1', [actor.unitId]);
    return rows.map((r) => r.block_id);
  }

  async canSeeBlock(actor: Actor, blockId: string, em?: EntityManager): Promise<boolean> {
    const ids = await this.blockIdsOf(actor, em);
    return ids === null || ids.includes(blockId);
  }

  /** `em`: read inside the caller's transaction (e.g. a block year created in it). */
  async assertCanSeeBlock(actor: Actor, blockId: string, em?: EntityManager): Promise<void> {
    if (!(await this.canSeeBlock(actor, blockId, em))) throw forbidden('Bạn chỉ được xem khối thi đua mà đơn vị mình là thành viên.');
  }

  /** Units that share a block with the actor's unit (any year), including their own; null = all. */
  async unitIdsVisibleTo(actor: Actor): Promise<string[] | null> {
    if (isCityWide(actor)) return null;
    if (!actor.unitId) return [];
    const rows: { unit_id: string }[] = await this.ds.query(
      `SELECT DISTINCT m2.unit_id FROM block_year_members m1 JOIN block_year_members m2 ON m2.block_id = m1.block_id
       WHERE m1.unit_id = $1 UNION SELECT $1::uuid`, [actor.unitId]);
    return rows.map((r) => r.unit_id);
  }

  async seatOf(unitId: string | null, blockYearId: string, em: EntityManager = this.ds.manager): Promise<Seat | null> {
    if (!unitId) return null;
    const [row] = await em.query('SELECT leader_unit_id, deputy_unit_id FROM block_years WHERE id = $1', [blockYearId]);
    if (!row) return null;
    return row.leader_unit_id === unitId ? 'leader' : row.deputy_unit_id === unitId ? 'deputy' : null;
  }

  /** True when the actor's unit holds the leader or deputy seat of this block year. */
  async isLeaderOf(actor: Actor, blockYearId: string, em?: EntityManager): Promise<boolean> {
    if (isCityWide(actor)) return false;
    return (await this.seatOf(actor.unitId, blockYearId, em)) !== null;
  }
}
