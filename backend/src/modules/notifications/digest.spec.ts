import { digestDue, vietnamDay } from './digest';

describe('digestDue', () => {
  it('is due from 07:00 Vietnam time (00:00 UTC) and not before', () => {
    expect(digestDue(new Date('2026-12-06T23:59:00Z'))).toBeNull(); // 06:59 on 7/12 in Hà Nội
    expect(digestDue(new Date('2026-12-07T00:00:00Z'))).toEqual({ day: '2026-12-07', cutoff: new Date('2026-12-07T00:00:00Z') });
    expect(digestDue(new Date('2026-12-07T16:59:00Z'))?.day).toBe('2026-12-07'); // 23:59 local
    expect(digestDue(new Date('2026-12-07T17:00:00Z'))).toBeNull(); // 00:00 on 8/12 local
  });
  it('takes the Vietnam date', () => {
    expect(vietnamDay(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });
});
