import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { uploader } from '../scoring/helpers';
import { advanceTo, fillSelf, FULL, openRound, OpenRound, PDF, unitUrl } from './helpers';

/**
 * A deduction's score is the points deducted: a reviewer who raises it lowers the unit's result, so the unit may
 * explain it and its view marks it lowered; a deduction the reviewer reduced is not lowered (issue 19).
 */
describe('explaining a deduction', () => {
  let t: TestApp;
  let r: OpenRound;
  const appraisalUrl = (unitId: string, code: string) => `${unitUrl(r, unitId)}/appraisal/${r.c(code)}`;
  const explanationUrl = (unitId: string, code: string) => `${unitUrl(r, unitId)}/explanations/${r.c(code)}`;
  const rowD = async (email: string, unitId: string) => {
    const view = await expectStatus((await t.as(email)).get(`${unitUrl(r, unitId)}/assessment`), 200);
    return view.rows.find((x: any) => x.code === 'D');
  };

  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t);
    // hiza declares one late report (2 points deducted), dukdh two (4 points).
    for (const [k, late] of [['hiza', 1], ['dukdh', 2]] as const) {
      await fillSelf(r, r.acc[k].officer, r.ids[k], { ...FULL, D: { items: { late } } });
      await expectStatus((await uploader(t, r.acc[k].officer))(`${unitUrl(r, r.ids[k])}/evidence/${r.c('I.1')}`, PDF, 'minh-chung.pdf'), 201);
      await expectStatus((await t.as(r.acc[k].head)).post(`${unitUrl(r, r.ids[k])}/submit`), 200);
    }
    await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/assignments/generate`, { seed: 1 }), 201);
    await advanceTo(r.leader, r.round.id, 'review');
    const put = await r.put(r.acc.dukcq.officer);
    // The leader raises hiza's deduction from 2 to 4 points and lowers dukdh's from 4 to 2.
    await expectStatus(put(appraisalUrl(r.ids.hiza, 'D'), { items: { late: 2 }, note: 'Nộp chậm cả báo cáo năm', version: 0 }), 200);
    await expectStatus(put(appraisalUrl(r.ids.dukdh, 'D'), { items: { late: 1 }, note: 'Báo cáo quý II nộp đúng hạn', version: 0 }), 200);
    await advanceTo(r.leader, r.round.id, 'explanation');
  });
  afterAll(() => t.close());

  it('an officer explains a deduction the appraisal raised, with a document; the view marks it lowered', async () => {
    const d = await rowD(r.acc.hiza.officer, r.ids.hiza);
    expect(d).toMatchObject({ type: 'deduction', selfScore: 2, lowered: true });
    expect(d.sources.map((s: any) => [s.source, s.score, s.lowered])).toEqual([['leader', 4, true]]);
    const saved = await expectStatus((await r.put(r.acc.hiza.officer))(explanationUrl(r.ids.hiza, 'D'), { text: 'Báo cáo năm nộp chậm 01 ngày do trùng lịch Đại hội.', version: 0 }), 200);
    expect(saved.explanation).toMatchObject({ text: 'Báo cáo năm nộp chậm 01 ngày do trùng lịch Đại hội.', version: 1 });
    const file = await expectStatus((await uploader(t, r.acc.hiza.officer))(`${unitUrl(r, r.ids.hiza)}/evidence/${r.c('D')}?purpose=explanation`, PDF, 'giai-trinh.pdf'), 201);
    expect(file).toMatchObject({ purpose: 'explanation', criterionId: r.c('D') });
    expect((await rowD(r.acc.hiza.officer, r.ids.hiza)).explanation).toMatchObject({ version: 1 });
  });

  it('a deduction the appraisal reduced is not lowered: nothing to explain', async () => {
    const d = await rowD(r.acc.dukdh.officer, r.ids.dukdh);
    expect(d).toMatchObject({ selfScore: 4, lowered: false });
    expect(d.sources.map((s: any) => [s.source, s.score, s.lowered])).toEqual([['leader', 2, false]]);
    const refused = await (await r.put(r.acc.dukdh.officer))(explanationUrl(r.ids.dukdh, 'D'), { text: 'x', version: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'not_lowered' });
    expect(refused.body.message).toContain('Tiêu chí D:');
    expect((await (await uploader(t, r.acc.dukdh.officer))(`${unitUrl(r, r.ids.dukdh)}/evidence/${r.c('D')}?purpose=explanation`, PDF, 'giai-trinh.pdf')).status).toBe(409);
  });
});
