import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';

/**
 * On an empty installation without the demo, creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD
 * (the password policy was checked with the configuration).
 */
export async function bootstrapAdmin(ds: DataSource, email: string, password: string): Promise<boolean> {
  return ds.transaction(async (em) => {
    await em.query('LOCK TABLE accounts IN EXCLUSIVE MODE');
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM accounts');
    if (count > 0) return false;
    const [row] = await em.query(
      `INSERT INTO accounts (full_name, email, role, password_hash, title, version) VALUES ('Quản trị hệ thống', $1, 'admin', $2, 'Quản trị viên', 1) RETURNING id`,
      [email.trim().toLowerCase(), await hashPassword(password)]);
    await new AuditService(ds).record(em, null, { action: 'account.create', entityType: 'account', entityId: row.id, after: { email, role: 'admin' }, reason: 'Tài khoản quản trị đầu tiên' });
    return true;
  });
}
