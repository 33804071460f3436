import { createTestApp, DEMO, TestApp } from '../app';
import { expectStatus } from '../factories';
import { buildYearEnd, K4, PDF, uploadAs, YearEnd } from '../proposals/helpers';
import { UNIT_KEYS } from '../rounds/helpers';
import { runnerOf } from './helpers';

/**
 * Each step that gives someone work reaches exactly the persons whose work it is: the unit's officers and
 * head, its head only, the leader unit, or the board; nobody outside the scope. Read state is per person.
 */
describe('notifications to persons', () => {
  let t: TestApp;
  let y: YearEnd;
  /** Emails that received a notification of `kind` about block year `yearId`. */
  const reached = async (kind: string, yearId: string): Promise<string[]> =>
    (await t.ds.query(`SELECT DISTINCT a.email FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = $1 AND n.block_year_id = $2 ORDER BY a.email`, [kind, yearId])).map((r: { email: string }) => r.email);
  const unitsOf = (keys: readonly (typeof UNIT_KEYS)[number][]) => keys.flatMap((k) => [y.acc[k].officer, y.acc[k].head]).sort();
  const headsOf = (keys: readonly (typeof UNIT_KEYS)[number][]) => keys.map((k) => y.acc[k].head).sort();
  const boardEmails = async (): Promise<string[]> => (await t.ds.query(`SELECT email FROM accounts WHERE role = 'board' AND archived_at IS NULL ORDER BY email`)).map((r: { email: string }) => r.email);

  beforeAll(async () => {
    t = await createTestApp();
    y = await buildYearEnd(t, { awards: ['city_merit'] });
  }, 180_000);
  afterAll(() => t.close());

  it('round opened, conference invitation: every officer and head of the member units, nobody else', async () => {
    expect(await reached('round_opened', y.yearId)).toEqual(unitsOf(UNIT_KEYS));
    expect(await reached('conference_invitation', y.yearId)).toEqual(unitsOf(UNIT_KEYS));
    expect(await reached('finalised', y.yearId)).toEqual(unitsOf(UNIT_KEYS));
  });

  it('a ballot opens for the heads of the units present; minutes wait for the leader unit (chair and secretary)', async () => {
    expect(await reached('ballot_opened', y.yearId)).toEqual(headsOf(UNIT_KEYS));
    expect(await reached('minutes_to_approve', y.yearId)).toEqual(unitsOf(['dukcq']));
  });

  it('the dossier: nominees asked for reports, submitted to the board, returned and approved to the leader unit, decisions to the leader and the nominee', async () => {
    const p = await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201);
    const nominees = (p.nominees as { unitId: string }[]).map((n) => UNIT_KEYS.find((k) => y.ids[k] === n.unitId)!);
    expect(nominees.length).toBeGreaterThan(0);
    expect(await reached('nominee_report', y.yearId)).toEqual(unitsOf(nominees));
    for (const k of nominees) await uploadAs(t, y.acc[k].officer, `/api/proposals/${p.id}/reports/${y.ids[k]}`, PDF, 'bao-cao.pdf');
    await expectStatus(y.leaderHead.post(`/api/proposals/${p.id}/submit`), 200);
    expect(await reached('dossier_submitted', y.yearId)).toEqual(await boardEmails());
    const board = await t.as(K4.board);
    await expectStatus(board.post(`/api/proposals/${p.id}/return`, { reason: 'Bổ sung xác nhận của cấp ủy' }), 200);
    expect(await reached('dossier_returned', y.yearId)).toEqual(unitsOf(['dukcq']));
    const resubmitted = await expectStatus(y.leaderHead.post(`/api/proposals/${p.id}/submit`), 200);
    // The appraisal deadline acts on its own: the board is reminded before it, and told once it has passed.
    const { clock, runner } = runnerOf(t.app);
    const due = new Date(`${resubmitted.dueDate}T02:00:00Z`); // 09:00 in Hà Nội on the due date
    const boardHeard = async (kind: string) => (await t.ds.query(
      `SELECT a.email FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = $1 AND n.link = $2 ORDER BY a.email`, [kind, `/proposals/${p.id}`])).map((x: { email: string }) => x.email);
    clock.set(new Date(due.getTime() - 10 * 86_400_000));
    await runner.tick();
    expect(await boardHeard('appraisal_due')).toEqual([]);
    clock.set(due);
    await runner.tick();
    await runner.tick();
    expect(await boardHeard('appraisal_due')).toEqual(await boardEmails());
    clock.set(new Date(due.getTime() + 3 * 86_400_000));
    await runner.tick();
    await runner.tick();
    expect(await boardHeard('appraisal_overdue')).toEqual(await boardEmails());
    expect(await boardHeard('appraisal_due')).toEqual(await boardEmails());
    clock.reset();
    await expectStatus(board.post(`/api/proposals/${p.id}/appraisal/start`), 200);
    await expectStatus(board.post(`/api/proposals/${p.id}/approve`, {}), 200);
    expect(await reached('dossier_approved', y.yearId)).toEqual(unitsOf(['dukcq']));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const k = nominees[nominees.length - 1];
    await expectStatus(board.post(`/api/proposals/${p.id}/decisions`, { outcome: 'awarded', decisionNumber: '512/QĐ-UBND', decisionDate: today, signer: 'Chủ tịch UBND Thành phố', nominees: [{ unitId: y.ids[k], code: 'city_merit' }] }), 201);
    expect(await reached('decision_recorded', y.yearId)).toEqual(unitsOf([...new Set(['dukcq', k] as const)]));
  });

  it('covenant signing (demo): the heads of the member units, not officers, not other blocks', async () => {
    const rows: { email: string; role: string; member: boolean }[] = await t.ds.query(
      `SELECT DISTINCT a.email, a.role, EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = n.block_year_id AND m.unit_id = a.unit_id) AS member
       FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'covenant_signing'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.role === 'unit_head' && r.member)).toBe(true);
    expect(rows.map((r) => r.email)).toContain(DEMO.unitHead);
    expect(rows.map((r) => r.email)).not.toContain(DEMO.memberOfficer);
  });

  it('reaches nobody outside the scope: every notice about a block year went to its member units or the board', async () => {
    const kinds: { kind: string }[] = await t.ds.query(`SELECT DISTINCT kind FROM notifications WHERE block_year_id IS NOT NULL`);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['round_opened', 'conference_invitation', 'covenant_signing', 'draft_circulated', 'dossier_submitted']));
    const outside = await t.ds.query(
      `SELECT n.kind, a.email, a.role FROM notifications n JOIN accounts a ON a.id = n.account_id
       WHERE n.block_year_id IS NOT NULL AND NOT (a.role = 'board' OR EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = n.block_year_id AND m.unit_id = a.unit_id))`);
    expect(outside).toEqual([]);
    // Only the board hears of dossiers submitted; only unit heads of covenants to sign.
    expect((await t.ds.query(`SELECT DISTINCT a.role FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'dossier_submitted'`)).map((r: { role: string }) => r.role)).toEqual(['board']);
    expect((await t.ds.query(`SELECT DISTINCT a.role FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'covenant_signing'`)).map((r: { role: string }) => r.role)).toEqual(['unit_head']);
  });

  it('lists only the person’s own notifications; read state is per person; read-all marks only theirs', async () => {
    const officer = await t.as(y.acc.lhp.officer);
    const head = await t.as(y.acc.lhp.head);
    const mine = await expectStatus(officer.get('/api/notifications'), 200);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((n: any) => n.link.startsWith('/'))).toBe(true);
    const opened = mine.find((n: any) => n.kind === 'round_opened');
    expect(opened.link).toBe(`/rounds/${y.roundId}`);
    const read = await expectStatus(officer.post(`/api/notifications/${opened.id}/read`), 200);
    expect(read.readAt).not.toBeNull();
    // The head's copy of the same notice is still unread; neither may read the other's.
    const headsOpened = (await expectStatus(head.get('/api/notifications'), 200)).find((n: any) => n.kind === 'round_opened');
    expect(headsOpened.readAt).toBeNull();
    expect((await head.post(`/api/notifications/${opened.id}/read`)).status).toBe(404);
    expect((await (await t.as(DEMO.otherBlockOfficer)).post(`/api/notifications/${opened.id}/read`)).status).toBe(404);
    expect((await officer.post('/api/notifications/not-a-uuid/read')).status).toBe(400);
    const all = await expectStatus(officer.post('/api/notifications/read-all'), 200);
    expect(all.marked).toBe(mine.filter((n: any) => !n.readAt).length - 1);
    expect((await expectStatus(officer.get('/api/notifications'), 200)).every((n: any) => n.readAt)).toBe(true);
    expect((await expectStatus(head.get('/api/notifications'), 200)).some((n: any) => !n.readAt)).toBe(true);
    expect((await t.http().get('/api/notifications')).status).toBe(401);
  });

  it('without SMTP, mails stay in the outbox the admin reads', async () => {
    await runnerTick(t);
    const admin = await t.as(K4.admin);
    const page = await expectStatus(admin.get(`/api/mail/outbox?status=held&pageSize=200`), 200);
    expect(page.smtpConfigured).toBe(false);
    expect(page.items.some((m: any) => m.to === y.acc.lhp.officer && m.subject.startsWith('[Thi đua] Đã mở đợt chấm điểm'))).toBe(true);
  });

  it('refuses bad email preferences with a 400 naming the field', async () => {
    const officer = await t.as(y.acc.hiza.officer);
    for (const emailMode of [null, 'weekly', 'daily\u0000', 'x'.repeat(100_000), 1, ['daily'], { a: 1 }]) {
      const res = await officer.patch('/api/notifications/settings', { emailMode });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('emailMode');
    }
    expect((await officer.patch('/api/notifications/settings', {})).body.fields).toHaveProperty('emailMode');
    expect((await officer.patch('/api/notifications/settings', { emailMode: 'none', extra: 1 })).status).toBe(400);
    expect(await expectStatus(officer.patch('/api/notifications/settings', { emailMode: 'none' }), 200)).toEqual({ emailMode: 'none', email: y.acc.hiza.officer });
    expect(await expectStatus(officer.get('/api/notifications/settings'), 200)).toMatchObject({ emailMode: 'none' });
  });
});

const runnerTick = (t: TestApp) => runnerOf(t.app).runner.tick();
