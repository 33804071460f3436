import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import { overview2024 } from './test-fixtures';

// The board watches deadlines across the city: the figures above the table, which blocks are late and why,
// a filter on lateness and a choice of order, all done by the server.
describe('Board dashboard: lateness, order and the city figures', () => {
  it('shows the city figures and each late block with its days and reasons', async () => {
    stubApi({ 'GET /api/auth/me': users.board, 'GET /api/board/overview': overview2024 });
    renderRoute('/board?year=2024');
    await findPage('Tổng quan thi đua, khen thưởng');
    const figures = await screen.findByRole('list', { name: 'Toàn Thành phố' });
    for (const name of ['Khối, cụm: 2', 'Đơn vị thành viên: 11', 'Khối có việc quá hạn: 1', 'Đã chốt xếp hạng cuối năm: 1', 'Đã gửi hồ sơ khen thưởng: 1']) {
      expect(within(figures).getByRole('listitem', { name })).toBeInTheDocument();
    }
    expect(within(figures).getByText('Đơn vị quá hạn chưa nộp bản tự chấm: 1')).toBeInTheDocument();

    const late = screen.getByRole('row', { name: /Khối thi đua số 1/ });
    expect(within(late).getByText('Quá hạn 12 ngày')).toBeInTheDocument();
    expect(within(late).getByText('Đơn vị quá hạn chưa nộp bản tự chấm')).toBeInTheDocument();
    const onTime = screen.getByRole('row', { name: /Khối thi đua số 4/ });
    expect(within(onTime).queryByText(/Quá hạn/)).not.toBeInTheDocument();
    expect(within(onTime).getByText('5 đơn vị được xếp hạng')).toBeInTheDocument();
  });

  it('asks the server for the late blocks, the blocks on time, and an order, each from the first page', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/board/overview': overview2024 });
    renderRoute('/board?year=2024');
    await findPage('Tổng quan thi đua, khen thưởng');
    await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    const last = () => api.calls('GET /api/board/overview').at(-1)!.query;
    expect(last().get('late')).toBeNull();
    expect(last().get('sort')).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: 'Có việc quá hạn (1)' }));
    await waitFor(() => expect(last().get('late')).toBe('true'));
    expect(last().get('page')).toBe('1');

    await userEvent.click(screen.getByRole('radio', { name: 'Đúng hạn (1)' }));
    await waitFor(() => expect(last().get('late')).toBe('false'));

    await userEvent.click(screen.getByRole('combobox', { name: 'Sắp xếp' }));
    await userEvent.click(await screen.findByTitle('Quá hạn lâu nhất trước'));
    await waitFor(() => expect(last().get('sort')).toBe('lateness'));
    expect(last().get('late')).toBe('false');

    await userEvent.click(screen.getByRole('radio', { name: 'Tất cả' }));
    await waitFor(() => expect(last().get('late')).toBeNull());
    expect(last().get('sort')).toBe('lateness');
    expect(api.unmatched).toEqual([]);
  });
});
