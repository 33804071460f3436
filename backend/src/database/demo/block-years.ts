import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import type { BlockYearStatus } from '../../domain/year-status';
import { AuditService } from '../../modules/audit/audit.service';
import { BlockYearsService } from '../../modules/block-years/block-years.service';

/**
 * A demo block year, set up by the system (the demo loader) through the block-years module (the default legal
 * basis and rule set, its members), then moved by the board to the status it has in the story (the status an
 * official of the Ban TĐKT sets on the year's page); its id.
 */
export async function insertDemoBlockYear(em: EntityManager, board: Actor, y: {
  blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; status: BlockYearStatus; memberIds: string[];
}): Promise<string> {
  const svc = new BlockYearsService(em.connection, new AuditService(em.connection), new ScopeService(em.connection));
  const id = await svc.createIn(em, null, { blockId: y.blockId, year: y.year, leaderUnitId: y.leaderUnitId, deputyUnitId: y.deputyUnitId, memberUnitIds: y.memberIds });
  // A year just set up is at version 1.
  await svc.updateTx(em, board, id, { status: y.status, version: 1 });
  return id;
}
