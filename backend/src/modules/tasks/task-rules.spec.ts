import fc from 'fast-check';
import { criteriaProgress, sortTasks, Task, workingDaysText } from './task-rules';

const task = (title: string, deadline: string | null, overdue = false): Task => ({
  key: title, kind: 'invitation', title, detail: '', blockYearId: 'y', blockName: 'Khối', year: 2025, unitName: null, deadline, overdue, link: '/',
});

describe('sortTasks', () => {
  it('puts overdue first, then the nearest deadline, then tasks without one in Vietnamese order', () => {
    const sorted = sortTasks([
      task('Đ việc không hạn', null), task('B việc xa', '2025-09-01T00:00:00.000Z'), task('A việc quá hạn', '2025-01-01T00:00:00.000Z', true),
      task('C việc gần', '2025-07-01T00:00:00.000Z'), task('Ă việc không hạn', null),
    ]);
    expect(sorted.map((t) => t.title)).toEqual(['A việc quá hạn', 'C việc gần', 'B việc xa', 'Ă việc không hạn', 'Đ việc không hạn']);
  });

  it('keeps every task and is stable under reordering of its input', () => {
    const arb = fc.array(fc.record({ title: fc.string(), deadline: fc.option(fc.integer({ min: 0, max: 1e12 }).map((n) => new Date(n).toISOString())), overdue: fc.boolean() }), { maxLength: 20 });
    fc.assert(fc.property(arb, (rows) => {
      const tasks = rows.map((r, i) => ({ ...task(r.title, r.deadline, r.overdue), key: String(i) }));
      const a = sortTasks(tasks);
      const b = sortTasks([...tasks].reverse());
      return a.length === tasks.length && a.map((t) => [t.title, t.deadline, t.overdue].join('|')).join() === b.map((t) => [t.title, t.deadline, t.overdue].join('|')).join();
    }));
  });
});

describe('texts', () => {
  it('says x/y criteria and working days left or overdue', () => {
    expect(criteriaProgress(6, 12)).toBe('Đã nhập 6/12 tiêu chí');
    expect(workingDaysText(5, false)).toBe('Còn 5 ngày làm việc');
    expect(workingDaysText(0, false)).toBe('Hạn là hôm nay');
    expect(workingDaysText(-3, true)).toBe('Quá hạn 3 ngày làm việc');
  });
});
