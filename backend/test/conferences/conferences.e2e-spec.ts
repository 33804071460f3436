import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/common/canonical-json';
import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, createAccount, createBlockYear, expectStatus } from '../factories';
import { checkInPresent, conferenceBody, createConference, docxText, download, flat, K4, K4_UNITS, LAUNCH_TITLE, PLACE, pdfText } from './helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('conferences', () => {
  let t: TestApp;
  let leader: Client_, leaderHead: Client_, deputy: Client_, member: Client_, memberHead: Client_, hiza: Client_, board: Client_, admin: Client_, other: Client_;
  let y2024: string, y2025: string;
  const unit: Record<keyof typeof K4_UNITS, string> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    [leader, leaderHead, deputy, member, memberHead, hiza, board, admin, other] = await Promise.all(
      [K4.leaderOfficer, K4.leaderHead, K4.deputyOfficer, K4.lhpOfficer, K4.lhpHead, K4.hizaOfficer, DEMO.board, DEMO.admin, DEMO.otherBlockOfficer].map((e) => t.as(e)));
    const I = await ids(t.ds);
    // The demo's 2024 holds minutes 01 (launch) and 02 (year end) and tally records 03, 04/BB-KTĐ4: these tests' minutes number from 05.
    y2024 = await I.blockYear('KTĐ4', 2024);
    y2025 = await I.blockYear('KTĐ4', 2025);
    for (const [k, short] of Object.entries(K4_UNITS)) unit[k as keyof typeof K4_UNITS] = await I.unit(short);
  });
  afterAll(() => t.close());

  describe('setting up a conference', () => {
    it('the leader creates one: chair and co-chair default to the leader and deputy, every member unit is invited', async () => {
      const { chairUnitId: _c, coChairUnitId: _cc, ...body } = conferenceBody(y2024) as Record<string, unknown>;
      const conf = await expectStatus(leader.post('/api/conferences', body), 201);
      expect(conf).toMatchObject({
        blockYearId: y2024, blockCode: 'KTĐ4', year: 2024, kind: 'launch', title: LAUNCH_TITLE, place: PLACE, status: 'planned',
        startsAt: '2024-04-26T01:00:00.000Z', endsAt: '2024-04-26T04:00:00.000Z',
        chairUnitId: unit.dukcq, chairUnitName: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', coChairUnitId: unit.dukdn, coChairUnitName: 'Đảng ủy Khối Doanh nghiệp Hà Nội',
        guests: [{ name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố' }],
        quorum: { members: 5, present: 0, needed: 4, met: false, numerator: 2, denominator: 3 }, decisions: [], minutesStatus: null, version: 1,
        permissions: { canRun: true, canReplyForUnitId: unit.dukcq },
      });
      expect(conf.agenda.map((a: any) => [a.sort, a.status])).toEqual([[1, 'pending'], [2, 'pending'], [3, 'pending'], [4, 'pending'], [5, 'pending']]);
      expect(conf.attendance).toHaveLength(5);
      expect(conf.attendance.map((a: any) => a.seat)).toEqual(['leader', 'deputy', null, null, null]);
      expect(conf.attendance.every((a: any) => a.rsvp === 'pending' && a.presence === null)).toBe(true);
      const audit = await auditOf(t.ds, 'conference', conf.id);
      expect(audit.map((a) => a.action)).toEqual(['conference.create']);
    });

    it('the deputy unit may run the year’s conferences too; seats, not people, give the right', async () => {
      const conf = await createConference(deputy, y2024, { title: 'Hội nghị sơ kết 6 tháng đầu năm 2024', kind: 'mid_year', chairUnitId: unit.dukdn, coChairUnitId: null });
      expect(conf).toMatchObject({ chairUnitId: unit.dukdn, coChairUnitId: null });
      // canbo.dukcq holds no seat in 2025 (leader 2025: ĐUK Doanh nghiệp, deputy: ĐUK các trường ĐH, CĐ).
      const res = await leader.post('/api/conferences', conferenceBody(y2025));
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/khối trưởng hoặc khối phó/);
      await expectStatus(deputy.post('/api/conferences', conferenceBody(y2025, { startsAt: '2025-03-20T08:00:00+07:00', endsAt: null })), 201);
    });

    it('members, the board, admins and other blocks may not create one', async () => {
      for (const c of [member, memberHead, board, admin, other]) {
        const res = await c.post('/api/conferences', conferenceBody(y2024));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    });

    it('names the bad field: times out of order, missing title, a time without zone, a chair that is not a member', async () => {
      let res = await leader.post('/api/conferences', conferenceBody(y2024, { endsAt: '2024-04-26T07:00:00+07:00' }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ endsAt: 'phải sau thời điểm bắt đầu (startsAt)' });
      expect(res.body.message).toContain('endsAt');
      res = await leader.post('/api/conferences', conferenceBody(y2024, { endsAt: '2024-04-26T08:00:00+07:00' }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('endsAt');
      res = await leader.post('/api/conferences', conferenceBody(y2024, { title: '', startsAt: '2024-04-26T08:00:00' }));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['startsAt', 'title']);
      res = await leader.post('/api/conferences', conferenceBody(y2024, { chairUnitId: await (await ids(t.ds)).unit('Sở Nội vụ') }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('chairUnitId');
      res = await leader.post('/api/conferences', conferenceBody(y2024, { coChairUnitId: unit.dukcq }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ coChairUnitId: 'phải khác đơn vị chủ trì' });
      res = await leader.post('/api/conferences', conferenceBody(y2024, { agenda: [{ title: 'X', materialKind: 'plan_version' }] }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty(['agenda[0].materialId']);
      res = await leader.post('/api/conferences', conferenceBody(MISSING));
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('blockYearId');
    });

    it('edits need the current version; dates out of order are refused on edit too', async () => {
      const conf = await createConference(leader, y2024);
      const edited = await expectStatus(leader.patch(`/api/conferences/${conf.id}`, { version: 1, place: 'Phòng họp tầng 3', endsAt: '2024-04-26T11:30:00+07:00' }), 200);
      expect(edited).toMatchObject({ place: 'Phòng họp tầng 3', endsAt: '2024-04-26T04:30:00.000Z', version: 2 });
      const stale = await leader.patch(`/api/conferences/${conf.id}`, { version: 1, place: 'Khác' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const bad = await leader.patch(`/api/conferences/${conf.id}`, { version: 2, startsAt: '2024-04-26T12:00:00+07:00' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toHaveProperty('endsAt');
      for (const c of [member, board, other]) expect((await c.patch(`/api/conferences/${conf.id}`, { version: 2, place: 'X' })).status).toBe(403);
      expect((await auditOf(t.ds, 'conference', conf.id)).map((a) => a.action)).toEqual(['conference.create', 'conference.update']);
    });

    it('the agenda is edited, reordered and trimmed by the leader only', async () => {
      const conf = await createConference(leader, y2024, { agenda: [] });
      let c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'Mục A', presenter: 'Khối trưởng' }), 201);
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'Mục B' }), 201);
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'Mục C' }), 201);
      const [a, b, cc] = c.agenda.map((i: any) => i.id);
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda/reorder`, { itemIds: [cc, a, b] }), 201);
      expect(c.agenda.map((i: any) => i.title)).toEqual(['Mục C', 'Mục A', 'Mục B']);
      expect((await leader.post(`/api/conferences/${conf.id}/agenda/reorder`, { itemIds: [cc, a] })).body.fields).toHaveProperty('itemIds');
      c = await expectStatus(leader.patch(`/api/conferences/${conf.id}/agenda/${a}`, { notes: 'Ghi chú' }), 200);
      expect(c.agenda[1]).toMatchObject({ title: 'Mục A', notes: 'Ghi chú', presenter: 'Khối trưởng' });
      c = await expectStatus(leader.delete(`/api/conferences/${conf.id}/agenda/${cc}`), 200);
      expect(c.agenda.map((i: any) => [i.sort, i.title])).toEqual([[1, 'Mục A'], [2, 'Mục B']]);
      expect((await member.post(`/api/conferences/${conf.id}/agenda`, { title: 'Mục D' })).status).toBe(403);
      expect((await board.delete(`/api/conferences/${conf.id}/agenda/${a}`)).status).toBe(403);
      expect((await leader.patch(`/api/conferences/${conf.id}/agenda/${MISSING}`, { title: 'X' })).status).toBe(404);
    });

    it('a planned conference can be withdrawn; one that has opened cannot', async () => {
      const conf = await createConference(leader, y2024);
      expect((await member.delete(`/api/conferences/${conf.id}`)).status).toBe(403);
      await expectStatus(leader.delete(`/api/conferences/${conf.id}`), 204);
      expect((await leader.get(`/api/conferences/${conf.id}`)).status).toBe(404);
      const opened = await createConference(leader, y2024);
      await expectStatus(leader.post(`/api/conferences/${opened.id}/open`), 201);
      const res = await leader.delete(`/api/conferences/${opened.id}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('conference_started');
    });
  });

  describe('reading', () => {
    let conf: any;
    beforeAll(async () => (conf = await createConference(leader, y2024, { title: 'Hội nghị bất thường về quy chế' , kind: 'extraordinary' })));

    it('members and the board read it; another block’s officer gets 403', async () => {
      for (const c of [member, memberHead, board, admin]) await expectStatus(c.get(`/api/conferences/${conf.id}`), 200);
      const m = await expectStatus(member.get(`/api/conferences/${conf.id}`), 200);
      expect(m.permissions).toEqual({ canRun: false, canReplyForUnitId: unit.lhp });
      expect((await expectStatus(board.get(`/api/conferences/${conf.id}`), 200)).permissions).toEqual({ canRun: false, canReplyForUnitId: null });
      const res = await other.get(`/api/conferences/${conf.id}`);
      expect(res.status).toBe(403);
      expect((await other.get(`/api/conferences/${conf.id}/quorum`)).status).toBe(403);
      expect((await t.http().get(`/api/conferences/${conf.id}`)).status).toBe(401);
      expect((await member.get(`/api/conferences/${MISSING}`)).status).toBe(404);
      expect((await member.get('/api/conferences/abc')).status).toBe(400);
    });

    it('lists conferences within scope', async () => {
      const mine = await expectStatus(member.get(`/api/conferences?blockYearId=${y2024}`), 200);
      expect(mine.map((c: any) => c.id)).toContain(conf.id);
      expect(mine.every((c: any) => c.blockYearId === y2024)).toBe(true);
      const theirs = await expectStatus(other.get('/api/conferences'), 200);
      expect(theirs.map((c: any) => c.id)).not.toContain(conf.id);
      const all = await expectStatus(board.get('/api/conferences?status=planned'), 200);
      expect(all.map((c: any) => c.id)).toContain(conf.id);
    });
  });

  describe('invitations', () => {
    let conf: any;
    beforeAll(async () => (conf = await createConference(leader, y2024, { title: 'Hội nghị sơ kết', kind: 'mid_year', startsAt: '2024-07-10T08:00:00+07:00', endsAt: null })));

    it('a member unit’s officer or head confirms who attends, for their own unit only', async () => {
      const missing = await member.post(`/api/conferences/${conf.id}/invitations/${unit.lhp}/reply`, { response: 'confirmed' });
      expect(missing.status).toBe(400);
      expect(missing.body.fields).toHaveProperty('delegate');
      let c = await expectStatus(member.post(`/api/conferences/${conf.id}/invitations/${unit.lhp}/reply`, { response: 'confirmed', delegate: 'Vũ Đức Thành – Hiệu trưởng' }), 201);
      expect(c.attendance.find((a: any) => a.unitId === unit.lhp)).toMatchObject({ rsvp: 'confirmed', rsvpDelegate: 'Vũ Đức Thành – Hiệu trưởng', rsvpByName: 'Đỗ Thị Hạnh' });
      c = await expectStatus(memberHead.post(`/api/conferences/${conf.id}/invitations/${unit.lhp}/reply`, { response: 'declined' }), 201);
      expect(c.attendance.find((a: any) => a.unitId === unit.lhp)).toMatchObject({ rsvp: 'declined', rsvpByName: 'Vũ Đức Thành' });
      await expectStatus(hiza.post(`/api/conferences/${conf.id}/invitations/${unit.hiza}/reply`, { response: 'confirmed', delegate: 'Đặng Quốc Việt – Trưởng ban' }), 201);
      for (const [c2, u] of [[member, unit.hiza], [hiza, unit.lhp], [leader, unit.lhp], [board, unit.lhp], [admin, unit.hiza], [other, unit.lhp]] as const) {
        const res = await c2.post(`/api/conferences/${conf.id}/invitations/${u}/reply`, { response: 'confirmed', delegate: 'X' });
        expect(res.status).toBe(403);
      }
      const audit = await auditOf(t.ds, 'conference', conf.id);
      expect(audit.filter((a) => a.action === 'conference.reply')).toHaveLength(3);
    });

    it('each unit sees the conference among its upcoming ones, with its own answer', async () => {
      const lhp = await expectStatus(member.get('/api/conferences/upcoming'), 200);
      expect(lhp.find((c: any) => c.id === conf.id)).toMatchObject({ myUnitId: unit.lhp, myRsvp: 'declined', confirmedCount: 1, memberCount: 5 });
      const hz = await expectStatus(hiza.get('/api/conferences/upcoming'), 200);
      expect(hz.find((c: any) => c.id === conf.id)).toMatchObject({ myRsvp: 'confirmed', myDelegate: 'Đặng Quốc Việt – Trưởng ban' });
      const dh = await expectStatus((await t.as(K4.dukdhOfficer)).get('/api/conferences/upcoming'), 200);
      expect(dh.find((c: any) => c.id === conf.id)).toMatchObject({ myRsvp: 'pending' });
      expect((await expectStatus(other.get('/api/conferences/upcoming'), 200)).map((c: any) => c.id)).not.toContain(conf.id);
      expect((await expectStatus(board.get('/api/conferences/upcoming'), 200)).find((c: any) => c.id === conf.id)).toMatchObject({ myUnitId: null, myRsvp: null });
    });

    it('answers close when the session opens', async () => {
      await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
      const res = await member.post(`/api/conferences/${conf.id}/invitations/${unit.lhp}/reply`, { response: 'confirmed', delegate: 'X' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('invitation_closed');
    });
  });

  describe('conference mode', () => {
    let conf: any;
    beforeAll(async () => (conf = await createConference(leader, y2024)));
    const item = (c: any, n: number) => c.agenda[n - 1].id;

    it('refuses decisions and stepping before the session opens', async () => {
      const res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 5), kind: 'conclusion', text: 'Kết luận' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('not_in_session');
      expect(res.body.message).toMatch(/chưa khai mạc/);
      expect((await leader.post(`/api/conferences/${conf.id}/agenda/${item(conf, 2)}/current`)).body.code).toBe('not_in_session');
      expect((await leader.post(`/api/conferences/${conf.id}/close`)).body.code).toBe('not_in_session');
    });

    it('only the leader or deputy opens the session; the stepper starts on the first item', async () => {
      for (const c of [member, memberHead, board, admin, other]) expect((await c.post(`/api/conferences/${conf.id}/open`)).status).toBe(403);
      const c = await expectStatus(leaderHead.post(`/api/conferences/${conf.id}/open`), 201);
      expect(c.status).toBe('in_session');
      expect(c.openedAt).not.toBeNull();
      expect(c.agenda.map((a: any) => a.status)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
      expect((await leader.post(`/api/conferences/${conf.id}/open`)).body.code).toBe('already_in_session');
    });

    it('walks the agenda: set current, mark done moves on', async () => {
      let c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda/${item(conf, 1)}/done`), 201);
      expect(c.agenda.map((a: any) => a.status)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
      c = await expectStatus(deputy.post(`/api/conferences/${conf.id}/agenda/${item(conf, 4)}/current`), 201);
      expect(c.agenda.map((a: any) => a.status)).toEqual(['done', 'pending', 'pending', 'current', 'pending']);
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda/${item(conf, 2)}/current`), 201);
      expect(c.agenda.map((a: any) => a.status)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
      expect((await member.post(`/api/conferences/${conf.id}/agenda/${item(conf, 3)}/current`)).status).toBe(403);
      expect((await leader.post(`/api/conferences/${conf.id}/agenda/${MISSING}/current`)).status).toBe(404);
    });

    it('check-in changes the live quorum', async () => {
      let c = await checkInPresent(leader, conf, [unit.dukcq, unit.dukdn, unit.lhp]);
      expect(c.quorum).toEqual({ members: 5, present: 3, needed: 4, met: false, numerator: 2, denominator: 3 });
      expect(await expectStatus(member.get(`/api/conferences/${conf.id}/quorum`), 200)).toEqual(c.quorum);
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unit.hiza}/check-in`, { presence: 'excused', delegateName: '' }), 201);
      expect(c.quorum).toMatchObject({ present: 3, met: false });
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unit.hiza}/check-in`, { presence: 'present', delegateName: 'Đặng Quốc Việt – Trưởng ban' }), 201);
      expect(c.quorum).toMatchObject({ present: 4, needed: 4, met: true });
      expect(c.attendance.find((a: any) => a.unitId === unit.hiza)).toMatchObject({ presence: 'present', delegateName: 'Đặng Quốc Việt – Trưởng ban' });
      c = await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unit.hiza}/check-in`, { presence: 'absent' }), 201);
      expect(c.quorum).toMatchObject({ present: 3, met: false });
      const noName = await leader.post(`/api/conferences/${conf.id}/attendance/${unit.dukdh}/check-in`, { presence: 'present' });
      expect(noName.status).toBe(400);
      expect(noName.body.fields).toHaveProperty('delegateName');
      const bad = await leader.post(`/api/conferences/${conf.id}/attendance/${unit.dukdh}/check-in`, { presence: 'here' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toHaveProperty('presence');
      const notMember = await leader.post(`/api/conferences/${conf.id}/attendance/${await (await ids(t.ds)).unit('Sở Nội vụ')}/check-in`, { presence: 'present', delegateName: 'X' });
      expect(notMember.status).toBe(400);
      expect(notMember.body.fields).toHaveProperty('unitId');
      for (const c2 of [member, memberHead, board, other]) expect((await c2.post(`/api/conferences/${conf.id}/attendance/${unit.lhp}/check-in`, { presence: 'absent' })).status).toBe(403);
      await checkInPresent(leader, conf, [unit.hiza, unit.dukdh]);
      expect((await expectStatus(leader.get(`/api/conferences/${conf.id}/quorum`), 200))).toMatchObject({ present: 5, met: true });
    });

    it('a unit checked in without a name takes the delegate it registered', async () => {
      const c0 = await createConference(leader, y2024, { title: 'Hội nghị thử điểm danh' });
      await expectStatus(memberHead.post(`/api/conferences/${c0.id}/invitations/${unit.lhp}/reply`, { response: 'confirmed', delegate: 'Vũ Đức Thành – Hiệu trưởng' }), 201);
      const c = await expectStatus(leader.post(`/api/conferences/${c0.id}/attendance/${unit.lhp}/check-in`, { presence: 'present' }), 201);
      expect(c.attendance.find((a: any) => a.unitId === unit.lhp)).toMatchObject({ presence: 'present', delegateName: 'Vũ Đức Thành – Hiệu trưởng' });
    });

    it('records conclusions per agenda item; a conclusion needs its text', async () => {
      const empty = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 5), kind: 'conclusion' });
      expect(empty.status).toBe(400);
      expect(empty.body.fields).toHaveProperty('text');
      const foreign = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: MISSING, kind: 'conclusion', text: 'X' });
      expect(foreign.status).toBe(400);
      expect(foreign.body.fields).toHaveProperty('agendaItemId');
      const noRef = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 1), kind: 'adopt_plan' });
      expect(noRef.status).toBe(400);
      expect(noRef.body.fields).toHaveProperty('refId');
      expect((await member.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 5), kind: 'conclusion', text: 'X' })).status).toBe(403);
      expect((await board.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 5), kind: 'conclusion', text: 'X' })).status).toBe(403);
      await expectStatus(leader.patch(`/api/conferences/${conf.id}/agenda/${item(conf, 3)}`, { notes: 'Đồng chí Phó Trưởng Ban biểu dương công tác chuẩn bị của Khối.' }), 200);
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/decisions`, {
        agendaItemId: item(conf, 5), kind: 'conclusion', text: 'Các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối để tổ chức tốt việc phát động phong trào thi đua.',
      }), 201);
      expect(c.decisions).toHaveLength(1);
      expect(c.decisions[0]).toMatchObject({ agendaItemId: item(conf, 5), kind: 'conclusion', refId: null, presentCount: 5, memberCount: 5, quorumMet: true, createdByName: 'Phạm Quang Huy' });
    });

    it('closing drafts the minutes; nothing is decided after the session', async () => {
      expect((await member.post(`/api/conferences/${conf.id}/close`)).status).toBe(403);
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/close`, {}), 201);
      expect(c).toMatchObject({ status: 'concluded', minutesStatus: 'draft' });
      expect(c.closedAt).not.toBeNull();
      expect(c.agenda.map((a: any) => a.status)).not.toContain('current');
      const after = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(conf, 5), kind: 'conclusion', text: 'Muộn' });
      expect(after.status).toBe(409);
      expect(after.body.code).toBe('not_in_session');
      expect(after.body.message).toMatch(/đã kết thúc/);
      expect((await leader.post(`/api/conferences/${conf.id}/attendance/${unit.lhp}/check-in`, { presence: 'absent' })).body.code).toBe('conference_concluded');
      expect((await leader.patch(`/api/conferences/${conf.id}`, { version: c.version, place: 'X' })).body.code).toBe('conference_concluded');
      expect((await leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'X' })).body.code).toBe('conference_concluded');
      const actions = (await auditOf(t.ds, 'conference', conf.id)).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['conference.open', 'conference.agenda_step', 'conference.check_in', 'conference.decide', 'conference.close', 'minutes.draft']));
    });

    describe('minutes', () => {
      let minutes: any;

      it('are drafted with time, place, attendees and delegates, chair, secretary, agenda with decisions and end time', async () => {
        minutes = await expectStatus(member.get(`/api/conferences/${conf.id}/minutes`), 200);
        const c = await expectStatus(leader.get(`/api/conferences/${conf.id}`), 200);
        expect(minutes).toMatchObject({ conferenceId: conf.id, number: '05/BB-KTĐ4', status: 'draft', chairApproval: null, secretaryApproval: null, contentHash: null, version: 1, canEdit: false });
        const m = minutes.content;
        expect(m).toMatchObject({
          title: LAUNCH_TITLE, place: PLACE, startedAt: c.openedAt, endedAt: c.closedAt,
          chair: { person: 'Trịnh Văn Khải – Phó Bí thư Thường trực', unit: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', seat: 'leader' },
          coChair: { person: 'Ngô Văn Bình – Phó Bí thư', unit: 'Đảng ủy Khối Doanh nghiệp Hà Nội', seat: 'deputy' },
          secretary: 'Phạm Quang Huy – Chuyên viên thi đua',
          guests: ['Đồng chí Nguyễn Thị Minh Ngọc – Phó Trưởng Ban Thi đua – Khen thưởng Thành phố'],
          quorum: { members: 5, present: 5, needed: 4, met: true },
        });
        expect(m.attendees).toHaveLength(5);
        expect(m.attendees.every((a: any) => a.presence === 'present' && a.delegate.startsWith('Đại biểu'))).toBe(true);
        expect(m.attendees.map((a: any) => a.unitName)).toContain('Trường Đào tạo cán bộ Lê Hồng Phong');
        expect(m.agenda).toHaveLength(5);
        expect(m.agenda[2].discussion).toBe('Đồng chí Phó Trưởng Ban biểu dương công tác chuẩn bị của Khối.');
        expect(m.agenda[4].decisions).toEqual(['Kết luận: Các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối để tổ chức tốt việc phát động phong trào thi đua.']);
        expect((await expectStatus(leader.get(`/api/conferences/${conf.id}/minutes`), 200)).canEdit).toBe(true);
        expect((await other.get(`/api/conferences/${conf.id}/minutes`)).status).toBe(403);
      });

      it('are edited while draft by the leader with the current version', async () => {
        const { quorum: _q, ...content } = minutes.content;
        const edit = { ...content, agenda: content.agenda.map((a: any, i: number) => (i === 1 ? { ...a, discussion: 'Các đơn vị đóng góp ý kiến vào dự thảo Quy chế.' } : a)) };
        for (const c of [member, memberHead, board, admin, other]) expect((await c.patch(`/api/conferences/${conf.id}/minutes`, { version: 1, content: edit })).status).toBe(403);
        const bad = await leader.patch(`/api/conferences/${conf.id}/minutes`, { version: 1, content: { ...edit, place: '' } });
        expect(bad.status).toBe(400);
        expect(bad.body.fields).toHaveProperty(['content.place']);
        minutes = await expectStatus(leader.patch(`/api/conferences/${conf.id}/minutes`, { version: 1, content: edit }), 200);
        expect(minutes.version).toBe(2);
        expect(minutes.content.agenda[1].discussion).toBe('Các đơn vị đóng góp ý kiến vào dự thảo Quy chế.');
        expect(minutes.content.quorum).toMatchObject({ members: 5, present: 5 });
        const stale = await deputy.patch(`/api/conferences/${conf.id}/minutes`, { version: 1, content: edit });
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe('stale_version');
        expect(stale.body.message).toMatch(/Biên bản/);
      });

      it('an edit after one approval voids it', async () => {
        minutes = await expectStatus(leaderHead.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version }), 201);
        expect(minutes.chairApproval).toMatchObject({ name: 'Trịnh Văn Khải' });
        const { quorum: _q, ...content } = minutes.content;
        minutes = await expectStatus(leader.patch(`/api/conferences/${conf.id}/minutes`, { version: minutes.version, content: { ...content, conclusion: 'Hội nghị thành công tốt đẹp.' } }), 200);
        expect(minutes).toMatchObject({ status: 'draft', chairApproval: null });
      });

      it('are approved by the chair and the secretary they name, two different people, then frozen with a hash', async () => {
        for (const c of [member, memberHead, board, admin, other]) expect((await c.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version })).status).toBe(403);
        expect((await leaderHead.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version - 1 })).body.code).toBe('stale_version');
        minutes = await expectStatus(leaderHead.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version }), 201);
        expect(minutes).toMatchObject({ status: 'draft', chairApproval: { name: 'Trịnh Văn Khải' }, secretaryApproval: null });
        expect((await leaderHead.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version })).body.code).toBe('already_approved');
        // The chair is not the secretary the minutes name: a 403 naming the role.
        const same = await leaderHead.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'secretary', version: minutes.version });
        expect(same.status).toBe(403);
        expect(same.body).toMatchObject({ code: 'not_named_approver', message: expect.stringContaining('thư ký (Phạm Quang Huy)') });
        expect((await leader.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'someone', version: minutes.version })).body.fields).toHaveProperty('as');
        minutes = await expectStatus(leader.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'secretary', version: minutes.version }), 201);
        expect(minutes).toMatchObject({ status: 'approved', secretaryApproval: { name: 'Phạm Quang Huy' }, canEdit: false });
        expect(minutes.chairApproval.at).toBeTruthy();
        expect(minutes.secretaryApproval.at).toBeTruthy();
        const [row] = await t.ds.query('SELECT content FROM conference_minutes WHERE conference_id = $1', [conf.id]);
        expect(minutes.contentHash).toBe(createHash('sha256').update(canonicalJson(row.content)).digest('hex'));

        const { quorum: _q, ...content } = minutes.content;
        const frozen = await leader.patch(`/api/conferences/${conf.id}/minutes`, { version: minutes.version, content });
        expect(frozen.status).toBe(409);
        expect(frozen.body.code).toBe('minutes_frozen');
        expect((await leader.post(`/api/conferences/${conf.id}/minutes/redraft`, { version: minutes.version })).body.code).toBe('minutes_frozen');
        expect((await deputy.post(`/api/conferences/${conf.id}/minutes/approve`, { as: 'chair', version: minutes.version })).body.code).toBe('minutes_frozen');
        const audit = (await auditOf(t.ds, 'conference', conf.id)).filter((a) => a.action === 'minutes.approve');
        expect(audit.at(-1)!.after).toMatchObject({ as: 'secretary', status: 'approved', contentHash: minutes.contentHash });
      });

      it('export as .docx and .pdf (BB) with the place, units and delegates', async () => {
        const docx = await download(member, `/api/conferences/${conf.id}/minutes/export?format=docx`);
        expect(docx.status).toBe(200);
        expect(docx.headers['content-type']).toContain('wordprocessingml');
        // Named after the day the session was held (here: today, when the test opened it).
        expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="bien-ban-hoi-nghi-KTD4-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''bien-ban-hoi-nghi-KT%C4%904-/);
        const text = await docxText(docx.body);
        for (const s of ['BIÊN BẢN', 'KHỐI THI ĐUA SỐ 4', 'Số: 05/BB-KTĐ4', PLACE, 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'Trường Đào tạo cán bộ Lê Hồng Phong',
          'Ban quản lý các khu công nghiệp và chế xuất Hà Nội', 'Trịnh Văn Khải', 'THƯ KÝ', 'Phạm Quang Huy', 'Hội nghị thành công tốt đẹp.', minutes.contentHash]) {
          expect(text).toContain(s);
        }
        const pdf = await download(board, `/api/conferences/${conf.id}/minutes/export?format=pdf`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
        const ptext = flat(await pdfText(pdf.body));
        for (const s of ['BIÊN BẢN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hội trường Đảng ủy Khối các cơ quan Thành phố', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'III. NỘI DUNG HỘI NGHỊ']) {
          expect(ptext).toContain(s);
        }
        expect((await other.get(`/api/conferences/${conf.id}/minutes/export?format=pdf`)).status).toBe(403);
        expect((await member.get(`/api/conferences/${conf.id}/minutes/export?format=odt`)).body.fields).toHaveProperty('format');
      });
    });

    it('a conference not yet closed has no minutes', async () => {
      const c = await createConference(leader, y2024, { title: 'Chưa họp' });
      const res = await member.get(`/api/conferences/${c.id}/minutes`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('minutes_not_drafted');
    });

    it('minutes of a second conference of the year get the next number, and redraft discards edits', async () => {
      const c = await createConference(leader, y2024, { title: 'Hội nghị thứ hai', agenda: [{ title: 'Một mục' }] });
      await expectStatus(leader.post(`/api/conferences/${c.id}/open`), 201);
      await expectStatus(leader.post(`/api/conferences/${c.id}/close`, { conclusion: 'Kết thúc.' }), 201);
      let m = await expectStatus(leader.get(`/api/conferences/${c.id}/minutes`), 200);
      expect(m.number).toBe('06/BB-KTĐ4');
      expect(m.content.conclusion).toBe('Kết thúc.');
      expect(m.content.quorum).toMatchObject({ present: 0, met: false });
      const { quorum: _q, ...content } = m.content;
      m = await expectStatus(leader.patch(`/api/conferences/${c.id}/minutes`, { version: 1, content: { ...content, place: 'Nơi khác' } }), 200);
      expect(m.content.place).toBe('Nơi khác');
      m = await expectStatus(leader.post(`/api/conferences/${c.id}/minutes/redraft`, { version: 2 }), 201);
      expect(m.content.place).toBe(PLACE);
      expect(m.version).toBe(3);
    });
  });

  describe('an archived year', () => {
    it('is read-only: creating or changing its conferences is 409', async () => {
      const { year, units } = await createBlockYear(board, { year: 2023, units: 3 });
      await createAccount(board, { role: 'officer', unitId: units[0].id, email: `truong.${year.id.slice(0, 6)}@thidua.vn`, password: 'MatKhau2025' });
      const l = await t.as(`truong.${year.id.slice(0, 6)}@thidua.vn`, 'MatKhau2025');
      const conf = await createConference(l, year.id, { agenda: [{ title: 'Mục 1' }], chairName: '', coChairName: '', secretaryName: '' });
      expect(conf).toMatchObject({ chairUnitId: units[0].id, coChairUnitId: units[1].id });
      await expectStatus(board.patch(`/api/block-years/${year.id}`, { version: year.version, status: 'archived' }), 200);
      const res = await l.post('/api/conferences', conferenceBody(year.id));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('archived');
      expect(res.body.message).toMatch(/2023 đã lưu trữ/);
      for (const call of [
        l.patch(`/api/conferences/${conf.id}`, { version: conf.version, place: 'X' }),
        l.post(`/api/conferences/${conf.id}/open`),
        l.post(`/api/conferences/${conf.id}/attendance/${units[0].id}/check-in`, { presence: 'present', delegateName: 'X' }),
        l.post(`/api/conferences/${conf.id}/agenda`, { title: 'X' }),
      ]) {
        const r = await call;
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('archived');
      }
      const read = await expectStatus(l.get(`/api/conferences/${conf.id}`), 200);
      expect(read.permissions.canRun).toBe(false);
    });
  });
});
