import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi } from '../../../test/fetch-stub';
import { blockYearPage, findPage, renderRoute, users } from '../../../test/render';

const note = (id: string, patch: Partial<Schemas['NotificationDto']> = {}): Schemas['NotificationDto'] => ({
  id, roundId: 'round-2025', kind: 'reminder', title: 'Nhắc nhở: Chấm điểm thi đua 6 tháng đầu năm 2025', body: 'Đề nghị đơn vị hoàn thành và nộp bản tự chấm trước 17:00 25/06/2025.',
  createdAt: new Date(2025, 5, 20, 8, 30).toISOString(), readAt: null, ...patch,
});

describe('Notifications bell', () => {
  it('shows the unread count; opening a notification marks it read and goes to its round', async () => {
    const list = [
      note('n1'),
      note('n2', { kind: 'returned', title: 'Chấm điểm thi đua 6 tháng đầu năm 2025: Khối trưởng trả lại bản tự chấm để hoàn thiện', body: 'Bổ sung minh chứng tiêu chí I.1' }),
      note('n3', { kind: 'round_opened', title: 'Đã mở đợt chấm điểm: Chấm điểm thi đua 6 tháng đầu năm 2025', body: '', readAt: new Date(2025, 5, 1, 9).toISOString() }),
    ];
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/page': blockYearPage(),
      'GET /api/notifications': list,
      'POST /api/notifications/:id/read': (req) => ({ ...list.find((n) => n.id === req.params.id)!, readAt: new Date().toISOString() }),
    });
    const { router } = renderRoute('/');
    await findPage(/Xin chào/);
    const bell = await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' });
    await userEvent.click(bell);
    const panel = await screen.findByRole('list', { name: 'Thông báo của đơn vị' });
    expect(within(panel).getAllByRole('button')).toHaveLength(3);
    expect(within(panel).getByText('Bổ sung minh chứng tiêu chí I.1')).toBeInTheDocument();
    expect(within(panel).getAllByText('08:30 20/06/2025')).toHaveLength(3);

    await userEvent.click(within(panel).getByRole('button', { name: /^Chưa đọc: Nhắc nhở/ }));
    await waitFor(() => expect(api.calls('POST /api/notifications/:id/read')).toHaveLength(1));
    expect(api.calls('POST /api/notifications/:id/read')[0].params.id).toBe('n1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/rounds/round-2025'));
    expect(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' })).toBeInTheDocument();
  });

  it('takes a returned self-assessment straight to the unit’s form', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/page': blockYearPage(),
      'GET /api/notifications': [note('n2', { kind: 'returned', title: 'Khối trưởng trả lại bản tự chấm để hoàn thiện' })],
      'POST /api/notifications/:id/read': note('n2', { readAt: new Date().toISOString() }),
    });
    const { router } = renderRoute('/');
    await findPage(/Xin chào/);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' }));
    await userEvent.click(await screen.findByRole('button', { name: /Khối trưởng trả lại bản tự chấm/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rounds/round-2025/units/${users.officer.unitId}`));
  });

  it('is not shown to the board, whose account belongs to no unit', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/block-years/page': blockYearPage() });
    renderRoute('/');
    await findPage(/Xin chào/);
    expect(screen.queryByRole('button', { name: /^Thông báo/ })).not.toBeInTheDocument();
    expect(api.unmatched).toEqual([]);
  });
});
