import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { block4, unitList, units } from '../../../test/fixtures';
import { findPage, page, renderRoute, users } from '../../../test/render';

const unitRow = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('Units page', () => {
  it("lets an officer see their block's units but edit only their own unit's contact details", async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      // The server lets an officer edit their own unit only.
      'GET /api/units': page(unitList.map((u) => ({ ...u, canUpdate: u.id === users.officer.unitId }))),
      'GET /api/blocks': page([block4]),
      'PATCH /api/units/:id': (req) => ({ ...units.lhp, ...(req.body as object), version: 5 }),
    });
    renderRoute('/units');
    await findPage('Đơn vị');
    expect(await screen.findByText(units.bql.name)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm đơn vị' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Lưu trữ/ })).not.toBeInTheDocument();
    // Only their own unit's row offers an edit, and only of the contact details.
    expect(screen.getAllByRole('button', { name: 'Sửa liên hệ' })).toHaveLength(1);
    expect(within(unitRow(units.bql.name)).queryByRole('button')).not.toBeInTheDocument();
    await userEvent.click(within(unitRow(units.lhp.name)).getByRole('button', { name: 'Sửa liên hệ' }));

    const dialog = await screen.findByRole('dialog', { name: 'Cập nhật thông tin liên hệ của đơn vị' });
    expect(within(dialog).queryByLabelText('Tên đơn vị')).not.toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Cơ quan chủ quản')).not.toBeInTheDocument();
    const phone = within(dialog).getByLabelText('Điện thoại');
    await userEvent.clear(phone);
    await userEvent.type(phone, '024 3823 9999');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('PATCH /api/units/:id')).toHaveLength(1));
    const [call] = api.calls('PATCH /api/units/:id');
    expect(call.params.id).toBe('unit-lhp');
    expect(call.body).toEqual({ address: units.lhp.address, phone: '024 3823 9999', email: '', version: 4 });
    expect(await screen.findByText('Đã lưu thông tin đơn vị.')).toBeInTheDocument();
  });

  it("lets the board add a unit, with Vietnamese validation and the server's field errors", async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/units': page(unitList),
      'GET /api/blocks': page([block4]),
      'POST /api/units': reply(409, { statusCode: 409, code: 'duplicate_name', message: 'Đã có đơn vị tên "Sở Nội vụ Hà Nội".', fields: { name: 'đã có đơn vị trùng tên' } }),
    });
    renderRoute('/units');
    await findPage('Đơn vị');
    await userEvent.click(await screen.findByRole('button', { name: 'Thêm đơn vị' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm đơn vị' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Tên đơn vị không được để trống')).toBeInTheDocument();
    expect(within(dialog).getByText('Tên viết tắt không được để trống')).toBeInTheDocument();
    expect(api.calls('POST /api/units')).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText('Tên đơn vị'), 'Sở Nội vụ Hà Nội');
    await userEvent.type(within(dialog).getByLabelText('Tên viết tắt'), 'Sở Nội vụ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Tên đơn vị đã có đơn vị trùng tên')).toBeInTheDocument();
    expect(api.calls('POST /api/units')[0].body).toMatchObject({ name: 'Sở Nội vụ Hà Nội', shortName: 'Sở Nội vụ' });
  });

  it('lets the board archive a unit after confirming, with a reason for the audit log', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/units': page(unitList),
      'GET /api/blocks': page([block4]),
      'POST /api/units/:id/archive': { ...units.bql, archivedAt: '2025-01-02T03:04:05.000Z' },
    });
    renderRoute('/units');
    await findPage('Đơn vị');
    await userEvent.click(await screen.findByRole('button', { name: `Lưu trữ: ${units.bql.name}` }));
    expect(await screen.findByText('Lưu trữ đơn vị này?')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Lý do (không bắt buộc, ghi vào nhật ký)'), 'Sáp nhập');
    const confirm = screen.getByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Lưu trữ' }));
    await waitFor(() => expect(api.calls('POST /api/units/:id/archive')).toHaveLength(1));
    expect(api.calls('POST /api/units/:id/archive')[0]).toMatchObject({ params: { id: 'unit-bql' }, body: { reason: 'Sáp nhập' } });
  });
});
