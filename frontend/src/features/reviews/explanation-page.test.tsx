import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import { assessment, patchRow, round, ROUND_ID, source, U } from '../../../test/review-fixtures';

const TITLE = `Giải trình: ${U.lhp.name}`;
const URL_ = `/rounds/${ROUND_ID}/units/${U.lhp.id}/explanation`;
const PUT = 'PUT /api/rounds/:roundId/units/:unitId/explanations/:criterionId';
const UPLOAD = 'POST /api/rounds/:roundId/units/:unitId/evidence/:criterionId';

/** I.1 was scored lower by a peer and by the leader; I.2 was scored as declared. */
const lowered = (explanation: { text: string; version: number } | null = null) => (list: Parameters<ReturnType<typeof patchRow>>[0]) =>
  patchRow('c-I1', (r) => ({
    ...r, lowered: true,
    explanation: explanation && { ...explanation, updatedAt: '2024-12-14T02:00:00.000Z' },
    sources: [
      source('c-I1', 'peer', U.dukdh, { score: 12, note: 'Minh chứng chưa thể hiện kết quả quý IV', lowered: true }),
      source('c-I1', 'leader', U.dukcq, { score: 15, note: 'Kết quả quý IV chưa đạt chỉ tiêu đề ra', lowered: true }),
    ],
  }))(patchRow('c-I2', (r) => ({ ...r, sources: [source('c-I2', 'peer', U.dukdh, { score: 10 })] }))(list));

describe('Explanation page', () => {
  it('lists only the lowered criteria with each source and reason, and saves an answer', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/rounds/:id': round('explanation'),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('explanation', { canExplain: true }, lowered()),
      [PUT]: (req) => ({ criterionId: req.params.criterionId, explanation: { text: (req.body as { text: string }).text, version: 1, updatedAt: '2024-12-15T02:00:00.000Z' } }),
    });
    renderRoute(URL_);
    await findPage(TITLE);

    expect(screen.getAllByRole('region', { name: /^Tiêu chí / })).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Tiêu chí I.2' })).not.toBeInTheDocument();
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).getByText(`Chấm chéo: ${U.dukdh.name}:`, { exact: false })).toBeInTheDocument();
    expect(within(i1).getByText('12 điểm')).toBeInTheDocument();
    expect(within(i1).getByText('Minh chứng chưa thể hiện kết quả quý IV')).toBeInTheDocument();
    expect(within(i1).getByText(`Thẩm định: ${U.dukcq.name}:`, { exact: false })).toBeInTheDocument();
    expect(within(i1).getByText('Kết quả quý IV chưa đạt chỉ tiêu đề ra')).toBeInTheDocument();
    expect(within(i1).getAllByText('Thấp hơn tự chấm')).toHaveLength(2);

    await userEvent.type(within(i1).getByLabelText('Nội dung giải trình'), 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    await waitFor(() => expect(api.calls(PUT)).toHaveLength(1));
    expect(api.calls(PUT)[0]).toMatchObject({
      params: { roundId: ROUND_ID, unitId: U.lhp.id, criterionId: 'c-I1' },
      body: { text: 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.', version: 0 },
    });
    expect(await screen.findByText('Đã lưu giải trình tiêu chí I.1.')).toBeInTheDocument();
  });

  it('uploads explanation evidence with purpose=explanation, and shows a newer answer after a conflict', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/rounds/:id': round('explanation'),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('explanation', { canExplain: true }, lowered({ text: 'Bản nháp', version: 1 })),
      [UPLOAD]: reply(201, { id: 'ev-9', criterionId: 'c-I1', purpose: 'explanation', filename: 'bao-cao-quy-IV.pdf', mimeType: 'application/pdf', sizeBytes: 1024, sha256: 'cd'.repeat(32), uploadedAt: '2024-12-15T02:00:00.000Z', uploadedByName: 'Đỗ Thị Hạnh' }),
      [PUT]: reply(409, { code: 'stale_version', message: 'Tiêu chí I.1: giải trình vừa được người khác cập nhật.', current: { text: 'Nội dung của đồng nghiệp', version: 2, updatedAt: '2024-12-15T03:00:00.000Z' } }),
    });
    renderRoute(URL_);
    await findPage(TITLE);
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).getByLabelText('Nội dung giải trình')).toHaveValue('Bản nháp');

    const file = new File(['%PDF-1.4'], 'bao-cao-quy-IV.pdf', { type: 'application/pdf' });
    await userEvent.upload(within(i1).getByLabelText('Tải lên minh chứng I.1'), file);
    await waitFor(() => expect(api.calls(UPLOAD)).toHaveLength(1));
    expect(api.calls(UPLOAD)[0].params.criterionId).toBe('c-I1');
    expect(api.calls(UPLOAD)[0].query.get('purpose')).toBe('explanation');
    expect((api.calls(UPLOAD)[0].body as FormData).get('file')).toBeInstanceOf(File);
    expect(await screen.findByText('Đã tải lên bao-cao-quy-IV.pdf.')).toBeInTheDocument();

    await userEvent.type(within(i1).getByLabelText('Nội dung giải trình'), ' hoàn chỉnh');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    expect(await within(i1).findByText(/Giải trình vừa được người khác cập nhật \(phiên bản 2\): "Nội dung của đồng nghiệp"/)).toBeInTheDocument();
    expect(api.calls(PUT)[0].body).toEqual({ text: 'Bản nháp hoàn chỉnh', version: 1 });
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    await waitFor(() => expect(api.calls(PUT)).toHaveLength(2));
    expect(api.calls(PUT)[1].body).toEqual({ text: 'Bản nháp hoàn chỉnh', version: 2 });
  });

  it('is read only outside the explanation phase', async () => {
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/rounds/:id': round('final_review'),
      'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('final_review', {}, lowered({ text: 'Đơn vị đã bổ sung báo cáo.', version: 1 })),
    });
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.getByText('Đợt chấm đang ở giai đoạn "Chốt điểm"; chỉ giải trình trong giai đoạn "Giải trình".')).toBeInTheDocument();
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).getByText('Đơn vị đã bổ sung báo cáo.')).toBeInTheDocument();
    expect(within(i1).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(i1).queryByRole('button', { name: 'Tải lên minh chứng' })).not.toBeInTheDocument();
  });
});
