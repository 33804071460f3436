/**
 * The official schedules of days off for public servants (Labour Code 2019 art. 112 and the yearly notices
 * of the Ministry of Home Affairs), as the board's work calendar starts out: the migration that creates the
 * calendar loads them, and the board keeps each year from then on (adding a year as it is announced). Data,
 * not rules: the working-day arithmetic takes whatever calendar it is given.
 *
 * 2027 is not here: its Tết schedule was not announced when this was written, so the board enters it, and
 * until then deadlines reaching into 2027 are flagged.
 */
import { workCalendar } from './working-days';

export interface CalendarDay {
  /** yyyy-mm-dd */
  date: string;
  /** holiday: a weekday off (nghỉ lễ, Tết, nghỉ bù, hoán đổi); make_up: a weekend day worked (làm bù). */
  kind: 'holiday' | 'make_up';
  name: string;
}

const h = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name });

export const OFFICIAL_SCHEDULES: Readonly<Record<number, readonly CalendarDay[]>> = {
  2024: [
    h('2024-01-01', 'Tết Dương lịch'),
    ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d) => h(d, 'Tết Nguyên đán Giáp Thìn')),
    h('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    h('2024-04-30', 'Ngày Chiến thắng'), h('2024-05-01', 'Ngày Quốc tế Lao động'),
    h('2024-09-02', 'Quốc khánh'), h('2024-09-03', 'Quốc khánh (ngày liền kề)'),
  ],
  2025: [
    h('2025-01-01', 'Tết Dương lịch'),
    ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => h(d, 'Tết Nguyên đán Ất Tỵ')),
    h('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    h('2025-04-30', 'Ngày Chiến thắng'), h('2025-05-01', 'Ngày Quốc tế Lao động'),
    h('2025-09-01', 'Quốc khánh (ngày liền kề)'), h('2025-09-02', 'Quốc khánh'),
  ],
  2026: [
    h('2026-01-01', 'Tết Dương lịch'),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => h(d, 'Tết Nguyên đán Bính Ngọ')),
    h('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)'),
    h('2026-04-30', 'Ngày Chiến thắng'), h('2026-05-01', 'Ngày Quốc tế Lao động'),
    h('2026-09-01', 'Quốc khánh (ngày liền kề)'), h('2026-09-02', 'Quốc khánh'),
  ],
};

/** Every official day off, oldest first (the calendar the tests and the demo's history are computed with). */
export const VN_PUBLIC_HOLIDAYS_2024_2026: readonly string[] = Object.values(OFFICIAL_SCHEDULES).flat().filter((d) => d.kind === 'holiday').map((d) => d.date);

/** The official schedules as a calendar (what the board's table holds until it edits a year). */
export const OFFICIAL_CALENDAR = workCalendar(Object.values(OFFICIAL_SCHEDULES).flat());
