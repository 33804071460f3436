import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { block4, blockYear2024, defaultRules, unitList, units } from '../../../test/fixtures';
import { findPage, openSelect, page, renderRoute, users } from '../../../test/render';

const summaries = [
  { id: 'by-2025', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025, status: 'planning', leaderUnitName: units.dukdn.name, deputyUnitName: units.dukdh.name, memberCount: 5 },
  { id: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, status: 'in_progress', leaderUnitName: units.dukcq.name, deputyUnitName: units.dukdn.name, memberCount: 5 },
];
const defaults = { rules: defaultRules, legalBasis: [{ number: '06/2022/QH15', date: '2022-06-15', title: 'Luật Thi đua, khen thưởng' }, { number: '152/2025/NĐ-CP', date: '2025-06-16', title: 'Nghị định quy định chi tiết một số điều của Luật Thi đua, khen thưởng' }] };

describe('Block years page', () => {
  it("shows the leader unit's officer their seat, without the set-up button", async () => {
    stubApi({ 'GET /api/auth/me': users.leaderOfficer, 'GET /api/block-years': summaries });
    renderRoute('/block-years');
    await findPage('Năm thi đua');
    const row = await screen.findByRole('row', { name: /Khối thi đua số 4 – năm 2024/ });
    expect(within(row).getByText('Đơn vị bạn: Khối trưởng')).toBeInTheDocument();
    expect(within(row).getByText('Đang thực hiện')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /năm 2025/ })).queryByText(/Đơn vị bạn/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thiết lập năm thi đua' })).not.toBeInTheDocument();
  });

  it('lets the board set up a year: members, seats among them, legal basis prefilled, rules copied from last year', async () => {
    const year = new Date().getFullYear();
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years': summaries,
      'GET /api/blocks': page([block4]),
      'GET /api/units': page(unitList),
      'GET /api/block-years/defaults': defaults,
      'POST /api/block-years': blockYear2024({ canManage: true, seat: null, canEditRules: true }, { id: 'by-new', year }),
      'GET /api/block-years/:id': blockYear2024({ canManage: true, seat: null, canEditRules: true }, { id: 'by-new', year }),
    });
    const { router } = renderRoute('/block-years');
    await findPage('Năm thi đua');
    await userEvent.click(screen.getByRole('button', { name: 'Thiết lập năm thi đua' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thiết lập năm thi đua' });

    // The legal basis in force that year is prefilled; the rule set is copied unless chosen otherwise.
    expect(await within(dialog).findByDisplayValue('152/2025/NĐ-CP')).toBeInTheDocument();
    expect(within(dialog).getByDisplayValue('16/06/2025')).toBeInTheDocument();
    expect(api.calls('GET /api/block-years/defaults')[0].query.get('year')).toBe(String(year));
    expect(within(dialog).getByText(/hệ thống chép nguyên bộ quy tắc của năm gần nhất của khối/)).toBeInTheDocument();

    const block = await openSelect(dialog, 'Khối thi đua');
    await block.choose('Khối thi đua số 4 (KTĐ4)');
    const members = await openSelect(dialog, 'Đơn vị thành viên');
    await members.choose(units.dukcq.name);
    await members.choose(units.lhp.name);
    await members.close();
    const leader = await openSelect(dialog, 'Khối trưởng');
    expect(leader.names()).toEqual([units.dukcq.name, units.lhp.name]);
    await leader.choose(units.dukcq.name);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('POST /api/block-years')).toHaveLength(1));
    expect(api.calls('POST /api/block-years')[0].body).toEqual({
      blockId: 'block-4', year, memberUnitIds: [units.dukcq.id, units.lhp.id], leaderUnitId: units.dukcq.id, deputyUnitId: null, legalBasis: defaults.legalBasis,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/block-years/by-new'));
  });
});
