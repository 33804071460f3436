import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';

const mail = (id: string, patch: Partial<Schemas['OutboxMailDto']> = {}): Schemas['OutboxMailDto'] => ({
  id, to: 'canbo.lhp@thidua.vn', toName: 'Nguyễn Thị Hoa', subject: '[Thi đua] Nhắc nhở: Chấm điểm thi đua năm 2025',
  text: 'Kính gửi Nguyễn Thị Hoa,\n\nNhắc nhở: Chấm điểm thi đua năm 2025\n\nXem và xử lý tại: http://localhost:3000/rounds/r1', status: 'held', attempts: 0,
  lastError: null, nextAttemptAt: new Date(2025, 11, 1, 8, 0).toISOString(), createdAt: new Date(2025, 11, 1, 8, 0).toISOString(), sentAt: null, ...patch,
});

describe('Mail outbox (admin)', () => {
  it('lists mails with their status in Vietnamese, says SMTP is not configured, filters by status and shows a mail', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.admin,
      'GET /api/mail/outbox': (req) => ({
        items: req.query.get('status') === 'pending' ? [mail('m2', { status: 'pending', attempts: 2, lastError: 'connect ECONNREFUSED 127.0.0.1:25' })] : [mail('m1'), mail('m2', { status: 'pending', attempts: 2 })],
        total: 2, page: 1, pageSize: 20, smtpConfigured: false,
      }),
    });
    renderRoute('/mail-outbox');
    await findPage('Hộp thư đi');
    expect(await screen.findByText(/Chưa cấu hình máy chủ thư \(SMTP_URL\)/)).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Giữ trong hộp thư đi')).toBeInTheDocument();
    expect(within(table).getByText('Chờ gửi')).toBeInTheDocument();
    expect(within(table).getAllByText('08:00 01/12/2025').length).toBeGreaterThan(0);

    await userEvent.click(screen.getByRole('combobox', { name: 'Trạng thái' }));
    await userEvent.click(await screen.findByTitle('Chờ gửi'));
    await waitFor(() => expect(api.calls('GET /api/mail/outbox').some((c) => c.query.get('status') === 'pending')).toBe(true));
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('Giữ trong hộp thư đi')).not.toBeInTheDocument());
    await userEvent.click(within(screen.getByRole('table')).getAllByRole('button', { name: /mở rộng|expand/i })[0]);
    expect(await screen.findByText(/Lỗi gần nhất: connect ECONNREFUSED/)).toBeInTheDocument();
  });
});
