import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi, type StubRequest } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import { overview2024 } from './test-fixtures';

// A city or a country has thousands of blocks: the server searches, filters by step and pages; the page
// asks for what the board chose and shows the count of blocks at each step above the table.
describe('Board dashboard, a page at a time', () => {
  it('asks the server for a page, a search without diacritics and a step, and shows the counts per step', async () => {
    const [k1, k4] = overview2024.blockYears;
    const answer = (req: StubRequest) => {
      const page = Number(req.query.get('page'));
      const blockYears = req.query.get('q') || req.query.get('step') ? [k4] : page === 2 ? [k4] : Array.from({ length: 20 }, (_, i) => ({ ...k1, blockYearId: `by-${i}`, blockName: `Khối thi đua số ${i + 10}` }));
      return { ...overview2024, blockYears, page, pageSize: 20, total: req.query.get('q') || req.query.get('step') ? 1 : 21 };
    };
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/board/overview': answer });
    renderRoute('/board?year=2024');
    await findPage('Tổng quan thi đua, khen thưởng');
    await screen.findByRole('row', { name: /Khối thi đua số 10/ });
    const last = () => api.calls('GET /api/board/overview').at(-1)!.query;
    expect(last().get('pageSize')).toBe('20');
    expect(last().get('page')).toBe('1');
    expect(screen.getByText('Tất cả (2)')).toBeInTheDocument();
    expect(screen.getByText('Đã ký giao ước thi đua (1)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Trang 2' }));
    await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(last().get('page')).toBe('2');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm khối, cụm' }), 'khoi 4{Enter}');
    await waitFor(() => expect(last().get('q')).toBe('khoi 4'));
    expect(last().get('page')).toBe('1');

    await userEvent.click(screen.getByText('Đã có quyết định khen thưởng (1)'));
    await waitFor(() => expect(last().get('step')).toBe('decided'));
    expect(last().get('q')).toBe('khoi 4');
    expect(api.unmatched).toEqual([]);
  });
});
