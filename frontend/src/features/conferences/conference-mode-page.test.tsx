import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { at, attendance, conference, quorumOf } from '../../../test/conferences/fixtures';

const TITLE = 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024';
const quorumBox = () => screen.getByRole('status', { name: 'Số đơn vị có mặt' });

describe('Conference mode', () => {
  it('shows the live quorum in red and disables adopting decisions without it, with the reason', async () => {
    const live = conference();
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': live,
      'GET /api/conferences/:id/quorum': live.quorum,
    });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);

    expect(quorumBox()).toHaveTextContent('Có mặt 3/5 – chưa đủ điều kiện (cần 4, tỷ lệ 2/3)');
    expect(quorumBox()).toHaveAttribute('data-quorum', 'not-met');
    await waitFor(() => expect(api.calls('GET /api/conferences/:id/quorum').length).toBeGreaterThan(0));

    // The stepper is on the plan; only the plan may be adopted here, and not without a quorum.
    expect(screen.getByRole('heading', { name: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', level: 3 })).toBeInTheDocument();
    const decisions = screen.getByRole('region', { name: 'Quyết định của mục' });
    expect(within(decisions).getByRole('button', { name: 'Thông qua kế hoạch' })).toBeDisabled();
    expect(within(decisions).getByText(/Chưa đủ số đơn vị dự họp nên chưa thể biểu quyết thông qua: có mặt 3\/5, cần ít nhất 4 \(2\/3\)/)).toBeInTheDocument();
    expect(within(decisions).queryByRole('button', { name: 'Thông qua quy chế' })).not.toBeInTheDocument();
    // A conclusion needs no quorum.
    expect(within(decisions).getByRole('button', { name: 'Kết luận' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Xong, chuyển mục tiếp' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Bế mạc hội nghị' })).toBeEnabled();
    expect(api.unmatched).toEqual([]);
  });

  it('checks a unit in, turns the indicator green at once, and shows the server’s refusal of a decision', async () => {
    const before = conference();
    const afterAtt = attendance([units.dukcq.id, units.dukdn.id, units.lhp.id, units.bql.id]);
    const after = conference({ attendance: afterAtt, quorum: quorumOf(afterAtt) });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': before,
      'GET /api/conferences/:id/quorum': before.quorum,
      'POST /api/conferences/:id/attendance/:unitId/check-in': () => {
        api.on('GET /api/conferences/:id', after);
        api.on('GET /api/conferences/:id/quorum', after.quorum);
        return reply(201, after);
      },
      // Meanwhile another operator marked a unit absent: the server refuses and says why.
      'POST /api/conferences/:id/decisions': reply(409, { statusCode: 409, code: 'no_quorum', message: 'Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3)' }),
    });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);
    expect(quorumBox()).toHaveTextContent('Có mặt 3/5 – chưa đủ điều kiện');

    const bql = screen.getByRole('radiogroup', { name: `Điểm danh: ${units.bql.name}` });
    expect(screen.getByRole('textbox', { name: `Người dự họp: ${units.bql.name}` })).toHaveValue('Nguyễn Văn Bình – Phó Trưởng ban');
    await userEvent.click(within(bql).getByRole('radio', { name: 'Có mặt' }));

    await waitFor(() => expect(api.calls('POST /api/conferences/:id/attendance/:unitId/check-in')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/attendance/:unitId/check-in')[0]).toMatchObject({
      params: { id: 'conf-2024', unitId: units.bql.id }, body: { presence: 'present', delegateName: 'Nguyễn Văn Bình – Phó Trưởng ban' },
    });
    // Sooner than the next poll: from the check-in's own answer.
    await waitFor(() => expect(quorumBox()).toHaveTextContent('Có mặt 4/5 – đủ điều kiện (cần 4, tỷ lệ 2/3)'), { timeout: 1500 });
    expect(quorumBox()).toHaveAttribute('data-quorum', 'met');

    const decisions = screen.getByRole('region', { name: 'Quyết định của mục' });
    const adopt = within(decisions).getByRole('button', { name: 'Thông qua kế hoạch' });
    expect(adopt).toBeEnabled();
    expect(within(decisions).queryByText(/Chưa đủ số đơn vị dự họp nên/)).not.toBeInTheDocument();
    await userEvent.click(adopt);
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Thông qua kế hoạch: Kế hoạch hoạt động năm 2024 của Khối thi đua số 4?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Thông qua kế hoạch' }));

    await waitFor(() => expect(api.calls('POST /api/conferences/:id/decisions')).toHaveLength(1));
    expect(api.calls('POST /api/conferences/:id/decisions')[0].body).toEqual({ agendaItemId: 'item-1', kind: 'adopt_plan' });
    const refusal = await within(decisions).findByRole('alert');
    expect(refusal).toHaveTextContent('Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3)');
  });

  it('adopting with comments unresolved shows them and asks for a reason, sent with the decision', async () => {
    const att = attendance([units.dukcq.id, units.dukdn.id, units.lhp.id, units.bql.id]);
    const live = conference({ attendance: att, quorum: quorumOf(att) });
    const MESSAGE = 'Còn 1 góp ý chưa xử lý: Trường ĐTCB Lê Hồng Phong (mục hoat-dong): "Đề nghị bổ sung hoạt động về chuyển đổi số". Muốn thông qua khi chưa xử lý hết góp ý, hãy ghi lý do (được lưu vào nhật ký).';
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': live,
      'GET /api/conferences/:id/quorum': live.quorum,
      'POST /api/conferences/:id/decisions': (req) => ((req.body as { reason?: string }).reason
        ? reply(201, live)
        : reply(400, { statusCode: 400, code: 'unresolved_comments', message: MESSAGE, fields: { reason: 'cần ghi lý do thông qua khi còn góp ý chưa xử lý' } })),
    });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);
    const decisions = screen.getByRole('region', { name: 'Quyết định của mục' });
    await userEvent.click(within(decisions).getByRole('button', { name: 'Thông qua kế hoạch' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Thông qua kế hoạch' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thông qua khi còn góp ý chưa xử lý?' });
    expect(within(dialog).getByText(MESSAGE)).toBeInTheDocument();
    const ok = within(dialog).getByRole('button', { name: 'Thông qua kế hoạch' });
    expect(ok).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Lý do thông qua (bắt buộc, ghi vào nhật ký)'), 'Tiếp thu khi triển khai');
    await userEvent.click(ok);
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/decisions')).toHaveLength(2));
    expect(api.calls('POST /api/conferences/:id/decisions')[1].body).toEqual({ agendaItemId: 'item-1', kind: 'adopt_plan', reason: 'Tiếp thu khi triển khai' });
  }, 60_000);

  it('asks for the delegate’s name when a unit that registered nobody is checked in as present, and saves once it is typed', async () => {
    const live = conference({ attendance: attendance([units.dukcq.id], { [units.dukdh.id]: { rsvp: 'pending', rsvpDelegate: '', rsvpByName: null, rsvpAt: null } }) });
    const after = conference({ attendance: attendance([units.dukcq.id], { [units.dukdh.id]: { rsvp: 'pending', rsvpDelegate: '', presence: 'present', delegateName: 'Tạ Minh Đức – Bí thư', checkedInAt: at(2024, 4, 26, 8, 5) } }) });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': live,
      'GET /api/conferences/:id/quorum': live.quorum,
      'POST /api/conferences/:id/attendance/:unitId/check-in': (req) => ((req.body as { delegateName?: string }).delegateName
        ? reply(201, after)
        : reply(400, {
          statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ: delegateName là bắt buộc khi đơn vị có mặt (đơn vị chưa đăng ký người dự họp).',
          fields: { delegateName: 'là bắt buộc khi đơn vị có mặt (đơn vị chưa đăng ký người dự họp)' },
        })),
    });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);
    const group = screen.getByRole('radiogroup', { name: `Điểm danh: ${units.dukdh.name}` });
    await userEvent.click(within(group).getByRole('radio', { name: 'Có mặt' }));
    expect(await screen.findByText('Người dự họp là bắt buộc khi đơn vị có mặt (đơn vị chưa đăng ký người dự họp)')).toBeInTheDocument();
    const name = screen.getByRole('textbox', { name: `Người dự họp: ${units.dukdh.name}` });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    // Not saved, so not shown as present.
    expect(within(group).getByRole('radio', { name: 'Có mặt' })).not.toBeChecked();
    expect(api.calls('POST /api/conferences/:id/attendance/:unitId/check-in')[0].body).toEqual({ presence: 'present' });

    await userEvent.type(name, 'Tạ Minh Đức – Bí thư{Enter}');
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/attendance/:unitId/check-in')).toHaveLength(2));
    expect(api.calls('POST /api/conferences/:id/attendance/:unitId/check-in')[1].body).toEqual({ presence: 'present', delegateName: 'Tạ Minh Đức – Bí thư' });
    await waitFor(() => expect(within(group).getByRole('radio', { name: 'Có mặt' })).toBeChecked());
    expect(quorumBox()).toHaveTextContent('Có mặt 2/5');
  });

  it('lets the leader open a planned session after confirming', async () => {
    const planned = conference({ status: 'planned', openedAt: null, agenda: conference().agenda.map((i) => ({ ...i, status: 'pending' as const })) });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': planned,
      'GET /api/conferences/:id/quorum': planned.quorum,
      'POST /api/conferences/:id/open': () => reply(201, conference()),
    });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);
    expect(screen.getByText(/Hội nghị chưa khai mạc/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bế mạc hội nghị' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Khai mạc hội nghị' }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Khai mạc hội nghị' }));
    await waitFor(() => expect(api.calls('POST /api/conferences/:id/open')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Bế mạc hội nghị' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xong, chuyển mục tiếp' })).toBeInTheDocument();
  });

  it('shows a member unit the meeting read-only', async () => {
    const live = conference({ permissions: { canRun: false, canReplyForUnitId: null } });
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/conferences/:id': live, 'GET /api/conferences/:id/quorum': live.quorum });
    renderRoute('/conferences/conf-2024/live');
    await findPage(TITLE);
    expect(screen.getByText(/Bạn đang xem ở chế độ chỉ đọc/)).toBeInTheDocument();
    expect(quorumBox()).toHaveTextContent('Có mặt 3/5');
    expect(screen.queryByRole('button', { name: /Thông qua|Kết luận|Xong, chuyển|Bế mạc|Khai mạc/ })).not.toBeInTheDocument();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
  });
});
