import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { summary } from './test-fixtures';

const quota = {
  year: 2024,
  usage: [
    { code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', limit: 3, pending: 2, decided: 2, used: 4, remaining: -1, over: true },
    { code: 'city_merit', name: 'Bằng khen của Chủ tịch UBND Thành phố', limit: 40, pending: 5, decided: 10, used: 15, remaining: 25, over: false },
  ],
  breaches: [{ scope: 'city_quota', code: 'city_flag', kind: 'count', unitIds: [], message: 'Cờ thi đua của UBND Thành phố: đã dùng 4, vượt chỉ tiêu toàn Thành phố (3).' }],
};
const setting = { year: 2024, appraisalWorkingDays: 25, isDefault: true, version: 0, updatedAt: null };

describe('The board’s inbox of dossiers', () => {
  it('shows each dossier’s status, submitted and due date with an overdue marker, and the city-wide quota use with its breach', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals': [
        summary({ status: 'under_appraisal', dueDate: '2025-02-10', workingDaysLeft: -3, overdue: true }),
        summary({ id: 'prop-5', blockId: 'block-5', blockCode: 'KTĐ5', blockName: 'Khối thi đua số 5', status: 'submitted', submittedAt: '2025-01-06T02:00:00.000Z', dueDate: '2025-02-14', workingDaysLeft: 4, nomineeCount: 3 }),
      ],
      'GET /api/proposals/quota-use': quota,
      'GET /api/proposals/settings': setting,
      'PATCH /api/proposals/settings': { ...setting, appraisalWorkingDays: 20, isDefault: false, version: 1 },
    });
    renderRoute('/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng');

    const late = await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(within(late).getByText('Đang thẩm định')).toBeInTheDocument();
    expect(within(late).getByText('30/12/2024')).toBeInTheDocument();
    expect(within(late).getByText('10/02/2025')).toBeInTheDocument();
    expect(within(late).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(late).getByRole('link', { name: 'Khối thi đua số 4' })).toHaveAttribute('href', '/proposals/prop-2024');
    const onTime = screen.getByRole('row', { name: /Khối thi đua số 5/ });
    expect(within(onTime).getByText('Đã trình')).toBeInTheDocument();
    expect(within(onTime).getByText('14/02/2025')).toBeInTheDocument();
    expect(within(onTime).queryByText('Quá hạn')).not.toBeInTheDocument();
    expect(within(onTime).getByText('3')).toBeInTheDocument();

    // The quota of the latest year in the inbox, the breach highlighted.
    await screen.findByText('Chỉ tiêu khen thưởng toàn Thành phố năm 2024');
    expect(api.calls('GET /api/proposals/quota-use')[0].query.get('year')).toBe('2024');
    const flag = await screen.findByRole('row', { name: /Cờ thi đua của UBND Thành phố/ });
    expect(within(flag).getByText('Vượt chỉ tiêu')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Bằng khen/ })).getByText('Trong chỉ tiêu')).toBeInTheDocument();
    expect(screen.getByText('Cờ thi đua của UBND Thành phố: đã dùng 4, vượt chỉ tiêu toàn Thành phố (3).')).toBeInTheDocument();

    // The board sets the appraisal deadline of the year.
    const days = await screen.findByLabelText('Số ngày làm việc');
    await userEvent.clear(days);
    await userEvent.type(days, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/proposals/settings')).toHaveLength(1));
    expect(api.calls('PATCH /api/proposals/settings')[0].body).toEqual({ appraisalWorkingDays: 20 });
    expect(api.calls('PATCH /api/proposals/settings')[0].query.get('year')).toBe('2024');
  });

  it('keeps the public holidays per year: a year not entered is flagged, and the board enters it', async () => {
    const known = { year: 2024, known: true, knownYears: [2024], days: [{ date: '2024-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] };
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals': [summary({ dueDate: '2025-02-10', workingDaysLeft: 6, calendarMissingYears: [2025] })],
      'GET /api/proposals/quota-use': { year: 2024, usage: [], breaches: [] },
      'GET /api/proposals/settings': setting,
      'GET /api/proposals/work-calendar': (req) => (req.query.get('year') === '2024' ? known : { year: 2025, known: false, knownYears: [2024], days: [] }),
      'PUT /api/proposals/work-calendar': (req) => ({ year: 2025, known: true, knownYears: [2024, 2025], days: (req.body as { days: object[] }).days }),
    });
    renderRoute('/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng');
    // The dossier whose deadline reaches into 2025 says its holidays are not counted yet.
    const row = await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(within(row).getByText('Chưa có lịch nghỉ năm 2025: hạn có thể chưa trừ ngày nghỉ lễ, Tết')).toBeInTheDocument();
    expect(await screen.findByLabelText('Danh sách ngày nghỉ và ngày làm bù năm 2024')).toHaveValue('2024-01-01; nghỉ; Tết Dương lịch');
    expect(await screen.findByText(/Chưa nhập lịch nghỉ năm 2025/)).toBeInTheDocument();
    const next = screen.getByLabelText('Danh sách ngày nghỉ và ngày làm bù năm 2025');
    await userEvent.type(next, '2025-01-01; nghỉ; Tết Dương lịch{enter}2025-01-28; nghỉ; Tết Nguyên đán');
    await userEvent.click(within(next.closest('.ant-card') as HTMLElement).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PUT /api/proposals/work-calendar')).toHaveLength(1));
    const call = api.calls('PUT /api/proposals/work-calendar')[0];
    expect(call.query.get('year')).toBe('2025');
    expect(call.body).toEqual({ days: [{ date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' }, { date: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán' }] });
  });

  it('filters by status and year', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals': [summary()],
      'GET /api/proposals/quota-use': { year: 2024, usage: [], breaches: [] },
      'GET /api/proposals/settings': setting,
    });
    renderRoute('/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng');
    await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    const status = await openSelect(document.body, 'Trạng thái');
    await status.choose('Trả lại');
    await waitFor(() => expect(api.calls('GET /api/proposals').some((c) => c.query.get('status') === 'returned')).toBe(true));
    const year = await openSelect(document.body, 'Năm');
    await year.choose('2024');
    await waitFor(() => expect(api.calls('GET /api/proposals').some((c) => c.query.get('status') === 'returned' && c.query.get('year') === '2024')).toBe(true));
  });

  it('shows a unit its own blocks’ dossiers without the board’s quota and setting', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/proposals': [summary({ status: 'decided', dueDate: null, workingDaysLeft: null })] });
    renderRoute('/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng');
    const row = await screen.findByRole('row', { name: /Khối thi đua số 4/ });
    expect(within(row).getByText('Đã có quyết định')).toBeInTheDocument();
    expect(screen.queryByText(/Chỉ tiêu khen thưởng toàn Thành phố/)).not.toBeInTheDocument();
    expect(api.calls('GET /api/proposals/quota-use')).toHaveLength(0);
  });
});
