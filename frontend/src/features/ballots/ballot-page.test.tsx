import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { decryptSum, paperProblem, type EncryptedPaper } from '@ballot-crypto';
import { ballot, BALLOT_KEY, lhpHead, RECEIPTS, tiedResult, voter } from './test-fixtures';

const TITLE = 'Bỏ phiếu: Bằng khen của UBND Thành phố';

describe('Ballot page', () => {
  it('lets a unit head approve at most the quota, sends only an encrypted paper, then shows that the unit voted and its receipt', async () => {
    localStorage.clear();
    const open = ballot({ myUnit: { unitId: units.lhp.id, present: true, hasVoted: false, canVote: true, reason: null } });
    const api = stubApi({
      'GET /api/auth/me': lhpHead,
      'GET /api/ballots/:id': open,
      'POST /api/ballots/:id/votes': () => {
        const after = ballot({ ballotsCast: 1, voters: [voter(units.lhp)], myUnit: { unitId: units.lhp.id, present: true, hasVoted: true, canVote: false, reason: 'Đơn vị đã bỏ phiếu.' } });
        api.on('GET /api/ballots/:id', after);
        return reply(201, { ...after, receipt: RECEIPTS.mine });
      },
    });
    renderRoute('/ballots/ballot-1');
    await findPage(TITLE);

    const form = screen.getByRole('region', { name: `Phiếu bầu của đơn vị ${units.lhp.name}` });
    expect(within(form).getByRole('status')).toHaveTextContent('Đã chọn 0/2');
    await userEvent.click(within(form).getByRole('checkbox', { name: new RegExp(units.dukcq.name) }));
    await userEvent.click(within(form).getByRole('checkbox', { name: new RegExp(units.dukdn.name) }));
    expect(within(form).getByRole('status')).toHaveTextContent('Đã chọn 2/2');
    // The quota is reached: the remaining candidate cannot be ticked.
    expect(within(form).getByRole('checkbox', { name: new RegExp(units.bql.name) })).toBeDisabled();
    expect(within(form).getByRole('checkbox', { name: new RegExp(units.dukcq.name) })).toBeEnabled();

    await userEvent.click(within(form).getByRole('button', { name: 'Bỏ phiếu' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Phiếu đã bỏ không thể sửa.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bỏ phiếu' }));

    await waitFor(() => expect(api.calls('POST /api/ballots/:id/votes')).toHaveLength(1));
    // Only ciphertexts and proofs leave the browser: no unit id, and the paper is valid for this ballot.
    const body = api.calls('POST /api/ballots/:id/votes')[0].body as { paper: EncryptedPaper };
    expect(Object.keys(body)).toEqual(['paper']);
    for (const u of Object.values(units)) expect(JSON.stringify(body)).not.toContain(u.id);
    const ctx = { ballotId: 'ballot-1', publicKey: BALLOT_KEY.publicKey, candidates: 3, quota: 2 };
    expect(paperProblem(ctx, body.paper)).toBeNull();
    // With the ballot's secret key (which only the server holds, wrapped), it reads ĐUK CQ and ĐUK DN.
    expect(body.paper.choices.map((c) => decryptSum(ctx, BALLOT_KEY.secretKey, c, 1).count)).toEqual([1, 0, 1]);
    expect(await screen.findByText('Đơn vị đã bỏ phiếu.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Biên nhận phiếu của đơn vị' })).toHaveTextContent(RECEIPTS.mine);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Phiếu bầu của đơn vị/ })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Tiến độ bỏ phiếu' })).toHaveTextContent('Đã bỏ phiếu: 1/4 đơn vị có mặt');
    expect(api.unmatched).toEqual([]);
  });

  it('after the close, a unit checks its receipt against the published list (prefilled from this device)', async () => {
    localStorage.setItem('thidua.ballot-receipt.ballot-1', RECEIPTS.mine);
    const closed = ballot({ status: 'closed', closedAt: '2024-12-27T03:30:00.000Z', ballotsCast: 4, publicKey: null, result: tiedResult(),
      series: { seriesId: 'ballot-1', rounds: [{ id: 'ballot-1', round: 1, status: 'closed' }], complete: false, revotePending: true, elected: [] } });
    stubApi({ 'GET /api/auth/me': lhpHead, 'GET /api/ballots/:id': closed });
    renderRoute('/ballots/ballot-1');
    await findPage(TITLE);
    const check = screen.getByRole('region', { name: 'Kiểm tra biên nhận' });
    const input = within(check).getByRole('textbox', { name: 'Biên nhận cần kiểm tra' });
    expect(input).toHaveValue(RECEIPTS.mine);
    await userEvent.click(within(check).getByRole('button', { name: 'Kiểm tra biên nhận' }));
    expect(within(check).getByRole('status')).toHaveTextContent('Có trong danh sách: phiếu mang biên nhận này đã được kiểm.');
    await userEvent.clear(input);
    await userEvent.type(input, 'c'.repeat(64));
    await userEvent.click(within(check).getByRole('button', { name: 'Kiểm tra biên nhận' }));
    expect(within(check).getByRole('status')).toHaveTextContent('Không có trong danh sách');
    await userEvent.clear(input);
    await userEvent.type(input, 'xyz');
    await userEvent.click(within(check).getByRole('button', { name: 'Kiểm tra biên nhận' }));
    expect(within(check).getByRole('status')).toHaveTextContent('64 ký tự');
    localStorage.clear();
  });

  it('tells the head of an absent unit why it cannot vote, with no ballot form', async () => {
    const reason = 'Đơn vị của bạn không có mặt tại hội nghị khi mở bỏ phiếu nên không được bỏ phiếu.';
    stubApi({ 'GET /api/auth/me': lhpHead, 'GET /api/ballots/:id': ballot({ myUnit: { unitId: units.lhp.id, present: false, hasVoted: false, canVote: false, reason } }) });
    renderRoute('/ballots/ballot-1');
    await findPage(TITLE);
    expect(screen.getByText(`Chưa bỏ phiếu được: ${reason}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bỏ phiếu' })).toBeNull();
  });

  it('shows the leader the count and who voted while open, no contents; closing shows the result and a re-vote on a tie', async () => {
    const leaderPerms = { canRun: true, canClose: true, canEnterPaperTally: false, canOpenRevote: false };
    const open = ballot({ ballotsCast: 2, voters: [voter(units.bql), voter(units.dukdn)], permissions: leaderPerms,
      myUnit: { unitId: units.dukcq.id, present: true, hasVoted: false, canVote: false, reason: 'Chỉ thủ trưởng đơn vị hoặc người dự họp đã điểm danh được bỏ phiếu.' } });
    const closed = ballot({
      status: 'closed', closedAt: '2024-12-27T03:30:00.000Z', ballotsCast: 4, voters: [voter(units.bql), voter(units.dukcq), voter(units.dukdn), voter(units.lhp)],
      result: tiedResult(), series: { seriesId: 'ballot-1', rounds: [{ id: 'ballot-1', round: 1, status: 'closed' }], complete: false, revotePending: true, elected: [] },
      permissions: { canRun: true, canClose: false, canEnterPaperTally: false, canOpenRevote: true }, myUnit: null,
    });
    const round2 = ballot({ id: 'ballot-2', round: 2, quota: 1, candidates: ballot().candidates.slice(1), permissions: leaderPerms,
      series: { seriesId: 'ballot-1', rounds: [{ id: 'ballot-1', round: 1, status: 'closed' }, { id: 'ballot-2', round: 2, status: 'open' }], complete: false, revotePending: false, elected: [] } });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/ballots/:id': (req) => (req.params.id === 'ballot-2' ? round2 : open),
      'POST /api/ballots/:id/close': () => {
        api.on('GET /api/ballots/:id', (req) => (req.params.id === 'ballot-2' ? round2 : closed));
        return closed;
      },
      'POST /api/ballots/:id/revote': reply(201, round2),
    });
    const { router } = renderRoute('/ballots/ballot-1');
    await findPage(TITLE);

    expect(screen.getByRole('status', { name: 'Tiến độ bỏ phiếu' })).toHaveTextContent('Đã bỏ phiếu: 2/4 đơn vị có mặt');
    const rows = within(screen.getByRole('list', { name: 'Tiến độ bỏ phiếu' })).getAllByRole('listitem');
    expect(rows.find((r) => r.textContent?.includes(units.bql.name))).toHaveTextContent('Đã bỏ phiếu');
    expect(rows.find((r) => r.textContent?.includes(units.lhp.name))).toHaveTextContent('Chưa bỏ phiếu');
    // No box contents, no approvals, no voting form for the leader officer.
    expect(screen.queryByRole('region', { name: 'Kết quả kiểm phiếu' })).not.toBeInTheDocument();
    expect(screen.queryByText('Phiếu đồng ý')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(api.calls('GET /api/ballots/:id/result')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Kết thúc bỏ phiếu' }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Kết thúc bỏ phiếu' }));
    await waitFor(() => expect(api.calls('POST /api/ballots/:id/close')).toHaveLength(1));

    const result = await screen.findByRole('region', { name: 'Kết quả kiểm phiếu' });
    expect(result).toHaveTextContent('Ngưỡng 50% của tổng số đơn vị thành viên (5 đơn vị): cần ít nhất 3 phiếu đồng ý');
    expect(result).toHaveTextContent('Hợp lệ 4 · Không hợp lệ 0');
    const row = within(result).getByRole('row', { name: new RegExp(units.dukcq.name) });
    expect(row).toHaveTextContent('80%');
    expect(row).toHaveTextContent('Trúng cử');
    expect(within(within(result).getByRole('list', { name: 'Đơn vị được bầu (theo thứ tự)' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([units.dukcq.name]);
    expect(result).toHaveTextContent(`Có 2 đơn vị bằng phiếu tại ngưỡng số lượng, còn 1 vị trí: phải bầu lại giữa ${units.bql.name}, ${units.dukdn.name}.`);

    await userEvent.click(within(result).getByRole('button', { name: 'Bầu lại' }));
    const revoteConfirm = await waitFor(() => screen.getAllByRole('tooltip').find((el) => el.textContent?.includes('Mở vòng bầu lại'))!);
    await userEvent.click(within(revoteConfirm).getByRole('button', { name: 'Bầu lại' }));
    await waitFor(() => expect(api.calls('POST /api/ballots/:id/revote')).toHaveLength(1));
    expect(api.calls('POST /api/ballots/:id/revote')[0].params.id).toBe('ballot-1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/ballots/ballot-2'));
  });

  it('shows the server’s paper tally errors under each field', async () => {
    const paper = ballot({ mode: 'paper', permissions: { canRun: true, canClose: false, canEnterPaperTally: true, canOpenRevote: false } });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/ballots/:id': paper,
      'POST /api/ballots/:id/paper-tally': reply(400, {
        statusCode: 400, code: 'paper_tally_mismatch', message: 'Kết quả kiểm phiếu không khớp: Số phiếu hợp lệ (3) cộng phiếu không hợp lệ (0) phải bằng số phiếu phát ra (4).',
        fields: {
          valid: 'Số phiếu hợp lệ (3) cộng phiếu không hợp lệ (0) phải bằng số phiếu phát ra (4)',
          [`approvals.${units.bql.id}`]: `Phiếu đồng ý của ${units.bql.name} (5) không được lớn hơn số phiếu hợp lệ (3)`,
        },
      }),
    });
    renderRoute('/ballots/ballot-1');
    await findPage(TITLE);

    const fill = async (label: string, v: string) => { await userEvent.type(screen.getByRole('spinbutton', { name: label }), v); };
    await fill('Số phiếu phát ra', '4');
    await fill('Số phiếu hợp lệ', '3');
    await fill('Số phiếu không hợp lệ', '0');
    await fill(`Phiếu đồng ý: ${units.dukcq.name}`, '3');
    await fill(`Phiếu đồng ý: ${units.bql.name}`, '5');
    await fill(`Phiếu đồng ý: ${units.dukdn.name}`, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu kết quả kiểm phiếu' }));

    await waitFor(() => expect(api.calls('POST /api/ballots/:id/paper-tally')).toHaveLength(1));
    expect(api.calls('POST /api/ballots/:id/paper-tally')[0].body).toEqual({
      issued: 4, valid: 3, invalid: 0, approvals: { [units.dukcq.id]: 3, [units.bql.id]: 5, [units.dukdn.id]: 1 },
    });
    expect(await screen.findByText('Số phiếu hợp lệ (3) cộng phiếu không hợp lệ (0) phải bằng số phiếu phát ra (4)')).toBeInTheDocument();
    expect(screen.getByText(`Phiếu đồng ý của ${units.bql.name} (5) không được lớn hơn số phiếu hợp lệ (3)`)).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Số phiếu hợp lệ' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('has the leader sign the tally record with the committee’s names', async () => {
    const done = ballot({
      status: 'closed', closedAt: '2024-12-27T03:30:00.000Z', ballotsCast: 4,
      result: { ...tiedResult(), revote: null, elected: [{ unitId: units.dukcq.id, name: units.dukcq.name }, { unitId: units.bql.id, name: units.bql.name }] },
      series: { seriesId: 'ballot-1', rounds: [{ id: 'ballot-1', round: 1, status: 'closed' }], complete: true, revotePending: false, elected: [] },
      tallyRecord: { ...ballot().tallyRecord, complete: true, canSign: true },
      permissions: { canRun: true, canClose: false, canEnterPaperTally: false, canOpenRevote: false },
    });
    const signed = { ...done.tallyRecord, signed: true, canSign: false, number: '03/BB-KTĐ4', chairName: 'Nguyễn Thị Mai – Trưởng ban', memberNames: ['Lê Văn Hùng', 'Vũ Thị Lan'],
      signedAt: '2024-12-27T04:00:00.000Z', signedByName: 'Phạm Quang Huy', contentHash: 'abc' };
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/ballots/:id': done,
      'POST /api/ballots/:id/tally-record/sign': () => {
        api.on('GET /api/ballots/:id', { ...done, tallyRecord: signed });
        return signed;
      },
    });
    renderRoute('/ballots/ballot-1');
    await findPage(TITLE);
    const card = screen.getByRole('region', { name: 'Biên bản kiểm phiếu' });
    await userEvent.type(within(card).getByRole('textbox', { name: 'Trưởng ban kiểm phiếu' }), 'Nguyễn Thị Mai – Trưởng ban');
    await userEvent.type(within(card).getByRole('textbox', { name: 'Thành viên 1' }), 'Lê Văn Hùng');
    await userEvent.click(within(card).getByRole('button', { name: 'Thêm thành viên' }));
    await userEvent.type(await within(card).findByRole('textbox', { name: 'Thành viên 2' }), ' Vũ Thị Lan ');
    await userEvent.click(within(card).getByRole('button', { name: 'Ký biên bản' }));

    await waitFor(() => expect(api.calls('POST /api/ballots/:id/tally-record/sign')).toHaveLength(1));
    expect(api.calls('POST /api/ballots/:id/tally-record/sign')[0].body).toEqual({ chairName: 'Nguyễn Thị Mai – Trưởng ban', memberNames: ['Lê Văn Hùng', 'Vũ Thị Lan'] });
    expect(await within(card).findByText('03/BB-KTĐ4')).toBeInTheDocument();
    expect(card).toHaveTextContent('Lê Văn Hùng; Vũ Thị Lan');
    expect(within(card).getByRole('button', { name: 'Tải .pdf' })).toBeEnabled();
  });
});
