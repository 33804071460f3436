import { createTestApp, DEMO, TestApp } from '../app';
import { expectStatus, signInRaw } from '../factories';

describe('sessions of an account', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const sessionCount = async (email: string) =>
    (await t.ds.query('SELECT count(*)::int AS n FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email = $1', [email]))[0].n;

  it('keeps at most 10 live sessions per account: signing in once more ends the oldest', async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.http().post('/api/auth/sign-in').set('User-Agent', `Mozilla/5.0 test ${i}`).send({ email: DEMO.unitHead, password: 'ThiDua@2024' });
      expect(res.status).toBe(200);
      cookies.push((res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; '));
    }
    expect(await sessionCount(DEMO.unitHead)).toBe(10);
    expect((await t.http().get('/api/auth/me').set('Cookie', cookies[0])).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('Cookie', cookies[1])).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('Cookie', cookies[2])).status).toBe(200);
  });

  it('lists the account’s sessions with device, address and times, and ends one or all the others', async () => {
    const other = await signInRaw(t, DEMO.memberOfficer);
    const me = await signInRaw(t, DEMO.memberOfficer);
    const list = await expectStatus(t.http().get('/api/auth/sessions').set('Cookie', me.cookie), 200);
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s: any) => s.current)).toHaveLength(1);
    expect(list[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), userAgent: expect.any(String), ip: expect.any(String),
      createdAt: expect.any(String), lastSeenAt: expect.any(String), expiresAt: expect.any(String), current: true,
    });
    // Another account's session cannot be ended from here.
    const stranger = await signInRaw(t, DEMO.board);
    const strangerList = await expectStatus(t.http().get('/api/auth/sessions').set('Cookie', stranger.cookie), 200);
    const foreign = await t.http().delete(`/api/auth/sessions/${strangerList[0].id}`).set('Cookie', me.cookie).set('X-CSRF-Token', me.csrf);
    expect(foreign.status).toBe(404);
    const bad = await t.http().delete('/api/auth/sessions/khong-phai-uuid').set('Cookie', me.cookie).set('X-CSRF-Token', me.csrf);
    expect(bad.status).toBe(400);
    // End the other one by its id.
    const otherId = list.find((s: any) => !s.current).id;
    expect((await t.http().delete(`/api/auth/sessions/${otherId}`).set('Cookie', me.cookie).set('X-CSRF-Token', me.csrf)).status).toBe(204);
    expect((await t.http().get('/api/auth/me').set('Cookie', other.cookie)).status).toBe(401);
    // End all others.
    await signInRaw(t, DEMO.memberOfficer);
    await signInRaw(t, DEMO.memberOfficer);
    const ended = await expectStatus(t.http().post('/api/auth/sessions/end-others').set('Cookie', me.cookie).set('X-CSRF-Token', me.csrf), 200);
    expect(ended.ended).toBeGreaterThanOrEqual(2);
    expect(await sessionCount(DEMO.memberOfficer)).toBe(1);
    expect((await t.http().get('/api/auth/me').set('Cookie', me.cookie)).status).toBe(200);
    expect((await t.http().get('/api/auth/me').set('Cookie', stranger.cookie)).status).toBe(200);
  });
});
