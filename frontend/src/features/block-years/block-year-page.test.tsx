import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, defaultRules, unitList } from '../../../test/fixtures';
import { findPage, page, renderRoute, users } from '../../../test/render';

const readOnly = { canManage: false, seat: 'leader' as const, canEditRules: false };
const board = { canManage: true, seat: null, canEditRules: true };

const step = (key: string, title: string, state: 'done' | 'current' | 'next', over: Record<string, unknown> = {}) =>
  ({ key, title, state, date: null, dateLabel: null, waitingFor: '', detail: '', link: `/block-years/by-2024/${key}`, ...over });

describe('Block year page', () => {
  it('shows the year on one line: done, current with its deadline and who is waited for, next; each step links to its page', async () => {
    stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': blockYear2024(readOnly),
      'GET /api/block-years/:id/timeline': {
        blockYearId: 'by-2024',
        steps: [
          step('plan', 'Kế hoạch hoạt động của Khối', 'done', { date: '2024-04-26T01:45:00.000Z', dateLabel: 'Thông qua', link: '/block-years/by-2024/plan' }),
          step('mid_year', 'Chấm điểm sơ kết 6 tháng', 'current', { date: '2024-07-10T10:00:00.000Z', dateLabel: 'Hạn', waitingFor: '3 đơn vị chưa nộp bản tự chấm', detail: 'Tự chấm điểm', link: '/rounds/r1' }),
          step('decision', 'Quyết định khen thưởng', 'next', { link: '/proposals/p1' }),
        ],
      },
    });
    renderRoute('/block-years/by-2024');
    await findPage('Khối thi đua số 4 – năm 2024');
    const timeline = await screen.findByRole('navigation', { name: 'Các bước của năm thi đua' });
    const current = await within(timeline).findByRole('link', { name: 'Chấm điểm sơ kết 6 tháng' });
    expect(current).toHaveAttribute('href', '/rounds/r1');
    expect(current).toHaveAttribute('aria-current', 'step');
    expect(within(timeline).getByText('Đang chờ: 3 đơn vị chưa nộp bản tự chấm')).toBeInTheDocument();
    expect(within(timeline).getByText('Hạn: 10/07/2024')).toBeInTheDocument();
    expect(within(timeline).getByText('Thông qua: 26/04/2024')).toBeInTheDocument();
    expect(within(timeline).getByRole('link', { name: 'Kế hoạch hoạt động của Khối' })).toHaveAttribute('href', '/block-years/by-2024/plan');
    expect(within(timeline).getByRole('link', { name: 'Quyết định khen thưởng' })).toHaveAttribute('href', '/proposals/p1');
    expect(within(timeline).getAllByText('Đã xong')).toHaveLength(1);
    expect(within(timeline).getAllByText('Tiếp theo')).toHaveLength(1);
    expect(within(timeline).getAllByText('Đang thực hiện')).toHaveLength(1);
  });

  it('shows the rule set in plain Vietnamese, the legal basis with dd/mm/yyyy dates, and the viewer’s seat', async () => {
    stubApi({ 'GET /api/auth/me': users.leaderOfficer, 'GET /api/block-years/:id': blockYear2024(readOnly) });
    renderRoute('/block-years/by-2024');
    await findPage('Khối thi đua số 4 – năm 2024');

    expect(screen.getByText('Đơn vị bạn là Khối trưởng năm 2024')).toBeInTheDocument();
    expect(screen.getByText(/Hội nghị hợp lệ khi có ít nhất 2\/3 số đơn vị thành viên có mặt/)).toHaveTextContent('(khối có 5 đơn vị: cần ít nhất 4 đơn vị)');
    expect(screen.getByText('Trúng cử khi số phiếu đồng ý trên 50% tổng số đơn vị thành viên')).toBeInTheDocument();
    expect(screen.getByText('Cờ thi đua của Chính phủ: tối đa 1 đơn vị — chỉ xét đơn vị dẫn đầu khối')).toBeInTheDocument();
    expect(screen.getByText('Cờ thi đua của UBND Thành phố: tối đa 1 đơn vị')).toBeInTheDocument();
    expect(screen.getByText('Bằng khen của Chủ tịch UBND Thành phố: tối đa 50% số đơn vị thành viên (hiện là 2 đơn vị)')).toBeInTheDocument();
    expect(screen.getByText('Khi bằng tổng điểm, xét lần lượt:')).toBeInTheDocument();
    expect(screen.getByText('điểm nhóm tiêu chí thứ nhất cao hơn')).toBeInTheDocument();
    expect(screen.getByText('Điểm thẩm định của khối trưởng sau khi đơn vị giải trình')).toBeInTheDocument();
    expect(screen.getByText('Mỗi đơn vị chấm chéo 2 đơn vị khác trong khối (không tự chấm mình)')).toBeInTheDocument();
    expect(screen.getByText('Tổng điểm tối đa của biểu chấm điểm: 100 điểm')).toBeInTheDocument();

    const basis = screen.getByRole('row', { name: /06\/2022\/QH15/ });
    expect(within(basis).getByText('15/06/2022')).toBeInTheDocument();
    expect(within(basis).getByText('Luật Thi đua, khen thưởng')).toBeInTheDocument();

    const leaderRow = screen.getByRole('row', { name: /Đảng ủy Khối các cơ quan Thành phố Hà Nội.*ĐUK các cơ quan TP/ });
    expect(within(leaderRow).getByText('Khối trưởng')).toBeInTheDocument();
    expect(within(leaderRow).getByText('Đơn vị bạn')).toBeInTheDocument();

    // The year is under way: the rule set is adopted, so the seat no longer edits it.
    expect(screen.getByText(/Bộ quy tắc đã được thông qua/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa/ })).not.toBeInTheDocument();
  });

  it('lets the leader seat add a legal instrument while planning, sending yyyy-mm-dd and the version', async () => {
    const planning = blockYear2024({ canManage: false, seat: 'leader', canEditRules: true }, { status: 'planning' });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': planning,
      'PATCH /api/block-years/:id': (req) => ({ ...planning, ...(req.body as object), version: 4 }),
      'GET /api/units': page(unitList),
    });
    renderRoute('/block-years/by-2024');
    await findPage('Khối thi đua số 4 – năm 2024');
    expect(screen.queryByRole('button', { name: 'Sửa thành viên, ghế và trạng thái' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sửa căn cứ pháp lý' }));
    const dialog = await screen.findByRole('dialog', { name: /Sửa căn cứ pháp lý/ });
    await userEvent.click(within(dialog).getByRole('button', { name: '+ Thêm văn bản' }));
    await userEvent.type(within(dialog).getByLabelText('Số hiệu 3'), '01/KH-KTĐ4');
    await userEvent.type(within(dialog).getByLabelText('Ngày ban hành 3'), '26/04/2024{Enter}');
    await userEvent.type(within(dialog).getByLabelText('Trích yếu 3'), 'Kế hoạch hoạt động của Khối năm 2024');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('PATCH /api/block-years/:id')).toHaveLength(1));
    const body = api.calls('PATCH /api/block-years/:id')[0].body as { legalBasis: unknown[]; version: number };
    expect(body.version).toBe(3);
    expect(body.legalBasis).toEqual([...planning.legalBasis, { number: '01/KH-KTĐ4', date: '2024-04-26', title: 'Kế hoạch hoạt động của Khối năm 2024' }]);
  });

  it("shows the server's message and reloads when someone else saved first (409 stale_version)", async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years/:id': blockYear2024(board),
      'PATCH /api/block-years/:id': reply(409, { statusCode: 409, code: 'stale_version', message: 'Năm thi đua vừa được người khác cập nhật (phiên bản 4, bạn sửa phiên bản 3). Vui lòng tải lại để xem thay đổi mới nhất.' }),
      'GET /api/units': page(unitList),
    });
    renderRoute('/block-years/by-2024');
    await findPage('Khối thi đua số 4 – năm 2024');
    await userEvent.click(screen.getByRole('button', { name: 'Sửa bộ quy tắc' }));
    const dialog = await screen.findByRole('dialog', { name: /Sửa bộ quy tắc/ });
    const reviews = within(dialog).getByLabelText('Số đơn vị mỗi đơn vị chấm chéo');
    await userEvent.clear(reviews);
    await userEvent.type(reviews, '3');
    // Meanwhile another officer saved version 4.
    api.on('GET /api/block-years/:id', blockYear2024(board, { version: 4, rules: { ...defaultRules, reviewsPerUnit: 4 } }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText(/vừa được người khác cập nhật \(phiên bản 4, bạn sửa phiên bản 3\)/)).toBeInTheDocument();
    const sent = api.calls('PATCH /api/block-years/:id')[0].body as { version: number; rules: { reviewsPerUnit: number } };
    expect(sent).toMatchObject({ version: 3, rules: { reviewsPerUnit: 3 } });
    expect(await screen.findByText('Mỗi đơn vị chấm chéo 4 đơn vị khác trong khối (không tự chấm mình)')).toBeInTheDocument();
    expect(api.calls('GET /api/block-years/:id').length).toBeGreaterThanOrEqual(2);
  });
});
