import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { agenda, at, attendance, conference, minutes } from '../../../test/conferences/fixtures';

const TITLE_2024 = 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024';
const TITLE_2025 = 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2025';

/** The 2025 launch conference, planned; Lê Hồng Phong has not answered yet. */
const planned2025 = (patch: Parameters<typeof conference>[0] = {}) => conference({
  id: 'conf-2025', blockYearId: 'by-2025', year: 2025, title: TITLE_2025, status: 'planned', openedAt: null, startsAt: at(2025, 5, 12, 8), endsAt: at(2025, 5, 12, 11),
  agenda: agenda(99).map((i) => ({ ...i, status: 'pending' as const, title: i.title.replace('2024', '2025') })),
  attendance: attendance([], { [units.lhp.id]: { rsvp: 'pending', rsvpDelegate: '', rsvpByName: null, rsvpAt: null } }),
  permissions: { canRun: false, canReplyForUnitId: units.lhp.id },
  ...patch,
});

/** The 2024 conference, concluded: everyone was present, every decision recorded. */
const concluded2024 = () => conference({
  status: 'concluded', closedAt: at(2024, 4, 26, 10, 30), agenda: agenda(99), attendance: attendance(Object.values(units).map((u) => u.id)), minutesStatus: 'draft',
  decisions: [{ id: 'd1', agendaItemId: 'item-1', kind: 'adopt_plan', refId: 'plan-v2024', text: 'Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024 của Khối thi đua số 4.', presentCount: 5, memberCount: 5, quorumMet: true, createdAt: at(2024, 4, 26, 8, 45), createdByName: 'Phạm Quang Huy' }],
});

describe('Conference page: invitations', () => {
  it("lets a member unit's officer confirm who attends, and shows the reply", async () => {
    const before = planned2025();
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/conferences/:id': before,
      'POST /api/conferences/:id/invitations/:unitId/reply': (req) => {
        const body = req.body as { response: 'confirmed'; delegate: string };
        const after = planned2025({ attendance: attendance([], { [units.lhp.id]: { rsvp: body.response, rsvpDelegate: body.delegate, rsvpByName: 'Đỗ Thị Hạnh', rsvpAt: at(2025, 4, 28, 9) } }) });
        api.on('GET /api/conferences/:id', after);
        return reply(201, after);
      },
    });
    renderRoute('/conferences/conf-2025');
    await findPage(TITLE_2025);
    // A member neither runs nor edits the conference.
    expect(screen.queryByRole('button', { name: 'Điều hành hội nghị' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Thêm mục|Sửa thông tin|Hủy hội nghị/ })).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Xác nhận tham dự' });
    expect(within(form).getByRole('radio', { name: 'Tham dự' })).toBeChecked();
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi xác nhận' }));
    expect(await within(form).findByText('Người dự họp không được để trống')).toBeInTheDocument();
    expect(api.calls('POST /api/conferences/:id/invitations/:unitId/reply')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText('Người dự họp'), 'Vũ Đức Thành – Hiệu trưởng');
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi xác nhận' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/invitations/:unitId/reply')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/invitations/:unitId/reply')[0]).toMatchObject({
      params: { id: 'conf-2025', unitId: units.lhp.id }, body: { response: 'confirmed', delegate: 'Vũ Đức Thành – Hiệu trưởng' },
    });
    expect(await screen.findByText('Đã gửi xác nhận của đơn vị.')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Trường Đào tạo cán bộ Lê Hồng Phong/ });
    expect(within(row).getByText('Xác nhận tham dự')).toBeInTheDocument();
    expect(within(row).getByText('Vũ Đức Thành – Hiệu trưởng')).toBeInTheDocument();
    expect(within(row).getByText('Đơn vị bạn')).toBeInTheDocument();
  });

  it('sends a decline without a delegate', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/conferences/:id': planned2025(),
      'POST /api/conferences/:id/invitations/:unitId/reply': planned2025(),
    });
    renderRoute('/conferences/conf-2025');
    await findPage(TITLE_2025);
    const form = screen.getByRole('form', { name: 'Xác nhận tham dự' });
    await userEvent.click(within(form).getByRole('radio', { name: 'Báo vắng' }));
    expect(within(form).queryByLabelText('Người dự họp')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Gửi xác nhận' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/invitations/:unitId/reply')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/invitations/:unitId/reply')[0].body).toEqual({ response: 'declined' });
  });
});

describe('Conference page: agenda', () => {
  it("lets the leader add an item linked to one of the year's documents, and reorder", async () => {
    const c = planned2025({ permissions: { canRun: true, canReplyForUnitId: units.dukcq.id } });
    const leader2025 = { ...users.leaderOfficer, seats: [{ blockYearId: 'by-2025', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025, seat: 'leader' as const }] };
    const api = stubApi({
      'GET /api/auth/me': leader2025,
      'GET /api/conferences/:id': c,
      'GET /api/block-years/:id': { id: 'by-2025', blockName: 'Khối thi đua số 4', year: 2025, members: [], leaderUnitId: units.dukcq.id, deputyUnitId: units.dukdn.id, status: 'planning' },
      'GET /api/drafts': {
        items: [
          { id: 'doc-plan', blockYearId: 'by-2025', kind: 'plan', docNumber: '01/KH-KTĐ4', latestVersionId: 'plan-v2', adoptedVersionId: null, versions: [
            { id: 'plan-v2', number: 2, status: 'circulated', title: 'Kế hoạch hoạt động năm 2025 của Khối thi đua số 4', createdAt: at(2025, 3, 1), circulatedAt: at(2025, 3, 2), adoptedAt: null, commentCount: 3, openCommentCount: 1 },
          ] },
        ],
        permissions: { canCreate: false },
      },
      'GET /api/covenants': { items: [], permissions: { canCreate: true } },
      'POST /api/conferences/:id/agenda': (req) => reply(201, { ...c, agenda: [...c.agenda, { id: 'item-6', sort: 6, notes: '', status: 'pending', materialTitle: 'Kế hoạch hoạt động năm 2025 của Khối thi đua số 4', ...(req.body as object) }] }),
      'POST /api/conferences/:id/agenda/reorder': c,
    });
    renderRoute('/conferences/conf-2025');
    await findPage(TITLE_2025);
    // The leader's own unit may also answer its invitation.
    expect(screen.getByRole('form', { name: 'Xác nhận tham dự' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Điều hành hội nghị' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '+ Thêm mục' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm mục chương trình' });
    await userEvent.type(within(dialog).getByLabelText('Nội dung'), 'Thông qua Kế hoạch hoạt động năm 2025');
    await userEvent.type(within(dialog).getByLabelText('Người trình bày'), 'Đồng chí Khối trưởng');
    const select = await openSelect(dialog, 'Tài liệu gắn kèm');
    await waitFor(() => expect(select.names()).toEqual(['01/KH-KTĐ4 · v2 (đang xin ý kiến) – Kế hoạch hoạt động năm 2025 của Khối thi đua số 4']));
    await select.choose('01/KH-KTĐ4 · v2 (đang xin ý kiến) – Kế hoạch hoạt động năm 2025 của Khối thi đua số 4');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/agenda')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/agenda')[0].body).toEqual({
      title: 'Thông qua Kế hoạch hoạt động năm 2025', presenter: 'Đồng chí Khối trưởng', materialKind: 'plan_version', materialId: 'plan-v2',
    });
    expect(await screen.findByText('Thông qua Kế hoạch hoạt động năm 2025')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Chuyển xuống: Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2025' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/agenda/reorder')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/agenda/reorder')[0].body).toEqual({ itemIds: ['item-2', 'item-1', 'item-3', 'item-4', 'item-5', 'item-6'] });
  });
});

describe('Conference page: minutes', () => {
  it('shows the draft with the approvals so far, approves as secretary, and then shows it frozen with its SHA-256', async () => {
    const hash = 'a3f1c9e07b5d4e2f8a6b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f';
    const draft = minutes({ chairApproval: { accountId: 'acc-head-dukcq', name: 'Trịnh Văn Khải', at: at(2024, 4, 26, 11, 5) } });
    const approved = minutes({ ...draft, status: 'approved', version: 3, canEdit: false, canApproveAs: [], contentHash: hash, secretaryApproval: { accountId: 'acc-dukcq', name: 'Phạm Quang Huy', at: at(2024, 4, 26, 11, 10) } });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': concluded2024(),
      'GET /api/conferences/:id/minutes': draft,
      'POST /api/conferences/:id/minutes/approve': () => {
        api.on('GET /api/conferences/:id/minutes', approved);
        return reply(201, approved);
      },
    });
    renderRoute('/conferences/conf-2024');
    await findPage(TITLE_2024);
    // The signed-in officer is the secretary the minutes name: the chair's button is not theirs.
    // A concluded conference is no longer run from conference mode.
    expect(screen.queryByRole('button', { name: 'Điều hành hội nghị' })).not.toBeInTheDocument();
    expect(screen.getByText(/Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024 của Khối thi đua số 4\.$/)).toBeInTheDocument();

    const section = await screen.findByRole('group', { name: 'Biên bản hội nghị' });
    expect(screen.getByText('Số: 01/BB-KTĐ4')).toBeInTheDocument();
    expect(screen.getByText('Có mặt 5/5 đơn vị thành viên – đủ điều kiện (cần 4, tỷ lệ 2/3)')).toBeInTheDocument();
    expect(within(section).getByText('Trịnh Văn Khải đã duyệt lúc 11:05 26/04/2024')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Chủ trì duyệt' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sửa biên bản' })).toBeInTheDocument();

    await userEvent.click(within(section).getByRole('button', { name: 'Thư ký duyệt' }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Duyệt biên bản với tư cách thư ký?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Duyệt' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/minutes/approve')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/minutes/approve')[0].body).toEqual({ as: 'secretary', version: 2 });

    expect(await screen.findByText('Biên bản đã được chủ trì và thư ký thông qua và khóa nội dung.')).toBeInTheDocument();
    expect(screen.getByText(hash)).toBeInTheDocument();
    expect(within(section).getByText('Phạm Quang Huy đã duyệt lúc 11:10 26/04/2024')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa biên bản|Lập lại từ hội nghị|Chủ trì duyệt|Thư ký duyệt/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải biên bản .docx' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải biên bản .pdf' })).toBeInTheDocument();
  });

  it('shows the server message and reloads when the minutes changed meanwhile (409)', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': concluded2024(),
      'GET /api/conferences/:id/minutes': minutes(),
      'POST /api/conferences/:id/minutes/approve': () => {
        api.on('GET /api/conferences/:id/minutes', minutes({ version: 3, content: { ...minutes().content, conclusion: 'Kết luận do người khác vừa bổ sung.' } }));
        return reply(409, { statusCode: 409, code: 'stale_version', message: 'Biên bản đã được người khác cập nhật. Vui lòng tải lại.' });
      },
    });
    renderRoute('/conferences/conf-2024');
    await findPage(TITLE_2024);
    await userEvent.click(await screen.findByRole('button', { name: 'Thư ký duyệt' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Duyệt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Biên bản vừa được người khác thay đổi' });
    expect(within(dialog).getByText('Biên bản đã được người khác cập nhật. Vui lòng tải lại.')).toBeInTheDocument();
    expect(await screen.findByText('Kết luận do người khác vừa bổ sung.')).toBeInTheDocument();
    expect(api.calls('GET /api/conferences/:id/minutes').length).toBeGreaterThanOrEqual(2);
  });

  it('edits the draft sending the version it read and no quorum (the server recomputes it)', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': concluded2024(),
      'GET /api/conferences/:id/minutes': minutes(),
      'PATCH /api/conferences/:id/minutes': (req) => minutes({ version: 3, content: { ...minutes().content, ...((req.body as { content: object }).content) } }),
    });
    renderRoute('/conferences/conf-2024');
    await findPage(TITLE_2024);
    await userEvent.click(await screen.findByRole('button', { name: 'Sửa biên bản' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa dự thảo biên bản 01/BB-KTĐ4' });
    await userEvent.type(within(dialog).getByLabelText('Kết luận chung'), 'Các đơn vị căn cứ Kế hoạch của Khối để phát động phong trào thi đua.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/conferences/:id/minutes')).toHaveLength(1));
    const body = api.calls('PATCH /api/conferences/:id/minutes')[0].body as { version: number; content: Record<string, unknown> };
    expect(body.version).toBe(2);
    expect(body.content).not.toHaveProperty('quorum');
    expect(body.content).toMatchObject({
      conclusion: 'Các đơn vị căn cứ Kế hoạch của Khối để phát động phong trào thi đua.',
      place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
      chair: { unit: units.dukcq.name, seat: 'leader' },
      startedAt: minutes().content.startedAt,
    });
    expect((body.content.attendees as unknown[])).toHaveLength(5);
    expect(await screen.findByText('Các đơn vị căn cứ Kế hoạch của Khối để phát động phong trào thi đua.')).toBeInTheDocument();
  });

  it('downloads the minutes as .docx', async () => {
    const createObjectURL = jest.fn(() => 'blob:bien-ban');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/conferences/:id': { ...concluded2024(), minutesStatus: 'approved', permissions: { canRun: false, canReplyForUnitId: null } },
      'GET /api/conferences/:id/minutes': minutes({ status: 'approved', canEdit: false, canApproveAs: [], contentHash: 'ab'.repeat(32) }),
      'GET /api/conferences/:id/minutes/export': reply(200, 'docx-bytes', { 'content-disposition': "attachment; filename=\"bien-ban.docx\"; filename*=UTF-8''bien-ban-hoi-nghi-KT%C4%904-2024-04-26.docx" }),
    });
    renderRoute('/conferences/conf-2024');
    await findPage(TITLE_2024);
    await userEvent.click(await screen.findByRole('button', { name: 'Tải biên bản .docx' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.calls('GET /api/conferences/:id/minutes/export')[0].query.get('format')).toBe('docx');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('bien-ban-hoi-nghi-KTĐ4-2024-04-26.docx');
    click.mockRestore();
  });
});
