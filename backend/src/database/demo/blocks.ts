import type { EntityManager } from 'typeorm';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../../modules/audit/audit.service';
import { BlocksService } from '../../modules/blocks/blocks.service';
import type { BlockKind } from '../../modules/blocks/entities/block.entity';

/** A demo block, created by the system (the demo loader) through the blocks module; its id. */
export async function insertDemoBlock(em: EntityManager, b: { code: string; name: string; kind: BlockKind; description: string }): Promise<string> {
  return new BlocksService(em.connection, new AuditService(em.connection), new ScopeService(em.connection)).createIn(em, null, b);
}
