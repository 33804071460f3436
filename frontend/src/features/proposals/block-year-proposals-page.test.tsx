import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { blockYear2024, yearRights } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { checklistOf, proposal, summary } from './test-fixtures';

const readOnly = { canManage: false, seat: null, canEditRules: false };

describe('Dossiers of a block year', () => {
  it('lets the leader seat create the year’s dossier and opens it', async () => {
    const created = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null }, { canEdit: true });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id/rights': yearRights(true),
      'GET /api/block-years/:id': blockYear2024({ ...readOnly, seat: 'leader' }),
      'GET /api/proposals': [],
      'POST /api/proposals': created,
      'GET /api/proposals/:id': created,
      'GET /api/proposals/:id/checklist': checklistOf(created),
    });
    const { router } = renderRoute('/block-years/by-2024/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng – Khối thi đua số 4 năm 2024');
    expect(api.calls('GET /api/proposals')[0].query.get('blockYearId')).toBe('by-2024');
    await userEvent.click(await screen.findByRole('button', { name: 'Lập hồ sơ đề nghị' }));
    await waitFor(() => expect(api.calls('POST /api/proposals')).toHaveLength(1));
    expect(api.calls('POST /api/proposals')[0].body).toEqual({ blockYearId: 'by-2024' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/proposals/prop-2024'));
  });

  it('lists the year’s dossier for a member unit, which cannot create one', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id/rights': yearRights(false),
      'GET /api/block-years/:id': blockYear2024(readOnly),
      'GET /api/proposals': [summary({ status: 'returned', dueDate: null, workingDaysLeft: null })],
    });
    renderRoute('/block-years/by-2024/proposals');
    await findPage('Hồ sơ đề nghị khen thưởng – Khối thi đua số 4 năm 2024');
    const row = await screen.findByRole('row', { name: /05\/TTr-KTĐ4/ });
    expect(within(row).getByText('Trả lại')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '05/TTr-KTĐ4' })).toHaveAttribute('href', '/proposals/prop-2024');
    expect(screen.queryByRole('button', { name: 'Lập hồ sơ đề nghị' })).not.toBeInTheDocument();
  });
});
