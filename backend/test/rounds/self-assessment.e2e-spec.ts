import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4, uploader } from '../scoring/helpers';
import { advanceTo, fillSelf, FULL, openRound, OpenRound, PDF, selfUrl, unitUrl } from './helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);

describe('self-assessment: rows, bad input, concurrency, evidence, submission', () => {
  let t: TestApp;
  let r: OpenRound;
  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t);
  });
  afterAll(() => t.close());

  const rowsOf = async (unitId: string) => t.ds.query(`SELECT criterion_id, source, score::float8 AS score, count, actual::float8 AS actual, note, version FROM score_entries WHERE round_id = $1 AND unit_id = $2 ORDER BY criterion_id`, [r.round.id, unitId]);

  it('saves each criterion type; target scores are computed, never typed; running totals show', async () => {
    const put = await r.put(r.acc.lhp.officer);
    const a = await expectStatus(put(selfUrl(r, r.ids.lhp, 'I.1'), { score: 18.5, note: 'Hoàn thành', version: 0 }), 200);
    expect(a).toMatchObject({ changed: true, row: { score: 18.5, note: 'Hoàn thành', version: 1, source: 'self' } });
    expect((await expectStatus(put(selfUrl(r, r.ids.lhp, 'I.2'), { passed: true, version: 0 }), 200)).row.score).toBe(10);
    expect((await expectStatus(put(selfUrl(r, r.ids.lhp, 'I.3'), { count: 7, version: 0 }), 200)).row.score).toBe(10); // 7 × 2 capped at 10
    const target = await expectStatus(put(selfUrl(r, r.ids.lhp, 'II.1'), { actual: 45, version: 0 }), 200);
    expect(target.row).toMatchObject({ actual: 45, score: null });
    expect((await expectStatus(put(selfUrl(r, r.ids.lhp, 'T'), { items: { initiative: 1 }, version: 0 }), 200)).row.score).toBe(10);
    const same = await expectStatus(put(selfUrl(r, r.ids.lhp, 'I.1'), { score: 18.5, note: 'Hoàn thành', version: 1 }), 200);
    expect(same).toMatchObject({ changed: false, row: { version: 1 } });
    const view = await expectStatus((await t.as(r.acc.lhp.officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    const row = (code: string) => view.rows.find((x: any) => x.code === code);
    expect(row('II.1').selfScore).toBe(30); // the only unit with an actual and no target: A / max(A) · M
    expect(row('I').selfScore).toBe(38.5);
    expect(view.totals).toMatchObject({ max: 100, score: 68.5, bonus: 10, deductions: 0, total: 78.5, filled: 4, required: 5, unfilledCodes: ['II.2'], evidenceMissingCodes: ['I.1'] });
    expect(view.permissions).toMatchObject({ canEdit: true, canSubmit: true, canConfirm: false, canReturn: false });
    expect(view.finalTotals).toBeNull();
  });

  it('refuses bad input with a 400 naming the criterion, and changes nothing', async () => {
    const put = await r.put(r.acc.hiza.officer);
    await expectStatus(put(selfUrl(r, r.ids.hiza, 'I.1'), { score: 10, version: 0 }), 200);
    const before = await rowsOf(r.ids.hiza);
    const audits = (await t.ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n;
    const cases: [string, object, string][] = [
      ['I.1', { score: 21, version: 1 }, 'Tiêu chí I.1: điểm 21 nằm ngoài khoảng 0–20'],
      ['I.1', { score: -1, version: 1 }, 'Tiêu chí I.1: điểm -1 nằm ngoài khoảng 0–20'],
      ['I.1', { score: 1.555, version: 1 }, 'Tiêu chí I.1: điểm chỉ được lẻ tối đa 2 chữ số thập phân'],
      ['I.3', { count: -2, version: 0 }, 'Tiêu chí I.3: số lần không được âm (-2)'],
      ['I.3', { count: 1.5, version: 0 }, 'Tiêu chí I.3: số lần phải là số nguyên (1,5)'],
      ['I.1', { actual: 5, version: 1 }, 'Tiêu chí I.1: không phải tiêu chí theo chỉ tiêu nên không nhận giá trị thực hiện'],
      ['II.1', { score: 30, version: 0 }, 'Tiêu chí II.1: điểm của tiêu chí theo chỉ tiêu được tính tự động từ giá trị thực hiện, không nhập tay'],
      ['II.1', { actual: -4, version: 0 }, 'Tiêu chí II.1: giá trị thực hiện không được âm (-4)'],
      ['I.2', { passed: 'có', version: 0 }, 'Tiêu chí I.2: kết quả phải là đạt hoặc không đạt'],
      ['T', { items: { unknown: 1 }, version: 0 }, 'Tiêu chí T: không có khoản "unknown" trong mục điểm thưởng này'],
      ['D', { items: { late: -1 }, version: 0 }, 'Tiêu chí D: số lần của khoản "Nộp báo cáo chậm" không được âm (-1)'],
    ];
    for (const [code, body, message] of cases) {
      const res = await put(selfUrl(r, r.ids.hiza, code), body);
      expect({ code, status: res.status, message: res.body.message }).toEqual({ code, status: 400, message: `${message}.` });
    }
    const group = await put(`${unitUrl(r, r.ids.hiza)}/self/${r.c('I')}`, { score: 1, version: 0 });
    expect(group.status).toBe(400);
    expect(group.body.message).toContain('Nhóm I');
    expect(await rowsOf(r.ids.hiza)).toEqual(before);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n).toBe(audits);
    // The database refuses a score above the maximum even if the service were bypassed.
    await expect(t.ds.query(`UPDATE score_entries SET score = 25 WHERE round_id = $1 AND unit_id = $2`, [r.round.id, r.ids.hiza])).rejects.toThrow(/ck_score_entries_score_range/);
  });

  it('only the unit itself self-assesses: other units, the leader for another unit and the board get 403', async () => {
    const url = selfUrl(r, r.ids.dukdh, 'I.1');
    for (const email of [r.acc.lhp.officer, r.acc.dukcq.officer, K4.board, K4.admin, K4.otherBlock]) {
      const res = await (await r.put(email))(url, { score: 5, version: 0 });
      expect({ email, status: res.status }).toEqual({ email, status: 403 });
    }
    const board = await (await r.put(K4.board))(url, { score: 5, version: 0 });
    expect(board.body.message).toContain('không chấm điểm của khối');
    expect((await (await r.put(r.acc.dukdh.head))(url, { score: 5, version: 0 })).status).toBe(200);
  });

  it('two officers saving one row with the same version: one wins, the other gets 409 with the newer value; nothing is lost', async () => {
    const officer = await r.put(r.acc.dukdn.officer);
    const head = await r.put(r.acc.dukdn.head);
    const url = selfUrl(r, r.ids.dukdn, 'II.2');
    // Concurrent first saves (both version 0).
    const [x, y] = await Promise.all([officer(url, { score: 20, note: 'cán bộ', version: 0 }), head(url, { score: 22, note: 'thủ trưởng', version: 0 })]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const [win, lose] = x.status === 200 ? [x, y] : [y, x];
    expect(lose.body).toMatchObject({ code: 'stale_version', current: { score: win.body.row.score, note: win.body.row.note, version: 1 } });
    expect(lose.body.message).toContain('Tiêu chí II.2');
    // Sequential stale save.
    await expectStatus(officer(url, { score: 21, note: 'sửa lần 2', version: 1 }), 200);
    const stale = await head(url, { score: 5, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ score: 21, note: 'sửa lần 2', version: 2 });
    // Many concurrent saves with the same version: exactly one lands.
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? officer : head)(url, { score: i, version: 2 })));
    expect(results.filter((res) => res.status === 200)).toHaveLength(1);
    expect(results.filter((res) => res.status === 409)).toHaveLength(7);
    const [row] = await t.ds.query(`SELECT id, score::float8 AS score, version FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [r.round.id, r.ids.dukdn, r.c('II.2')]);
    expect(row.version).toBe(3);
    expect(row.score).toBe(results.find((res) => res.status === 200)!.body.row.score);
    // Every landed write is in the audit trail, in order.
    const trail = await auditOf(t.ds, 'score_entry', row.id);
    expect(trail.map((a) => a.after.score)).toEqual([win.body.row.score, 21, row.score]);
    // Different rows of one unit never conflict.
    const both = await Promise.all([officer(selfUrl(r, r.ids.dukdn, 'I.2'), { passed: true, version: 0 }), head(selfUrl(r, r.ids.dukdn, 'I.3'), { count: 2, version: 0 })]);
    expect(both.map((b) => b.status)).toEqual([200, 200]);
  });

  it('takes evidence by content type with its SHA-256; refuses forbidden types and oversize files naming the criterion', async () => {
    const up = await uploader(t, r.acc.lhp.officer);
    const url = `${unitUrl(r, r.ids.lhp)}/evidence/${r.c('I.1')}`;
    const pdf = await expectStatus(up(url, PDF, 'Báo cáo tổng kết.pdf'), 201);
    expect(pdf).toMatchObject({ filename: 'Báo cáo tổng kết.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
    const png = await expectStatus(up(url, PNG, 'anh-hoi-nghi.txt'), 201);
    expect(png).toMatchObject({ mimeType: 'image/png', filename: 'anh-hoi-nghi.txt.png' });
    const exe = await up(url, EXE, 'bao-cao.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body.code).toBe('bad_file_type');
    expect(exe.body.message).toContain('Tiêu chí I.1: tệp "bao-cao.pdf" không thuộc loại được phép');
    const big = await up(url, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'lon.pdf');
    expect(big.status).toBe(413);
    expect(big.body.message).toContain('Tiêu chí I.1: tệp "lon.pdf"');
    expect(big.body.message).toContain('vượt quá giới hạn 10 MB');
    const other = await (await uploader(t, r.acc.hiza.officer))(url, PDF, 'x.pdf');
    expect(other.status).toBe(403);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM evidence_files WHERE round_id = $1 AND unit_id = $2`, [r.round.id, r.ids.lhp]);
    expect(n).toBe(2);
    const [stored] = await t.ds.query(`SELECT encode(sha256(content), 'hex') AS h, sha256 FROM evidence_files WHERE id = $1`, [pdf.id]);
    expect(stored.h).toBe(stored.sha256);
    // The file comes back as stored; another unit (not its reviewer) cannot read it; the board can.
    const dl = await (await t.as(r.acc.lhp.officer)).get(`/api/evidence/${pdf.id}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(dl.body, PDF)).toBe(0);
    expect((await (await t.as(r.acc.hiza.officer)).get(`/api/evidence/${pdf.id}`)).status).toBe(403);
    expect((await (await t.as(K4.board)).get(`/api/evidence/${pdf.id}`)).status).toBe(200);
    // Removing evidence while the draft is open.
    expect((await (await t.as(r.acc.lhp.officer)).delete(`/api/evidence/${png.id}`)).status).toBe(204);
  });

  it('submits only complete work, needs the head’s confirmation, can be returned with a reason and resubmitted', async () => {
    const officer = await t.as(r.acc.dukdh.officer);
    const head = await t.as(r.acc.dukdh.head);
    await fillSelf(r, r.acc.dukdh.officer, r.ids.dukdh, { 'I.2': FULL['I.2'], 'I.3': FULL['I.3'] });
    const incomplete = await officer.post(`${unitUrl(r, r.ids.dukdh)}/submit`);
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.code).toBe('incomplete');
    // I.1 was saved by the head in an earlier test (score 5).
    expect(incomplete.body.message).toBe('Bản tự chấm chưa đầy đủ nên chưa nộp được: chưa chấm tiêu chí II.1, II.2; thiếu minh chứng bắt buộc ở tiêu chí I.1.');
    expect(incomplete.body.fields).toEqual({ 'I.1': 'thiếu minh chứng bắt buộc', 'II.1': 'chưa chấm', 'II.2': 'chưa chấm' });
    const put = await r.put(r.acc.dukdh.officer);
    await expectStatus(put(selfUrl(r, r.ids.dukdh, 'I.1'), { score: 18, version: 1 }), 200);
    await fillSelf(r, r.acc.dukdh.officer, r.ids.dukdh, { 'II.1': FULL['II.1'], 'II.2': FULL['II.2'] });
    const noEvidence = await officer.post(`${unitUrl(r, r.ids.dukdh)}/submit`);
    expect(noEvidence.status).toBe(409);
    expect(noEvidence.body.message).toContain('thiếu minh chứng bắt buộc ở tiêu chí I.1');
    await expectStatus((await uploader(t, r.acc.dukdh.officer))(`${unitUrl(r, r.ids.dukdh)}/evidence/${r.c('I.1')}`, PDF, 'minh-chung.pdf'), 201);

    // submitConfirms: an officer's submission waits for the head's confirmation (false), the head's is the unit's (true).
    expect((await expectStatus(officer.get(`${unitUrl(r, r.ids.dukdh)}/assessment`), 200)).permissions.submitConfirms).toBe(false);
    expect((await expectStatus(head.get(`${unitUrl(r, r.ids.dukdh)}/assessment`), 200)).permissions.submitConfirms).toBe(true);
    const sent = await expectStatus(officer.post(`${unitUrl(r, r.ids.dukdh)}/submit`), 200);
    expect(sent.status).toBe('awaiting_confirmation');
    const locked = await put(selfUrl(r, r.ids.dukdh, 'II.2'), { score: 1, version: 1 });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('chờ thủ trưởng xác nhận');
    expect((await officer.post(`${unitUrl(r, r.ids.dukdh)}/confirm`)).status).toBe(403);
    const confirmed = await expectStatus(head.post(`${unitUrl(r, r.ids.dukdh)}/confirm`), 200);
    expect(confirmed).toMatchObject({ status: 'submitted', confirmedByName: expect.stringContaining('Thủ trưởng') });
    expect(confirmed.submittedAt).not.toBeNull();
    const afterSubmit = await put(selfUrl(r, r.ids.dukdh, 'II.2'), { score: 1, version: 1 });
    expect(afterSubmit.status).toBe(409);
    expect(afterSubmit.body.code).toBe('already_submitted');

    expect((await (await t.as(r.acc.lhp.officer)).post(`${unitUrl(r, r.ids.dukdh)}/return`, { reason: 'x' })).status).toBe(403);
    expect((await r.leader.post(`${unitUrl(r, r.ids.dukdh)}/return`, {})).status).toBe(400);
    const returned = await expectStatus(r.leader.post(`${unitUrl(r, r.ids.dukdh)}/return`, { reason: 'Minh chứng tiêu chí I.1 chưa có chữ ký, đóng dấu' }), 200);
    expect(returned).toMatchObject({ status: 'returned', returnReason: 'Minh chứng tiêu chí I.1 chưa có chữ ký, đóng dấu', submittedAt: null });
    const notes = await expectStatus(officer.get('/api/notifications'), 200);
    expect(notes.find((n: any) => n.kind === 'returned')?.body).toBe('Minh chứng tiêu chí I.1 chưa có chữ ký, đóng dấu');
    await expectStatus(put(selfUrl(r, r.ids.dukdh, 'II.2'), { score: 26, version: 1 }), 200);
    const resubmitted = await expectStatus(head.post(`${unitUrl(r, r.ids.dukdh)}/submit`), 200);
    expect(resubmitted.status).toBe('submitted');
    const trail = (await auditOf(t.ds, 'self_assessment', resubmitted.id)).map((a) => a.action);
    expect(trail).toEqual(['self_assessment.request_confirmation', 'self_assessment.submit', 'self_assessment.return', 'self_assessment.submit']);
    const progress = await expectStatus(r.leader.get(`/api/rounds/${r.round.id}/progress`), 200);
    expect(progress.units.find((u: any) => u.unitId === r.ids.dukdh)).toMatchObject({ status: 'submitted', submitted: true, criteriaFilled: 5, evidenceMissing: 0 });
  });

  it('locks every self-assessment once the phase is over', async () => {
    await advanceTo(r.leader, r.round.id, 'review');
    const res = await (await r.put(r.acc.lhp.officer))(selfUrl(r, r.ids.lhp, 'II.2'), { score: 1, version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('wrong_phase');
    const view = await expectStatus((await t.as(r.acc.lhp.officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    expect(view).toMatchObject({ status: 'locked', permissions: { canEdit: false, canSubmit: false } });
    const upload = await (await uploader(t, r.acc.lhp.officer))(`${unitUrl(r, r.ids.lhp)}/evidence/${r.c('I.1')}`, PDF, 'muon.pdf');
    expect(upload.status).toBe(409);
    expect((await (await t.as(r.acc.lhp.head)).post(`${unitUrl(r, r.ids.lhp)}/submit`)).status).toBe(409);
  });
});
