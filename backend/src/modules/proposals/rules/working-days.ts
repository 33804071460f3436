/**
 * Working-day arithmetic for the board's appraisal deadline (domain.md §3: e.g. 25 working days). Pure.
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
 * Vietnamese public holidays for 2024–2026 on which public servants are off (Labour Code 2019 art. 112
 * and the yearly schedules): Tết Dương lịch 1/1; the weekdays off for Tết Nguyên đán as announced; Giỗ Tổ
 * Hùng Vương (10/3 âm lịch); 30/4; 1/5; Quốc khánh 2/9 and the adjacent day; plus the nghỉ bù for a
 * holiday falling on a weekend. Swapped days (hoán đổi, worked back on a Saturday) are left out: over a
 * deadline they cancel out. The official schedule is decided yearly, so this list and any swaps are
 * configurable: pass your own WorkCalendar.
 */
export const VN_PUBLIC_HOLIDAYS_2024_2026: readonly string[] = [
  // 2024
  '2024-01-01', // Tết Dương lịch
  '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', // Tết Giáp Thìn (off 8–14/2)
  '2024-04-18', // Giỗ Tổ Hùng Vương
  '2024-04-30', '2024-05-01', // the 29/4 swap (worked back on Sat 4/5) is not included
  '2024-09-02', '2024-09-03', // Quốc khánh and the day after
  // 2025
  '2025-01-01',
  '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', // Tết Ất Tỵ (off 25/1–2/2; the swapped 27/1 is not listed)
  '2025-04-07', // Giỗ Tổ Hùng Vương
  '2025-04-30', '2025-05-01', // the 2/5 swap (worked back on Sat 26/4) is not included
  '2025-09-01', '2025-09-02', // Quốc khánh and the day before
  // 2026
  '2026-01-01', // the 2/1 swap is not included
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Tết Bính Ngọ
  '2026-04-27', // nghỉ bù: Giỗ Tổ Hùng Vương falls on Sunday 26/4
  '2026-04-30', '2026-05-01',
  '2026-09-01', '2026-09-02', // Quốc khánh and the day before (check against the year's official schedule)
];

export const DEFAULT_WORK_CALENDAR: WorkCalendar = { holidays: VN_PUBLIC_HOLIDAYS_2024_2026, makeUpDays: [] };

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
export function isWorkingDay(date: string, calendar: CalendarArg = DEFAULT_WORK_CALENDAR): boolean {
  return workingDayTest(calendar)(dayNumber(date));
}

/**
 * The date `days` working days after `date` (the start day itself is not counted; 0 returns `date`).
 * E.g. Friday + 1 = the next Monday when that Monday is not a holiday.
 */
export function addWorkingDays(date: string, days: number, calendar: CalendarArg = DEFAULT_WORK_CALENDAR): string {
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
export function workingDaysBetween(from: string, to: string, calendar: CalendarArg = DEFAULT_WORK_CALENDAR): number {
  const working = workingDayTest(calendar);
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let day = lo + 1; day <= hi; day++) if (working(day)) n += 1;
  return n === 0 ? 0 : sign * n; // never -0
}

/** Thời hạn thẩm định: the board's appraisal due date for a dossier submitted on `submittedOn`. */
export function appraisalDueDate(submittedOn: string, days: number = DEFAULT_APPRAISAL_WORKING_DAYS, calendar: CalendarArg = DEFAULT_WORK_CALENDAR): string {
  return addWorkingDays(submittedOn, days, calendar);
}
