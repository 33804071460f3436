import type { EntityManager } from 'typeorm';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../../modules/audit/audit.service';
import { UnitsService } from '../../modules/units/units.service';

/** A demo member unit, created by the system (the demo loader) through the units module; its id. */
export async function insertDemoUnit(em: EntityManager, u: { name: string; shortName: string; parentAgency: string; address: string; phone: string; email: string }): Promise<string> {
  return new UnitsService(em.connection, new AuditService(em.connection), new ScopeService(em.connection)).createIn(em, null, u);
}
