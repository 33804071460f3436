import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';

const years = [{ id: 'by-2025', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025, status: 'planning', leaderUnitName: null, deputyUnitName: null, memberCount: 5 }];
const summary = {
  id: 'n1', blockYearId: 'by-2025', unitId: 'unit-lhp', unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong', kind: 'story', status: 'published', title: 'Gương điển hình tiên tiến',
  slug: 's', summary: '', subjectName: null, movementKey: null, publishedAt: '2025-03-11T02:00:00.000Z', featuredInBlock: true, featuredCity: false, updatedAt: '2025-03-11T02:00:00.000Z',
};

describe('Tin, bài of a block year', () => {
  it('lists items with their kind, status and date, and searches with the words typed', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years': years,
      'GET /api/news': (req) => ({ items: req.query.get('q') === 'guong dien hinh' || !req.query.get('q') ? [summary] : [], total: 1, page: 1, pageSize: 20, canWrite: true, canFeature: false }),
    });
    renderRoute('/news');
    await findPage('Tin hoạt động và gương điển hình');
    expect(await screen.findByRole('link', { name: 'Gương điển hình tiên tiến' })).toHaveAttribute('href', '/news/n1');
    expect(screen.getByText('Đã đăng')).toBeInTheDocument();
    expect(screen.getByText('11/03/2025')).toBeInTheDocument();
    expect(screen.getByText('Nổi bật')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Viết tin, bài' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Tổng hợp các khối' })).not.toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm tin, bài (có dấu hoặc không dấu)' }), 'guong dien hinh{Enter}');
    await waitFor(() => expect(api.calls('GET /api/news').some((c) => c.query.get('q') === 'guong dien hinh')).toBe(true));
  });

  it('gives the board a per-block overview', async () => {
    stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years': years,
      'GET /api/news': { items: [], total: 0, page: 1, pageSize: 20, canWrite: false, canFeature: true },
      'GET /api/news/overview': [{ blockYearId: 'by-2025', blockId: 'block-4', blockCode: 'KTĐ4', blockName: 'Khối thi đua số 4', news: 3, stories: 2, unitsMeetingTargets: 1, units: 5, publicUrl: '/tin-tuc/khoi/ktd4' }],
    });
    renderRoute('/news');
    await findPage('Tin hoạt động và gương điển hình');
    await userEvent.click(await screen.findByRole('tab', { name: 'Tổng hợp các khối' }));
    expect(await screen.findByRole('link', { name: 'Khối thi đua số 4' })).toHaveAttribute('href', '/tin-tuc/khoi/ktd4');
    expect(screen.getByText('1/5')).toBeInTheDocument();
  });
});
