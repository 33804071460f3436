/** The board's work calendar as the working-day arithmetic takes it (read by the tasks module too). */
export { loadWorkCalendar } from './calendar-data';
