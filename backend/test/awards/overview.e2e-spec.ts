import ExcelJS from 'exceljs';
import { createTestApp, TestApp, type Client_ } from '../app';
import { expectStatus } from '../factories';
import { download } from '../rounds/helpers';
import { K4, k4Ids } from '../scoring/helpers';
import { CYCLE_STEPS } from '../../src/modules/awards/award-rules';
import { AwardsService, type OverviewProposalsProvider } from '../../src/modules/awards/awards.service';

const K4_TOP3 = ['Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội', 'Trường Đào tạo cán bộ Lê Hồng Phong'];
const UBND = 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm';

/** The board's dashboard on the demo: every block year's place in the cycle, rankings, decisions, charts, and its .xlsx. */
describe('board overview', () => {
  let t: TestApp;
  let board: Client_;
  const overview = async (year = 2024) => expectStatus(board.get(`/api/board/overview?year=${year}`), 200);
  const block = (o: any, code: string) => o.blockYears.find((b: any) => b.blockCode === code);

  beforeAll(async () => {
    t = await createTestApp();
    board = await t.as(K4.board);
  });
  afterAll(() => t.close());

  it('shows every block year of the year with its place in the annual cycle, ranking and covenant', async () => {
    const o = await overview();
    expect(o.year).toBe(2024);
    expect(o.blockYears.map((b: any) => b.blockCode)).toEqual(['KTĐ1', 'KTĐ4', 'CTĐ1']); // khối first, then cụm; Vietnamese name order
    const k4 = block(o, 'KTĐ4');
    expect(k4).toMatchObject({
      blockName: 'Khối thi đua số 4', blockKind: 'khoi', members: 5, leaderUnitName: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', deputyUnitName: 'Đảng ủy Khối Doanh nghiệp Hà Nội',
      covenant: { status: 'in_force', signed: 5 }, yearEndFinalised: true,
    });
    expect(k4.rounds).toEqual([expect.objectContaining({ kind: 'year_end', phase: 'finalised', phaseLabel: 'Đã hoàn tất', finalisedAt: expect.any(String) })]);
    expect(k4.top3.map((r: any) => r.unitName)).toEqual(K4_TOP3);
    expect(k4.top3.map((r: any) => r.rank)).toEqual([1, 2, 3]);
    expect(k4.rankedUnits).toBe(5);
    expect(k4).not.toHaveProperty('ranking');
    expect(k4.top3[0].total).toBe(104.5);
    expect(k4.stepIndex).toBeGreaterThanOrEqual(CYCLE_STEPS.indexOf('ranked'));
    const k1 = block(o, 'KTĐ1');
    expect(k1).toMatchObject({ status: 'in_progress', step: 'signed', stepLabel: 'Đã ký giao ước thi đua', rounds: [], yearEndFinalised: false, top3: [], covenant: null, members: 6 });
    expect(o.awards.map((a: any) => a.code)).toEqual(expect.arrayContaining(['gov_flag', 'city_flag', 'city_merit']));
    // 2025: the open mid-year round of Khối 4.
    const k4of2025 = block(await overview(2025), 'KTĐ4');
    expect(k4of2025.rounds).toEqual([expect.objectContaining({ kind: 'mid_year', phase: 'self_assessment' })]);
    expect(k4of2025.step).toBe('mid_year');
    expect(k4of2025.yearEndFinalised).toBe(false);
  });

  it('counts decisions per block and the city-wide quota use, and charts awards per year; a revoked award drops out', async () => {
    const ids = await k4Ids(t);
    const before = await overview();
    const use = (o: any, code: string) => o.awards.find((a: any) => a.code === code).awarded;
    const rec = await expectStatus(board.post('/api/award-history', { unitId: ids.dukdh, year: 2024, code: 'city_merit', decisionNumber: '88/QĐ-UBND', decisionDate: '2025-02-10', signer: UBND }), 201);
    await expectStatus(board.post('/api/award-history', { unitId: ids.dukdh, year: 2019, code: 'city_flag', decisionNumber: '900/QĐ-UBND', decisionDate: '2020-03-02', signer: UBND }), 201);
    const after = await overview();
    expect(use(after, 'city_merit')).toBe(use(before, 'city_merit') + 1);
    expect(block(after, 'KTĐ4').decisions.city_merit).toBe((block(before, 'KTĐ4').decisions.city_merit ?? 0) + 1);
    expect(block(after, 'KTĐ4').decisionsTotal).toBe(block(before, 'KTĐ4').decisionsTotal + 1);
    expect(block(after, 'KTĐ4').step).toBe('decided');
    expect(after.byYear.find((y: any) => y.year === 2019)).toMatchObject({ counts: { gov_flag: 0, city_flag: 1, city_merit: 0 }, total: 1 });
    const years = after.byYear.map((y: any) => y.year);
    expect(years).toEqual([...years].sort());

    // Set a city-wide quota: the overview shows it.
    const merit = (await expectStatus(board.get('/api/awards/catalogue?year=2024'), 200)).find((a: any) => a.code === 'city_merit');
    await expectStatus(board.patch(`/api/awards/catalogue/${merit.id}`, { version: merit.version, cityQuota: 7 }), 200);
    expect((await overview()).awards.find((a: any) => a.code === 'city_merit').cityQuota).toBe(7);

    await expectStatus(board.post(`/api/award-history/${rec.id}/revoke`, { reason: 'Thu hồi theo kết luận thanh tra', decisionNumber: '99/QĐ-UBND' }), 200);
    const revoked = await overview();
    expect(use(revoked, 'city_merit')).toBe(use(before, 'city_merit'));
    expect(block(revoked, 'KTĐ4').decisionsTotal).toBe(block(before, 'KTĐ4').decisionsTotal);
  });

  it('shows the dossier of each block year when the proposals module registers its provider', async () => {
    const svc = t.app.get(AwardsService);
    const previous = svc.overviewProposalsProvider;
    const ids = await k4Ids(t);
    const fake: OverviewProposalsProvider = async (_em, blockYearIds) =>
      new Map(blockYearIds.filter((id) => id === ids.year2024).map((id) => [id, { id: 'proposal-ktd4-2024', status: 'under_appraisal', statusLabel: 'Đang thẩm định', submitted: true, submittedAt: '2025-01-10T02:00:00.000Z', dueAt: '2025-02-21' }]));
    svc.registerOverviewProposals(fake);
    try {
      const o = await overview();
      expect(o.proposalsAvailable).toBe(true);
      expect(block(o, 'KTĐ4').proposal).toEqual({ id: 'proposal-ktd4-2024', status: 'under_appraisal', statusLabel: 'Đang thẩm định', submittedAt: '2025-01-10T02:00:00.000Z', dueAt: '2025-02-21' });
      expect(block(o, 'KTĐ4').stepIndex).toBeGreaterThanOrEqual(CYCLE_STEPS.indexOf('submitted'));
      expect(block(o, 'KTĐ1').proposal).toBeNull();
    } finally {
      svc.registerOverviewProposals(previous);
    }
  });

  it('is for the board and admin only', async () => {
    expect((await (await t.as(K4.admin)).get('/api/board/overview?year=2024')).status).toBe(200);
    for (const email of [K4.leader2024, K4.leaderHead2024, K4.lhpOfficer, K4.otherBlock]) {
      const c = await t.as(email);
      expect((await c.get('/api/board/overview?year=2024')).status).toBe(403);
      expect((await c.get('/api/board/overview/export?year=2024')).status).toBe(403);
    }
    const bad = await board.get('/api/board/overview');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('year');
  });

  it('exports the overview to a printable .xlsx: the cycle in the page\'s order, rankings, awards per year, the city-wide quotas', async () => {
    const file = await download(board, '/api/board/overview/export?year=2024');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(file.headers['content-disposition'])).toContain('Tổng quan thi đua năm 2024.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng quan', 'Xếp hạng', 'Khen thưởng theo năm', 'Chỉ tiêu toàn Thành phố']);
    const text = (ws: ExcelJS.Worksheet) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const summary = text(wb.getWorksheet('Tổng quan')!);
    expect(summary[0][0]).toBe('TỔNG QUAN CÁC KHỐI, CỤM THI ĐUA NĂM 2024');
    // Columns in the page's order: block, members, leader, deputy, step, status, covenant, round, dossier, top 3, decisions.
    expect(summary[2]).toEqual(['STT', 'Khối, cụm thi đua', 'Số đơn vị', 'Khối trưởng', 'Khối phó', 'Bước trong chu trình', 'Trạng thái năm', 'Giao ước', 'Đợt chấm cuối năm',
      'Hồ sơ đề nghị', 'Hạng 1', 'Hạng 2', 'Hạng 3', 'Khen thưởng đã quyết định']);
    const k4 = summary.find((r) => r[1] === 'Khối thi đua số 4 (KTĐ4)')!;
    expect(k4.slice(2, 5)).toEqual(['5', 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'Đảng ủy Khối Doanh nghiệp Hà Nội']);
    expect(k4[7]).toBe('Có hiệu lực (5/5 đã ký)');
    expect(k4[8]).toBe('Đã hoàn tất');
    expect(k4[10]).toBe(`${K4_TOP3[0]} (104,5)`);
    // Awards by their names, never their codes.
    expect(k4[13]).toMatch(/Cờ thi đua của UBND Thành phố: 1/);
    expect(JSON.stringify(summary)).not.toMatch(/gov_flag|city_flag|city_merit/);
    expect(summary.find((r) => r[1] === 'Khối thi đua số 1 (KTĐ1)')![8]).toBe('Chưa mở');
    const ranking = text(wb.getWorksheet('Xếp hạng')!);
    expect(ranking[1]).toEqual(['Khối, cụm thi đua', 'Hạng', 'Đơn vị', 'Tổng điểm']);
    expect(ranking.slice(2, 5).map((r) => [r[0], r[1], r[2]])).toEqual(K4_TOP3.map((n, i) => ['Khối thi đua số 4', String(i + 1), n]));
    expect(ranking).toHaveLength(2 + 5);
    const byYear = text(wb.getWorksheet('Khen thưởng theo năm')!);
    expect(byYear[1].slice(0, 4)).toEqual(['Năm', 'Cờ thi đua của Chính phủ', 'Cờ thi đua của UBND Thành phố', 'Bằng khen của Chủ tịch UBND Thành phố']);
    expect(byYear.find((r) => r[0] === '2019')!.slice(1, 3)).toEqual(['0', '1']);
    const quotas = text(wb.getWorksheet('Chỉ tiêu toàn Thành phố')!);
    expect(quotas.find((r) => r[1] === 'Bằng khen của Chủ tịch UBND Thành phố')!.slice(2, 5)).toEqual([expect.any(String), '7', expect.any(String)]);
    expect(JSON.stringify(quotas)).not.toMatch(/gov_flag|city_flag|city_merit/);

    // Every sheet prints: A4 landscape, one page wide, header rows frozen and repeated on every page.
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toMatch(/^1:\d+$/);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: Number(ws.pageSetup.printTitlesRow!.split(':')[1]) });
    }
    const overview = wb.getWorksheet('Tổng quan')!;
    expect(overview.pageSetup.printTitlesRow).toBe('1:4');
    expect(overview.views[0]).toMatchObject({ xSplit: 2, ySplit: 4 });
    expect(overview.getColumn(2).width).toBeGreaterThanOrEqual(30);
    expect(wb.getWorksheet('Xếp hạng')!.getRow(4).getCell(4).numFmt).toBe('#,##0.00');
  });
});
