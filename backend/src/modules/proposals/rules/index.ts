/** Pure proposal rules: the appraisal deadline in working days. */
export {
  DEFAULT_APPRAISAL_WORKING_DAYS,
  DEFAULT_WORK_CALENDAR,
  VN_PUBLIC_HOLIDAYS_2024_2026,
  addWorkingDays,
  appraisalDueDate,
  dayNumber,
  isWorkingDay,
  isoDate,
  workingDaysBetween,
} from './working-days';
export type { WorkCalendar } from './working-days';
