/**
 * Pure rules of the awards module: the default catalogue, quota checks, the effective per-block limit, the
 * order of an eligibility report, bonuses for next year, chart data and a block year's place in the annual
 * cycle. No NestJS or TypeORM here.
 *
 * Glossary:
 * - Danh mục hình thức khen thưởng: the award catalogue of a year (kept by the board)
 * - Danh hiệu (e.g. "Tập thể lao động xuất sắc"): a title held by a unit for a year
 * - Kỷ luật: a disciplinary flag against a unit for a year
 * - Lịch sử khen thưởng: a unit's award history (decision number, date, signer)
 * - Thu hồi: revocation of an award (by a later decision)
 * - Điểm thưởng: bonus points the next year's scoring gives for an award held
 */
import { AWARD_NAMES, DEFAULT_AWARD_GATES, type AwardGates } from '../../domain/year-end';
import { AWARD_CODES, DEFAULT_RULE_SET, quotaLimit, round2, type AwardCode, type Quota, type RuleSet } from '@thidua/rules';

/** Bonus next year for holding an award (docs/domain.md glossary: +15 Government flag, +10 city flag). Editable in the catalogue. */
export const DEFAULT_BONUS_POINTS: Readonly<Record<AwardCode, number>> = { gov_flag: 15, city_flag: 10, city_merit: 5 };

export interface CatalogueEntry {
  code: string;
  name: string;
  gates: AwardGates;
  blockQuota: Quota;
  cityQuota: number | null;
  bonusPoints: number;
  sort: number;
}

/**
 * A year's catalogue from the defaults: gates from DEFAULT_AWARD_GATES, per-block quotas from the default
 * rule set, no city-wide limit (the board sets its own).
 */
export function defaultCatalogue(rules: Pick<RuleSet, 'quotas'> = DEFAULT_RULE_SET): CatalogueEntry[] {
  return AWARD_CODES.map((code, i) => ({
    code,
    name: AWARD_NAMES[code],
    gates: structuredClone(DEFAULT_AWARD_GATES[code]),
    blockQuota: { ...rules.quotas[code] },
    cityQuota: null,
    bonusPoints: DEFAULT_BONUS_POINTS[code],
    sort: i + 1,
  }));
}

export const isStandardAward = (code: string): code is AwardCode => (AWARD_CODES as string[]).includes(code);

/** Why a quota (or top N) is unusable, in Vietnamese; null when it is fine. */
export function quotaProblem(q: Quota): string | null {
  if (q.kind !== 'count' && q.kind !== 'percent') return 'có loại không được phép (count hoặc percent)';
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) return 'phải là số';
  if (q.value < 0) return 'không được âm';
  if (q.kind === 'count' && !Number.isInteger(q.value)) return 'phải là số nguyên khi tính theo số đơn vị';
  if (q.kind === 'percent' && q.value > 100) return 'không được vượt quá 100 (%)';
  if (q.kind === 'percent' && Math.round(q.value * 100) !== q.value * 100) return 'chỉ được có tối đa 2 chữ số thập phân';
  return null;
}

/**
 * The most units of one block that may receive an award: the catalogue's per-block quota, capped by the
 * block year's rule-set quota when the rule set has one for this award.
 */
export function effectiveBlockLimit(catalogueQuota: Quota, ruleQuota: Quota | null | undefined, members: number): number {
  const own = quotaLimit(catalogueQuota, members);
  return ruleQuota ? Math.min(own, quotaLimit(ruleQuota, members)) : own;
}

const collator = new Intl.Collator('vi');

/** Rank order (units without a rank last), then Vietnamese name order. */
export function byRankThenName<T extends { rank: number | null; name: string }>(a: T, b: T): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return collator.compare(a.name, b.name);
}

/** A title as stored: NFC, trimmed, inner spaces collapsed (eligibility compares them ignoring case). */
export const normalizeTitle = (t: string): string => t.normalize('NFC').trim().replace(/\s+/g, ' ');

/** A decision for the awards of `year` cannot be dated before that year began, nor after `today` (yyyy-mm-dd). */
export function decisionDateProblem(year: number, date: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return 'phải là ngày hợp lệ (yyyy-mm-dd)';
  }
  if (date < `${year}-01-01`) return `không được trước năm khen thưởng ${year}`;
  if (date > today) return 'không được sau ngày hôm nay';
  return null;
}

/** "15/03/2024": how dates are shown in Vietnamese documents and messages. */
export const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface HeldAward {
  id: string;
  unitId: string;
  year: number;
  code: string;
  awardName: string;
  decisionNumber: string;
  decisionDate: string;
  bonusPoints: number;
}

export interface UnitBonus<A extends HeldAward = HeldAward> {
  unitId: string;
  name: string;
  awards: A[];
  total: number;
}

/** Bonus points per member unit from the awards it holds (already filtered to active ones of the year before). */
export function bonusesByUnit<A extends HeldAward>(units: readonly { id: string; name: string }[], awards: readonly A[]): UnitBonus<A>[] {
  return [...units].sort((a, b) => collator.compare(a.name, b.name)).map((u) => {
    const own = awards.filter((a) => a.unitId === u.id);
    const total = round2(own.reduce((s, a) => s + a.bonusPoints, 0));
    return { unitId: u.id, name: u.name, awards: own, total };
  });
}

export interface YearCounts {
  year: number;
  counts: Record<string, number>;
  total: number;
}

/** Chart data: active awards per year per code, every code present in every year (0 when none), years ascending. */
export function awardsByYear(rows: readonly { year: number; code: string; count: number }[], codes: readonly string[]): YearCounts[] {
  const allCodes = [...new Set([...codes, ...rows.map((r) => r.code)])];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const counts = Object.fromEntries(allCodes.map((c) => [c, 0]));
    for (const r of rows) if (r.year === year) counts[r.code] += r.count;
    return { year, counts, total: Object.values(counts).reduce((s, n) => s + n, 0) };
  });
}

// ─── The annual cycle (docs/domain.md §3) ─────────────────────────────────────────────────────────────

export const CYCLE_STEPS = ['setup', 'planning', 'signed', 'mid_year', 'year_end', 'ranked', 'submitted', 'decided', 'archived'] as const;
export type CycleStep = (typeof CYCLE_STEPS)[number];
export const CYCLE_STEP_LABELS: Record<CycleStep, string> = {
  setup: 'Thiết lập năm thi đua',
  planning: 'Xây dựng kế hoạch, lấy ý kiến',
  signed: 'Đã ký giao ước thi đua',
  mid_year: 'Sơ kết 6 tháng',
  year_end: 'Chấm điểm cuối năm',
  ranked: 'Đã chốt kết quả cuối năm',
  submitted: 'Đã gửi hồ sơ đề nghị khen thưởng',
  decided: 'Đã có quyết định khen thưởng',
  archived: 'Đã lưu trữ',
};

export interface CycleFacts {
  /** block_years.status */
  status: string;
  covenantInForce: boolean;
  rounds: readonly { kind: string; phase: string }[];
  /** A dossier is with the board (from the proposals module when it reports). */
  proposalSubmitted: boolean;
  /** Active awards of the year decided by the council for member units. */
  decisions: number;
}

/** The furthest step of the annual cycle the facts show. */
export function cycleStep(f: CycleFacts): CycleStep {
  const yearEnd = f.rounds.find((r) => r.kind === 'year_end');
  const reached: CycleStep[] = ['setup'];
  if (f.status === 'archived') reached.push('archived');
  if (f.status === 'decided' || f.decisions > 0) reached.push('decided');
  if (f.status === 'submitted' || f.proposalSubmitted) reached.push('submitted');
  if (yearEnd?.phase === 'finalised') reached.push('ranked');
  if (yearEnd || f.status === 'year_end') reached.push('year_end');
  if (f.rounds.some((r) => r.kind === 'mid_year')) reached.push('mid_year');
  if (f.covenantInForce || ['signed', 'in_progress'].includes(f.status)) reached.push('signed');
  if (f.status === 'planning') reached.push('planning');
  return reached.reduce((a, b) => (CYCLE_STEPS.indexOf(b) > CYCLE_STEPS.indexOf(a) ? b : a));
}

// ─── Lateness (issue 18): deadlines a block year has missed ──────────────────────────────────────

export const LATENESS_REASONS = ['self_assessment', 'finalisation', 'appraisal'] as const;
export type LatenessReason = (typeof LATENESS_REASONS)[number];
export const LATENESS_LABELS: Record<LatenessReason, string> = {
  self_assessment: 'Đơn vị quá hạn chưa nộp bản tự chấm',
  finalisation: 'Quá hạn chốt điểm, hoàn tất đợt chấm',
  appraisal: 'Hồ sơ quá hạn thẩm định',
};

export interface LatenessFacts {
  /** Rounds not yet finalised. */
  openRounds: readonly {
    /** Units whose own self-assessment deadline (extension included) has passed without a submitted self-assessment. */
    unitsOverdue: number;
    /** The earliest of those units' deadlines. */
    earliestMissed: Date | null;
    /** The leader's deadline to finalise, when the round has one. */
    finalReviewUntil: Date | null;
  }[];
  /** The appraisal deadline of a dossier with the board, if any. */
  appraisalDue: Date | null;
}

export interface Lateness {
  reasons: LatenessReason[];
  /** The earliest deadline missed, or null when none is. */
  overdueSince: Date | null;
  /** Whole days since that deadline (0 on the day itself). */
  daysLate: number;
}

/** Which deadlines of a block year have passed with the work not done, and since when. */
export function blockLateness(f: LatenessFacts, now: Date): Lateness {
  const missed: [LatenessReason, Date][] = [];
  for (const r of f.openRounds) {
    if (r.unitsOverdue > 0 && r.earliestMissed && r.earliestMissed < now) missed.push(['self_assessment', r.earliestMissed]);
    if (r.finalReviewUntil && r.finalReviewUntil < now) missed.push(['finalisation', r.finalReviewUntil]);
  }
  if (f.appraisalDue && f.appraisalDue < now) missed.push(['appraisal', f.appraisalDue]);
  if (!missed.length) return { reasons: [], overdueSince: null, daysLate: 0 };
  const since = new Date(Math.min(...missed.map(([, d]) => d.getTime())));
  return {
    reasons: LATENESS_REASONS.filter((r) => missed.some(([m]) => m === r)),
    overdueSince: since,
    daysLate: Math.floor((now.getTime() - since.getTime()) / 86_400_000),
  };
}

export const OVERVIEW_SORTS = ['name', 'step', 'lateness'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/**
 * The overview's order: by name (`nameOrder`: khối before cụm, each in Vietnamese name order, as the rows are
 * read), by step (least advanced first), or by lateness (longest overdue first, blocks on time after).
 */
export function overviewOrder<T extends { stepIndex: number; daysLate: number; late: boolean; nameOrder: number }>(sort: OverviewSort): (a: T, b: T) => number {
  const byName = (a: T, b: T) => a.nameOrder - b.nameOrder;
  if (sort === 'step') return (a, b) => a.stepIndex - b.stepIndex || byName(a, b);
  if (sort === 'lateness') return (a, b) => Number(b.late) - Number(a.late) || b.daysLate - a.daysLate || byName(a, b);
  return byName;
}
