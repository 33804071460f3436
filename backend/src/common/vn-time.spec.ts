import { vnDateTime } from './vn-time';

describe('vnDateTime', () => {
  it('reads as Hà Nội time with a four-digit year', () => {
    expect(vnDateTime(new Date('2026-12-21T10:00:00Z'))).toBe('17:00 21/12/2026');
    expect(vnDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30 01/01/2027');
  });
});
