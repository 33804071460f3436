import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus, failAuditFor } from '../factories';
import { isoDate, dayNumber, OFFICIAL_CALENDAR, workingDaysBetween } from '../../src/modules/proposals/rules';
import { approveMinutes, buildYearEnd, expectRes, K4, PDF, tinyDocx, uploadAs, YearEnd } from './helpers';

/**
 * The checklist reads its parts live (minutes, tally records, the finalised round, reports); submission is
 * atomic with its audit entry; a draft can be cancelled and a new dossier started; overdue dossiers show
 * as such in the inbox; an archived year is read-only.
 */
describe('award proposal dossier: checklist, cancellation, deadlines', () => {
  let t: TestApp;
  let y: YearEnd;
  let id: string;
  let today: string;
  const url = (p = '') => `/api/proposals/${id}${p}`;
  const missing = async () => (await expectStatus(y.leader.get(url('/checklist')), 200)).items.filter((i: any) => !i.present).map((i: any) => i.kind);

  beforeAll(async () => {
    t = await createTestApp();
    y = await buildYearEnd(t, { awards: ['city_merit'], signTallies: false, approveMinutes: false });
    [{ today }] = await t.ds.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS today`);
    id = (await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201)).id;
  }, 180_000);
  afterAll(() => t.close());

  it('shows the minutes not approved and the tally record not signed, and refuses submission naming them', async () => {
    const c = await expectStatus(y.leader.get(url('/checklist')), 200);
    expect(c.items.find((i: any) => i.kind === 'minutes')).toMatchObject({ present: false, detail: expect.stringMatching(/^Biên bản số \d+\/BB-.+ chưa được chủ trì và thư ký thông qua$/) });
    expect(c.items.find((i: any) => i.kind === 'tally_record')).toMatchObject({ present: false, detail: 'Biên bản kiểm phiếu chưa được Ban kiểm phiếu ký', ballotId: y.ballots.city_merit });
    expect(await missing()).toEqual(['minutes', 'tally_record', 'report', 'report']);
    const res = await y.leaderHead.post(url('/submit'));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Biên bản Hội nghị tổng kết (biên bản số');
    expect(res.body.message).toContain('Biên bản kiểm phiếu – Bằng khen của Chủ tịch UBND Thành phố (biên bản kiểm phiếu chưa được Ban kiểm phiếu ký)');
  });

  it('follows the year-end round: a reopened round takes the score annex (and the ranks) out until it is finalised again', async () => {
    await expectStatus(y.leader.post(`/api/rounds/${y.roundId}/reopen`, { reason: 'Rà soát lại điểm thưởng trước khi trình hồ sơ' }), 201);
    const p = await expectStatus(y.leader.get(url()), 200);
    expect(p.checklist.find((i: any) => i.kind === 'score_annex')).toMatchObject({ present: false, detail: `Chấm điểm thi đua năm ${y.year}: chưa hoàn tất` });
    expect(p.nominees.map((n: any) => n.rank)).toEqual([null, null]);
    await expectStatus(y.leader.post(`/api/rounds/${y.roundId}/finalise`, {}), 201);
    expect(await missing()).toEqual(['minutes', 'tally_record', 'report', 'report']);
  });

  it('becomes complete once the tally record is signed, the minutes approved and every report uploaded', async () => {
    await expectStatus(y.leader.post(`/api/ballots/${y.ballots.city_merit}/tally-record/sign`, { chairName: 'Trưởng ban kiểm phiếu', memberNames: ['Thành viên'] }), 200);
    await approveMinutes(y.leader, y.leaderHead, y.conferenceId);
    await expectRes(uploadAs(t, y.acc.dukcq.head, url(`/reports/${y.ids.dukcq}`), PDF, 'bao-cao.pdf'), 201);
    expect(await missing()).toEqual(['report']);
    await expectRes(uploadAs(t, y.acc.dukdn.officer, url(`/reports/${y.ids.dukdn}`), await tinyDocx(), 'bao-cao.docx'), 201);
    const c = await expectStatus(y.leader.get(url('/checklist')), 200);
    expect(c).toMatchObject({ complete: true, missingMessage: null });
  });

  it('a failed audit entry rolls the submission back: nothing half-submitted', async () => {
    const undo = await failAuditFor(t.ds, 'proposal.submit');
    try {
      expect((await y.leaderHead.post(url('/submit'))).status).toBe(500);
    } finally {
      await undo();
    }
    const [p] = await t.ds.query('SELECT status, submitted_at, due_date FROM proposals WHERE id = $1', [id]);
    expect(p).toEqual({ status: 'draft', submitted_at: null, due_date: null });
    expect(await t.ds.query('SELECT count(*)::int AS n FROM proposal_nominees WHERE proposal_id = $1', [id])).toEqual([{ n: 0 }]);
    expect(await t.ds.query(`SELECT kind FROM proposal_events WHERE proposal_id = $1 ORDER BY seq`, [id])).toEqual([{ kind: 'created' }]);
  });

  it('the leader seat cancels a draft with a reason and starts a new one; the cancelled dossier stays in the history', async () => {
    for (const email of [y.acc.lhp.officer, y.acc.lhp.head, K4.board]) expect((await (await t.as(email)).post(url('/cancel'), { reason: 'x' })).status).toBe(403);
    expect((await y.leader.post(url('/cancel'), {})).body.fields).toEqual({ reason: 'là bắt buộc' });
    const reason = 'Lập lại hồ sơ theo kết quả chấm điểm sau khi rà soát';
    const cancelled = await expectStatus(y.leader.post(url('/cancel'), { reason }), 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: reason, permissions: { canEdit: false, canSubmit: false } });
    expect(cancelled.history.at(-1)).toMatchObject({ kind: 'cancelled', reason });
    expect((await y.leaderHead.post(url('/submit'))).status).toBe(409);
    expect((await y.leader.patch(url('/letter'), { version: cancelled.version, closing: 'x' })).status).toBe(409);
    expect((await auditOf(t.ds, 'proposal', id)).at(-1)).toMatchObject({ action: 'proposal.cancel', reason });

    const fresh = await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201);
    expect(fresh.letter.number).toBe(`02/TTr-${y.blockCode}`);
    expect(fresh.reports).toEqual([]);
    const board = await t.as(K4.board);
    expect((await expectStatus(board.get(`/api/proposals?status=cancelled&year=${y.year}`), 200)).map((x: any) => x.id)).toContain(id);
    expect((await expectStatus(y.leader.get(`/api/proposals?blockYearId=${y.yearId}`), 200)).map((x: any) => x.id)).toEqual([fresh.id]);
    id = fresh.id;
  });

  it('shows an overdue dossier in the inbox with the working days past its due date', async () => {
    await expectRes(uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), PDF, 'bao-cao.pdf'), 201);
    await expectRes(uploadAs(t, y.acc.dukdn.officer, url(`/reports/${y.ids.dukdn}`), PDF, 'bao-cao.pdf'), 201);
    const submitted = await expectStatus(y.leaderHead.post(url('/submit')), 200);
    expect(submitted).toMatchObject({ status: 'submitted', appraisalWorkingDays: 25, workingDaysLeft: 25, overdue: false });
    // The board overview (awards module) shows the dossier with the board.
    const overview = await expectStatus((await t.as(K4.board)).get(`/api/board/overview?year=${y.year}`), 200);
    expect(overview.blockYears.find((b: any) => b.blockYearId === y.yearId).proposal).toMatchObject({ id, status: 'submitted', dueAt: submitted.dueDate });

    const past = isoDate(dayNumber(today) - 10);
    await t.ds.query('UPDATE proposals SET due_date = $2 WHERE id = $1', [id, past]);
    const row = (await expectStatus((await t.as(K4.board)).get(`/api/proposals?year=${y.year}`), 200)).find((x: any) => x.id === id);
    expect(row).toMatchObject({ dueDate: past, overdue: true, workingDaysLeft: workingDaysBetween(today, past, OFFICIAL_CALENDAR) });
    expect(row.workingDaysLeft).toBeLessThan(0);
  });

  it('the appraisal deadline setting is the board\'s, with its version', async () => {
    const board = await t.as(K4.board);
    const s = await expectStatus(board.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 20 }), 200);
    expect(s).toMatchObject({ appraisalWorkingDays: 20, version: 1 });
    expect((await board.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 30, version: 7 })).body.code).toBe('stale_version');
    expect(await expectStatus(board.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 30, version: 1 }), 200)).toMatchObject({ appraisalWorkingDays: 30, version: 2 });
    expect((await y.leader.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 5 })).status).toBe(403);
    expect((await board.get('/api/proposals/settings')).body.fields).toHaveProperty('year');
    // A deadline already running keeps the days it started with.
    expect((await expectStatus(board.get(url()), 200)).appraisalWorkingDays).toBe(25);
  });

  it('an archived year is read-only for the block', async () => {
    const board = await t.as(K4.board);
    await expectStatus(board.post(url('/return'), { reason: 'Bổ sung hồ sơ' }), 200);
    const [{ status }] = await t.ds.query('SELECT status FROM block_years WHERE id = $1', [y.yearId]);
    await t.ds.query(`UPDATE block_years SET status = 'archived' WHERE id = $1`, [y.yearId]);
    try {
      const p = await expectStatus(y.leader.get(url()), 200);
      expect(p.permissions.canEdit).toBe(false);
      const res = await y.leader.patch(url('/letter'), { version: p.version, closing: 'x' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('archived');
      expect((await y.leaderHead.post(url('/submit'))).body.code).toBe('archived');
    } finally {
      await t.ds.query('UPDATE block_years SET status = $2 WHERE id = $1', [y.yearId, status]);
    }
  });
});
