import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import type { NewsItem } from './api/news';

const item = (over: Partial<NewsItem> = {}, permissions: Partial<NewsItem['permissions']> = {}): NewsItem => ({
  id: 'n1', blockYearId: 'by-2025', unitId: 'unit-lhp', unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong', kind: 'story', status: 'draft',
  title: 'Gương điển hình: chị Ngô Thu Trang', slug: 'guong-dien-hinh-n1', summary: '', subjectName: 'Chị Ngô Thu Trang', movementKey: null, publishedAt: null,
  featuredInBlock: false, featuredCity: false, updatedAt: '2025-03-10T02:00:00.000Z', bodyHtml: '<p>Đoạn một.</p><p>Đoạn &lt;hai&gt;.</p>', authorLine: 'Tin và ảnh: Đỗ Thị Hạnh',
  subjectKind: 'person', eventDate: null, activityKey: null, returnReason: null, version: 3, photos: [], publicUrl: null,
  permissions: { canEdit: true, canSubmit: true, canApprove: false, canFeature: false, ...permissions }, ...over,
});

describe('One news item or story', () => {
  it('lets the officer edit the body as paragraphs (sent as escaped <p> blocks) and submit it', async () => {
    let current = item();
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/news/:id': () => current,
      'GET /api/news/plan-links': { movements: [{ key: 'pt1', title: 'Thi đua hoàn thành xuất sắc nhiệm vụ' }], activities: [] },
      'PATCH /api/news/:id': (req) => (current = { ...item(), version: 4, bodyHtml: (req.body as { bodyHtml: string }).bodyHtml }),
      'POST /api/news/:id/submit': () => (current = item({ status: 'submitted' }, { canEdit: false, canSubmit: false })),
    });
    renderRoute('/news/n1');
    await findPage('Gương điển hình: chị Ngô Thu Trang');
    const body = screen.getByLabelText('Nội dung (mỗi đoạn cách nhau một dòng trống)');
    expect(body).toHaveValue('Đoạn một.\n\nĐoạn <hai>.');
    await userEvent.type(body, '\n\nBa & <b>');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/news/:id')).toHaveLength(1));
    expect(api.calls('PATCH /api/news/:id')[0].body).toMatchObject({ version: 3, bodyHtml: '<p>Đoạn một.</p><p>Đoạn &lt;hai&gt;.</p><p>Ba &amp; &lt;b&gt;</p>', movementKey: null });
    await userEvent.click(screen.getByRole('button', { name: 'Gửi thủ trưởng duyệt' }));
    expect(await screen.findByText('Bài đang chờ thủ trưởng đơn vị duyệt.')).toBeInTheDocument();
  });

  it('shows the head Duyệt đăng and Trả lại for a submitted item, and the public link once published', async () => {
    let current = item({ status: 'submitted' }, { canEdit: false, canSubmit: false, canApprove: true });
    const api = stubApi({
      'GET /api/auth/me': { ...users.officer, role: 'unit_head' },
      'GET /api/news/:id': () => current,
      'POST /api/news/:id/approve': () => (current = item({ status: 'published', publishedAt: '2025-03-11T02:00:00.000Z', publicUrl: '/tin-tuc/guong-dien-hinh-n1' }, { canEdit: false, canSubmit: false })),
    });
    renderRoute('/news/n1');
    await findPage('Gương điển hình: chị Ngô Thu Trang');
    expect(screen.getByRole('button', { name: 'Trả lại' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Duyệt đăng' }));
    await waitFor(() => expect(api.calls('POST /api/news/:id/approve')).toHaveLength(1));
    expect(await screen.findByRole('link', { name: 'Xem trên trang công khai' })).toHaveAttribute('href', '/tin-tuc/guong-dien-hinh-n1');
  });
});
