import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { buildScheme, codes, K4, k4Ids, putter } from '../scoring/helpers';
import { advanceTo, DAY, fillSelf, FULL, newYear, openRound, selfUrl } from './helpers';

describe('scoring rounds: opening, phases, calendar, extensions, progress, reminders', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('only the leader seat opens a round; each member unit gets a draft and a notification; one round per kind and year', async () => {
    const ids = await k4Ids(t);
    const leader = await t.as(K4.leader2024);
    const scheme = await buildScheme(leader, ids.year2024);
    const body = {
      blockYearId: ids.year2024, schemeId: scheme.id, kind: 'mid_year',
      selfAssessmentUntil: new Date(Date.now() + 5 * DAY).toISOString(), reviewUntil: new Date(Date.now() + 6 * DAY).toISOString(), explanationUntil: new Date(Date.now() + 7 * DAY).toISOString(),
    };
    for (const email of [K4.lhpOfficer, K4.board, K4.otherBlock]) {
      const r = await (await t.as(email)).post('/api/rounds', body);
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/[ĐđKk]hối trưởng|chỉ xem|thành viên/);
    }
    const bad = await leader.post('/api/rounds', { ...body, reviewUntil: body.selfAssessmentUntil });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('reviewUntil');
    const past = await leader.post('/api/rounds', { ...body, selfAssessmentUntil: new Date(Date.now() - DAY).toISOString() });
    expect(past.status).toBe(400);
    const round = await expectStatus(leader.post('/api/rounds', body), 201);
    expect(round).toMatchObject({ phase: 'self_assessment', phaseLabel: 'Tự chấm điểm', title: 'Chấm điểm thi đua 6 tháng đầu năm 2024', isOpen: true, permissions: { canManage: true } });
    expect(round.units).toHaveLength(5);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM self_assessments WHERE round_id = $1', [round.id]);
    expect(n).toBe(5);
    const dup = await leader.post('/api/rounds', body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_round');
    const lhp = await t.as(K4.lhpOfficer);
    const notes = await expectStatus(lhp.get('/api/notifications'), 200);
    expect(notes.some((x: any) => x.roundId === round.id && x.kind === 'round_opened')).toBe(true);
    const mine = await expectStatus(lhp.get(`/api/rounds/${round.id}`), 200);
    expect(mine.myUnit).toMatchObject({ unitId: ids.lhp, status: 'draft' });
    expect(mine.permissions).toMatchObject({ canManage: false, canSelfAssess: true, canSeeRanking: false });
    expect((await (await t.as(K4.otherBlock)).get(`/api/rounds/${round.id}`)).status).toBe(403);
    expect((await auditOf(t.ds, 'scoring_round', round.id))[0].action).toBe('round.create');
  });

  it('refuses actions outside their phase with a 409 in Vietnamese, and moves one phase at a time', async () => {
    const r = await openRound(t);
    const put = await r.put(r.acc.hiza.officer);
    const early = await put(`/api/rounds/${r.round.id}/units/${r.ids.lhp}/reviews/${r.c('I.1')}`, { score: 10, note: 'x', version: 0 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'wrong_phase' });
    expect(early.body.message).toBe('Đợt chấm điểm đang ở giai đoạn "Tự chấm điểm"; chỉ được chấm chéo trong giai đoạn "Chấm chéo, thẩm định".');
    const final = await (await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/units/${r.ids.lhp}/final/${r.c('I.1')}`, { score: 10, note: 'x', version: 0 });
    expect(final.status).toBe(409);
    expect((await r.leader.post(`/api/rounds/${r.round.id}/finalise`, {})).status).toBe(409);
    const jump = await r.leader.post(`/api/rounds/${r.round.id}/advance`, { to: 'explanation' });
    expect(jump.status).toBe(409);
    expect(jump.body.message).toContain('chỉ chuyển được sang giai đoạn kế tiếp "Chấm chéo, thẩm định"');
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/rounds/${r.round.id}/advance`, { to: 'review' })).status).toBe(403);
    await advanceTo(r.leader, r.round.id, 'review');
    const late = await (await r.put(r.acc.lhp.officer))(selfUrl(r, r.ids.lhp, 'I.1'), { score: 10, version: 0 });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('chỉ được tự chấm điểm trong giai đoạn "Tự chấm điểm"');
    const [audit] = (await auditOf(t.ds, 'scoring_round', r.round.id)).filter((a) => a.action === 'round.advance');
    expect(audit).toMatchObject({ before: { phase: 'self_assessment' }, after: { phase: 'review' } });
  });

  it('switches phases on their dates; a unit past its deadline is refused until the leader extends it with a reason', async () => {
    const r = await openRound(t);
    await fillSelf(r, r.acc.lhp.officer, r.ids.lhp, { 'I.1': FULL['I.1'] });
    // Time passes: the self-assessment deadline is yesterday.
    await t.ds.query(`UPDATE scoring_rounds SET opens_at = now() - interval '5 days', self_assessment_until = now() - interval '1 day' WHERE id = $1`, [r.round.id]);
    const round = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}`), 200);
    expect(round.phase).toBe('review');
    const put = await r.put(r.acc.lhp.officer);
    const refused = await put(selfUrl(r, r.ids.lhp, 'I.2'), { passed: true, version: 0 });
    expect(refused.status).toBe(409);
    const noReason = await r.leader.post(`/api/rounds/${r.round.id}/extensions`, { unitId: r.ids.lhp, until: new Date(Date.now() + 2 * DAY).toISOString() });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    expect((await (await t.as(K4.board)).post(`/api/rounds/${r.round.id}/extensions`, { unitId: r.ids.lhp, until: new Date(Date.now() + 2 * DAY).toISOString(), reason: 'x' })).status).toBe(403);
    const extended = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/extensions`, { unitId: r.ids.lhp, until: new Date(Date.now() + 2 * DAY).toISOString(), reason: 'Đơn vị có văn bản đề nghị do tổ chức đại hội' }), 200);
    expect(extended.phase).toBe('self_assessment');
    await expectStatus(put(selfUrl(r, r.ids.lhp, 'I.2'), { passed: true, version: 0 }), 200);
    // Another unit without an extension is still past its own deadline.
    const hiza = await (await r.put(r.acc.hiza.officer))(selfUrl(r, r.ids.hiza, 'I.2'), { passed: true, version: 0 });
    expect(hiza.status).toBe(409);
    expect(hiza.body.code).toBe('deadline_passed');
    expect(hiza.body.message).toContain('Đã quá hạn nộp bản tự chấm của đơn vị');
    const lhpRound = await expectStatus((await t.as(r.acc.lhp.officer)).get(`/api/rounds/${r.round.id}`), 200);
    expect(new Date(lhpRound.myUnit.deadline).getTime()).toBeGreaterThan(Date.now());
    const notes = await expectStatus((await t.as(r.acc.lhp.officer)).get('/api/notifications'), 200);
    expect(notes.find((x: any) => x.kind === 'extension')?.body).toBe('Đơn vị có văn bản đề nghị do tổ chức đại hội');
  });

  it('shows the leader and the board each unit’s progress; members may not see it', async () => {
    const r = await openRound(t);
    await fillSelf(r, r.acc.lhp.officer, r.ids.lhp, { 'I.1': FULL['I.1'], 'I.2': FULL['I.2'] });
    const p = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/progress`), 200);
    const lhp = p.units.find((u: any) => u.unitId === r.ids.lhp);
    expect(lhp).toMatchObject({ status: 'draft', submitted: false, criteriaFilled: 2, criteriaRequired: 5, evidenceMissing: 1, evidenceMissingCodes: ['I.1'] });
    expect(lhp.secondsLeft).toBeGreaterThan(9 * 86400);
    expect(lhp.lastSavedAt).not.toBeNull();
    expect(p.units.find((u: any) => u.unitId === r.ids.hiza)).toMatchObject({ criteriaFilled: 0, lastSavedAt: null });
    expect((await (await t.as(K4.board)).get(`/api/rounds/${r.round.id}/progress`)).status).toBe(200);
    const member = await (await t.as(r.acc.lhp.officer)).get(`/api/rounds/${r.round.id}/progress`);
    expect(member.status).toBe(403);
    // canSeeProgress (the round's permissions) says the same to each of them.
    const canSee = async (email: string) => (await expectStatus((await t.as(email)).get(`/api/rounds/${r.round.id}`), 200)).permissions.canSeeProgress;
    expect(await canSee(r.acc.dukcq.officer)).toBe(true);
    expect(await canSee(K4.board)).toBe(true);
    expect(await canSee(r.acc.lhp.officer)).toBe(false);

    const sent = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reminders`, { message: 'Đề nghị các đơn vị nộp bản tự chấm trước ngày 10.' }), 201);
    expect(sent.sent).toBe(5);
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/rounds/${r.round.id}/reminders`, {})).status).toBe(403);
    const hiza = await t.as(r.acc.hiza.officer);
    const notes = await expectStatus(hiza.get('/api/notifications'), 200);
    const reminder = notes.find((n: any) => n.kind === 'reminder' && n.roundId === r.round.id);
    expect(reminder).toMatchObject({ body: 'Đề nghị các đơn vị nộp bản tự chấm trước ngày 10.', readAt: null });
    const read = await expectStatus(hiza.post(`/api/notifications/${reminder.id}/read`), 200);
    expect(read.readAt).not.toBeNull();
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/notifications/${reminder.id}/read`)).status).toBe(404);
  });

  it('takes targets entered in the round, refuses them for other criteria, and lists the missing ones', async () => {
    const r = await openRound(t);
    const list0 = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/targets`), 200);
    expect(list0).toHaveLength(5);
    expect(list0.every((x: any) => x.source === 'none' && x.code === 'II.1')).toBe(true);
    const wrong = await (await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: [{ unitId: r.ids.lhp, criterionId: r.c('I.1'), target: 5 }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('Tiêu chí I.1: không phải tiêu chí theo chỉ tiêu nên không nhập chỉ tiêu.');
    const neg = await (await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: [{ unitId: r.ids.lhp, criterionId: r.c('II.1'), target: -1 }] });
    expect(neg.status).toBe(400);
    expect(neg.body.message).toContain('Tiêu chí II.1');
    const set = await expectStatus((await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: [{ unitId: r.ids.lhp, criterionId: r.c('II.1'), target: 100 }] }), 200);
    expect(set.find((x: any) => x.unitId === r.ids.lhp)).toMatchObject({ target: 100, source: 'round' });
    expect((await (await r.put(r.acc.lhp.officer))(`/api/rounds/${r.round.id}/targets`, { targets: [] })).status).toBe(403);
  });

  it('a criterion not applicable to a unit leaves its maximum, is not required of it and cannot be scored by it', async () => {
    const f = await newYear(t);
    const leader = await t.as(f.acc.dukcq.officer);
    const scheme = await buildScheme(leader, f.yearId);
    const ii2 = codes(await expectStatus(leader.get(`/api/scoring-schemes/${scheme.id}`), 200))['II.2'];
    const [stranger] = await t.ds.query(`SELECT id FROM units WHERE short_name = 'Sở Nội vụ'`);
    const bad = await leader.patch(`/api/scoring-schemes/${scheme.id}/criteria/${ii2.id}`, { notApplicableUnitIds: [stranger.id], version: ii2.version });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('notApplicableUnitIds');
    await expectStatus(leader.patch(`/api/scoring-schemes/${scheme.id}/criteria/${ii2.id}`, { notApplicableUnitIds: [f.ids.lhp], version: ii2.version }), 200);
    const round = await expectStatus(leader.post('/api/rounds', {
      blockYearId: f.yearId, schemeId: scheme.id, kind: 'year_end',
      selfAssessmentUntil: new Date(Date.now() + 5 * DAY).toISOString(), reviewUntil: new Date(Date.now() + 6 * DAY).toISOString(), explanationUntil: new Date(Date.now() + 7 * DAY).toISOString(),
    }), 201);
    const put = await putter(t, f.acc.lhp.officer);
    const res = await put(`/api/rounds/${round.id}/units/${f.ids.lhp}/self/${ii2.id}`, { score: 5, version: 0 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'not_applicable', message: 'Tiêu chí II.2: không áp dụng với đơn vị này.' });
    const view = await expectStatus((await t.as(f.acc.lhp.officer)).get(`/api/rounds/${round.id}/units/${f.ids.lhp}/assessment`), 200);
    expect(view.rows.find((r: any) => r.code === 'II.2').applicable).toBe(false);
    expect(view.totals).toMatchObject({ max: 70, required: 4 });
    expect(view.totals.unfilledCodes).not.toContain('II.2');
    // Other units still score it.
    await expectStatus((await putter(t, f.acc.hiza.officer))(`/api/rounds/${round.id}/units/${f.ids.hiza}/self/${ii2.id}`, { score: 5, version: 0 }), 200);
  });

  it('the leader edits the calendar of dates still ahead; a passed deadline or a stale version is refused', async () => {
    const r = await openRound(t);
    const later = new Date(Date.now() + 25 * DAY).toISOString();
    const edited = await expectStatus(r.leader.patch(`/api/rounds/${r.round.id}`, { title: 'Chấm điểm năm 2024 (điều chỉnh lịch)', reviewUntil: later, reason: 'Lùi lịch hội nghị', version: r.round.version }), 200);
    expect(edited).toMatchObject({ title: 'Chấm điểm năm 2024 (điều chỉnh lịch)', reviewUntil: later });
    const stale = await r.leader.patch(`/api/rounds/${r.round.id}`, { title: 'x', version: r.round.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const disorder = await r.leader.patch(`/api/rounds/${r.round.id}`, { explanationUntil: new Date(Date.now() + 11 * DAY).toISOString(), version: edited.version });
    expect(disorder.status).toBe(400);
    expect(disorder.body.fields).toHaveProperty('explanationUntil');
    expect((await (await t.as(r.acc.lhp.officer)).patch(`/api/rounds/${r.round.id}`, { title: 'x', version: edited.version })).status).toBe(403);
    await t.ds.query(`UPDATE scoring_rounds SET opens_at = now() - interval '3 days', self_assessment_until = now() - interval '1 day' WHERE id = $1`, [r.round.id]);
    const passed = await r.leader.patch(`/api/rounds/${r.round.id}`, { selfAssessmentUntil: new Date(Date.now() + DAY).toISOString(), version: edited.version });
    expect(passed.status).toBe(409);
    expect(passed.body.code).toBe('deadline_passed');
    const [audit] = (await auditOf(t.ds, 'scoring_round', r.round.id)).filter((a) => a.action === 'round.update');
    expect(audit).toMatchObject({ reason: 'Lùi lịch hội nghị', after: { reviewUntil: later } });
  });
});
