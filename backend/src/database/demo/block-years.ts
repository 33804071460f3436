import type { EntityManager } from 'typeorm';
import { ScopeService } from '../../common/scope/scope.service';
import type { BlockYearStatus } from '../../domain/year-status';
import { AuditService } from '../../modules/audit/audit.service';
import { recordDemoStatus } from '../../modules/block-years/block-years-data';
import { BlockYearsService } from '../../modules/block-years/block-years.service';

/**
 * A demo block year, set up by the system (the demo loader) through the block-years module (the default legal
 * basis and rule set, its members), then given the status it has in the story; its id.
 */
export async function insertDemoBlockYear(em: EntityManager, y: {
  blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; status: BlockYearStatus; memberIds: string[];
}): Promise<string> {
  const svc = new BlockYearsService(em.connection, new AuditService(em.connection), new ScopeService(em.connection));
  const id = await svc.createIn(em, null, { blockId: y.blockId, year: y.year, leaderUnitId: y.leaderUnitId, deputyUnitId: y.deputyUnitId, memberUnitIds: y.memberIds });
  await recordDemoStatus(em, id, y.status);
  return id;
}
