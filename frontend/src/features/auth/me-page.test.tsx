import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';

const sessions = [
  { id: '11111111-1111-4111-8111-111111111111', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', ip: '10.0.0.5',
    createdAt: new Date(2025, 5, 16, 8, 0).toISOString(), lastSeenAt: new Date(2025, 5, 16, 9, 30).toISOString(), expiresAt: new Date(2025, 5, 16, 20, 0).toISOString(), current: true },
  { id: '22222222-2222-4222-8222-222222222222', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', ip: '203.0.113.9',
    createdAt: new Date(2025, 5, 15, 7, 5).toISOString(), lastSeenAt: new Date(2025, 5, 15, 7, 45).toISOString(), expiresAt: new Date(2025, 5, 15, 19, 5).toISOString(), current: false },
];

describe('Account page', () => {
  it('lists the sessions in Vietnamese and ends another one, or all the others', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/auth/sessions': sessions,
      'DELETE /api/auth/sessions/:id': reply(204),
      'POST /api/auth/sessions/end-others': { ended: 1 },
    });
    renderRoute('/me');
    await findPage('Thông tin tài khoản');
    expect(await screen.findByText('Chrome trên Windows')).toBeInTheDocument();
    expect(screen.getByText('Phiên này')).toBeInTheDocument();
    expect(screen.getByText('Địa chỉ IP: 203.0.113.9')).toBeInTheDocument();
    expect(screen.getByText('Đăng nhập lúc: 07:05 15/06/2025')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Kết thúc phiên: Safari trên iOS' }));
    await waitFor(() => expect(api.calls('DELETE /api/auth/sessions/:id')).toHaveLength(1));
    expect(api.calls('DELETE /api/auth/sessions/:id')[0].params).toEqual({ id: sessions[1].id });
    await userEvent.click(screen.getByRole('button', { name: 'Đăng xuất mọi phiên khác' }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: /OK|Đồng ý/ }));
    expect(await screen.findByText('Đã đăng xuất 1 phiên khác.')).toBeInTheDocument();
  });

  it('checks a new password with the same policy as the server', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/auth/sessions': sessions });
    renderRoute('/me');
    await findPage('Thông tin tài khoản');
    await userEvent.type(screen.getByLabelText('Mật khẩu hiện tại'), 'ThiDua@2024');
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'password123');
    await userEvent.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'password123');
    await userEvent.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText(/Mật khẩu mới quá dễ đoán/)).toBeInTheDocument();
    expect(api.calls('POST /api/auth/change-password')).toHaveLength(0);
  });
});
