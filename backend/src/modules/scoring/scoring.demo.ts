/**
 * Demo data of the scoring module: a realistic 100-point scheme of Khối thi đua số 4 for 2024 and its copy
 * as the first version for 2025. Called by the demo loader inside its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AdjustmentItem, type NodeType, validateScheme } from '@thidua/rules';
import { CriterionRow, toSchemeNode } from './scheme-tree';

/** Ids the demo loader already has. */
export interface DemoIds {
  /** Unit id by demo key ('hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh', …), e.g. demo.ts's `unitIds`. */
  units: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Block year id by `${blockCode}/${year}` (demo.ts's `blockYearIds`, e.g. 'KTĐ4/2024'; 'KTĐ4:2024' works too); looked up in the database when absent. */
  blockYears?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

export interface ScoringDemoResult {
  scheme2024Id: string;
  scheme2025Id: string;
  /** Khối thi đua số 1's 2025 scheme (the same criteria), when that block year exists. */
  ktd1Scheme2025Id?: string;
}

interface DemoRow {
  code: string;
  parent?: string;
  type: NodeType;
  title: string;
  max: number;
  guidance?: string;
  evidence?: boolean;
  ppo?: number;
  measure?: string;
  items?: AdjustmentItem[];
}

/** Biểu chấm điểm thi đua of Khối thi đua số 4 (100 points, with bonus and deduction items). */
export const KTD4_SCHEME: { title: string; totalMax: number; rows: DemoRow[] } = {
  title: 'Biểu chấm điểm thi đua Khối thi đua số 4',
  totalMax: 100,
  rows: [
    { code: 'I', type: 'group', title: 'Thực hiện nhiệm vụ chính trị', max: 40 },
    { code: 'I.1', parent: 'I', type: 'points', title: 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ chính trị được giao trong năm', max: 15, evidence: true, guidance: 'Căn cứ báo cáo tổng kết năm của đơn vị và đánh giá của cơ quan cấp trên. Hoàn thành 100% chỉ tiêu: 15 điểm; mỗi chỉ tiêu không hoàn thành trừ 1,5 điểm.' },
    { code: 'I.2', parent: 'I', type: 'target', title: 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn', max: 10, measure: '%', guidance: 'Giá trị thực hiện là tỷ lệ phần trăm theo phần mềm một cửa; chỉ tiêu theo Giao ước thi đua đầu năm.' },
    { code: 'I.3', parent: 'I', type: 'points', title: 'Triển khai chuyển đổi số, cải cách hành chính', max: 10, guidance: 'Đánh giá theo kết quả chỉ số cải cách hành chính và các nhiệm vụ chuyển đổi số của Thành phố.' },
    { code: 'I.4', parent: 'I', type: 'pass_fail', title: 'Không có cán bộ, công chức, viên chức bị xử lý kỷ luật từ khiển trách trở lên', max: 5 },
    { code: 'II', type: 'group', title: 'Công tác thi đua, khen thưởng', max: 35 },
    { code: 'II.1', parent: 'II', type: 'pass_fail', title: 'Ban hành kế hoạch, hướng dẫn tổ chức phong trào thi đua thường xuyên đúng thời gian', max: 5, evidence: true, guidance: 'Minh chứng: kế hoạch, hướng dẫn đã ban hành (số, ngày).' },
    { code: 'II.2', parent: 'II', type: 'per_occurrence', title: 'Tổ chức phong trào thi đua theo đợt, chuyên đề', max: 10, ppo: 2.5, guidance: 'Mỗi phong trào có kế hoạch, sơ kết hoặc tổng kết: 2,5 điểm, tối đa 10 điểm.' },
    { code: 'II.3', parent: 'II', type: 'per_occurrence', title: 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', max: 5, ppo: 1, guidance: 'Mỗi điển hình được biểu dương, tuyên truyền: 1 điểm, tối đa 5 điểm.' },
    { code: 'II.4', parent: 'II', type: 'target', title: 'Số tin, bài tuyên truyền gương người tốt, việc tốt', max: 10, measure: 'tin, bài', guidance: 'Tin, bài đã đăng trên cổng thông tin, báo chí; chỉ tiêu theo Giao ước thi đua đầu năm.' },
    { code: 'II.5', parent: 'II', type: 'points', title: 'Tham gia đầy đủ các hoạt động chung của Khối', max: 5 },
    { code: 'III', type: 'group', title: 'Xây dựng Đảng, đoàn thể', max: 25 },
    { code: 'III.1', parent: 'III', type: 'pass_fail', title: 'Tổ chức đảng được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên', max: 10, evidence: true, guidance: 'Minh chứng: quyết định xếp loại của cấp ủy cấp trên.' },
    { code: 'III.2', parent: 'III', type: 'points', title: 'Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh hoàn thành tốt nhiệm vụ', max: 10 },
    { code: 'III.3', parent: 'III', type: 'points', title: 'Thực hiện quy chế dân chủ ở cơ sở, văn hóa công sở', max: 5 },
    {
      code: 'T', type: 'bonus', title: 'Điểm thưởng', max: 15, evidence: true,
      items: [
        { id: 'city_flag', title: 'Được tặng Cờ thi đua của UBND Thành phố năm trước', points: 10, cap: null },
        { id: 'gov_flag', title: 'Được tặng Cờ thi đua của Chính phủ năm trước', points: 15, cap: null },
        { id: 'initiative', title: 'Có sáng kiến được công nhận cấp Thành phố', points: 2, cap: 5 },
      ],
    },
    {
      code: 'D', type: 'deduction', title: 'Điểm trừ', max: 10,
      items: [
        { id: 'late_report', title: 'Nộp báo cáo chậm so với quy định (mỗi lần)', points: 2, cap: 10 },
        { id: 'absent', title: 'Không tham gia hoạt động chung của Khối không có lý do (mỗi lần)', points: 1, cap: 5 },
      ],
    },
  ],
};

export const asMap = (m: ReadonlyMap<string, string> | Readonly<Record<string, string>>): ReadonlyMap<string, string> =>
  m instanceof Map ? m : new Map(Object.entries(m));

export async function blockYearId(em: EntityManager, ids: DemoIds, code: string, year: number): Promise<string> {
  const map = ids.blockYears ? asMap(ids.blockYears) : undefined;
  const given = map?.get(`${code}:${year}`) ?? map?.get(`${code}/${year}`);
  if (given) return given;
  const [row] = await em.query('SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = $1 AND y.year = $2', [code, year]);
  if (!row) throw new Error(`demo: no block year ${code} ${year}`);
  return row.id;
}

/** The ids demo.ts would pass, read back from a database that holds the foundation demo (for tests and scripts). */
export async function demoIdsFromDatabase(em: EntityManager): Promise<DemoIds> {
  const { DEMO_UNITS } = await import('../../database/demo/demo-data');
  const units = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const [row] = await em.query('SELECT id FROM units WHERE name = $1', [u.name]);
    if (row) units.set(u.key, row.id);
  }
  return { units };
}

/** Inserts a scheme version with its rows; returns the scheme id and the rows as stored. */
export async function insertDemoScheme(em: EntityManager, blockYear: string, versionNo: number, def: typeof KTD4_SCHEME, opts: { basedOn?: string | null; createdBy?: string | null; titleSuffix?: string } = {}): Promise<{ id: string; rows: CriterionRow[] }> {
  const idOf = new Map(def.rows.map((r) => [r.code, randomUUID()]));
  const order = new Map<string | null, number>();
  const rows: CriterionRow[] = def.rows.map((r) => {
    const parentId = r.parent ? idOf.get(r.parent)! : null;
    const n = (order.get(parentId) ?? 0) + 1;
    order.set(parentId, n);
    return {
      id: idOf.get(r.code)!, parentId, code: r.code, title: r.title, guidance: r.guidance ?? '', type: r.type, maxPoints: r.max, sortOrder: n,
      evidenceRequired: r.evidence ?? false, pointsPerOccurrence: r.type === 'per_occurrence' ? r.ppo! : null, measure: r.measure ?? '', items: r.items ?? [], notApplicableUnitIds: [],
    };
  });
  const problems = validateScheme(rows.map(toSchemeNode), def.totalMax);
  if (problems.length) throw new Error(`demo scheme invalid: ${problems.map((p) => p.message).join('; ')}`);
  const [s] = await em.query(
    `INSERT INTO scoring_schemes (block_year_id, version_no, title, total_max, based_on_id, created_by, version) VALUES ($1,$2,$3,$4,$5,$6,1) RETURNING id`,
    [blockYear, versionNo, `${def.title}${opts.titleSuffix ?? ''}`, def.totalMax, opts.basedOn ?? null, opts.createdBy ?? null]);
  for (const r of rows) {
    await em.query(
      `INSERT INTO scoring_criteria (id, scheme_id, parent_id, code, title, guidance, type, max_points, sort_order, evidence_required, points_per_occurrence, measure, items, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,1)`,
      [r.id, s.id, r.parentId, r.code, r.title, r.guidance, r.type, r.maxPoints, r.sortOrder, r.evidenceRequired, r.pointsPerOccurrence, r.measure, JSON.stringify(r.items)]);
  }
  return { id: s.id, rows };
}

/**
 * Seeds the scheme of Khối thi đua số 4: version 1 of 2024 (frozen later by the 2024 rounds) and version 1
 * of 2025, a copy of it (frozen when the 2025 mid-year round opens).
 */
export async function seedScoringDemo(em: EntityManager, ids: DemoIds): Promise<ScoringDemoResult> {
  const y2024 = await blockYearId(em, ids, 'KTĐ4', 2024);
  const y2025 = await blockYearId(em, ids, 'KTĐ4', 2025);
  const account = async (email: string): Promise<string | null> => (await em.query('SELECT id FROM accounts WHERE email = $1', [email]))[0]?.id ?? null;
  const s2024 = await insertDemoScheme(em, y2024, 1, KTD4_SCHEME, { createdBy: await account('canbo.dukcq@thidua.vn'), titleSuffix: ' năm 2024' });
  const s2025 = await insertDemoScheme(em, y2025, 1, KTD4_SCHEME, { basedOn: s2024.id, createdBy: await account('canbo.dukdn@thidua.vn'), titleSuffix: ' năm 2025' });
  const k1 = await blockYearId(em, ids, 'KTĐ1', 2025).catch(() => null);
  const k1Scheme = k1
    ? await insertDemoScheme(em, k1, 1, { ...KTD4_SCHEME, title: 'Biểu chấm điểm thi đua Khối thi đua số 1' }, { createdBy: await account('canbo.stc@thidua.vn'), titleSuffix: ' năm 2025' })
    : null;
  if (em.queryRunner?.isTransactionActive) {
    await new AuditService(em.connection).record(em, null, {
      action: 'demo.scoring', entityType: 'system', reason: 'Nạp dữ liệu minh họa: biểu chấm điểm',
      after: { schemes: [s2024.id, s2025.id, k1Scheme?.id].filter(Boolean), criteria: KTD4_SCHEME.rows.length },
    });
  }
  return { scheme2024Id: s2024.id, scheme2025Id: s2025.id, ktd1Scheme2025Id: k1Scheme?.id };
}

/** Freezes a demo scheme as a round opening it would, at the round's (back-dated) opening; leaves a frozen scheme alone. */
export async function freezeDemoScheme(em: EntityManager, schemeId: string, at: Date): Promise<void> {
  await em.query(`UPDATE scoring_schemes SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL`, [schemeId, at]);
}
