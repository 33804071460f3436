import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { createAccount, createBlockYear, expectStatus, failAuditFor, uniq } from '../factories';
import { checkInPresent, conferenceBody, createConference } from './helpers';

/**
 * Decisions that adopt the plan and the rules and open the covenant's signing: they need the quorum of the
 * year's rule set and material of the same block year. Runs on fresh five-unit block years so it does not
 * depend on the demo's drafts.
 */
describe('conference decisions', () => {
  let t: TestApp;
  let board: Client_, leader: Client_, otherLeader: Client_, member: Client_;
  let year: any, units: any[], otherYear: any;
  let planVersionId: string, rulesVersionId: string, otherPlanVersionId: string, covenantId: string, otherCovenantId: string;

  async function leaderOf(unitId: string, role = 'officer'): Promise<Client_> {
    const email = `nguoi.${uniq()}@thidua.vn`;
    await createAccount(board, { role, unitId, email, password: 'MatKhau2025' });
    return t.as(email, 'MatKhau2025');
  }

  beforeAll(async () => {
    t = await createTestApp();
    board = await t.as(DEMO.board);
    ({ year, units } = await createBlockYear(board, { year: 2024, units: 5 }));
    ({ year: otherYear } = await createBlockYear(board, { year: 2024, units: 3 }));
    leader = await leaderOf(units[0].id);
    member = await leaderOf(units[3].id);
    otherLeader = await leaderOf(otherYear.leaderUnitId);
    const plan = await expectStatus(leader.post('/api/drafts', { blockYearId: year.id, kind: 'plan' }), 201);
    const rules = await expectStatus(leader.post('/api/drafts', { blockYearId: year.id, kind: 'rules' }), 201);
    const otherPlan = await expectStatus(otherLeader.post('/api/drafts', { blockYearId: otherYear.id, kind: 'plan' }), 201);
    [planVersionId, rulesVersionId, otherPlanVersionId] = [plan.latestVersionId, rules.latestVersionId, otherPlan.latestVersionId];
    covenantId = (await expectStatus(leader.post('/api/covenants', { blockYearId: year.id }), 201)).id;
    otherCovenantId = (await expectStatus(otherLeader.post('/api/covenants', { blockYearId: otherYear.id }), 201)).id;
  });
  afterAll(() => t.close());

  const versionStatus = async (id: string) => (await t.ds.query('SELECT status, adopted_conference_id FROM draft_versions WHERE id = $1', [id]))[0];
  const covenantStatus = async (id: string) => (await t.ds.query('SELECT status FROM covenants WHERE id = $1', [id]))[0].status;

  describe('agenda material', () => {
    it('links the year’s plan and rules versions and shows their titles', async () => {
      const conf = await createConference(leader, year.id, {
        agenda: [
          { title: 'Báo cáo dự thảo Kế hoạch', materialKind: 'plan_version', materialId: planVersionId },
          { title: 'Thảo luận dự thảo Quy chế', materialKind: 'rules_version', materialId: rulesVersionId },
          { title: 'Ký kết giao ước', materialKind: 'covenant', materialId: covenantId },
        ],
      });
      expect(conf.agenda[2].materialTitle).toMatch(/Giao ước thi đua/);
      expect(conf.agenda[0]).toMatchObject({ materialKind: 'plan_version', materialId: planVersionId });
      expect(conf.agenda[0].materialTitle).toMatch(/Kế hoạch.*phiên bản 1/);
      expect(conf.agenda[1].materialTitle).toMatch(/Quy chế.*phiên bản 1/);
    });

    it('refuses another block’s documents, a wrong kind or an unknown id with a 400 naming the field', async () => {
      let res = await leader.post('/api/conferences', conferenceBody(year.id, { agenda: [{ title: 'X', materialKind: 'plan_version', materialId: otherPlanVersionId }] }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('material_other_year');
      expect(res.body.fields).toHaveProperty(['agenda[0].materialId']);
      expect(res.body.message).toMatch(/khối hoặc năm thi đua khác/);
      const conf = await createConference(leader, year.id, { agenda: [] });
      res = await leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'X', materialKind: 'plan_version', materialId: otherPlanVersionId });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('materialId');
      res = await leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'X', materialKind: 'plan_version', materialId: rulesVersionId });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ materialId: 'không phải một phiên bản kế hoạch hoạt động có trong hệ thống' });
      res = await leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'X', materialKind: 'rules_version', materialId: '00000000-0000-4000-8000-000000000000' });
      expect(res.status).toBe(400);
      res = await leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'X', materialKind: 'covenant', materialId: otherCovenantId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('material_other_year');
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/agenda`, { title: 'Kế hoạch', materialKind: 'plan_version', materialId: planVersionId }), 201);
      res = await leader.patch(`/api/conferences/${conf.id}/agenda/${c.agenda[0].id}`, { materialId: otherPlanVersionId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('material_other_year');
    });
  });

  describe('in session', () => {
    let conf: any;
    const item = (n: number) => conf.agenda[n - 1].id;

    beforeAll(async () => {
      conf = await createConference(leader, year.id, {
        agenda: [
          { title: 'Báo cáo dự thảo Kế hoạch hoạt động', materialKind: 'plan_version', materialId: planVersionId },
          { title: 'Thảo luận, đóng góp dự thảo Quy chế', materialKind: 'rules_version', materialId: rulesVersionId },
          { title: 'Kết luận', presenter: 'Khối trưởng' },
          { title: 'Ký kết Giao ước thi đua', presenter: 'Thủ trưởng các đơn vị', materialKind: 'covenant', materialId: covenantId },
        ],
      });
    });

    it('refuses to adopt before the session opens', async () => {
      const res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(1), kind: 'adopt_plan' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('not_in_session');
      expect((await versionStatus(planVersionId)).status).toBe('draft');
    });

    it('with 3 of 5 units present, adopting is refused with the numbers; a conclusion is not', async () => {
      await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
      const c = await checkInPresent(leader, conf, units.slice(0, 3).map((u) => u.id));
      expect(c.quorum).toMatchObject({ members: 5, present: 3, needed: 4, met: false });
      for (const [kind, n] of [['adopt_plan', 1], ['adopt_rules', 2], ['open_signing', 4]] as const) {
        const res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(n), kind });
        expect(res.status).toBe(409);
        expect(res.body).toEqual({ statusCode: 409, code: 'no_quorum', message: 'Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3)' });
      }
      expect((await versionStatus(planVersionId)).status).toBe('draft');
      expect((await versionStatus(rulesVersionId)).status).toBe('draft');
      expect(await covenantStatus(covenantId)).toBe('draft');
      const after = await expectStatus(leader.get(`/api/conferences/${conf.id}`), 200);
      expect(after.decisions).toEqual([]);
      const concl = await expectStatus(leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(3), kind: 'conclusion', text: 'Tạm dừng chờ đủ đại biểu.' }), 201);
      expect(concl.decisions[0]).toMatchObject({ kind: 'conclusion', presentCount: 3, memberCount: 5, quorumMet: false });
    });

    it('members and the board may not decide', async () => {
      for (const c of [member, board, otherLeader]) {
        const res = await c.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(1), kind: 'adopt_plan' });
        expect(res.status).toBe(403);
      }
    });

    it('with 4 of 5 present the plan is adopted through the drafts module, in the same transaction', async () => {
      const c0 = await checkInPresent(leader, conf, [units[3].id]);
      expect(c0.quorum).toMatchObject({ present: 4, needed: 4, met: true });
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(1), kind: 'adopt_plan' }), 201);
      const d = c.decisions.find((x: any) => x.kind === 'adopt_plan');
      expect(d).toMatchObject({ agendaItemId: item(1), refId: planVersionId, presentCount: 4, memberCount: 5, quorumMet: true });
      expect(d.text).toMatch(/^Hội nghị thống nhất thông qua Kế hoạch/);
      expect(await versionStatus(planVersionId)).toEqual({ status: 'adopted', adopted_conference_id: conf.id });
      const again = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(1), kind: 'adopt_plan' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_decided');
    });

    it('refuses the wrong kind or another block’s version as the decision’s reference', async () => {
      let res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(2), kind: 'adopt_rules', refId: otherPlanVersionId });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('refId');
      res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(2), kind: 'adopt_plan', refId: rulesVersionId });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('refId');
      res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(3), kind: 'adopt_rules' });
      expect(res.status).toBe(400);
      expect(res.body.fields.refId).toMatch(/chưa gắn một phiên bản quy chế/);
    });

    it('when the adoption itself fails, no decision is recorded', async () => {
      // Another conference of the year tries to adopt the version this one already adopted.
      const c2 = await createConference(leader, year.id, { agenda: [{ title: 'Kế hoạch', materialKind: 'plan_version', materialId: planVersionId }] });
      await expectStatus(leader.post(`/api/conferences/${c2.id}/open`), 201);
      await checkInPresent(leader, c2, units.slice(0, 4).map((u) => u.id));
      const res = await leader.post(`/api/conferences/${c2.id}/decisions`, { agendaItemId: c2.agenda[0].id, kind: 'adopt_plan' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('already_adopted');
      expect((await t.ds.query('SELECT count(*)::int AS n FROM conference_decisions WHERE conference_id = $1', [c2.id]))[0].n).toBe(0);
      expect(await versionStatus(planVersionId)).toEqual({ status: 'adopted', adopted_conference_id: conf.id });
    });

    it('opens the covenant’s signing through the covenants module; another block’s covenant is refused', async () => {
      const foreign = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(4), kind: 'open_signing', refId: otherCovenantId });
      expect(foreign.status).toBe(400);
      expect(foreign.body.code).toBe('material_other_year');
      expect(await covenantStatus(otherCovenantId)).toBe('draft');
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(4), kind: 'open_signing' }), 201);
      expect(c.decisions.find((d: any) => d.kind === 'open_signing')).toMatchObject({ refId: covenantId, presentCount: 4, quorumMet: true });
      expect(c.decisions.find((d: any) => d.kind === 'open_signing').text).toMatch(/^Hội nghị thống nhất nội dung và tiến hành ký kết Giao ước thi đua/);
      expect(await covenantStatus(covenantId)).toBe('signing');
    });

    it('the decision, the adoption and their audit entry commit or fail together', async () => {
      const undo = await failAuditFor(t.ds, 'conference.decide');
      try {
        const res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(2), kind: 'adopt_rules' });
        expect(res.status).toBe(500);
      } finally {
        await undo();
      }
      expect((await versionStatus(rulesVersionId)).status).toBe('draft');
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM conference_decisions WHERE conference_id = $1 AND kind = 'adopt_rules'`, [conf.id]))[0].n).toBe(0);
    });

    it('adopts the rules with an explicit text and puts both decisions in the minutes', async () => {
      const c = await expectStatus(leader.post(`/api/conferences/${conf.id}/decisions`, {
        agendaItemId: item(2), kind: 'adopt_rules', refId: rulesVersionId, text: 'Hội nghị biểu quyết thông qua Quy chế hoạt động và bình xét thi đua năm 2024',
      }), 201);
      expect(c.decisions.map((d: any) => d.kind)).toEqual(['conclusion', 'adopt_plan', 'open_signing', 'adopt_rules']);
      expect((await versionStatus(rulesVersionId)).status).toBe('adopted');
      await expectStatus(leader.post(`/api/conferences/${conf.id}/close`, {}), 201);
      const m = await expectStatus(member.get(`/api/conferences/${conf.id}/minutes`), 200);
      expect(m.content.agenda[0].material).toMatch(/Kế hoạch/);
      expect(m.content.agenda[0].decisions[0]).toMatch(/^Hội nghị thống nhất thông qua Kế hoạch.*\(Có 4\/5 đơn vị thành viên có mặt khi biểu quyết\.\)$/);
      expect(m.content.agenda[1].decisions).toEqual(['Hội nghị biểu quyết thông qua Quy chế hoạt động và bình xét thi đua năm 2024. (Có 4/5 đơn vị thành viên có mặt khi biểu quyết.)']);
      expect(m.content.agenda[2].decisions).toEqual(['Kết luận: Tạm dừng chờ đủ đại biểu.']);
      expect(m.content.agenda[3].material).toMatch(/Giao ước thi đua/);
      expect(m.content.agenda[3].decisions[0]).toMatch(/ký kết Giao ước thi đua.*\(Có 4\/5 đơn vị/);
      expect(m.content.quorum).toMatchObject({ present: 4, members: 5, met: true });
    });

    it('a decision on a concluded conference is refused', async () => {
      const res = await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item(3), kind: 'conclusion', text: 'X' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('not_in_session');
    });
  });
});
