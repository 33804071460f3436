/**
 * Working-day arithmetic for the board's appraisal deadline (docs/domain.md §3: e.g. 25 working days). Pure.
 *
 * Glossary:
 * - Thời hạn thẩm định: appraisal deadline; Ngày làm việc: working day (Monday–Friday, not a holiday)
 * - Ngày nghỉ lễ, Tết: public holiday; Nghỉ bù: a day off replacing a holiday that fell on a weekend
 * - Hoán đổi ngày làm việc / làm bù: a swapped weekday off and the Saturday worked in exchange
 *
 * Dates are ISO strings 'yyyy-mm-dd', computed as UTC day numbers so the server's time zone never
 * shifts a date.
 */

/** Default appraisal deadline in working days (configurable). */
export const DEFAULT_APPRAISAL_WORKING_DAYS = 25;

/** Days off besides weekends, and Saturdays/Sundays that are worked. */
export interface WorkCalendar {
  /** Weekdays off (ISO dates); weekend dates listed here change nothing. */
  holidays: readonly string[];
  /** Weekend days worked in exchange for a swapped weekday off (ngày làm bù), if the calendar models swaps. */
  makeUpDays?: readonly string[];
}

/**
 * The board's calendar (table work_calendar_days, kept per year; see official-holidays.ts for the
 * schedules it starts with) as the arithmetic needs it, with the years it covers. A year the board has
 * not entered is not covered: `uncoveredYears` names it so a deadline reaching into it is flagged, never
 * silently counted as if every weekday were worked.
 */
export interface KnownWorkCalendar extends WorkCalendar {
  years: readonly number[];
}

export function workCalendar(days: readonly { date: string; kind: 'holiday' | 'make_up' }[]): KnownWorkCalendar {
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    makeUpDays: days.filter((d) => d.kind === 'make_up').map((d) => d.date),
    years: [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b),
  };
}

/** The years between two ISO dates (both included) the calendar has no schedule for. */
export function uncoveredYears(calendar: Pick<KnownWorkCalendar, 'years'>, from: string, to: string): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!calendar.years.includes(y)) out.push(y);
  return out;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; throws RangeError for anything else. */
export function dayNumber(iso: string): number {
  const m = typeof iso === 'string' ? ISO.exec(iso) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(2000, mo - 1, d));
    date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
      return Math.round(date.getTime() / DAY_MS);
    }
  }
  throw new RangeError(`Ngày không hợp lệ: "${String(iso)}" (cần dạng yyyy-mm-dd)`);
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

type CalendarArg = WorkCalendar | readonly string[];

/** A fast membership test for one calendar. */
function workingDayTest(calendar: CalendarArg): (day: number) => boolean {
  const cal: WorkCalendar = Array.isArray(calendar) ? { holidays: calendar } : (calendar as WorkCalendar);
  const off = new Set(cal.holidays.map(dayNumber));
  const worked = new Set((cal.makeUpDays ?? []).map(dayNumber));
  return (day) => {
    if (off.has(day)) return false;
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return (weekday !== 0 && weekday !== 6) || worked.has(day);
  };
}

/** A working day: Monday–Friday and not a holiday, or a listed make-up day. */
export function isWorkingDay(date: string, calendar: CalendarArg): boolean {
  return workingDayTest(calendar)(dayNumber(date));
}

/**
 * The date `days` working days after `date` (the start day itself is not counted; 0 returns `date`).
 * E.g. Friday + 1 = the next Monday when that Monday is not a holiday.
 */
export function addWorkingDays(date: string, days: number, calendar: CalendarArg): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Số ngày làm việc (${days}) phải là số nguyên không âm`);
  const working = workingDayTest(calendar);
  let day = dayNumber(date);
  for (let left = days; left > 0; ) {
    day += 1;
    if (working(day)) left -= 1;
  }
  return isoDate(day);
}

/**
 * Working days in (from, to]: the days counted by addWorkingDays, so
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: CalendarArg): number {
  const working = workingDayTest(calendar);
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let day = lo + 1; day <= hi; day++) if (working(day)) n += 1;
  return n === 0 ? 0 : sign * n; // never -0
}

/** Thời hạn thẩm định: the board's appraisal due date for a dossier submitted on `submittedOn`. */
export function appraisalDueDate(submittedOn: string, days: number, calendar: CalendarArg): string {
  return addWorkingDays(submittedOn, days, calendar);
}

/**
 * What is wrong with a year's calendar as the board entered it, by field (`days.2.date`): dates of that
 * year, each once, and a make-up day on a weekend (a weekday is worked anyway). Empty when fine.
 */
export function calendarYearProblems(year: number, days: readonly { date: string; kind: 'holiday' | 'make_up' }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  days.forEach((d, i) => {
    let day: number;
    try {
      day = dayNumber(d.date);
    } catch {
      out[`days.${i}.date`] = 'không phải ngày hợp lệ';
      return;
    }
    if (Number(d.date.slice(0, 4)) !== year) out[`days.${i}.date`] = `phải thuộc năm ${year}`;
    else if (seen.has(d.date)) out[`days.${i}.date`] = 'bị trùng với một dòng khác';
    else if (d.kind === 'make_up' && ![0, 6].includes((((day + 4) % 7) + 7) % 7)) out[`days.${i}.date`] = 'ngày làm bù phải là thứ Bảy hoặc Chủ nhật';
    seen.add(d.date);
  });
  return out;
}
