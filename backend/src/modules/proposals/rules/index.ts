/** Pure proposal rules: the appraisal deadline in working days, on the board's work calendar. */
export {
  DEFAULT_APPRAISAL_WORKING_DAYS,
  addWorkingDays,
  calendarYearProblems,
  appraisalDueDate,
  dayNumber,
  isWorkingDay,
  isoDate,
  uncoveredYears,
  workCalendar,
  workingDaysBetween,
} from './working-days';
export type { KnownWorkCalendar, WorkCalendar } from './working-days';
export { OFFICIAL_CALENDAR, OFFICIAL_SCHEDULES, VN_PUBLIC_HOLIDAYS_2024_2026 } from './official-holidays';
export type { CalendarDay } from './official-holidays';
