/**
 * Awards score themselves: the city flag a unit of Khối thi đua số 4 received for 2024 (decision 512/QĐ-UBND,
 * demo) puts its bonus points into the bonus criterion of every 2025 round, with the decision shown; the
 * unit does not declare it (a count typed for it does not count), and it leaves when the award is revoked.
 */
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { K4, putter } from '../scoring/helpers';

let t: TestApp;
let roundId: string;
let flag: { id: string; unit_id: string; decision_number: string; bonus: number };
let other: { unit_id: string; email: string };

const LEADER_2025 = 'canbo.dukdn@thidua.vn';
const rowOf = (ranking: any, unitId: string) => ranking.rows.find((r: any) => r.unitId === unitId);

beforeAll(async () => {
  t = await createTestApp();
  const [y] = await t.ds.query(`SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = 2025`);
  [{ id: roundId }] = await t.ds.query(`SELECT id FROM scoring_rounds WHERE block_year_id = $1 AND kind = 'mid_year'`, [y.id]);
  [flag] = await t.ds.query(
    `SELECT h.id, h.unit_id, h.decision_number, t.bonus_points::float8 AS bonus FROM award_history h JOIN award_types t ON t.id = h.award_type_id
     JOIN block_year_members m ON m.unit_id = h.unit_id AND m.block_year_id = $1
     WHERE h.year = 2024 AND h.code = 'city_flag' AND h.revoked_at IS NULL`, [y.id]);
  // A member without a 2024 award, with an officer to fill its form.
  [other] = await t.ds.query(
    `SELECT m.unit_id, a.email FROM block_year_members m JOIN accounts a ON a.unit_id = m.unit_id AND a.role = 'officer'
     WHERE m.block_year_id = $1 AND NOT EXISTS (SELECT 1 FROM award_history h WHERE h.unit_id = m.unit_id AND h.year = 2024 AND h.revoked_at IS NULL)
     ORDER BY a.email LIMIT 1`, [y.id]);
});
afterAll(() => t.close());

describe('award bonuses in the scoring', () => {
  it('the demo holds a 2024 city flag in a 2025 member unit, worth points next year', () => {
    expect(flag).toBeDefined();
    expect(flag.bonus).toBeGreaterThan(0);
    expect(other).toBeDefined();
  });

  it('appear in the bonus criterion with the decision that earned them, and in the ranking', async () => {
    const leader = await t.as(LEADER_2025);
    const ranking = await expectStatus(leader.get(`/api/rounds/${roundId}/ranking`), 200);
    expect(rowOf(ranking, flag.unit_id).final.bonus).toBeGreaterThanOrEqual(flag.bonus);
    expect(rowOf(ranking, flag.unit_id).self.bonus).toBeGreaterThanOrEqual(flag.bonus);

    const view = await expectStatus(leader.get(`/api/rounds/${roundId}/units/${flag.unit_id}/assessment`), 200);
    const bonus = view.rows.find((r: any) => r.type === 'bonus');
    expect(bonus.awardBonuses).toEqual([expect.objectContaining({ code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', year: 2024, decisionNumber: flag.decision_number, points: flag.bonus })]);
    expect(bonus.awardBonuses[0].text).toMatch(new RegExp(`^Cờ thi đua của UBND Thành phố năm 2024 \\(QĐ ${flag.decision_number.replace(/[/]/g, '\\/')} ngày \\d{2}/\\d{2}/\\d{4}\\): \\+`));
    // The form no longer asks the unit to declare last year's awards.
    expect(bonus.items.map((i: any) => i.id)).not.toContain('city_flag');
    expect(bonus.items.map((i: any) => i.id)).not.toContain('gov_flag');
    expect(bonus.selfScore).toBeGreaterThanOrEqual(flag.bonus);
  });

  it('a unit that declares a flag it does not hold gets nothing for it', async () => {
    const leader = await t.as(LEADER_2025);
    const before = rowOf(await expectStatus(leader.get(`/api/rounds/${roundId}/ranking`), 200), other.unit_id).self.bonus;
    const view = await expectStatus((await t.as(other.email)).get(`/api/rounds/${roundId}/units/${other.unit_id}/assessment`), 200);
    const bonus = view.rows.find((r: any) => r.type === 'bonus');
    expect(bonus.awardBonuses).toEqual([]);
    const put = await putter(t, other.email);
    const saved = await put(`/api/rounds/${roundId}/units/${other.unit_id}/self/${bonus.criterionId}`, { items: { city_flag: 1 }, note: 'Tự khai', version: bonus.self?.version ?? 0 });
    expect(saved.status).toBe(200);
    const after = rowOf(await expectStatus(leader.get(`/api/rounds/${roundId}/ranking`), 200), other.unit_id).self.bonus;
    expect(after).toBe(before);
  });

  it('leave with the revocation of the award', async () => {
    const leader = await t.as(LEADER_2025);
    const board = await t.as(K4.board);
    const before = rowOf(await expectStatus(leader.get(`/api/rounds/${roundId}/ranking`), 200), flag.unit_id).final.bonus;
    await expectStatus(board.post(`/api/award-history/${flag.id}/revoke`, { reason: 'Kê khai không trung thực thành tích', decisionNumber: '2345/QĐ-UBND' }), 200);
    const ranking = await expectStatus(leader.get(`/api/rounds/${roundId}/ranking`), 200);
    expect(rowOf(ranking, flag.unit_id).final.bonus).toBeLessThan(before);
    const view = await expectStatus(leader.get(`/api/rounds/${roundId}/units/${flag.unit_id}/assessment`), 200);
    expect(view.rows.find((r: any) => r.type === 'bonus').awardBonuses).toEqual([]);
  });
});
