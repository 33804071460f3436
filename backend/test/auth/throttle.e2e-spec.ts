import { createTestApp, DEMO, TestApp } from '../app';
import { expectStatus } from '../factories';

const DELAY_MS = 300;
const PASSWORD = 'ThiDua@2024';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wrong passwords slow the guesser (429 + Retry-After), never lock the real user out. */
describe('wrong-password throttle', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ demo: true, env: { SIGN_IN_DELAY_MS: String(DELAY_MS) } })));
  afterAll(() => t.close());

  const signIn = (email: string, password: string, from: string) =>
    t.http().post('/api/auth/sign-in').set('X-Forwarded-For', from).send({ email, password });

  it('answers 429 with Retry-After after the allowance, lets the wait pass, and never blocks the user at another address', async () => {
    const attacker = '203.0.113.10';
    for (let i = 0; i < 5; i++) expect((await signIn(DEMO.unitHead, `sai-mat-khau-${i}`, attacker)).status).toBe(401);
    const throttled = await signIn(DEMO.unitHead, PASSWORD, attacker);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ statusCode: 429, code: 'too_many_attempts' });
    expect(throttled.body.message).toMatch(/thử lại sau \d+ giây/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The real user, elsewhere, signs in at once.
    expect((await signIn(DEMO.unitHead, PASSWORD, '198.51.100.20')).status).toBe(200);
    // After the wait, the right password works from the attacker's address too.
    await sleep(DELAY_MS + 100);
    expect((await signIn(DEMO.unitHead, PASSWORD, attacker)).status).toBe(200);
    // No account row was touched (no lock columns any more) and nothing was audited as a lock.
    expect(await t.ds.query(`SELECT 1 FROM audit_entries WHERE action = 'account.lock'`)).toHaveLength(0);
  });

  it('the delays grow with each further failure', async () => {
    const from = '203.0.113.11';
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await signIn(DEMO.board, 'sai-mat-khau-x', from);
      if (res.status === 429) {
        await sleep(Number(res.headers['retry-after']) * 1000);
        i--;
        continue;
      }
      expect(res.status).toBe(401);
      const [row] = await t.ds.query(`SELECT extract(epoch FROM blocked_until - last_failure_at) * 1000 AS ms FROM sign_in_throttle WHERE key = $1`, [`aa:${DEMO.board}|${from}`]);
      waits.push(Math.round(Number(row.ms)));
    }
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits[4]).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(waits[5]).toBeGreaterThanOrEqual(2 * DELAY_MS - 5);
    expect(waits[6]).toBeGreaterThanOrEqual(4 * DELAY_MS - 5);
  });

  it('answers a missing account exactly like an existing one, in similar time', async () => {
    const trace = async (email: string, from: string) => {
      const out: { status: number; body: unknown; ms: number }[] = [];
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        const res = await signIn(email, 'sai-mat-khau-y', from);
        out.push({ status: res.status, body: res.status === 429 ? res.body.code : res.body, ms: performance.now() - started });
      }
      return out;
    };
    const existing = await trace(DEMO.memberOfficer, '203.0.113.12');
    const missing = await trace('khong.ton.tai@thidua.vn', '203.0.113.13');
    expect(missing.map(({ status, body }) => ({ status, body }))).toEqual(existing.map(({ status, body }) => ({ status, body })));
    // Both do the password hashing: the times are of one order (a missing account that skipped it would answer
    // many times faster). Medians, and a wide band, since parallel test files load the machine unevenly.
    const median = (xs: { ms: number }[]) => xs.slice(0, 5).map((x) => x.ms).sort((a, b) => a - b)[2];
    const ratio = median(existing) / median(missing);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('one address trying many accounts is slowed down after its allowance', async () => {
    const from = '203.0.113.14';
    let last = 0;
    for (let i = 0; i < 22; i++) last = (await signIn(`khach.${i}@thidua.vn`, 'sai-mat-khau-z', from)).status;
    expect(last).toBe(429);
    // Another address is not affected.
    expect((await signIn(DEMO.admin, PASSWORD, '198.51.100.21')).status).toBe(200);
  });

  it('wrong current passwords on change-password count the same way', async () => {
    const c = await t.as(DEMO.leaderOfficer);
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/auth/change-password', { currentPassword: `sai-mat-khau-${i}`, newPassword: 'DoiMatKhauMoi2025' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('currentPassword');
    }
    // Counted against this client's address (the request's, as the guard gives it), like a sign-in.
    const [row] = await t.ds.query(`SELECT key, failures FROM sign_in_throttle WHERE key LIKE $1`, [`aa:${DEMO.leaderOfficer}|%`]);
    expect(row).toEqual({ key: expect.stringMatching(/\|.*127\.0\.0\.1$/), failures: 5 });
    const throttled = await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'DoiMatKhauMoi2025' });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    await sleep(DELAY_MS + 100);
    await expectStatus(c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'DoiMatKhauMoi2025' }), 204);
  });

  it('an administrator reset forgets the waits of the account', async () => {
    const from = '203.0.113.15';
    for (let i = 0; i < 6; i++) await signIn(DEMO.nextLeaderOfficer, 'sai-mat-khau-w', from);
    expect((await t.ds.query(`SELECT 1 FROM sign_in_throttle WHERE key LIKE $1`, [`aa:${DEMO.nextLeaderOfficer}|%`])).length).toBe(1);
    const admin = await t.as(DEMO.admin);
    const [acc] = await t.ds.query('SELECT id FROM accounts WHERE email = $1', [DEMO.nextLeaderOfficer]);
    const same = await admin.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.fields).toEqual({ newPassword: 'không được trùng mật khẩu hiện tại' });
    await expectStatus(admin.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'MoiMatKhau2025' }), 201);
    expect(await t.ds.query(`SELECT 1 FROM sign_in_throttle WHERE key LIKE $1 OR key = $2`, [`aa:${DEMO.nextLeaderOfficer}|%`, `ac:${DEMO.nextLeaderOfficer}`])).toHaveLength(0);
    expect((await signIn(DEMO.nextLeaderOfficer, 'MoiMatKhau2025', from)).status).toBe(200);
  });
});

describe('flood limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '5' } })));
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the limit, per address', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await t.http().get('/api/health').set('X-Forwarded-For', '203.0.113.50');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.body).toMatchObject({ statusCode: 429, code: 'too_many_requests', message: expect.stringContaining('thử lại') });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http().get('/api/health').set('X-Forwarded-For', '203.0.113.51')).status).toBe(200);
  });
});
