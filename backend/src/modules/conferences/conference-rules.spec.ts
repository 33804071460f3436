import { defaultRuleSet } from '@thidua/rules';
import { markDone, noQuorumMessage, quorumState, reorder, setCurrent, StepItem, timesOutOfOrder } from './conference-rules';

const items = (...statuses: StepItem['status'][]): StepItem[] => statuses.map((status, i) => ({ id: `i${i + 1}`, sort: i + 1, status }));

describe('quorum', () => {
  const rules = defaultRuleSet();
  it('needs two thirds of the members present', () => {
    expect(quorumState(3, 5, rules)).toEqual({ members: 5, present: 3, needed: 4, met: false, numerator: 2, denominator: 3 });
    expect(quorumState(4, 5, rules)).toMatchObject({ needed: 4, met: true });
    expect(quorumState(5, 5, rules).met).toBe(true);
    expect(quorumState(0, 0, rules).met).toBe(false);
  });
  it('follows the year’s rule set', () => {
    expect(quorumState(3, 5, { quorumNumerator: 1, quorumDenominator: 2 })).toMatchObject({ needed: 3, met: true });
    expect(quorumState(4, 5, { quorumNumerator: 1, quorumDenominator: 1 })).toMatchObject({ needed: 5, met: false });
  });
  it('explains a refusal with the numbers', () => {
    expect(noQuorumMessage(quorumState(3, 5, rules))).toBe('Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3)');
  });
});

describe('agenda stepper', () => {
  it('moves the current item, returning the old one to pending', () => {
    expect(setCurrent(items('current', 'pending', 'pending'), 'i3')).toEqual(new Map([['i1', 'pending'], ['i3', 'current']]));
    expect(setCurrent(items('done', 'current'), 'i2').size).toBe(0);
    expect(setCurrent(items('done', 'pending'), 'i1')).toEqual(new Map([['i1', 'current']]));
  });
  it('marking the current item done moves on to the next pending item', () => {
    expect(markDone(items('current', 'done', 'pending'), 'i1')).toEqual(new Map([['i1', 'done'], ['i3', 'current']]));
    expect(markDone(items('done', 'current'), 'i2')).toEqual(new Map([['i2', 'done']]));
    // Marking another item done leaves the current one alone.
    expect(markDone(items('current', 'pending'), 'i2')).toEqual(new Map([['i2', 'done']]));
    expect(markDone(items('done'), 'i1').size).toBe(0);
  });
  it('refuses an item that is not in the agenda', () => {
    expect(() => setCurrent(items('pending'), 'x')).toThrow();
    expect(() => markDone(items('pending'), 'x')).toThrow();
  });
  it('reorders only with exactly the agenda’s items', () => {
    const list = items('pending', 'pending', 'pending');
    expect(reorder(list, ['i3', 'i1', 'i2'])).toEqual(new Map([['i3', 1], ['i1', 2], ['i2', 3]]));
    expect(reorder(list, ['i3', 'i1'])).toBeNull();
    expect(reorder(list, ['i3', 'i1', 'i1'])).toBeNull();
    expect(reorder(list, ['i3', 'i1', 'x'])).toBeNull();
  });
});

describe('times', () => {
  it('names endsAt when the end is not after the start', () => {
    const start = new Date('2024-04-26T01:00:00Z');
    expect(timesOutOfOrder(start, null)).toBeNull();
    expect(timesOutOfOrder(start, new Date('2024-04-26T04:00:00Z'))).toBeNull();
    expect(timesOutOfOrder(start, start)).toBe('endsAt');
    expect(timesOutOfOrder(start, new Date('2024-04-25T04:00:00Z'))).toBe('endsAt');
  });
});
