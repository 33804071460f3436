import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi, type StubRequest } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { assessment, at, leaderRound, progress, progressUnit, round, ROUND_ID } from './test-fixtures';

const TITLE = 'Chấm điểm thi đua năm 2024';
const board = [
  progressUnit(units.dukcq, { status: 'submitted', submitted: true, submittedAt: at(2030, 12, 5, 9, 30), criteriaFilled: 5, evidenceMissing: 0, evidenceMissingCodes: [] }),
  progressUnit(units.dukdn, { status: 'awaiting_confirmation', criteriaFilled: 5, evidenceMissing: 0, evidenceMissingCodes: [] }),
  progressUnit(units.bql, { status: 'returned', criteriaFilled: 5, returnReason: 'Thiếu chữ ký thủ trưởng trên báo cáo' }),
  progressUnit(units.dukdh, { criteriaFilled: 2, lastSavedAt: at(2030, 12, 6, 16, 5), deadline: at(2030, 12, 15, 17), extensionReason: 'Đơn vị tổ chức đại hội' }),
  progressUnit(units.lhp, { secondsLeft: -(5 * 3600 + 10 * 60) }),
];
const assignments = (list: Schemas['AssignmentDto'][] = []): Schemas['AssignmentsDto'] => ({ roundId: ROUND_ID, seed: list.length ? 42 : null, reviewsPerUnit: 2, assignments: list });
const leaderApi = (extra: Record<string, unknown> = {}) => ({
  'GET /api/auth/me': users.leaderOfficer,
  'GET /api/notifications': [],
  'GET /api/rounds/:id': leaderRound(),
  'GET /api/rounds/:id/progress': progress(board),
  'GET /api/rounds/:id/targets': [],
  'GET /api/rounds/:id/assignments': assignments(),
  ...extra,
});
/** The progress board's row of a unit (found by its link: role queries by row name are slow on big tables). */
const unitRow = async (name: string) => {
  const link = await within(await screen.findByRole('table', { name: 'Tiến độ tự chấm của các đơn vị' })).findByRole('link', { name: `Mở bản tự chấm của ${name}` });
  return link.closest('tr')!;
};

describe('Round page', () => {
  it('shows the phases with their deadlines and each unit’s progress in Vietnamese', async () => {
    stubApi(leaderApi());
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    const steps = screen.getByLabelText('Giai đoạn');
    for (const s of ['Tự chấm', 'Chấm chéo', 'Giải trình', 'Thẩm định cuối', 'Hoàn tất']) expect(within(steps).getByText(s)).toBeInTheDocument();
    expect(within(steps).getByText('Hạn: 17:00 10/12/2030')).toBeInTheDocument();
    expect(within(steps).getByText('Hạn: 17:00 20/12/2030')).toBeInTheDocument();

    const cq = await unitRow(units.dukcq.name);
    expect(within(cq).getByText('Đã nộp')).toBeInTheDocument();
    expect(within(cq).getByText('Nộp lúc 09:30 05/12/2030')).toBeInTheDocument();
    expect(within(cq).getByText('5/5 tiêu chí')).toBeInTheDocument();
    expect(within(cq).getByText('Đủ')).toBeInTheDocument();
    expect(within(await unitRow(units.dukdn.name)).getByText('Chờ thủ trưởng xác nhận')).toBeInTheDocument();
    const bql = await unitRow(units.bql.name);
    expect(within(bql).getByText('Bị trả lại')).toBeInTheDocument();
    expect(within(bql).getByText('Lý do trả lại: Thiếu chữ ký thủ trưởng trên báo cáo')).toBeInTheDocument();
    const dh = await unitRow(units.dukdh.name);
    expect(within(dh).getByText('Đang soạn')).toBeInTheDocument();
    expect(within(dh).getByText('2/5 tiêu chí')).toBeInTheDocument();
    expect(within(dh).getByText('Thiếu 1: I.1')).toBeInTheDocument();
    expect(within(dh).getByText('17:00 15/12/2030')).toBeInTheDocument();
    expect(within(dh).getByText('Đã gia hạn: Đơn vị tổ chức đại hội')).toBeInTheDocument();
    expect(within(dh).getByText('còn 3 ngày 4 giờ')).toBeInTheDocument();
    expect(within(dh).getByText('16:05 06/12/2030')).toBeInTheDocument();
    expect(within(await unitRow(units.lhp.name)).getByText('quá hạn 5 giờ 10 phút')).toBeInTheDocument();
    expect(within(dh).getByRole('link', { name: `Mở bản tự chấm của ${units.dukdh.name}` })).toHaveAttribute('href', `/rounds/${ROUND_ID}/units/${units.dukdh.id}`);
    // Only submitted or awaiting ones can be returned; submitted ones need no extension or reminder.
    expect(within(cq).getByRole('button', { name: 'Trả lại' })).toBeInTheDocument();
    expect(within(cq).queryByRole('button', { name: 'Gia hạn' })).not.toBeInTheDocument();
    expect(within(dh).queryByRole('button', { name: 'Trả lại' })).not.toBeInTheDocument();
    expect(within(dh).getByRole('button', { name: 'Gia hạn' })).toBeInTheDocument();
  });

  it('sends an extension with its reason', async () => {
    const api = stubApi(leaderApi({ 'POST /api/rounds/:id/extensions': leaderRound() }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    await userEvent.click(within(await unitRow(units.lhp.name)).getByRole('button', { name: 'Gia hạn' }));
    const dialog = await screen.findByRole('dialog', { name: `Gia hạn nộp bản tự chấm – ${units.lhp.name}` });
    await userEvent.click(within(dialog).getByLabelText('Hạn mới'));
    await userEvent.paste('17:00 15/12/2030');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gia hạn' }));
    expect(await within(dialog).findByText('Hãy nhập lý do')).toBeInTheDocument();
    expect(api.calls('POST /api/rounds/:id/extensions')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Lý do gia hạn'), 'Đơn vị có văn bản đề nghị do tổ chức đại hội');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gia hạn' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/extensions')).toHaveLength(1));
    const ext = api.calls('POST /api/rounds/:id/extensions')[0].body as Record<string, string>;
    expect(ext).toMatchObject({ unitId: units.lhp.id, reason: 'Đơn vị có văn bản đề nghị do tổ chức đại hội' });
    expect(new Date(ext.until).getTime()).toBe(new Date(2030, 11, 15, 17).getTime());
  }, 90_000);

  it('returns a submission with its reason', async () => {
    const api = stubApi(leaderApi({
      'POST /api/rounds/:roundId/units/:unitId/return': assessment({ status: 'returned', unitId: units.dukdn.id, unitName: units.dukdn.name, returnReason: 'Bổ sung minh chứng tiêu chí I.1' }),
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    await userEvent.click(within(await unitRow(units.dukdn.name)).getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog', { name: `Trả lại bản tự chấm – ${units.dukdn.name}` });
    await userEvent.type(within(dialog).getByLabelText('Lý do trả lại'), 'Bổ sung minh chứng tiêu chí I.1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:roundId/units/:unitId/return')).toHaveLength(1));
    const ret = api.calls('POST /api/rounds/:roundId/units/:unitId/return')[0];
    expect(ret.params).toMatchObject({ roundId: ROUND_ID, unitId: units.dukdn.id });
    expect(ret.body).toEqual({ reason: 'Bổ sung minh chứng tiêu chí I.1' });
    expect(await screen.findByText(`Đã trả lại bản tự chấm của ${units.dukdn.name}.`)).toBeInTheDocument();
  });

  it('reminds one unit, or every unit not yet submitted with a message', async () => {
    const api = stubApi(leaderApi({
      'POST /api/rounds/:id/reminders': (req: StubRequest) => reply(201, { sent: (req.body as { unitIds?: string[] }).unitIds?.length ?? 4, unitIds: [] }),
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    await userEvent.click(within(await unitRow(units.dukdh.name)).getByRole('button', { name: 'Nhắc nhở' }));
    let dialog = await screen.findByRole('dialog', { name: `Nhắc nhở – ${units.dukdh.name}` });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/reminders')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/reminders')[0].body).toEqual({ unitIds: [units.dukdh.id] });
    expect(await screen.findByText('Đã gửi nhắc nhở tới 1 đơn vị.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Nhắc các đơn vị chưa nộp (4)' }));
    dialog = await screen.findByRole('dialog', { name: 'Nhắc các đơn vị chưa nộp bản tự chấm' });
    expect(within(dialog).getByText(new RegExp(`Thông báo gửi tới: ${units.dukdn.name}; ${units.bql.name}`))).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Nội dung nhắc'), 'Đề nghị các đơn vị nộp bản tự chấm trước ngày 10/12.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/reminders')).toHaveLength(2));
    expect(api.calls('POST /api/rounds/:id/reminders')[1].body).toEqual({ message: 'Đề nghị các đơn vị nộp bản tự chấm trước ngày 10/12.' });
  }, 90_000);

  it('moves the round to the next phase after a confirmation when nobody is hit', async () => {
    const api = stubApi(leaderApi({
      'POST /api/rounds/:id/advance': leaderRound({ phase: 'review', phaseLabel: 'Chấm chéo, thẩm định' }),
      'GET /api/rounds/:id/advance-preview': { roundId: ROUND_ID, from: 'self_assessment', fromLabel: 'Tự chấm điểm', to: 'review', toLabel: 'Chấm chéo, thẩm định', early: true, hits: [], confirmationWord: null },
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chuyển sang giai đoạn "Chấm chéo, thẩm định" ngay bây giờ?' });
    await userEvent.type(within(dialog).getByLabelText('Lý do (ghi vào nhật ký, không bắt buộc)'), 'Các đơn vị đã nộp đủ');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' })).toBeEnabled());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/advance')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/advance')[0].body).toEqual({ to: 'review', reason: 'Các đơn vị đã nộp đủ' });
  });

  it('an early advance names the units it locks and needs the typed confirmation', async () => {
    const api = stubApi(leaderApi({
      'POST /api/rounds/:id/advance': leaderRound({ phase: 'review', phaseLabel: 'Chấm chéo, thẩm định' }),
      'GET /api/rounds/:id/advance-preview': {
        roundId: ROUND_ID, from: 'self_assessment', fromLabel: 'Tự chấm điểm', to: 'review', toLabel: 'Chấm chéo, thẩm định', early: true, confirmationWord: 'XÁC NHẬN',
        hits: [
          { unitId: units.bql.id, unitName: units.bql.name, status: 'draft', filled: 0, required: 12, consequence: 'Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 0/12 tiêu chí)' },
          { unitId: units.lhp.id, unitName: units.lhp.name, status: 'draft', filled: 7, required: 12, consequence: 'Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 7/12 tiêu chí)' },
        ],
      },
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chuyển sang giai đoạn "Chấm chéo, thẩm định" ngay bây giờ?' });
    expect(await within(dialog).findByText('Chuyển trước hạn sẽ khóa bản tự chấm của 2 đơn vị chưa nộp')).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Các đơn vị bị ảnh hưởng' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `${units.bql.name}: Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 0/12 tiêu chí)`,
      `${units.lhp.name}: Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 7/12 tiêu chí)`,
    ]);
    const ok = within(dialog).getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' });
    expect(ok).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Gõ "XÁC NHẬN" để xác nhận'), 'xác nhận');
    await waitFor(() => expect(ok).toBeEnabled());
    await userEvent.click(ok);
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/advance')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/advance')[0].body).toEqual({ to: 'review', confirmation: 'xác nhận' });
  }, 60_000);

  it('lets the leader set targets per unit, showing where each comes from', async () => {
    const targets: Schemas['TargetDto'][] = [
      { unitId: units.dukcq.id, criterionId: 'c-II1', code: 'II.1', target: 120, source: 'covenant' },
      { unitId: units.lhp.id, criterionId: 'c-II1', code: 'II.1', target: null, source: 'none' },
    ];
    const api = stubApi(leaderApi({
      'GET /api/rounds/:id/targets': targets,
      'GET /api/scoring-schemes/:id': { criteria: [{ id: 'c-II1', code: 'II.1', title: 'Hồ sơ khen thưởng giải quyết đúng hạn', measure: 'hồ sơ' }] },
      'PUT /api/rounds/:id/targets': [targets[0], { ...targets[1], target: 95.5, source: 'round' }],
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    const table = await screen.findByRole('table', { name: 'Chỉ tiêu của các đơn vị' });
    expect((await within(table).findAllByText('II.1 – Hồ sơ khen thưởng giải quyết đúng hạn (hồ sơ)'))[0]).toBeInTheDocument();
    const cq = within(table).getByRole('row', { name: new RegExp(units.dukcq.name) });
    expect(within(cq).getByText('120')).toBeInTheDocument();
    expect(within(cq).getByText('Giao ước thi đua')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: new RegExp(units.lhp.name) })).getByText('Chưa có')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Sửa chỉ tiêu' }));
    await userEvent.type(screen.getByLabelText(`Chỉ tiêu II.1 của ${units.lhp.name}`), '95,5');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu' }));
    await waitFor(() => expect(api.calls('PUT /api/rounds/:id/targets')).toHaveLength(1));
    expect(api.calls('PUT /api/rounds/:id/targets')[0].body).toEqual({ targets: [{ unitId: units.lhp.id, criterionId: 'c-II1', target: 95.5 }] });
    expect(await within(table).findByText('Nhập trong đợt')).toBeInTheDocument();
  });

  it('generates cross-review assignments; a reviewer recuses with a reason and the leader reassigns', async () => {
    const a = (id: string, reviewer: { id: string; name: string }, reviewee: { id: string; name: string }, patch: Partial<Schemas['AssignmentDto']> = {}): Schemas['AssignmentDto'] => ({
      id, reviewerUnitId: reviewer.id, reviewerUnitName: reviewer.name, revieweeUnitId: reviewee.id, revieweeUnitName: reviewee.name, status: 'active', recusalReason: '',
      replacedById: null, reciprocal: false, scored: 0, ...patch,
    });
    const generated = assignments([a('a1', units.dukcq, units.lhp), a('a2', units.bql, units.lhp, { status: 'recused', recusalReason: 'Đơn vị có cán bộ biệt phái sang' })]);
    let current = assignments();
    const api = stubApi(leaderApi({
      'GET /api/rounds/:id/assignments': () => current,
      'POST /api/rounds/:id/assignments/generate': () => reply(201, (current = generated)),
      'POST /api/review-assignments/:id/reassign': () => (current = assignments([a('a1', units.dukcq, units.lhp), a('a2', units.bql, units.lhp, { status: 'recused', replacedById: 'a3' }), a('a3', units.dukdh, units.lhp)])),
    }));
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    expect(await screen.findByText('Chưa phân công chấm chéo.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tạo phân công' }));
    let dialog = await screen.findByRole('dialog', { name: 'Tạo phân công chấm chéo' });
    await userEvent.type(within(dialog).getByLabelText('Hạt giống ngẫu nhiên'), '42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tạo phân công' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/assignments/generate')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/assignments/generate')[0].body).toEqual({ seed: 42 });
    const table = screen.getByRole('table', { name: 'Phân công chấm chéo' });
    const recused = await within(table).findByRole('row', { name: new RegExp(units.bql.name) });
    expect(within(recused).getByText('Đã từ chối')).toBeInTheDocument();
    expect(within(recused).getByText('Đơn vị có cán bộ biệt phái sang')).toBeInTheDocument();
    // The leader's own unit may recuse from its assignment.
    expect(within(within(table).getByRole('row', { name: new RegExp(units.dukcq.name) })).getByRole('button', { name: 'Từ chối chấm' })).toBeInTheDocument();

    await userEvent.click(within(recused).getByRole('button', { name: 'Phân công thay' }));
    dialog = await screen.findByRole('dialog', { name: `Phân công chấm thay – ${units.lhp.name}` });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Phân công thay' }));
    await waitFor(() => expect(api.calls('POST /api/review-assignments/:id/reassign')).toHaveLength(1));
    expect(api.calls('POST /api/review-assignments/:id/reassign')[0]).toMatchObject({ params: { id: 'a2' }, body: {} });
    expect(await within(table).findByText('Đã có đơn vị chấm thay')).toBeInTheDocument();
  });

  it('shows a member unit its own status, self-assessment and reviews, without the board or leader actions', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/notifications': [],
      'GET /api/rounds/:id': round({ phase: 'review', phaseLabel: 'Chấm chéo, thẩm định', myUnit: { unitId: units.lhp.id, deadline: at(2030, 12, 10, 17), status: 'locked', reviews: [units.bql.id] } }),
      'GET /api/rounds/:id/targets': [],
      'GET /api/rounds/:id/assignments': assignments([{
        id: 'a9', reviewerUnitId: units.lhp.id, reviewerUnitName: units.lhp.name, revieweeUnitId: units.bql.id, revieweeUnitName: units.bql.name, status: 'active', recusalReason: '', replacedById: null, reciprocal: false, scored: 3,
      }]),
      'POST /api/review-assignments/:id/recuse': reply(409, { statusCode: 409, code: 'wrong_phase', message: 'x' }),
    });
    renderRoute(`/rounds/${ROUND_ID}`);
    await findPage(TITLE);
    expect(screen.getByText('Đã khóa')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem bản tự chấm' })).toHaveAttribute('href', `/rounds/${ROUND_ID}/units/${units.lhp.id}`);
    const reviewLinks = screen.getAllByRole('link', { name: `Chấm chéo: ${units.bql.name}` });
    expect(reviewLinks[0]).toHaveAttribute('href', `/rounds/${ROUND_ID}/units/${units.bql.id}/review`);
    expect(screen.queryByRole('table', { name: 'Tiến độ tự chấm của các đơn vị' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Chuyển sang/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sửa lịch' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bảng xếp hạng' })).not.toBeInTheDocument();
    expect(api.calls('GET /api/rounds/:id/progress')).toHaveLength(0);
    // A reviewer may recuse until reviewing ends.
    await userEvent.click(await screen.findByRole('button', { name: 'Từ chối chấm' }));
    const dialog = await screen.findByRole('dialog', { name: `Từ chối chấm chéo ${units.bql.name}` });
    await userEvent.type(within(dialog).getByLabelText('Lý do (xung đột lợi ích…)'), 'Thủ trưởng hai đơn vị là vợ chồng');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Từ chối chấm' }));
    await waitFor(() => expect(api.calls('POST /api/review-assignments/:id/recuse')).toHaveLength(1));
    expect(api.calls('POST /api/review-assignments/:id/recuse')[0].body).toEqual({ reason: 'Thủ trưởng hai đơn vị là vợ chồng' });
  });
});
