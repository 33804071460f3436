import net from 'node:net';
import { createTestApp, DEMO, TestApp } from '../app';
import { signInRaw } from '../factories';

/** A TCP proxy in front of the shared test PostgreSQL that the test can cut and restore. */
class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Drops every connection and refuses new ones, as a stopped database would. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

describe('database outage', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  beforeAll(async () => {
    const admin = new URL(process.env.THIDUA_TEST_ADMIN_URL!);
    proxy = new CuttableProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    await proxy.open();
    t = await createTestApp({ demo: true, databaseUrl: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      return u.toString();
    } });
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
  });

  it('answers 503 with Retry-After while the database is unreachable, and recovers after', async () => {
    const { cookie, csrf } = await signInRaw(t, DEMO.board);
    expect((await t.http().get('/api/blocks').set('Cookie', cookie)).status).toBe(200);

    await proxy.cut();
    const reads = await t.http().get('/api/blocks').set('Cookie', cookie);
    const write = await t.http().post('/api/blocks').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ code: 'K-DOWN', name: 'Khối khi mất kết nối', kind: 'khoi' });
    const signIn = await t.http().post('/api/auth/sign-in').send({ email: DEMO.admin, password: 'ThiDua@2024' });
    for (const res of [reads, write, signIn]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({ statusCode: 503, code: 'database_unavailable', message: expect.stringContaining('cơ sở dữ liệu') });
    }
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);

    await proxy.open();
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await t.http().get('/api/blocks').set('Cookie', cookie)).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(back).toBe(200);
    expect((await t.http().get('/api/health')).status).toBe(200);
    expect((await t.http().post('/api/auth/sign-in').send({ email: DEMO.admin, password: 'ThiDua@2024' })).status).toBe(200);
  });
});
