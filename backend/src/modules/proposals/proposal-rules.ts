/**
 * Pure rules of the award proposal dossier (docs/domain.md §3, §5, §7): its completeness checklist, the status
 * machine, the appraisal deadline and the city-wide quota use. No NestJS or TypeORM here.
 *
 * Glossary:
 * - Hồ sơ đề nghị khen thưởng: the award proposal dossier a block sends to the city board
 * - Tờ trình (TTr): the submission letter; Biên bản (BB): minutes; Biên bản kiểm phiếu: tally record
 * - Bảng tổng hợp điểm: the score summary annex; Danh sách đề nghị: the nominee list
 * - Báo cáo thành tích: a nominee's achievement report, written by the nominee unit itself
 * - Thẩm định: the board's appraisal; Trả lại: return with a reason; Quyết định: the council's decision
 */
import { AWARD_CODES, type AwardCode } from '@thidua/rules';
import { checkCityQuotas, type CityQuotaBreach } from '../../domain/year-end';
import { parseDocumentNumber, vietnamCalendarDate } from '../documents';
import { appraisalDueDate, type KnownWorkCalendar, uncoveredYears, workingDaysBetween } from './rules';
import type { ProposalStatus } from './entities/proposal.entity';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'Đang lập',
  submitted: 'Đã trình',
  under_appraisal: 'Đang thẩm định',
  returned: 'Bị trả lại',
  approved: 'Đã thông qua',
  decided: 'Đã có quyết định',
  cancelled: 'Đã hủy',
};

/** Statuses in which the block edits the dossier (letter, reports). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'returned'];
/** Statuses in which the board has the dossier (its nominees are frozen). */
export const WITH_BOARD_STATUSES: readonly ProposalStatus[] = ['submitted', 'under_appraisal', 'approved', 'decided'];

// ------------------------------------------------------------------ checklist

export type ChecklistKind = 'letter' | 'minutes' | 'score_annex' | 'tally_record' | 'nominees' | 'report';

export interface ChecklistItem {
  key: string;
  kind: ChecklistKind;
  label: string;
  present: boolean;
  /** What is there, or what is missing, in Vietnamese. */
  detail: string;
  /** For a tally record: its ballot; for a report: the nominee unit. */
  ballotId: string | null;
  unitId: string | null;
}

export interface LetterFields {
  number: string;
  recipient: string;
  paragraphs: readonly string[];
  signerName: string;
}

export interface ChecklistInput {
  letter: LetterFields;
  minutes: { number: string; approved: boolean } | null;
  round: { title: string; finalised: boolean } | null;
  /** One per award ballot series of the year-end conference. */
  ballots: readonly { ballotId: string; awardName: string; status: 'open' | 'closed'; signed: boolean; documentNumber: string | null }[];
  nominees: readonly { unitId: string; unitName: string; awardName: string }[];
  /** Units with a current achievement report. */
  reportUnitIds: ReadonlySet<string>;
}

/** Problems with the letter's fields, or empty when it is complete. */
export function letterProblems(l: LetterFields): string[] {
  const problems: string[] = [];
  const parsed = parseDocumentNumber(l.number);
  if (!parsed || parsed.code !== 'TTr') problems.push('số tờ trình chưa đúng dạng "05/TTr-KTĐ4"');
  if (!l.recipient.trim()) problems.push('chưa ghi nơi nhận ("Kính gửi")');
  if (!l.paragraphs.some((p) => p.trim())) problems.push('chưa có nội dung');
  if (!l.signerName.trim()) problems.push('chưa ghi người ký');
  return problems;
}

/** Every part of the dossier, present or missing (docs/domain.md §2: TTr, BB, bảng tổng hợp điểm, biên bản kiểm phiếu, danh sách, báo cáo thành tích). */
export function checklist(i: ChecklistInput): ChecklistItem[] {
  const item = (kind: ChecklistKind, key: string, label: string, present: boolean, detail: string, extra: Partial<ChecklistItem> = {}): ChecklistItem =>
    ({ key, kind, label, present, detail, ballotId: null, unitId: null, ...extra });
  const items: ChecklistItem[] = [];
  const lp = letterProblems(i.letter);
  items.push(item('letter', 'letter', 'Tờ trình đề nghị khen thưởng', lp.length === 0, lp.length ? `Tờ trình ${lp.join(', ')}` : `Tờ trình số ${i.letter.number}`));
  items.push(item('minutes', 'minutes', 'Biên bản Hội nghị tổng kết', !!i.minutes?.approved,
    !i.minutes ? 'Chưa có biên bản Hội nghị tổng kết năm của Khối' : i.minutes.approved ? `Biên bản số ${i.minutes.number} đã được thông qua` : `Biên bản số ${i.minutes.number} chưa được chủ trì và thư ký thông qua`));
  items.push(item('score_annex', 'score_annex', 'Bảng tổng hợp kết quả chấm điểm', !!i.round?.finalised,
    !i.round ? 'Chưa có đợt chấm điểm cuối năm' : i.round.finalised ? `${i.round.title}: đã hoàn tất` : `${i.round.title}: chưa hoàn tất`));
  if (!i.ballots.length) items.push(item('tally_record', 'tally_record', 'Biên bản kiểm phiếu', false, 'Chưa có cuộc bỏ phiếu bình xét nào kết thúc'));
  for (const b of i.ballots) {
    const present = b.status === 'closed' && b.signed;
    const detail = b.status !== 'closed' ? 'Cuộc bỏ phiếu chưa kết thúc' : b.signed ? `Biên bản kiểm phiếu${b.documentNumber ? ` số ${b.documentNumber}` : ''} đã được Ban kiểm phiếu ký` : 'Biên bản kiểm phiếu chưa được Ban kiểm phiếu ký';
    items.push(item('tally_record', `tally_record:${b.ballotId}`, `Biên bản kiểm phiếu – ${b.awardName}`, present, detail, { ballotId: b.ballotId }));
  }
  items.push(item('nominees', 'nominees', 'Danh sách đơn vị được đề nghị khen thưởng', i.nominees.length > 0,
    i.nominees.length ? `${i.nominees.length} lượt đơn vị được đề nghị` : 'Chưa có đơn vị nào trúng cử qua bỏ phiếu'));
  const seen = new Set<string>();
  for (const n of i.nominees) {
    if (seen.has(n.unitId)) continue;
    seen.add(n.unitId);
    const present = i.reportUnitIds.has(n.unitId);
    items.push(item('report', `report:${n.unitId}`, `Báo cáo thành tích của ${n.unitName}`, present, present ? 'Đã tải lên' : 'Đơn vị chưa tải lên báo cáo thành tích', { unitId: n.unitId }));
  }
  return items;
}

/** "Hồ sơ chưa đủ thành phần…" naming every missing part, or null when complete. */
export function missingMessage(items: readonly ChecklistItem[]): string | null {
  const missing = items.filter((x) => !x.present);
  if (!missing.length) return null;
  return `Hồ sơ chưa đủ thành phần nên chưa thể trình. Còn thiếu: ${missing.map((x) => `${x.label} (${lowerFirst(x.detail)})`).join('; ')}.`;
}

const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);

// ------------------------------------------------------------------ status machine

export type ProposalAction = 'edit' | 'submit' | 'take' | 'return' | 'approve' | 'decide' | 'cancel';

const ALLOWED: Record<ProposalAction, readonly ProposalStatus[]> = {
  edit: EDITABLE_STATUSES,
  submit: EDITABLE_STATUSES,
  take: ['submitted'],
  return: ['submitted', 'under_appraisal'],
  approve: ['under_appraisal'],
  decide: ['approved'],
  cancel: EDITABLE_STATUSES,
};

const ACTION_LABELS: Record<ProposalAction, string> = {
  edit: 'sửa hồ sơ',
  submit: 'trình hồ sơ',
  take: 'tiếp nhận thẩm định',
  return: 'trả lại hồ sơ',
  approve: 'thông qua hồ sơ',
  decide: 'ghi nhận quyết định khen thưởng',
  cancel: 'hủy hồ sơ',
};

/** Null when `action` is allowed in `status`, else the Vietnamese reason it is not. */
export function transitionProblem(status: ProposalStatus, action: ProposalAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  const need = ALLOWED[action].map((s) => `"${STATUS_LABELS[s]}"`).join(' hoặc ');
  return `Hồ sơ đang ở trạng thái "${STATUS_LABELS[status]}" nên không thể ${ACTION_LABELS[action]}; chỉ được ${ACTION_LABELS[action]} khi hồ sơ ${need}.`;
}

// ------------------------------------------------------------------ dates

/** The Vietnam calendar date (yyyy-mm-dd) of an instant. */
export function vietnamDate(at: Date): string {
  const { year, month, day } = vietnamCalendarDate(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Deadline {
  dueDate: string;
  /** Working days from `today` to the due date (negative when overdue). */
  workingDaysLeft: number;
  overdue: boolean;
  /** Years between submission (or today) and the due date the board's calendar has no schedule for: the count may miss their days off. */
  calendarMissingYears: number[];
}

/** The due date of a dossier submitted at `submittedAt` and how it stands on `today` (Vietnam time), on the board's calendar. */
export function deadline(submittedAt: Date, days: number, now: Date, calendar: KnownWorkCalendar): Deadline {
  const submitted = vietnamDate(submittedAt);
  const dueDate = appraisalDueDate(submitted, days, calendar);
  const state = deadlineState(dueDate, now, calendar);
  return { dueDate, ...state, calendarMissingYears: [...new Set([...uncoveredYears(calendar, submitted, dueDate), ...state.calendarMissingYears])].sort() };
}

export function deadlineState(dueDate: string, now: Date, calendar: KnownWorkCalendar): { workingDaysLeft: number; overdue: boolean; calendarMissingYears: number[] } {
  const today = vietnamDate(now);
  return { workingDaysLeft: workingDaysBetween(today, dueDate, calendar), overdue: today > dueDate, calendarMissingYears: uncoveredYears(calendar, today, dueDate) };
}

// ------------------------------------------------------------------ city-wide quota use

export interface CityAward {
  code: string;
  name: string;
  cityQuota: number | null;
}

/** One unit counted against an award's city quota: pending in a dossier with the board, or decided (not revoked). */
export interface CityCount {
  blockId: string;
  blockName: string;
  unitId: string;
  code: string;
}

export interface CityQuotaUse {
  code: string;
  name: string;
  limit: number | null;
  /** Units proposed in dossiers with the board and not yet decided. */
  pending: number;
  /** Awards decided and not revoked. */
  decided: number;
  used: number;
  remaining: number | null;
  over: boolean;
}

/**
 * City-wide use of each award of the catalogue: pending nominees of dossiers with the board plus the awards
 * decided and not revoked. The standard awards go through checkCityQuotas (which also reports a unit proposed
 * by several blocks); others are counted the same way.
 */
export function cityQuotaUse(awards: readonly CityAward[], pending: readonly CityCount[], decided: readonly CityCount[], names: Record<string, string> = {}): { usage: CityQuotaUse[]; breaches: CityQuotaBreach[] } {
  const all = [...pending, ...decided];
  const standard = awards.filter((a): a is CityAward & { code: AwardCode } => (AWARD_CODES as string[]).includes(a.code));
  const blocks = new Map<string, { blockId: string; blockName: string; proposed: Partial<Record<AwardCode, string[]>> }>();
  for (const c of all) {
    if (!(AWARD_CODES as string[]).includes(c.code)) continue;
    const b = blocks.get(c.blockId) ?? { blockId: c.blockId, blockName: c.blockName, proposed: {} };
    const list = (b.proposed[c.code as AwardCode] ??= []);
    if (!list.includes(c.unitId)) list.push(c.unitId);
    blocks.set(c.blockId, b);
  }
  const report = checkCityQuotas({ limits: Object.fromEntries(standard.map((a) => [a.code, a.cityQuota])), blocks: [...blocks.values()], names });
  const distinct = (list: readonly CityCount[], code: string) => new Set(list.filter((c) => c.code === code).map((c) => `${c.blockId}:${c.unitId}`)).size;
  const usage = awards.map((a): CityQuotaUse => {
    const fromRule = report.usage.find((u) => u.award === a.code);
    const used = fromRule ? fromRule.proposed : distinct(all, a.code);
    const limit = a.cityQuota;
    return {
      code: a.code, name: a.name, limit, pending: distinct(pending, a.code), decided: distinct(decided, a.code), used,
      remaining: limit === null ? null : limit - used, over: limit !== null && used > limit,
    };
  });
  const breaches = [...report.breaches.filter((b) => standard.some((a) => a.code === b.award))];
  for (const u of usage) {
    if (u.over && !(AWARD_CODES as string[]).includes(u.code)) {
      breaches.push({ award: u.code as AwardCode, kind: 'over_city_quota', unitIds: [], blockIds: [], message: `Toàn Thành phố đề nghị ${u.used} đơn vị cho ${u.name}, vượt chỉ tiêu ${u.limit} đơn vị` });
    }
  }
  return { usage, breaches };
}
