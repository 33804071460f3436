import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';

const ref = (u: { id: string; name: string }) => ({ unitId: u.id, name: u.name });
const rotation = [units.dukcq, units.dukdn, units.bql, units.lhp, units.dukdh].map(ref);

function seats(patch: Partial<Schemas['SeatSuggestionDto']> = {}): Schemas['SeatSuggestionDto'] {
  return {
    blockYearId: 'by-2024', year: 2024, nextYear: 2025,
    current: { leaderUnitId: units.dukcq.id, leaderUnitName: units.dukcq.name, deputyUnitId: units.dukdn.id, deputyUnitName: units.dukdn.name },
    rotationOrder: rotation,
    suggestion: { leaderUnitId: units.dukdn.id, leaderUnitName: units.dukdn.name, deputyUnitId: units.bql.id, deputyUnitName: units.bql.name, notes: [] },
    election: {
      blockYearId: 'by-2024', conferenceId: 'conf-ye', leaderUnitId: units.dukdn.id, leaderUnitName: units.dukdn.name, deputyUnitId: units.bql.id, deputyUnitName: units.bql.name,
      rotationOrder: rotation, presentCount: 5, memberCount: 5, note: 'Biểu quyết 5/5 đơn vị đồng ý', decidedAt: '2024-12-27T04:30:00.000Z', decidedByName: 'Phạm Quang Huy', version: 1,
    },
    // As the server sends it to the board: it starts next year at any time, and runs no ballot.
    nextYearId: null, canRunBallots: false, canElect: true, canStartNextYear: true,
    ...patch,
  };
}

const TITLE = 'Khởi tạo năm 2025 – Khối thi đua số 4';

describe('Next year page', () => {
  it('shows the elected seats, starts next year on confirm and opens the new year', async () => {
    const year2025 = blockYear2024({ canManage: true, seat: null, canEditRules: true }, { id: 'by-2025', year: 2025, status: 'setup', leaderUnitId: units.dukdn.id, leaderUnitName: units.dukdn.name });
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years/:id/seat-suggestion': seats(),
      'GET /api/block-years/:id': (req) => (req.params.id === 'by-2025' ? year2025 : blockYear2024({ canManage: true, seat: null, canEditRules: true }, { status: 'decided' })),
      'POST /api/block-years/:id/next-year': reply(201, { blockYear: year2025, sourceYearId: 'by-2024', seatsFrom: 'election', schemeId: 'scheme-2025', planDocumentId: 'doc-2025', skippedUnits: [] }),
    });
    const { router } = renderRoute('/block-years/by-2024/next-year');
    await findPage(TITLE);
    expect(screen.getByText('Khối trưởng, Khối phó năm 2025 theo kết quả bầu của hội nghị tổng kết.')).toBeInTheDocument();
    expect(screen.getByText(`Khối trưởng: ${units.dukdn.name} · Khối phó: ${units.bql.name}`, { selector: 'strong' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Khởi tạo năm tiếp theo' }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Khởi tạo năm thi đua 2025?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Khởi tạo năm tiếp theo' }));

    await waitFor(() => expect(api.calls('POST /api/block-years/:id/next-year')).toHaveLength(1));
    expect(api.calls('POST /api/block-years/:id/next-year')[0].params.id).toBe('by-2024');
    await waitFor(() => expect(router.state.location.pathname).toBe('/block-years/by-2025'));
  });

  it('shows the server’s refusal as-is', async () => {
    const message = 'Hội nghị tổng kết năm 2024 chưa bầu Khối trưởng, Khối phó năm 2025; Khối trưởng khởi tạo năm sau sau khi có kết quả bầu (hoặc đề nghị Ban Thi đua – Khen thưởng Thành phố khởi tạo).';
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years/:id/seat-suggestion': seats({ election: null }),
      'GET /api/block-years/:id': blockYear2024({ canManage: true, seat: null, canEditRules: true }, { status: 'decided' }),
      'POST /api/block-years/:id/next-year': reply(409, { statusCode: 409, code: 'seats_not_elected', message }),
    });
    const { router } = renderRoute('/block-years/by-2024/next-year');
    await findPage(TITLE);
    expect(screen.getByText('Hội nghị tổng kết chưa bầu Khối trưởng, Khối phó năm 2025: sẽ dùng đề xuất theo luân phiên.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Khởi tạo năm tiếp theo' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Khởi tạo năm tiếp theo' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.calls('POST /api/block-years/:id/next-year')).toHaveLength(1);
    expect(router.state.location.pathname).toBe('/block-years/by-2024/next-year');
  });

  it('offers the new year instead once it exists, and no start button to an ordinary member', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id/seat-suggestion': seats({ nextYearId: 'by-2025', canElect: false, canStartNextYear: false }),
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: null, canEditRules: false }, { status: 'decided' }),
    });
    renderRoute('/block-years/by-2024/next-year');
    await findPage(TITLE);
    expect(screen.getByText('Năm thi đua tiếp theo đã được khởi tạo.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem năm thi đua tiếp theo' })).toHaveAttribute('href', '/block-years/by-2025');
    expect(screen.queryByRole('button', { name: 'Khởi tạo năm tiếp theo' })).not.toBeInTheDocument();
  });
});
