import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import type { AuditService } from '../audit/audit.service';
import { moveStatus } from './block-years-data';
import { BLOCK_YEAR_STATUSES, type BlockYearStatus } from '../../domain/year-status';

/**
 * Moves a block year forward in its cycle (docs/domain.md §3) when another module reaches a step, e.g. the
 * dossier sent ("submitted") or decided ("decided"). Only forwards (statuses are listed in cycle order);
 * an archived year is left alone. Audited as `block_year.status`.
 */
export async function advanceYearStatus(em: EntityManager, audit: AuditService, actor: Actor, y: { blockYearId: string; blockId: string }, to: BlockYearStatus, reason: string): Promise<void> {
  const earlier = BLOCK_YEAR_STATUSES.slice(0, BLOCK_YEAR_STATUSES.indexOf(to));
  const before = await moveStatus(em, y.blockYearId, to, earlier);
  if (!before) return;
  await audit.record(em, actor, { action: 'block_year.status', entityType: 'block_year', entityId: y.blockYearId, blockId: y.blockId, before: { status: before }, after: { status: to }, reason });
}
