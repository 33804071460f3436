import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, units, yearRights } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { at, conference } from '../../../test/conferences/fixtures';
import { renderComponent } from '../../../test/conferences/render-component';
import { UpcomingConferences } from './upcoming-conferences';

const readOnly = { canManage: false, seat: null, canEditRules: false };
const summary = (patch: Partial<Schemas['ConferenceSummaryDto']> = {}): Schemas['ConferenceSummaryDto'] => ({
  id: 'conf-2024', blockYearId: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, kind: 'launch',
  title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024', startsAt: at(2024, 4, 26, 8), endsAt: at(2024, 4, 26, 11),
  place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố', status: 'concluded', chairUnitName: units.dukcq.name, confirmedCount: 5, memberCount: 5, minutesStatus: 'approved',
  ...patch,
});

describe('Conferences of a block year', () => {
  it('lists them with kind, time hh:mm dd/mm/yyyy, place and status; a member unit cannot create one', async () => {
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/block-years/:id/rights': yearRights(false), 'GET /api/block-years/:id': blockYear2024(readOnly), 'GET /api/conferences': [summary()] });
    renderRoute('/block-years/by-2024/conferences');
    await findPage('Hội nghị – Khối thi đua số 4 năm 2024');
    const row = await screen.findByRole('row', { name: /Hội nghị triển khai kế hoạch thi đua/ });
    expect(within(row).getByText('Triển khai, ký kết giao ước')).toBeInTheDocument();
    expect(within(row).getByText('08:00 26/04/2024')).toBeInTheDocument();
    expect(within(row).getByText('Hội trường Đảng ủy Khối các cơ quan Thành phố')).toBeInTheDocument();
    expect(within(row).getByText('Đã kết thúc')).toBeInTheDocument();
    expect(within(row).getByText('Biên bản đã thông qua')).toBeInTheDocument();
    expect(within(row).getByText('5/5 đơn vị')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /Hội nghị triển khai/ })).toHaveAttribute('href', '/conferences/conf-2024');
    expect(screen.queryByRole('button', { name: 'Tạo hội nghị' })).not.toBeInTheDocument();
  });

  it('lets the leader seat create one: chair and co-chair default to leader and deputy; the server’s field errors show under the fields', async () => {
    let attempt = 0;
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id/rights': yearRights(true),
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: 'leader', canEditRules: false }),
      'GET /api/conferences': [],
      'POST /api/conferences': () => (++attempt === 1
        ? reply(400, { statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ: endsAt phải sau thời điểm bắt đầu (startsAt).', fields: { endsAt: 'phải sau thời điểm bắt đầu (startsAt)' } })
        : reply(201, conference({ status: 'planned' }))),
      'GET /api/conferences/:id': conference({ status: 'planned' }),
    });
    const { router } = renderRoute('/block-years/by-2024/conferences');
    await findPage('Hội nghị – Khối thi đua số 4 năm 2024');
    await userEvent.click(await screen.findByRole('button', { name: 'Tạo hội nghị' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tạo hội nghị' });
    expect(within(dialog).getByLabelText('Tên hội nghị')).toHaveValue('Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024');

    await userEvent.type(within(dialog).getByLabelText('Thời gian bắt đầu'), '08:00 26/04/2024{Enter}');
    await userEvent.type(within(dialog).getByLabelText('Dự kiến kết thúc'), '07:00 26/04/2024{Enter}');
    await userEvent.type(within(dialog).getByLabelText('Địa điểm'), 'Hội trường Đảng ủy Khối các cơ quan Thành phố');
    await userEvent.click(within(dialog).getByRole('button', { name: '+ Thêm đại diện Ban Thi đua – Khen thưởng TP' }));
    await userEvent.type(within(dialog).getByLabelText('Họ và tên 1'), 'Nguyễn Thị Minh Ngọc');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('POST /api/conferences')).toHaveLength(1));
    const body = api.calls('POST /api/conferences')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({
      blockYearId: 'by-2024', kind: 'launch', place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố', chairUnitId: units.dukcq.id, coChairUnitId: units.dukdn.id,
      guests: [{ name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội' }],
    });
    expect(body.startsAt).toMatch(/^2024-04-26T08:00:00(Z|[+-]\d\d:\d\d)$/);
    expect(new Date(body.startsAt as string).getTime()).toBe(new Date(2024, 3, 26, 8).getTime());
    expect(await within(dialog).findByText('Dự kiến kết thúc phải sau thời điểm bắt đầu (startsAt)')).toBeInTheDocument();

    // Fixed: the new conference opens.
    const end = within(dialog).getByLabelText('Dự kiến kết thúc');
    await userEvent.clear(end);
    await userEvent.type(end, '11:00 26/04/2024{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/conferences/conf-2024'));
  });

  it('shows the leader and deputy units as chair and co-chair by default, and offers the members', async () => {
    stubApi({ 'GET /api/auth/me': users.leaderOfficer, 'GET /api/block-years/:id/rights': yearRights(true), 'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: 'leader', canEditRules: false }), 'GET /api/conferences': [] });
    renderRoute('/block-years/by-2024/conferences');
    await findPage('Hội nghị – Khối thi đua số 4 năm 2024');
    await userEvent.click(await screen.findByRole('button', { name: 'Tạo hội nghị' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tạo hội nghị' });
    expect(within(dialog).getByTitle(units.dukcq.name)).toBeInTheDocument();
    expect(within(dialog).getByTitle(units.dukdn.name)).toBeInTheDocument();
    const select = await openSelect(dialog, 'Đơn vị đồng chủ trì');
    expect(select.names()).toContain(units.dukdn.name);
    await select.choose(units.lhp.name);
    expect(within(dialog).getByTitle(units.lhp.name)).toBeInTheDocument();
  });
});

describe('Upcoming conferences card', () => {
  it("shows each upcoming conference with the unit's own answer", async () => {
    stubApi({
      'GET /api/conferences/upcoming': [
        { ...summary({ id: 'conf-2025', year: 2025, title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2025', startsAt: at(2025, 5, 12, 8), status: 'planned', confirmedCount: 2, minutesStatus: null }), myUnitId: units.lhp.id, myRsvp: 'pending', myDelegate: '' },
        { ...summary({ id: 'conf-x', year: 2025, kind: 'extraordinary', title: 'Hội nghị bất thường', startsAt: at(2025, 6, 2, 14), status: 'planned', confirmedCount: 3, minutesStatus: null }), myUnitId: units.lhp.id, myRsvp: 'confirmed', myDelegate: 'Vũ Đức Thành – Hiệu trưởng' },
      ],
    });
    renderComponent(<UpcomingConferences />);
    const first = await screen.findByRole('listitem', { name: /năm 2025/ });
    expect(within(first).getByRole('link')).toHaveAttribute('href', '/conferences/conf-2025');
    expect(within(first).getByText(/08:00 12\/05\/2025/)).toBeInTheDocument();
    expect(within(first).getByText('Chưa xác nhận tham dự')).toBeInTheDocument();
    expect(within(first).getByText(/2\/5 đơn vị đã xác nhận/)).toBeInTheDocument();
    const second = screen.getByRole('listitem', { name: 'Hội nghị bất thường' });
    expect(within(second).getByText('Đã xác nhận: Vũ Đức Thành – Hiệu trưởng')).toBeInTheDocument();
  });

  it('says when there is none', async () => {
    stubApi({ 'GET /api/conferences/upcoming': [] });
    renderComponent(<UpcomingConferences />);
    expect(await screen.findByText('Không có hội nghị sắp tới.')).toBeInTheDocument();
  });
});
