import { bootstrapAdmin } from '../../src/modules/accounts/bootstrap-admin';
import { createTestApp, TestApp } from '../app';

describe('the first admin (ADMIN_EMAIL / ADMIN_PASSWORD on an empty installation)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ demo: false }); });
  afterAll(() => t.close());

  it('is created once, with its email trimmed and lower-cased, and audited', async () => {
    expect(await bootstrapAdmin(t.ds, '  Quan.Tri@Example.vn ', 'Mat-khau-dau-tien-2026')).toBe(true);
    const rows = await t.ds.query('SELECT id, email, role, full_name, title FROM accounts');
    expect(rows).toEqual([expect.objectContaining({ email: 'quan.tri@example.vn', role: 'admin', full_name: 'Quản trị hệ thống', title: 'Quản trị viên' })]);
    const audit = await t.ds.query(`SELECT action, reason FROM audit_entries WHERE entity_type = 'account' AND entity_id = $1`, [rows[0].id]);
    expect(audit).toEqual([{ action: 'account.create', reason: 'Tài khoản quản trị đầu tiên' }]);
    const signIn = await t.http().post('/api/auth/sign-in').send({ email: 'quan.tri@example.vn', password: 'Mat-khau-dau-tien-2026' });
    expect(signIn.status).toBe(200);
  });

  it('does nothing once any account exists', async () => {
    expect(await bootstrapAdmin(t.ds, 'khac@example.vn', 'Mat-khau-dau-tien-2026')).toBe(false);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM accounts');
    expect(n).toBe(1);
  });
});
