import { asciiSlug } from './file-name';
import { vnDateTime } from './vn-date';

describe('texts people read', () => {
  it('write Hà Nội time with four-digit years', () => {
    expect(vnDateTime(new Date('2026-12-21T10:00:00Z'))).toBe('17:00 21/12/2026');
    expect(vnDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30 01/01/2027');
  });
  it('name files by Vietnamese labels made ASCII-safe, never codes', () => {
    expect(asciiSlug('Cờ thi đua của UBND Thành phố')).toBe('Co-thi-dua-cua-UBND-Thanh-pho');
    expect(asciiSlug('KTĐ4')).toBe('KTD4');
  });
});
