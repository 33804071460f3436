import { balancedLines, textWidth } from './fonts';
import { formatVietnameseDate, pageGeometry, recipientLines, scaleColumns, signatureHeadLines, upper, vietnamCalendarDate } from './nd30';

describe('formatVietnameseDate', () => {
  it('writes the ND30 form with leading zeros only for days 1–9 and months 1–2', () => {
    expect(formatVietnameseDate('Hà Nội', '2024-04-26')).toBe('Hà Nội, ngày 26 tháng 4 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2024-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2024-02-29')).toBe('Hà Nội, ngày 29 tháng 02 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2024-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2024-12-10')).toBe('Hà Nội, ngày 10 tháng 12 năm 2024');
    expect(formatVietnameseDate('Hà Nội', '2024-10-01')).toBe('Hà Nội, ngày 01 tháng 10 năm 2024');
  });

  it('reads a Date in Vietnam time (UTC+7)', () => {
    // 20:00 UTC on 25 April is already 26 April in Hà Nội.
    expect(formatVietnameseDate('Hà Nội', new Date('2024-04-25T20:00:00Z'))).toBe('Hà Nội, ngày 26 tháng 4 năm 2024');
    expect(formatVietnameseDate('Hà Nội', new Date('2024-04-25T16:59:59Z'))).toBe('Hà Nội, ngày 25 tháng 4 năm 2024');
    expect(vietnamCalendarDate(new Date('2023-12-31T17:00:00Z'))).toEqual({ year: 2024, month: 1, day: 1 });
  });

  it('leaves day and month blank for an undated draft', () => {
    const s = formatVietnameseDate('Hà Nội', null);
    expect(s.startsWith('Hà Nội, ngày')).toBe(true);
    expect(s).toMatch(/^Hà Nội, ngày\u00a0+tháng\u00a0+năm\u00a0+$/);
  });

  it('trims the place and omits it when empty', () => {
    expect(formatVietnameseDate('  Hà Nội ', '2024-04-26')).toBe('Hà Nội, ngày 26 tháng 4 năm 2024');
    expect(formatVietnameseDate('', '2024-04-26')).toBe('ngày 26 tháng 4 năm 2024');
  });

  it('rejects invalid dates', () => {
    expect(() => formatVietnameseDate('Hà Nội', '2024-02-30')).toThrow();
    expect(() => formatVietnameseDate('Hà Nội', '26/04/2024')).toThrow();
    expect(() => formatVietnameseDate('Hà Nội', new Date('nope'))).toThrow();
  });
});

describe('ND30 helpers', () => {
  it('gives A4 with 30/15 mm side margins in both orientations', () => {
    const p = pageGeometry('portrait');
    const l = pageGeometry('landscape');
    expect(p.width).toBeCloseTo(595.28, 1);
    expect(p.height).toBeCloseTo(841.89, 1);
    expect(l.width).toBeCloseTo(841.89, 1);
    expect(p.textWidth).toBeCloseTo((165 * 72) / 25.4, 3);
    expect(l.textWidth).toBeCloseTo((252 * 72) / 25.4, 3);
  });

  it('upper-cases Vietnamese', () => {
    expect(upper('Khối thi đua số 4')).toBe('KHỐI THI ĐUA SỐ 4');
    expect(upper('Đảng ủy Khối'.normalize('NFD'))).toBe('ĐẢNG ỦY KHỐI');
  });

  it('builds signature head lines with TM./KT. prefixes', () => {
    expect(signatureHeadLines({ prefix: 'TM.', authority: 'Khối thi đua số 4', position: 'Khối trưởng', name: 'A' })).toEqual(['TM. KHỐI THI ĐUA SỐ 4', 'KHỐI TRƯỞNG']);
    expect(signatureHeadLines({ prefix: 'KT.', authority: 'Khối trưởng', position: 'Khối phó', name: 'A' })).toEqual(['KT. KHỐI TRƯỞNG', 'KHỐI PHÓ']);
    expect(signatureHeadLines({ position: 'Thư ký', name: 'A' })).toEqual(['THƯ KÝ']);
    expect(signatureHeadLines({ prefix: 'TL.', position: 'Chánh Văn phòng', name: 'A' })).toEqual(['TL. CHÁNH VĂN PHÒNG']);
  });

  it('punctuates the recipient list as ND30 does', () => {
    expect(recipientLines(['Ban Thi đua - Khen thưởng Thành phố', '- Các đơn vị thành viên;', 'Lưu: VT.'])).toEqual([
      '- Ban Thi đua - Khen thưởng Thành phố;',
      '- Các đơn vị thành viên;',
      '- Lưu: VT.',
    ]);
  });

  it('scales relative column widths', () => {
    expect(scaleColumns([{ width: 1 }, { width: 3 }], 400)).toEqual([100, 300]);
    expect(() => scaleColumns([], 400)).toThrow();
    expect(() => scaleColumns([{ width: 0 }], 400)).toThrow();
  });
});

describe('balancedLines', () => {
  it('breaks a long centred line evenly within the width', () => {
    const text = 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THÀNH PHỐ HÀ NỘI';
    const width = textWidth(text, {}, 13) * 0.6;
    const lines = balancedLines(text, {}, 13, width);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(text);
    const [a, b] = lines.map((l) => textWidth(l, {}, 13));
    expect(Math.max(a, b)).toBeLessThanOrEqual(width);
    expect(Math.abs(a - b)).toBeLessThan(textWidth('THƯỞNG ', {}, 13) * 2);
  });

  it('keeps short text and explicit breaks', () => {
    expect(balancedLines('KHỐI THI ĐUA SỐ 4', { bold: true }, 13, 200)).toEqual(['KHỐI THI ĐUA SỐ 4']);
    expect(balancedLines('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI', {}, 13, 400)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI']);
  });

  it('measures with Times New Roman metrics (Tinos)', () => {
    // Times New Roman: "n" is 1024/2048 em, the space 512/2048 em.
    expect(textWidth('n', {}, 10)).toBeCloseTo(5, 5);
    expect(textWidth(' ', {}, 10)).toBeCloseTo(2.5, 5);
  });
});
