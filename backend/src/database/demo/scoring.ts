/**
 * Demo data of the scoring module: a realistic 100-point scheme of Khối thi đua số 4 for 2024 and its copy
 * as the first version for 2025, created by the leader units' officers through `ScoringService.createTx`.
 * Called by the demo loader inside its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { blockYearByCode } from '../../modules/block-years/block-years-data';
import { demoActor } from './demo-ids';
import { CriterionRow, toSchemeNode } from '../../modules/scoring/scheme-tree';
import { insertCriterion } from '../../modules/scoring/scoring-data';
import { ScoringService } from '../../modules/scoring/scoring.service';
import { activeUnitIdsNamed } from '../../modules/units/units-data';
import { type AdjustmentItem, type NodeType, validateScheme } from '@thidua/rules';
import { DEMO_UNITS } from './demo-data';

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
  const id = map?.get(`${code}:${year}`) ?? map?.get(`${code}/${year}`) ?? (await blockYearByCode(em, code, year))?.id;
  if (!id) throw new Error(`demo: no block year ${code} ${year}`);
  return id;
}

/** The ids demo.ts would pass, read back from a database that holds the foundation demo (for tests and scripts). */
export async function demoIdsFromDatabase(em: EntityManager): Promise<DemoIds> {
  const units = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const [id] = await activeUnitIdsNamed(em, u.name);
    if (id) units.set(u.key, id);
  }
  return { units };
}

/**
 * A new scheme version created by the leader's officer (`createTx`), its rows then typed in at once as version 1
 * (through the scoring data file's `insertCriterion`, as the editor would leave them). Returns the scheme id.
 */
async function createDemoScheme(svc: ScoringService, em: EntityManager, blockYear: string, def: typeof KTD4_SCHEME, email: string, titleSuffix: string): Promise<string> {
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
  const id = await svc.createTx(em, await demoActor(em, email), { blockYearId: blockYear, title: `${def.title}${titleSuffix}`, totalMax: def.totalMax });
  for (const r of rows) await insertCriterion(em, id, r);
  return id;
}

/**
 * Seeds the scheme of Khối thi đua số 4: version 1 of 2024 (frozen later by the 2024 rounds) and version 1
 * of 2025, a copy of it (frozen when the 2025 mid-year round opens).
 */
export async function seedScoringDemo(em: EntityManager, ids: DemoIds): Promise<ScoringDemoResult> {
  const y2024 = await blockYearId(em, ids, 'KTĐ4', 2024);
  const y2025 = await blockYearId(em, ids, 'KTĐ4', 2025);
  const svc = new ScoringService(em.connection, new AuditService(em.connection));
  const s2024 = await createDemoScheme(svc, em, y2024, KTD4_SCHEME, 'canbo.dukcq@thidua.vn', ' năm 2024');
  // 2025: the leader's officer copies 2024's scheme as the year's first version.
  const s2025 = await svc.createTx(em, await demoActor(em, 'canbo.dukdn@thidua.vn'), { blockYearId: y2025, title: `${KTD4_SCHEME.title} năm 2025`, copyFromSchemeId: s2024 });
  const k1 = await blockYearId(em, ids, 'KTĐ1', 2025).catch(() => null);
  const k1Scheme = k1
    ? await createDemoScheme(svc, em, k1, { ...KTD4_SCHEME, title: 'Biểu chấm điểm thi đua Khối thi đua số 1' }, 'canbo.stc@thidua.vn', ' năm 2025')
    : null;
  if (em.queryRunner?.isTransactionActive) {
    await new AuditService(em.connection).record(em, null, {
      action: 'demo.scoring', entityType: 'system', reason: 'Nạp dữ liệu minh họa: biểu chấm điểm',
      after: { schemes: [s2024, s2025, k1Scheme].filter(Boolean), criteria: KTD4_SCHEME.rows.length },
    });
  }
  return { scheme2024Id: s2024, scheme2025Id: s2025, ktd1Scheme2025Id: k1Scheme ?? undefined };
}
