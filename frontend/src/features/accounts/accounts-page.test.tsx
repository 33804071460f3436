import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi } from '../../../test/fetch-stub';
import { unitList } from '../../../test/fixtures';
import { findPage, page, renderRoute, users } from '../../../test/render';

type Account = Schemas['AccountDto'];
// canManage as the server sends it to the board: every account but administrators'.
const account = (a: Partial<Account> & Pick<Account, 'id' | 'fullName' | 'email' | 'role'>): Account =>
  ({ unitId: null, unitName: null, title: 'Chuyên viên', archivedAt: null, version: 1, canManage: a.role !== 'admin', ...a });

const accounts = [
  account({ id: 'acc-admin', fullName: 'Quản trị Hệ thống', email: 'admin@thidua.vn', role: 'admin' }),
  account({ id: 'acc-lhp', fullName: 'Đỗ Thị Hạnh', email: 'canbo.lhp@thidua.vn', role: 'officer', unitId: 'unit-lhp', unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong', version: 2 }),
  account({ id: 'acc-head', fullName: 'Vũ Đức Thành', email: 'thutruong.lhp@thidua.vn', role: 'unit_head', unitId: 'unit-lhp', unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong', title: 'Hiệu trưởng' }),
];

describe('Accounts page', () => {
  it('lets the board reset a password, checked against the shared password policy', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/accounts': page(accounts),
      'GET /api/units': page(unitList),
      'POST /api/accounts/:id/reset-password': { ...accounts[1], version: 3 },
    });
    renderRoute('/accounts');
    await findPage('Tài khoản');
    const row = await screen.findByRole('row', { name: /canbo\.lhp@thidua\.vn/ });
    // The board does not act on administrators.
    expect(within(screen.getByRole('row', { name: /admin@thidua\.vn/ })).queryByRole('button')).not.toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Đặt lại mật khẩu: Đỗ Thị Hạnh' }));
    const dialog = await screen.findByRole('dialog', { name: 'Đặt lại mật khẩu cho Đỗ Thị Hạnh' });
    const password = within(dialog).getByLabelText('Mật khẩu mới');
    await userEvent.clear(password);
    await userEvent.type(password, 'ngan');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(await within(dialog).findByText('Mật khẩu mới phải có ít nhất 10 ký tự')).toBeInTheDocument();
    await userEvent.clear(password);
    await userEvent.type(password, 'matkhau123');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(await within(dialog).findByText(/Mật khẩu mới quá dễ đoán/)).toBeInTheDocument();
    await userEvent.clear(password);
    await userEvent.type(password, 'MatKhauMoi2025');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    await waitFor(() => expect(api.calls('POST /api/accounts/:id/reset-password')).toHaveLength(1));
    expect(api.calls('POST /api/accounts/:id/reset-password')[0]).toMatchObject({ params: { id: 'acc-lhp' }, body: { newPassword: 'MatKhauMoi2025' } });
    expect(await screen.findByText('Đã đặt lại mật khẩu.')).toBeInTheDocument();
  });

  it('requires a unit for officers when the board creates an account, and never offers the administrator role', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/accounts': page(accounts), 'GET /api/units': page(unitList) });
    renderRoute('/accounts');
    await findPage('Tài khoản');
    await userEvent.click(await screen.findByRole('button', { name: 'Thêm tài khoản' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm tài khoản' });
    await userEvent.type(within(dialog).getByLabelText('Họ và tên'), 'Nguyễn Văn Ví Dụ');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'vidu@hanoi.gov.vn');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tạo mật khẩu ngẫu nhiên' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Cán bộ và thủ trưởng phải thuộc một đơn vị')).toBeInTheDocument();
    expect(api.calls('POST /api/accounts')).toHaveLength(0);

    await userEvent.click(within(dialog).getByLabelText('Vai trò'));
    const listbox = await screen.findByRole('listbox');
    const roles = within(listbox).getAllByRole('option').map((o) => o.getAttribute('aria-label'));
    expect(roles).toEqual(['Ban Thi đua – Khen thưởng TP', 'Cán bộ đơn vị', 'Thủ trưởng đơn vị']);
  });

  it('finds a unit in the filter with or without diacritics', async () => {
    stubApi({ 'GET /api/auth/me': users.board, 'GET /api/accounts': page(accounts), 'GET /api/units': page(unitList) });
    renderRoute('/accounts');
    await findPage('Tài khoản');
    await userEvent.type(await screen.findByLabelText('Lọc theo đơn vị'), 'dao tao');
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['Trường Đào tạo cán bộ Lê Hồng Phong']));
  });

  it("shows an officer their own unit's accounts, read-only", async () => {
    const api = stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/accounts': page(accounts.slice(1).map((a) => ({ ...a, canManage: false }))) });
    renderRoute('/accounts');
    await findPage('Tài khoản');
    expect(await screen.findByText('thutruong.lhp@thidua.vn')).toBeInTheDocument();
    expect(screen.getByText(/Tài khoản của đơn vị bạn \(chỉ xem\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm tài khoản' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa|Đặt lại mật khẩu|Lưu trữ/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Lọc theo đơn vị')).not.toBeInTheDocument();
    expect(api.unmatched).toEqual([]);
  });
});
