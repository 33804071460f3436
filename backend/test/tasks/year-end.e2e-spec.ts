import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { expectStatus } from '../factories';
import { ballotYear, openBallot, vote, yearEndConference } from '../ballots/helpers';
import { approveMinutes, buildYearEnd, expectRes, PDF, uploadAs, YearEnd } from '../proposals/helpers';

/**
 * The year end through "Việc cần làm": tally records and minutes to sign for the leader seat, the dossier
 * to build and to send, nominee reports, then the board's intake, appraisal and decisions; each task goes
 * away when its step is done and never reaches a unit outside the block.
 */
let t: TestApp;
let y: YearEnd;
beforeAll(async () => {
  t = await createTestApp();
  y = await buildYearEnd(t, { signTallies: false, approveMinutes: false });
}, 240_000);
afterAll(async () => { await t.close(); });

const tasksOf = async (c: Client_) => (await expectStatus<{ items: any[] }>(c.get('/api/tasks'), 200)).items;
const kinds = async (email: string, kind: string) => (await tasksOf(await t.as(email))).filter((x) => x.kind === kind && x.blockYearId === y.yearId);

it('the leader seat signs the tally records; the minutes wait for the chair and the secretary they name', async () => {
  const tallies = await kinds(y.acc.dukcq.officer, 'tally_record_sign');
  expect(tallies.map((x) => x.link).sort()).toEqual(Object.values(y.ballots).map((id) => `/ballots/${id}`).sort());
  expect(tallies.map((x) => x.title).sort()).toEqual(['Ký biên bản kiểm phiếu: Bằng khen của Chủ tịch UBND Thành phố', 'Ký biên bản kiểm phiếu: Cờ thi đua của UBND Thành phố'].sort());
  expect(await kinds(y.acc.dukdn.officer, 'tally_record_sign')).toHaveLength(2); // the deputy seat runs the year too
  expect(await kinds(y.acc.lhp.officer, 'tally_record_sign')).toEqual([]);
  for (const id of Object.values(y.ballots)) {
    await expectStatus(y.leader.post(`/api/ballots/${id}/tally-record/sign`, { chairName: 'Trưởng ban kiểm phiếu', memberNames: ['Thành viên A', 'Thành viên B'] }), 200);
  }
  expect(await kinds(y.acc.dukcq.officer, 'tally_record_sign')).toEqual([]);

  // The minutes name people by name and title; each is asked in their own capacity.
  const [head] = await t.ds.query('SELECT full_name FROM accounts WHERE email = $1', [y.acc.dukcq.head]);
  const [officer] = await t.ds.query('SELECT full_name FROM accounts WHERE email = $1', [y.acc.dukcq.officer]);
  await t.ds.query('UPDATE conferences SET chair_name = $2, secretary_name = $3 WHERE id = $1', [y.conferenceId, `${head.full_name} – Thủ trưởng đơn vị`, officer.full_name]);
  const [chair] = await kinds(y.acc.dukcq.head, 'minutes_approve');
  expect(chair).toMatchObject({ title: expect.stringMatching(/^Thông qua biên bản với tư cách chủ trì: Hội nghị tổng kết/), link: `/conferences/${y.conferenceId}` });
  const [secretary] = await kinds(y.acc.dukcq.officer, 'minutes_approve');
  expect(secretary.title).toMatch(/^Thông qua biên bản với tư cách thư ký: /);
  expect(await kinds(y.acc.dukdn.officer, 'minutes_approve')).toEqual([]);
  await approveMinutes(y.leader, y.leaderHead, y.conferenceId);
  expect(await kinds(y.acc.dukcq.head, 'minutes_approve')).toEqual([]);
  expect(await kinds(y.acc.dukcq.officer, 'minutes_approve')).toEqual([]);
});

it('the dossier: built by the seat, reports by the nominees, sent by the leader unit’s head; then the board takes, appraises and records', async () => {
  const [build] = await kinds(y.acc.dukcq.officer, 'dossier_build');
  expect(build).toMatchObject({ title: 'Lập hồ sơ đề nghị khen thưởng', link: `/block-years/${y.yearId}/proposals` });
  expect(await kinds(y.acc.lhp.officer, 'dossier_build')).toEqual([]);
  const p = await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201);
  const url = (s = '') => `/api/proposals/${p.id}${s}`;
  expect((await kinds(y.acc.dukcq.officer, 'dossier_build'))[0].link).toBe(`/proposals/${p.id}`);
  expect((await kinds(y.acc.dukcq.head, 'dossier_send'))[0]).toMatchObject({ title: 'Trình hồ sơ đề nghị khen thưởng', link: `/proposals/${p.id}` });
  expect(await kinds(y.acc.dukdn.head, 'dossier_send')).toEqual([]); // only the leader unit's head sends it

  // Nominees (dukcq, dukdn) upload their reports; lhp is not nominated.
  for (const k of ['dukcq', 'dukdn'] as const) {
    const [report] = await kinds(y.acc[k].officer, 'nominee_report');
    expect(report).toMatchObject({ title: 'Tải lên báo cáo thành tích của đơn vị', link: `/proposals/${p.id}` });
    await expectRes(uploadAs(t, y.acc[k].officer, url(`/reports/${y.ids[k]}`), PDF, 'bao-cao.pdf'), 201);
    expect(await kinds(y.acc[k].officer, 'nominee_report')).toEqual([]);
  }
  expect(await kinds(y.acc.lhp.officer, 'nominee_report')).toEqual([]);

  await expectStatus(y.leaderHead.post(url('/submit')), 200);
  expect(await kinds(y.acc.dukcq.head, 'dossier_send')).toEqual([]);
  expect(await kinds(y.acc.dukcq.officer, 'dossier_build')).toEqual([]);

  const board = await t.as(DEMO.board);
  const [take] = (await tasksOf(board)).filter((x) => x.link === `/proposals/${p.id}`);
  expect(take).toMatchObject({ kind: 'dossier_take', title: 'Tiếp nhận hồ sơ đề nghị khen thưởng để thẩm định', overdue: false });
  expect(take.detail).toMatch(/^Còn \d+ ngày làm việc$/);
  expect((await tasksOf(await t.as(y.acc.lhp.head))).filter((x) => x.link === `/proposals/${p.id}`)).toEqual([]);
  await expectStatus(board.post(url('/appraisal/start')), 200);
  expect((await tasksOf(board)).find((x) => x.link === `/proposals/${p.id}`)).toMatchObject({ kind: 'dossier_appraise', title: 'Thẩm định hồ sơ đề nghị khen thưởng' });
  await expectStatus(board.post(url('/approve'), { reason: 'Đủ điều kiện trình Hội đồng' }), 200);
  expect((await tasksOf(await t.as(DEMO.admin))).find((x) => x.link === `/proposals/${p.id}`)).toMatchObject({ kind: 'decision_record', title: 'Ghi nhận quyết định khen thưởng' });
  const [{ today }] = await t.ds.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS today`);
  const decision = { outcome: 'awarded', decisionNumber: '512/QĐ-UBND', decisionDate: today, signer: 'Chủ tịch UBND Thành phố' };
  await expectStatus(board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }, { unitId: y.ids.dukcq, code: 'city_merit' }, { unitId: y.ids.dukdn, code: 'city_merit' }] }), 201);
  expect((await tasksOf(board)).filter((x) => x.link === `/proposals/${p.id}`)).toEqual([]);
});

it('an open secret ballot is a task for the head of each unit present until it has voted; absent units and officers have none', async () => {
  const b = await ballotYear(t);
  const conf = await yearEndConference(b, { present: ['lhp', 'hiza', 'dukdh', 'dukcq'], absent: ['dukdn'] });
  const ballot = await openBallot(b, conf.id);
  const voteTasks = async (email: string) => (await tasksOf(await t.as(email))).filter((x) => x.kind === 'ballot_vote' && x.link === `/ballots/${ballot.id}`);
  const [task] = await voteTasks(b.acc.lhp.head);
  expect(task.title).toBe('Bỏ phiếu kín: Bằng khen của Chủ tịch UBND Thành phố');
  expect(await voteTasks(b.acc.lhp.officer)).toEqual([]);
  expect(await voteTasks(b.acc.dukdn.head)).toEqual([]);
  expect(await voteTasks(DEMO.board)).toEqual([]);
  await vote(b, ballot.id, { lhp: ['lhp'] });
  expect(await voteTasks(b.acc.lhp.head)).toEqual([]);
  expect(await voteTasks(b.acc.hiza.head)).toHaveLength(1);
});
