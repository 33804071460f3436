import * as api from './index';

describe('proposal rules index', () => {
  it('re-exports the working-day API', () => {
    expect(api.appraisalDueDate('2024-01-02')).toBe('2024-02-06');
    expect(api.DEFAULT_WORK_CALENDAR.holidays).toBe(api.VN_PUBLIC_HOLIDAYS_2024_2026);
    for (const f of [api.addWorkingDays, api.workingDaysBetween, api.isWorkingDay, api.dayNumber, api.isoDate]) expect(typeof f).toBe('function');
  });
});
