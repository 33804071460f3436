import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findPage, openSelect, page, renderRoute, users } from '../../../test/render';
import { reply, stubApi } from '../../../test/fetch-stub';
import { unitList, units } from '../../../test/fixtures';
import { award, catalogue2024, flag2023, merit2024, revokedMerit2022, title2024 } from './test-fixtures';

const base = (me: object) => ({
  'GET /api/auth/me': me,
  'GET /api/awards/catalogue': catalogue2024,
  'GET /api/units': page(unitList),
});

describe('Awards: catalogue', () => {
  it('lets the board edit an award: sends the version, shows the server’s field message under the field', async () => {
    const api = stubApi({
      ...base(users.board),
      'PATCH /api/awards/catalogue/:id': reply(400, {
        statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ: blockQuota.value không được vượt quá 100 (%).', fields: { 'blockQuota.value': 'không được vượt quá 100 (%)' },
      }),
    });
    renderRoute('/awards?year=2024');
    await findPage('Khen thưởng');
    const row = await screen.findByRole('row', { name: /Bằng khen của Chủ tịch UBND Thành phố/ });
    expect(within(row).getByText('50% đơn vị đầu')).toBeInTheDocument();
    expect(within(row).getByText('50% số đơn vị')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Sửa Bằng khen của Chủ tịch UBND Thành phố' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa hình thức khen thưởng' });
    const quota = within(dialog).getByLabelText('Số lượng mỗi khối');
    await userEvent.clear(quota);
    await userEvent.type(quota, '150');
    const bonus = within(dialog).getByLabelText('Điểm thưởng năm sau');
    await userEvent.clear(bonus);
    await userEvent.type(bonus, '6');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('PATCH /api/awards/catalogue/:id')).toHaveLength(1));
    const call = api.calls('PATCH /api/awards/catalogue/:id')[0];
    expect(call.params.id).toBe('at-city-merit');
    expect(call.body).toEqual({
      name: 'Bằng khen của Chủ tịch UBND Thành phố', gates: { topN: { kind: 'percent', value: 50 }, requiredTitle: null },
      blockQuota: { kind: 'percent', value: 150 }, cityQuota: 12, bonusPoints: 6, sort: 3, version: 2,
    });
    expect(await within(dialog).findByText('không được vượt quá 100 (%)')).toBeInTheDocument();
  });

  it('opens the catalogue on the latest year that has block years', async () => {
    const now = new Date();
    const working = now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
    const summary = (id: string, year: number) => ({ id, blockId: 'block-4', blockName: 'Khối thi đua số 4', year, status: 'in_progress', leaderUnitName: null, deputyUnitName: null, memberCount: 5 });
    const api = stubApi({ ...base(users.board), 'GET /api/block-years': [summary('by-last', working - 1), summary('by-next', working + 1)] });
    renderRoute('/awards');
    await findPage('Khen thưởng');
    await screen.findByRole('row', { name: /Cờ thi đua của Chính phủ/ });
    expect(api.calls('GET /api/awards/catalogue').map((c) => c.query.get('year'))).toEqual([String(working - 1)]);
  });

  it('shows a unit officer the catalogue, titles, discipline and history without any edit button', async () => {
    stubApi({
      ...base(users.officer),
      'GET /api/unit-titles': [title2024(units.lhp)],
      'GET /api/award-history': [award()],
    });
    renderRoute('/awards?year=2024');
    await findPage('Khen thưởng');
    await screen.findByRole('row', { name: /Cờ thi đua của Chính phủ/ });
    expect(screen.queryByRole('button', { name: /^Sửa/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm hình thức khen thưởng' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Danh hiệu' }));
    await screen.findByRole('row', { name: new RegExp(units.lhp.name) });
    expect(screen.queryByRole('button', { name: 'Ghi danh hiệu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xóa' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Lịch sử khen thưởng' }));
    await screen.findByRole('row', { name: /512\/QĐ-UBND/ });
    expect(screen.queryByRole('button', { name: /Thu hồi/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nhập khen thưởng' })).not.toBeInTheDocument();
  });
});

describe('Awards: history and revocation', () => {
  it('strikes revoked awards through with their revocation, and revokes one only with a reason', async () => {
    const revoked = { ...merit2024, revokedAt: '2025-06-03T02:00:00.000Z', revocationReason: 'Kê khai không trung thực thành tích', revocationDecisionNumber: '2345/QĐ-UBND', revocationDecisionDate: '2025-06-01' };
    const api = stubApi({
      ...base(users.board),
      'GET /api/award-history': [award(), merit2024, flag2023, revokedMerit2022],
      'POST /api/award-history/:id/revoke': reply(200, revoked),
    });
    renderRoute('/awards?tab=history');
    await findPage('Khen thưởng');
    const old = await screen.findByRole('row', { name: /987\/QĐ-UBND/ });
    expect(within(old).getByText('Đã thu hồi')).toBeInTheDocument();
    expect(within(old).getByText('Thu hồi theo 2345/QĐ-UBND (01/06/2024): Kê khai không trung thực thành tích')).toBeInTheDocument();
    expect(within(old).getByText('987/QĐ-UBND').closest('del')).not.toBeNull();
    expect(within(old).queryByRole('button', { name: /Thu hồi/ })).not.toBeInTheDocument();
    expect(api.calls('GET /api/award-history')[0].query.get('includeRevoked')).toBe('true');

    const row = screen.getByRole('row', { name: /513\/QĐ-UBND/ });
    expect(within(row).getByText('20/03/2025')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: /Thu hồi/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Thu hồi khen thưởng' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận thu hồi' }));
    expect(await within(dialog).findAllByText('Bắt buộc')).toHaveLength(2);
    expect(api.calls('POST /api/award-history/:id/revoke')).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText('Lý do thu hồi'), 'Kê khai không trung thực thành tích');
    await userEvent.type(within(dialog).getByLabelText('Số quyết định thu hồi'), '2345/QĐ-UBND');
    await userEvent.type(within(dialog).getByLabelText('Ngày quyết định thu hồi'), '01/06/2025{Enter}');
    api.on('GET /api/award-history', [award(), revoked, flag2023, revokedMerit2022]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận thu hồi' }));
    await waitFor(() => expect(api.calls('POST /api/award-history/:id/revoke')).toHaveLength(1));
    const call = api.calls('POST /api/award-history/:id/revoke')[0];
    expect(call.params.id).toBe('ah-merit-2024');
    expect(call.body).toEqual({ reason: 'Kê khai không trung thực thành tích', decisionNumber: '2345/QĐ-UBND', decisionDate: '2025-06-01' });
    expect(await screen.findByText(`Đã thu hồi Bằng khen của Chủ tịch UBND Thành phố của ${units.bql.name}.`)).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('row', { name: /513\/QĐ-UBND/ })).getByText('Đã thu hồi')).toBeInTheDocument());
  });

  it('deletes a discipline flag only with a reason', async () => {
    const flag = { id: 'df-1', unitId: units.dukdh.id, unitName: units.dukdh.name, year: 2024, reason: 'Tập thể lãnh đạo bị khiển trách', decisionNumber: '378/QĐ-UBND', decisionDate: '2024-09-12', version: 1 };
    const api = stubApi({ ...base(users.board), 'GET /api/discipline-flags': [flag], 'DELETE /api/discipline-flags/:id': reply(204) });
    renderRoute('/awards?tab=flags');
    await findPage('Khen thưởng');
    const row = await screen.findByRole('row', { name: /378\/QĐ-UBND/ });
    expect(within(row).getByText('12/09/2024')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Xóa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa bản ghi' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    expect(await within(dialog).findByText('Bắt buộc')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Lý do xóa (ghi vào nhật ký)'), 'Ghi nhầm đơn vị');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(api.calls('DELETE /api/discipline-flags/:id')).toHaveLength(1));
    expect(api.calls('DELETE /api/discipline-flags/:id')[0].body).toEqual({ reason: 'Ghi nhầm đơn vị' });
    // The server's bodiless 204 counts as done.
    expect(await screen.findByText('Đã xóa.')).toBeInTheDocument();
  });
});

describe('Awards: titles and manual entries', () => {
  it('lets the board record a title for a unit and year', async () => {
    const api = stubApi({
      ...base(users.board),
      'GET /api/unit-titles': [],
      'POST /api/unit-titles': (req) => reply(201, title2024(units.lhp, { ...(req.body as object), id: 'ut-new' })),
    });
    renderRoute('/awards?tab=titles');
    await findPage('Khen thưởng');
    await userEvent.click(await screen.findByRole('button', { name: 'Ghi danh hiệu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ghi danh hiệu' });
    const unit = await openSelect(dialog, 'Đơn vị');
    await unit.choose(units.lhp.name);
    const year = within(dialog).getByLabelText('Năm');
    await userEvent.clear(year);
    await userEvent.type(year, '2024');
    await userEvent.type(within(dialog).getByLabelText('Danh hiệu'), 'Tập thể lao động xuất sắc');
    await userEvent.type(within(dialog).getByLabelText('Số quyết định'), '5123/QĐ-UBND');
    await userEvent.type(within(dialog).getByLabelText('Ngày quyết định'), '27/12/2024{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('POST /api/unit-titles')).toHaveLength(1));
    expect(api.calls('POST /api/unit-titles')[0].body).toEqual({
      unitId: units.lhp.id, year: 2024, title: 'Tập thể lao động xuất sắc', decisionNumber: '5123/QĐ-UBND', decisionDate: '2024-12-27', note: '',
    });
  });

  it('shows the server’s refusal of a manual award entry', async () => {
    const api = stubApi({
      ...base(users.board),
      'GET /api/award-history': [],
      'POST /api/award-history': reply(409, { statusCode: 409, code: 'award_exists', message: 'Đơn vị đã có Cờ thi đua của UBND Thành phố năm 2023 (quyết định 1234/QĐ-UBND).' }),
    });
    renderRoute('/awards?tab=history');
    await findPage('Khen thưởng');
    await userEvent.click(await screen.findByRole('button', { name: 'Nhập khen thưởng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nhập khen thưởng của năm trước' });
    await (await openSelect(dialog, 'Đơn vị')).choose(units.dukcq.name);
    const year = within(dialog).getByLabelText('Năm');
    await userEvent.clear(year);
    await userEvent.type(year, '2023');
    await (await openSelect(dialog, 'Hình thức')).choose('Cờ thi đua của UBND Thành phố');
    await userEvent.type(within(dialog).getByLabelText('Số quyết định'), '1234/QĐ-UBND');
    await userEvent.type(within(dialog).getByLabelText('Ngày quyết định'), '15/03/2024{Enter}');
    await userEvent.type(within(dialog).getByLabelText('Người ký'), 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('POST /api/award-history')).toHaveLength(1));
    expect(api.calls('POST /api/award-history')[0].body).toEqual({
      unitId: units.dukcq.id, year: 2023, code: 'city_flag', decisionNumber: '1234/QĐ-UBND', decisionDate: '2024-03-15', signer: 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm',
    });
    expect(await within(dialog).findByText('Đơn vị đã có Cờ thi đua của UBND Thành phố năm 2023 (quyết định 1234/QĐ-UBND).')).toBeInTheDocument();
  });
});
