import { createHash } from 'node:crypto';
import { DEMO_UNITS } from '../../src/database/demo/demo-data';
import { LedgerService } from '../../src/modules/audit/audit.service';
import { LedgerSealer } from '../../src/modules/audit/ledger-sealer';
import { CovenantsService } from '../../src/modules/covenants/covenants.service';
import { seedStartOfYearDemo } from '../../src/database/demo/start-of-year';
import { createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { binary, docxText, flat, pdfText } from '../drafts/doc-text';

const K4 = ['hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh'];

/**
 * The demo story of Khối thi đua số 4 (seed article): the drafts and covenants seeds, read back through
 * the API, and the documents an office would file. Works whether or not the demo loader already calls
 * the seeds.
 */
describe('start-of-year demo: Khối thi đua số 4', () => {
  let t: TestApp;
  let y24: string;
  let y25: string;
  const unitName: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    const I = await ids(t.ds);
    y24 = await I.blockYear('KTĐ4', 2024);
    y25 = await I.blockYear('KTĐ4', 2025);
    const unitIds = new Map<string, string>();
    for (const key of K4) {
      const u = DEMO_UNITS.find((x) => x.key === key)!;
      unitIds.set(key, await I.unit(u.shortName));
      unitName[key] = u.name;
    }
    const [seeded] = await t.ds.query('SELECT 1 FROM draft_documents WHERE block_year_id = $1', [y24]);
    if (!seeded) {
      await t.ds.transaction((em) => seedStartOfYearDemo(em, { unitIds, blockYearIds: { 2024: y24, 2025: y25 } }));
    }
  });
  afterAll(() => t.close());

  const docOf = async (yearId: string, kind: 'plan' | 'rules') => {
    const c = await t.as(DEMO.board);
    return (await expectStatus(c.get(`/api/drafts?blockYearId=${yearId}&kind=${kind}`), 200)).items[0];
  };

  it('2024: the plan (version 2) and the rules are adopted; the plan is tracked through the year', async () => {
    const plan = await docOf(y24, 'plan');
    expect(plan.docNumber).toBe('01/KH-KTĐ4');
    expect(plan.versions.map((v: any) => [v.number, v.status])).toEqual([[2, 'adopted'], [1, 'superseded']]);
    const member = await t.as(DEMO.memberOfficer);
    const v2 = await expectStatus(member.get(`/api/drafts/versions/${plan.adoptedVersionId}`), 200);
    expect(v2.adoptedAt).toBe('2024-04-26T01:45:00.000Z');
    expect(v2.plan.theme).toContain('70 năm Chiến thắng Điện Biên Phủ');
    expect(v2.plan.movements.map((m: any) => m.kind)).toEqual(['regular', 'regular', 'thematic', 'thematic']);
    expect(v2.plan.movements[2].title).toContain('(07/5/1954 - 07/5/2024)');
    expect(v2.plan.movements[3].title).toContain('(10/10/1954 - 10/10/2024)');
    expect(v2.plan.fieldTrips.map((f: any) => f.place)).toEqual(['Di tích lịch sử Chiến trường Điện Biên Phủ, tỉnh Điện Biên', 'Khu công nghệ cao Hòa Lạc, Thạch Thất, Hà Nội']);
    const conference = v2.plan.activities.find((a: any) => a.key === 'hd02');
    expect(conference).toMatchObject({ startDate: '2024-04-26', ownerUnitName: unitName.dukcq });
    // Version 1's two comments were taken on board and resolved; the diff shows what changed.
    const threads = await expectStatus(member.get(`/api/drafts/versions/${v2.basedOnId}/comments`), 200);
    expect(threads).toHaveLength(2);
    expect(threads.every((c: any) => c.resolvedAt)).toBe(true);
    const diff = await expectStatus(member.get(`/api/drafts/versions/${v2.id}/diff?against=${v2.basedOnId}`), 200);
    const trips = diff.sections.find((s: any) => s.key === '@plan.fieldTrips');
    expect(trips.rows.filter((r: any) => r.kind === 'added')).toHaveLength(1);

    const progress = await expectStatus(member.get(`/api/drafts/plan-activities?blockYearId=${y24}`), 200);
    expect(progress).toMatchObject({ versionId: v2.id, total: 10, done: 8, inProgress: 1, planned: 1, percentDone: 80 });

    const rules = await docOf(y24, 'rules');
    expect(rules.docNumber).toBe('01/QC-KTĐ4');
    expect(rules.versions.map((v: any) => v.status)).toEqual(['adopted']);
    const [year] = await t.ds.query('SELECT rules FROM block_years WHERE id = $1', [y24]);
    const r = await expectStatus(member.get(`/api/drafts/versions/${rules.adoptedVersionId}`), 200);
    expect(year.rules).toEqual(r.ruleSet);
  });

  it('2024: the covenant is in force, signed by the five heads on 26/04/2024, the leader unit last', async () => {
    const head = await t.as(DEMO.unitHead);
    const list = await expectStatus(head.get(`/api/covenants?blockYearId=${y24}`), 200);
    expect(list.items).toHaveLength(1);
    const c = await expectStatus(head.get(`/api/covenants/${list.items[0].id}`), 200);
    expect(c).toMatchObject({ docNumber: '01/GU-KTĐ4', status: 'in_force', signedCount: 5, memberCount: 5 });
    expect(c.signatures.map((s: any) => s.unitName)).toEqual(['hiza', 'lhp', 'dukdn', 'dukdh', 'dukcq'].map((k) => unitName[k]));
    expect(c.signatures.every((s: any) => s.signedAt.startsWith('2024-04-26T03:') && s.contentHash === c.contentHash)).toBe(true);
    expect(c.inForceAt).toBe('2024-04-26T03:18:00.000Z');
    expect(c.goals[0]).toContain('Thực hiện thắng lợi chủ đề năm 2024');
    expect(c.targets).toHaveLength(15);
    const targets = await t.app.get(CovenantsService).targetsInForce(y24);
    expect(targets.filter((x) => x.indicator === 'Số đảng viên mới kết nạp').map((x) => x.targetValue).sort((a, b) => a - b)).toEqual([650, 1200, 1500]);

    const cert = await expectStatus(head.get(`/api/covenants/${c.id}/certificate`), 200);
    expect(cert.events.map((e: any) => e.signerName)).toEqual(['Đặng Quốc Việt', 'Vũ Đức Thành', 'Ngô Văn Bình', 'Tạ Minh Đức', 'Trịnh Văn Khải']);
    const pdf = (await head.get(`/api/covenants/${c.id}/export?format=pdf`).buffer(true).parse(binary)).body as Buffer;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(c.documentSha256);
    const text = flat(await pdfText(pdf));
    for (const x of ['GIAO ƯỚC THI ĐUA', 'KHỐI THI ĐUA SỐ 4', 'Số: 01/GU-KTĐ4', 'Hà Nội, ngày 26 tháng 4 năm 2024', 'Năm 2024 của Khối thi đua số 4', 'Trịnh Văn Khải', 'Đã ký lúc 10:18 ngày 26/4/2024', 'Số đảng viên mới kết nạp']) {
      expect(text).toContain(x);
    }
    const verified = await expectStatus(head.post('/api/covenants/verify', { sha256: c.documentSha256 }), 201);
    expect(verified).toMatchObject({ matched: true, inForce: true, covenant: { blockName: 'Khối thi đua số 4', year: 2024, docNumber: '01/GU-KTĐ4' } });
  });

  it('exports the 2024 plan (KH) and rules (QC) in Vietnamese, in .docx and .pdf', async () => {
    const c = await t.as(DEMO.leaderOfficer);
    const plan = await docOf(y24, 'plan');
    const docx = await c.get(`/api/drafts/versions/${plan.adoptedVersionId}/export?format=docx`).buffer(true).parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''KH-KT%C4%90");
    const text = await docxText(docx.body);
    for (const x of [
      'KẾ HOẠCH', 'KHỐI THI ĐUA SỐ 4', 'Số: 01/KH-KTĐ4', 'Hà Nội, ngày 26 tháng 4 năm 2024', 'Hoạt động năm 2024 của Khối thi đua số 4', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'I. MỤC ĐÍCH, YÊU CẦU', 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15', 'Đoàn kết - Kỷ cương - Sáng tạo - Hiệu quả',
      'Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)', '70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024)',
      'Di tích lịch sử Chiến trường Điện Biên Phủ, tỉnh Điện Biên', unitName.dukcq, unitName.hiza, unitName.lhp, 'TM. KHỐI THI ĐUA SỐ 4', 'KHỐI TRƯỞNG', 'Trịnh Văn Khải', 'Nơi nhận:',
    ]) expect(text).toContain(x);
    const pdf = await c.get(`/api/drafts/versions/${plan.adoptedVersionId}/export?format=pdf`).buffer(true).parse(binary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const ptext = flat(await pdfText(pdf.body));
    for (const x of ['KẾ HOẠCH', 'KHỐI THI ĐUA SỐ 4', 'Khối thi đua số 4', 'Điện Biên Phủ', 'Giải phóng Thủ đô', 'Trường Đào tạo cán bộ Lê Hồng Phong']) expect(ptext).toContain(x);

    const rules = await docOf(y24, 'rules');
    const rtext = await docxText((await c.get(`/api/drafts/versions/${rules.adoptedVersionId}/export?format=docx`).buffer(true).parse(binary)).body);
    for (const x of ['QUY CHẾ', 'Số: 01/QC-KTĐ4', 'Chương III. CHẤM ĐIỂM, BÌNH XÉT THI ĐUA', 'Bộ quy tắc bình xét thi đua', 'Hội nghị hợp lệ khi có ít nhất 2/3 số đơn vị thành viên tham dự.']) expect(rtext).toContain(x);
    const bad = await c.get(`/api/drafts/versions/${rules.adoptedVersionId}/export?format=odt`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('format');
    expect((await (await t.as(DEMO.otherBlockOfficer)).get(`/api/drafts/versions/${rules.adoptedVersionId}/export?format=pdf`)).status).toBe(403);
  });

  it('2025: plan version 2 circulated with member comments (one resolved), rules version 1 a draft, covenant a draft', async () => {
    const member = await t.as(DEMO.memberOfficer);
    const plan = await docOf(y25, 'plan');
    expect(plan.versions.map((v: any) => [v.number, v.status])).toEqual([[2, 'circulated'], [1, 'superseded']]);
    const threads = await expectStatus(member.get(`/api/drafts/versions/${plan.latestVersionId}/comments`), 200);
    expect(threads).toHaveLength(3);
    expect(threads.filter((c: any) => c.resolvedAt)).toHaveLength(1);
    expect(threads.find((c: any) => c.resolvedAt).replies).toHaveLength(1);
    const v = await expectStatus(member.get(`/api/drafts/versions/${plan.latestVersionId}`), 200);
    expect(v.permissions).toMatchObject({ canEdit: false, canComment: true, canResolve: false });
    // The member officer cannot edit; 2025's leader seat (ĐUK Doanh nghiệp) can revise; 2024's leader cannot any more.
    expect((await member.post(`/api/drafts/versions/${v.id}/revise`)).status).toBe(403);
    const oldLeader = await (await t.as(DEMO.leaderOfficer)).post(`/api/drafts/versions/${v.id}/revise`);
    expect(oldLeader.status).toBe(403);
    const leader25 = await t.as(DEMO.nextLeaderOfficer);
    expect((await expectStatus(leader25.get(`/api/drafts/versions/${v.id}`), 200)).permissions.canRevise).toBe(true);

    const rules = (await expectStatus(member.get(`/api/drafts?blockYearId=${y25}&kind=rules`), 200)).items[0];
    expect(rules.versions).toEqual([]); // a member does not see the draft
    expect((await docOf(y25, 'rules')).versions).toHaveLength(1); // the board does
    const rulesForLeader = (await expectStatus(leader25.get(`/api/drafts?blockYearId=${y25}&kind=rules`), 200)).items[0];
    expect(rulesForLeader.versions.map((x: any) => x.status)).toEqual(['draft']);

    const covenants = await expectStatus(member.get(`/api/covenants?blockYearId=${y25}`), 200);
    expect(covenants.items.map((c: any) => c.status)).toEqual(['draft']);
    const c = await expectStatus(member.get(`/api/covenants/${covenants.items[0].id}`), 200);
    expect(c.basedOnPlanVersionId).toBe(v.id);
    const notOpen = await (await t.as(DEMO.unitHead)).post(`/api/covenants/${c.id}/sign`, { password: 'ThiDua@2024' });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.code).toBe('not_open');
    expect((await (await t.as(DEMO.otherBlockOfficer)).get(`/api/covenants/${c.id}`)).status).toBe(403);
  });

  it('the board moved each year to its status through the year update: 2024 under way (then decided), 2025 in planning', async () => {
    const board = (await t.ds.query('SELECT id FROM accounts WHERE email = $1', [DEMO.board]))[0].id;
    for (const [id, status] of [[y24, 'in_progress'], [y25, 'planning']]) {
      const moves = (await auditOf(t.ds, 'block_year', id)).filter((a) => a.action === 'block_year.update');
      expect(moves.map((a) => [a.before.status, a.after.status, a.actor_id])).toEqual([['setup', status, board]]);
    }
    expect((await expectStatus((await t.as(DEMO.board)).get(`/api/block-years/${y25}`), 200)).status).toBe('planning');
  });

  it('leaves the audit ledger intact', async () => {
    await t.app.get(LedgerSealer).sealPending();
    const result = await t.app.get(LedgerService).verify();
    expect(result.ok).toBe(true);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action IN ('covenant.sign', 'draft_version.adopt', 'block_year.rules_adopt')`);
    expect(n).toBeGreaterThanOrEqual(8);
  });
});
