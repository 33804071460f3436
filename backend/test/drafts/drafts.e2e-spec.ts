import { DraftReadService } from '../../src/modules/drafts/draft-read.service';
import { DraftWorkflowService } from '../../src/modules/drafts/draft-workflow.service';
import { createTestApp, DEMO, TestApp } from '../app';
import { auditCount, auditOf, expectStatus } from '../factories';
import { actorOf, startOfYear, StartOfYear } from './start-of-year.fixture';

describe('drafts: annual plan and rules', () => {
  let t: TestApp;
  let s: StartOfYear;
  let planDocId: string;
  let v1: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await startOfYear(t);
  });
  afterAll(() => t.close());

  const adopt = async (email: string, versionId: string, conferenceId: string | null = null) => {
    const svc = t.app.get(DraftWorkflowService);
    const actor = await actorOf(t, email);
    return t.ds.transaction((em) => svc.adoptVersion(em, actor, versionId, conferenceId));
  };
  const dbVersion = async (id: string) => (await t.ds.query('SELECT status, sections, plan, rule_set, version FROM draft_versions WHERE id = $1', [id]))[0];

  it('lets the leader seat create the plan with the block numbering, and nobody else', async () => {
    const member = await s.officer(2);
    const denied = await member.post('/api/drafts', { blockYearId: s.year.id, kind: 'plan' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect(denied.body.message).toMatch(/Khối trưởng hoặc Khối phó/);
    const board = await t.as(DEMO.board);
    const boardDenied = await board.post('/api/drafts', { blockYearId: s.year.id, kind: 'plan' });
    expect(boardDenied.status).toBe(403);
    expect(boardDenied.body.message).toMatch(/Ban Thi đua/);

    const leader = await s.officer(0);
    const bad = await leader.post('/api/drafts', { blockYearId: s.year.id, kind: 'budget' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('kind');

    const doc = await expectStatus(leader.post('/api/drafts', { blockYearId: s.year.id, kind: 'plan' }), 201);
    expect(doc.docNumber).toBe(`01/KH-${s.block.code}`);
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0]).toMatchObject({ number: 1, status: 'draft' });
    planDocId = doc.id;
    v1 = doc.versions[0].id;
    const again = await leader.post('/api/drafts', { blockYearId: s.year.id, kind: 'plan' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_document');
    expect((await auditOf(t.ds, 'draft_document', doc.id)).map((a) => a.action)).toEqual(['draft.create']);
  });

  it('keeps the draft away from members and other blocks until it is circulated', async () => {
    const member = await s.officer(3);
    const list = await expectStatus(member.get(`/api/drafts?blockYearId=${s.year.id}`), 200);
    expect(list.items[0].versions).toEqual([]);
    expect(list.permissions.canCreate).toBe(false);
    const v = await member.get(`/api/drafts/versions/${v1}`);
    expect(v.status).toBe(403);
    const other = await t.as(DEMO.otherBlockOfficer);
    const otherList = await other.get(`/api/drafts?blockYearId=${s.year.id}`);
    expect(otherList.status).toBe(403);
    expect(otherList.body.message).toMatch(/thành viên/);
    expect((await other.get(`/api/drafts/${planDocId}`)).status).toBe(403);
    const board = await t.as(DEMO.board);
    const seen = await expectStatus(board.get(`/api/drafts/versions/${v1}`), 200);
    expect(seen.permissions.canEdit).toBe(false);
  });

  it('edits sections with a per-section rev: the second of two stale edits gets 409 and changes nothing', async () => {
    const leader = await s.officer(0);
    const deputy = await s.officer(1);
    const v = await expectStatus(leader.get(`/api/drafts/versions/${v1}`), 200);
    expect(v.permissions.canEdit).toBe(true);
    const section = v.sections.find((x: any) => x.key === 'noi-dung');
    expect(section.rev).toBe(1);

    const first = await expectStatus(leader.patch(`/api/drafts/versions/${v1}/sections/noi-dung`, { body: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.', rev: 1 }), 200);
    expect(first.sections.find((x: any) => x.key === 'noi-dung').rev).toBe(2);
    const before = await auditCount(t.ds);
    const second = await deputy.patch(`/api/drafts/versions/${v1}/sections/noi-dung`, { body: 'Nội dung của khối phó', rev: 1 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('stale_version');
    expect(second.body.message).toContain('III. NỘI DUNG THI ĐUA');
    expect(second.body.message).toMatch(/tải lại/);
    expect(await auditCount(t.ds)).toBe(before);
    const stored = await dbVersion(v1);
    expect(stored.sections.find((x: any) => x.key === 'noi-dung')).toMatchObject({ body: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.', rev: 2 });

    // Two leaders send the same rev at the same moment: exactly one edit wins, the other is refused.
    const race = await Promise.all([
      leader.patch(`/api/drafts/versions/${v1}/sections/muc-dich-yeu-cau`, { body: 'Bản của khối trưởng', rev: 1 }),
      deputy.patch(`/api/drafts/versions/${v1}/sections/muc-dich-yeu-cau`, { body: 'Bản của khối phó', rev: 1 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = race[0].status === 200 ? 'Bản của khối trưởng' : 'Bản của khối phó';
    expect((await dbVersion(v1)).sections.find((x: any) => x.key === 'muc-dich-yeu-cau')).toMatchObject({ body: winner, rev: 2 });
    expect((await auditOf(t.ds, 'draft_version', v1)).filter((a) => a.action === 'draft_section.update' && a.after.sectionKey === 'muc-dich-yeu-cau')).toHaveLength(1);

    // Another section edited on the same version is independent of the first one's rev.
    await expectStatus(deputy.patch(`/api/drafts/versions/${v1}/sections/chu-de`, { body: 'Chủ đề: Đoàn kết, sáng tạo, kỷ cương, hiệu quả.', rev: 1 }), 200);
    const member = await s.officer(2);
    const denied = await member.patch(`/api/drafts/versions/${v1}/sections/chu-de`, { body: 'x', rev: 2 });
    expect(denied.status).toBe(403);
    const board = await t.as(DEMO.board);
    expect((await board.patch(`/api/drafts/versions/${v1}/sections/chu-de`, { body: 'x', rev: 2 })).status).toBe(403);
    const missing = await leader.patch(`/api/drafts/versions/${v1}/sections/khong-co`, { body: 'x', rev: 1 });
    expect(missing.status).toBe(404);
    const noRev = await leader.patch(`/api/drafts/versions/${v1}/sections/chu-de`, { body: 'x' });
    expect(noRev.status).toBe(400);
    expect(noRev.body.fields).toHaveProperty('rev');

    // Adding and removing sections.
    const added = await expectStatus(leader.post(`/api/drafts/versions/${v1}/sections`, { heading: 'VII. KINH PHÍ THỰC HIỆN', body: 'Các đơn vị tự bảo đảm kinh phí.', afterKey: 'to-chuc-thuc-hien' }), 201);
    const kinhPhi = added.sections[added.sections.length - 1];
    expect(kinhPhi).toMatchObject({ key: 'kinh-phi-thuc-hien', rev: 1 });
    const removed = await expectStatus(leader.delete(`/api/drafts/versions/${v1}/sections/kinh-phi-thuc-hien?rev=1`), 200);
    expect(removed.sections.some((x: any) => x.key === 'kinh-phi-thuc-hien')).toBe(false);
  });

  it('validates the plan data: dates in order, owners among the members', async () => {
    const leader = await s.officer(0);
    const v = await expectStatus(leader.get(`/api/drafts/versions/${v1}`), 200);
    const other = (await t.ds.query(`SELECT id FROM units WHERE short_name = 'Sở Nội vụ'`))[0].id;
    const plan = {
      theme: 'Năm tăng tốc, bứt phá', slogan: 'Đoàn kết - Kỷ cương - Sáng tạo - Hiệu quả',
      activities: [
        { title: 'Hội nghị triển khai kế hoạch, ký giao ước', startDate: '2025-03-20', endDate: '2025-03-20', ownerUnitId: s.units[0].id },
        { title: 'Sơ kết 6 tháng', startDate: '2025-07-15', endDate: '2025-07-10', ownerUnitId: other },
      ],
      movements: [{ kind: 'regular', title: 'Thi đua hoàn thành xuất sắc nhiệm vụ', period: 'Cả năm 2025', goal: '100% đơn vị hoàn thành' }],
      commemorations: [], fieldTrips: [],
    };
    const bad = await leader.patch(`/api/drafts/versions/${v1}`, { plan, version: v.version });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ 'plan.activities.1.endDate': 'phải sau hoặc trùng ngày bắt đầu', 'plan.activities.1.ownerUnitId': 'phải là đơn vị thành viên của khối trong năm' });
    plan.activities[1] = { title: 'Sơ kết 6 tháng', startDate: '2025-07-10', endDate: '2025-07-15', ownerUnitId: s.units[1].id };
    const ok = await expectStatus(leader.patch(`/api/drafts/versions/${v1}`, { plan, version: v.version }), 200);
    expect(ok.plan.activities.map((a: any) => a.key)).toEqual(['hd1', 'hd2']);
    expect(ok.plan.activities[0].ownerUnitName).toBe(s.units[0].name);
    const stale = await leader.patch(`/api/drafts/versions/${v1}`, { title: 'Tiêu đề khác', version: v.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const wrongKind = await leader.patch(`/api/drafts/versions/${v1}`, { ruleSet: (await leader.get(`/api/block-years/${s.year.id}`)).body.rules, version: ok.version });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.fields).toHaveProperty('ruleSet');
  });

  it('circulates for comments: frozen content, threaded comments, resolved by the leader only', async () => {
    const leader = await s.officer(0);
    const member = await s.officer(2);
    const early = await member.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'Góp ý sớm' });
    expect(early.status).toBe(403); // members do not see a draft at all
    const leaderEarly = await leader.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'Ghi chú' });
    expect(leaderEarly.status).toBe(409);
    expect(leaderEarly.body.code).toBe('not_circulated');

    expect((await member.post(`/api/drafts/versions/${v1}/circulate`)).status).toBe(403);
    const circulated = await expectStatus(leader.post(`/api/drafts/versions/${v1}/circulate`), 201);
    expect(circulated.status).toBe('circulated');
    expect(circulated.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const frozen = await leader.patch(`/api/drafts/versions/${v1}/sections/noi-dung`, { body: 'sửa sau khi gửi', rev: 2 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('version_circulated');

    const c1 = await expectStatus(member.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số.' }), 201);
    expect(c1).toMatchObject({ unitId: s.units[2].id, unitName: s.units[2].name, sectionKey: 'noi-dung', resolvedAt: null, replies: [] });
    await expectStatus(leader.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'Tiếp thu, sẽ bổ sung ở phiên bản 2.', parentId: c1.id }), 201);
    const head = await s.head(3);
    await expectStatus(head.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'hoat-dong', body: 'Đề nghị lùi hội nghị sơ kết sang tháng 7.' }), 201);
    const badSection = await member.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'khong-co', body: 'x' });
    expect(badSection.status).toBe(400);
    expect(badSection.body.fields).toHaveProperty('sectionKey');
    const empty = await member.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty('body');
    const other = await t.as(DEMO.otherBlockOfficer);
    expect((await other.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'x' })).status).toBe(403);
    expect((await other.get(`/api/drafts/versions/${v1}/comments`)).status).toBe(403);
    const board = await t.as(DEMO.board);
    expect((await board.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'x' })).status).toBe(403);

    const threads = await expectStatus(member.get(`/api/drafts/versions/${v1}/comments`), 200);
    expect(threads).toHaveLength(2);
    const thread = threads.find((x: any) => x.id === c1.id);
    expect(thread.replies).toHaveLength(1);
    expect(thread.replies[0]).toMatchObject({ parentId: c1.id, unitId: s.units[0].id, body: 'Tiếp thu, sẽ bổ sung ở phiên bản 2.' });
    const version = await expectStatus(leader.get(`/api/drafts/versions/${v1}`), 200);
    expect(version.sections.find((x: any) => x.key === 'noi-dung')).toMatchObject({ commentCount: 2, openCommentCount: 1 });

    const memberResolve = await member.post(`/api/drafts/comments/${c1.id}/resolve`);
    expect(memberResolve.status).toBe(403);
    const replyResolve = await leader.post(`/api/drafts/comments/${thread.replies[0].id}/resolve`);
    expect(replyResolve.status).toBe(400);
    const resolved = await expectStatus(leader.post(`/api/drafts/comments/${c1.id}/resolve`), 201);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedByName).toBe(s.officers[0].fullName);
    expect(resolved.replies).toHaveLength(1);
    const reopened = await expectStatus(leader.post(`/api/drafts/comments/${c1.id}/reopen`), 201);
    expect(reopened.resolvedAt).toBeNull();
    await expectStatus(leader.post(`/api/drafts/comments/${c1.id}/resolve`), 201);
    expect((await auditOf(t.ds, 'draft_comment', c1.id)).map((a) => a.action)).toEqual(['draft_comment.create', 'draft_comment.resolve', 'draft_comment.reopen', 'draft_comment.resolve']);
  });

  let v2: string;
  it('revises into version 2, compares side by side, and circulates again', async () => {
    const leader = await s.officer(0);
    const member = await s.officer(2);
    const rev = await expectStatus(leader.post(`/api/drafts/versions/${v1}/revise`), 201);
    expect(rev).toMatchObject({ number: 2, status: 'draft', basedOnId: v1 });
    v2 = rev.id;
    const twice = await leader.post(`/api/drafts/versions/${v1}/revise`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('draft_exists');
    await expectStatus(leader.patch(`/api/drafts/versions/${v2}/sections/noi-dung`, {
      body: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.\nĐẩy mạnh chuyển đổi số trong công tác thi đua, khen thưởng.', rev: 1,
    }), 200);
    expect((await member.get(`/api/drafts/versions/${v2}`)).status).toBe(403);

    const diff = await expectStatus(leader.get(`/api/drafts/versions/${v2}/diff?against=${v1}`), 200);
    expect(diff).toMatchObject({ leftNumber: 1, rightNumber: 2, summary: { changed: 1, added: 0, removed: 0 } });
    const changed = diff.sections.find((x: any) => x.key === 'noi-dung');
    expect(changed.status).toBe('changed');
    expect(changed.rows).toEqual([
      { kind: 'same', left: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.', right: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.', leftNo: 1, rightNo: 1 },
      { kind: 'added', left: null, right: 'Đẩy mạnh chuyển đổi số trong công tác thi đua, khen thưởng.', leftNo: null, rightNo: 2 },
    ]);
    const badAgainst = await leader.get(`/api/drafts/versions/${v2}/diff?against=00000000-0000-4000-8000-000000000000`);
    expect(badAgainst.status).toBe(400);
    expect(badAgainst.body.fields).toHaveProperty('against');

    await expectStatus(leader.post(`/api/drafts/versions/${v2}/circulate`), 201);
    expect((await dbVersion(v1)).status).toBe('superseded');
    const seen = await expectStatus(member.get(`/api/drafts/${planDocId}`), 200);
    expect(seen.versions.map((x: any) => [x.number, x.status])).toEqual([[2, 'circulated'], [1, 'superseded']]);
    // Comments on the superseded version stay readable, but it takes no new ones.
    expect((await expectStatus(member.get(`/api/drafts/versions/${v1}/comments`), 200)).length).toBe(2);
    const closed = await member.post(`/api/drafts/versions/${v1}/comments`, { sectionKey: 'noi-dung', body: 'muộn' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('version_closed');
  });

  it('adopts only through the service contract, then the plan is read-only and its activities are tracked', async () => {
    const member = await s.officer(2);
    await expect(adopt(s.officers[2].email, v2)).rejects.toMatchObject({ statusCode: 403 });
    await expect(adopt(DEMO.board, v2)).rejects.toMatchObject({ statusCode: 403 });
    await expect(adopt(s.officers[0].email, v1)).rejects.toMatchObject({ statusCode: 409, code: 'version_superseded' });
    await adopt(s.officers[0].email, v2);
    await expect(adopt(s.officers[0].email, v2)).rejects.toMatchObject({ statusCode: 409, code: 'already_adopted' });
    const leader = await s.officer(0);
    const adopted = await expectStatus(leader.get(`/api/drafts/versions/${v2}`), 200);
    expect(adopted).toMatchObject({ status: 'adopted', adoptedByName: s.officers[0].fullName });
    expect(adopted.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const edit = await leader.patch(`/api/drafts/versions/${v2}/sections/noi-dung`, { body: 'sửa văn bản đã thông qua', rev: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('version_adopted');
    expect(edit.body.message).toMatch(/đã được hội nghị thông qua/);
    const meta = await leader.patch(`/api/drafts/versions/${v2}`, { title: 'Đổi tên', version: adopted.version });
    expect(meta.status).toBe(409);
    expect((await dbVersion(v2)).sections.find((x: any) => x.key === 'noi-dung').body).not.toContain('sửa văn bản');

    const progress = await expectStatus(member.get(`/api/drafts/plan-activities?blockYearId=${s.year.id}`), 200);
    expect(progress).toMatchObject({ versionId: v2, total: 2, done: 0, planned: 2, percentDone: 0, canUpdate: false });
    const [a1] = progress.items;
    expect(a1).toMatchObject({ key: 'hd1', title: 'Hội nghị triển khai kế hoạch, ký giao ước', startDate: '2025-03-20', ownerUnitName: s.units[0].name, status: 'planned' });
    expect((await member.patch(`/api/drafts/plan-activities/${a1.id}`, { status: 'done', version: a1.version })).status).toBe(403);
    const updated = await expectStatus(leader.patch(`/api/drafts/plan-activities/${a1.id}`, { status: 'done', notes: 'Đã tổ chức', version: a1.version }), 200);
    expect(updated).toMatchObject({ done: 1, total: 2, percentDone: 50, canUpdate: true });
    const stale = await leader.patch(`/api/drafts/plan-activities/${a1.id}`, { status: 'cancelled', version: a1.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const badStatus = await leader.patch(`/api/drafts/plan-activities/${a1.id}`, { status: 'finished', version: a1.version + 1 });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.fields).toHaveProperty('status');

    // A change after adoption is a new version, adopted again; the tracked status carries over by key.
    const v3 = await expectStatus(leader.post(`/api/drafts/versions/${v2}/revise`), 201);
    const v3plan = { ...v3.plan, activities: [...v3.plan.activities.map((a: any) => ({ key: a.key, title: a.title, startDate: a.startDate, endDate: a.endDate, ownerUnitId: a.ownerUnitId, notes: a.notes })), { title: 'Tổng kết năm', startDate: '2025-12-10', endDate: '2025-12-10', ownerUnitId: s.units[0].id }] };
    v3plan.fieldTrips = [];
    await expectStatus(leader.patch(`/api/drafts/versions/${v3.id}`, { plan: { theme: v3plan.theme, slogan: v3plan.slogan, activities: v3plan.activities, movements: v3plan.movements.map(({ key, kind, title, period, goal }: any) => ({ key, kind, title, period, goal })), commemorations: [], fieldTrips: [] }, version: v3.version }), 200);
    await adopt(s.officers[1].email, v3.id);
    expect((await dbVersion(v2)).status).toBe('superseded');
    const after = await expectStatus(member.get(`/api/drafts/plan-activities?blockYearId=${s.year.id}`), 200);
    expect(after).toMatchObject({ versionId: v3.id, total: 3, done: 1 });
  });

  it('adopting the rules writes the rule set to the block year, audited', async () => {
    const leader = await s.officer(0);
    const doc = await expectStatus(leader.post('/api/drafts', { blockYearId: s.year.id, kind: 'rules' }), 201);
    expect(doc.docNumber).toBe(`01/QC-${s.block.code}`);
    const v = await expectStatus(leader.get(`/api/drafts/versions/${doc.versions[0].id}`), 200);
    expect(v.ruleSet.quorumNumerator).toBe(2);
    const badRules = await leader.patch(`/api/drafts/versions/${v.id}`, { ruleSet: { ...v.ruleSet, quorumNumerator: 4, quorumDenominator: 3 }, version: v.version });
    expect(badRules.status).toBe(400);
    expect(Object.keys(badRules.body.fields)).toEqual(['ruleSet.quorumNumerator']);
    await expectStatus(leader.patch(`/api/drafts/versions/${v.id}`, { ruleSet: { ...v.ruleSet, quorumNumerator: 3, quorumDenominator: 4, voteThresholdPercent: 70 }, version: v.version }), 200);
    await expectStatus(leader.post(`/api/drafts/versions/${v.id}/circulate`), 201);
    await adopt(s.officers[0].email, v.id);
    const [year] = await t.ds.query('SELECT rules FROM block_years WHERE id = $1', [s.year.id]);
    expect(year.rules).toMatchObject({ quorumNumerator: 3, quorumDenominator: 4, voteThresholdPercent: 70 });
    const audit = await auditOf(t.ds, 'block_year', s.year.id);
    const entry = audit.find((a) => a.action === 'block_year.rules_adopt')!;
    expect(entry.before.rules.quorumNumerator).toBe(2);
    expect(entry.after).toMatchObject({ rules: { quorumNumerator: 3 }, rulesVersionId: v.id });
    const describe = await t.app.get(DraftReadService).describeMaterial(t.ds.manager, 'rules_version', v.id);
    expect(describe).toEqual({ blockYearId: s.year.id, title: expect.stringContaining('Quy chế hoạt động và bình xét thi đua') });
    expect(await t.app.get(DraftReadService).describeMaterial(t.ds.manager, 'plan_version', v.id)).toBeNull();
  });

  it('refuses every write once the year is archived', async () => {
    const leader = await s.officer(0);
    const rules = await expectStatus(leader.get(`/api/drafts?blockYearId=${s.year.id}&kind=rules`), 200);
    const adopted = rules.items[0].adoptedVersionId;
    await t.ds.query(`UPDATE block_years SET status = 'archived' WHERE id = $1`, [s.year.id]);
    try {
      const res = await leader.post(`/api/drafts/versions/${adopted}/revise`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('archived');
    } finally {
      await t.ds.query(`UPDATE block_years SET status = 'planning' WHERE id = $1`, [s.year.id]);
    }
  });
});
