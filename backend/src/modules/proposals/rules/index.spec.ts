import * as api from './index';

describe('proposal rules index', () => {
  it('re-exports the working-day API, computed on a calendar it is given', () => {
    const official = api.workCalendar(Object.values(api.OFFICIAL_SCHEDULES).flat());
    expect(official.years).toEqual([2024, 2025, 2026]);
    expect(official.holidays).toEqual(api.VN_PUBLIC_HOLIDAYS_2024_2026);
    expect(api.appraisalDueDate('2024-01-02', 25, official)).toBe('2024-02-06');
    for (const f of [api.addWorkingDays, api.workingDaysBetween, api.isWorkingDay, api.dayNumber, api.isoDate]) expect(typeof f).toBe('function');
  });

  it('names the years a calendar does not cover', () => {
    const official = api.workCalendar(Object.values(api.OFFICIAL_SCHEDULES).flat());
    expect(api.uncoveredYears(official, '2026-12-20', '2027-02-01')).toEqual([2027]);
    expect(api.uncoveredYears(official, '2025-12-20', '2026-02-01')).toEqual([]);
    expect(api.uncoveredYears(api.workCalendar([]), '2026-01-02', '2026-01-03')).toEqual([2026]);
  });
});
