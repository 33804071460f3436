import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { buildScheme, codes, K4, k4Ids, uploader } from './helpers';

describe('scoring schemes (biểu chấm điểm)', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof k4Ids>>;
  beforeAll(async () => {
    t = await createTestApp();
    ids = await k4Ids(t);
  });
  afterAll(() => t.close());

  it('the leader seat builds a scheme with live totals; problems are listed until the tree adds up', async () => {
    const leader = await t.as(K4.leader2024);
    let s = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Biểu thử tổng', totalMax: 100 }), 201);
    // The demo's scheme is version 1 of 2024; a new one takes the next number.
    expect(s).toMatchObject({ versionNo: 2, status: 'draft', valid: false, permissions: { canEdit: true } });
    s = await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, { type: 'group', code: 'I', title: 'Nhóm một', max: 60 }), 201);
    expect(s.problems.map((p: any) => p.rule).sort()).toEqual(['empty_group', 'total_mismatch']);
    const I = codes(s).I.id;
    s = await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, { parentId: I, type: 'points', code: 'I.1', title: 'Tiêu chí một', max: 25 }), 201);
    expect(codes(s).I).toMatchObject({ childrenMax: 25 });
    expect(s.problems.find((p: any) => p.rule === 'children_below_group')).toMatchObject({ code: 'I' });
    s = await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, { parentId: I, type: 'points', code: 'I.2', title: 'Tiêu chí hai', max: 35 }), 201);
    s = await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, { type: 'pass_fail', code: 'II', title: 'Tiêu chí đạt', max: 40 }), 201);
    expect(s).toMatchObject({ valid: true, problems: [], totals: { topLevelSum: 100, leafCount: 3 } });
    expect(s.criteria.map((c: any) => [c.code, c.depth, c.order])).toEqual([['I', 0, 1], ['I.1', 1, 1], ['I.2', 1, 2], ['II', 0, 2]]);
    const audit = await t.ds.query(`SELECT action FROM audit_entries WHERE entity_type = 'scoring_criterion' AND after->>'code' IN ('I','I.1','I.2','II')`);
    expect(audit).toHaveLength(4);
  });

  it('refuses edits from members, the board, other blocks and the next year seat; members and the board read', async () => {
    const leader = await t.as(K4.leader2024);
    const { id } = await buildScheme(leader, ids.year2024);
    const body = { type: 'points', code: 'X.1', title: 'Không được thêm', max: 5 };
    const member = await t.as(K4.lhpOfficer);
    const board = await t.as(K4.board);
    const other = await t.as(K4.otherBlock);
    const r1 = await member.post(`/api/scoring-schemes/${id}/criteria`, body);
    expect(r1.status).toBe(403);
    expect(r1.body.message).toContain('Khối trưởng hoặc Khối phó');
    const r2 = await board.post(`/api/scoring-schemes/${id}/criteria`, body);
    expect(r2.status).toBe(403);
    expect(r2.body.message).toContain('chỉ xem');
    expect((await member.get(`/api/scoring-schemes/${id}`)).body.permissions).toEqual({ canEdit: false, canCreateVersion: false });
    expect((await board.get(`/api/scoring-schemes/${id}`)).status).toBe(200);
    expect((await other.get(`/api/scoring-schemes/${id}`)).status).toBe(403);
    // The 2025 leader (ĐUK Doanh nghiệp) is the 2024 deputy: it edits 2024 as deputy, but hiza (a 2024 member) does not.
    const hiza = await t.as(K4.hizaOfficer);
    expect((await hiza.post('/api/scoring-schemes', { blockYearId: ids.year2024 })).status).toBe(403);
    expect((await board.post('/api/scoring-schemes', { blockYearId: ids.year2024 })).status).toBe(403);
    const list = await expectStatus(member.get(`/api/scoring-schemes?blockYearId=${ids.year2024}`), 200);
    expect(list.some((x: any) => x.id === id)).toBe(true);
  });

  it('refuses rows the rules forbid with a 400 naming the row, and changes nothing', async () => {
    const leader = await t.as(K4.leader2024);
    const built = await buildScheme(leader, ids.year2024);
    const before = await expectStatus(leader.get(`/api/scoring-schemes/${built.id}`), 200);
    const audits = (await t.ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n;
    const I = built.byCode.I.id;
    const post = (b: object) => leader.post(`/api/scoring-schemes/${built.id}/criteria`, b);

    const exceed = await post({ parentId: I, type: 'points', code: 'I.4', title: 'Vượt nhóm', max: 5 });
    expect(exceed.status).toBe(400);
    expect(exceed.body.code).toBe('invalid_scheme');
    expect(exceed.body.message).toContain('Nhóm I: tổng điểm tối đa của các tiêu chí con (45) vượt quá điểm tối đa của nhóm (40)');
    expect(exceed.body.fields).toHaveProperty('I');

    const negative = await post({ type: 'points', code: 'III', title: 'Âm', max: -3 });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('Tiêu chí III: điểm tối đa phải lớn hơn 0');

    const noPoints = await post({ type: 'per_occurrence', code: 'III', title: 'Thiếu điểm mỗi lần', max: 5 });
    expect(noPoints.status).toBe(400);
    expect(noPoints.body.message).toContain('Tiêu chí III: số điểm mỗi lần phải lớn hơn 0');

    const bonusInGroup = await post({ parentId: I, type: 'bonus', code: 'T2', title: 'Thưởng trong nhóm', max: 5, items: [{ title: 'x', points: 1 }] });
    expect(bonusInGroup.status).toBe(400);
    expect(bonusInGroup.body.message).toContain('Tiêu chí T2: mục điểm thưởng phải nằm ở cấp cao nhất');

    const underLeaf = await post({ parentId: built.byCode['I.1'].id, type: 'points', code: 'I.1.a', title: 'Con của tiêu chí', max: 1 });
    expect(underLeaf.status).toBe(400);
    expect(underLeaf.body.message).toContain('Tiêu chí I.1');

    const dup = await post({ type: 'points', code: 'I.2', title: 'Trùng mã', max: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('Tiêu chí I.2: mã tiêu chí đã được dùng');

    const grow = await leader.patch(`/api/scoring-schemes/${built.id}/criteria/${built.byCode['I.2'].id}`, { max: 15, version: built.byCode['I.2'].version });
    expect(grow.status).toBe(400);
    expect(grow.body.message).toContain('Nhóm I');

    const after = await expectStatus(leader.get(`/api/scoring-schemes/${built.id}`), 200);
    expect(after.criteria).toEqual(before.criteria);
    expect(after.version).toBe(before.version);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n).toBe(audits);
  });

  it('moves and reorders rows, refuses cycles, deletes a group with its rows, and checks row versions', async () => {
    const leader = await t.as(K4.leader2024);
    const built = await buildScheme(leader, ids.year2024);
    const c = built.byCode;
    let s = await expectStatus(leader.post(`/api/scoring-schemes/${built.id}/criteria/${c['I.3'].id}/move`, { parentId: c.I.id, position: 0, version: c['I.3'].version }), 201);
    expect(s.criteria.filter((x: any) => x.parentId === c.I.id).map((x: any) => x.code)).toEqual(['I.3', 'I.1', 'I.2']);
    // Moving a 10-point row into group II (60 of 60) exceeds it.
    const v = codes(s)['I.2'].version;
    const over = await leader.post(`/api/scoring-schemes/${built.id}/criteria/${c['I.2'].id}/move`, { parentId: c.II.id, position: 0, version: v });
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('Nhóm II');
    // A group cannot go under a group inside it.
    let n = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Lồng nhau', totalMax: 10 }), 201);
    n = await expectStatus(leader.post(`/api/scoring-schemes/${n.id}/criteria`, { type: 'group', code: 'A', title: 'Nhóm A', max: 10 }), 201);
    n = await expectStatus(leader.post(`/api/scoring-schemes/${n.id}/criteria`, { parentId: codes(n).A.id, type: 'group', code: 'A.1', title: 'Nhóm A.1', max: 10 }), 201);
    n = await expectStatus(leader.post(`/api/scoring-schemes/${n.id}/criteria`, { parentId: codes(n)['A.1'].id, type: 'points', code: 'A.1.a', title: 'Lá', max: 10 }), 201);
    expect(n.valid).toBe(true);
    const cyc = await leader.post(`/api/scoring-schemes/${n.id}/criteria/${codes(n).A.id}/move`, { parentId: codes(n)['A.1'].id, position: 0, version: codes(n).A.version });
    expect(cyc.status).toBe(400);
    expect(cyc.body.message).toContain('vòng lặp trong cây tiêu chí');
    // Stale version.
    const stale = await leader.patch(`/api/scoring-schemes/${built.id}/criteria/${c['II.2'].id}`, { title: 'Sửa', version: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    // Deleting group II removes II.1 and II.2 too.
    s = await expectStatus(leader.delete(`/api/scoring-schemes/${built.id}/criteria/${c.II.id}?version=${codes(s).II.version}`), 200);
    expect(s.criteria.map((x: any) => x.code)).toEqual(['I', 'I.3', 'I.1', 'I.2', 'T', 'D']);
    expect(s.problems.find((p: any) => p.rule === 'total_mismatch')).toBeDefined();
    const [audit] = await auditOf(t.ds, 'scoring_criterion', c.II.id).then((a) => a.filter((x) => x.action === 'scoring_scheme.criterion_delete'));
    expect(audit.before.rows.map((r: any) => r.code).sort()).toEqual(['II', 'II.1', 'II.2']);
  });

  it('exports to .xlsx and imports it back into a new version; a bad workbook is refused naming its rows', async () => {
    const leader = await t.as(K4.leader2024);
    const built = await buildScheme(leader, ids.year2024);
    const res = await leader.get(`/api/scoring-schemes/${built.id}/export`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const xlsx = res.body as Buffer;
    const fresh = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Nhập từ Excel' }), 201);
    const up = await uploader(t, K4.leader2024);
    const imported = await expectStatus(up(`/api/scoring-schemes/${fresh.id}/import`, xlsx, 'bieu.xlsx'), 201);
    const shape = (s: any) => s.criteria.map((c: any) => [c.code, c.type, c.max, c.depth, c.evidenceRequired, c.pointsPerOccurrence, c.measure, c.items.map((i: any) => [i.title, i.points, i.cap])]);
    expect(shape(imported)).toEqual(shape(built.body));
    expect(imported).toMatchObject({ valid: true, title: 'Biểu chấm điểm thử', totalMax: 100 });

    // A workbook with an unknown type, a missing parent and a child exceeding its group.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tiêu chí');
    ws.addRow(['Mã (*)', 'Mã nhóm cha', 'Loại (*)', 'Nội dung (*)', 'Điểm tối đa (*)']);
    ws.addRow(['A', '', 'Nhóm', 'Nhóm A', 10]);
    ws.addRow(['A.1', 'A', 'Chấm điểm', 'Con A.1', 12]);
    ws.addRow(['B', '', 'Không rõ', 'Loại lạ', 5]);
    ws.addRow(['C.1', 'C', 'Chấm điểm', 'Cha không có', 5]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await up(`/api/scoring-schemes/${fresh.id}/import`, bad, 'loi.xlsx');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_import');
    expect(r.body.message).toContain('Dòng 4 (B): loại "Không rõ" không hợp lệ');
    expect(r.body.message).toContain('Dòng 5 (C.1): nhóm cha "C" không có trong biểu');
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('Tiêu chí');
    ws2.addRow(['Mã (*)', 'Mã nhóm cha', 'Loại (*)', 'Nội dung (*)', 'Điểm tối đa (*)']);
    ws2.addRow(['A', '', 'Nhóm', 'Nhóm A', 10]);
    ws2.addRow(['A.1', 'A', 'Chấm điểm', 'Con A.1', 12]);
    const r2 = await up(`/api/scoring-schemes/${fresh.id}/import`, Buffer.from(await wb2.xlsx.writeBuffer()), 'loi2.xlsx');
    expect(r2.status).toBe(400);
    expect(r2.body.message).toContain('Dòng 2: Nhóm A: tổng điểm tối đa của các tiêu chí con (12) vượt quá');
    const unchanged = await expectStatus(leader.get(`/api/scoring-schemes/${fresh.id}`), 200);
    expect(shape(unchanged)).toEqual(shape(built.body));
    const notXlsx = await up(`/api/scoring-schemes/${fresh.id}/import`, Buffer.from('%PDF-1.4 hello'), 'x.xlsx');
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.code).toBe('bad_file_type');
  });

  it('carries a per-occurrence count source through .xlsx in Vietnamese words; a bad value is refused naming the row and column', async () => {
    const leader = await t.as(K4.leader2024);
    const built = await buildScheme(leader, ids.year2024, { title: 'Biểu có nguồn số lần' });
    const i3 = built.byCode['I.3'];
    await expectStatus(leader.patch(`/api/scoring-schemes/${built.id}/criteria/${i3.id}`, { countSource: 'story', version: i3.version }), 200);
    const res = await leader.get(`/api/scoring-schemes/${built.id}/export`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('Tiêu chí')!;
    expect(ws.getCell('K1').text).toBe('Số lần lấy từ');
    const rowOf = (code: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).text === code)!;
    expect(rowOf('I.3').getCell(11).text).toBe('Gương điển hình');
    expect(rowOf('I.1').getCell(11).text).toBe('');

    const up = await uploader(t, K4.leader2024);
    const fresh = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Nhập lại nguồn' }), 201);
    const imported = await expectStatus(up(`/api/scoring-schemes/${fresh.id}/import`, res.body, 'bieu.xlsx'), 201);
    const sources = (s: any) => s.criteria.map((c: any) => [c.code, c.countSource ?? null]);
    expect(sources(imported)).toEqual(sources(await expectStatus(leader.get(`/api/scoring-schemes/${built.id}`), 200)));
    expect(imported.criteria.find((c: any) => c.code === 'I.3').countSource).toBe('story');

    // "cả hai" typed by hand in lower case reads as both.
    rowOf('I.3').getCell(11).value = 'cả hai';
    const both = await expectStatus(up(`/api/scoring-schemes/${fresh.id}/import`, Buffer.from(await wb.xlsx.writeBuffer()), 'ca-hai.xlsx'), 201);
    expect(both.criteria.find((c: any) => c.code === 'I.3').countSource).toBe('both');

    // A code instead of a label, and a source on a criterion that is not per-occurrence.
    const i3Row = rowOf('I.3').number;
    const i1Row = rowOf('I.1').number;
    rowOf('I.3').getCell(11).value = 'story';
    rowOf('I.1').getCell(11).value = 'Tin hoạt động';
    const r = await up(`/api/scoring-schemes/${fresh.id}/import`, Buffer.from(await wb.xlsx.writeBuffer()), 'loi.xlsx');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_import');
    expect(r.body.message).toContain(`Dòng ${i3Row} (I.3): cột "Số lần lấy từ" (Tiêu chí!K${i3Row}) "story" không hợp lệ`);
    expect(r.body.message).toContain(`Dòng ${i1Row} (I.1): cột "Số lần lấy từ" (Tiêu chí!K${i1Row}) chỉ dùng cho tiêu chí theo số lần`);
    const unchanged = await expectStatus(leader.get(`/api/scoring-schemes/${fresh.id}`), 200);
    expect(unchanged.criteria.find((c: any) => c.code === 'I.3').countSource).toBe('both');
  });

  it('creates a new version as a copy; a scheme used by a round is frozen (409) and the database refuses changes too', async () => {
    const leader = await t.as(K4.leader2024);
    const built = await buildScheme(leader, ids.year2024);
    const copy = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, copyFromSchemeId: built.id }), 201);
    expect(copy.basedOnId).toBe(built.id);
    expect(copy.criteria.map((c: any) => c.code)).toEqual(built.body.criteria.map((c: any) => c.code));
    expect(copy.criteria.every((c: any) => !built.body.criteria.some((b: any) => b.id === c.id))).toBe(true);

    const now = Date.now();
    const day = 86400000;
    await expectStatus(leader.post('/api/rounds', {
      blockYearId: ids.year2024, schemeId: built.id, kind: 'mid_year', title: 'Đợt thử đóng băng',
      selfAssessmentUntil: new Date(now + 5 * day).toISOString(), reviewUntil: new Date(now + 10 * day).toISOString(), explanationUntil: new Date(now + 15 * day).toISOString(),
    }), 201);
    const frozen = await expectStatus(leader.get(`/api/scoring-schemes/${built.id}`), 200);
    expect(frozen).toMatchObject({ status: 'frozen', permissions: { canEdit: false } });
    const edit = await leader.patch(`/api/scoring-schemes/${built.id}/criteria/${built.byCode['I.1'].id}`, { title: 'Sửa sau khi mở đợt', version: frozen.criteria[1].version });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('scheme_frozen');
    expect(edit.body.message).toContain('đã được dùng cho đợt chấm điểm');
    expect((await leader.post(`/api/scoring-schemes/${built.id}/criteria`, { type: 'points', code: 'Z', title: 'z', max: 1 })).status).toBe(409);
    expect((await leader.patch(`/api/scoring-schemes/${built.id}`, { title: 'Đổi tên', version: frozen.version })).status).toBe(409);
    expect((await leader.delete(`/api/scoring-schemes/${built.id}?version=${frozen.version}`)).status).toBe(409);
    await expect(t.ds.query(`UPDATE scoring_criteria SET max_points = 99 WHERE id = $1`, [built.byCode['I.1'].id])).rejects.toThrow(/frozen/);
    await expect(t.ds.query(`UPDATE scoring_schemes SET total_max = 5 WHERE id = $1`, [built.id])).rejects.toThrow(/frozen/);
    // The copy is still a draft and editable: the next round's version.
    await expectStatus(leader.patch(`/api/scoring-schemes/${copy.id}`, { title: 'Biểu cho đợt cuối năm', version: copy.version }), 200);

    // The list carries what its page shows, without a request per version.
    const list = await expectStatus(leader.get(`/api/scoring-schemes?blockYearId=${ids.year2024}`), 200);
    const inList = (id: string) => list.find((x: any) => x.id === id);
    expect(inList(built.id)).toMatchObject({
      status: 'frozen', valid: true, problemCount: 0, criteriaCount: 7, basedOnId: null, basedOn: null,
      rounds: [{ title: 'Đợt thử đóng băng' }], permissions: { canEdit: false, canCreateVersion: true },
    });
    expect(inList(copy.id)).toMatchObject({
      status: 'draft', valid: true, problemCount: 0, basedOnId: built.id, basedOn: { id: built.id, versionNo: built.body.versionNo, year: 2024 },
      rounds: [], permissions: { canEdit: true, canCreateVersion: true },
    });
    const blank = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Chưa có gì' }), 201);
    await expectStatus(leader.post(`/api/scoring-schemes/${blank.id}/criteria`, { type: 'group', code: 'I', title: 'Nhóm rỗng', max: 100 }), 201);
    const again = await expectStatus(leader.get(`/api/scoring-schemes?blockYearId=${ids.year2024}`), 200);
    const detail = await expectStatus(leader.get(`/api/scoring-schemes/${blank.id}`), 200);
    expect(again.find((x: any) => x.id === blank.id)).toMatchObject({ valid: false, problemCount: detail.problems.length, criteriaCount: 0 });
    expect(detail.problems.length).toBeGreaterThan(0);
    const member = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/scoring-schemes?blockYearId=${ids.year2024}`), 200);
    expect(member.find((x: any) => x.id === copy.id).permissions).toEqual({ canEdit: false, canCreateVersion: false });
  });

  it('an incomplete scheme cannot open a round (409 naming the rows)', async () => {
    // 2024 already has both demo rounds; ĐUK Doanh nghiệp leads 2025, which has no year-end round yet.
    const leader = await t.as(K4.deputy2024);
    const s = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2025, title: 'Chưa xong' }), 201);
    await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, { type: 'group', code: 'I', title: 'Nhóm', max: 100 }), 201);
    const day = 86400000;
    const r = await leader.post('/api/rounds', {
      blockYearId: ids.year2025, schemeId: s.id, kind: 'year_end',
      selfAssessmentUntil: new Date(Date.now() + day).toISOString(), reviewUntil: new Date(Date.now() + 2 * day).toISOString(), explanationUntil: new Date(Date.now() + 3 * day).toISOString(),
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('scheme_invalid');
    expect(r.body.message).toContain('Nhóm I: chưa có tiêu chí con');
    expect((await t.ds.query('SELECT frozen_at FROM scoring_schemes WHERE id = $1', [s.id]))[0].frozen_at).toBeNull();
  });

  it('renames and re-totals a draft version, and deletes a draft no round uses', async () => {
    const leader = await t.as(K4.leader2024);
    const s = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId: ids.year2024, title: 'Nháp' }), 201);
    const renamed = await expectStatus(leader.patch(`/api/scoring-schemes/${s.id}`, { title: 'Biểu thang 1.000 điểm', totalMax: 1000, version: s.version }), 200);
    expect(renamed).toMatchObject({ title: 'Biểu thang 1.000 điểm', totalMax: 1000 });
    const bad = await leader.patch(`/api/scoring-schemes/${s.id}`, { totalMax: -5, version: renamed.version });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('tổng điểm của biểu');
    expect((await (await t.as(K4.lhpOfficer)).delete(`/api/scoring-schemes/${s.id}?version=${renamed.version}`)).status).toBe(403);
    expect((await leader.delete(`/api/scoring-schemes/${s.id}?version=${renamed.version}`)).status).toBe(204);
    expect((await leader.get(`/api/scoring-schemes/${s.id}`)).status).toBe(404);
    expect((await auditOf(t.ds, 'scoring_scheme', s.id)).map((a) => a.action)).toEqual(['scoring_scheme.create', 'scoring_scheme.update', 'scoring_scheme.delete']);
  });
});
