import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { addWorkingDays, appraisalDueDate, OFFICIAL_CALENDAR } from '../../src/modules/proposals/rules';
import { buildYearEnd, docxText, download, expectRes, flat, K4, PDF, pdfText, tinyDocx, uploadAs, YearEnd } from './helpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The whole life of a dossier in a fresh block, in order: assemble → checklist → reports → submit → the
 * board takes it → returns it → the block fixes and resubmits → approval → decisions → documents →
 * a revocation that stops counting.
 */
describe('award proposal dossier: lifecycle', () => {
  let t: TestApp;
  let y: YearEnd;
  let id: string;
  let today: string;
  const url = (p = '') => `/api/proposals/${id}${p}`;
  const proposalRow = async () => (await t.ds.query('SELECT status, version, letter_paragraphs, submitted_at, due_date::text AS due_date FROM proposals WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    y = await buildYearEnd(t);
    [{ today }] = await t.ds.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS today`);
  }, 180_000);
  afterAll(() => t.close());

  it('the leader seat assembles the dossier: the letter drafted from the data, the nominees from the ballots, a checklist', async () => {
    for (const email of [y.acc.lhp.officer, y.acc.lhp.head, K4.board, K4.admin, K4.otherBlock]) {
      const res = await (await t.as(email)).post('/api/proposals', { blockYearId: y.yearId });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/Khối trưởng|Ban Thi đua/);
    }
    expect((await t.ds.query('SELECT count(*)::int AS n FROM proposals WHERE block_year_id = $1', [y.yearId]))[0].n).toBe(0);
    expect((await y.leader.post('/api/proposals', { blockYearId: '00000000-0000-4000-8000-000000000000' })).body.fields).toHaveProperty('blockYearId');

    const p = await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201);
    id = p.id;
    expect(p).toMatchObject({ status: 'draft', statusLabel: 'Đang lập', year: y.year, blockCode: y.blockCode, nomineesFrozen: false, complete: false, version: 1 });
    expect(p.letter).toMatchObject({ number: `01/TTr-${y.blockCode}`, date: null, recipient: 'Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội', signerName: expect.stringMatching(/^Thủ trưởng dukcq/) });
    expect(p.letter.paragraphs[0]).toBe('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;');
    expect(p.letter.paragraphs.join('\n')).toContain(`Hội nghị tổng kết công tác thi đua, khen thưởng năm ${y.year} của ${y.blockName} ngày `);
    // Nominees: the elected units of the closed ballots, in catalogue order, with votes and ranks.
    expect(p.nominees.map((n: any) => [n.code, n.unitId, n.approvals, n.percent, n.rank, n.note])).toEqual([
      ['city_flag', y.ids.dukcq, 5, 100, 1, 'Đơn vị dẫn đầu Khối'],
      ['city_merit', y.ids.dukcq, 5, 100, 1, 'Đơn vị dẫn đầu Khối'],
      ['city_merit', y.ids.dukdn, 5, 100, 2, ''],
    ]);
    expect(p.checklist.map((i: any) => [i.kind, i.present])).toEqual([
      ['letter', true], ['minutes', true], ['score_annex', true], ['tally_record', true], ['tally_record', true], ['nominees', true], ['report', false], ['report', false],
    ]);
    expect(p.permissions).toMatchObject({ canEdit: true, canSubmit: false, canUploadReportForUnitId: y.ids.dukcq, canAppraise: false });
    expect(p.history.map((h: any) => h.kind)).toEqual(['created']);
    const [audit] = await auditOf(t.ds, 'proposal', id);
    expect(audit).toMatchObject({ action: 'proposal.create', after: { blockYearId: y.yearId, number: `01/TTr-${y.blockCode}` } });

    const again = await y.leader.post('/api/proposals', { blockYearId: y.yearId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'proposal_exists' });
    expect(again.body.message).toContain('mỗi năm chỉ có một hồ sơ đang xử lý');

    const list = await expectStatus(y.leader.get(url('/checklist')), 200);
    expect(list).toMatchObject({ proposalId: id, complete: false });
    expect(list.missingMessage).toBe(`Hồ sơ chưa đủ thành phần nên chưa thể trình. Còn thiếu: Báo cáo thành tích của ${y.names.dukcq} (đơn vị chưa tải lên báo cáo thành tích); Báo cáo thành tích của ${y.names.dukdn} (đơn vị chưa tải lên báo cáo thành tích).`);
  });

  it('member units read the dossier but never edit it; the leader or deputy seat edits the letter with its version', async () => {
    const member = await t.as(y.acc.lhp.officer);
    const seen = await expectStatus(member.get(url()), 200);
    expect(seen.permissions).toMatchObject({ canEdit: false, canSubmit: false, canUploadReportForUnitId: null });
    const before = await proposalRow();
    for (const c of [member, await t.as(y.acc.lhp.head), await t.as(K4.board)]) {
      const res = await c.patch(url('/letter'), { version: 1, paragraphs: ['Sửa trái phép'] });
      expect(res.status).toBe(403);
    }
    expect((await (await t.as(K4.otherBlock)).get(url())).status).toBe(403);
    expect(await proposalRow()).toEqual(before);

    const deputy = await t.as(y.acc.dukdn.officer);
    const edited = await expectStatus(deputy.patch(url('/letter'), { version: 1, number: `05/TTr-${y.blockCode}`, closing: 'Kính đề nghị Hội đồng xem xét.' }), 200);
    expect(edited).toMatchObject({ version: 2, letter: { number: `05/TTr-${y.blockCode}`, closing: 'Kính đề nghị Hội đồng xem xét.' } });
    const stale = await y.leader.patch(url('/letter'), { version: 1, recipient: 'X' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const bad = await y.leader.patch(url('/letter'), { version: 2, number: '05/KH-X' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ number: 'phải là số, ký hiệu tờ trình dạng "05/TTr-KTĐ4"' });
    const empty = await y.leader.patch(url('/letter'), { version: 2, paragraphs: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty('paragraphs');
    expect((await proposalRow()).version).toBe(2);
    const audit = (await auditOf(t.ds, 'proposal', id)).filter((a) => a.action === 'proposal.letter_update');
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ number: `05/TTr-${y.blockCode}`, closing: 'Kính đề nghị Hội đồng xem xét.' });
  });

  it('an incomplete dossier is not submitted: 409 naming every missing part, nothing changes', async () => {
    const res = await y.leaderHead.post(url('/submit'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier_incomplete');
    expect(res.body.message).toContain(`Còn thiếu: Báo cáo thành tích của ${y.names.dukcq}`);
    expect(res.body.fields).toEqual({ [`report:${y.ids.dukcq}`]: 'Đơn vị chưa tải lên báo cáo thành tích', [`report:${y.ids.dukdn}`]: 'Đơn vị chưa tải lên báo cáo thành tích' });
    expect(await proposalRow()).toMatchObject({ status: 'draft', submitted_at: null, due_date: null });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM proposal_nominees WHERE proposal_id = $1', [id]))[0].n).toBe(0);
  });

  it('each nominee unit uploads its own achievement report, typed by content; nobody uploads for another unit', async () => {
    const count = async () => (await t.ds.query('SELECT count(*)::int AS n FROM proposal_reports WHERE proposal_id = $1', [id]))[0].n;
    const notNominated = await uploadAs(t, y.acc.lhp.officer, url(`/reports/${y.ids.lhp}`), PDF, 'bao-cao.pdf');
    expect(notNominated.status).toBe(409);
    expect(notNominated.body).toMatchObject({ code: 'not_nominated' });
    for (const [email, unit] of [[y.acc.dukdn.officer, y.ids.dukcq], [y.acc.dukcq.officer, y.ids.dukdn], [y.acc.lhp.head, y.ids.dukcq]]) {
      const res = await uploadAs(t, email, url(`/reports/${unit}`), PDF, 'bao-cao.pdf');
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'not_own_unit', message: 'Bạn chỉ được tải lên báo cáo thành tích của đơn vị mình.' });
    }
    expect((await uploadAs(t, K4.board, url(`/reports/${y.ids.dukcq}`), PDF, 'bao-cao.pdf')).status).toBe(403);
    const html = await uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), Buffer.from('<html><script>alert(1)</script></html>'), 'bao-cao.pdf');
    expect(html.status).toBe(400);
    expect(html.body).toMatchObject({ code: 'bad_file_type' });
    expect(html.body.message).toContain('chỉ nhận PDF, Word (.docx, .doc) hoặc OpenDocument (.odt)');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), png, 'anh.png')).body.code).toBe('bad_file_type');
    expect((await uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), Buffer.alloc(0), 'rong.pdf')).status).toBe(400);
    expect(await count()).toBe(0);

    const first = await expectRes(uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), PDF, 'Báo cáo thành tích ĐUK.pdf'), 201);
    expect(first).toMatchObject({ unitId: y.ids.dukcq, filename: 'Báo cáo thành tích ĐUK.pdf', mimeType: 'application/pdf', sha256: sha(PDF), supersededAt: null });
    const docx = await tinyDocx();
    const second = await expectRes(uploadAs(t, y.acc.dukdn.head, url(`/reports/${y.ids.dukdn}`), docx, 'bao-cao'), 201);
    expect(second).toMatchObject({ filename: 'bao-cao.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sha256: sha(docx) });
    const file = await download(await t.as(y.acc.lhp.officer), url(`/reports/${second.id}/file`));
    expect(file.status).toBe(200);
    expect(sha(file.body)).toBe(sha(docx));
    const [row] = await t.ds.query('SELECT sha256, size_bytes FROM proposal_reports WHERE id = $1', [first.id]);
    expect(row).toEqual({ sha256: sha(PDF), size_bytes: PDF.length });
    const audit = (await auditOf(t.ds, 'proposal', id)).filter((a) => a.action === 'proposal.report_upload');
    expect(audit.map((a) => a.after.sha256)).toEqual([sha(PDF), sha(docx)]);
  });

  it('only the head of the leader unit submits; the appraisal deadline counts working days from the submission', async () => {
    for (const email of [y.acc.dukcq.officer, y.acc.dukdn.head, y.acc.lhp.head, K4.board]) {
      const res = await (await t.as(email)).post(url('/submit'));
      expect(res.status).toBe(403);
    }
    expect((await y.leader.post(url('/submit'))).body).toMatchObject({ code: 'not_leader_head', message: 'Chỉ thủ trưởng đơn vị Khối trưởng được trình hồ sơ đề nghị khen thưởng lên Ban Thi đua – Khen thưởng Thành phố.' });
    // The board sets this year's appraisal deadline; nobody else may.
    expect((await y.leaderHead.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 3 })).status).toBe(403);
    expect(await expectStatus(y.leader.get(`/api/proposals/settings?year=${y.year}`), 200)).toMatchObject({ appraisalWorkingDays: 25, isDefault: true, version: 0 });
    const board = await t.as(K4.board);
    expect((await board.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 0 })).body.fields).toHaveProperty('appraisalWorkingDays');
    expect(await expectStatus(board.patch(`/api/proposals/settings?year=${y.year}`, { appraisalWorkingDays: 3 }), 200)).toMatchObject({ appraisalWorkingDays: 3, isDefault: false, version: 1 });

    const p = await expectStatus(y.leaderHead.post(url('/submit')), 200);
    const due = appraisalDueDate(today, 3, OFFICIAL_CALENDAR);
    expect(p).toMatchObject({ status: 'submitted', statusLabel: 'Đã trình', nomineesFrozen: true, dueDate: due, workingDaysLeft: 3, overdue: false, appraisalWorkingDays: 3, submissions: 1 });
    expect(p.letter.date).toBe(today);
    expect(due).toBe(addWorkingDays(today, 3, OFFICIAL_CALENDAR));
    // The block year follows its dossier, audited.
    expect((await t.ds.query('SELECT status FROM block_years WHERE id = $1', [y.yearId]))[0].status).toBe('submitted');
    expect((await auditOf(t.ds, 'block_year', y.yearId)).filter((a) => a.action === 'block_year.status').map((a) => [a.before.status, a.after.status])).toEqual([['setup', 'submitted']]);
    expect(p.history.at(-1)).toMatchObject({ kind: 'submitted', dueDate: due, detail: { submission: 1, appraisalWorkingDays: 3 } });
    expect(await t.ds.query('SELECT award_code, unit_id FROM proposal_nominees WHERE proposal_id = $1 ORDER BY sort', [id])).toEqual([
      { award_code: 'city_flag', unit_id: y.ids.dukcq }, { award_code: 'city_merit', unit_id: y.ids.dukcq }, { award_code: 'city_merit', unit_id: y.ids.dukdn },
    ]);
    // With the board, the block cannot change it.
    const edit = await y.leader.patch(url('/letter'), { version: p.version, closing: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toBe('Hồ sơ đang ở trạng thái "Đã trình" nên không thể sửa hồ sơ; chỉ được sửa hồ sơ khi hồ sơ "Đang lập" hoặc "Bị trả lại".');
    expect((await uploadAs(t, y.acc.dukcq.officer, url(`/reports/${y.ids.dukcq}`), PDF, 'x.pdf')).status).toBe(409);
    expect((await y.leaderHead.post(url('/submit'))).status).toBe(409);
  });

  it('the board inbox lists the dossiers of every block with due dates; units see only their blocks', async () => {
    const board = await t.as(K4.board);
    const inbox = await expectStatus(board.get(`/api/proposals?year=${y.year}`), 200);
    expect(inbox.find((x: any) => x.id === id)).toMatchObject({ blockName: y.blockName, status: 'submitted', dueDate: appraisalDueDate(today, 3, OFFICIAL_CALENDAR), nomineeCount: 3, decidedCount: 0 });
    expect((await expectStatus(board.get('/api/proposals?status=draft'), 200)).some((x: any) => x.id === id)).toBe(false);
    expect((await expectStatus(board.get('/api/proposals?status=submitted'), 200)).some((x: any) => x.id === id)).toBe(true);
    expect((await expectStatus((await t.as(y.acc.hiza.officer)).get('/api/proposals'), 200)).map((x: any) => x.id)).toContain(id);
    expect((await expectStatus((await t.as(K4.otherBlock)).get('/api/proposals'), 200)).map((x: any) => x.id)).not.toContain(id);
    expect((await board.get('/api/proposals?year=abc')).status).toBe(400);
  });

  it('the board approves only what is under appraisal; it takes the dossier and sees eligibility and quota breaches', async () => {
    const board = await t.as(K4.board);
    const early = await board.post(url('/approve'), {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'wrong_status', message: 'Hồ sơ đang ở trạng thái "Đã trình" nên không thể thông qua hồ sơ; chỉ được thông qua hồ sơ khi hồ sơ "Đang thẩm định".' });
    expect((await proposalRow()).status).toBe('submitted');
    expect((await y.leader.post(url('/appraisal/start'))).status).toBe(403);
    const taken = await expectStatus(board.post(url('/appraisal/start')), 200);
    expect(taken).toMatchObject({ status: 'under_appraisal', permissions: { canAppraise: true, canDecide: false } });
    expect((await board.post(url('/appraisal/start'))).status).toBe(409);

    // A disciplinary flag after the ballot and a city-wide quota of 0 for the city flag: the checks show both.
    await expectStatus(board.post('/api/discipline-flags', { unitId: y.ids.dukdn, year: y.year, reason: 'Vi phạm quy định về quản lý tài chính' }), 201);
    const catalogue = await expectStatus(board.get(`/api/awards/catalogue?year=${y.year}`), 200);
    const flag = catalogue.find((a: any) => a.code === 'city_flag');
    await expectStatus(board.patch(`/api/awards/catalogue/${flag.id}`, { cityQuota: 0, version: flag.version }), 200);
    const a = await expectStatus(board.get(url('/appraisal')), 200);
    expect(a.nominees.find((n: any) => n.unitId === y.ids.dukdn)).toMatchObject({ eligible: false, code: 'city_merit' });
    expect(a.nominees.find((n: any) => n.unitId === y.ids.dukcq && n.code === 'city_flag')).toMatchObject({ eligible: true, rank: 1 });
    expect(a.blockQuotas.find((q: any) => q.code === 'city_merit')).toMatchObject({ limit: 2, proposed: 2 });
    expect(a.breaches.map((b: any) => [b.scope, b.kind, b.code])).toEqual(expect.arrayContaining([['eligibility', 'not_eligible', 'city_merit'], ['city_quota', 'over_city_quota', 'city_flag']]));
    expect(a.breaches.find((b: any) => b.scope === 'eligibility').message).toContain(`${y.names.dukdn} chưa đủ điều kiện đề nghị Bằng khen của Chủ tịch UBND Thành phố`);
    expect(a.city.usage.find((u: any) => u.code === 'city_flag')).toMatchObject({ limit: 0, over: true });
    expect(a.city.usage.find((u: any) => u.code === 'city_flag').pending).toBeGreaterThanOrEqual(1);
    // Members of the block read the checks too; units of other blocks do not.
    expect((await (await t.as(y.acc.lhp.officer)).get(url('/appraisal'))).status).toBe(200);
    expect((await (await t.as(K4.otherBlock)).get(url('/appraisal'))).status).toBe(403);
  });

  it('the board returns it with a reason; the block fixes it and resubmits; every step stays in the history', async () => {
    const board = await t.as(K4.board);
    const noReason = await board.post(url('/return'), { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    expect((await y.leader.post(url('/return'), { reason: 'x' })).status).toBe(403);
    const reason = 'Báo cáo thành tích của ĐUK Doanh nghiệp chưa có xác nhận của cơ quan chủ quản; đề nghị bổ sung.';
    const returned = await expectStatus(board.post(url('/return'), { reason }), 200);
    expect(returned).toMatchObject({ status: 'returned', returnReason: reason, workingDaysLeft: null, permissions: { canEdit: false, canAppraise: false } });
    expect(returned.nomineesFrozen).toBe(false);
    const [audit] = (await auditOf(t.ds, 'proposal', id)).filter((x) => x.action === 'proposal.return');
    expect(audit).toMatchObject({ reason, before: { status: 'under_appraisal' }, after: { status: 'returned' } });

    // The block fixes: a new report, a corrected letter.
    const fixed = await tinyDocx('Báo cáo thành tích (có xác nhận)');
    await expectRes(uploadAs(t, y.acc.dukdn.officer, url(`/reports/${y.ids.dukdn}`), fixed, 'bao-cao-co-xac-nhan.docx'), 201);
    const p = await expectStatus(y.leader.get(url()), 200);
    expect(p.permissions.canEdit).toBe(true);
    await expectStatus(y.leader.patch(url('/letter'), { version: p.version, paragraphs: [...p.letter.paragraphs, 'Hồ sơ đã bổ sung theo ý kiến của Ban Thi đua - Khen thưởng Thành phố.'] }), 200);
    const reports = (await expectStatus(y.leader.get(url()), 200)).reports.filter((r: any) => r.unitId === y.ids.dukdn);
    expect(reports).toHaveLength(2);
    expect(reports.filter((r: any) => r.supersededAt === null).map((r: any) => r.sha256)).toEqual([sha(fixed)]);

    const again = await expectStatus(y.leaderHead.post(url('/submit')), 200);
    expect(again).toMatchObject({ status: 'submitted', submissions: 2, returnReason: reason });
    expect(again.history.map((h: any) => h.kind)).toEqual(['created', 'submitted', 'appraisal_started', 'returned', 'submitted']);
    expect(again.history[3]).toMatchObject({ reason, label: 'Ban TĐKT trả lại hồ sơ' });
    expect(again.history[4].detail.reports).toEqual(expect.arrayContaining([{ unitId: y.ids.dukdn, sha256: sha(fixed) }]));
  });

  it('the board approves after appraising', async () => {
    const board = await t.as(K4.board);
    await expectStatus(board.post(url('/appraisal/start')), 200);
    expect((await (await t.as(y.acc.lhp.head)).post(url('/approve'), {})).status).toBe(403);
    const approved = await expectStatus(board.post(url('/approve'), { reason: 'Đủ điều kiện trình Hội đồng' }), 200);
    expect(approved).toMatchObject({ status: 'approved', statusLabel: 'Đã thông qua', permissions: { canDecide: true } });
    expect(approved.history.at(-1)).toMatchObject({ kind: 'approved', reason: 'Đủ điều kiện trình Hội đồng' });
    expect((await board.post(url('/return'), { reason: 'x' })).status).toBe(409);
  });

  it('records the council decisions per nominee into the award history; refuses units not nominated; decided when every nominee has one', async () => {
    const board = await t.as(K4.board);
    const history = async () => (await t.ds.query('SELECT count(*)::int AS n FROM award_history'))[0].n;
    const n0 = await history();
    const decision = { outcome: 'awarded', decisionNumber: '512/QĐ-UBND', decisionDate: today, signer: 'Trần Sỹ Thanh – Chủ tịch' };
    const notNominated = await board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.lhp, code: 'city_merit' }] });
    expect(notNominated.status).toBe(400);
    expect(notNominated.body).toMatchObject({ code: 'not_nominated', message: 'Đơn vị không có trong danh sách đề nghị khen thưởng của hồ sơ nên không thể ghi nhận quyết định.' });
    const otherAward = await board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukdn, code: 'city_flag' }] });
    expect(otherAward.status).toBe(400);
    expect(otherAward.body.message).toContain('(được đề nghị: Bằng khen của Chủ tịch UBND Thành phố)');
    // One bad entry refuses the whole decision.
    expect((await board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }, { unitId: y.ids.lhp, code: 'city_flag' }] })).status).toBe(400);
    expect((await board.post(url('/decisions'), { outcome: 'awarded', nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }] })).body.fields).toEqual({
      decisionNumber: 'là bắt buộc', decisionDate: 'là bắt buộc', signer: 'là bắt buộc',
    });
    expect((await board.post(url('/decisions'), { ...decision, decisionDate: addWorkingDays(today, 5, OFFICIAL_CALENDAR), nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }] })).body.fields).toHaveProperty('decisionDate');
    expect((await board.post(url('/decisions'), { outcome: 'not_awarded', nominees: [{ unitId: y.ids.dukdn, code: 'city_merit' }] })).body.fields).toEqual({ reason: 'là bắt buộc' });
    expect((await y.leaderHead.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }] })).status).toBe(403);
    expect(await history()).toBe(n0);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM proposal_decisions WHERE proposal_id = $1', [id])).toEqual([{ n: 0 }]);

    const one = await expectStatus(board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }] }), 201);
    expect(one).toMatchObject({ status: 'approved', decidedCount: 1 });
    const d = one.decisions[0];
    expect(d).toMatchObject({ unitId: y.ids.dukcq, code: 'city_flag', outcome: 'awarded', decisionNumber: '512/QĐ-UBND', decisionDate: today, signer: 'Trần Sỹ Thanh – Chủ tịch', revoked: false });
    const [h] = await t.ds.query(`SELECT unit_id, year, code, source, proposal_id, decision_number, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM award_history WHERE id = $1`, [d.awardHistoryId]);
    expect(h).toEqual({ unit_id: y.ids.dukcq, year: y.year, code: 'city_flag', source: 'decision', proposal_id: id, decision_number: '512/QĐ-UBND', decision_date: today });
    const twice = await board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukcq, code: 'city_flag' }] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_decided');

    await expectStatus(board.post(url('/decisions'), { ...decision, decisionNumber: '513/QĐ-UBND', nominees: [{ unitId: y.ids.dukcq, code: 'city_merit' }] }), 201);
    const done = await expectStatus(board.post(url('/decisions'), { outcome: 'not_awarded', reason: 'Đơn vị bị xử lý kỷ luật trong năm', nominees: [{ unitId: y.ids.dukdn, code: 'city_merit' }] }), 201);
    expect(done).toMatchObject({ status: 'decided', statusLabel: 'Đã có quyết định', decidedCount: 3 });
    expect((await t.ds.query('SELECT status FROM block_years WHERE id = $1', [y.yearId]))[0].status).toBe('decided');
    expect(done.decidedAt).toBeTruthy();
    expect(done.history.slice(-4).map((x: any) => x.kind)).toEqual(['decision', 'decision', 'decision', 'decided']);
    expect(done.nominees.find((n: any) => n.unitId === y.ids.dukdn).decision).toMatchObject({ outcome: 'not_awarded', reason: 'Đơn vị bị xử lý kỷ luật trong năm', awardHistoryId: null });
    expect(await history()).toBe(n0 + 2);
    // The unit's award history shows both awards.
    const unitHistory = await expectStatus((await t.as(y.acc.dukcq.officer)).get(`/api/units/${y.ids.dukcq}/awards`), 200);
    expect(unitHistory.filter((r: any) => r.proposalId === id).map((r: any) => [r.code, r.decisionNumber])).toEqual(expect.arrayContaining([['city_flag', '512/QĐ-UBND'], ['city_merit', '513/QĐ-UBND']]));
    expect((await board.post(url('/decisions'), { ...decision, nominees: [{ unitId: y.ids.dukdn, code: 'city_merit' }] })).status).toBe(409);
    // Decisions are records: the database refuses to rewrite them.
    await expect(t.ds.query(`UPDATE proposal_decisions SET signer = 'x' WHERE proposal_id = $1`, [id])).rejects.toThrow(/records/);
    await expect(t.ds.query('DELETE FROM proposal_events WHERE proposal_id = $1', [id])).rejects.toThrow(/records/);
  });

  it('produces the submission letter, the nominee list and the decision list as .docx and .pdf, and the whole bundle', async () => {
    const member = await t.as(y.acc.hiza.officer);
    const letter = await download(member, url('/documents/letter?format=docx'));
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    const lt = flat(await docxText(letter.body));
    expect(lt).toContain('TỜ TRÌNH');
    expect(lt).toContain(`Số: 05/TTr-${y.blockCode}`);
    expect(lt).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội');
    expect(lt).toContain('1. Cờ thi đua của UBND Thành phố: 01 tập thể');
    expect(lt).toContain(`${y.names.dukcq} (đạt 5 phiếu, tỷ lệ 100%, xếp hạng 1);`);
    expect(lt).toContain('Hồ sơ đã bổ sung theo ý kiến của Ban Thi đua - Khen thưởng Thành phố.');
    expect(lt).toContain('Báo cáo thành tích của các tập thể được đề nghị (02 bản)');
    expect(lt).toContain('KHỐI TRƯỞNG');
    const letterPdf = await download(member, url('/documents/letter?format=pdf'));
    expect(letterPdf.headers['content-type']).toBe('application/pdf');
    expect(flat(await pdfText(letterPdf.body))).toContain('TỜ TRÌNH');

    const list = flat(await docxText((await download(member, url('/documents/nominees?format=docx'))).body));
    expect(list).toContain('DANH SÁCH');
    expect(list).toContain(`(Kèm theo Tờ trình số 05/TTr-${y.blockCode} ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} của ${y.blockName})`);
    for (const h of ['STT', 'Tên đơn vị', 'Hình thức khen thưởng', 'Số phiếu', 'Tỷ lệ', 'Xếp hạng', 'Ghi chú']) expect(list).toContain(h);
    expect(list).toContain('Đơn vị dẫn đầu Khối');
    expect(flat(await pdfText((await download(member, url('/documents/nominees?format=pdf'))).body))).toContain(y.names.dukdn);

    const many = await member.get(url('/documents/decision-list?format=docx'));
    expect(many.status).toBe(400);
    expect(many.body.message).toContain('512/QĐ-UBND, 513/QĐ-UBND');
    const dl = flat(await docxText((await download(member, url(`/documents/decision-list?format=docx&decisionNumber=${encodeURIComponent('512/QĐ-UBND')}`))).body));
    expect(dl).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(dl).toContain('Số: 512/QĐ-UBND');
    expect(dl).toContain('(Kèm theo Quyết định số 512/QĐ-UBND ngày');
    expect(dl).toContain(y.names.dukcq);
    expect(dl).not.toContain(y.names.dukdn);
    expect(dl).toContain('Trần Sỹ Thanh');
    const dlPdf = await download(member, url(`/documents/decision-list?format=pdf&decisionNumber=${encodeURIComponent('513/QĐ-UBND')}`));
    expect(flat(await pdfText(dlPdf.body))).toContain('Bằng khen của Chủ tịch UBND Thành phố');
    expect((await member.get(url('/documents/letter?format=odt'))).status).toBe(400);

    // The other parts come from their modules.
    expect((await download(member, url('/documents/minutes?format=pdf'))).headers['content-type']).toBe('application/pdf');
    expect((await download(member, url('/documents/score-annex?format=pdf'))).status).toBe(200);
    // The dossier's score annex says which award it proposes for each nominated unit ("Đề nghị").
    const annex = new ExcelJS.Workbook();
    await annex.xlsx.load((await download(member, url('/documents/score-annex?format=xlsx'))).body as unknown as ArrayBuffer);
    const sheet = annex.worksheets[0];
    let headRow = 0;
    sheet.eachRow((row, n) => { if (row.getCell(1).value === 'STT') headRow = n; });
    const head = (sheet.getRow(headRow).values as unknown[]).slice(1) as string[];
    const proposed = new Map<string, unknown>();
    sheet.eachRow((row, n) => { if (n > headRow) proposed.set(String(row.getCell(2).value), row.getCell(head.indexOf('Đề nghị') + 1).value); });
    const dossier = await expectStatus(member.get(url('')), 200);
    expect(dossier.nominees.length).toBeGreaterThan(0);
    for (const n of dossier.nominees) expect(String(proposed.get(n.unitName))).toContain(n.awardName);
    const nominated = new Set(dossier.nominees.map((n: { unitName: string }) => n.unitName));
    for (const [name, value] of proposed) if (!nominated.has(name)) expect(value).toBe('');
    const tally = await download(member, url(`/documents/tally-records/${y.ballots.city_flag}?format=docx`));
    expect(flat(await docxText(tally.body))).toContain('KIỂM PHIẾU');
    expect((await member.get(url('/documents/tally-records/00000000-0000-4000-8000-000000000000?format=pdf'))).status).toBe(404);

    const bundle = await download(member, url('/bundle'));
    expect(bundle.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(bundle.body);
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['00-Muc-luc.txt', '01-To-trinh.pdf', '02-To-trinh.docx', '03-Bien-ban-hoi-nghi-tong-ket.pdf', '04-Bang-tong-hop-diem.pdf']));
    expect(names.filter((n) => n.includes('Bien-ban-kiem-phieu'))).toHaveLength(2);
    expect(names.filter((n) => n.includes('Bao-cao-thanh-tich'))).toHaveLength(2);
    expect(names.filter((n) => n.includes('Danh-sach-kem-theo-QD'))).toHaveLength(2);
    const toc = await zip.file('00-Muc-luc.txt')!.async('string');
    expect(toc).toContain(`SHA-256 ${sha(PDF)}`);
  }, 60_000);

  it('a revoked award is no longer counted: city quota use, the dossier and its decision list', async () => {
    const board = await t.as(K4.board);
    const before = await expectStatus(board.get(`/api/proposals/quota-use?year=${y.year}`), 200);
    const flagBefore = before.usage.find((u: any) => u.code === 'city_flag');
    const p = await expectStatus(board.get(url()), 200);
    expect(p).toMatchObject({ decidedCount: 3, awardedCount: 2 });
    const award = p.decisions.find((d: any) => d.code === 'city_flag');
    expect((await (await t.as(y.acc.lhp.officer)).get(`/api/proposals/quota-use?year=${y.year}`)).status).toBe(403);

    await expectStatus(board.post(`/api/award-history/${award.awardHistoryId}/revoke`, { reason: 'Kê khai không trung thực thành tích', decisionNumber: '900/QĐ-UBND' }), 200);
    const after = await expectStatus(board.get(`/api/proposals/quota-use?year=${y.year}`), 200);
    const flagAfter = after.usage.find((u: any) => u.code === 'city_flag');
    expect(flagAfter.decided).toBe(flagBefore.decided - 1);
    expect(flagAfter.used).toBe(flagBefore.used - 1);
    const now = await expectStatus(board.get(url()), 200);
    expect(now.decisions.find((d: any) => d.code === 'city_flag')).toMatchObject({ revoked: true });
    expect(now).toMatchObject({ status: 'decided', decidedCount: 3, awardedCount: 1 });
    expect((await expectStatus(board.get(`/api/proposals?year=${y.year}`), 200)).find((x: any) => x.id === id)).toMatchObject({ awardedCount: 1 });
    expect(now.decisions.find((d: any) => d.code === 'city_merit' && d.outcome === 'awarded')).toMatchObject({ revoked: false });
    const dl = flat(await docxText((await download(board, url(`/documents/decision-list?format=docx&decisionNumber=${encodeURIComponent('512/QĐ-UBND')}`))).body));
    expect(dl).toContain('Đã thu hồi');
  });

  it('the board never writes scores: the score endpoints refuse it', async () => {
    const { cookie, csrf } = await (await import('../factories')).signInRaw(t, K4.board);
    const criterion = y.scheme.byCode['I.1'].id;
    for (const path of ['final', 'appraisal', 'reviews', 'self']) {
      const res = await t.http().put(`/api/rounds/${y.roundId}/units/${y.ids.lhp}/${path}/${criterion}`).set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ score: 20, note: 'Ban sửa điểm', version: 1 });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('Ban Thi đua – Khen thưởng Thành phố');
    }
  });
});
