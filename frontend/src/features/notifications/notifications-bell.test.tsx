import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi } from '../../../test/fetch-stub';
import { blockYearPage, findPage, renderRoute, users } from '../../../test/render';

const note = (id: string, patch: Partial<Schemas['NotificationDto']> = {}): Schemas['NotificationDto'] => ({
  id, roundId: 'round-2025', blockYearId: 'year-2025', unitId: null, link: '/rounds/round-2025', kind: 'reminder', title: 'Nhắc nhở: Chấm điểm thi đua 6 tháng đầu năm 2025', body: 'Đề nghị đơn vị hoàn thành và nộp bản tự chấm trước 17:00 25/06/2025.',
  createdAt: new Date(2025, 5, 20, 8, 30).toISOString(), readAt: null, ...patch,
});

describe('Notifications bell', () => {
  it('shows the unread count; opening a notification marks it read and goes to its round', async () => {
    const list = [
      note('n1'),
      note('n2', { kind: 'returned', link: `/rounds/round-2025/units/${users.officer.unitId}`, title: 'Chấm điểm thi đua 6 tháng đầu năm 2025: Khối trưởng trả lại bản tự chấm để hoàn thiện', body: 'Bổ sung minh chứng tiêu chí I.1' }),
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
    const panel = await screen.findByRole('list', { name: 'Thông báo của bạn' });
    expect(within(panel).getAllByRole('button')).toHaveLength(3);
    expect(within(panel).getByText('Bổ sung minh chứng tiêu chí I.1')).toBeInTheDocument();
    expect(within(panel).getAllByText('08:30 20/06/2025')).toHaveLength(3);

    await userEvent.click(within(panel).getByRole('button', { name: /^Chưa đọc: Nhắc nhở/ }));
    await waitFor(() => expect(api.calls('POST /api/notifications/:id/read')).toHaveLength(1));
    expect(api.calls('POST /api/notifications/:id/read')[0].params.id).toBe('n1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/rounds/round-2025'));
    expect(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' })).toBeInTheDocument();
  });

  it('takes a returned self-assessment straight to the unit’s form (the link the server gave)', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/page': blockYearPage(),
      'GET /api/notifications': [note('n2', { kind: 'returned', link: `/rounds/round-2025/units/${users.officer.unitId}`, title: 'Khối trưởng trả lại bản tự chấm để hoàn thiện' })],
      'POST /api/notifications/:id/read': note('n2', { readAt: new Date().toISOString() }),
    });
    const { router } = renderRoute('/');
    await findPage(/Xin chào/);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' }));
    await userEvent.click(await screen.findByRole('button', { name: /Khối trưởng trả lại bản tự chấm/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rounds/round-2025/units/${users.officer.unitId}`));
  });

  it('shows the board its own notifications and marks them all read at once', async () => {
    let list = [note('b1', { roundId: null, link: '/proposals/p1', kind: 'dossier_submitted', title: 'Khối 4 trình hồ sơ đề nghị khen thưởng năm 2025 (05/TTr-K4)', body: 'Hạn thẩm định: 20/01/2026 (25 ngày làm việc).' }), note('b2', { roundId: null, link: '/proposals/p2', kind: 'dossier_submitted', title: 'Khối 2 trình hồ sơ' })];
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years/page': blockYearPage(),
      'GET /api/notifications': () => list,
      'POST /api/notifications/read-all': () => {
        list = list.map((n) => ({ ...n, readAt: new Date().toISOString() }));
        return { marked: 2 };
      },
    });
    renderRoute('/');
    await findPage(/Xin chào/);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Đánh dấu đã đọc tất cả' }));
    await waitFor(() => expect(api.calls('POST /api/notifications/read-all')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeInTheDocument();
  });

  it('leads to the email settings, where the person chooses a daily digest', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years': [],
      'GET /api/notifications/settings': { emailMode: 'immediate', email: 'canbo@thidua.vn' },
      'PATCH /api/notifications/settings': (req) => ({ emailMode: (req.body as { emailMode: string }).emailMode, email: 'canbo@thidua.vn' }),
    });
    const { router } = renderRoute('/');
    await findPage(/Xin chào/);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cài đặt nhận thông báo qua email' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/notifications'));
    await findPage('Nhận thông báo qua email');
    expect(await screen.findByRole('radio', { name: /Gửi ngay khi có việc/ })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /Một thư tổng hợp mỗi ngày/ }));
    await waitFor(() => expect(api.calls('PATCH /api/notifications/settings')).toHaveLength(1));
    expect(api.calls('PATCH /api/notifications/settings')[0].body).toEqual({ emailMode: 'daily' });
    await waitFor(() => expect(screen.getByRole('radio', { name: /Một thư tổng hợp mỗi ngày/ })).toBeChecked());
  });

});
