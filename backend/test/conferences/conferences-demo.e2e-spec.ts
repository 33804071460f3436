import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/common/canonical-json';
import { DEMO_UNITS } from '../../src/database/demo/demo-data';
import { seedStartOfYearDemo } from '../../src/database/demo/start-of-year';
import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { docxText, download, K4, LAUNCH_TITLE, PLACE } from './helpers';

/**
 * The demo story of the seed article: Khối thi đua số 4's launch conference on 26/04/2024 and the planned
 * 2025 one. When the demo loader already seeds conferences this checks them; otherwise it runs
 * `seedStartOfYearDemo` itself (the drafts, covenants and conferences of the start of the year).
 */
describe('conferences demo seed', () => {
  let t: TestApp;
  let leader: Client_, member: Client_, hiza: Client_, board: Client_;
  let y2024: string, y2025: string, launch2024: any;

  beforeAll(async () => {
    t = await createTestApp();
    [leader, member, hiza, board] = await Promise.all([K4.leaderOfficer, K4.lhpOfficer, K4.hizaOfficer, DEMO.board].map((e) => t.as(e)));
    const I = await ids(t.ds);
    y2024 = await I.blockYear('KTĐ4', 2024);
    y2025 = await I.blockYear('KTĐ4', 2025);
    const seeded = (await t.ds.query('SELECT count(*)::int AS n FROM conferences WHERE block_year_id = $1', [y2024]))[0].n > 0;
    if (!seeded) {
      const unitIds = new Map<string, string>();
      for (const key of ['hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh']) unitIds.set(key, await I.unit(DEMO_UNITS.find((u) => u.key === key)!.shortName));
      await t.ds.transaction((em) => seedStartOfYearDemo(em, { unitIds, blockYearIds: { 2024: y2024, 2025: y2025 } }, { now: new Date('2026-11-25T03:00:00Z') }));
    }
    const list = await expectStatus(member.get(`/api/conferences?blockYearId=${y2024}`), 200);
    launch2024 = await expectStatus(member.get(`/api/conferences/${list.find((c: any) => c.title === LAUNCH_TITLE).id}`), 200);
  });
  afterAll(() => t.close());

  it('2024: the launch conference of 26/04/2024, chaired by the leader with the deputy, the board’s representative as guest', async () => {
    expect(launch2024).toMatchObject({
      kind: 'launch', title: LAUNCH_TITLE, place: PLACE, status: 'concluded', startsAt: '2024-04-26T01:00:00.000Z', openedAt: '2024-04-26T01:00:00.000Z',
      chairUnitName: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', coChairUnitName: 'Đảng ủy Khối Doanh nghiệp Hà Nội', minutesStatus: 'approved',
      quorum: { members: 5, present: 5, needed: 4, met: true },
    });
    expect(launch2024.guests).toEqual([expect.objectContaining({ title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố' })]);
    expect(launch2024.agenda.map((a: any) => a.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(launch2024.agenda[0].title).toMatch(/báo cáo dự thảo Kế hoạch/);
    expect(launch2024.agenda[1].title).toMatch(/dự thảo Quy chế/);
    expect(launch2024.agenda[2].title).toMatch(/Ban Thi đua – Khen thưởng Thành phố phát biểu/);
    expect(launch2024.agenda[3].title).toMatch(/Ký kết Giao ước/);
    expect(launch2024.agenda.map((a: any) => a.materialKind)).toEqual(['plan_version', 'rules_version', null, 'covenant', null]);
    expect(launch2024.attendance.every((a: any) => a.presence === 'present' && a.rsvp === 'confirmed' && a.delegateName)).toBe(true);
    expect(launch2024.decisions.map((d: any) => d.kind)).toEqual(['adopt_plan', 'adopt_rules', 'open_signing', 'conclusion']);
    expect(launch2024.decisions.every((d: any) => d.presentCount === 5 && d.quorumMet)).toBe(true);
    const links = await t.ds.query(
      `SELECT adopted_conference_id AS c FROM draft_versions WHERE id = ANY($1::uuid[]) UNION ALL SELECT opened_conference_id FROM covenants WHERE id = $2`,
      [[launch2024.decisions[0].refId, launch2024.decisions[1].refId], launch2024.decisions[2].refId]);
    expect(links.map((l: any) => l.c)).toEqual([launch2024.id, launch2024.id, launch2024.id]);
    // Run through the use cases, as the secretary ran it: the adoptions and the opening are the decisions' own effects.
    const secretary = (await t.ds.query('SELECT id FROM accounts WHERE email = $1', [K4.leaderOfficer]))[0].id;
    const steps = (await auditOf(t.ds, 'conference', launch2024.id)).map((a) => a.action);
    expect(steps).toEqual(expect.arrayContaining(['conference.create', 'conference.check_in', 'conference.open', 'conference.decide', 'conference.agenda_step', 'conference.close', 'minutes.draft', 'minutes.approve']));
    for (const [type, id, action] of [['draft_version', launch2024.decisions[0].refId, 'draft_version.adopt'], ['draft_version', launch2024.decisions[1].refId, 'draft_version.adopt'], ['covenant', launch2024.decisions[2].refId, 'covenant.open_signing']]) {
      expect((await auditOf(t.ds, type, id)).filter((a) => a.action === action).map((a) => [a.after.conferenceId, a.actor_id])).toEqual([[launch2024.id, secretary]]);
    }
    expect(launch2024.decisions[3].text).toContain('phong trào thi đua phải có trọng tâm, trọng điểm; nội dung thiết thực, với các tiêu chí cụ thể, rõ ràng, tránh phô trương, hình thức');
  });

  it('2024: the minutes are approved by chair and secretary and frozen with the hash of their content', async () => {
    const m = await expectStatus(member.get(`/api/conferences/${launch2024.id}/minutes`), 200);
    expect(m).toMatchObject({ number: '01/BB-KTĐ4', status: 'approved', chairApproval: { name: 'Trịnh Văn Khải' }, secretaryApproval: { name: 'Phạm Quang Huy' } });
    expect(m.contentHash).toBe(createHash('sha256').update(canonicalJson(m.content)).digest('hex'));
    expect(m.content.attendees).toHaveLength(5);
    expect(m.content.endedAt).toBe('2024-04-26T03:30:00.000Z');
    const { quorum: _q, ...content } = m.content;
    expect((await leader.patch(`/api/conferences/${launch2024.id}/minutes`, { version: m.version, content })).body.code).toBe('minutes_frozen');
    const text = await docxText((await download(board, `/api/conferences/${launch2024.id}/minutes/export?format=docx`)).body);
    for (const s of ['BIÊN BẢN', 'Số: 01/BB-KTĐ4', 'Hà Nội, ngày 26 tháng 4 năm 2024', PLACE, 'bắt đầu lúc 08 giờ 00 phút, ngày 26 tháng 4 năm 2024', 'Trường Đào tạo cán bộ Lê Hồng Phong',
      'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội', 'Hội nghị kết thúc lúc 10 giờ 30 phút cùng ngày', m.contentHash]) {
      expect(text).toContain(s);
    }
  });

  it('2025: a planned launch conference, every unit invited and two confirmed', async () => {
    const lhp = (await expectStatus(member.get('/api/conferences/upcoming'), 200)).find((c: any) => c.blockYearId === y2025);
    expect(lhp).toMatchObject({ kind: 'launch', status: 'planned', myRsvp: 'confirmed', confirmedCount: 2, memberCount: 5 });
    expect(new Date(lhp.startsAt).getTime()).toBeGreaterThan(new Date('2026-11-25T03:00:00Z').getTime());
    const hz = (await expectStatus(hiza.get('/api/conferences/upcoming'), 200)).find((c: any) => c.blockYearId === y2025);
    expect(hz).toMatchObject({ myRsvp: 'pending' });
    const conf = await expectStatus(member.get(`/api/conferences/${lhp.id}`), 200);
    expect(conf.chairUnitName).toBe('Đảng ủy Khối Doanh nghiệp Hà Nội');
    expect(conf.coChairUnitName).toBe('Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội');
    expect(conf.attendance.filter((a: any) => a.rsvp === 'confirmed').map((a: any) => a.unitName).sort())
      .toEqual(['Trường Đào tạo cán bộ Lê Hồng Phong', 'Đảng ủy Khối Doanh nghiệp Hà Nội']);
    expect(conf.permissions).toEqual({ canRun: false, canReplyForUnitId: conf.attendance.find((a: any) => a.unitName === 'Trường Đào tạo cán bộ Lê Hồng Phong').unitId });
  });

  it('keeps the audit chain intact', async () => {
    expect(await expectStatus(board.get('/api/audit/verify'), 200)).toMatchObject({ ok: true });
  });
});
