import { createTestApp, TestApp, type Client_ } from '../app';
import { auditOf, expectStatus } from '../factories';
import type { OpenRound } from '../rounds/helpers';
import { K4, k4Ids } from '../scoring/helpers';
import { AwardsService } from '../../src/modules/awards/awards.service';
import { finalisedYear } from './helpers';

const UBND = 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm';
const TTLDXS = 'Tập thể lao động xuất sắc';

/**
 * Award history: manual entries by the board, who may read a unit's history, bonuses for the next year, and
 * revocation rippling to everything derived (bonuses, eligibility, active awards), audited.
 */
describe('award history, bonuses and revocation', () => {
  let t: TestApp;
  let r: OpenRound;
  let board: Client_;
  const award = (unitId: string, over: object = {}) => ({ unitId, year: 2023, code: 'city_flag', decisionNumber: '1234/QĐ-UBND', decisionDate: '2024-03-15', signer: UBND, ...over });
  const bonuses = async () => expectStatus(board.get(`/api/block-years/${r.yearId}/award-bonuses`), 200);
  const bonusOf = (b: any, unitId: string) => b.units.find((u: any) => u.unitId === unitId);

  beforeAll(async () => {
    t = await createTestApp();
    r = await finalisedYear(t);
    board = await t.as(K4.board);
  });
  afterAll(() => t.close());

  it('lets the board enter an award of an earlier year, audited; others get 403', async () => {
    for (const email of [r.acc.dukcq.officer, r.acc.dukcq.head, K4.leader2024]) {
      expect((await (await t.as(email)).post('/api/award-history', award(r.ids.dukcq))).status).toBe(403);
    }
    const rec = await expectStatus(board.post('/api/award-history', { ...award(r.ids.dukcq), note: 'Theo hồ sơ lưu trữ' }), 201);
    expect(rec).toMatchObject({
      unitId: r.ids.dukcq, year: 2023, code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', decisionNumber: '1234/QĐ-UBND', decisionDate: '2024-03-15',
      signer: UBND, source: 'manual', proposalId: null, revokedAt: null, note: 'Theo hồ sơ lưu trữ', recordedByName: 'Lê Thu Trang',
    });
    const [entry] = await auditOf(t.ds, 'award_history', rec.id);
    expect(entry).toMatchObject({ action: 'award.record', after: { unitId: r.ids.dukcq, year: 2023, code: 'city_flag', decisionNumber: '1234/QĐ-UBND', source: 'manual' } });
    expect(await t.ds.query('SELECT count(*)::int AS n FROM award_history WHERE unit_id = $1', [r.ids.dukcq])).toEqual([{ n: 1 }]);
  });

  it('refuses bad entries with a clear message, storing nothing', async () => {
    const cases: [object, number, string | RegExp][] = [
      [{ decisionDate: '2022-12-31' }, 400, /decisionDate/],
      [{ decisionDate: '2999-01-01' }, 400, /decisionDate/],
      [{ decisionDate: '15/03/2024' }, 400, /decisionDate/],
      [{ signer: '  ' }, 400, /signer/],
      [{ decisionNumber: '' }, 400, /decisionNumber/],
      [{ year: 1999 }, 400, /year/],
      [{ code: 'golden_star' }, 404, 'award_not_found'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 404, 'unit_not_found'],
      [{}, 409, 'award_exists'],
    ];
    for (const [over, status, what] of cases) {
      const res = await board.post('/api/award-history', award(r.ids.dukcq, over));
      expect(res.status).toBe(status);
      if (typeof what === 'string') expect(res.body.code).toBe(what);
      else expect(res.body.message).toMatch(what);
    }
    const dup = await board.post('/api/award-history', award(r.ids.dukcq));
    expect(dup.body.message).toBe(`${(await t.ds.query('SELECT name FROM units WHERE id = $1', [r.ids.dukcq]))[0].name} đã được tặng Cờ thi đua của UBND Thành phố năm 2023 (Quyết định số 1234/QĐ-UBND ngày 15/03/2024).`);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM award_history WHERE unit_id = $1', [r.ids.dukcq])).toEqual([{ n: 1 }]);
  });

  it('gives next year\'s bonus points per member unit from the active awards of the year before, as the catalogue sets them', async () => {
    await expectStatus(board.post('/api/award-history', award(r.ids.dukcq, { code: 'city_merit', decisionNumber: '1235/QĐ-UBND' })), 201);
    await expectStatus(board.post('/api/award-history', award(r.ids.lhp, { code: 'city_merit', decisionNumber: '1235/QĐ-UBND' })), 201);
    // An award of 2022 gives nothing in 2024.
    await expectStatus(board.post('/api/award-history', award(r.ids.hiza, { year: 2022, decisionDate: '2023-03-10', decisionNumber: '1052/QĐ-UBND' })), 201);
    const b = await bonuses();
    expect(b).toMatchObject({ blockYearId: r.yearId, year: 2024, fromYear: 2023 });
    expect(b.units).toHaveLength(5);
    expect(bonusOf(b, r.ids.dukcq)).toMatchObject({ total: 15 });
    expect(bonusOf(b, r.ids.dukcq).awards.map((a: any) => [a.code, a.bonusPoints, a.decisionNumber])).toEqual([['city_flag', 10, '1234/QĐ-UBND'], ['city_merit', 5, '1235/QĐ-UBND']]);
    expect(bonusOf(b, r.ids.lhp).total).toBe(5);
    expect(bonusOf(b, r.ids.hiza)).toMatchObject({ total: 0, awards: [] });
    // The board changes the 2023 catalogue's bonus for the city flag: next year's bonus follows.
    const flag2023 = (await expectStatus(board.get('/api/awards/catalogue?year=2023'), 200)).find((a: any) => a.code === 'city_flag');
    await expectStatus(board.patch(`/api/awards/catalogue/${flag2023.id}`, { version: flag2023.version, bonusPoints: 8 }), 200);
    expect(bonusOf(await bonuses(), r.ids.dukcq).total).toBe(13);
    // The service gives the same to the next year's scoring.
    const svc = t.app.get(AwardsService);
    expect(bonusOf(await svc.bonusesFor(t.ds.manager, r.yearId), r.ids.dukcq).total).toBe(13);
    // Read by the block's members and the board only.
    expect((await (await t.as(r.acc.dukdh.officer)).get(`/api/block-years/${r.yearId}/award-bonuses`)).status).toBe(200);
    expect((await (await t.as(K4.otherBlock)).get(`/api/block-years/${r.yearId}/award-bonuses`)).status).toBe(403);
  });

  it('shows a unit\'s history to the unit, the units of its block and the board; not to other blocks', async () => {
    const url = `/api/units/${r.ids.dukcq}/awards`;
    for (const email of [r.acc.dukcq.officer, r.acc.dukcq.head, r.acc.dukdh.officer, K4.admin]) {
      expect((await expectStatus((await t.as(email)).get(url), 200)).map((a: any) => a.code).sort()).toEqual(['city_flag', 'city_merit']);
    }
    expect(await expectStatus(board.get(url), 200)).toHaveLength(2);
    // The unit's officer and head open its awards page (menu "Khen thưởng của đơn vị"): the unit, history, titles, flags.
    const title = await expectStatus(board.post('/api/unit-titles', { unitId: r.ids.dukcq, year: 2022, title: 'Danh hiệu thử của đơn vị' }), 201);
    for (const email of [r.acc.dukcq.officer, r.acc.dukcq.head]) {
      const own = await t.as(email);
      expect((await expectStatus(own.get(`/api/units/${r.ids.dukcq}`), 200)).id).toBe(r.ids.dukcq);
      expect((await expectStatus(own.get(`/api/unit-titles?unitId=${r.ids.dukcq}`), 200)).map((x: any) => x.id)).toEqual([title.id]);
      expect(await expectStatus(own.get(`/api/discipline-flags?unitId=${r.ids.dukcq}`), 200)).toEqual([]);
    }
    for (const email of [K4.lhpOfficer, K4.otherBlock]) {
      const res = await (await t.as(email)).get(url);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/cùng khối/);
    }
    // The demo's blocks: Khối 4's units see each other; a unit of Khối 1 does not see them.
    const k4 = await k4Ids(t);
    expect((await (await t.as(K4.lhpOfficer)).get(`/api/units/${k4.dukcq}/awards`)).status).toBe(200);
    expect((await (await t.as(K4.otherBlock)).get(`/api/units/${k4.dukcq}/awards`)).status).toBe(403);
    expect((await board.get('/api/units/00000000-0000-4000-8000-000000000000/awards')).status).toBe(404);
    // The list endpoint keeps to the same scope.
    const listed = await expectStatus((await t.as(r.acc.lhp.officer)).get('/api/award-history?year=2023'), 200);
    expect(new Set(listed.map((a: any) => a.unitId))).toEqual(new Set([r.ids.dukcq, r.ids.lhp]));
    expect((await (await t.as(K4.otherBlock)).get(`/api/award-history?blockYearId=${r.yearId}`)).status).toBe(403);
    expect(await expectStatus(board.get(`/api/award-history?blockYearId=${r.yearId}&code=city_merit`), 200)).toHaveLength(2);
  });

  it('revocation by the board: marked in the history, audited, never counted again — bonuses, active awards, eligibility', async () => {
    // The board makes the 2024 Government flag require the city flag of the same year.
    const gov = (await expectStatus(board.get('/api/awards/catalogue?year=2024'), 200)).find((a: any) => a.code === 'gov_flag');
    await expectStatus(board.patch(`/api/awards/catalogue/${gov.id}`, { version: gov.version, gates: { topN: { kind: 'count', value: 1 }, requiredTitle: 'Cờ thi đua của UBND Thành phố' } }), 200);
    const before = await expectStatus(board.get(`/api/block-years/${r.yearId}/eligibility?award=gov_flag`), 200);
    expect(before.units[0]).toMatchObject({ unitId: r.ids.dukcq, eligible: false, reasons: ['Chưa có danh hiệu "Cờ thi đua của UBND Thành phố"'] });
    const flag2024 = await expectStatus(board.post('/api/award-history', award(r.ids.dukcq, { year: 2024, decisionNumber: '456/QĐ-UBND', decisionDate: '2025-02-20' })), 201);
    expect((await expectStatus(board.get(`/api/block-years/${r.yearId}/eligibility?award=gov_flag`), 200)).units[0]).toMatchObject({ eligible: true, reasons: [] });

    const [flag2023] = await expectStatus(board.get(`/api/award-history?unitId=${r.ids.dukcq}&year=2023&code=city_flag`), 200);
    const body = { reason: 'Kê khai không trung thực thành tích năm 2023', decisionNumber: '2345/QĐ-UBND', decisionDate: '2025-06-02' };
    for (const email of [r.acc.dukcq.officer, r.acc.dukcq.head, K4.leader2024]) expect((await (await t.as(email)).post(`/api/award-history/${flag2023.id}/revoke`, body)).status).toBe(403);
    expect((await board.post(`/api/award-history/${flag2023.id}/revoke`, { ...body, reason: '' })).body.fields).toHaveProperty('reason');
    expect((await board.post(`/api/award-history/${flag2023.id}/revoke`, { reason: body.reason })).body.fields).toHaveProperty('decisionNumber');
    expect((await board.post(`/api/award-history/${flag2023.id}/revoke`, { ...body, decisionDate: '2024-03-01' })).body.fields.decisionDate).toMatch(/15\/03\/2024/);
    expect((await t.ds.query('SELECT revoked_at FROM award_history WHERE id = $1', [flag2023.id]))[0].revoked_at).toBeNull();

    const revoked = await expectStatus(board.post(`/api/award-history/${flag2023.id}/revoke`, body), 200);
    expect(revoked).toMatchObject({ id: flag2023.id, revocationReason: body.reason, revocationDecisionNumber: '2345/QĐ-UBND', revocationDecisionDate: '2025-06-02' });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const audit = (await auditOf(t.ds, 'award_history', flag2023.id)).find((a) => a.action === 'award.revoke')!;
    expect(audit).toMatchObject({ reason: body.reason, before: { revokedAt: null, code: 'city_flag', year: 2023, decisionNumber: '1234/QĐ-UBND' }, after: { revoked: true, revocationDecisionNumber: '2345/QĐ-UBND', bonusWithdrawn: { year: 2024, points: 8 } } });
    const again = await board.post(`/api/award-history/${flag2023.id}/revoke`, body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_revoked' });

    // Bonuses: only the city merit is left.
    expect(bonusOf(await bonuses(), r.ids.dukcq)).toMatchObject({ total: 5 });
    // History keeps it, marked; the active list and the service's activeAwards no longer have it.
    const hist = await expectStatus(board.get(`/api/units/${r.ids.dukcq}/awards`), 200);
    expect(hist.find((a: any) => a.id === flag2023.id).revokedAt).not.toBeNull();
    expect((await expectStatus(board.get(`/api/award-history?unitId=${r.ids.dukcq}&includeRevoked=false`), 200)).map((a: any) => a.id)).not.toContain(flag2023.id);
    const svc = t.app.get(AwardsService);
    expect((await svc.activeAwards(t.ds.manager, { unitIds: [r.ids.dukcq] })).map((a) => a.id).sort()).toEqual(
      hist.filter((a: any) => a.id !== flag2023.id).map((a: any) => a.id).sort());

    // Revoking the 2024 city flag: the Government flag's gate fails again.
    await expectStatus(board.post(`/api/award-history/${flag2024.id}/revoke`, { reason: 'Thu hồi theo kết luận thanh tra', decisionNumber: '2346/QĐ-UBND' }), 200);
    expect((await expectStatus(board.get(`/api/block-years/${r.yearId}/eligibility?award=gov_flag`), 200)).units[0]).toMatchObject({ eligible: false, reasons: ['Chưa có danh hiệu "Cờ thi đua của UBND Thành phố"'] });

    // A later decision may award it again; the revoked row stays as it was.
    const renewed = await expectStatus(board.post('/api/award-history', award(r.ids.dukcq, { year: 2024, decisionNumber: '789/QĐ-UBND', decisionDate: '2025-07-01' })), 201);
    expect(renewed.revokedAt).toBeNull();
    expect(await t.ds.query(`SELECT decision_number, revoked_at IS NOT NULL AS revoked FROM award_history WHERE unit_id = $1 AND year = 2024 ORDER BY recorded_at`, [r.ids.dukcq]))
      .toEqual([{ decision_number: '456/QĐ-UBND', revoked: true }, { decision_number: '789/QĐ-UBND', revoked: false }]);
  });

  it('keeps history rows as records: the database refuses rewriting, deleting or un-revoking them', async () => {
    const [row] = await t.ds.query(`SELECT id FROM award_history WHERE unit_id = $1 AND revoked_at IS NULL LIMIT 1`, [r.ids.dukcq]);
    const [rev] = await t.ds.query(`SELECT id FROM award_history WHERE revoked_at IS NOT NULL LIMIT 1`);
    await expect(t.ds.query(`UPDATE award_history SET decision_number = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/records/);
    await expect(t.ds.query(`DELETE FROM award_history WHERE id = $1`, [row.id])).rejects.toThrow(/records/);
    await expect(t.ds.query(`UPDATE award_history SET revoked_at = NULL, revocation_reason = NULL, revocation_decision_number = NULL, revocation_decision_date = NULL, revoked_by = NULL WHERE id = $1`, [rev.id])).rejects.toThrow(/records/);
    await expect(t.ds.query(`UPDATE award_history SET revoked_at = now() WHERE id = $1`, [row.id])).rejects.toThrow(/ck_award_history_revocation/);
    await expect(t.ds.query(`INSERT INTO award_history (unit_id, year, award_type_id, code, award_name, decision_number, decision_date, signer, source, version)
      SELECT unit_id, year, award_type_id, code, award_name, 'khác', decision_date, signer, 'manual', 1 FROM award_history WHERE id = $1`, [row.id])).rejects.toThrow(/uq_award_history_active/);
  });

  it('a title for a year counts only that year', async () => {
    await expectStatus(board.post('/api/unit-titles', { unitId: r.ids.dukdn, year: 2023, title: TTLDXS }), 201);
    const report = await expectStatus(board.get(`/api/block-years/${r.yearId}/eligibility?award=city_flag`), 200);
    expect(report.units.find((u: any) => u.unitId === r.ids.dukdn).reasons).toContain(`Chưa có danh hiệu "${TTLDXS}"`);
  });
});
