import { act, fireEvent, screen, waitFor } from '@testing-library/react';
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

// ProseMirror measures the selection; jsdom implements no layout. Stubs for this file only.
beforeAll(() => {
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });
  document.elementFromPoint = () => null;
});

/** Focuses the editor and selects the text of one of its elements, as a user dragging over it would. */
function select(el: HTMLElement) {
  (el.closest('[contenteditable]') as HTMLElement).focus();
  const range = document.createRange();
  range.selectNodeContents(el);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
  fireEvent(document, new Event('selectionchange'));
}

describe('One news item or story', () => {
  it('loads the rich-text editor on the edit page, sends its HTML on save, and submits', async () => {
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
    const body = await screen.findByRole('textbox', { name: 'Nội dung' });
    expect(Array.from(body.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['Đoạn một.', 'Đoạn <hai>.']);
    act(() => select(body.querySelector('p') as HTMLElement));
    await userEvent.click(screen.getByRole('button', { name: 'Tiêu đề mục' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/news/:id')).toHaveLength(1));
    expect(api.calls('PATCH /api/news/:id')[0].body).toMatchObject({ version: 3, bodyHtml: '<h2>Đoạn một.</h2><p>Đoạn &lt;hai&gt;.</p>', movementKey: null });
    await userEvent.click(screen.getByRole('button', { name: 'Gửi thủ trưởng duyệt' }));
    expect(await screen.findByText('Bài đang chờ thủ trưởng đơn vị duyệt.')).toBeInTheDocument();
    // Read-only now: the stored HTML is shown, no editor.
    expect(await screen.findByText('Đoạn <hai>.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Nội dung' })).not.toBeInTheDocument();
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
