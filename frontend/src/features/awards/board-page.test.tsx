import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { overview2024 } from './test-fixtures';

describe('Board dashboard', () => {
  it('shows every block in the annual cycle with leader, step, covenant, rounds, top 3 and dossier, the charts and the city quota', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/board/overview': overview2024 });
    renderRoute('/board?year=2024');
    await findPage('Tổng quan thi đua, khen thưởng');
    const row = await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(within(row).getByRole('link', { name: 'Khối thi đua số 4' })).toHaveAttribute('href', '/block-years/by-2024');
    expect(within(row).getByText(units.dukcq.name)).toBeInTheDocument();
    expect(within(row).getByText('Đã có quyết định khen thưởng')).toBeInTheDocument();
    expect(within(row).getByText('Có hiệu lực')).toBeInTheDocument();
    expect(within(row).getByText('Đã hoàn tất', { exact: false })).toBeInTheDocument();
    expect(within(row).getByText('Đã chốt')).toBeInTheDocument();
    expect(within(row).getByText(`${units.lhp.name} (81,96)`)).toBeInTheDocument();
    expect(within(row).getByText('Hạn: 24/02/2025')).toBeInTheDocument();
    expect(await within(row).findByRole('link', { name: 'Đang thẩm định' })).toHaveAttribute('href', '/proposals/proposal-2024');
    expect(within(row).getByText('Cờ thi đua của UBND Thành phố: 1')).toBeInTheDocument();

    const other = screen.getByRole('row', { name: /Khối thi đua số 1/ });
    expect(within(other).getByText('Đã ký giao ước thi đua')).toBeInTheDocument();
    expect(within(other).getByText('Chưa có hồ sơ')).toBeInTheDocument();

    expect(screen.getByRole('img', { name: 'Khen thưởng theo năm (còn hiệu lực)' })).toBeInTheDocument();
    expect(screen.getByText('1/4 đơn vị')).toBeInTheDocument();
    expect(api.calls('GET /api/board/overview')[0].query.get('year')).toBe('2024');
    // The overview names each dossier: no second request for their ids.
    expect(api.unmatched).toEqual([]);
  });

  it('opens on the latest year that has block years, not on an empty calendar year', async () => {
    // Relative to today, so the test holds in any year (before April the board still works on last year).
    const now = new Date();
    const working = now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
    const summary = (id: string, year: number) => ({ id, blockId: 'block-4', blockName: 'Khối thi đua số 4', year, status: 'in_progress', leaderUnitName: null, deputyUnitName: null, memberCount: 5 });
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years': [summary('by-next', working + 1), summary('by-last', working - 1), summary('by-older', working - 2)],
      'GET /api/board/overview': (req) => ({ ...overview2024, year: Number(req.query.get('year')) }),
    });
    renderRoute('/board');
    await findPage('Tổng quan thi đua, khen thưởng');
    await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(api.calls('GET /api/board/overview').map((c) => c.query.get('year'))).toEqual([String(working - 1)]);
    expect(api.calls('GET /api/block-years')).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'Năm' }).closest('.ant-select')).toHaveTextContent(String(working - 1));
  });

  it('exports the overview of the chosen year to .xlsx', async () => {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:tong-quan'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = stubApi({
      'GET /api/auth/me': users.board, 'GET /api/board/overview': overview2024,
      'GET /api/board/overview/export': reply(200, 'bytes', { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('Tổng quan thi đua 2024.xlsx')}` }),
    });
    renderRoute('/board?year=2024');
    await findPage('Tổng quan thi đua, khen thưởng');
    await userEvent.click(screen.getByRole('button', { name: 'Xuất Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.calls('GET /api/board/overview/export')[0].query.get('year')).toBe('2024');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('Tổng quan thi đua 2024.xlsx');
    click.mockRestore();
  });
});
