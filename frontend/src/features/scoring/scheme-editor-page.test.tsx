import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { blockYear2024, units } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { draftScheme, frozenScheme, summaryOf, yearSummaries } from './test-fixtures';

// A whole tree of antd rows re-renders on each step: give the journeys room on a busy machine.
jest.setTimeout(60_000);

/** Types a long text at once (as a paste), to keep the journeys quick. */
async function fill(el: HTMLElement, text: string) {
  await userEvent.click(el);
  await userEvent.paste(text);
}

const leaderSeat = { canManage: false, seat: 'leader' as const, canEditRules: true };
const memberSeat = { canManage: false, seat: null, canEditRules: false };
const DRAFT_TITLE = 'Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024 (sửa đổi)';

function stubEditor(scheme: Schemas['SchemeDto'], me: Schemas['MeDto'] = users.leaderOfficer, seat: Schemas['BlockYearPermissionsDto'] = leaderSeat) {
  return stubApi({
    'GET /api/auth/me': me,
    'GET /api/block-years/:id': blockYear2024(seat),
    'GET /api/block-years': yearSummaries,
    'GET /api/scoring-schemes': (req) => (req.query.get('blockYearId') === scheme.blockYearId ? [summaryOf(scheme)] : []),
    'GET /api/scoring-schemes/:id': scheme,
  });
}

const row = (code: string) => screen.getAllByRole('row').find((r) => r.querySelector('td')?.textContent === code)!;
const findRow = (code: string) => waitFor(() => {
  const r = row(code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
}, { timeout: 5000 });

describe('Scoring scheme editor', () => {
  it('shows the tree with each group’s live sum against its max, the totals and the problems; a problem leads to its row', async () => {
    stubEditor(draftScheme());
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    expect(screen.getByText('Khối thi đua số 4 – năm 2024 · Phiên bản 2')).toBeInTheDocument();

    // Totals from the API: the top-level groups exceed the declared total.
    expect(screen.getByText('105 / 100 (vượt 5)')).toBeInTheDocument();
    expect(screen.getByText('Chưa hoàn chỉnh')).toBeInTheDocument();

    const I = await findRow('I');
    expect(within(I).getByText('40 / 40 (khớp)')).toBeInTheDocument();
    expect(within(I).getByText('Nhóm')).toBeInTheDocument();
    expect(within(row('II')).getByText('35 / 35 (khớp)')).toBeInTheDocument();
    const III = row('III');
    expect(within(III).getByText('25 / 30 (thiếu 5)')).toBeInTheDocument();
    // The row names its own problem too.
    expect(within(III).getByText('Nhóm III: tổng điểm tối đa của các tiêu chí con (25) thấp hơn điểm tối đa của nhóm (30)')).toBeInTheDocument();

    // Leaf rows: Vietnamese type labels, type-specific facts, evidence.
    expect(within(row('I.1')).getByText('Chấm điểm')).toBeInTheDocument();
    expect(within(row('I.1')).getByText('Bắt buộc')).toBeInTheDocument();
    expect(within(row('I.4')).getByText('Đạt–Không đạt')).toBeInTheDocument();
    expect(within(row('II.2')).getByText('Theo số lần')).toBeInTheDocument();
    expect(within(row('II.2')).getByText('2,5 điểm/lần, tối đa 10')).toBeInTheDocument();
    expect(within(row('II.4')).getByText('Theo chỉ tiêu')).toBeInTheDocument();
    expect(within(row('II.4')).getByText('Đơn vị tính: tin, bài')).toBeInTheDocument();
    expect(within(row('II.4')).getByText(`Không áp dụng: ${units.lhp.shortName}`)).toBeInTheDocument();
    expect(within(row('T')).getAllByText('Điểm thưởng')).toHaveLength(2); // title and type
    expect(within(row('T')).getByText('Có sáng kiến được công nhận cấp Thành phố: +2 điểm/lần, trần 5')).toBeInTheDocument();
    expect(within(row('D')).getAllByText('Điểm trừ')).toHaveLength(2);
    expect(within(row('D')).getByText('Nộp báo cáo chậm so với quy định (mỗi lần): −2 điểm/lần, trần 10')).toBeInTheDocument();

    const problems = screen.getByRole('region', { name: 'Các vấn đề còn lại (2)' });
    expect(within(problems).getByText('Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (105) khác tổng điểm của biểu (100)')).toBeInTheDocument();
    expect(III).not.toHaveAttribute('aria-current');
    await userEvent.click(within(problems).getByRole('button', { name: 'Nhóm III: tổng điểm tối đa của các tiêu chí con (25) thấp hơn điểm tối đa của nhóm (30)' }));
    await waitFor(() => expect(row('III')).toHaveAttribute('aria-current', 'true'));
    await waitFor(() => expect(row('III')).toHaveFocus());
  });

  it('adds a criterion under a group: type-dependent fields, a live preview of the group’s sum, Enter submits; a refusal naming the row stays in the form', async () => {
    const api = stubEditor(draftScheme());
    let attempt = 0;
    const after = draftScheme({ version: 6, totals: { topLevelSum: 105, bonusMax: 15, deductionMax: 10, leafCount: 15 } });
    after.criteria.splice(after.criteria.findIndex((c) => c.code === 'III.3') + 1, 0, {
      ...after.criteria.find((c) => c.code === 'III.3')!, id: 'v2-iii-4', code: 'III.4', title: 'Tham gia phong trào “Dân vận khéo”', type: 'per_occurrence', max: 5, order: 4,
      pointsPerOccurrence: 1, evidenceRequired: true,
    });
    after.criteria = after.criteria.map((c) => (c.code === 'III' ? { ...c, childrenMax: 30 } : c));
    after.problems = after.problems.filter((p) => p.code !== 'III');
    api.on('POST /api/scoring-schemes/:id/criteria', () => (++attempt === 1
      ? reply(400, { statusCode: 400, code: 'invalid_scheme', message: 'Nhóm III: tổng điểm tối đa của các tiêu chí con (31) vượt quá điểm tối đa của nhóm (30).', fields: { III: 'Nhóm III: tổng điểm tối đa của các tiêu chí con (31) vượt quá điểm tối đa của nhóm (30)' } })
      : reply(201, after)));
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Thêm tiêu chí con vào III' }));
    const form = await screen.findByRole('form', { name: 'Thêm nhóm hoặc tiêu chí' });
    expect(within(form).getByText('Thêm vào nhóm III – Xây dựng Đảng, đoàn thể')).toBeInTheDocument();
    // The code follows the siblings; the focus is on it.
    const code = within(form).getByLabelText('Mã');
    expect(code).toHaveValue('III.4');
    await waitFor(() => expect(code).toHaveFocus());

    // Bonus and deduction belong at the top level only.
    const types = await openSelect(form, 'Loại');
    expect(screen.queryByTitle('Điểm thưởng')).not.toBeInTheDocument();
    await types.choose('Theo số lần');
    await fill(within(form).getByLabelText('Nội dung'), 'Tham gia phong trào “Dân vận khéo”');
    await userEvent.type(within(form).getByLabelText('Điểm tối đa'), '6');
    expect(within(form).getByText('31 / 30 (vượt 1)')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Bắt buộc có minh chứng' }));
    // A per-occurrence criterion may take its count from published items; left to the unit here.
    expect(within(form).getByText('Số lần lấy từ')).toBeInTheDocument();
    expect(within(form).getByText('Đơn vị tự nhập')).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Điểm mỗi lần'), '1{Enter}');

    await waitFor(() => expect(api.calls('POST /api/scoring-schemes/:id/criteria')).toHaveLength(1));
    expect(api.calls('POST /api/scoring-schemes/:id/criteria')[0].body).toEqual({
      parentId: 'v2-iii', type: 'per_occurrence', code: 'III.4', title: 'Tham gia phong trào “Dân vận khéo”', guidance: '', max: 6, evidenceRequired: true,
      pointsPerOccurrence: 1, countSource: null, measure: '', items: [], notApplicableUnitIds: [],
    });
    expect(await within(form).findByText('Nhóm III: tổng điểm tối đa của các tiêu chí con (31) vượt quá điểm tối đa của nhóm (30).')).toBeInTheDocument();

    const max = within(form).getByLabelText('Điểm tối đa');
    await userEvent.clear(max);
    await userEvent.type(max, '5');
    expect(within(form).getByText('30 / 30 (khớp)')).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Nội dung'), '{Enter}');
    await waitFor(() => expect(api.calls('POST /api/scoring-schemes/:id/criteria')).toHaveLength(2));
    expect(api.calls('POST /api/scoring-schemes/:id/criteria')[1].body).toMatchObject({ max: 5, pointsPerOccurrence: 1 });

    expect(await screen.findByText('Đã thêm III.4.')).toBeInTheDocument();
    const added = await findRow('III.4');
    expect(within(added).getByText('1 điểm/lần, tối đa 5')).toBeInTheDocument();
    expect(within(row('III')).getByText('30 / 30 (khớp)')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Thêm nhóm hoặc tiêu chí' })).not.toBeInTheDocument());
  });

  it('edits a bonus row’s items and caps, sending the row’s version and keeping the items’ ids', async () => {
    const api = stubEditor(draftScheme());
    api.on('PATCH /api/scoring-schemes/:id/criteria/:criterionId', () => reply(200, draftScheme({ version: 6 })));
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Sửa T' }));
    const form = await screen.findByRole('form', { name: 'Sửa T' });
    expect(within(form).getByLabelText('Mức trần của mục')).toHaveValue('15');
    expect(within(form).getByLabelText('Nội dung khoản 3')).toHaveValue('Có sáng kiến được công nhận cấp Thành phố');
    expect(within(form).getByLabelText('Mức trần của khoản 3')).toHaveValue('5');
    // No preview: bonus points are outside the scheme total.
    expect(within(form).queryByText(/Sau thay đổi/)).not.toBeInTheDocument();

    await userEvent.click(within(form).getByRole('button', { name: 'Xóa khoản 2' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Thêm khoản' }));
    await fill(within(form).getByLabelText('Nội dung khoản 3'), 'Được tặng Bằng khen của Thủ tướng Chính phủ');
    await userEvent.type(within(form).getByLabelText('Điểm mỗi lần của khoản 3'), '5');
    await userEvent.type(within(form).getByLabelText('Mức trần của khoản 3'), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(api.calls('PATCH /api/scoring-schemes/:id/criteria/:criterionId')).toHaveLength(1));
    const call = api.calls('PATCH /api/scoring-schemes/:id/criteria/:criterionId')[0];
    expect(call.params).toEqual({ id: 'scheme-2024-v2', criterionId: 'v2-t' });
    expect(call.body).toEqual({
      type: 'bonus', code: 'T', title: 'Điểm thưởng', guidance: '', max: 15, evidenceRequired: true, pointsPerOccurrence: null, countSource: null, measure: '', notApplicableUnitIds: [],
      items: [
        { id: 'city_flag', title: 'Được tặng Cờ thi đua của UBND Thành phố năm trước', points: 10, cap: null },
        { id: 'initiative', title: 'Có sáng kiến được công nhận cấp Thành phố', points: 2, cap: 5 },
        { title: 'Được tặng Bằng khen của Thủ tướng Chính phủ', points: 5, cap: 5 },
      ],
      version: 1,
    });
    expect(await screen.findByText('Đã lưu T.')).toBeInTheDocument();
  });

  it('reorders among siblings and moves a row to another group through /move, with the row’s version', async () => {
    const api = stubEditor(draftScheme());
    api.on('POST /api/scoring-schemes/:id/criteria/:criterionId/move', () => reply(201, draftScheme({ version: 6 })));
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    expect(await screen.findByRole('button', { name: 'Chuyển I.1 lên' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Chuyển I.4 xuống' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển I.1 xuống' }));
    await waitFor(() => expect(api.calls('POST /api/scoring-schemes/:id/criteria/:criterionId/move')).toHaveLength(1));
    expect(api.calls('POST /api/scoring-schemes/:id/criteria/:criterionId/move')[0]).toMatchObject({
      params: { id: 'scheme-2024-v2', criterionId: 'v2-i-1' }, body: { parentId: 'v2-i', position: 1, version: 1 },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Chuyển I.4 sang nhóm khác' }));
    const form = await screen.findByRole('form', { name: /Chuyển I.4 –/ });
    const parents = await openSelect(form, 'Chuyển vào');
    await parents.choose('III – Xây dựng Đảng, đoàn thể');
    // A new group: at its end by default.
    expect(within(form).getByTitle('Sau III.3')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Chuyển' }));
    await waitFor(() => expect(api.calls('POST /api/scoring-schemes/:id/criteria/:criterionId/move')).toHaveLength(2));
    expect(api.calls('POST /api/scoring-schemes/:id/criteria/:criterionId/move')[1]).toMatchObject({
      params: { criterionId: 'v2-i-4' }, body: { parentId: 'v2-iii', position: 3, version: 1 },
    });
    expect(await screen.findByText('Đã chuyển I.4.')).toBeInTheDocument();
  });

  it('deletes a group with everything in it after confirmation, sending the row’s version', async () => {
    const api = stubEditor(draftScheme());
    api.on('DELETE /api/scoring-schemes/:id/criteria/:criterionId', () => reply(200, draftScheme({ version: 6 })));
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Xóa II' }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText('Xóa nhóm II cùng 5 nhóm, tiêu chí bên trong?')).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(api.calls('DELETE /api/scoring-schemes/:id/criteria/:criterionId')).toHaveLength(1));
    const call = api.calls('DELETE /api/scoring-schemes/:id/criteria/:criterionId')[0];
    expect(call.params.criterionId).toBe('v2-ii');
    expect(call.query.get('version')).toBe('1');
  });

  it('shows the server’s 409 message when someone saved first, closes the form and reloads the scheme', async () => {
    const api = stubEditor(draftScheme());
    api.on('PATCH /api/scoring-schemes/:id/criteria/:criterionId', reply(409, {
      statusCode: 409, code: 'stale_version', message: 'Tiêu chí I.3 vừa được người khác cập nhật (phiên bản 2, bạn sửa phiên bản 1). Vui lòng tải lại để xem thay đổi mới nhất.',
    }));
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Sửa I.3' }));
    const form = await screen.findByRole('form', { name: 'Sửa I.3' });
    const loads = api.calls('GET /api/scoring-schemes/:id').length;
    const title = within(form).getByLabelText('Nội dung');
    await userEvent.clear(title);
    await fill(title, 'Chuyển đổi số');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Tiêu chí I.3 vừa được người khác cập nhật (phiên bản 2, bạn sửa phiên bản 1). Vui lòng tải lại để xem thay đổi mới nhất.')).toBeInTheDocument();
    const warning = screen.getByRole('dialog', { name: 'Biểu vừa được người khác cập nhật' });
    expect(within(warning).getByText('Trang đã tải lại dữ liệu mới nhất; hãy xem lại rồi sửa tiếp nếu cần.')).toBeInTheDocument();
    await waitFor(() => expect(api.calls('GET /api/scoring-schemes/:id').length).toBeGreaterThan(loads));
    expect(api.calls('PATCH /api/scoring-schemes/:id/criteria/:criterionId')[0].body).toMatchObject({ title: 'Chuyển đổi số', version: 1 });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Sửa I.3' })).not.toBeInTheDocument());
  });

  it('keeps a frozen scheme read-only and lets the leader seat start a new version from it', async () => {
    const api = stubEditor(frozenScheme());
    api.on('POST /api/scoring-schemes', reply(201, draftScheme({ id: 'scheme-2024-v3', versionNo: 3 })));
    const { router } = renderRoute('/scoring-schemes/scheme-2024-v1');
    await findPage('Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024');
    expect(screen.getByText(/Biểu đã đóng băng từ 08:00 15\/11\/2024 vì đã được dùng cho đợt chấm điểm; chỉ xem được/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chấm điểm thi đua năm 2024' })).toHaveAttribute('href', '/rounds/round-2024');
    expect(screen.getByText('Hợp lệ – dùng được cho đợt chấm')).toBeInTheDocument();
    await findRow('I.1');
    expect(screen.queryByRole('button', { name: /^Sửa / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Xóa / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm nhóm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nhập .xlsx' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Thao tác' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xuất .xlsx' })).toBeInTheDocument();

    await userEvent.click(screen.getAllByRole('button', { name: 'Tạo phiên bản mới' })[0]);
    const form = await screen.findByRole('form', { name: 'Tạo phiên bản mới của biểu chấm điểm' });
    await waitFor(() => expect(within(form).getByTitle('Năm 2024 – phiên bản 1: Biểu chấm điểm thi đua Khối thi đua số 4 năm 2024')).toBeInTheDocument());
    await userEvent.click(within(form).getByRole('button', { name: 'Tạo phiên bản mới' }));
    await waitFor(() => expect(api.calls('POST /api/scoring-schemes')).toHaveLength(1));
    expect(api.calls('POST /api/scoring-schemes')[0].body).toEqual({ blockYearId: 'by-2024', copyFromSchemeId: 'scheme-2024-v1' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/scoring-schemes/scheme-2024-v3'));
  });

  it('shows a draft read-only to a member unit', async () => {
    stubEditor(draftScheme({ permissions: { canEdit: false, canCreateVersion: false } }), users.officer, memberSeat);
    renderRoute('/scoring-schemes/scheme-2024-v2');
    await findPage(DRAFT_TITLE);
    expect(screen.getByText(/Bạn chỉ xem được biểu này/)).toBeInTheDocument();
    await findRow('III');
    expect(screen.queryByRole('button', { name: /^Sửa / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm nhóm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo phiên bản mới' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sửa tên, tổng điểm' })).not.toBeInTheDocument();
    // The problems are still listed for whoever reads.
    expect(screen.getByRole('region', { name: 'Các vấn đề còn lại (2)' })).toBeInTheDocument();
  });
});
