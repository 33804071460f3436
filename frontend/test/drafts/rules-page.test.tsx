import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../fetch-stub';
import { defaultRules } from '../fixtures';
import { findPage, renderRoute, users } from '../render';
import { draftList, planProgress, rulesVersion, yearOf } from './fixtures';

const annex = () => screen.getByRole('region', { name: 'PHỤ LỤC. BỘ QUY TẮC BÌNH XÉT THI ĐUA' });

describe('Rules page', () => {
  it('shows the rule set of the adopted version in plain Vietnamese, read-only, with the conference that adopted it', async () => {
    const adopted = rulesVersion({ status: 'adopted', adoptedAt: '2024-04-26T03:00:00.000Z', adoptedConferenceId: 'conf-1', ruleSet: { ...defaultRules, voteThresholdPercent: 70, voteThresholdBase: 'present' } });
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id': yearOf(null),
      'GET /api/drafts': draftList([adopted]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': adopted,
      'GET /api/drafts/versions/:id/comments': [],
      'GET /api/conferences/:id': { id: 'conf-1', title: 'Hội nghị triển khai kế hoạch thi đua năm 2024', startsAt: '2024-04-26T01:00:00.000Z' },
    });
    renderRoute('/block-years/by-2024/rules');
    await findPage('Quy chế hoạt động và bình xét thi đua');
    expect(await screen.findByRole('heading', { name: 'QUY CHẾ' })).toBeInTheDocument();
    expect(await screen.findByText('Đã thông qua tại hội nghị “Hội nghị triển khai kế hoạch thi đua năm 2024” ngày 26/04/2024. Văn bản chỉ được xem.')).toBeInTheDocument();
    // The version picker and the document both carry the status tag.
    expect(screen.getAllByText('Đã thông qua').length).toBeGreaterThanOrEqual(2);

    const rules = annex();
    expect(within(rules).getByText(/Hội nghị hợp lệ khi có ít nhất 2\/3 số đơn vị thành viên có mặt/)).toHaveTextContent('(khối có 5 đơn vị: cần ít nhất 4 đơn vị)');
    expect(within(rules).getByText('Trúng cử khi số phiếu đồng ý trên 70% số đơn vị có mặt')).toBeInTheDocument();
    expect(within(rules).getByText('Cờ thi đua của Chính phủ: tối đa 1 đơn vị — chỉ xét đơn vị dẫn đầu khối')).toBeInTheDocument();
    expect(within(rules).getByText('Bằng khen của Chủ tịch UBND Thành phố: tối đa 50% số đơn vị thành viên (hiện là 2 đơn vị)')).toBeInTheDocument();
    expect(within(rules).getByText('điểm nhóm tiêu chí thứ nhất cao hơn')).toBeInTheDocument();
    expect(within(rules).getByText('Điểm thẩm định của khối trưởng sau khi đơn vị giải trình')).toBeInTheDocument();
    expect(within(rules).getByText('Mỗi đơn vị chấm chéo 2 đơn vị khác trong khối (không tự chấm mình)')).toBeInTheDocument();
    expect(within(rules).getByText('Tổng điểm tối đa của biểu chấm điểm: 100 điểm')).toBeInTheDocument();
    expect(within(rules).getByText(/lệch quá 20% điểm tối đa/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sửa/ })).not.toBeInTheDocument();
  });

  it("lets the leader edit the draft's rule set, sending the version it read", async () => {
    const draft = rulesVersion({}, { canEdit: true, canCirculate: true });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/block-years/:id': yearOf('leader'),
      'GET /api/drafts': draftList([draft]),
      'GET /api/drafts/plan-activities': planProgress(),
      'GET /api/drafts/versions/:id': draft,
      'PATCH /api/drafts/versions/:id': reply(400, {
        statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ: ruleSet.quorumNumerator không được lớn hơn mẫu số.', fields: { 'ruleSet.quorumNumerator': 'không được lớn hơn mẫu số (tỷ lệ tối đa là 100%)' },
      }),
    });
    renderRoute('/block-years/by-2024/rules');
    await findPage('Quy chế hoạt động và bình xét thi đua');
    await userEvent.click(await within(await screen.findByRole('region', { name: 'PHỤ LỤC. BỘ QUY TẮC BÌNH XÉT THI ĐUA' })).findByRole('button', { name: 'Sửa bộ quy tắc' }));
    const dialog = await screen.findByRole('dialog', { name: /Sửa bộ quy tắc/ });
    const threshold = within(dialog).getByRole('spinbutton', { name: 'Ngưỡng trúng cử: trên (%)' });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '60');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/drafts/versions/:id')).toHaveLength(1));
    expect(api.calls('PATCH /api/drafts/versions/:id')[0].body).toEqual({ ruleSet: { ...defaultRules, voteThresholdPercent: 60 }, version: 1 });
    // The server's field error lands under the matching field of the form.
    expect(await within(dialog).findByText('không được lớn hơn mẫu số (tỷ lệ tối đa là 100%)')).toBeInTheDocument();
  });
});
