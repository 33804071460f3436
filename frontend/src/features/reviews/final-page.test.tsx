import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubApi } from '../../../test/fetch-stub';
import { blockYear2024, defaultRules } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { assessment, patchRow, round, ROUND_ID, scoreRow, source, U } from '../../../test/review-fixtures';

const TITLE = `Chốt điểm: ${U.lhp.name}`;
const URL_ = `/rounds/${ROUND_ID}/units/${U.lhp.id}/final`;
const PUT = 'PUT /api/rounds/:roundId/units/:unitId/final/:criterionId';
const MANAGE = { canManage: true, canSelfAssess: false, canSeeRanking: true, canSeeProgress: true };
const YEAR_PERMS = { canManage: false, seat: 'leader' as const, canEditRules: false };

type Rows = Parameters<ReturnType<typeof patchRow>>[0];

/**
 * I.1 (max 20): self 20, peers 12 and 19, leader 15; the final is the leader's 15, so the first peer
 * (8 > 4) and the self score (5 > 4) diverge by more than 20% of the max. II.2 (max 30): self 25, leader 22 (3 ≤ 6).
 */
const sources = (list: Rows) =>
  patchRow('c-I1', (r) => ({
    ...r, lowered: true,
    sources: [
      source('c-I1', 'peer', U.dukdh, { score: 12, note: 'Minh chứng chưa thể hiện kết quả quý IV', lowered: true, divergent: true }),
      source('c-I1', 'peer', U.hiza, { score: 19, note: 'Thiếu một báo cáo quý', lowered: true }),
      source('c-I1', 'leader', U.dukcq, { score: 15, note: 'Kết quả quý IV chưa đạt chỉ tiêu đề ra', lowered: true }),
    ],
    final: { score: 15, source: 'leader', actual: null },
    explanation: { text: 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.', version: 1, updatedAt: '2024-12-15T02:00:00.000Z' },
  }))(patchRow('c-II2', (r) => ({
    ...r, lowered: true,
    sources: [source('c-II2', 'leader', U.dukcq, { score: 22, note: 'Một phong trào chưa sơ kết', lowered: true })],
    final: { score: 22, source: 'leader', actual: null },
  }))(patchRow('c-I2', (r) => ({ ...r, sources: [source('c-I2', 'peer', U.dukdh, { score: 10 })], final: { score: 10, source: 'leader', actual: null } }))(list)));

function setup(rules = defaultRules) {
  return stubApi({
    'GET /api/auth/me': users.leaderOfficer,
    'GET /api/rounds/:id': round('final_review', { permissions: MANAGE }),
    'GET /api/block-years/:id': blockYear2024(YEAR_PERMS, { rules }),
    'GET /api/rounds/:roundId/units/:unitId/assessment': assessment('final_review', { canSetFinal: true }, sources, {
      finalTotals: { max: 100, score: 85, bonus: 0, deductions: 0, total: 85, filled: 6, required: 6, unfilledCodes: [], evidenceMissingCodes: [] },
    }),
    [PUT]: (req) => {
      const b = req.body as { score: number; note: string };
      return { row: scoreRow(req.params.criterionId, 'final', U.dukcq.id, { score: b.score, note: b.note, version: 1, updatedByName: 'Phạm Quang Huy' }), changed: true };
    },
  });
}

describe('Final review page', () => {
  it('shows every source side by side, highlights divergence above 20% of the max, and totals per source', async () => {
    setup();
    renderRoute(URL_);
    await findPage(TITLE);

    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).getByText('Chênh lệch lớn')).toBeInTheDocument();
    for (const text of ['20 điểm', '12 điểm', '19 điểm', 'Minh chứng chưa thể hiện kết quả quý IV', 'Kết quả quý IV chưa đạt chỉ tiêu đề ra', 'Đơn vị bổ sung báo cáo quý IV có xác nhận của Thành ủy.']) {
      expect(within(i1).getByText(text)).toBeInTheDocument();
    }
    // The diverging boxes: the first peer (12) and the self score (20) against the final 15; not the second peer (19).
    expect(within(i1).getByText('12 điểm').closest('[data-divergent]')).not.toBeNull();
    expect(within(i1).getByText('20 điểm').closest('[data-divergent]')).not.toBeNull();
    expect(within(i1).getByText('19 điểm').closest('[data-divergent]')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Tiêu chí II.2' })).queryByText('Chênh lệch lớn')).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Tiêu chí I.2' })).queryByText('Chênh lệch lớn')).not.toBeInTheDocument();
    expect(screen.getByText('1 tiêu chí chênh lệch lớn')).toBeInTheDocument();

    const totals = screen.getByRole('list', { name: 'Tổng điểm theo nguồn' });
    expect(within(totals).getByRole('listitem', { name: 'Tự chấm' })).toHaveTextContent('93');
    expect(within(totals).getByRole('listitem', { name: `Chấm chéo: ${U.dukdh.name}` })).toHaveTextContent('22');
    expect(within(totals).getByRole('listitem', { name: 'Thẩm định' })).toHaveTextContent('37');
    expect(within(totals).getByRole('listitem', { name: 'Điểm cuối cùng' })).toHaveTextContent('85');

    // Only the diverging rows.
    await userEvent.click(screen.getByRole('switch', { name: 'Chỉ hiện dòng chênh lệch lớn' }));
    expect(screen.getAllByRole('region', { name: /^Tiêu chí / }).map((r) => r.getAttribute('aria-label'))).toEqual(['Tiêu chí I.1']);
  });

  it('saves a final score, with a reason when it differs from the self score', async () => {
    const api = setup();
    renderRoute(URL_);
    await findPage(TITLE);
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    await userEvent.type(within(i1).getByLabelText(/^Điểm cuối cùng: Điểm – /), '17');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    expect(await within(i1).findByRole('alert')).toHaveTextContent('Điểm khác điểm tự chấm nên phải ghi lý do.');
    expect(api.calls(PUT)).toHaveLength(0);
    await userEvent.type(within(i1).getByLabelText(/Lý do/), 'Chấp nhận một phần giải trình');
    await userEvent.click(within(i1).getByRole('button', { name: 'Lưu I.1' }));
    await waitFor(() => expect(api.calls(PUT)).toHaveLength(1));
    expect(api.calls(PUT)[0]).toMatchObject({ params: { criterionId: 'c-I1' }, body: { score: 17, note: 'Chấp nhận một phần giải trình', version: 0 } });
    expect(await screen.findByText('Đã lưu tiêu chí I.1.')).toBeInTheDocument();
  });

  it('under the median rule shows the computed final read only until the leader chooses to adjust it', async () => {
    setup({ ...defaultRules, finalScoreRule: 'peer_median' });
    renderRoute(URL_);
    await findPage(TITLE);
    expect(await screen.findByText('Bộ quy tắc năm nay lấy trung vị điểm chấm chéo làm điểm cuối cùng; điểm được tính tự động.')).toBeInTheDocument();
    const i1 = screen.getByRole('region', { name: 'Tiêu chí I.1' });
    expect(within(i1).queryByLabelText('Điểm cuối cùng: Điểm')).not.toBeInTheDocument();
    await userEvent.click(within(i1).getByRole('button', { name: 'Điều chỉnh điểm cuối cùng' }));
    expect(within(i1).getByLabelText(/^Điểm cuối cùng: Điểm – /)).toBeInTheDocument();
  });

  it('lets the leader seat switch to another unit from the header, keeping the round', async () => {
    setup();
    const { router } = renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.getByRole('link', { name: 'Bảng xếp hạng' })).toBeInTheDocument();
    const select = await openSelect(document.body, 'Chuyển đơn vị');
    expect(select.names()).toContain(U.hiza.name);
    await select.choose(U.hiza.name);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rounds/${ROUND_ID}/units/${U.hiza.id}/final`));
  });
});
