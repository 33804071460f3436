import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { auditOf, createAccount, expectStatus, uniq } from '../factories';
import { DAY, fillSelf, openRound, OpenRound, PDF, unitUrl } from '../rounds/helpers';
import { uploader } from '../scoring/helpers';

/**
 * "Việc cần làm" (issue 12): each kind of task appears for the persons whose step it is, follows the state
 * (gone once the step is done) and never reaches anyone outside the scope of the page it links to.
 */
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const tasksOf = async (c: Client_) => expectStatus<{ items: any[]; count: number; overdueCount: number }>(c.get('/api/tasks'), 200);
const find = (list: { items: any[] }, kind: string, link?: string) => list.items.filter((x) => x.kind === kind && (!link || x.link === link));

describe('self-assessment', () => {
  let r: OpenRound;
  beforeAll(async () => { r = await openRound(t); });

  it('every member unit’s officer and head see it with x/y criteria and the link; outsiders and the board do not', async () => {
    const link = `/rounds/${r.round.id}/units/${r.ids.lhp}`;
    for (const email of [r.acc.lhp.officer, r.acc.lhp.head]) {
      const mine = await tasksOf(await t.as(email));
      const [task] = find(mine, 'self_assessment', link);
      expect(task).toMatchObject({ title: `Hoàn thành và nộp bản tự chấm: ${r.round.title}`, year: 2024, overdue: false, blockYearId: r.yearId });
      expect(task.detail).toMatch(/^Đã nhập 0\/\d+ tiêu chí$/);
      expect(new Date(task.deadline).getTime()).toBe(new Date(r.round.selfAssessmentUntil).getTime());
      expect(mine.count).toBe(mine.items.length);
    }
    for (const email of [DEMO.board, DEMO.admin, 'canbo.stc@thidua.vn', 'canbo.lhp@thidua.vn']) {
      const other = await tasksOf(await t.as(email));
      expect(other.items.filter((x) => x.link.startsWith(`/rounds/${r.round.id}`))).toEqual([]);
    }
  });

  it('progress follows the sheet; submitted by the officer it becomes the head’s confirmation; confirmed it is gone', async () => {
    const officer = await t.as(r.acc.lhp.officer);
    const head = await t.as(r.acc.lhp.head);
    await fillSelf(r, r.acc.lhp.officer, r.ids.lhp, { 'I.2': { passed: true } });
    expect(find(await tasksOf(officer), 'self_assessment')[0].detail).toMatch(/^Đã nhập 1\/\d+ tiêu chí$/);
    await fillSelf(r, r.acc.lhp.officer, r.ids.lhp, { 'I.1': { score: 18 }, 'I.3': { count: 4 }, 'II.1': { actual: 120 }, 'II.2': { score: 25 } });
    await expectStatus((await uploader(t, r.acc.lhp.officer))(`${unitUrl(r, r.ids.lhp)}/evidence/${r.c('I.1')}`, PDF, 'minh-chung.pdf'), 201);
    await expectStatus(officer.post(`${unitUrl(r, r.ids.lhp)}/submit`), 200);
    expect(find(await tasksOf(officer), 'self_assessment')).toEqual([]);
    expect(find(await tasksOf(officer), 'self_assessment_confirm')).toEqual([]);
    const [confirm] = find(await tasksOf(head), 'self_assessment_confirm');
    expect(confirm).toMatchObject({ title: `Xác nhận nộp bản tự chấm: ${r.round.title}`, link: `/rounds/${r.round.id}/units/${r.ids.lhp}` });
    await expectStatus(head.post(`${unitUrl(r, r.ids.lhp)}/confirm`), 200);
    const after = await tasksOf(head);
    expect(after.items.filter((x) => x.link.startsWith(`/rounds/${r.round.id}`))).toEqual([]);
  });
});

describe('leader: late units, and the early advance that names who it hits', () => {
  let r: OpenRound;
  beforeAll(async () => { r = await openRound(t); });

  it('the preview lists every unit that has not submitted and what happens to it; only the seat may ask', async () => {
    await fillSelf(r, r.acc.hiza.officer, r.ids.hiza, { 'I.2': { passed: true }, 'I.3': { count: 2 } });
    const preview = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/advance-preview`), 200);
    expect(preview).toMatchObject({ from: 'self_assessment', to: 'review', toLabel: 'Chấm chéo, thẩm định', early: true, confirmationWord: 'XÁC NHẬN' });
    expect(preview.hits).toHaveLength(5);
    const hiza = preview.hits.find((h: any) => h.unitId === r.ids.hiza);
    expect(hiza).toMatchObject({ status: 'draft', filled: 2 });
    expect(hiza.consequence).toBe(`Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 2/${hiza.required} tiêu chí)`);
    for (const email of [r.acc.lhp.officer, DEMO.board]) expect((await (await t.as(email)).get(`/api/rounds/${r.round.id}/advance-preview`)).status).toBe(403);
  });

  it('refuses the early advance without the typed confirmation, naming the field and the units; bad inputs are 400', async () => {
    const url = `/api/rounds/${r.round.id}/advance`;
    for (const confirmation of [undefined, '', 'xac nhan', 'OK']) {
      const res = await r.leader.post(url, { to: 'review', confirmation });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('confirmation_required');
      expect(res.body.fields).toHaveProperty('confirmation');
      expect(res.body.message).toContain('5 đơn vị chưa nộp');
    }
    for (const confirmation of [null, 'XÁC\u0000NHẬN', 'x'.repeat(10_000), 5, ['XÁC NHẬN']]) {
      const res = await r.leader.post(url, { to: 'review', confirmation });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('confirmation');
    }
    expect((await expectStatus(r.leader.get(`/api/rounds/${r.round.id}`), 200)).phase).toBe('self_assessment');
  });

  it('a unit whose deadline passed shows as late to the leader and as overdue to the unit', async () => {
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/extensions`, { unitId: r.ids.hiza, until: new Date(Date.now() + 5 * DAY).toISOString(), reason: 'Đơn vị đề nghị gia hạn do đột xuất' }), 200);
    await t.ds.query(`UPDATE scoring_rounds SET opens_at = now() - interval '2 days', self_assessment_until = now() - interval '1 hour' WHERE id = $1`, [r.round.id]);
    const [late] = find(await tasksOf(r.leader), 'units_late', `/rounds/${r.round.id}`);
    expect(late).toMatchObject({ title: `Đơn vị chậm nộp bản tự chấm: ${r.round.title}`, detail: '4 đơn vị đã quá hạn mà chưa nộp' });
    const [own] = find(await tasksOf(await t.as(r.acc.lhp.officer)), 'self_assessment', `/rounds/${r.round.id}/units/${r.ids.lhp}`);
    expect(own.overdue).toBe(true);
    const hiza = await tasksOf(await t.as(r.acc.hiza.officer));
    expect(find(hiza, 'self_assessment')[0].overdue).toBe(false);
    expect(hiza.overdueCount).toBe(0);
    expect(find(await tasksOf(await t.as(r.acc.lhp.officer)), 'units_late')).toEqual([]);
  });

  it('with the typed word the round moves on, the audit names the locked units, and the reviewers get their task', async () => {
    const moved = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/advance`, { to: 'review', confirmation: ' xác nhận ' }), 200);
    expect(moved.phase).toBe('review');
    const entry = (await auditOf(t.ds, 'scoring_round', r.round.id)).find((e) => e.action === 'round.advance')!;
    expect(entry.after.lockedUnits).toHaveLength(5);
    expect(entry.after.lockedUnits.find((u: any) => u.unitId === r.ids.hiza)).toMatchObject({ status: 'draft', filled: 2 });
    expect(find(await tasksOf(r.leader), 'units_late')).toEqual([]);
    const assignments = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/assignments/generate`, { seed: 7 }), 201);
    const a = (assignments.assignments ?? assignments.items ?? []).find((x: any) => x.reviewerUnitId === r.ids.lhp && x.status !== 'recused');
    const mine = find(await tasksOf(await t.as(r.acc.lhp.officer)), 'peer_review');
    expect(mine.length).toBeGreaterThan(0);
    if (a) expect(mine.map((x) => x.link)).toContain(`/rounds/${r.round.id}/units/${a.revieweeUnitId}/review`);
    expect(mine[0].detail).toMatch(/^Đã nhập 0\/\d+ tiêu chí$/);
    expect(find(await tasksOf(await t.as(DEMO.board)), 'peer_review')).toEqual([]);
  });

  it('a score lowered by the leader asks the unit to explain; explained, the task is gone; in final review the leader must finalise', async () => {
    const unit = `/api/rounds/${r.round.id}/units/${r.ids.hiza}`;
    await expectStatus((await r.put(r.acc.dukcq.officer))(`${unit}/appraisal/${r.c('I.3')}`, { count: 1, note: 'Chỉ có một mô hình được công nhận', version: 0 }), 200);
    expect(find(await tasksOf(await t.as(r.acc.hiza.officer)), 'explanation')).toEqual([]); // not before the explanation phase
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/advance`, { to: 'explanation' }), 200);
    const [task] = find(await tasksOf(await t.as(r.acc.hiza.officer)), 'explanation');
    expect(task).toMatchObject({ title: `Giải trình điểm bị chấm thấp hơn: ${r.round.title}`, detail: '1 tiêu chí cần giải trình', link: `/rounds/${r.round.id}/units/${r.ids.hiza}/explanation` });
    expect(find(await tasksOf(await t.as(r.acc.lhp.officer)), 'explanation')).toEqual([]);
    await expectStatus((await r.put(r.acc.hiza.officer))(`${unit}/explanations/${r.c('I.3')}`, { text: 'Đơn vị có hai mô hình, bổ sung quyết định công nhận thứ hai.', version: 0 }), 200);
    expect(find(await tasksOf(await t.as(r.acc.hiza.officer)), 'explanation')).toEqual([]);
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/advance`, { to: 'final_review' }), 200);
    const [fin] = find(await tasksOf(r.leader), 'round_finalise', `/rounds/${r.round.id}`);
    expect(fin.title).toBe(`Chốt điểm và hoàn tất đợt chấm: ${r.round.title}`);
    expect(find(await tasksOf(await t.as(r.acc.hiza.officer)), 'round_finalise')).toEqual([]);
  });
});

describe('board: block years to set up', () => {
  it('the board and admin see a year in setup; its units do not', async () => {
    const r = await openRound(t);
    await t.ds.query(`UPDATE block_years SET status = 'setup' WHERE id = $1`, [r.yearId]);
    for (const email of [DEMO.board, DEMO.admin]) {
      const [task] = find(await tasksOf(await t.as(email)), 'block_year_setup', `/block-years/${r.yearId}`);
      expect(task).toMatchObject({ title: 'Thiết lập năm thi đua 2024', detail: '5 đơn vị thành viên' });
    }
    expect(find(await tasksOf(r.leader), 'block_year_setup')).toEqual([]);
    await t.ds.query(`UPDATE block_years SET status = 'planning' WHERE id = $1`, [r.yearId]);
    expect(find(await tasksOf(await t.as(DEMO.board)), 'block_year_setup', `/block-years/${r.yearId}`)).toEqual([]);
  });
});

describe('demo Khối 4 2025: invitations and comments', () => {
  it('an invitation is answered and gone; only the invited unit sees it', async () => {
    const hiza = await t.as('canbo.hiza@thidua.vn');
    const [inv] = find(await tasksOf(hiza), 'invitation');
    expect(inv.title).toMatch(/^Trả lời giấy mời hội nghị đầu năm: /);
    const confId = inv.link.split('/').pop();
    expect(find(await tasksOf(await t.as('canbo.stc@thidua.vn')), 'invitation', inv.link)).toEqual([]);
    await expectStatus(hiza.post(`/api/conferences/${confId}/invitations/${hiza.me.unitId}/reply`, { response: 'confirmed', delegate: 'Bùi Thanh Tâm – Chuyên viên' }), 201);
    expect(find(await tasksOf(hiza), 'invitation', inv.link)).toEqual([]);
    expect(find(await tasksOf(await t.as('thutruong.hiza@thidua.vn')), 'invitation', inv.link)).toEqual([]);
  });

  it('the seat sees comments to resolve before adoption; members do not', async () => {
    const [task] = find(await tasksOf(await t.as('canbo.dukdn@thidua.vn')), 'comments_resolve');
    expect(task).toMatchObject({ title: 'Xử lý góp ý trước khi thông qua Kế hoạch hoạt động (phiên bản 2)', detail: '2 góp ý chưa xử lý' });
    expect(find(await tasksOf(await t.as('canbo.lhp@thidua.vn')), 'comments_resolve')).toEqual([]);
  });
});

describe('adopting with unresolved comments', () => {
  it('lists the comments and needs a reason, which the audit keeps', async () => {
    const board = await t.as(DEMO.board);
    const { createBlockYear } = await import('../factories');
    const { checkInPresent, createConference } = await import('../conferences/helpers');
    const { year, units } = await createBlockYear(board, { year: 2024, units: 4 });
    const person = async (unitId: string) => {
      const email = `nguoi.${uniq()}@thidua.vn`;
      await createAccount(board, { role: 'officer', unitId, email, password: 'MatKhau2025' });
      return t.as(email, 'MatKhau2025');
    };
    const leader = await person(units[0].id);
    const member = await person(units[2].id);
    const headEmail = (i: number) => `thutruong.${i}.${units[i].id.slice(0, 6)}@thidua.vn`;
    for (const i of [1, 2]) await createAccount(board, { role: 'unit_head', unitId: units[i].id, email: headEmail(i), password: 'MatKhau2025' });
    const head = (i: number) => t.as(headEmail(i), 'MatKhau2025');
    const plan = await expectStatus(leader.post('/api/drafts', { blockYearId: year.id, kind: 'plan' }), 201);
    const versionId = plan.latestVersionId;
    const version = await expectStatus(leader.get(`/api/drafts/versions/${versionId}`), 200);
    await expectStatus(leader.post(`/api/drafts/versions/${versionId}/circulate`), 201);
    const memberTasks = await tasksOf(member);
    expect(find(memberTasks, 'draft_comment')[0]).toMatchObject({ title: 'Góp ý dự thảo Kế hoạch hoạt động (phiên bản 1)', link: `/block-years/${year.id}/plan` });
    await expectStatus(member.post(`/api/drafts/versions/${versionId}/comments`, { sectionKey: version.sections[0].key, body: 'Đề nghị bổ sung hoạt động về chuyển đổi số' }), 201);
    expect(find(await tasksOf(member), 'draft_comment')).toEqual([]);
    expect(find(await tasksOf(leader), 'comments_resolve')[0].detail).toBe('1 góp ý chưa xử lý');

    const covenantId = (await expectStatus(leader.post('/api/covenants', { blockYearId: year.id }), 201)).id;
    const conf = await createConference(leader, year.id, {
      agenda: [{ title: 'Thông qua Kế hoạch', materialKind: 'plan_version', materialId: versionId }, { title: 'Ký kết giao ước', materialKind: 'covenant', materialId: covenantId }],
    });
    await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
    await checkInPresent(leader, conf, units.map((u) => u.id));
    const url = `/api/conferences/${conf.id}/decisions`;
    const body = { agendaItemId: conf.agenda[0].id, kind: 'adopt_plan' };
    for (const reason of [undefined, '', '   ']) {
      const res = await leader.post(url, { ...body, reason });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('unresolved_comments');
      expect(res.body.fields).toHaveProperty('reason');
      expect(res.body.message).toContain('Còn 1 góp ý chưa xử lý');
      expect(res.body.message).toContain('Đề nghị bổ sung hoạt động về chuyển đổi số');
    }
    for (const reason of ['x'.repeat(5000), 12, 'a\u0000b']) expect((await leader.post(url, { ...body, reason })).status).toBe(400);
    expect((await t.ds.query('SELECT status FROM draft_versions WHERE id = $1', [versionId]))[0].status).toBe('circulated');
    await expectStatus(leader.post(url, { ...body, reason: 'Hội nghị thống nhất tiếp thu góp ý khi triển khai' }), 201);
    const entry = (await auditOf(t.ds, 'draft_version', versionId)).find((e) => e.action === 'draft_version.adopt')!;
    expect(entry.reason).toBe('Hội nghị thống nhất tiếp thu góp ý khi triển khai');
    expect(entry.after.unresolvedCommentIds).toHaveLength(1);
    expect(find(await tasksOf(leader), 'comments_resolve')).toEqual([]);

    // Opening the covenant's signing gives each unit head a task; signing takes it away.
    expect(find(await tasksOf(await head(2)), 'covenant_sign')).toEqual([]);
    await expectStatus(leader.post(url, { agendaItemId: conf.agenda[1].id, kind: 'open_signing' }), 201);
    const [sign] = find(await tasksOf(await head(2)), 'covenant_sign');
    expect(sign).toMatchObject({ link: `/block-years/${year.id}/covenant` });
    expect(sign.title).toMatch(/^Ký giao ước thi đua: /);
    expect(find(await tasksOf(member), 'covenant_sign')).toEqual([]); // officers do not sign
    await expectStatus((await head(2)).post(`/api/covenants/${covenantId}/sign`, { password: 'MatKhau2025' }), 201);
    expect(find(await tasksOf(await head(2)), 'covenant_sign')).toEqual([]);
    expect(find(await tasksOf(await head(1)), 'covenant_sign')).toHaveLength(1);
  });
});

describe('the year on one line', () => {
  it('Khối 4 2025: what is done, what is current with who is waited for, each with its page; outsiders are refused', async () => {
    const deputy = await t.as('canbo.dukdn@thidua.vn');
    const yearId = find(await tasksOf(deputy), 'comments_resolve')[0].blockYearId;
    const { steps } = await expectStatus(deputy.get(`/api/block-years/${yearId}/timeline`), 200);
    const byKey = Object.fromEntries(steps.map((s: any) => [s.key, s]));
    expect(byKey.setup.state).toBe('done');
    expect(byKey.plan).toMatchObject({ state: 'current', link: `/block-years/${yearId}/plan`, waitingFor: 'Đơn vị Khối trưởng, Khối phó xử lý 2 góp ý; hội nghị thông qua' });
    expect(byKey.mid_year).toMatchObject({ state: 'current', detail: 'Tự chấm điểm', dateLabel: 'Hạn' });
    expect(byKey.mid_year.link).toMatch(/^\/rounds\/[0-9a-f-]{36}$/);
    expect(byKey.mid_year.waitingFor).toMatch(/^\d đơn vị chưa nộp bản tự chấm$/);
    expect(byKey.decision.state).toBe('next');
    expect(steps.every((s: any) => s.state !== 'done' || s.waitingFor === '')).toBe(true);
    expect((await expectStatus((await t.as(DEMO.board)).get(`/api/block-years/${yearId}/timeline`), 200)).steps).toHaveLength(steps.length);
    expect((await (await t.as('canbo.stc@thidua.vn')).get(`/api/block-years/${yearId}/timeline`)).status).toBe(403);
    expect((await deputy.get('/api/block-years/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
  });
});
