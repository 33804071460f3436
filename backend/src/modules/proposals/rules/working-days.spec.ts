import fc from 'fast-check';
import { OFFICIAL_SCHEDULES, VN_PUBLIC_HOLIDAYS_2024_2026 } from './official-holidays';
import * as wd from './working-days';
import { dayNumber, DEFAULT_APPRAISAL_WORKING_DAYS, isoDate, workCalendar } from './working-days';

/** The official schedules of 2024–2026, as the board's calendar starts out: the calendar these cases are read on. */
const OFFICIAL = workCalendar(Object.values(OFFICIAL_SCHEDULES).flat());
type Cal = Parameters<typeof wd.addWorkingDays>[2];
const addWorkingDays = (d: string, n: number, c: Cal = OFFICIAL) => wd.addWorkingDays(d, n, c);
const appraisalDueDate = (d: string, n = DEFAULT_APPRAISAL_WORKING_DAYS, c: Cal = OFFICIAL) => wd.appraisalDueDate(d, n, c);
const isWorkingDay = (d: string, c: Cal = OFFICIAL) => wd.isWorkingDay(d, c);
const workingDaysBetween = (a: string, b: string, c: Cal = OFFICIAL) => wd.workingDaysBetween(a, b, c);

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('ISO dates', () => {
  it('round-trips valid dates, including a leap day', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(isoDate(dayNumber('0099-12-31'))).toBe('0099-12-31');
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-2-3', '2024-02-03T00:00:00Z', '', 'abc'])('refuses %p', (bad) => {
    expect(() => dayNumber(bad)).toThrow(new RangeError(`Ngày không hợp lệ: "${bad}" (cần dạng yyyy-mm-dd)`));
  });
});

describe('working days', () => {
  const none: string[] = [];

  it('skips weekends', () => {
    expect(addWorkingDays('2024-03-08', 1, none)).toBe('2024-03-11'); // Friday → Monday
    expect(addWorkingDays('2024-03-09', 1, none)).toBe('2024-03-11'); // Saturday → Monday
    expect(addWorkingDays('2024-03-04', 4, none)).toBe('2024-03-08');
    expect(addWorkingDays('2024-03-04', 5, none)).toBe('2024-03-11');
    expect(addWorkingDays('2024-03-09', 0, none)).toBe('2024-03-09');
  });

  it('skips Tết and the other public holidays by default', () => {
    expect(addWorkingDays('2024-02-07', 1)).toBe('2024-02-15'); // Tết Giáp Thìn 8–14/2
    expect(addWorkingDays('2024-04-17', 1)).toBe('2024-04-19'); // Giỗ Tổ 18/4
    expect(addWorkingDays('2024-04-26', 1)).toBe('2024-04-29'); // the 29/4 swap is not in the default list
    expect(addWorkingDays('2024-04-29', 1)).toBe('2024-05-02'); // 30/4, 1/5
    expect(addWorkingDays('2025-08-29', 1)).toBe('2025-09-03'); // Quốc khánh 1–2/9/2025
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // nghỉ bù for Giỗ Tổ on Sunday 26/4/2026
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23'); // Tết Bính Ngọ 16–20/2
  });

  it('computes the default 25-working-day appraisal deadline', () => {
    expect(DEFAULT_APPRAISAL_WORKING_DAYS).toBe(25);
    expect(appraisalDueDate('2024-01-02')).toBe('2024-02-06');
    expect(appraisalDueDate('2024-01-25')).toBe('2024-03-07'); // five Tết days push it one week
    expect(appraisalDueDate('2024-01-25', 25, none)).toBe('2024-02-29');
    expect(appraisalDueDate('2024-01-25', 10)).toBe('2024-02-15');
  });

  it('supports swapped days off and Saturdays worked in exchange', () => {
    const calendar = { holidays: [...VN_PUBLIC_HOLIDAYS_2024_2026, '2024-04-29'], makeUpDays: ['2024-05-04'] };
    expect(addWorkingDays('2024-04-26', 1, calendar)).toBe('2024-05-02');
    expect(addWorkingDays('2024-04-26', 3, calendar)).toBe('2024-05-04');
    expect(isWorkingDay('2024-05-04', calendar)).toBe(true);
    expect(isWorkingDay('2024-05-04')).toBe(false);
    expect(isWorkingDay('2024-04-29', calendar)).toBe(false);
    expect(workingDaysBetween('2024-04-26', '2024-05-06', calendar)).toBe(4);
    expect(workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4);
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2024-03-08', '2024-03-11', none)).toBe(1);
    expect(workingDaysBetween('2024-03-04', '2024-03-08', none)).toBe(4);
    expect(workingDaysBetween('2024-03-08', '2024-03-08', none)).toBe(0);
    expect(workingDaysBetween('2024-03-11', '2024-03-08', none)).toBe(-1);
    expect(workingDaysBetween('2024-03-10', '2024-03-09', none)).toBe(0); // not -0
    expect(workingDaysBetween('2024-02-07', '2024-02-15')).toBe(1);
    expect(workingDaysBetween('2024-01-25', '2024-03-07')).toBe(25);
  });

  it('knows which days are working days', () => {
    expect(isWorkingDay('2024-09-02')).toBe(false);
    expect(isWorkingDay('2024-09-04')).toBe(true);
    expect(isWorkingDay('2024-09-07')).toBe(false);
    expect(isWorkingDay('2024-09-02', [])).toBe(true);
  });

  it('refuses a negative or fractional number of days and malformed holidays', () => {
    expect(() => addWorkingDays('2024-03-08', -1)).toThrow(new RangeError('Số ngày làm việc (-1) phải là số nguyên không âm'));
    expect(() => addWorkingDays('2024-03-08', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-03-08', 1, ['2024-3-8'])).toThrow('Ngày không hợp lệ: "2024-3-8" (cần dạng yyyy-mm-dd)');
  });

  it('does not drift with the time zone of the server', () => {
    const tz = process.env.TZ;
    try {
      const results = ['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((zone) => {
        process.env.TZ = zone;
        return [appraisalDueDate('2024-01-25'), addWorkingDays('2024-12-31', 1), workingDaysBetween('2024-01-01', '2024-12-31'), isWorkingDay('2025-01-01')];
      });
      expect(results).toEqual(Array(4).fill(['2024-03-07', '2025-01-02', 251, false]));
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('the default holiday list', () => {
  it('holds only valid, sorted, distinct weekdays', () => {
    const list = [...VN_PUBLIC_HOLIDAYS_2024_2026];
    expect(list.map((d) => isoDate(dayNumber(d)))).toEqual(list);
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
    expect(list.filter((d) => [0, 6].includes(weekday(d)))).toEqual([]);
  });

  it('has the fixed-date holidays every year and five Tết days', () => {
    for (const year of [2024, 2025, 2026]) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(VN_PUBLIC_HOLIDAYS_2024_2026).toContain(`${year}-${md}`);
      const sept = VN_PUBLIC_HOLIDAYS_2024_2026.filter((d) => d.startsWith(`${year}-09`));
      expect(sept).toHaveLength(2);
    }
    expect(VN_PUBLIC_HOLIDAYS_2024_2026.filter((d) => /^2024-02/.test(d))).toHaveLength(5);
    expect(VN_PUBLIC_HOLIDAYS_2024_2026.filter((d) => /^2026-02/.test(d))).toHaveLength(5);
    expect(VN_PUBLIC_HOLIDAYS_2024_2026).toEqual(expect.arrayContaining(['2024-04-18', '2025-04-07', '2026-04-27']));
  });

  it('gives 2024 its known number of working days (262 weekdays less 11 holidays)', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31', [])).toBe(262);
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
  });
});

describe('working-day properties', () => {
  const start = dayNumber('2023-06-01');
  const arbDate = fc.integer({ min: start, max: start + 4 * 365 }).map(isoDate);
  const arbHolidays = fc.oneof(fc.constant(VN_PUBLIC_HOLIDAYS_2024_2026), fc.uniqueArray(arbDate, { maxLength: 30 }));

  it('counts back exactly the days it added, and lands on a working day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 80 }), arbHolidays, (d, n, holidays) => {
        const due = addWorkingDays(d, n, holidays);
        expect(workingDaysBetween(d, due, holidays)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(due, holidays)).toBe(true);
          expect([0, 6]).not.toContain(weekday(due));
          expect(holidays).not.toContain(due);
          // It is the first such day: the day before holds one fewer.
          expect(workingDaysBetween(d, isoDate(dayNumber(due) - 1), holidays)).toBe(n - 1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('adds in steps, counts additively and antisymmetrically', () => {
    fc.assert(
      fc.property(arbDate, arbDate, arbDate, fc.nat(40), fc.nat(40), arbHolidays, (a, b, c, m, n, holidays) => {
        expect(addWorkingDays(addWorkingDays(a, m, holidays), n, holidays)).toBe(n === 0 ? addWorkingDays(a, m, holidays) : addWorkingDays(a, m + n, holidays));
        expect(workingDaysBetween(a, b, holidays) + workingDaysBetween(b, c, holidays)).toBe(workingDaysBetween(a, c, holidays));
        expect(workingDaysBetween(b, a, holidays) + workingDaysBetween(a, b, holidays)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a deadline earlier when holidays are added', () => {
    fc.assert(
      fc.property(arbDate, fc.nat(40), arbHolidays, arbDate, (d, n, holidays, extra) => {
        const before = addWorkingDays(d, n, holidays);
        const after = addWorkingDays(d, n, [...holidays, extra]);
        expect(after >= before).toBe(true);
        expect(dayNumber(after) - dayNumber(d)).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 300 },
    );
  });
});
