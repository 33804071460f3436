import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { K4 } from '../scoring/helpers';
import { openRound, OpenRound } from '../rounds/helpers';
import { runnerOf } from './helpers';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
function smtp(received: Received[], port = 0): Promise<SMTPServer & { port: number }> {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.server.address() as AddressInfo).port })));
  });
}
const stop = (s: SMTPServer) => new Promise<void>((resolve) => s.close(() => resolve()));

/** The decoded text part of a raw message (quoted-printable or base64, as nodemailer chose). */
function textOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  void head;
  const body = rest.join('\n\n');
  const qp = body.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const b64 = [...body.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) => Buffer.from(m[1].replace(/\s/g, ''), 'base64').toString('utf8')).join('\n');
  return `${qp}\n${b64}`;
}
/** The decoded Subject header (RFC 2047 encoded words, B or Q). */
function subjectOf(raw: string): string {
  const m = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)!;
  const q = (x: string) => Buffer.from(x.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return m[1].replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, x: string) => (enc.toUpperCase() === 'B' ? Buffer.from(x, 'base64').toString('utf8') : q(x)));
}
const messageIdOf = (raw: string) => raw.match(/^Message-ID: (.*)$/im)?.[1].trim();

describe('mail through a real SMTP server on loopback', () => {
  const received: Received[] = [];
  let server: SMTPServer & { port: number };
  let t: TestApp;
  let r: OpenRound;
  const tick = () => runnerOf(t.app).runner.tick();
  const clock = () => runnerOf(t.app).clock;
  /** The reminders mailed to one address. */
  const outbox = (to: string) => t.ds.query(`SELECT status, attempts, last_error, subject, message_id FROM mail_outbox WHERE to_address = $1 AND subject LIKE '%Nhắc nhở%' ORDER BY created_at`, [to]);

  beforeAll(async () => {
    server = await smtp(received);
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${server.port}`, MAIL_FROM: 'Ban Thi đua <thidua@example.vn>', APP_BASE_URL: 'https://thidua.example.vn/' } });
    r = await openRound(t);
    await tick();
    received.length = 0;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await stop(server);
  });

  it('sends each person their notification with a Vietnamese subject and a direct link', async () => {
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reminders`, { unitIds: [r.ids.hiza], message: 'Đề nghị nộp bản tự chấm trước thứ Sáu.' }), 201);
    await tick();
    const mails = received.filter((m) => m.to.includes(r.acc.hiza.officer) || m.to.includes(r.acc.hiza.head));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([r.acc.hiza.head, r.acc.hiza.officer].sort());
    for (const m of mails) {
      expect(subjectOf(m.raw)).toBe('[Thi đua] Nhắc nhở: Chấm điểm thi đua năm 2024 (thử)');
      expect(textOf(m.raw)).toContain(`https://thidua.example.vn/rounds/${r.round.id}`);
      expect(textOf(m.raw)).toContain('Đề nghị nộp bản tự chấm trước thứ Sáu.');
    }
    // Nobody outside the unit was mailed.
    expect(received.every((m) => [r.acc.hiza.officer, r.acc.hiza.head].includes(m.to[0]))).toBe(true);
    expect((await outbox(r.acc.hiza.officer)).map((o: any) => o.status)).toEqual(['sent']);
    await tick();
    expect(received.filter((m) => m.to.includes(r.acc.hiza.officer))).toHaveLength(1);
  });

  it('honours each person’s choice: none gets no mail, daily gets one digest at 07:00', async () => {
    const officer = await t.as(r.acc.dukdn.officer);
    const head = await t.as(r.acc.dukdn.head);
    expect(await expectStatus(officer.get('/api/notifications/settings'), 200)).toEqual({ emailMode: 'immediate', email: r.acc.dukdn.officer });
    expect(await expectStatus(officer.patch('/api/notifications/settings', { emailMode: 'daily' }), 200)).toMatchObject({ emailMode: 'daily' });
    await expectStatus(head.patch('/api/notifications/settings', { emailMode: 'none' }), 200);
    received.length = 0;
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reminders`, { unitIds: [r.ids.dukdn], message: 'Lần một' }), 201);
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reminders`, { unitIds: [r.ids.dukdn], message: 'Lần hai' }), 201);
    await tick();
    expect(received).toHaveLength(0);
    // The first 07:05 in Hà Nội (00:05 UTC) after now: today's when it is not yet 07:00 there, else tomorrow's.
    // This test runs before any test that moves the clock: one that crossed that 07:00 would have sent the day's
    // digest already (one a day), and this one would see nothing from 17:00 to 24:00 UTC.
    const vnNow = new Date(Date.now() + 7 * 3_600_000);
    const morning = vnNow.getUTCHours() < 7 ? vnNow : new Date(vnNow.getTime() + 86_400_000);
    clock().set(new Date(`${morning.toISOString().slice(0, 10)}T00:05:00Z`));
    await tick();
    await tick();
    expect(received.map((m) => m.to[0])).toEqual([r.acc.dukdn.officer]);
    expect(subjectOf(received[0].raw)).toMatch(/^\[Thi đua\] Tổng hợp thông báo ngày \d\d\/\d\d\/\d{4} \(2\)$/);
    expect(textOf(received[0].raw)).toContain('Lần hai');
    expect(textOf(received[0].raw)).toContain(`https://thidua.example.vn/rounds/${r.round.id}`);
    // The same day's digest is not sent twice.
    await tick();
    expect(received).toHaveLength(1);
    clock().reset();
  });

  it('keeps mail while the server is down, retries with back-off, and delivers once when it is back', async () => {
    const port = server.port;
    await stop(server);
    received.length = 0;
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reminders`, { unitIds: [r.ids.lhp] }), 201);
    const now = new Date();
    clock().set(now);
    await tick();
    let o = await outbox(r.acc.lhp.officer);
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(o[0].last_error).toBeTruthy();
    // Within the back-off nothing is tried again.
    clock().set(new Date(now.getTime() + 10_000));
    await tick();
    o = await outbox(r.acc.lhp.officer);
    expect(o[0].attempts).toBe(1);
    // Still down after the first back-off: a second attempt, still pending.
    clock().set(new Date(now.getTime() + 5 * 60_000));
    await tick();
    await tick();
    expect((await outbox(r.acc.lhp.officer))[0]).toMatchObject({ status: 'pending' });
    expect((await outbox(r.acc.lhp.officer))[0].attempts).toBeGreaterThanOrEqual(2);

    server = await smtp(received, port);
    expect(received).toHaveLength(0);
    clock().set(new Date(now.getTime() + 3 * 3_600_000));
    await tick();
    await tick();
    clock().set(new Date(now.getTime() + 6 * 3_600_000));
    await tick();
    o = await outbox(r.acc.lhp.officer);
    expect(o[0]).toMatchObject({ status: 'sent' });
    const got = received.filter((m) => m.to.includes(r.acc.lhp.officer));
    expect(got).toHaveLength(1);
    expect(messageIdOf(got[0].raw)).toBe(o[0].message_id);
    clock().reset();
  });

  it('lets the admin read the outbox; nobody else', async () => {
    const admin = await t.as(K4.admin);
    const page = await expectStatus(admin.get('/api/mail/outbox?pageSize=5'), 200);
    expect(page.smtpConfigured).toBe(true);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]).toHaveProperty('subject');
    expect(page.items[0].text).toContain('Kính gửi');
    expect((await admin.get('/api/mail/outbox?status=bogus')).status).toBe(400);
    expect((await (await t.as(K4.board)).get('/api/mail/outbox')).status).toBe(403);
    expect((await (await t.as(r.acc.lhp.officer)).get('/api/mail/outbox')).status).toBe(403);
  });
});
