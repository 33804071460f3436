import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import { assessment, patchRow, round, ROUND_ID, scoreRow, source, U } from '../../../test/review-fixtures';

const TITLE = `Chấm chéo, thẩm định: ${U.lhp.name}`;
const URL_ = `/rounds/${ROUND_ID}/units/${U.lhp.id}/review`;
const PEER_PUT = 'PUT /api/rounds/:roundId/units/:unitId/reviews/:criterionId';
const APPRAISAL_PUT = 'PUT /api/rounds/:roundId/units/:unitId/appraisal/:criterionId';

/** An officer of ĐUK các trường ĐH, CĐ, whose unit is assigned to cross-review Lê Hồng Phong. */
const reviewer: Schemas['MeDto'] = { ...users.officer, id: 'acc-dukdh', fullName: 'Trần Minh Quân', email: 'canbo.dukdh@thidua.vn', unitId: U.dukdh.id, unitName: U.dukdh.name };

const assignments = (status: 'active' | 'recused' = 'active'): Schemas['AssignmentsDto'] => ({
  roundId: ROUND_ID, seed: 42, reviewsPerUnit: 2,
  assignments: [
    { id: 'asg-1', reviewerUnitId: U.dukdh.id, reviewerUnitName: U.dukdh.name, revieweeUnitId: U.lhp.id, revieweeUnitName: U.lhp.name, status, recusalReason: status === 'recused' ? 'Xung đột lợi ích' : '', replacedById: null, reciprocal: false, scored: 0 },
    { id: 'asg-2', reviewerUnitId: U.hiza.id, reviewerUnitName: U.hiza.name, revieweeUnitId: U.lhp.id, revieweeUnitName: U.lhp.name, status: 'active', recusalReason: '', replacedById: null, reciprocal: false, scored: 0 },
  ],
});

function peerSetup() {
  return stubApi({
    'GET /api/auth/me': reviewer,
    'GET /api/rounds/:id': round('review', { myUnit: { unitId: U.dukdh.id, deadline: '2024-12-05T10:00:00.000Z', status: 'submitted', reviews: [U.lhp.id, U.hiza.id] } }),
    'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('review', { canReview: true }),
    'GET /api/rounds/:id/assignments': assignments(),
  });
}

describe('Review page: cross-review by an assigned unit', () => {
  it("shows the unit's self score, note and evidence beside the input, and requires a reason when the score differs", async () => {
    const api = peerSetup();
    api.on(PEER_PUT, (req) => {
      const body = req.body as { score: number; note: string; version: number };
      return { row: scoreRow(req.params.criterionId, 'peer', U.dukdh.id, { score: body.score, note: body.note, version: 1, updatedByName: 'Trần Minh Quân' }), changed: true };
    });
    renderRoute(URL_);
    await findPage(TITLE);

    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).getByText('20 điểm')).toBeInTheDocument();
    expect(within(i1).getByText('Hoàn thành kế hoạch đào tạo 2.350 lượt cán bộ')).toBeInTheDocument();
    expect(within(i1).getByRole('button', { name: 'Tải bao-cao-tong-ket-2024.pdf' })).toBeInTheDocument();
    expect(screen.getByText('Đã chấm 0/5 tiêu chí')).toBeInTheDocument();

    const input = within(i1).getByLabelText(/^Điểm chấm chéo của đơn vị bạn: Điểm – /);
    await userEvent.type(input, '12');
    expect(within(i1).getByText('(Bắt buộc vì khác điểm tự chấm)')).toBeInTheDocument();
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    expect(await within(i1).findByRole('alert')).toHaveTextContent('Điểm khác điểm tự chấm nên phải ghi lý do.');
    expect(api.calls(PEER_PUT)).toHaveLength(0);

    await userEvent.type(within(i1).getByLabelText(/Lý do/), 'Minh chứng chưa thể hiện kết quả quý IV');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    await waitFor(() => expect(api.calls(PEER_PUT)).toHaveLength(1));
    expect(api.calls(PEER_PUT)[0]).toMatchObject({
      params: { roundId: ROUND_ID, unitId: U.lhp.id, criterionId: 'c-I1' },
      body: { score: 12, note: 'Minh chứng chưa thể hiện kết quả quý IV', version: 0 },
    });
    expect(await screen.findByText('Đã lưu tiêu chí I.1.')).toBeInTheDocument();
    expect(api.calls(APPRAISAL_PUT)).toHaveLength(0);

    // The same value as the self score needs no reason: pass/fail "Đạt" as the unit declared.
    const i2 = screen.getByRole('region', { name: 'Tiêu chí I.2' });
    await userEvent.click(within(i2).getByRole('radio', { name: 'Đạt' }));
    expect(within(i2).queryByText('(Bắt buộc vì khác điểm tự chấm)')).not.toBeInTheDocument();
    await userEvent.click(within(i2).getByRole('button', { name: 'Lưu I.2' }));
    await waitFor(() => expect(api.calls(PEER_PUT)).toHaveLength(2));
    expect(api.calls(PEER_PUT)[1].body).toEqual({ passed: true, note: '', version: 0 });
  });

  it("shows the server's refusal as it is, and the newer row after a conflict", async () => {
    const api = peerSetup();
    api.on(PEER_PUT, (req) =>
      req.params.criterionId === 'c-II1'
        ? reply(409, { code: 'wrong_phase', message: 'Đợt chấm điểm đang ở giai đoạn "Giải trình"; chỉ được chấm chéo trong giai đoạn "Chấm chéo, thẩm định".' })
        : reply(409, {
          code: 'stale_version', message: 'Tiêu chí II.2: điểm vừa được người khác cập nhật.',
          current: scoreRow('c-II2', 'peer', U.dukdh.id, { score: 20, note: 'Thiếu kế hoạch phát động', version: 2, updatedByName: 'Lê Văn Bình' }),
        }));
    renderRoute(URL_);
    await findPage(TITLE);

    const ii2 = screen.getByRole('region', { name: 'Tiêu chí II.2' });
    await userEvent.type(within(ii2).getByLabelText(/^Điểm chấm chéo của đơn vị bạn: Điểm – /), '25');
    await userEvent.click(within(ii2).getByRole('button', { name: 'Lưu II.2' }));
    expect(await within(ii2).findByText('Dòng điểm vừa được người khác cập nhật: 20 điểm (phiên bản 2).')).toBeInTheDocument();
    expect(within(ii2).getByText('Lý do của họ: Thiếu kế hoạch phát động')).toBeInTheDocument();
    // Saving again overwrites the newer row: the request carries its version.
    await userEvent.click(within(ii2).getByRole('button', { name: 'Lưu II.2' }));
    await waitFor(() => expect(api.calls(PEER_PUT)).toHaveLength(2));
    expect(api.calls(PEER_PUT)[1].body).toEqual({ score: 25, note: '', version: 2 });

    // A target criterion: the actual value is compared; the hint shows it scores above the target.
    const ii1 = screen.getByRole('region', { name: 'Tiêu chí II.1' });
    await userEvent.type(within(ii1).getByLabelText(/^Điểm chấm chéo của đơn vị bạn: Giá trị thực hiện – /), '80');
    // The browser does not score it: the server does, against the block, and explains it once saved.
    expect(within(ii1).getByText(/Điểm theo chỉ tiêu do hệ thống tính khi lưu/)).toBeInTheDocument();
    await userEvent.type(within(ii1).getByLabelText(/Lý do/), 'Chỉ 80 tin, bài có xác nhận của cơ quan báo chí');
    await userEvent.click(within(ii1).getByRole('button', { name: 'Lưu II.1' }));
    expect(await within(ii1).findByText('Đợt chấm điểm đang ở giai đoạn "Giải trình"; chỉ được chấm chéo trong giai đoạn "Chấm chéo, thẩm định".')).toBeInTheDocument();
    expect(api.calls(PEER_PUT)[2].body).toEqual({ actual: 80, note: 'Chỉ 80 tin, bài có xác nhận của cơ quan báo chí', version: 0 });
  });

  it("explains a target criterion's score with the unit's own figures and the server's result", async () => {
    stubApi({
      'GET /api/auth/me': reviewer,
      'GET /api/rounds/:id': round('review', { myUnit: { unitId: U.dukdh.id, deadline: '2024-12-05T10:00:00.000Z', status: 'submitted', reviews: [U.lhp.id, U.hiza.id] } }),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('review', { canReview: true }, patchRow('c-II1', (r) => ({
        ...r,
        selfFormula: { basis: 'best_over_target', target: 100, actual: 150, max: 30, reference: null, score: 30 },
        myReview: scoreRow('c-II1', 'peer', U.dukdh.id, { actual: 100, note: 'Chỉ 100 tin có xác nhận' }),
        myReviewFormula: { basis: 'met_target', target: 100, actual: 100, max: 30, reference: null, score: 15 },
      }))),
      'GET /api/rounds/:id/assignments': assignments(),
    });
    renderRoute(URL_);
    await findPage(TITLE);
    const ii1 = screen.getByRole('region', { name: 'Tiêu chí II.1' });
    // Beside the unit's own figure: it exceeded its target the most in the block.
    expect(within(ii1).getByText('Vượt chỉ tiêu nhiều nhất khối: được tối đa M = 30 điểm.')).toBeInTheDocument();
    // Beside the reviewer's field: exactly on target is half the points, and why.
    expect(within(ii1).getByLabelText('Điểm chấm chéo của đơn vị bạn: Giá trị thực hiện – II.1. Số tin, bài tuyên truyền điển hình tiên tiến')).toHaveValue('100');
    expect(within(ii1).getAllByText('Chỉ tiêu T = 100 · Thực hiện A = 100 · Tối đa M = 30')).toHaveLength(1);
    expect(within(ii1).getByText('Đạt đúng chỉ tiêu (A = T): 0,5 × M = 0,5 × 30 = 15 điểm. Chỉ đơn vị vượt chỉ tiêu nhiều nhất khối được tối đa M.')).toBeInTheDocument();
    // The reason box has a real label naming its criterion.
    expect(within(ii1).getByRole('textbox', { name: /^Lý do – II\.1\. Số tin, bài/ })).toBeInTheDocument();
  });

  it('lets the reviewer recuse with a mandatory reason', async () => {
    const api = peerSetup();
    api.on('POST /api/review-assignments/:id/recuse', assignments('recused'));
    renderRoute(URL_);
    await findPage(TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Từ chối chấm chéo' }));
    const dialog = await screen.findByRole('dialog', { name: `Từ chối chấm chéo ${U.lhp.name}` });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Từ chối chấm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Phải ghi lý do từ chối chấm');
    expect(api.calls('POST /api/review-assignments/:id/recuse')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Lý do từ chối chấm'), 'Thủ trưởng hai đơn vị là người thân');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Từ chối chấm' }));
    await waitFor(() => expect(api.calls('POST /api/review-assignments/:id/recuse')).toHaveLength(1));
    expect(api.calls('POST /api/review-assignments/:id/recuse')[0]).toMatchObject({ params: { id: 'asg-1' }, body: { reason: 'Thủ trưởng hai đơn vị là người thân' } });
  });
});

describe('Review page: leader appraisal', () => {
  it("sends the leader's score to the appraisal endpoint with the row's version", async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/rounds/:id': round('review', { permissions: { canManage: true, canSelfAssess: false, canSeeRanking: true, canSeeProgress: true } }),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('review', { canAppraise: true }, patchRow('c-I1', (r) => ({
        ...r,
        sources: [
          source('c-I1', 'peer', U.dukdh, { score: 12, note: 'Minh chứng chưa thể hiện kết quả quý IV' }),
          source('c-I1', 'leader', U.dukcq, { score: 18, note: 'Chưa đủ minh chứng', row: { version: 3 } }),
        ],
      }))),
      'GET /api/rounds/:id/assignments': { roundId: ROUND_ID, seed: 42, reviewsPerUnit: 2, assignments: [] },
      [APPRAISAL_PUT]: (req) => ({ row: scoreRow('c-I1', 'leader', U.dukcq.id, { score: 15, note: (req.body as { note: string }).note, version: 4 }), changed: true }),
    });
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.queryByRole('button', { name: 'Từ chối chấm chéo' })).not.toBeInTheDocument();
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    // The peers' scores are beside the self-assessment for the leader.
    expect(within(i1).getByText(`Chấm chéo: ${U.dukdh.name}:`, { exact: false })).toBeInTheDocument();
    const input = within(i1).getByLabelText(/^Điểm thẩm định: Điểm – /);
    expect(input).toHaveValue('18');
    await userEvent.clear(input);
    await userEvent.type(input, '15');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    await waitFor(() => expect(api.calls(APPRAISAL_PUT)).toHaveLength(1));
    expect(api.calls(APPRAISAL_PUT)[0]).toMatchObject({ params: { criterionId: 'c-I1' }, body: { score: 15, note: 'Chưa đủ minh chứng', version: 3 } });
    expect(api.calls(PEER_PUT)).toHaveLength(0);
  });

  it('is read only outside the review phase', async () => {
    stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/rounds/:id': round('explanation', { permissions: { canManage: true, canSelfAssess: false, canSeeRanking: true, canSeeProgress: true } }),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('explanation', {}),
      'GET /api/rounds/:id/assignments': { roundId: ROUND_ID, seed: 42, reviewsPerUnit: 2, assignments: [] },
    });
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.getByText('Đợt chấm đang ở giai đoạn "Giải trình"; chỉ chấm chéo, thẩm định trong giai đoạn "Chấm chéo, thẩm định".')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Lưu/ })).not.toBeInTheDocument();
  });
});
