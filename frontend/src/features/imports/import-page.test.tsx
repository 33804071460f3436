import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';

const SHA = 'ab'.repeat(32);
const report = (dryRun: boolean) => ({
  dryRun, fileSha256: SHA,
  units: { created: 1, rejected: 0, skipped: 1 },
  accounts: { created: 1, rejected: 1, skipped: 0 },
  rows: [
    { sheet: 'units', row: 2, label: 'Sở Văn hóa và Thể thao Hà Nội', status: 'skipped', errors: ['Dòng mẫu của tệp mẫu: không nhập'] },
    { sheet: 'units', row: 3, label: 'Sở Du lịch Hà Nội', status: 'created', errors: [] },
    { sheet: 'accounts', row: 2, label: 'vidu@hanoi.gov.vn', status: 'created', errors: [], ...(dryRun ? {} : { initialPassword: 'k7Pq2mXr9aBc' }) },
    { sheet: 'accounts', row: 3, label: 'tranb@hanoi.gov.vn', status: 'rejected', errors: ['Vai trò "Giám đốc" không hợp lệ (Quản trị, Ban TĐKT, Cán bộ, Thủ trưởng)', 'Không tìm thấy đơn vị "Sở ABC"'] },
  ],
});

const xlsx = () => new File(['PK\u0003\u0004 workbook'], 'don-vi-tai-khoan.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function pickFile(container: HTMLElement) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  await userEvent.upload(input, xlsx());
  expect(await screen.findByText('don-vi-tai-khoan.xlsx')).toBeInTheDocument();
}

describe('Import page', () => {
  it('sends nothing until a button is pressed, checks first, and writes only when the report is confirmed', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'POST /api/imports/units-accounts': (req) => reply(201, report(req.query.get('dryRun') === 'true')) });
    const { container } = renderRoute('/import');
    await findPage('Nhập từ Excel');
    expect(screen.getByRole('button', { name: 'Kiểm tra trước' })).toBeDisabled();
    // There is no way to write before a check.
    expect(screen.queryByRole('button', { name: 'Nhập dữ liệu' })).not.toBeInTheDocument();
    await pickFile(container);
    expect(api.calls('POST /api/imports/units-accounts')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra trước' }));
    expect(await screen.findByText('Kết quả kiểm tra')).toBeInTheDocument();
    // The template's example row is reported as skipped.
    expect(screen.getByText('1 dòng mẫu của tệp mẫu được bỏ qua, không nhập.')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Sở Văn hóa và Thể thao/ })).getByText('Dòng mẫu – bỏ qua')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Nhập dữ liệu' }));
    const call = await waitFor(() => {
      const calls = api.calls('POST /api/imports/units-accounts');
      expect(calls).toHaveLength(2);
      return calls[1];
    });
    expect(call.query.get('dryRun')).toBe('false');
    expect(call.query.get('confirm')).toBe(SHA);
    expect(((call.body as FormData).get('file') as File).name).toBe('don-vi-tai-khoan.xlsx');

    expect(await screen.findByText('Kết quả nhập')).toBeInTheDocument();
    const rejected = screen.getByRole('row', { name: /tranb@hanoi\.gov\.vn/ });
    expect(within(rejected).getByText('Tài khoản')).toBeInTheDocument();
    expect(within(rejected).getByText('3')).toBeInTheDocument();
    expect(within(rejected).getByText('Bị từ chối')).toBeInTheDocument();
    expect(within(rejected).getByText('Vai trò "Giám đốc" không hợp lệ (Quản trị, Ban TĐKT, Cán bộ, Thủ trưởng)')).toBeInTheDocument();
    expect(within(rejected).getByText('Không tìm thấy đơn vị "Sở ABC"')).toBeInTheDocument();

    const created = screen.getByRole('row', { name: /vidu@hanoi\.gov\.vn/ });
    expect(within(created).getByText('Đã nhập')).toBeInTheDocument();
    expect(within(created).getByText('k7Pq2mXr9aBc')).toBeInTheDocument();
    expect(screen.getByText('Mật khẩu ban đầu chỉ hiển thị một lần, ngay bây giờ')).toBeInTheDocument();
    expect(screen.getByText('Tài khoản bị từ chối')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nhập dữ liệu' })).not.toBeInTheDocument();
  });

  it('checks first without writing, and says so', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'POST /api/imports/units-accounts': (req) => reply(201, report(req.query.get('dryRun') === 'true')) });
    const { container } = renderRoute('/import');
    await findPage('Nhập từ Excel');
    await pickFile(container);
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra trước' }));
    expect(await screen.findByText('Kết quả kiểm tra')).toBeInTheDocument();
    expect(api.calls('POST /api/imports/units-accounts')[0].query.get('dryRun')).toBe('true');
    expect(screen.getByText(/chưa có dữ liệu nào được ghi/)).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /vidu@hanoi\.gov\.vn/ })).getByText('Hợp lệ')).toBeInTheDocument();
    expect(screen.queryByText(/Mật khẩu ban đầu chỉ hiển thị/)).not.toBeInTheDocument();
  });

  it("shows the server's message when the file is not a workbook", async () => {
    stubApi({
      'GET /api/auth/me': users.board,
      'POST /api/imports/units-accounts': reply(400, { statusCode: 400, code: 'bad_file_type', message: 'Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu.', fields: { file: 'không phải tệp .xlsx' } }),
    });
    const { container } = renderRoute('/import');
    await findPage('Nhập từ Excel');
    await pickFile(container);
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra trước' }));
    expect(await screen.findByText('Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu.')).toBeInTheDocument();
  });
});
