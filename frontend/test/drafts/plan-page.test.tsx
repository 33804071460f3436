import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../fetch-stub';
import { units } from '../fixtures';
import { findPage, openSelect, renderRoute, users } from '../render';
import { comment, draftList, planProgress, planSections, planVersion, yearOf } from './fixtures';

const sectionNamed = (heading: string) => screen.getByRole('region', { name: heading });

describe('Annual plan page', () => {
  it("lets the leader edit a section in place, sending its rev, and on a 409 shows the server's message and the newer text", async () => {
    const draft = planVersion({}, { canEdit: true, canCirculate: true });
    const stale = 'Mục "III. NỘI DUNG THI ĐUA" vừa được sửa bởi Lê Minh Tuấn (lần sửa 4, bạn đang sửa lần 3). Vui lòng tải lại để xem nội dung mới nhất rồi sửa tiếp.';
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': yearOf('leader'),
      'GET /api/drafts': draftList([draft]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': draft,
      'PATCH /api/drafts/versions/:id/sections/:key': () => {
        // Meanwhile the deputy saved the same section.
        const sections = planSections().map((s) => (s.key === 'noi-dung' ? { ...s, body: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị; chào mừng 70 năm giải phóng Thủ đô.', rev: 4, updatedByName: 'Lê Minh Tuấn' } : s));
        api.on('GET /api/drafts/versions/:id', { ...draft, sections });
        return reply(409, { statusCode: 409, code: 'stale_version', message: stale });
      },
    });
    renderRoute('/block-years/by-2024/plan');
    await findPage('Kế hoạch hoạt động của Khối');
    expect(await screen.findByRole('heading', { name: 'KẾ HOẠCH' })).toBeInTheDocument();
    expect(screen.getByText('Bản dự thảo: chỉ đơn vị Khối trưởng, Khối phó xem và sửa. Sửa từng mục tại chỗ; khi xong, bấm “Gửi xin ý kiến”.')).toBeInTheDocument();

    const section = sectionNamed('III. NỘI DUNG THI ĐUA');
    await userEvent.click(within(section).getByRole('button', { name: 'Sửa mục: III. NỘI DUNG THI ĐUA' }));
    const body = await within(section).findByRole('textbox', { name: 'Nội dung mục' }); // the editor loads on first use
    await userEvent.clear(body);
    await userEvent.paste('Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.');
    await userEvent.click(within(section).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('PATCH /api/drafts/versions/:id/sections/:key')).toHaveLength(1));
    const [call] = api.calls('PATCH /api/drafts/versions/:id/sections/:key');
    expect(call.params).toEqual({ id: 'pv-2', key: 'noi-dung' });
    expect(call.body).toEqual({ heading: 'III. NỘI DUNG THI ĐUA', body: 'Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.', rev: 3 });

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent(stale);
    // The editor now holds the deputy's text; what the leader typed is kept beside it, not saved over it.
    await waitFor(() => expect(within(section).getByRole('textbox', { name: 'Nội dung mục' })).toHaveValue('Thi đua hoàn thành xuất sắc nhiệm vụ chính trị; chào mừng 70 năm giải phóng Thủ đô.'));
    expect(alert).toHaveTextContent('Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.');
    expect(api.calls('PATCH /api/drafts/versions/:id/sections/:key')).toHaveLength(1);

    // Saving again now sends the newer rev: a deliberate edit over the deputy's text.
    await userEvent.click(within(section).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/drafts/versions/:id/sections/:key')).toHaveLength(2));
    expect(api.calls('PATCH /api/drafts/versions/:id/sections/:key')[1].body).toMatchObject({ rev: 4 });
  });

  it('shows a member the comment threads of a circulated section and lets them reply', async () => {
    const sections = planSections().map((s) => (s.key === 'noi-dung' ? { ...s, commentCount: 2, openCommentCount: 1 } : s));
    const circulated = planVersion({ status: 'circulated', circulatedAt: '2024-04-05T01:00:00.000Z', sections }, { canComment: true });
    const thread = comment({
      id: 'c1', sectionKey: 'noi-dung', body: 'Đề nghị bổ sung nội dung thi đua chuyển đổi số.', unitId: units.bql.id, unitName: units.bql.name, authorName: 'Nguyễn Văn Bình',
      replies: [comment({ id: 'c2', parentId: 'c1', sectionKey: 'noi-dung', body: 'Khối trưởng tiếp thu, sẽ bổ sung ở phiên bản 3.', unitId: units.dukcq.id, unitName: units.dukcq.name, authorName: 'Phạm Quang Huy' })],
    });
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id': yearOf(null),
      'GET /api/drafts': draftList([circulated]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': circulated,
      'GET /api/drafts/versions/:id/comments': [thread],
      'POST /api/drafts/versions/:id/comments': (req) => reply(201, comment({ id: 'c3', parentId: 'c1', sectionKey: 'noi-dung', body: (req.body as { body: string }).body })),
    });
    renderRoute('/block-years/by-2024/plan');
    await findPage('Kế hoạch hoạt động của Khối');
    const section = await screen.findByRole('region', { name: 'III. NỘI DUNG THI ĐUA' });
    // A member neither edits nor resolves.
    expect(screen.queryByRole('button', { name: /^Sửa mục/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Đang xin ý kiến các đơn vị/)).toBeInTheDocument();

    await userEvent.click(within(section).getByRole('button', { name: 'Ý kiến: III. NỘI DUNG THI ĐUA (2 ý kiến, 1 chưa xử lý)' }));
    const threads = await within(section).findByRole('region', { name: 'Ý kiến góp ý mục “III. NỘI DUNG THI ĐUA”' });
    const root = within(threads).getByRole('listitem', { name: `Nguyễn Văn Bình – ${units.bql.name}` });
    expect(within(root).getByText('Đề nghị bổ sung nội dung thi đua chuyển đổi số.')).toBeInTheDocument();
    const answer = within(root).getByRole('listitem', { name: `Phạm Quang Huy – ${units.dukcq.name}` });
    expect(within(answer).getByText('Khối trưởng tiếp thu, sẽ bổ sung ở phiên bản 3.')).toBeInTheDocument();
    expect(within(threads).queryByRole('button', { name: 'Đánh dấu đã xử lý' })).not.toBeInTheDocument();

    await userEvent.click(within(root).getByRole('button', { name: 'Trả lời Nguyễn Văn Bình' }));
    await userEvent.click(within(root).getByRole('textbox', { name: 'Trả lời Nguyễn Văn Bình' }));
    await userEvent.paste('Trường ĐTCB Lê Hồng Phong nhất trí.');
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi trả lời' }));
    await waitFor(() => expect(api.calls('POST /api/drafts/versions/:id/comments')).toHaveLength(1));
    expect(api.calls('POST /api/drafts/versions/:id/comments')[0]).toMatchObject({
      params: { id: 'pv-2' }, body: { sectionKey: 'noi-dung', parentId: 'c1', body: 'Trường ĐTCB Lê Hồng Phong nhất trí.' },
    });
    expect(await screen.findByText('Đã gửi ý kiến.')).toBeInTheDocument();
  });

  it('lets the leader resolve a thread', async () => {
    const sections = planSections().map((s) => (s.key === 'noi-dung' ? { ...s, commentCount: 1, openCommentCount: 1 } : s));
    const circulated = planVersion({ status: 'circulated', circulatedAt: '2024-04-05T01:00:00.000Z', sections }, { canComment: true, canResolve: true, canRevise: true });
    const thread = comment({ id: 'c1', sectionKey: 'noi-dung', body: 'Đề nghị bổ sung chỉ tiêu chuyển đổi số.', authorName: 'Nguyễn Văn Bình', unitName: units.bql.name });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': yearOf('leader'),
      'GET /api/drafts': draftList([circulated]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': circulated,
      'GET /api/drafts/versions/:id/comments': [thread],
      'POST /api/drafts/comments/:id/resolve': reply(201, { ...thread, resolvedAt: '2024-04-12T02:00:00.000Z', resolvedByName: 'Phạm Quang Huy' }),
    });
    renderRoute('/block-years/by-2024/plan');
    await findPage('Kế hoạch hoạt động của Khối');
    expect(await screen.findByRole('button', { name: 'Soạn phiên bản mới' })).toBeInTheDocument();
    // The leader sees every section's comments at once.
    await userEvent.click(screen.getByRole('switch', { name: 'Hiện mọi ý kiến' }));
    const threads = await screen.findByRole('region', { name: 'Ý kiến góp ý mục “III. NỘI DUNG THI ĐUA”' });
    await userEvent.click(within(threads).getByRole('button', { name: 'Đánh dấu đã xử lý' }));
    await waitFor(() => expect(api.calls('POST /api/drafts/comments/:id/resolve')).toHaveLength(1));
    expect(api.calls('POST /api/drafts/comments/:id/resolve')[0].params.id).toBe('c1');
  });

  it('shows the adopted plan read-only with its conference, the activities in dd/mm/yyyy and the progress the leader updates', async () => {
    const adopted = planVersion({ status: 'adopted', adoptedAt: '2024-04-26T03:00:00.000Z', adoptedConferenceId: 'conf-1', contentHash: 'ab'.repeat(32) }, { canResolve: true });
    const items = adopted.plan!.activities.map((a, i) => ({ ...a, id: `pa-${i + 1}`, status: i === 0 ? 'done' as const : 'planned' as const, sort: i, overdue: false, version: 1 }));
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': yearOf('leader'),
      'GET /api/drafts': draftList([adopted]),
      'GET /api/drafts/versions/:id': adopted,
      'GET /api/drafts/versions/:id/comments': [],
      // Planned for 30/04, held (and the plan adopted) on 26/04: the notice states when it was adopted.
      'GET /api/conferences/:id': { id: 'conf-1', title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024', startsAt: '2024-04-30T01:00:00.000Z' },
      'GET /api/drafts/plan-activities': planProgress({ versionId: 'pv-2', total: 2, done: 1, planned: 1, percentDone: 50, items, canUpdate: true }),
      'PATCH /api/drafts/plan-activities/:id': () => {
        const after = planProgress({ versionId: 'pv-2', total: 2, done: 2, percentDone: 100, items: items.map((a) => ({ ...a, status: 'done' as const, version: 2 })), canUpdate: true });
        api.on('GET /api/drafts/plan-activities', after);
        return after;
      },
    });
    renderRoute('/block-years/by-2024/plan');
    await findPage('Kế hoạch hoạt động của Khối');
    expect(await screen.findByText('Đã thông qua tại hội nghị “Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024” ngày 26/04/2024. Văn bản chỉ được xem.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sửa/ })).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ thực hiện kế hoạch' })).toBeInTheDocument();
    expect(screen.getByText('Đã hoàn thành 1/2 hoạt động')).toBeInTheDocument();

    const activities = screen.getByRole('table', { name: 'Các hoạt động' });
    const trip = within(activities).getByRole('row', { name: /Đi nghiên cứu thực tế tại Điện Biên/ });
    expect(within(trip).getByText('05/05/2024 – 07/05/2024')).toBeInTheDocument();
    expect(within(trip).getByText(units.dukdn.name)).toBeInTheDocument();
    expect(within(activities).getByRole('row', { name: /Hội nghị triển khai/ })).toHaveTextContent('26/04/2024');
    expect(screen.getByRole('table', { name: 'Các phong trào thi đua' })).toHaveTextContent('Theo đợt, chuyên đề');

    const select = await openSelect(trip, 'Trạng thái: Đi nghiên cứu thực tế tại Điện Biên');
    await select.choose('Hoàn thành');
    await waitFor(() => expect(api.calls('PATCH /api/drafts/plan-activities/:id')).toHaveLength(1));
    expect(api.calls('PATCH /api/drafts/plan-activities/:id')[0]).toMatchObject({ params: { id: 'pa-2' }, body: { status: 'done', version: 1 } });
    expect(await screen.findByText('Đã hoàn thành 2/2 hoạt động')).toBeInTheDocument();
  });

  it('compares two versions side by side, with removed text struck out on the left and added text on the right', async () => {
    const v1 = planVersion({ id: 'pv-1', number: 1, status: 'superseded', basedOnId: null });
    const v2 = planVersion({ status: 'circulated', circulatedAt: '2024-04-05T01:00:00.000Z' });
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id': yearOf(null),
      'GET /api/drafts': draftList([v1, v2]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': v2,
      'GET /api/drafts/versions/:id/comments': [],
      'GET /api/drafts/versions/:id/diff': {
        leftVersionId: 'pv-1', leftNumber: 1, rightVersionId: 'pv-2', rightNumber: 2,
        summary: { added: 0, removed: 0, changed: 1, unchanged: 1 },
        sections: [
          { key: 'muc-dich-yeu-cau', leftHeading: 'I. MỤC ĐÍCH, YÊU CẦU', rightHeading: 'I. MỤC ĐÍCH, YÊU CẦU', status: 'unchanged', rows: [{ kind: 'same', left: 'Đẩy mạnh', right: 'Đẩy mạnh', leftNo: 1, rightNo: 1 }] },
          {
            key: 'noi-dung', leftHeading: 'III. NỘI DUNG THI ĐUA', rightHeading: 'III. NỘI DUNG THI ĐUA', status: 'changed',
            rows: [
              { kind: 'changed', left: 'Thi đua hoàn thành nhiệm vụ năm 2024.', right: 'Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.', leftNo: 1, rightNo: 1 },
              { kind: 'added', left: null, right: 'Chào mừng 70 năm Ngày Giải phóng Thủ đô.', leftNo: null, rightNo: 2 },
              { kind: 'removed', left: 'Tổ chức giải bóng đá.', right: null, leftNo: 2, rightNo: null },
            ],
          },
        ],
      },
    });
    renderRoute('/block-years/by-2024/plan');
    await findPage('Kế hoạch hoạt động của Khối');
    await userEvent.click(await screen.findByRole('button', { name: 'So sánh phiên bản' }));
    const dialog = await screen.findByRole('dialog', { name: 'So sánh hai phiên bản' });
    const changed = await within(dialog).findByRole('region', { name: 'III. NỘI DUNG THI ĐUA' });
    expect(api.calls('GET /api/drafts/versions/:id/diff')[0]).toMatchObject({ params: { id: 'pv-2' } });
    expect(api.calls('GET /api/drafts/versions/:id/diff')[0].query.get('against')).toBe('pv-1');
    expect(within(changed).getByText('Có thay đổi')).toBeInTheDocument();
    expect(within(changed).getByText('xuất sắc').tagName).toBe('INS');
    expect(within(changed).getByText('Chào mừng 70 năm Ngày Giải phóng Thủ đô.').tagName).toBe('INS');
    expect(within(changed).getByText('Tổ chức giải bóng đá.').tagName).toBe('DEL');
    // Unchanged sections are left out unless asked for.
    expect(within(dialog).queryByRole('region', { name: 'I. MỤC ĐÍCH, YÊU CẦU' })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Chỉ hiện mục có thay đổi' }));
    expect(within(dialog).getByRole('region', { name: 'I. MỤC ĐÍCH, YÊU CẦU' })).toBeInTheDocument();
  });
});
