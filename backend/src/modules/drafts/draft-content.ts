/**
 * The content of a plan or rules draft (docs/domain.md §2, start-of-year.md "drafts") and its hash.
 * Pure: no NestJS or TypeORM here.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';
import type { RuleSet } from '@thidua/rules';

export type DraftKind = 'plan' | 'rules';
export const DRAFT_KINDS: DraftKind[] = ['plan', 'rules'];
export type DraftStatus = 'draft' | 'circulated' | 'adopted' | 'superseded';
export const DRAFT_STATUSES: DraftStatus[] = ['draft', 'circulated', 'adopted', 'superseded'];

/** One section of a draft; `rev` grows with every edit (optimistic locking per section). */
export interface DraftSection {
  key: string;
  heading: string;
  body: string;
  rev: number;
  /** Who last edited the section and when (not part of the content hash). */
  updatedBy?: string | null;
  updatedByName?: string | null;
  updatedAt?: string | null;
}

export type ActivityStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const ACTIVITY_STATUSES: ActivityStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export interface PlanActivity {
  key: string;
  title: string;
  /** yyyy-mm-dd */
  startDate: string;
  endDate: string;
  ownerUnitId: string | null;
  notes: string;
}

export type MovementKind = 'regular' | 'thematic';
export const MOVEMENT_KINDS: MovementKind[] = ['regular', 'thematic'];

/** Phong trào thi đua: thường xuyên (regular) or theo đợt, chuyên đề (thematic). */
export interface PlanMovement {
  key: string;
  kind: MovementKind;
  title: string;
  /** Free text, e.g. "Từ 01/01/2024 đến 07/5/2024". */
  period: string;
  goal: string;
}

export interface PlanCommemoration {
  key: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  notes: string;
}

export interface PlanFieldTrip {
  key: string;
  title: string;
  place: string;
  period: string;
  ownerUnitId: string | null;
  notes: string;
}

export interface PlanData {
  theme: string;
  slogan: string;
  activities: PlanActivity[];
  movements: PlanMovement[];
  commemorations: PlanCommemoration[];
  fieldTrips: PlanFieldTrip[];
}

export const emptyPlan = (): PlanData => ({ theme: '', slogan: '', activities: [], movements: [], commemorations: [], fieldTrips: [] });

/** The part of a version that is hashed, compared and printed. */
export interface DraftContent {
  kind: DraftKind;
  title: string;
  sections: Pick<DraftSection, 'key' | 'heading' | 'body'>[];
  plan: PlanData | null;
  ruleSet: RuleSet | null;
}

/** SHA-256 (hex) of the canonical JSON of the content: section revisions and timestamps do not count. */
export function draftContentHash(c: DraftContent): string {
  const content = {
    kind: c.kind,
    title: c.title,
    sections: c.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    plan: c.plan,
    ruleSet: c.ruleSet,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** A stable ASCII key from a Vietnamese heading ("III. Nội dung" → "noi-dung"), unique among `taken`. */
export function sectionKeyFor(heading: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = heading
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^[ivxlcdm]+\.\s+|^\d+\.\s+/, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'muc';
  let key = base;
  for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** Gives every item without a key a fresh one (`a1`, `a2`, …) not used by the others. */
export function withKeys<T extends { key?: string | null }>(items: T[], prefix: string): (T & { key: string })[] {
  const used = new Set(items.map((i) => i.key).filter((k): k is string => !!k));
  let n = 1;
  return items.map((item) => {
    if (item.key) return item as T & { key: string };
    while (used.has(`${prefix}${n}`)) n++;
    const key = `${prefix}${n}`;
    used.add(key);
    return { ...item, key };
  });
}

/** Problems in plan data, as { field path: Vietnamese reason }; empty when fine. */
export function planProblems(plan: PlanData, memberUnitIds: string[], year: number): Record<string, string> {
  const out: Record<string, string> = {};
  const inYear = (d: string) => Number(d.slice(0, 4)) >= year - 1 && Number(d.slice(0, 4)) <= year + 1;
  const keys = new Set<string>();
  plan.activities.forEach((a, i) => {
    const p = `plan.activities.${i}`;
    if (keys.has(a.key)) out[`${p}.key`] = 'bị trùng';
    keys.add(a.key);
    if (a.endDate < a.startDate) out[`${p}.endDate`] = 'phải sau hoặc trùng ngày bắt đầu';
    if (!inYear(a.startDate)) out[`${p}.startDate`] = `phải thuộc năm ${year} (hoặc sát năm)`;
    if (a.ownerUnitId && !memberUnitIds.includes(a.ownerUnitId)) out[`${p}.ownerUnitId`] = 'phải là đơn vị thành viên của khối trong năm';
  });
  plan.fieldTrips.forEach((f, i) => {
    if (f.ownerUnitId && !memberUnitIds.includes(f.ownerUnitId)) out[`plan.fieldTrips.${i}.ownerUnitId`] = 'phải là đơn vị thành viên của khối trong năm';
  });
  for (const [name, list] of [['movements', plan.movements], ['commemorations', plan.commemorations], ['fieldTrips', plan.fieldTrips]] as const) {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) out[`plan.${name}.${i}.key`] = 'bị trùng';
      seen.add(x.key);
    });
  }
  return out;
}

/** The sections a new plan starts with (the usual outline of a block's annual plan). */
export function defaultPlanSections(blockName: string, year: number): DraftSection[] {
  const s = (key: string, heading: string, body: string): DraftSection => ({ key, heading, body, rev: 1 });
  return [
    s('muc-dich-yeu-cau', 'I. MỤC ĐÍCH, YÊU CẦU', `1. Mục đích\nĐẩy mạnh các phong trào thi đua yêu nước trong các đơn vị thành viên ${blockName}, góp phần hoàn thành thắng lợi nhiệm vụ chính trị năm ${year}.\n\n2. Yêu cầu\n- Các hoạt động của Khối thiết thực, hiệu quả, tránh hình thức, phô trương.`),
    s('chu-de', 'II. CHỦ ĐỀ, KHẨU HIỆU THI ĐUA', ''),
    s('noi-dung', 'III. NỘI DUNG THI ĐUA', ''),
    s('hoat-dong', 'IV. CÁC HOẠT ĐỘNG CỤ THỂ', 'Các hoạt động, thời gian và đơn vị chủ trì như bảng dưới đây.'),
    s('phong-trao', 'V. CÁC PHONG TRÀO THI ĐUA', ''),
    s('ky-niem', 'VI. CÁC NGÀY KỶ NIỆM', ''),
    s('nghien-cuu-thuc-te', 'VII. HOẠT ĐỘNG NGHIÊN CỨU THỰC TẾ', ''),
    s('to-chuc-thuc-hien', 'VIII. TỔ CHỨC THỰC HIỆN', `Đơn vị Khối trưởng chủ trì, phối hợp với đơn vị Khối phó theo dõi, đôn đốc việc thực hiện Kế hoạch; các đơn vị thành viên căn cứ Kế hoạch xây dựng kế hoạch của đơn vị mình.`),
  ];
}

/** The sections new rules start with. */
export function defaultRulesSections(blockName: string, year: number): DraftSection[] {
  const s = (key: string, heading: string, body: string): DraftSection => ({ key, heading, body, rev: 1 });
  return [
    s('quy-dinh-chung', 'Chương I. QUY ĐỊNH CHUNG', `Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng\nQuy chế này quy định về tổ chức, hoạt động và bình xét thi đua của ${blockName} năm ${year}.`),
    s('to-chuc-hoat-dong', 'Chương II. TỔ CHỨC VÀ HOẠT ĐỘNG CỦA KHỐI', ''),
    s('binh-xet-thi-dua', 'Chương III. CHẤM ĐIỂM, BÌNH XÉT THI ĐUA', 'Hội nghị bình xét hợp lệ và việc bỏ phiếu suy tôn theo Bộ quy tắc bình xét kèm theo Quy chế này.'),
    s('dieu-khoan-thi-hanh', 'Chương IV. ĐIỀU KHOẢN THI HÀNH', 'Quy chế có hiệu lực kể từ ngày được Hội nghị Khối thông qua.'),
  ];
}

/** Vietnamese lines describing a rule set (for diffs and the printed rules). */
export function ruleSetLines(r: RuleSet): string[] {
  const quota = (q: RuleSet['quotas']['gov_flag']) => (q.kind === 'count' ? `tối đa ${q.value} đơn vị` : `tối đa ${q.value}% số đơn vị thành viên`);
  const tie: Record<string, string> = {
    first_group_score: 'điểm nhóm tiêu chí thứ nhất cao hơn',
    fewer_deductions: 'ít điểm trừ hơn',
    earlier_submission: 'nộp hồ sơ sớm hơn',
  };
  return [
    `Hội nghị hợp lệ khi có ít nhất ${r.quorumNumerator}/${r.quorumDenominator} số đơn vị thành viên tham dự.`,
    `Đơn vị được suy tôn khi có số phiếu đồng ý trên ${r.voteThresholdPercent}% ${r.voteThresholdBase === 'members' ? 'tổng số đơn vị thành viên' : 'số đơn vị có mặt'}.`,
    `Cờ thi đua của Chính phủ: ${quota(r.quotas.gov_flag)}, chỉ xét đơn vị dẫn đầu.`,
    `Cờ thi đua của UBND Thành phố: ${quota(r.quotas.city_flag)}.`,
    `Bằng khen của Chủ tịch UBND Thành phố: ${quota(r.quotas.city_merit)}.`,
    `Khi bằng điểm, xét lần lượt: ${r.tieBreakChain.map((t) => tie[t] ?? t).join('; ') || 'đồng hạng'}.`,
    `Điểm cuối cùng: ${r.finalScoreRule === 'leader_appraisal' ? 'điểm thẩm định của Khối trưởng sau giải trình' : 'trung vị điểm chấm chéo'}.`,
    `Mỗi đơn vị chấm chéo ${r.reviewsPerUnit} đơn vị khác; thang điểm tối đa ${r.scoringScaleMax} điểm.`,
    `Điểm chênh lệch trên ${r.divergencePercent}% điểm tối đa của tiêu chí được đánh dấu để xem xét.`,
  ];
}

/** dd/mm/yyyy from yyyy-mm-dd. */
export const vnDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

/** "dd/mm/yyyy" or "dd/mm – dd/mm/yyyy" for an activity's dates. */
export function dateRange(start: string, end: string): string {
  if (start === end) return vnDate(start);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${vnDate(start).slice(0, 5)} – ${vnDate(end)}`;
  return `${vnDate(start)} – ${vnDate(end)}`;
}

/** Plan data as Vietnamese text blocks (for diffs): one line per item. */
export function planLines(plan: PlanData, unitName: (id: string | null) => string): { key: string; heading: string; lines: string[] }[] {
  return [
    { key: '@plan.theme', heading: 'Chủ đề, khẩu hiệu', lines: [`Chủ đề: ${plan.theme}`, `Khẩu hiệu: ${plan.slogan}`] },
    { key: '@plan.activities', heading: 'Các hoạt động', lines: plan.activities.map((a) => `${a.title} | ${dateRange(a.startDate, a.endDate)} | ${unitName(a.ownerUnitId)}${a.notes ? ` | ${a.notes}` : ''}`) },
    { key: '@plan.movements', heading: 'Các phong trào thi đua', lines: plan.movements.map((m) => `[${m.kind === 'regular' ? 'Thường xuyên' : 'Theo đợt, chuyên đề'}] ${m.title} | ${m.period} | ${m.goal}`) },
    { key: '@plan.commemorations', heading: 'Các ngày kỷ niệm', lines: plan.commemorations.map((c) => `${vnDate(c.date)}: ${c.title}${c.notes ? ` | ${c.notes}` : ''}`) },
    { key: '@plan.fieldTrips', heading: 'Hoạt động nghiên cứu thực tế', lines: plan.fieldTrips.map((f) => `${f.title} | ${f.place} | ${f.period} | ${unitName(f.ownerUnitId)}${f.notes ? ` | ${f.notes}` : ''}`) },
  ];
}

/**
 * The plan skeleton for next year: the sections as they were adopted (the leader rewrites them), the theme
 * and slogan cleared, regular movements kept; dated activities, thematic campaigns, commemorations and
 * field trips belong to their year and are dropped (as the drafts module's "copy from previous year").
 */
export function planSkeleton(sections: readonly DraftSection[], plan: PlanData | null): { sections: DraftSection[]; plan: PlanData } {
  return {
    sections: sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body, rev: 1 })),
    plan: { ...emptyPlan(), movements: (plan?.movements ?? []).filter((m) => m.kind === 'regular') },
  };
}
