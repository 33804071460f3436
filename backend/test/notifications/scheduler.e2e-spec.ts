import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { DAY, openRound, OpenRound } from '../rounds/helpers';
import { notes, runnerOf, secondInstance } from './helpers';

/**
 * Deadlines that act on their own, with two backend processes on one database and a controllable clock:
 * each reminder once, the phase switch once and not before its time, an extension moving both for its unit.
 */
describe('scheduled deadlines with two runners', () => {
  let t: TestApp;
  let b: NestExpressApplication;
  let r: OpenRound;
  let deadline: Date;
  const A = () => runnerOf(t.app);
  const B = () => runnerOf(b);
  /** Both processes at `at`, ticking at the same time (twice, so a second pass finds nothing new). */
  const both = async (at: Date) => {
    A().clock.set(at);
    B().clock.set(at);
    await Promise.all([A().runner.tick(), B().runner.tick()]);
    await Promise.all([A().runner.tick(), B().runner.tick()]);
  };
  const switches = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'round.phase_switch' AND entity_id = $1`, [r.round.id]))[0].n;
  const unitsOf = (rows: { unit_id: string | null }[]) => [...new Set(rows.map((x) => x.unit_id))].sort();

  beforeAll(async () => {
    t = await createTestApp();
    b = await secondInstance(t);
    r = await openRound(t);
    deadline = new Date(r.round.selfAssessmentUntil);
    // lhp gets two more days; dukdh submits (nothing reminds a unit that has submitted).
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/extensions`, { unitId: r.ids.lhp, until: new Date(deadline.getTime() + 2 * DAY).toISOString(), reason: 'Đơn vị tổ chức đại hội' }), 200);
    await t.ds.query(`UPDATE self_assessments SET status = 'submitted', submitted_at = now(), confirmed_by = (SELECT id FROM accounts WHERE email = $3) WHERE round_id = $1 AND unit_id = $2`, [r.round.id, r.ids.dukdh, r.acc.dukdh.head]);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('reminds each late unit once, N days before its own deadline, and not before', async () => {
    await both(new Date(deadline.getTime() - 4 * DAY));
    expect(await notes(t.ds, r.round.id, 'deadline_reminder')).toHaveLength(0);

    await both(new Date(deadline.getTime() - 2 * DAY));
    const reminded = await notes(t.ds, r.round.id, 'deadline_reminder');
    // Officer and head of each unit without extension that has not submitted; once each despite four passes.
    expect(unitsOf(reminded)).toEqual([r.ids.dukcq, r.ids.dukdn, r.ids.hiza].sort());
    expect(reminded.map((x) => x.email).sort()).toEqual([r.acc.dukcq, r.acc.dukdn, r.acc.hiza].flatMap((a) => [a.officer, a.head]).sort());
  });

  it('tells a unit that missed its deadline and the leader, once; the extended unit is reminded instead; the phase waits for the extension', async () => {
    await both(new Date(deadline.getTime() - 60_000));
    expect(await notes(t.ds, r.round.id, 'deadline_missed')).toHaveLength(0);

    await both(new Date(deadline.getTime() + 60_000));
    const missed = await notes(t.ds, r.round.id, 'deadline_missed');
    expect(unitsOf(missed)).toEqual([r.ids.dukcq, r.ids.dukdn, r.ids.hiza].sort());
    expect(missed).toHaveLength(6);
    // Escalation: one notice naming the overdue units to the leader unit's officer and head, nobody else.
    const overdue = await notes(t.ds, r.round.id, 'units_overdue');
    expect(overdue.map((x) => x.email).sort()).toEqual([r.acc.dukcq.officer, r.acc.dukcq.head].sort());
    const [{ title }] = await t.ds.query(`SELECT title FROM notifications WHERE round_id = $1 AND kind = 'units_overdue' LIMIT 1`, [r.round.id]);
    expect(title).toContain('3 đơn vị quá hạn nộp bản tự chấm');
    // lhp's own deadline is two days on: now it is reminded, not told it is late.
    expect(unitsOf(await notes(t.ds, r.round.id, 'deadline_reminder'))).toContain(r.ids.lhp);
    expect(unitsOf(missed)).not.toContain(r.ids.lhp);
    expect(await switches()).toBe(0);
    expect(await notes(t.ds, r.round.id, 'phase_changed')).toHaveLength(0);
  });

  it('switches the phase once when the latest extension has passed, whichever process runs it', async () => {
    await both(new Date(deadline.getTime() + 2 * DAY - 60_000));
    expect(await switches()).toBe(0);
    await both(new Date(deadline.getTime() + 2 * DAY + 60_000));
    expect(await switches()).toBe(1);
    const changed = await notes(t.ds, r.round.id, 'phase_changed');
    // Officer and head of each of the five member units, once each.
    expect(changed).toHaveLength(10);
    expect(new Set(changed.map((x) => x.account_id)).size).toBe(10);
    expect(unitsOf(await notes(t.ds, r.round.id, 'deadline_missed'))).toContain(r.ids.lhp);
    await both(new Date(deadline.getTime() + 3 * DAY));
    expect(await switches()).toBe(1);
    const jobs = await t.ds.query(`SELECT kind, attempts, done_at, last_error FROM jobs WHERE payload->>'roundId' = $1`, [r.round.id]);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j: any) => j.done_at && j.attempts === 1 && !j.last_error)).toBe(true);
  });

  it('asks the units for explanations when the calendar opens that phase', async () => {
    const reviewUntil = new Date(r.round.reviewUntil);
    await both(new Date(reviewUntil.getTime() + 60_000));
    const [{ title, body }] = await t.ds.query(`SELECT title, body FROM notifications WHERE round_id = $1 AND kind = 'phase_changed' AND title LIKE '%Giải trình%' LIMIT 1`, [r.round.id]);
    expect(title).toContain('chuyển sang giai đoạn "Giải trình"');
    expect(body).toContain('giải trình các tiêu chí có chênh lệch');
    expect(await switches()).toBe(2);
  });

  it('a sweep over nothing new schedules nothing', async () => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM jobs');
    await both(new Date(deadline.getTime() + 3 * DAY));
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM jobs');
    expect(after).toBe(before);
  });
});
