import { planSkeleton } from '../drafts/draft-content';
import { nextYearTitle } from './next-year.service';

describe('next year', () => {
  it('moves the year on in a copied title, and only that year', () => {
    expect(nextYearTitle('Biểu chấm điểm thi đua năm 2024', 2024)).toBe('Biểu chấm điểm thi đua năm 2025');
    expect(nextYearTitle('Biểu 2024 (sửa theo QĐ 12024)', 2024)).toBe('Biểu 2025 (sửa theo QĐ 12024)');
    expect(nextYearTitle('Biểu chấm điểm', 2024)).toBe('Biểu chấm điểm');
  });

  it('keeps the sections and regular movements, drops what belongs to the year', () => {
    const sections = [{ key: 'muc-dich', heading: 'I. MỤC ĐÍCH', body: 'Nội dung', rev: 7, updatedBy: 'x', updatedByName: 'X', updatedAt: '2024-01-01' }];
    const plan = {
      theme: 'Chủ đề 2024', slogan: 'Khẩu hiệu', activities: [{ key: 'a', title: 'Hội nghị', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: null, notes: '' }],
      movements: [
        { key: 'm1', kind: 'regular' as const, title: 'Thi đua thường xuyên', period: 'Cả năm', goal: '' },
        { key: 'm2', kind: 'thematic' as const, title: '70 năm Chiến thắng Điện Biên Phủ', period: 'Đến 07/5/2024', goal: '' },
      ],
      commemorations: [{ key: 'c', title: 'Kỷ niệm', date: '2024-10-10', notes: '' }], fieldTrips: [],
    };
    const s = planSkeleton(sections, plan);
    expect(s.sections).toEqual([{ key: 'muc-dich', heading: 'I. MỤC ĐÍCH', body: 'Nội dung', rev: 1 }]);
    expect(s.plan).toEqual({ theme: '', slogan: '', activities: [], movements: [plan.movements[0]], commemorations: [], fieldTrips: [] });
    expect(planSkeleton([], null).plan.movements).toEqual([]);
  });
});
