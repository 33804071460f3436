import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { seedScoringDemo, demoIdsFromDatabase } from '../../src/database/demo/scoring';
import { seedRoundsDemo } from '../../src/database/demo/rounds';
import { K4, k4Ids, putter } from '../scoring/helpers';

/** The demo seeds as the demo loader will call them: inside one transaction, after the foundation demo. */
describe('demo data of scoring and rounds', () => {
  let t: TestApp;
  let seeded: { scheme2024Id: string; scheme2025Id: string; round2024Id: string; round2025Id: string };
  beforeAll(async () => {
    t = await createTestApp();
    const round = async (year: number, kind: string) =>
      (await t.ds.query(`SELECT r.id, r.scheme_id FROM scoring_rounds r JOIN block_years y ON y.id = r.block_year_id JOIN blocks b ON b.id = y.block_id
                         WHERE b.code = 'KTĐ4' AND y.year = $1 AND r.kind = $2`, [year, kind]))[0];
    const [r24, r25] = [await round(2024, 'year_end'), await round(2025, 'mid_year')];
    // The demo loader may already call the seeds; otherwise seed here, as it would.
    seeded = r24 && r25
      ? { scheme2024Id: r24.scheme_id, scheme2025Id: r25.scheme_id, round2024Id: r24.id, round2025Id: r25.id }
      : await t.ds.transaction(async (em) => {
        const ids = await demoIdsFromDatabase(em);
        const schemes = await seedScoringDemo(em, ids);
        const rounds = await seedRoundsDemo(em, ids, schemes);
        return { ...schemes, ...rounds };
      });
  });
  afterAll(() => t.close());

  it('holds a valid 100-point scheme for Khối thi đua số 4, frozen by its rounds', async () => {
    const board = await t.as(K4.board);
    const s = await expectStatus(board.get(`/api/scoring-schemes/${seeded.scheme2024Id}`), 200);
    expect(s).toMatchObject({ valid: true, status: 'frozen', totalMax: 100, totals: { topLevelSum: 100, bonusMax: 15, deductionMax: 10 } });
    expect(s.criteria.filter((c: any) => c.depth === 0).map((c: any) => c.title)).toEqual([
      'Thực hiện nhiệm vụ chính trị', 'Công tác thi đua, khen thưởng', 'Xây dựng Đảng, đoàn thể', 'Điểm thưởng', 'Điểm trừ',
    ]);
    expect(new Set(s.criteria.map((c: any) => c.type))).toEqual(new Set(['group', 'points', 'pass_fail', 'per_occurrence', 'target', 'bonus', 'deduction']));
    const s25 = await expectStatus(board.get(`/api/scoring-schemes/${seeded.scheme2025Id}`), 200);
    expect(s25).toMatchObject({ basedOnId: seeded.scheme2024Id, status: 'frozen', valid: true });
  });

  it('holds the finalised 2024 year-end round with every score source and an intact signed snapshot', async () => {
    const lhp = await t.as(K4.lhpOfficer);
    const round = await expectStatus(lhp.get(`/api/rounds/${seeded.round2024Id}`), 200);
    expect(round).toMatchObject({ phase: 'finalised', kind: 'year_end', title: 'Chấm điểm thi đua năm 2024' });
    await t.seal();
    const snap = await expectStatus(lhp.get(`/api/rounds/${seeded.round2024Id}/snapshot`), 200);
    expect(snap).toMatchObject({ seq: 1, verification: { intact: true, digestValid: true } });
    expect(snap.auditHash).toMatch(/^[0-9a-f]{64}$/);
    // Targets come from the 2024 covenant in force (its indicators are the titles of I.2 and II.4).
    const targets = await expectStatus(lhp.get(`/api/rounds/${seeded.round2024Id}/targets`), 200);
    expect(targets).toHaveLength(10);
    expect(targets.every((x: any) => x.source === 'covenant')).toBe(true);
    const ids0 = await k4Ids(t);
    expect(targets.find((x: any) => x.code === 'II.4' && x.unitId === ids0.dukcq).target).toBe(36);
    const ranking = await expectStatus(lhp.get(`/api/rounds/${seeded.round2024Id}/ranking`), 200);
    expect(ranking.basis).toBe('snapshot');
    expect(ranking.rows).toHaveLength(5);
    expect(ranking.rows[0].unitName).toBe('Đảng ủy Khối các cơ quan Thành phố Hà Nội');
    expect(ranking.rows.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const sources = await t.ds.query(`SELECT source, count(*)::int AS n FROM score_entries WHERE round_id = $1 GROUP BY source ORDER BY source`, [seeded.round2024Id]);
    expect(Object.fromEntries(sources.map((s: any) => [s.source, s.n]))).toMatchObject({ self: expect.any(Number), peer: expect.any(Number), leader: expect.any(Number), final: 2 });
    // The board sees every source side by side for Ban QL các KCN&CX, with its explanation and the final decision.
    const ids = await k4Ids(t);
    const view = await expectStatus((await t.as(K4.board)).get(`/api/rounds/${seeded.round2024Id}/units/${ids.hiza}/assessment`), 200);
    const i1 = view.rows.find((r: any) => r.code === 'I.1');
    expect(i1.sources.map((s: any) => s.source).sort()).toEqual(['final', 'leader', 'peer', 'peer']);
    expect(i1.final).toMatchObject({ score: 14, source: 'final' });
    expect(i1.explanation.text).toContain('Báo cáo số 125/BC-BQL');
    expect(i1.evidence.length).toBeGreaterThanOrEqual(2);
    const pdf = await (await t.as(K4.board)).get(`/api/rounds/${seeded.round2024Id}/ranking/export?format=pdf`);
    expect(pdf.status).toBe(200);
  });

  it("was finalised by the leader's officer through the use case on the story's date, and answered the raised deduction through it", async () => {
    const [snap] = await t.ds.query('SELECT digest, finalised_at FROM round_snapshots WHERE round_id = $1 AND seq = 1', [seeded.round2024Id]);
    expect(new Date(snap.finalised_at).toISOString()).toBe('2024-12-26T09:00:00.000Z');
    const [round] = await t.ds.query('SELECT finalised_at, phase_changed_at FROM scoring_rounds WHERE id = $1', [seeded.round2024Id]);
    expect([round.finalised_at, round.phase_changed_at].map((d: Date) => d.toISOString())).toEqual(['2024-12-26T09:00:00.000Z', '2024-12-26T09:00:00.000Z']);
    const [entry] = await t.ds.query(
      `SELECT e.after, a.email FROM audit_entries e JOIN accounts a ON a.id = e.actor_id WHERE e.action = 'round.finalise' AND e.entity_id = $1`, [seeded.round2024Id]);
    expect(entry).toMatchObject({ email: 'canbo.dukcq@thidua.vn', after: { seq: 1, digest: snap.digest } });
    // The signed ranking counts the awards of 2023 (ĐUK các cơ quan TP's city flag, the two city merits).
    const ranking = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/rounds/${seeded.round2024Id}/ranking`), 200);
    expect(ranking.rows.map((r: any) => r.final.total)).toEqual([104.5, 93.5, 86.96, 78.93, 70.84]);
    // ĐUK Doanh nghiệp explained the deduction the appraisal raised, through the use case (audited, with its document).
    const ids = await k4Ids(t);
    const view = await expectStatus((await t.as(K4.board)).get(`/api/rounds/${seeded.round2024Id}/units/${ids.dukdn}/assessment`), 200);
    const d = view.rows.find((r: any) => r.code === 'D');
    expect(d).toMatchObject({ lowered: true, explanation: { text: expect.stringContaining('trùng lịch Đại hội') } });
    expect(d.evidence.map((e: any) => e.filename)).toContain('Giải trình D.pdf');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'explanation.save' AND entity_id = $1`, [d.criterionId]);
    expect(n).toBe(1);
  });

  it("sent the rounds' notices through the use cases dated as the story tells, and mailed none of them", async () => {
    const rounds = [seeded.round2024Id, seeded.round2025Id];
    const firstOf = async (kind: string) => (await t.ds.query('SELECT min(created_at) AS at FROM notifications WHERE round_id = $1 AND kind = $2', [seeded.round2024Id, kind]))[0].at.toISOString();
    expect(await firstOf('round_opened')).toBe('2024-11-15T01:00:00.000Z');
    expect(await firstOf('assigned')).toBe('2024-12-06T01:00:00.000Z');
    expect(await firstOf('finalised')).toBe('2024-12-26T09:00:00.000Z');
    const [{ total, mailed }] = await t.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mail_outbox m WHERE m.idempotency_key = 'notification:' || n.id))::int AS mailed
       FROM notifications n WHERE n.round_id = ANY($1)`, [rounds]);
    expect(total).toBeGreaterThan(50);
    expect(mailed).toBe(0);
  });

  it('holds the open 2025 mid-year round in the self-assessment phase, units at different stages', async () => {
    const leader2025 = await t.as('canbo.dukdn@thidua.vn');
    const round = await expectStatus(leader2025.get(`/api/rounds/${seeded.round2025Id}`), 200);
    expect(round).toMatchObject({ phase: 'self_assessment', kind: 'mid_year', isOpen: true, permissions: { canManage: true } });
    const progress = await expectStatus(leader2025.get(`/api/rounds/${seeded.round2025Id}/progress`), 200);
    const by = Object.fromEntries(progress.units.map((u: any) => [u.unitName, u]));
    expect(by['Ban quản lý các khu công nghiệp và chế xuất Hà Nội']).toMatchObject({ status: 'submitted', criteriaFilled: 12, evidenceMissing: 0 });
    expect(by['Đảng ủy Khối Doanh nghiệp Hà Nội'].status).toBe('awaiting_confirmation');
    expect(by['Trường Đào tạo cán bộ Lê Hồng Phong']).toMatchObject({ status: 'draft', criteriaFilled: 6 });
    expect(by['Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội']).toMatchObject({ status: 'draft', criteriaFilled: 0 });
    // An officer carries on where the unit left off.
    const ids = await k4Ids(t);
    const view = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/rounds/${seeded.round2025Id}/units/${ids.lhp}/assessment`), 200);
    expect(view.permissions.canEdit).toBe(true);
    const ii2 = view.rows.find((r: any) => r.code === 'II.2');
    const put = await putter(t, K4.lhpOfficer);
    const saved = await expectStatus(put(`/api/rounds/${seeded.round2025Id}/units/${ids.lhp}/self/${ii2.criterionId}`, { count: 2, version: ii2.self.version }), 200);
    expect(saved.row).toMatchObject({ count: 2, score: 5, version: 2 });
    const notes = await expectStatus((await t.as(K4.dukdhOfficer)).get('/api/notifications'), 200);
    expect(notes.map((n: any) => n.kind)).toEqual(expect.arrayContaining(['reminder', 'round_opened', 'finalised']));
    // The 2025 covenant is still a draft: the mid-year targets are entered in the round.
    const targets = await expectStatus(leader2025.get(`/api/rounds/${seeded.round2025Id}/targets`), 200);
    expect(targets.every((x: any) => x.source === 'round')).toBe(true);
  });
});
