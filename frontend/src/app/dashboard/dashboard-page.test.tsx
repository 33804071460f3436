import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi, type StubRequest } from '../../../test/fetch-stub';
import { blockYearPage, findPage, renderRoute, users } from '../../../test/render';

const year = (n: number): Schemas['BlockYearSummaryDto'] => ({
  id: `y${n}`, blockId: `b${n}`, blockName: `Khối thi đua số ${n}`, year: 2025, status: 'in_progress', leaderUnitName: `Sở số ${n}`, deputyUnitName: null, memberCount: 10,
});

describe('home page: the block years a page at a time', () => {
  it('shows the city-wide counts from the server, searches without diacritics and pages', async () => {
    const answer = (req: StubRequest) => {
      const q = req.query.get('q');
      const page = Number(req.query.get('page'));
      if (q) return blockYearPage([year(4)], { total: 1, blockCount: 45, memberCount: 1200, year: 2025 });
      const items = page === 2 ? [year(21)] : Array.from({ length: 20 }, (_, i) => year(i + 1));
      return blockYearPage(items, { page, total: 21, blockCount: 45, memberCount: 1200, year: 2025 });
    };
    const api = stubApi({ 'GET /api/auth/me': users.board, 'GET /api/block-years/page': answer, 'GET /api/conferences/upcoming': [] });
    renderRoute('/');
    await findPage(/Xin chào/);
    expect(await screen.findByText('Khối, cụm năm 2025')).toBeInTheDocument();
    expect(screen.getByText('45')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Các khối, cụm thi đua' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByText('Trang 1/2 · 21 khối, cụm')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('Khối thi đua số 21 – năm 2025')).toBeInTheDocument();
    expect(api.calls('GET /api/block-years/page').at(-1)!.query.get('page')).toBe('2');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm khối, cụm' }), 'khoi thi dua so 4{Enter}');
    await waitFor(() => expect(api.calls('GET /api/block-years/page').at(-1)!.query.get('q')).toBe('khoi thi dua so 4'));
    expect(api.calls('GET /api/block-years/page').at(-1)!.query.get('page')).toBe('1');
    expect(await screen.findByText('Khối thi đua số 4 – năm 2025')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Trang sau' })).toBeNull();
  });
});
