import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, yearRights } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { draftScheme, frozenScheme, scheme2023, summaryOf, yearSummaries } from './test-fixtures';

// Route-level journeys on a busy machine.
jest.setTimeout(60_000);

const leaderSeat = { canManage: false, seat: 'leader' as const, canEditRules: true };
const memberSeat = { canManage: false, seat: null, canEditRules: false };

function stubSchemes(me: typeof users.leaderOfficer | typeof users.officer, permissions: typeof leaderSeat | typeof memberSeat) {
  const canEdit = permissions.seat !== null;
  const v1 = frozenScheme({ permissions: { canEdit: false, canCreateVersion: canEdit } });
  const v2 = draftScheme({ permissions: { canEdit, canCreateVersion: canEdit } });
  return stubApi({
    'GET /api/auth/me': me,
    'GET /api/block-years/:id/rights': yearRights(permissions.seat !== null),
    'GET /api/block-years/:id': blockYear2024(permissions),
    'GET /api/block-years': yearSummaries,
    'GET /api/scoring-schemes': (req) =>
      req.query.get('blockYearId') === 'by-2024' ? [summaryOf(v2, { id: v1.id, versionNo: 1, year: 2024 }), summaryOf(v1)] : req.query.get('blockYearId') === 'by-2023' ? [scheme2023] : [],
    'GET /api/scoring-schemes/:id': (req) => (req.params.id === v1.id ? v1 : v2),
  });
}

describe('Scoring scheme versions of a block year', () => {
  it('lists the versions with status, total, validity, based-on and rounds; the frozen one in use is current; the leader seat may create, import and delete a draft', async () => {
    const api = stubSchemes(users.leaderOfficer, leaderSeat);
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    expect(await screen.findByText('Khối thi đua số 4 – năm 2024')).toBeInTheDocument();

    const v1 = await screen.findByRole('row', { name: /^Phiên bản 1 / }, { timeout: 5000 });
    expect(within(v1).getByText('Hiện hành')).toBeInTheDocument();
    expect(within(v1).getByText('Đã đóng băng')).toBeInTheDocument();
    expect(within(v1).getByText('Đóng băng lúc 08:00 15/11/2024')).toBeInTheDocument();
    expect(await within(v1).findByText('Hợp lệ', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(v1).getByRole('link', { name: 'Chấm điểm thi đua năm 2024' })).toHaveAttribute('href', '/rounds/round-2024');
    expect(within(v1).getByRole('link', { name: 'Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024' })).toHaveAttribute('href', '/scoring-schemes/scheme-2024-v1');
    // A frozen version cannot be imported into or deleted.
    expect(within(v1).queryByRole('button', { name: /Nhập \.xlsx/ })).not.toBeInTheDocument();
    expect(within(v1).queryByRole('button', { name: /Xóa/ })).not.toBeInTheDocument();
    expect(within(v1).getByRole('button', { name: 'Xuất .xlsx: Phiên bản 1' })).toBeInTheDocument();

    const v2 = screen.getByRole('row', { name: /Phiên bản 2/ });
    expect(within(v2).getByText('Bản nháp')).toBeInTheDocument();
    expect(within(v2).queryByText('Hiện hành')).not.toBeInTheDocument();
    expect(await within(v2).findByText('Còn 2 vấn đề', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(v2).getByText('Phiên bản 1 năm 2024')).toBeInTheDocument();
    expect(within(v2).getByText('Chưa đợt nào dùng')).toBeInTheDocument();
    expect(within(v2).getByRole('button', { name: 'Nhập .xlsx: Phiên bản 2' })).toBeInTheDocument();
    expect(within(v2).getByRole('button', { name: 'Xóa: Phiên bản 2' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo biểu chấm điểm' })).toBeInTheDocument();
    // The list carries all of it: no request per version.
    expect(api.calls('GET /api/scoring-schemes/:id')).toHaveLength(0);
    expect(api.calls('GET /api/scoring-schemes')).toHaveLength(1);
  });

  it('hides create, import and delete from a member unit, which still reads and exports', async () => {
    const api = stubSchemes(users.officer, memberSeat);
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    const v2 = await screen.findByRole('row', { name: /Phiên bản 2/ }, { timeout: 5000 });
    expect(await within(v2).findByText('Còn 2 vấn đề', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(v2).getByRole('button', { name: 'Mở: Phiên bản 2' })).toBeInTheDocument();
    expect(within(v2).getByRole('button', { name: 'Xuất .xlsx: Phiên bản 2' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo biểu chấm điểm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Nhập \.xlsx/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Xóa/ })).not.toBeInTheDocument();
    expect(screen.getByText(/các đơn vị thành viên xem và tải biểu/)).toBeInTheDocument();
    expect(api.unmatched.filter((u) => u.includes('scoring'))).toEqual([]);
  });

  it('creates a new version as a copy of the previous year’s scheme and opens it', async () => {
    const api = stubSchemes(users.leaderOfficer, leaderSeat);
    const created = draftScheme({ id: 'scheme-2024-v3', versionNo: 3, basedOnId: scheme2023.id });
    api.on('POST /api/scoring-schemes', reply(201, created));
    const { router } = renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    await userEvent.click(await screen.findByRole('button', { name: 'Tạo biểu chấm điểm' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Tạo biểu chấm điểm' });
    // Blank by default, with the year's scale as the total.
    expect(within(dialog).getByLabelText('Tổng điểm của biểu')).toHaveValue('100');
    await userEvent.click(within(dialog).getByText('Sao chép từ biểu có sẵn'));
    const select = await openSelect(dialog, 'Sao chép từ');
    // Every version of this year and the earlier ones, newest first.
    const offered = () => Array.from(select.listbox.parentElement!.querySelectorAll('.ant-select-item-option')).map((o) => o.getAttribute('title'));
    await waitFor(() => expect(offered()).toEqual([
      'Năm 2024 – phiên bản 2: Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024 (sửa đổi)',
      'Năm 2024 – phiên bản 1: Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024',
      'Năm 2023 – phiên bản 1: Biểu chấm điểm thi đua Khối thi đua số 4 năm 2023',
    ]));
    await select.choose('Năm 2023 – phiên bản 1: Biểu chấm điểm thi đua Khối thi đua số 4 năm 2023');
    const total = within(dialog).getByLabelText('Tổng điểm của biểu');
    await userEvent.clear(total);
    await userEvent.click(within(dialog).getByLabelText('Tên biểu'));
    await userEvent.paste('Biểu chấm điểm cuối năm 2024');
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(api.calls('POST /api/scoring-schemes')).toHaveLength(1));
    expect(api.calls('POST /api/scoring-schemes')[0].body).toEqual({ blockYearId: 'by-2024', title: 'Biểu chấm điểm cuối năm 2024', copyFromSchemeId: 'scheme-2023-v1' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/scoring-schemes/scheme-2024-v3'));
  });

  it('imports a workbook into a draft and lists the errors by row when the server refuses it', async () => {
    const api = stubSchemes(users.leaderOfficer, leaderSeat);
    api.on('POST /api/scoring-schemes/:id/import', reply(400, {
      statusCode: 400, code: 'invalid_import',
      message: 'Tệp biểu chấm điểm có lỗi: Dòng 4 (B): loại "Không rõ" không hợp lệ (Nhóm, Chấm điểm, Đạt/Không đạt, Theo số lần, Theo chỉ tiêu, Điểm thưởng, Điểm trừ); Dòng 5 (C.1): nhóm cha "C" không có trong biểu.',
      fields: {
        'Dòng 4 (B)': 'loại "Không rõ" không hợp lệ (Nhóm, Chấm điểm, Đạt/Không đạt, Theo số lần, Theo chỉ tiêu, Điểm thưởng, Điểm trừ)',
        'Dòng 5 (C.1)': 'nhóm cha "C" không có trong biểu',
        A: 'Dòng 2: Nhóm A: tổng điểm tối đa của các tiêu chí con (12) vượt quá điểm tối đa của nhóm (10)',
      },
    }));
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    await userEvent.click(await screen.findByRole('button', { name: 'Nhập .xlsx: Phiên bản 2' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Nhập biểu từ tệp .xlsx' });
    expect(within(dialog).getByText(/Toàn bộ cây tiêu chí của phiên bản 2 sẽ được thay/)).toBeInTheDocument();

    // Nothing picked yet.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nhập' }));
    expect(await within(dialog).findByText('Hãy chọn tệp .xlsx trước.')).toBeInTheDocument();

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'bieu-loi.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, file);
    expect(within(dialog).getByText('bieu-loi.xlsx')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nhập' }));

    await waitFor(() => expect(api.calls('POST /api/scoring-schemes/:id/import')).toHaveLength(1));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('Tệp chưa nhập được, các lỗi theo dòng:')).toBeInTheDocument();
    expect(within(alert).getByText('Dòng 4 (B): loại "Không rõ" không hợp lệ (Nhóm, Chấm điểm, Đạt/Không đạt, Theo số lần, Theo chỉ tiêu, Điểm thưởng, Điểm trừ)')).toBeInTheDocument();
    expect(within(alert).getByText('Dòng 5 (C.1): nhóm cha "C" không có trong biểu')).toBeInTheDocument();
    expect(within(alert).getByText('Dòng 2: Nhóm A: tổng điểm tối đa của các tiêu chí con (12) vượt quá điểm tối đa của nhóm (10)')).toBeInTheDocument();
    const sent = api.calls('POST /api/scoring-schemes/:id/import')[0];
    expect(sent.params.id).toBe('scheme-2024-v2');
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('deletes an unused draft after confirmation, sending its version', async () => {
    const api = stubSchemes(users.leaderOfficer, leaderSeat);
    api.on('DELETE /api/scoring-schemes/:id', reply(204));
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    await userEvent.click(await screen.findByRole('button', { name: 'Xóa: Phiên bản 2' }, { timeout: 5000 }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText(/Xóa phiên bản 2/)).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(api.calls('DELETE /api/scoring-schemes/:id')).toHaveLength(1));
    const call = api.calls('DELETE /api/scoring-schemes/:id')[0];
    expect(call.params.id).toBe('scheme-2024-v2');
    expect(call.query.get('version')).toBe('5');
    expect(await screen.findByText('Đã xóa phiên bản 2.')).toBeInTheDocument();
  });

  it('offers the leader seat a first scheme when the year has none', async () => {
    stubApi({ 'GET /api/auth/me': users.leaderOfficer, 'GET /api/block-years/:id/rights': yearRights(true), 'GET /api/block-years/:id': blockYear2024(leaderSeat), 'GET /api/block-years': yearSummaries, 'GET /api/scoring-schemes': [] });
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    expect(await screen.findByText(/Năm này chưa có biểu chấm điểm. Đơn vị bạn giữ ghế/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo biểu chấm điểm' })).toBeInTheDocument();
  });

  it('only tells a member unit that the year has no scheme yet', async () => {
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/block-years/:id/rights': yearRights(false), 'GET /api/block-years/:id': blockYear2024(memberSeat), 'GET /api/block-years': yearSummaries, 'GET /api/scoring-schemes': [] });
    renderRoute('/block-years/by-2024/scheme');
    await findPage('Biểu chấm điểm');
    expect(await screen.findByText('Năm này chưa có biểu chấm điểm.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo biểu chấm điểm' })).not.toBeInTheDocument();
  });
});
