/**
 * Scoring schemes of Khối thi đua số 4 as the API returns them (shapes captured from GET
 * /api/scoring-schemes/:id on the demo: the 100-point scheme with every leaf type). Test data only.
 */
import type { Schemas } from '@/api/client';
import { units } from '../../../test/fixtures';

type Criterion = Schemas['CriterionDto'];
type Scheme = Schemas['SchemeDto'];

interface Row {
  code: string;
  parent?: string;
  type: Criterion['type'];
  title: string;
  max: number;
  guidance?: string;
  evidence?: boolean;
  ppo?: number;
  measure?: string;
  items?: Criterion['items'];
  na?: string[];
}

const ROWS: Row[] = [
  { code: 'I', type: 'group', title: 'Thực hiện nhiệm vụ chính trị', max: 40 },
  { code: 'I.1', parent: 'I', type: 'points', title: 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ chính trị được giao trong năm', max: 15, evidence: true, guidance: 'Căn cứ báo cáo tổng kết năm của đơn vị và đánh giá của cơ quan cấp trên. Hoàn thành 100% chỉ tiêu: 15 điểm; mỗi chỉ tiêu không hoàn thành trừ 1,5 điểm.' },
  { code: 'I.2', parent: 'I', type: 'target', title: 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn', max: 10, measure: '%', guidance: 'Giá trị thực hiện là tỷ lệ phần trăm theo phần mềm một cửa; chỉ tiêu theo Giao ước thi đua đầu năm.' },
  { code: 'I.3', parent: 'I', type: 'points', title: 'Triển khai chuyển đổi số, cải cách hành chính', max: 10 },
  { code: 'I.4', parent: 'I', type: 'pass_fail', title: 'Không có cán bộ, công chức, viên chức bị xử lý kỷ luật từ khiển trách trở lên', max: 5 },
  { code: 'II', type: 'group', title: 'Công tác thi đua, khen thưởng', max: 35 },
  { code: 'II.1', parent: 'II', type: 'pass_fail', title: 'Ban hành kế hoạch, hướng dẫn tổ chức phong trào thi đua thường xuyên đúng thời gian', max: 5, evidence: true },
  { code: 'II.2', parent: 'II', type: 'per_occurrence', title: 'Tổ chức phong trào thi đua theo đợt, chuyên đề', max: 10, ppo: 2.5, guidance: 'Mỗi phong trào có kế hoạch, sơ kết hoặc tổng kết: 2,5 điểm, tối đa 10 điểm.' },
  { code: 'II.3', parent: 'II', type: 'per_occurrence', title: 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', max: 5, ppo: 1 },
  { code: 'II.4', parent: 'II', type: 'target', title: 'Số tin, bài tuyên truyền gương người tốt, việc tốt', max: 10, measure: 'tin, bài', na: [units.lhp.id] },
  { code: 'II.5', parent: 'II', type: 'points', title: 'Tham gia đầy đủ các hoạt động chung của Khối', max: 5 },
  { code: 'III', type: 'group', title: 'Xây dựng Đảng, đoàn thể', max: 25 },
  { code: 'III.1', parent: 'III', type: 'pass_fail', title: 'Tổ chức đảng được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên', max: 10, evidence: true },
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
];

const idOf = (prefix: string, code: string) => `${prefix}-${code.toLowerCase().replace(/\./g, '-')}`;

/** Rows in reading order with depth, order among siblings and, for groups, the sum of their children. */
export function criteria(prefix: string, rows: Row[] = ROWS, versions: Record<string, number> = {}): Criterion[] {
  const order = new Map<string | undefined, number>();
  const list = rows.map((r) => {
    const n = (order.get(r.parent) ?? 0) + 1;
    order.set(r.parent, n);
    return {
      id: idOf(prefix, r.code), parentId: r.parent ? idOf(prefix, r.parent) : null, code: r.code, title: r.title, guidance: r.guidance ?? '', type: r.type, max: r.max,
      order: n, depth: r.code.split('.').length - 1, evidenceRequired: !!r.evidence, pointsPerOccurrence: r.ppo ?? null, countSource: null, measure: r.measure ?? '', items: r.items ?? [],
      notApplicableUnitIds: r.na ?? [], childrenMax: null as number | null, version: versions[r.code] ?? 1,
    };
  });
  for (const c of list) {
    if (c.type === 'group') c.childrenMax = list.filter((x) => x.parentId === c.id && x.type !== 'bonus' && x.type !== 'deduction').reduce((s, x) => s + x.max, 0);
  }
  return list;
}

/** Version 1 of 2024: complete, frozen when the year-end round opened. */
export const frozenScheme = (patch: Partial<Scheme> = {}): Scheme => ({
  id: 'scheme-2024-v1', blockYearId: 'by-2024', blockName: 'Khối thi đua số 4', year: 2024, versionNo: 1,
  title: 'Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024', totalMax: 100, basedOnId: null, status: 'frozen', frozenAt: '2024-11-15T01:00:00.000Z',
  rounds: [{ id: 'round-2024', title: 'Chấm điểm thi đua năm 2024' }],
  totals: { topLevelSum: 100, bonusMax: 15, deductionMax: 10, leafCount: 14 },
  criteria: criteria('v1'), problems: [], valid: true, version: 2,
  permissions: { canEdit: false, canCreateVersion: true },
  ...patch,
});

/** Version 2: a copy being reworked; group III raised to 30 while its children still add up to 25. */
export const draftScheme = (patch: Partial<Scheme> = {}): Scheme => {
  const rows = criteria('v2').map((c) => (c.code === 'III' ? { ...c, max: 30, version: 2 } : c));
  return {
    id: 'scheme-2024-v2', blockYearId: 'by-2024', blockName: 'Khối thi đua số 4', year: 2024, versionNo: 2,
    title: 'Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024 (sửa đổi)', totalMax: 100, basedOnId: 'scheme-2024-v1', status: 'draft', frozenAt: null, rounds: [],
    totals: { topLevelSum: 105, bonusMax: 15, deductionMax: 10, leafCount: 14 },
    criteria: rows,
    problems: [
      { code: 'III', rule: 'children_below_group', message: 'Nhóm III: tổng điểm tối đa của các tiêu chí con (25) thấp hơn điểm tối đa của nhóm (30)' },
      { code: null, rule: 'total_mismatch', message: 'Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (105) khác tổng điểm của biểu (100)' },
    ],
    valid: false, version: 5,
    permissions: { canEdit: true, canCreateVersion: true },
    ...patch,
  };
};

/** The list's row of a scheme; `basedOn`: the version and year of the scheme it copies, as the server joins them. */
export const summaryOf = (s: Scheme, basedOn: Schemas['SchemeSummaryDto']['basedOn'] = null): Schemas['SchemeSummaryDto'] => ({
  id: s.id, blockYearId: s.blockYearId, versionNo: s.versionNo, title: s.title, totalMax: s.totalMax, status: s.status, frozenAt: s.frozenAt,
  criteriaCount: s.criteria.filter((c) => c.type !== 'group').length, basedOnId: s.basedOnId, basedOn, rounds: s.rounds,
  valid: s.valid, problemCount: s.problems.length, version: s.version, permissions: s.permissions,
});

export const yearSummaries: Schemas['BlockYearSummaryDto'][] = [
  { id: 'by-2025', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025, status: 'planning', leaderUnitName: units.dukdn.name, deputyUnitName: units.dukdh.name, memberCount: 5 },
  { id: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, status: 'in_progress', leaderUnitName: units.dukcq.name, deputyUnitName: units.dukdn.name, memberCount: 5 },
  { id: 'by-2023', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2023, status: 'archived', leaderUnitName: units.dukcq.name, deputyUnitName: units.lhp.name, memberCount: 5 },
];

export const scheme2023: Schemas['SchemeSummaryDto'] = {
  id: 'scheme-2023-v1', blockYearId: 'by-2023', versionNo: 1, title: 'Biểu chấm điểm thi đua Khối thi đua số 4 năm 2023', totalMax: 100, status: 'frozen',
  frozenAt: '2023-11-20T02:00:00.000Z', criteriaCount: 12, basedOnId: null, basedOn: null, rounds: [{ id: 'round-2023', title: 'Chấm điểm thi đua năm 2023' }],
  valid: true, problemCount: 0, version: 2, permissions: { canEdit: false, canCreateVersion: false },
};
