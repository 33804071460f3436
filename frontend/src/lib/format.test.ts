import { formatDate, formatDateTime, formatNumber, sortByVi } from './format';

describe('Vietnamese formats', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2024-04-26')).toBe('26/04/2024');
    expect(formatDate(new Date('2024-01-05T00:30:00+07:00'))).toBe('05/01/2024');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(new Date('2024-04-26T08:05:00+07:00'))).toBe('08:05 26/04/2024');
    // Vietnam time whatever the browser's zone: 23:30 UTC is 06:30 the next day in Hà Nội.
    expect(formatDateTime('2024-04-25T23:30:00Z')).toBe('06:30 26/04/2024');
  });
  it('uses Vietnamese number separators', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });
  it('sorts in Vietnamese alphabetical order', () => {
    expect(sortByVi(['Trường', 'Đảng ủy', 'Ban quản lý', 'Ánh', 'Anh', 'Zeta', 'Dương'], (s) => s)).toEqual(['Anh', 'Ánh', 'Ban quản lý', 'Dương', 'Đảng ủy', 'Trường', 'Zeta']);
  });
});
