import { screen, within } from '@testing-library/react';
import { stubApi } from '../../../test/fetch-stub';
import { blockYearPage, renderRoute, users } from '../../../test/render';

const task = (over: Record<string, unknown>) => ({
  key: 'k', kind: 'self_assessment', title: 'Việc', detail: '', blockYearId: 'y1', blockName: 'Khối thi đua số 4', year: 2025, unitName: null, deadline: null, overdue: false, link: '/rounds/r1', ...over,
});

describe('Việc cần làm on the home page', () => {
  it('lists each task with its deadline in dd/mm/yyyy, marks the overdue one, counts them in the menu and opens the page in one click', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/page': blockYearPage(),
      'GET /api/conferences/upcoming': [],
      'GET /api/tasks': {
        count: 2, overdueCount: 1,
        items: [
          task({ key: 'a', title: 'Hoàn thành và nộp bản tự chấm: Chấm điểm thi đua 6 tháng đầu năm 2025', detail: 'Đã nhập 6/12 tiêu chí', deadline: '2025-07-10T09:59:00.000Z', overdue: true, link: '/rounds/r1/units/u1' }),
          task({ key: 'b', kind: 'invitation', title: 'Trả lời giấy mời hội nghị sơ kết: Hội nghị sơ kết 6 tháng', deadline: '2025-07-20T01:00:00.000Z', link: '/conferences/c1' }),
        ],
      },
    });
    renderRoute('/');
    const list = await screen.findByRole('list', { name: 'Việc cần làm' }, { timeout: 8000 });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(items[0]).getByText('Hạn: 10/07/2025')).toBeInTheDocument();
    expect(within(items[0]).getByText('· Đã nhập 6/12 tiêu chí')).toBeInTheDocument();
    expect(within(items[1]).queryByText('Quá hạn')).toBeNull();
    expect(within(items[1]).getByText('Hạn: 20/07/2025')).toBeInTheDocument();
    expect(screen.getByText('1 việc quá hạn')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByLabelText('2 việc cần làm')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: 'Trả lời giấy mời hội nghị sơ kết: Hội nghị sơ kết 6 tháng' })).toHaveAttribute('href', '/conferences/c1');
  });

  it('says so when nothing waits, and shows no badge', async () => {
    stubApi({ 'GET /api/auth/me': users.board, 'GET /api/block-years/page': blockYearPage(), 'GET /api/conferences/upcoming': [] });
    renderRoute('/');
    expect(await screen.findByText('Không có việc nào đang chờ bạn.', undefined, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByLabelText(/việc cần làm$/)).toBeNull();
  });

  it('a task of the installation itself (a failed backup) shows no block or year', async () => {
    stubApi({
      'GET /api/auth/me': users.board, 'GET /api/block-years/page': blockYearPage(), 'GET /api/conferences/upcoming': [],
      'GET /api/tasks': {
        count: 1, overdueCount: 1,
        items: [task({ key: 'backup_failed:r1', kind: 'backup_failed', title: 'Sao lưu tự động thất bại: kiểm tra máy chủ rồi chạy lại "npm run backup"',
          detail: 'Lần sao lưu lúc 02:00 07/12/2026 không thành công', blockYearId: null, blockName: null, year: null, deadline: '2026-12-06T19:00:00.000Z', overdue: true, link: '/' })],
      },
    });
    renderRoute('/');
    const list = await screen.findByRole('list', { name: 'Việc cần làm' }, { timeout: 8000 });
    const [item] = within(list).getAllByRole('listitem');
    expect(within(item).getByText('· Lần sao lưu lúc 02:00 07/12/2026 không thành công')).toBeInTheDocument();
    expect(item.textContent).not.toMatch(/null|–/);
  });
});
