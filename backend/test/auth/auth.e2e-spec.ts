import { createTestApp, DEMO, TestApp } from '../app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('signs in with the right password and sets an httpOnly SameSite cookie', async () => {
    const res = await t.http().post('/api/auth/sign-in').send({ email: DEMO.admin, password: 'ThiDua@2024' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: DEMO.admin, role: 'admin' });
    const cookies: string[] = res.headers['set-cookie'] as unknown as string[];
    const sid = cookies.find((c) => c.startsWith('thidua_sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const res = await t.http().post('/api/auth/sign-in').send({ email: DEMO.board, password: 'sai-mat-khau1' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'Email hoặc mật khẩu không đúng.' });
  });

  it('names the bad field on invalid sign-in input', async () => {
    const res = await t.http().post('/api/auth/sign-in').send({ email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'password']);
    expect(res.body.message).toContain('email');
  });

  it('rejects requests without a session and writes without the CSRF token', async () => {
    expect((await t.http().get('/api/blocks')).status).toBe(401);
    const admin = await t.as(DEMO.admin);
    const res = await admin.get('/api/auth/me');
    expect(res.status).toBe(200);
    const noCsrf = await t.http().post('/api/blocks').set('Cookie', (await signInCookie(t))).send({ code: 'X1', name: 'X', kind: 'khoi' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf_failed');
  });

  it('signs out and changes the password', async () => {
    const c = await t.as(DEMO.memberOfficer);
    const weak = await c.post('/api/auth/change-password', { currentPassword: 'ThiDua@2024', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toHaveProperty('newPassword');
    for (const newPassword of ['password123', 'matkhau123', '1234567890', 'aaaaaaaaaaaa', 'ThiDua@2024']) {
      const refused = await c.post('/api/auth/change-password', { currentPassword: 'ThiDua@2024', newPassword });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toHaveProperty('newPassword');
    }
    const wrong = await c.post('/api/auth/change-password', { currentPassword: 'nope12345', newPassword: 'DoiMatKhau2025' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toHaveProperty('currentPassword');
    expect((await c.post('/api/auth/change-password', { currentPassword: 'ThiDua@2024', newPassword: 'DoiMatKhau2025' })).status).toBe(204);
    expect((await c.post('/api/auth/sign-out')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await t.http().post('/api/auth/sign-in').send({ email: DEMO.memberOfficer, password: 'DoiMatKhau2025' })).status).toBe(200);
  });

  it('reports health of the database without a session', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });
});

async function signInCookie(t: TestApp): Promise<string> {
  const res = await t.http().post('/api/auth/sign-in').send({ email: DEMO.admin, password: 'ThiDua@2024' });
  return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
}
