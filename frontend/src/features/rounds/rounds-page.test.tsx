import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, yearRights } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { at, leaderRound } from './test-fixtures';

/** Date pickers take a pasted "hh:mm dd/mm/yyyy" (typing it key by key is slow in jsdom). */
async function typeDate(input: HTMLElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
  await userEvent.keyboard('{Enter}');
}

const summary = (patch: Partial<Schemas['RoundSummaryDto']> = {}): Schemas['RoundSummaryDto'] => ({
  id: 'round-2024', blockYearId: 'by-2024', kind: 'year_end', title: 'Chấm điểm thi đua năm 2024', phase: 'finalised', phaseLabel: 'Đã hoàn tất',
  selfAssessmentUntil: at(2024, 12, 10, 17), finalisedAt: at(2025, 1, 8, 15), ...patch,
});
const scheme = (patch: Partial<Schemas['SchemeSummaryDto']> = {}): Schemas['SchemeSummaryDto'] => ({
  id: 'scheme-2024', blockYearId: 'by-2024', versionNo: 2, title: 'Biểu chấm điểm thi đua năm 2024', totalMax: 100, status: 'frozen', frozenAt: at(2024, 6, 1), criteriaCount: 14,
  basedOnId: null, basedOn: null, rounds: [], valid: true, problemCount: 0, version: 3, permissions: { canEdit: false, canCreateVersion: true }, ...patch,
});

describe('Scoring rounds of a block year', () => {
  it('lists the rounds with kind, phase and deadline in Vietnamese; a member unit cannot open one', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/notifications': [],
      'GET /api/block-years/:id/rights': yearRights(false),
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: null, canEditRules: false }),
      'GET /api/rounds': [summary({ id: 'round-mid', kind: 'mid_year', title: 'Chấm điểm thi đua 6 tháng đầu năm 2024', phase: 'review', phaseLabel: 'Chấm chéo, thẩm định', selfAssessmentUntil: at(2024, 6, 25, 17), finalisedAt: null }), summary()],
    });
    renderRoute('/block-years/by-2024/rounds');
    await findPage('Các đợt chấm điểm');
    const table = await screen.findByRole('table', { name: 'Các đợt chấm điểm' });
    const mid = within(table).getByRole('row', { name: /6 tháng đầu năm 2024/ });
    expect(within(mid).getByText('6 tháng đầu năm')).toBeInTheDocument();
    expect(within(mid).getByText('Chấm chéo, thẩm định')).toBeInTheDocument();
    expect(within(mid).getByText('25/06/2024')).toBeInTheDocument();
    expect(within(mid).getByRole('link', { name: 'Chấm điểm thi đua 6 tháng đầu năm 2024' })).toHaveAttribute('href', '/rounds/round-mid');
    const end = within(table).getByRole('row', { name: /Chấm điểm thi đua năm 2024/ });
    expect(within(end).getByText('Cuối năm')).toBeInTheDocument();
    expect(within(end).getByText('Hoàn tất')).toBeInTheDocument();
    expect(within(end).getByText('08/01/2025')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mở đợt chấm điểm' })).not.toBeInTheDocument();
  });

  it('lets the leader seat open a round: the kind already used is offered no more, the scheme and the deadlines go to the server', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/notifications': [],
      'GET /api/block-years/:id/rights': yearRights(true),
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: 'leader', canEditRules: false }),
      'GET /api/rounds': [summary({ kind: 'mid_year', title: 'Chấm điểm thi đua 6 tháng đầu năm 2024', phase: 'finalised' })],
      'GET /api/scoring-schemes': [scheme(), scheme({ id: 'scheme-empty', versionNo: 3, title: 'Bản nháp', status: 'draft', criteriaCount: 0 })],
      'POST /api/rounds': () => reply(201, leaderRound({ id: 'round-new' })),
      'GET /api/rounds/:id': leaderRound({ id: 'round-new' }),
      'GET /api/rounds/:id/progress': { roundId: 'round-new', phase: 'self_assessment', now: at(2024, 11, 25), units: [] },
      'GET /api/rounds/:id/targets': [],
      'GET /api/rounds/:id/assignments': { roundId: 'round-new', seed: null, reviewsPerUnit: 2, assignments: [] },
    });
    const { router } = renderRoute('/block-years/by-2024/rounds');
    await findPage('Các đợt chấm điểm');
    await userEvent.click(await screen.findByRole('button', { name: 'Mở đợt chấm điểm' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mở đợt chấm điểm' });
    // Year-end is the one left; the scheme with criteria is chosen.
    expect(within(dialog).getByTitle('Cuối năm')).toBeInTheDocument();
    expect(await within(dialog).findByTitle('Biểu chấm điểm thi đua năm 2024 – bản số 2 (đã đóng băng, 14 tiêu chí, thang 100 điểm)')).toBeInTheDocument();
    expect(within(dialog).getByPlaceholderText('Chấm điểm thi đua năm 2024')).toBeInTheDocument();

    await typeDate(within(dialog).getByLabelText('Hạn nộp bản tự chấm'), '17:00 10/12/2030');
    await typeDate(within(dialog).getByLabelText('Hạn chấm chéo, thẩm định'), '17:00 20/12/2030');
    await typeDate(within(dialog).getByLabelText('Hạn giải trình'), '17:00 27/12/2030');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mở đợt chấm điểm' }));

    await waitFor(() => expect(api.calls('POST /api/rounds')).toHaveLength(1));
    const body = api.calls('POST /api/rounds')[0].body as Record<string, string>;
    expect(body).toMatchObject({ blockYearId: 'by-2024', kind: 'year_end', schemeId: 'scheme-2024' });
    expect(body.title).toBeUndefined();
    expect(new Date(body.selfAssessmentUntil).getTime()).toBe(new Date(2030, 11, 10, 17).getTime());
    expect(new Date(body.reviewUntil).getTime()).toBe(new Date(2030, 11, 20, 17).getTime());
    expect(new Date(body.explanationUntil).getTime()).toBe(new Date(2030, 11, 27, 17).getTime());
    await waitFor(() => expect(router.state.location.pathname).toBe('/rounds/round-new'));
  }, 90_000);

  it('shows the server’s refusal of an incomplete scheme', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/notifications': [],
      'GET /api/block-years/:id/rights': yearRights(true),
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: 'leader', canEditRules: false }),
      'GET /api/rounds': [],
      'GET /api/scoring-schemes': [scheme({ status: 'draft', frozenAt: null })],
      'POST /api/rounds': reply(409, { statusCode: 409, code: 'scheme_invalid', message: 'Biểu chấm điểm chưa hoàn chỉnh nên chưa mở đợt chấm được: tổng điểm các nhóm (90) khác tổng điểm của biểu (100).' }),
    });
    renderRoute('/block-years/by-2024/rounds');
    await findPage('Các đợt chấm điểm');
    expect(await screen.findByText(/Đơn vị bạn giữ ghế Khối trưởng nên được mở đợt chấm điểm/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mở đợt chấm điểm' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mở đợt chấm điểm' });
    await within(dialog).findByTitle(/bản số 2 \(dự thảo/);
    await typeDate(within(dialog).getByLabelText('Hạn nộp bản tự chấm'), '17:00 25/06/2030');
    await typeDate(within(dialog).getByLabelText('Hạn chấm chéo, thẩm định'), '17:00 05/07/2030');
    await typeDate(within(dialog).getByLabelText('Hạn giải trình'), '17:00 12/07/2030');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mở đợt chấm điểm' }));
    await waitFor(() => expect(api.calls('POST /api/rounds')).toHaveLength(1));
    expect((api.calls('POST /api/rounds')[0].body as { kind: string }).kind).toBe('mid_year');
    expect(await screen.findByText(/tổng điểm các nhóm \(90\) khác tổng điểm của biểu \(100\)/)).toBeInTheDocument();
  }, 90_000);
});


