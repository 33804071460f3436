import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/actor';
import { AccountsService } from '../../modules/accounts/accounts.service';
import { AuditService } from '../../modules/audit/audit.service';

/** A demo account with the demo's one already hashed password, created by the system (the demo loader) through the accounts module. */
export async function insertDemoAccount(em: EntityManager, a: { fullName: string; email: string; role: Role; unitId: string | null; title: string; passwordHash: string }): Promise<void> {
  const { passwordHash, ...account } = a;
  await new AccountsService(em.connection, new AuditService(em.connection)).createHashedIn(em, null, account, passwordHash);
}
