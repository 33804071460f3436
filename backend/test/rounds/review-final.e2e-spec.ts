import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4, uploader } from '../scoring/helpers';
import { scoreRowHash } from '../../src/modules/rounds/score-hash';
import { advanceTo, download, fillSelf, openRound, OpenRound, PDF, pdfText, UNIT_KEYS, UnitKey, unitUrl } from './helpers';

/**
 * One whole round of a five-unit block, in order: self-assessment → cross-review (with a recusal) and the
 * leader's appraisal → explanations → final scores → ranking → finalisation with its snapshot → reopening.
 */
describe('review, explanation, final review, ranking, finalisation', () => {
  let t: TestApp;
  let r: OpenRound;
  let keyOf: (unitId: string) => UnitKey;
  const reviewUrl = (unitId: string, code: string) => `${unitUrl(r, unitId)}/reviews/${r.c(code)}`;
  const appraisalUrl = (unitId: string, code: string) => `${unitUrl(r, unitId)}/appraisal/${r.c(code)}`;
  const finalUrl = (unitId: string, code: string) => `${unitUrl(r, unitId)}/final/${r.c(code)}`;

  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t);
    keyOf = (id) => UNIT_KEYS.find((k) => r.ids[k] === id)!;
    // Targets: 100 files each for II.1.
    await expectStatus((await r.put(r.acc.dukcq.officer))(`/api/rounds/${r.round.id}/targets`, { targets: UNIT_KEYS.map((k) => ({ unitId: r.ids[k], criterionId: r.c('II.1'), target: 100 })) }), 200);
    const S: Record<UnitKey, Record<string, object>> = {
      dukcq: { 'I.1': { score: 20 }, 'I.2': { passed: true }, 'I.3': { count: 5 }, 'II.1': { actual: 150 }, 'II.2': { score: 30 }, T: { items: { initiative: 1 } } },
      dukdn: { 'I.1': { score: 10 }, 'I.2': { passed: true }, 'I.3': { count: 5 }, 'II.1': { actual: 100 }, 'II.2': { score: 25 } },
      lhp: { 'I.1': { score: 20, note: 'Hoàn thành xuất sắc' }, 'I.2': { passed: false }, 'I.3': { count: 0 }, 'II.1': { actual: 150 }, 'II.2': { score: 20 } },
      hiza: { 'I.1': { score: 15 }, 'I.2': { passed: true }, 'I.3': { count: 2 }, 'II.1': { actual: 50 }, 'II.2': { score: 20 }, D: { items: { late: 1 } } },
      dukdh: { 'I.1': { score: 15 }, 'I.2': { passed: true }, 'I.3': { count: 2 }, 'II.1': { actual: 50 }, 'II.2': { score: 20 }, D: { items: { late: 1 } } },
    };
    for (const k of UNIT_KEYS) {
      await fillSelf(r, r.acc[k].officer, r.ids[k], S[k]);
      await expectStatus((await uploader(t, r.acc[k].officer))(`${unitUrl(r, r.ids[k])}/evidence/${r.c('I.1')}`, PDF, 'minh-chung.pdf'), 201);
    }
    // Three units submit (in this order); hiza and dukdh never do.
    for (const k of ['dukcq', 'dukdn', 'lhp'] as UnitKey[]) await expectStatus((await t.as(r.acc[k].head)).post(`${unitUrl(r, r.ids[k])}/submit`), 200);
  });
  afterAll(() => t.close());

  it("says how each unit's target criterion was scored: a target met exactly is half the points, and why", async () => {
    const formulaOf = async (k: UnitKey) => {
      const a = await expectStatus((await t.as(r.acc[k].officer)).get(`${unitUrl(r, r.ids[k])}/assessment`), 200);
      return a.rows.find((x: any) => x.code === 'II.1').selfFormula;
    };
    expect(await formulaOf('dukdn')).toEqual({ basis: 'met_target', target: 100, actual: 100, max: 30, reference: null, score: 15 });
    expect(await formulaOf('lhp')).toEqual({ basis: 'best_over_target', target: 100, actual: 150, max: 30, reference: null, score: 30 });
    expect(await formulaOf('hiza')).toEqual({ basis: 'below_target', target: 100, actual: 50, max: 30, reference: null, score: 7.5 });
    // Other criteria carry no formula.
    const a = await expectStatus((await t.as(r.acc.lhp.officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    expect(a.rows.find((x: any) => x.code === 'I.1').selfFormula).toBeNull();
  });

  it('generates the cross-review: k = 2 each, never oneself, even load; only the leader seat generates', async () => {
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/rounds/${r.round.id}/assignments/generate`, { seed: 1 })).status).toBe(403);
    // Unit ids are random, so pick a seed under which a unit without a seat (hiza or dukdh) reviews lhp: the next test needs one.
    let seed = 42;
    let a = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/assignments/generate`, { seed }), 201);
    while (!a.assignments.some((x: any) => x.revieweeUnitId === r.ids.lhp && [r.ids.hiza, r.ids.dukdh].includes(x.reviewerUnitId))) {
      a = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/assignments/generate`, { seed: ++seed }), 201);
    }
    expect(a).toMatchObject({ seed, reviewsPerUnit: 2 });
    expect(a.assignments).toHaveLength(10);
    for (const k of UNIT_KEYS) {
      expect(a.assignments.filter((x: any) => x.reviewerUnitId === r.ids[k])).toHaveLength(2);
      expect(a.assignments.filter((x: any) => x.revieweeUnitId === r.ids[k])).toHaveLength(2);
    }
    expect(a.assignments.some((x: any) => x.reviewerUnitId === x.revieweeUnitId)).toBe(false);
    expect(a.assignments.filter((x: any) => x.reciprocal)).toHaveLength(0);
    await expect(t.ds.query('INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id) VALUES ($1,$2,$2)', [r.round.id, r.ids.lhp])).rejects.toThrow(/ck_review_assignments_not_own_unit/);
    // Same seed, same assignment.
    const again = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/assignments/generate`, { seed }), 201);
    expect(again.assignments.map((x: any) => [x.reviewerUnitId, x.revieweeUnitId])).toEqual(a.assignments.map((x: any) => [x.reviewerUnitId, x.revieweeUnitId]));
    await advanceTo(r.leader, r.round.id, 'review');
  });

  it('peer reviewers see the self-assessment and evidence; score only assigned units, never their own; a differing score needs a reason', async () => {
    const list = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/assignments`), 200);
    const ofLhp = list.assignments.find((x: any) => x.revieweeUnitId === r.ids.lhp && [r.ids.hiza, r.ids.dukdh].includes(x.reviewerUnitId));
    const reviewer = keyOf(ofLhp.reviewerUnitId);
    const notAssigned = UNIT_KEYS.find((k) => k !== 'lhp' && !list.assignments.some((x: any) => x.reviewerUnitId === r.ids[k] && x.revieweeUnitId === r.ids.lhp))!;
    const view = await expectStatus((await t.as(r.acc[reviewer].officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    const i1 = view.rows.find((x: any) => x.code === 'I.1');
    expect(i1.self).toMatchObject({ score: 20, note: 'Hoàn thành xuất sắc' });
    expect(i1.evidence).toHaveLength(1);
    expect(i1.sources).toEqual([]);
    expect(view.permissions).toMatchObject({ canReview: true, canAppraise: false });
    expect((await download(await t.as(r.acc[reviewer].officer), `/api/evidence/${i1.evidence[0].id}`)).status).toBe(200);

    const put = await r.put(r.acc[reviewer].officer);
    const noReason = await put(reviewUrl(r.ids.lhp, 'I.1'), { score: 12, version: 0 });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ code: 'reason_required', message: 'Tiêu chí I.1: điểm 12 khác điểm tự chấm (20) nên phải ghi lý do.' });
    const tooHigh = await put(reviewUrl(r.ids.lhp, 'I.1'), { score: 25, note: 'x', version: 0 });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.message).toContain('Tiêu chí I.1: điểm 25 nằm ngoài khoảng 0–20');
    const ok = await expectStatus(put(reviewUrl(r.ids.lhp, 'I.1'), { score: 12, note: 'Minh chứng chưa thể hiện kết quả quý IV', version: 0 }), 200);
    expect(ok.row).toMatchObject({ source: 'peer', scorerUnitId: r.ids[reviewer], score: 12 });
    expect((await expectStatus(put(reviewUrl(r.ids.lhp, 'II.2'), { score: 20, version: 0 }), 200)).row.score).toBe(20); // same as self: no reason needed
    const target = await put(reviewUrl(r.ids.lhp, 'II.1'), { actual: 120, version: 0 });
    expect(target.body.message).toBe('Tiêu chí II.1: giá trị thực hiện 120 khác giá trị đơn vị tự khai (150) nên phải ghi lý do.');

    const own = await put(reviewUrl(r.ids[reviewer], 'I.1'), { score: 1, note: 'x', version: 0 });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'own_unit', message: 'Không được chấm chéo cho chính đơn vị mình.' });
    const stranger = await (await r.put(r.acc[notAssigned].officer))(reviewUrl(r.ids.lhp, 'I.1'), { score: 1, note: 'x', version: 0 });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('not_assigned');
    const board = await (await r.put(K4.board))(reviewUrl(r.ids.lhp, 'I.1'), { score: 1, note: 'x', version: 0 });
    expect(board.status).toBe(403);
    expect(board.body.message).toContain('không chấm điểm của khối');
    // A unit neither assigned nor holding a seat cannot open lhp's assessment either.
    const outsider = (['hiza', 'dukdh'] as UnitKey[]).find((k) => !list.assignments.some((x: any) => x.reviewerUnitId === r.ids[k] && x.revieweeUnitId === r.ids.lhp));
    if (outsider) expect((await (await t.as(r.acc[outsider].officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`)).status).toBe(403);
  });

  it('a reviewer recuses with a reason and the leader reassigns by the assignment rules', async () => {
    const list = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/assignments`), 200);
    const a = list.assignments.find((x: any) => x.revieweeUnitId === r.ids.hiza);
    const reviewer = keyOf(a.reviewerUnitId);
    expect((await (await t.as(r.acc.lhp.officer === r.acc[reviewer].officer ? r.acc.dukdh.officer : r.acc.lhp.officer)).post(`/api/review-assignments/${a.id}/recuse`, { reason: 'x' })).status).toBe(403);
    expect((await (await t.as(r.acc[reviewer].officer)).post(`/api/review-assignments/${a.id}/recuse`, {})).status).toBe(400);
    const recused = await expectStatus((await t.as(r.acc[reviewer].officer)).post(`/api/review-assignments/${a.id}/recuse`, { reason: 'Thủ trưởng hai đơn vị là người thân (xung đột lợi ích)' }), 200);
    expect(recused.assignments.find((x: any) => x.id === a.id)).toMatchObject({ status: 'recused', recusalReason: 'Thủ trưởng hai đơn vị là người thân (xung đột lợi ích)' });
    expect((await (await t.as(r.acc.hiza.officer)).post(`/api/review-assignments/${a.id}/reassign`, {})).status).toBe(403);
    const after = await expectStatus(r.leader.post(`/api/review-assignments/${a.id}/reassign`, {}), 200);
    const old = after.assignments.find((x: any) => x.id === a.id);
    const replacement = after.assignments.find((x: any) => x.id === old.replacedById);
    expect(replacement.revieweeUnitId).toBe(r.ids.hiza);
    expect([r.ids.hiza, a.reviewerUnitId]).not.toContain(replacement.reviewerUnitId);
    expect(after.assignments.filter((x: any) => x.status === 'active' && x.revieweeUnitId === r.ids.hiza)).toHaveLength(2);
    expect((await r.leader.post(`/api/review-assignments/${a.id}/reassign`, {})).status).toBe(409);
    // The recused unit can no longer score hiza.
    expect((await (await r.put(r.acc[reviewer].officer))(reviewUrl(r.ids.hiza, 'I.1'), { score: 15, version: 0 })).status).toBe(403);
    expect((await auditOf(t.ds, 'review_assignment', a.id)).map((x) => x.reason)).toEqual(['Thủ trưởng hai đơn vị là người thân (xung đột lợi ích)']);
  });

  it('the leader appraises other units (a reason when differing); its own unit is appraised by the deputy', async () => {
    const leaderPut = await r.put(r.acc.dukcq.officer);
    const own = await leaderPut(appraisalUrl(r.ids.dukcq, 'I.1'), { score: 20, version: 0 });
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('Không được thẩm định cho chính đơn vị mình.');
    await expectStatus(leaderPut(appraisalUrl(r.ids.lhp, 'I.1'), { score: 15, note: 'Kết quả quý IV chưa đạt chỉ tiêu đề ra', version: 0 }), 200);
    await expectStatus((await r.put(r.acc.dukdn.officer))(appraisalUrl(r.ids.dukcq, 'I.1'), { score: 20, version: 0 }), 200);
    expect((await (await r.put(r.acc.lhp.officer))(appraisalUrl(r.ids.hiza, 'I.1'), { score: 1, note: 'x', version: 0 })).status).toBe(403);
    expect((await (await r.put(K4.board))(appraisalUrl(r.ids.hiza, 'I.1'), { score: 1, note: 'x', version: 0 })).status).toBe(403);
    // The unit does not see reviews before the explanation phase.
    const before = await expectStatus((await t.as(r.acc.lhp.officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    expect(before.rows.find((x: any) => x.code === 'I.1')).toMatchObject({ sources: [], final: null });
  });

  it('in the explanation phase the unit sees lowered scores with reasons and answers them', async () => {
    await advanceTo(r.leader, r.round.id, 'explanation');
    const late = await (await r.put(r.acc.dukcq.officer))(appraisalUrl(r.ids.lhp, 'I.2'), { passed: false, version: 0 });
    expect(late.status).toBe(409);
    const lhp = await t.as(r.acc.lhp.officer);
    const view = await expectStatus(lhp.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    const i1 = view.rows.find((x: any) => x.code === 'I.1');
    expect(i1.lowered).toBe(true);
    expect(i1.sources.map((s: any) => [s.source, s.score, s.note, s.lowered])).toEqual(expect.arrayContaining([
      ['peer', 12, 'Minh chứng chưa thể hiện kết quả quý IV', true], ['leader', 15, 'Kết quả quý IV chưa đạt chỉ tiêu đề ra', true],
    ]));
    expect(view.permissions.canExplain).toBe(true);
    const put = await r.put(r.acc.lhp.officer);
    const saved = await expectStatus(put(`${unitUrl(r, r.ids.lhp)}/explanations/${r.c('I.1')}`, { text: 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.', version: 0 }), 200);
    expect(saved.explanation).toMatchObject({ version: 1 });
    const stale = await put(`${unitUrl(r, r.ids.lhp)}/explanations/${r.c('I.1')}`, { text: 'khác', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ text: 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.', version: 1 });
    await expectStatus((await uploader(t, r.acc.lhp.officer))(`${unitUrl(r, r.ids.lhp)}/evidence/${r.c('I.1')}?purpose=explanation`, PDF, 'bao-cao-quy-IV.pdf'), 201);
    const notLowered = await put(`${unitUrl(r, r.ids.lhp)}/explanations/${r.c('I.2')}`, { text: 'x', version: 0 });
    expect(notLowered.status).toBe(409);
    expect(notLowered.body.message).toContain('Tiêu chí I.2: không có điểm chấm chéo hay thẩm định nào thấp hơn');
    expect((await (await r.put(r.acc.hiza.officer))(`${unitUrl(r, r.ids.lhp)}/explanations/${r.c('I.1')}`, { text: 'x', version: 0 })).status).toBe(403);
  });

  it('in final review the leader sets final scores; all sources stay side by side with divergence flags', async () => {
    await advanceTo(r.leader, r.round.id, 'final_review');
    const put = await r.put(r.acc.dukcq.officer);
    const noReason = await put(finalUrl(r.ids.lhp, 'I.1'), { score: 17, version: 0 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('Tiêu chí I.1: điểm 17 khác điểm tự chấm (20) nên phải ghi lý do.');
    await expectStatus(put(finalUrl(r.ids.lhp, 'I.1'), { score: 17, note: 'Chấp nhận một phần giải trình', version: 0 }), 200);
    await expectStatus(put(finalUrl(r.ids.lhp, 'I.1'), { score: 20, version: 1 }), 200); // back to the self score: no reason needed
    expect((await put(finalUrl(r.ids.dukcq, 'I.1'), { score: 20, version: 0 })).status).toBe(403);
    expect((await (await r.put(r.acc.lhp.officer))(finalUrl(r.ids.hiza, 'I.1'), { score: 20, version: 0 })).status).toBe(403);
    const view = await expectStatus(r.leader.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    const i1 = view.rows.find((x: any) => x.code === 'I.1');
    expect(i1.final).toMatchObject({ score: 20, source: 'final' });
    const by = Object.fromEntries(i1.sources.map((s: any) => [s.source, s]));
    expect(by.peer).toMatchObject({ score: 12, divergent: true }); // 8 > 20% of 20
    expect(by.leader).toMatchObject({ score: 15, divergent: true }); // 5 > 4
    expect(by.final).toMatchObject({ score: 20, divergent: false });
    expect(i1.explanation.text).toContain('báo cáo quý IV');
    expect(view.finalTotals.total).toBe(70);
  });

  it('ranks by total with bonus and deductions, breaks ties by the chain and shares ranks; members wait for finalisation', async () => {
    const member = await (await t.as(r.acc.lhp.officer)).get(`/api/rounds/${r.round.id}/ranking`);
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('ranking_not_published');
    const ranking = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/ranking`), 200);
    expect(ranking).toMatchObject({ basis: 'live', digest: null, tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'] });
    const rows = ranking.rows.map((x: any) => [keyOf(x.unitId), x.rank, x.final.total, x.sharedRank, x.decidedBy]);
    expect(rows).toEqual([
      ['dukcq', 1, 110, false, null],
      ['dukdn', 2, 70, false, 'total'],
      ['lhp', 3, 70, false, 'first_group_score'],
      ...(keyOf(ranking.rows[3].unitId) === 'dukdh' ? [['dukdh', 4, 54.5, true, 'total'], ['hiza', 4, 54.5, true, null]] : [['hiza', 4, 54.5, true, 'total'], ['dukdh', 4, 54.5, true, null]]),
    ]);
    const dukcq = ranking.rows[0];
    expect(dukcq.final).toEqual({ max: 100, score: 100, bonus: 10, deductions: 0, total: 110 });
    expect(dukcq.groups.map((g: any) => [g.code, g.max, g.self, g.final])).toEqual([['I', 40, 40, 40], ['II', 60, 60, 60]]);
    const hiza = ranking.rows.find((x: any) => keyOf(x.unitId) === 'hiza');
    expect(hiza.final).toMatchObject({ score: 56.5, deductions: 2, total: 54.5 });
    expect(hiza.submittedAt).toBeNull();
    const lhp = ranking.rows.find((x: any) => keyOf(x.unitId) === 'lhp');
    expect(lhp.self.total).toBe(70);
  });

  it('finalises into a signed snapshot: the ranking and the SHA-256 of every score row; nothing changes afterwards', async () => {
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/rounds/${r.round.id}/finalise`, {})).status).toBe(403);
    expect((await (await t.as(K4.board)).post(`/api/rounds/${r.round.id}/finalise`, {})).status).toBe(403);
    const snap = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/finalise`, { reason: 'Hội nghị tổng kết thông qua' }), 201);
    const rows = await t.ds.query(
      `SELECT id, round_id AS "roundId", unit_id AS "unitId", criterion_id AS "criterionId", source, scorer_unit_id AS "scorerUnitId", score::float8 AS score,
              passed, count, actual::float8 AS actual, items, note, version FROM score_entries WHERE round_id = $1 ORDER BY id`, [r.round.id]);
    expect(snap).toMatchObject({ seq: 1, rowCount: rows.length, verification: { intact: true, digestValid: true } });
    expect(snap.rowHashes).toEqual(rows.map((x: any) => ({ id: x.id, sha256: scoreRowHash(x) })));
    expect(snap.digest).toMatch(/^[0-9a-f]{64}$/);
    // The finalisation's audit entry has its place in the signed ledger once the sealer has run.
    await t.seal();
    expect((await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/snapshot`), 200)).auditHash).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = (await auditOf(t.ds, 'scoring_round', r.round.id)).filter((a) => a.action === 'round.finalise');
    expect(audit).toMatchObject({ after: { digest: snap.digest, seq: 1, rows: rows.length }, reason: 'Hội nghị tổng kết thông qua' });

    // Published: members see the signed ranking.
    const published = await expectStatus((await t.as(r.acc.lhp.officer)).get(`/api/rounds/${r.round.id}/ranking`), 200);
    expect(published).toMatchObject({ basis: 'snapshot', digest: snap.digest, phase: 'finalised' });
    expect(published.rows).toEqual(snap.ranking);

    // Frozen: the service refuses, and so does the database.
    const put = await r.put(r.acc.dukcq.officer);
    const late = await put(finalUrl(r.ids.lhp, 'I.1'), { score: 10, note: 'x', version: 2 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'round_finalised' });
    expect(late.body.message).toContain('Đợt chấm điểm đã hoàn tất');
    await expect(t.ds.query(`UPDATE score_entries SET note = 'sửa lén' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/finalised/);
    await expect(t.ds.query(`UPDATE round_snapshots SET digest = repeat('0', 64) WHERE round_id = $1`, [r.round.id])).rejects.toThrow(/records/);

    // A change slipped past the guard (trigger disabled by a superuser) shows in the verification.
    await t.ds.query('ALTER TABLE score_entries DISABLE TRIGGER tr_score_entries_round_frozen');
    await t.ds.query(`UPDATE score_entries SET note = 'sửa lén' WHERE id = $1`, [rows[0].id]);
    await t.ds.query('ALTER TABLE score_entries ENABLE TRIGGER tr_score_entries_round_frozen');
    const tampered = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/snapshot`), 200);
    expect(tampered.verification).toMatchObject({ intact: false, digestValid: true, changedRows: [rows[0].id] });
    await t.ds.query('ALTER TABLE score_entries DISABLE TRIGGER tr_score_entries_round_frozen');
    await t.ds.query(`UPDATE score_entries SET note = $2 WHERE id = $1`, [rows[0].id, rows[0].note]);
    await t.ds.query('ALTER TABLE score_entries ENABLE TRIGGER tr_score_entries_round_frozen');
    expect((await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/snapshot`), 200)).verification.intact).toBe(true);
  });

  it('exports the score summary as .xlsx and as the A4 landscape .pdf annex', async () => {
    const board = await t.as(K4.board);
    const x = await download(board, `/api/rounds/${r.round.id}/ranking/export?format=xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // The groups detail "Thẩm định": between "Tự chấm" and it; both before bonus and deductions, so they compare.
    const header = (ws.getRow(5).values as unknown[]).slice(1) as string[];
    const annex = ['STT', 'Tên đơn vị', 'Tự chấm', 'Thẩm định', 'Điểm thưởng', 'Điểm trừ', 'Tổng', 'Xếp hạng', 'Đề nghị', 'Ghi chú'];
    expect(header.filter((h) => annex.includes(h))).toEqual(annex);
    const groups = header.indexOf('Thẩm định') - header.indexOf('Tự chấm') - 1;
    expect(groups).toBeGreaterThan(0);
    expect(header.slice(3, 3 + groups).every((h) => /\(tối đa /.test(h))).toBe(true);
    const col = (h: string) => header.indexOf(h) + 1;
    const first = ws.getRow(6);
    expect([col('STT'), col('Tự chấm'), col('Thẩm định'), col('Điểm thưởng'), col('Điểm trừ'), col('Tổng'), col('Xếp hạng')].map((c) => first.getCell(c).value)).toEqual([1, 100, 100, 10, 0, 110, 1]);
    expect(ws.getRow(9).getCell(col('Ghi chú')).value).toBe('Đồng hạng');
    // It prints: A4 landscape, one page wide, the title and header rows on every page, frozen on screen.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:5' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(first.getCell(col('Tổng')).numFmt).toBe('#,##0.00');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(40);
    const p = await download(board, `/api/rounds/${r.round.id}/ranking/export?format=pdf`);
    expect(p.status).toBe(200);
    expect(p.headers['content-type']).toBe('application/pdf');
    expect(p.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.body.toString('latin1')).toMatch(/MediaBox \[0 0 841\.89 595\.28/);
    const text = (await pdfText(p.body)).replace(/\s+/g, ' ');
    for (const h of ['Tự chấm', 'Thẩm định', 'Điểm thưởng', 'Điểm trừ', 'Xếp hạng', 'Đề nghị', 'Ghi chú', 'BẢNG TỔNG HỢP', 'Đồng hạng']) expect(text).toContain(h);
    expect(text).toContain('110');
    expect((await (await t.as(K4.otherBlock)).get(`/api/rounds/${r.round.id}/ranking/export?format=pdf`)).status).toBe(403);
  });

  it('reopening is an audited act with a reason; finalising again signs a new snapshot and keeps the old one', async () => {
    const first = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/snapshot`), 200);
    expect((await r.leader.post(`/api/rounds/${r.round.id}/reopen`, {})).status).toBe(400);
    expect((await (await t.as(r.acc.lhp.officer)).post(`/api/rounds/${r.round.id}/reopen`, { reason: 'x' })).status).toBe(403);
    expect((await (await t.as(K4.board)).post(`/api/rounds/${r.round.id}/reopen`, { reason: 'x' })).status).toBe(403);
    const reopened = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/reopen`, { reason: 'Ban TĐKT phát hiện sai sót điểm thưởng của một đơn vị' }), 201);
    expect(reopened.history[0]).toMatchObject({ seq: 1, reopenReason: 'Ban TĐKT phát hiện sai sót điểm thưởng của một đơn vị' });
    expect(reopened.history[0].supersededAt).not.toBeNull();
    const [audit] = (await auditOf(t.ds, 'scoring_round', r.round.id)).filter((a) => a.action === 'round.reopen');
    expect(audit).toMatchObject({ reason: 'Ban TĐKT phát hiện sai sót điểm thưởng của một đơn vị', before: { phase: 'finalised', digest: first.digest } });
    expect((await expectStatus(r.leader.get(`/api/rounds/${r.round.id}`), 200)).phase).toBe('final_review');
    // The correction, then finalising again.
    await expectStatus((await r.put(r.acc.dukcq.officer))(finalUrl(r.ids.hiza, 'D'), { items: { late: 2 }, note: 'Nộp chậm 2 báo cáo', version: 0 }), 200);
    const second = await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/finalise`, {}), 201);
    expect(second).toMatchObject({ seq: 2, verification: { intact: true } });
    expect(second.digest).not.toBe(first.digest);
    expect(second.history.map((h: any) => h.seq)).toEqual([2, 1]);
    const hiza = second.ranking.find((x: any) => keyOf(x.unitId) === 'hiza');
    expect(hiza).toMatchObject({ rank: 5, final: { deductions: 4, total: 52.5 } });
    // The signed ranking does not move when the rule set changes later.
    const year = await expectStatus((await t.as(K4.admin)).get(`/api/block-years/${r.yearId}`), 200);
    await expectStatus((await t.as(K4.admin)).patch(`/api/block-years/${r.yearId}`, { rules: { ...year.rules, finalScoreRule: 'peer_median' }, version: year.version }), 200);
    expect((await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/ranking`), 200)).rows).toEqual(second.ranking);
  });
});

