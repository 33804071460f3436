import { containsText, foldVietnamese, searchBy } from './search';

describe('Vietnamese search', () => {
  it('folds case, diacritics and đ', () => {
    expect(foldVietnamese('Sở Giáo dục và Đào tạo')).toBe('so giao duc va dao tao');
    expect(foldVietnamese('ĐOÀN THỊ HƯỜNG')).toBe('doan thi huong');
    // Precomposed and decomposed forms of the same letters fold alike.
    expect(foldVietnamese('Hường'.normalize('NFD'))).toBe(foldVietnamese('Hường'.normalize('NFC')));
  });

  it('finds text with or without diacritics and ignores surrounding spaces', () => {
    expect(containsText('Sở Giáo dục và Đào tạo', 'dao tao')).toBe(true);
    expect(containsText('Sở Giáo dục và Đào tạo', '  ĐÀO TẠO ')).toBe(true);
    expect(containsText('Sở Giáo dục và Đào tạo', 'dao tai')).toBe(false);
    expect(containsText('Sở Y tế', '')).toBe(true);
  });

  it("filters a Select's options by label or by title", () => {
    const { filterOption } = searchBy();
    expect(filterOption('doan', { label: 'Đoàn Thanh niên', value: 1 })).toBe(true);
    expect(filterOption('hoi', { label: 'Đoàn Thanh niên', value: 1 })).toBe(false);
    expect(filterOption('doan', { value: 1 })).toBe(false);
    expect(filterOption('doan', undefined)).toBe(false);
    expect(searchBy('title').filterOption('dang uy', { title: 'Đảng ủy Khối', label: 'x' })).toBe(true);
  });
});
