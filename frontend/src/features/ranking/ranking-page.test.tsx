import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';
import { round, ROUND_ID, U } from '../../../test/review-fixtures';

type Row = Schemas['RankingRowDto'];
type Phase = Schemas['RoundDto']['phase'];

const TITLE = 'Bảng xếp hạng: Chấm điểm thi đua năm 2024';
const URL_ = `/rounds/${ROUND_ID}/ranking`;
const MANAGE = { canManage: true, canSelfAssess: false, canSeeRanking: true, canSeeProgress: true };
const DIGEST = '3f2a9c1e'.repeat(8);

const row = (unit: { id: string; name: string }, rank: number, self: number, fin: [number, number, number, number], groups: [number, number, number, number], patch: Partial<Row> = {}): Row => {
  const [score, bonus, deductions, total] = fin;
  return {
    rank, sharedRank: false, tiedWith: [], decidedBy: rank === 1 ? null : 'total', unitId: unit.id, unitName: unit.name,
    self: { max: 100, score: self, bonus: 0, deductions: 0, total: self }, final: { max: 100, score, bonus, deductions, total }, submittedAt: '2024-12-04T09:00:00.000Z',
    groups: [
      { criterionId: 'g-I', code: 'I', title: 'Thực hiện nhiệm vụ chính trị', max: 40, self: groups[0], final: groups[1] },
      { criterionId: 'g-II', code: 'II', title: 'Công tác thi đua, khen thưởng', max: 60, self: groups[2], final: groups[3] },
    ],
    ...patch,
  };
};

/** As the server sends them: the two units tied at rank 4 in the server's order (not alphabetical). */
const rows = (): Row[] => [
  row(U.dukcq, 1, 110, [100, 10, 0, 110], [40, 40, 60, 60]),
  row(U.dukdn, 2, 72, [70, 0, 0, 70], [30, 30, 42, 40]),
  row(U.lhp, 3, 93, [70, 0, 0, 70], [38, 28, 55, 42], { decidedBy: 'first_group_score' }),
  row(U.dukdh, 4, 54.5, [56.5, 0, 2, 54.5], [20, 20, 36.5, 36.5], { sharedRank: true, tiedWith: [U.hiza.id] }),
  row(U.hiza, 4, 58.5, [56.5, 0, 2, 54.5], [21, 20, 37.5, 36.5], { sharedRank: true, tiedWith: [U.dukdh.id], decidedBy: null }),
];

const ranking = (phase: Phase): Schemas['RankingDto'] => ({
  roundId: ROUND_ID, title: 'Chấm điểm thi đua năm 2024', phase, basis: phase === 'finalised' ? 'snapshot' : 'live', digest: phase === 'finalised' ? DIGEST : null,
  tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'], rows: rows(),
});

const snapshot = (seq = 1): Schemas['SnapshotDto'] => ({
  roundId: ROUND_ID, seq, digest: DIGEST, finalisedAt: '2024-12-25T03:00:00.000Z', finalisedByName: 'Phạm Quang Huy', auditHash: 'a1'.repeat(32), rowCount: 412,
  rowHashes: [], ranking: rows(), verification: { intact: true, digestValid: true, changedRows: [], missingRows: [], addedRows: [] },
  history: [{ seq, digest: DIGEST, finalisedAt: '2024-12-25T03:00:00.000Z', supersededAt: null, reopenReason: '' }],
});

function setup(me: Schemas['MeDto'], phase: Phase, manage: boolean) {
  return stubApi({
    'GET /api/auth/me': me,
    'GET /api/rounds/:id': round(phase, manage ? { permissions: MANAGE } : {}),
    'GET /api/rounds/:id/ranking': ranking(phase),
    'GET /api/rounds/:id/snapshot': phase === 'finalised' ? snapshot() : reply(404, { code: 'not_found', message: 'Đợt chấm điểm chưa hoàn tất lần nào nên chưa có bản chốt.' }),
  });
}

const bodyRows = () => screen.getAllByRole('row').filter((r) => within(r).queryAllByRole('cell').length > 0);

describe('Ranking page', () => {
  it('shows ranks with shared ranks in Vietnamese order, groups, bonus, deductions, self vs final, and the bars', async () => {
    setup(users.leaderOfficer, 'final_review', true);
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.getByText('Tạm tính')).toBeInTheDocument();

    const names = bodyRows().map((r) => within(r).getAllByRole('cell')[1].textContent);
    expect(names).toEqual([U.dukcq.name, U.dukdn.name, U.lhp.name, U.hiza.name, U.dukdh.name]);
    const [first, , third, fourth, fifth] = bodyRows();
    expect(within(fourth).getByText('Đồng hạng')).toBeInTheDocument();
    expect(within(fifth).getByText('Đồng hạng')).toBeInTheDocument();
    expect(within(first).queryByText('Đồng hạng')).not.toBeInTheDocument();
    expect(within(third).getByText('Xếp trên theo điểm nhóm tiêu chí thứ nhất')).toBeInTheDocument();
    expect(within(first).getByText('+10')).toBeInTheDocument();
    expect(within(fifth).getByText('−2')).toBeInTheDocument();
    expect(within(fifth).getAllByText('54,5')).toHaveLength(2); // total and self total
    // Self 93 → final 70: the difference in red; the group's self score under the final one.
    expect(within(third).getByText('−23')).toHaveClass('ant-typography-danger');
    expect(within(third).getByText('tự chấm 38')).toBeInTheDocument();
    expect(screen.getByText('Thứ tự ưu tiên khi bằng điểm: điểm nhóm tiêu chí thứ nhất → ít điểm trừ hơn → nộp bản tự chấm sớm hơn; đơn vị vẫn bằng nhau được xếp đồng hạng.')).toBeInTheDocument();

    const chart = screen.getByRole('group', { name: 'Biểu đồ tổng điểm cuối cùng của các đơn vị' });
    expect(within(chart).getAllByRole('img').map((b) => b.getAttribute('aria-label'))).toEqual([
      `${U.dukcq.name}: tổng điểm 110`, `${U.dukdn.name}: tổng điểm 70`, `${U.lhp.name}: tổng điểm 70`, `${U.hiza.name}: tổng điểm 54,5`, `${U.dukdh.name}: tổng điểm 54,5`,
    ]);
    const widths = within(chart).getAllByRole('img').map((b) => Number(b.getAttribute('width')));
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBe(widths[2]);
    await userEvent.click(screen.getByRole('switch', { name: 'So sánh với điểm tự chấm' }));
    expect(within(chart).getAllByRole('img')).toHaveLength(10);
    expect(within(chart).getByRole('img', { name: `${U.lhp.name}: tự chấm 93` })).toBeInTheDocument();
  });

  it('exports the score summary as .xlsx and .pdf', async () => {
    const createObjectURL = jest.fn(() => 'blob:bang-diem');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = setup(users.board, 'finalised', false);
    api.on('GET /api/rounds/:id/ranking/export', (req) => reply(200, 'bytes', {
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`Bảng tổng hợp điểm KTĐ4 2024 cả năm.${req.query.get('format')}`)}`,
    }));
    renderRoute(URL_);
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Xuất Excel (.xlsx)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    await userEvent.click(screen.getByRole('button', { name: 'Xuất PDF (A4 ngang)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    const calls = api.calls('GET /api/rounds/:id/ranking/export');
    expect(calls.map((c) => [c.params.id, c.query.get('format')])).toEqual([[ROUND_ID, 'xlsx'], [ROUND_ID, 'pdf']]);
    expect((click.mock.contexts[1] as HTMLAnchorElement).download).toBe('Bảng tổng hợp điểm KTĐ4 2024 cả năm.pdf');
    click.mockRestore();
  });

  it('lets the leader finalise after confirming', async () => {
    const api = setup(users.leaderOfficer, 'final_review', true);
    api.on('POST /api/rounds/:id/finalise', reply(201, snapshot()));
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.queryByRole('button', { name: 'Mở lại' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Chốt kết quả' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chốt kết quả đợt chấm điểm?' });
    await userEvent.type(within(dialog).getByLabelText(/Ghi chú/), 'Hội nghị tổng kết thông qua');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Chốt kết quả' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/finalise')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/finalise')[0]).toMatchObject({ params: { id: ROUND_ID }, body: { reason: 'Hội nghị tổng kết thông qua' } });
    expect(await screen.findByText('Đã chốt kết quả (bản chốt số 1).')).toBeInTheDocument();
  });

  it('shows the signed snapshot, and lets the leader reopen only with a reason', async () => {
    const api = setup(users.leaderOfficer, 'finalised', true);
    api.on('POST /api/rounds/:id/reopen', reply(201, { ...snapshot(), history: [{ ...snapshot().history[0], supersededAt: '2025-01-05T03:00:00.000Z', reopenReason: 'Sai sót điểm thưởng' }] }));
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.getByText('Bản chốt đã ký')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Kết quả đã ký số hóa' });
    expect(within(panel).getByText(DIGEST)).toBeInTheDocument();
    expect(within(panel).getByText('Phạm Quang Huy')).toBeInTheDocument();
    expect(within(panel).getByText('10:00 25/12/2024')).toBeInTheDocument();
    expect(within(panel).getByText('Toàn vẹn: dữ liệu điểm khớp với bản chốt')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chốt kết quả' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Mở lại' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mở lại đợt chấm điểm đã hoàn tất' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mở lại' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Phải ghi lý do mở lại');
    expect(api.calls('POST /api/rounds/:id/reopen')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Lý do mở lại'), 'Ban TĐKT phát hiện sai sót điểm thưởng của một đơn vị');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mở lại' }));
    await waitFor(() => expect(api.calls('POST /api/rounds/:id/reopen')).toHaveLength(1));
    expect(api.calls('POST /api/rounds/:id/reopen')[0].body).toEqual({ reason: 'Ban TĐKT phát hiện sai sót điểm thưởng của một đơn vị' });
  });

  it('is read only for the board and for member units', async () => {
    setup(users.board, 'finalised', false);
    const view = renderRoute(URL_);
    await findPage(TITLE);
    expect(await screen.findByRole('region', { name: 'Kết quả đã ký số hóa' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mở lại' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chốt kết quả' })).not.toBeInTheDocument();
    view.unmount();

    setup(users.officer, 'final_review', false);
    renderRoute(URL_);
    await findPage(TITLE);
    expect(screen.queryByRole('button', { name: 'Chốt kết quả' })).not.toBeInTheDocument();
  });
});
