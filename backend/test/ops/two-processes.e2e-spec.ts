import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { BACKUP_JOB } from '../../src/modules/backups/backups.service';
import { Clock } from '../../src/modules/jobs/clock';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { notify } from '../../src/modules/notifications/notify';
import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import { createTestApp, DEMO, TestApp, withDatabase } from '../app';

// Two backend processes on one database, as docker/compose.yml runs its replicas (each with its own pool,
// job runner, sealer and clock; nothing shared but PostgreSQL): a session opened on one writes on the other,
// and background work (scheduled backups, jobs, mails) is done once between them. A failed backup becomes a
// task and a mail for the admins.
describe('two app processes on one database', () => {
  const received: { to: string[]; messageId: string }[] = [];
  let smtp: SMTPServer & { port: number };
  let t: TestApp;
  let b: NestExpressApplication;
  let dir: string;
  const extra: NestExpressApplication[] = [];

  /** Another process on t's database, as the least-privileged role, with its own settings. */
  async function processOn(env: Record<string, string>): Promise<NestExpressApplication> {
    const db = new URL((t.ds.options as { url: string }).url).pathname.slice(1);
    const app = await createApp(loadConfig({
      DATABASE_URL: withDatabase(process.env.THIDUA_TEST_APP_URL!, db), NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0',
      BALLOT_WRAP_KEY: randomBytes(32).toString('base64'), SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...env,
    }), { logger: false });
    await app.init();
    return app;
  }
  const both = () => [t.app, b];
  const setClocks = (at: Date, apps = both()) => apps.forEach((a) => a.get(Clock).set(at));
  const tickAll = (apps = both()) => Promise.all(apps.map((a) => a.get(JobRunner).tick()));

  beforeAll(async () => {
    smtp = await new Promise((resolve, reject) => {
      const s = new SMTPServer({
        authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
        onData(stream, session, done) {
          let raw = '';
          stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
          stream.on('end', () => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: raw.match(/^Message-ID: (.*)$/im)?.[1].trim() ?? '' });
            done();
          });
        },
      });
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(Object.assign(s, { port: (s.server.address() as AddressInfo).port })));
    });
    dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-replicas-'));
    const backups = path.join(dir, 'backups');
    t = await createTestApp({ demo: true, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, BACKUP_DIR: backups } });
    b = await processOn({ BACKUP_DIR: backups });
  }, 180_000);

  afterAll(async () => {
    for (const a of extra) await a.close();
    await b?.close();
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session opened on one process writes on the other, and the first sees the change', async () => {
    const signIn = await t.http().post('/api/auth/sign-in').send({ email: DEMO.admin, password: DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    const [unit] = await t.ds.query(`SELECT id, version FROM units ORDER BY short_name LIMIT 1`);
    const onB = await request(b.getHttpServer()).patch(`/api/units/${unit.id}`).set('Cookie', cookie).set('X-CSRF-Token', signIn.body.csrfToken)
      .send({ phone: '024 3999 1111', version: unit.version });
    expect(onB.status).toBe(200);
    const onA = await t.http().get(`/api/units/${unit.id}`).set('Cookie', cookie);
    expect(onA.body).toMatchObject({ phone: '024 3999 1111', version: unit.version + 1 });
    // Without the CSRF token the other process refuses too: the session is the same everywhere.
    expect((await request(b.getHttpServer()).patch(`/api/units/${unit.id}`).set('Cookie', cookie).send({ phone: '1', version: unit.version + 1 })).status).toBe(403);
  });

  it('a scheduled backup runs once between them, at its slot, and the next slot is another', async () => {
    const at = new Date(Date.now() + 3_600_000);
    setClocks(at);
    await tickAll();
    await tickAll();
    const runs = await t.ds.query(`SELECT status, folder FROM backup_runs`);
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe('ok');
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(runs[0].folder)]);
    expect(existsSync(path.join(runs[0].folder, 'manifest.json'))).toBe(true);
    const jobs = await t.ds.query(`SELECT attempts, done_at, failed_at FROM jobs WHERE kind = $1`, [BACKUP_JOB]);
    expect(jobs).toEqual([expect.objectContaining({ attempts: 1, failed_at: null })]);
    setClocks(new Date(at.getTime() + 24 * 3_600_000));
    await tickAll();
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM backup_runs WHERE status = 'ok'`)).toEqual([{ n: 2 }]);
  });

  it('many jobs and mails: each done once by the two of them', async () => {
    const before = received.length;
    for (const a of both()) a.get(JobRunner).register('test.count', async (em, p: { i: number }) => { await em.query(`INSERT INTO app_meta (key, value) VALUES ($1, 'x')`, [`test-job-${p.i}`]); });
    const at = new Date(Date.now() + 3 * 24 * 3_600_000);
    setClocks(at);
    await t.ds.transaction(async (em) => {
      await em.query(`INSERT INTO jobs (kind, payload, run_at, dedupe_key) SELECT 'test.count', jsonb_build_object('i', i), $1, 'test:' || i FROM generate_series(1, 60) i`, [at]);
      for (let i = 0; i < 5; i++) await notify(em, null, { board: true, admins: true }, { kind: 'test_notice', title: `Thông báo thử ${i}` });
    });
    const queued: string[] = (await t.ds.query(`SELECT message_id FROM mail_outbox WHERE status = 'pending'`)).map((r: { message_id: string }) => r.message_id);
    const mails = queued.length;
    expect(mails).toBeGreaterThanOrEqual(10);
    await tickAll();
    await tickAll();
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM app_meta WHERE key LIKE 'test-job-%'`)).toEqual([{ n: 60 }]);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.count' AND (done_at IS NULL OR attempts <> 1)`)).toEqual([{ n: 0 }]);
    // Other jobs the clock jump wakes (digests, reminders) may send mail too: count only the queued ones.
    const sent = received.slice(before).filter((m) => queued.includes(m.messageId));
    expect(sent).toHaveLength(mails);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(mails);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`)).toEqual([{ n: 0 }]);
  });

  it('a failed backup is a task and a mail for the admins, until a later backup succeeds', async () => {
    // A third process whose backup folder cannot be made (a file stands where its parent should be).
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const broken = await processOn({ BACKUP_DIR: path.join(dir, 'not-a-folder', 'backups') });
    extra.push(broken);
    const before = received.length;
    const at = new Date(Date.now() + 10 * 24 * 3_600_000);
    setClocks(at, [broken]);
    await tickAll([broken]);
    const [run] = await t.ds.query(`SELECT status, error FROM backup_runs ORDER BY started_at DESC LIMIT 1`);
    expect(run.status).toBe('failed');
    expect(run.error).toContain('ENOTDIR');
    // The job itself is done (its outcome is the run's record), not retried by every process.
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND done_at IS NULL`, [BACKUP_JOB])).toEqual([{ n: 0 }]);
    const admin = await t.as(DEMO.admin);
    const tasks = (await admin.get('/api/tasks')).body;
    const task = tasks.items.find((x: { kind: string }) => x.kind === 'backup_failed');
    expect(task).toMatchObject({ title: expect.stringContaining('Sao lưu tự động thất bại'), detail: expect.stringMatching(/^Lần sao lưu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} không thành công/), blockYearId: null, blockName: null, year: null, overdue: true });
    const [note] = await t.ds.query(`SELECT title, body FROM notifications WHERE kind = 'backup_failed' LIMIT 1`);
    expect(note.body).toContain('ENOTDIR');
    // Only admins: the board has no such task.
    expect((await (await t.as(DEMO.board)).get('/api/tasks')).body.items.some((x: { kind: string }) => x.kind === 'backup_failed')).toBe(false);
    const [{ n: admins }] = await t.ds.query(`SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND archived_at IS NULL`);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'backup_failed'`)).toEqual([{ n: admins }]);
    setClocks(at, [broken]);
    await tickAll([broken]); // the mail goes out with the next pass
    expect(received.slice(before).length).toBe(admins);
    // The next slot, taken by a process that can write: the task is gone.
    setClocks(new Date(at.getTime() + 24 * 3_600_000), [t.app]);
    await tickAll([t.app]);
    expect((await admin.get('/api/tasks')).body.items.some((x: { kind: string }) => x.kind === 'backup_failed')).toBe(false);
  });
});
