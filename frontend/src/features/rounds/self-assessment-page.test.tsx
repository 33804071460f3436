import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi, type StubRequest } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { assessment, bigRows, editable, evidence, lhpHead, nearlyDone, round, ROUND_ID, rows, scoreRow } from './test-fixtures';

type Row = Schemas['AssessmentRowDto'];

const URL = `/rounds/${ROUND_ID}/units/${units.lhp.id}`;
const TITLE = `Bản tự chấm – ${units.lhp.name}`;
const SELF = 'PUT /api/rounds/:roundId/units/:unitId/self/:criterionId';
const base = (me: Schemas['MeDto'] = users.officer) => ({
  'GET /api/auth/me': me,
  'GET /api/notifications': [],
  'GET /api/rounds/:id': round({ myUnit: { unitId: units.lhp.id, deadline: round().selfAssessmentUntil, status: 'draft', reviews: [] } }, { canSelfAssess: true }),
});
const row = (code: string) => document.querySelector<HTMLElement>(`[data-code="${code}"]`)!;
/** The PUT's reply: the row as saved, version one up. */
const saved = (criterionId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ changed: true, row: scoreRow(criterionId, { ...body, version: (body.version as number) + 1, updatedAt: new Date().toISOString(), ...extra }) });

/** A small server: saves rows and evidence, and answers the assessment with them (as the refetch after a save sees it). */
function fakeServer(start: Row[]) {
  let current = start.map((r) => ({ ...r }));
  let state: { status: Schemas['AssessmentDto']['status']; permissions: Partial<Schemas['AssessmentPermissionsDto']> } = { status: 'draft', permissions: editable };
  const update = (id: string, patch: Partial<Row>) => (current = current.map((r) => (r.criterionId === id ? { ...r, ...patch } : r)));
  const get = () => assessment({ rows: current, status: state.status }, state.permissions);
  return {
    get,
    /** An officer's submission: awaiting the head's confirmation, withdrawable, no longer editable. */
    submit: () => {
      state = { status: 'awaiting_confirmation', permissions: { canWithdraw: true } };
      return get();
    },
    save: (req: StubRequest) => {
      const body = req.body as Record<string, unknown>;
      const r = saved(req.params.criterionId, body, { score: body.score ?? null });
      update(req.params.criterionId, { self: r.row, selfScore: (body.score as number) ?? null });
      return reply(200, r);
    },
    upload: (req: StubRequest) => {
      const e = evidence(req.params.criterionId, { id: 'ev-new', filename: ((req.body as FormData).get('file') as File).name });
      update(req.params.criterionId, { evidence: [e] });
      return reply(201, e);
    },
  };
}

describe('Self-assessment form', () => {
  it('autosaves a typed score with the row version and shows "đã lưu"; the next save goes with the new version', async () => {
    const api = stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({}, editable),
      [SELF]: fakeServer(rows()).save,
    });
    renderRoute(URL);
    await findPage(TITLE);
    const input = screen.getByLabelText('Điểm tự chấm I.1');
    await userEvent.type(input, '18,5');
    // Nothing goes out on every keystroke: one save after the pause.
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(1), { timeout: 3000 });
    expect(api.calls(SELF)[0].params.criterionId).toBe('c-I1');
    expect(api.calls(SELF)[0].body).toEqual({ score: 18.5, note: '', version: 0 });
    expect(await within(row('I.1')).findByText(/^đã lưu \d\d:\d\d$/)).toBeInTheDocument();
    expect(screen.getByTestId('save-state')).toHaveTextContent(/^Đã lưu/);
    expect(screen.getByTestId('running-total')).toHaveTextContent('18,5 / 100');
    expect(screen.getByTestId('group-I')).toHaveTextContent('18,5/40 điểm');

    await userEvent.type(screen.getByLabelText('Thuyết minh I.1'), 'Hoàn thành');
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(2), { timeout: 3000 });
    expect(api.calls(SELF)[1].body).toEqual({ score: 18.5, note: 'Hoàn thành', version: 1 });
  });

  it('on a 409 shows the newer value saved by another officer and keeps the typed one to re-apply', async () => {
    const newer = scoreRow('c-I1', { score: 15, note: 'Theo báo cáo số 125/BC', version: 3, updatedByName: 'Nguyễn Văn An', updatedAt: new Date(2030, 11, 5, 10, 42).toISOString() });
    const api = stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ rows: rows({ 'I.1': { self: scoreRow('c-I1', { score: 12, version: 2 }), selfScore: 12 } }) }, editable),
      [SELF]: reply(409, { statusCode: 409, code: 'stale_version', message: 'Tiêu chí I.1: điểm vừa được người khác cập nhật (phiên bản 3, bạn sửa phiên bản 2).', current: newer }),
    });
    renderRoute(URL);
    await findPage(TITLE);
    const input = screen.getByLabelText('Điểm tự chấm I.1');
    expect(input).toHaveValue('12');
    await userEvent.clear(input);
    await userEvent.type(input, '18');
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(1), { timeout: 3000 });
    expect(api.calls(SELF)[0].body).toMatchObject({ score: 18, version: 2 });
    const alert = await within(row('I.1')).findByRole('alert');
    expect(alert).toHaveTextContent('Nguyễn Văn An vừa cập nhật tiêu chí này lúc 10:42; đã hiển thị giá trị mới nhất.');
    expect(alert).toHaveTextContent('Giá trị bạn đã nhập: 18');
    expect(screen.getByLabelText('Điểm tự chấm I.1')).toHaveValue('15');
    expect(screen.getByLabelText('Thuyết minh I.1')).toHaveValue('Theo báo cáo số 125/BC');

    // Re-applying the user's value saves it on top of the newer version.
    api.on(SELF, (req) => reply(200, saved('c-I1', req.body as Record<string, unknown>, { score: 18 })));
    await userEvent.click(within(alert).getByRole('button', { name: 'Dùng giá trị của tôi' }));
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(2), { timeout: 3000 });
    expect(api.calls(SELF)[1].body).toEqual({ score: 18, note: '', version: 3 });
    expect(screen.getByLabelText('Điểm tự chấm I.1')).toHaveValue('18');
  });

  it("shows the server's message on a row it refuses and keeps the typed value", async () => {
    stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({}, editable),
      [SELF]: reply(400, { statusCode: 400, code: 'invalid_score', message: 'Tiêu chí I.1: điểm 25 nằm ngoài khoảng 0–20.', fields: { score: 'Tiêu chí I.1: điểm 25 nằm ngoài khoảng 0–20' } }),
    });
    renderRoute(URL);
    await findPage(TITLE);
    await userEvent.type(screen.getByLabelText('Điểm tự chấm I.1'), '25');
    expect(await within(row('I.1')).findByText('Tiêu chí I.1: điểm 25 nằm ngoài khoảng 0–20.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByLabelText('Điểm tự chấm I.1')).toHaveValue('25');
    expect(within(screen.getByLabelText('Giá trị chưa hợp lệ:')).getByRole('button', { name: 'Đến tiêu chí I.1' })).toBeInTheDocument();
    expect(screen.getByTestId('save-state')).toHaveTextContent('1 tiêu chí chưa lưu được');
  });

  it('takes the actual value of a target criterion, never a score, and shows the computed score', async () => {
    const api = stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({
        rows: nearlyDone().map((r) => (r.code === 'II.1' ? { ...r, selfFormula: { basis: 'met_target' as const, target: 100, actual: 100, max: 30, reference: null, score: 15 } } : r)),
      }, editable),
      [SELF]: (req) => reply(200, saved(req.params.criterionId, req.body as Record<string, unknown>, { actual: (req.body as { actual: number }).actual, score: null })),
    });
    renderRoute(URL);
    await findPage(TITLE);
    const target = row('II.1');
    // Why 100 of 100 is 15 of 30: the unit's own figures and the server's branch of the formula, beside the field.
    const why = within(target).getByRole('note', { name: 'Cách tính điểm' });
    expect(why).toHaveTextContent('Chỉ tiêu T = 100 · Thực hiện A = 100 · Tối đa M = 30');
    expect(why).toHaveTextContent('Đạt đúng chỉ tiêu (A = T): 0,5 × M = 0,5 × 30 = 15 điểm. Chỉ đơn vị vượt chỉ tiêu nhiều nhất khối được tối đa M.');
    expect(within(target).queryByLabelText('Điểm tự chấm II.1')).not.toBeInTheDocument();
    expect(within(target).getByLabelText('Giá trị thực hiện II.1')).toHaveValue('100');
    expect(within(target).getByTestId('computed-II.1')).toHaveTextContent('Chỉ tiêu: 100 hồ sơ · Điểm tính theo chỉ tiêu: 15');
    expect(screen.getByTestId('group-II')).toHaveTextContent('15/60 điểm');

    const input = within(target).getByLabelText('Giá trị thực hiện II.1');
    await userEvent.clear(input);
    await userEvent.type(input, '120');
    expect(within(target).getByTestId('computed-II.1')).toHaveTextContent('Điểm được tính tự động sau khi lưu');
    // A figure the server has not scored yet has no explanation (the browser does not compute one).
    expect(within(target).queryByRole('note', { name: 'Cách tính điểm' })).not.toBeInTheDocument();
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(1), { timeout: 3000 });
    expect(api.calls(SELF)[0].body).toEqual({ actual: 120, note: '', version: 1 });
    // Other types show their computed score too.
    expect(within(row('I.3')).getByTestId('computed-I.3')).toHaveTextContent('= 8 điểm');
  });

  it('keeps "Nộp" disabled with the missing criteria and evidence listed until the form is complete, then submits', async () => {
    const server = fakeServer(nearlyDone());
    const api = stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': server.get,
      [SELF]: server.save,
      'POST /api/rounds/:roundId/units/:unitId/evidence/:criterionId': server.upload,
      'POST /api/rounds/:roundId/units/:unitId/submit': server.submit,
    });
    renderRoute(URL);
    await findPage(TITLE);
    const submit = screen.getByRole('button', { name: 'Nộp bản tự chấm' });
    expect(submit).toBeDisabled();
    const missing = screen.getByTestId('missing-list');
    expect(within(within(missing).getByLabelText('Chưa chấm:')).getAllByRole('button').map((b) => b.textContent)).toEqual(['II.2']);
    expect(within(within(missing).getByLabelText('Thiếu minh chứng bắt buộc:')).getAllByRole('button').map((b) => b.textContent)).toEqual(['I.1']);
    expect(within(row('I.1')).getByText('Thiếu minh chứng bắt buộc')).toBeInTheDocument();
    expect(screen.getByText('Đã chấm 4/5 tiêu chí')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Điểm tự chấm II.2'), '25');
    expect(within(missing).queryByLabelText('Chưa chấm:')).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    const file = new File(['%PDF-1.4 minh chung'], 'bao-cao-tong-ket.pdf', { type: 'application/pdf' });
    await userEvent.upload(screen.getByTestId('file-I.1'), file);
    await waitFor(() => expect(api.calls('POST /api/rounds/:roundId/units/:unitId/evidence/:criterionId')).toHaveLength(1));
    const sent = api.calls('POST /api/rounds/:roundId/units/:unitId/evidence/:criterionId')[0];
    expect(sent.params.criterionId).toBe('c-I1');
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
    const files = await within(row('I.1')).findByRole('link', { name: 'bao-cao-tong-ket.pdf' });
    expect(files).toHaveAttribute('href', '/api/evidence/ev-new');
    expect(within(row('I.1')).getByText('9f2c4a7be1d0…')).toBeInTheDocument();
    expect(within(row('I.1')).queryByText('Thiếu minh chứng bắt buộc')).not.toBeInTheDocument();

    expect(await screen.findByText('Đã chấm đủ các tiêu chí và đủ minh chứng bắt buộc.')).toBeInTheDocument();
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    await userEvent.click(await screen.findByRole('button', { name: 'Nộp' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:roundId/units/:unitId/submit')).toHaveLength(1));
    // The pending save of II.2 went out before the submission.
    expect(api.calls(SELF).map((c) => c.params.criterionId)).toEqual(['c-II2']);
    expect(await screen.findByText('Bản tự chấm đang chờ thủ trưởng đơn vị xác nhận để nộp. Muốn sửa, hãy rút lại.')).toBeInTheDocument();
    expect(screen.getByTestId('assessment-status')).toHaveTextContent('Chờ thủ trưởng xác nhận');
    expect(screen.queryByLabelText('Điểm tự chấm II.2')).not.toBeInTheDocument();
  }, 90_000);

  it('lets the unit head confirm a submission awaiting confirmation', async () => {
    const api = stubApi({
      ...base(lhpHead),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ status: 'awaiting_confirmation', rows: nearlyDone() }, { submitConfirms: true, canConfirm: true, canWithdraw: true }),
      'POST /api/rounds/:roundId/units/:unitId/confirm': assessment({ status: 'submitted', submittedAt: new Date(2030, 11, 6, 9, 30).toISOString(), confirmedByName: 'Vũ Đức Thành', rows: nearlyDone() }),
    });
    renderRoute(URL);
    await findPage(TITLE);
    expect(screen.getByText(/Cán bộ đã gửi bản tự chấm/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rút lại' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nộp bản tự chấm' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận nộp' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:roundId/units/:unitId/confirm')).toHaveLength(1));
    expect(await screen.findByText('Đã nộp lúc 09:30 06/12/2030, thủ trưởng xác nhận: Vũ Đức Thành.')).toBeInTheDocument();
    expect(screen.getByTestId('assessment-status')).toHaveTextContent('Đã nộp');
  });

  it("shows the leader's reason on a returned self-assessment, still editable", async () => {
    stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ status: 'returned', returnReason: 'Minh chứng tiêu chí I.1 chưa có chữ ký, đóng dấu', rows: nearlyDone() }, editable),
    });
    renderRoute(URL);
    await findPage(TITLE);
    expect(screen.getByText('Khối trưởng trả lại bản tự chấm để hoàn thiện')).toBeInTheDocument();
    expect(screen.getByTestId('return-reason')).toHaveTextContent('Minh chứng tiêu chí I.1 chưa có chữ ký, đóng dấu');
    expect(screen.getByLabelText('Điểm tự chấm I.1')).toBeEnabled();
  });

  it('is read-only for the leader, who may return a submission with a reason', async () => {
    const api = stubApi({
      ...base(users.leaderOfficer),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ status: 'submitted', submittedAt: new Date(2030, 11, 6, 9, 30).toISOString(), rows: nearlyDone() }, { canReturn: true }),
      'POST /api/rounds/:roundId/units/:unitId/return': assessment({ status: 'returned', returnReason: 'Bổ sung minh chứng', rows: nearlyDone() }),
    });
    renderRoute(URL);
    await findPage(TITLE);
    expect(screen.getByText('Bạn đang xem bản tự chấm của đơn vị khác (chỉ xem).')).toBeInTheDocument();
    expect(screen.queryByLabelText('Điểm tự chấm I.1')).not.toBeInTheDocument();
    expect(within(row('I.1')).getByText('18')).toBeInTheDocument();
    expect(within(row('II.1')).getByTestId('computed-II.1')).toHaveTextContent('Điểm tính theo chỉ tiêu: 15');
    await userEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog', { name: `Trả lại bản tự chấm – ${units.lhp.name}` });
    await userEvent.type(within(dialog).getByLabelText('Lý do trả lại'), 'Bổ sung minh chứng');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:roundId/units/:unitId/return')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:roundId/units/:unitId/return')[0].body).toEqual({ reason: 'Bổ sung minh chứng' });
  });

  it('renders a scheme of 150 criteria, every row with its field', async () => {
    const big = bigRows(150);
    stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ rows: big, totals: { ...assessment().totals, max: 1500, required: 150 } }, editable),
      [SELF]: fakeServer(big).save,
    });
    renderRoute(URL);
    await findPage(TITLE);
    // Label queries scan the whole document for each element; count the fields directly.
    expect(document.querySelectorAll('input[aria-label^="Điểm tự chấm "]')).toHaveLength(150);
    expect(document.querySelectorAll('textarea[aria-label^="Thuyết minh "]')).toHaveLength(150);
    expect(screen.getByTestId('completeness')).toHaveTextContent('Đã chấm 0/150 tiêu chí');
    // Typing in one row updates its group and the totals.
    const last = row('15.10').querySelector('input')!;
    expect(last).toHaveAccessibleName('Điểm tự chấm 15.10');
    await userEvent.type(last, '7');
    expect(screen.getByTestId('group-15')).toHaveTextContent('7/100 điểm');
    expect(screen.getByTestId('completeness')).toHaveTextContent('Đã chấm 1/150 tiêu chí');
  }, 90_000);

  it('shows a criterion counted from published items: the count, its score, each item linked to its public page, no count input', async () => {
    const automaticCount = {
      source: 'both' as const, count: 2, items: [
        { id: 'n1', title: 'Hội nghị sơ kết phong trào', publishedAt: '2024-06-10T03:00:00.000Z', publicUrl: '/tin-tuc/hoi-nghi-so-ket-n1' },
        { id: 'n2', title: 'Gương điển hình: chị Lan hiến máu', publishedAt: '2024-07-01T03:00:00.000Z', publicUrl: '/tin-tuc/guong-dien-hinh-n2' },
      ],
    };
    const api = stubApi({
      ...base(),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment({ rows: rows({ 'I.3': { automaticCount, evidenceRequired: true, selfScore: 4 } }) }, editable),
      [SELF]: fakeServer(rows()).save,
    });
    renderRoute(URL);
    await findPage(TITLE);
    const i3 = within(row('I.3'));
    expect(i3.getByText('Đếm tự động')).toBeInTheDocument();
    expect(i3.getByText('Số tin, bài đã đăng của đơn vị trong năm: 2')).toBeInTheDocument();
    expect(i3.getByTestId('computed-I.3')).toHaveTextContent('4');
    const items = i3.getByRole('group', { name: 'Các bài được tính (minh chứng) I.3' });
    expect(within(items).getByRole('link', { name: 'Hội nghị sơ kết phong trào' })).toHaveAttribute('href', '/tin-tuc/hoi-nghi-so-ket-n1');
    expect(within(items).getByRole('link', { name: 'Gương điển hình: chị Lan hiến máu' })).toHaveAttribute('href', '/tin-tuc/guong-dien-hinh-n2');
    expect(i3.queryByLabelText('Số lần I.3')).not.toBeInTheDocument();
    // Its items are its evidence: not marked missing even though evidence is required.
    expect(i3.queryByText('Thiếu minh chứng bắt buộc')).not.toBeInTheDocument();
    // A note is still the unit's, saved with the server's count.
    await userEvent.type(i3.getByLabelText('Thuyết minh I.3'), 'Hai bài');
    await waitFor(() => expect(api.calls(SELF)).toHaveLength(1), { timeout: 5000 });
    expect(api.calls(SELF)[0].body).toMatchObject({ count: 2, note: 'Hai bài', version: 0 });
  });
});
