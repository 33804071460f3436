import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { accountCount, insertFirstAdmin, lockAccountsTable } from './accounts-data';

/**
 * On an empty installation without the demo, creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD
 * (the password policy was checked with the configuration).
 */
export async function bootstrapAdmin(ds: DataSource, email: string, password: string): Promise<boolean> {
  return ds.transaction(async (em) => {
    await lockAccountsTable(em);
    if ((await accountCount(em)) > 0) return false;
    const id = await insertFirstAdmin(em, email.trim().toLowerCase(), await hashPassword(password));
    await new AuditService(ds).record(em, null, { action: 'account.create', entityType: 'account', entityId: id, after: { email, role: 'admin' }, reason: 'Tài khoản quản trị đầu tiên' });
    return true;
  });
}
