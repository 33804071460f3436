import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';
import { attendance, conference, quorumOf } from '../../../test/conferences/fixtures';
import { ballot } from './test-fixtures';

const TITLE = 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024';
const att = attendance([units.dukcq.id, units.dukdn.id, units.lhp.id, units.bql.id]);
const yearEnd = conference({ id: 'conf-ye', kind: 'year_end', title: TITLE, attendance: att, quorum: quorumOf(att) });

const award = (code: string, name: string): Schemas['AwardTypeDto'] => ({
  id: `award-${code}`, year: 2024, code, name, gates: { topN: null, requiredTitle: null }, blockQuota: { kind: 'count', value: 2 }, cityQuota: null, bonusPoints: 0, sort: 1, version: 1,
} as Schemas['AwardTypeDto']);

const eligibility = {
  award: award('city_merit', 'Bằng khen của UBND Thành phố'), blockYearId: 'by-2024', year: 2024, roundId: 'round-ye', roundFinalised: true, members: 5, quotaLimit: 2,
  units: [
    { unitId: units.dukcq.id, name: units.dukcq.name, rank: 1, total: 97.5, eligible: true, reasons: [] },
    { unitId: units.bql.id, name: units.bql.name, rank: 2, total: 95, eligible: true, reasons: [] },
    { unitId: units.lhp.id, name: units.lhp.name, rank: 5, total: 88, eligible: false, reasons: ['Xếp hạng 5, ngoài nhóm được xét'] },
  ],
};

const ref = (u: { id: string; name: string }) => ({ unitId: u.id, name: u.name });
/** The seat suggestion as the server sends it to the leader seat of 2024 (who runs ballots and records the seats). */
const seats = (over: object = {}): Schemas['SeatSuggestionDto'] => ({
  blockYearId: 'by-2024', year: 2024, nextYear: 2025,
  current: { leaderUnitId: units.dukcq.id, leaderUnitName: units.dukcq.name, deputyUnitId: units.dukdn.id, deputyUnitName: units.dukdn.name },
  rotationOrder: [units.dukcq, units.dukdn, units.bql, units.lhp].map(ref),
  suggestion: { leaderUnitId: units.dukdn.id, leaderUnitName: units.dukdn.name, deputyUnitId: units.bql.id, deputyUnitName: units.bql.name, notes: [] },
  election: null, nextYearId: null, canRunBallots: true, canElect: true, canStartNextYear: false, ...over,
});

describe('Conference ballots page', () => {
  it('shows the candidates and quorum before the leader opens a ballot, then goes to it', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': yearEnd,
      'GET /api/conferences/:id/quorum': yearEnd.quorum,
      'GET /api/ballots': [],
      'GET /api/awards/catalogue': [award('city_flag', 'Cờ thi đua của UBND Thành phố'), award('city_merit', 'Bằng khen của UBND Thành phố')],
      'GET /api/block-years/:id/eligibility': eligibility,
      'GET /api/block-years/:id/seat-suggestion': reply(200, seats({ rotationOrder: [units.dukcq, units.dukdn, units.bql].map(ref) })),
      'POST /api/ballots': reply(201, ballot()),
      'GET /api/ballots/:id': ballot(),
    });
    const { router } = renderRoute('/conferences/conf-ye/ballots');
    await findPage(`Bỏ phiếu kín – ${TITLE}`);
    expect(await screen.findByText('Hội nghị chưa có cuộc bỏ phiếu nào.')).toBeInTheDocument();

    const card = screen.getByRole('region', { name: 'Mở bỏ phiếu' });
    expect(card).toHaveTextContent('Có mặt 4/5 đơn vị – cần ít nhất 4 (2/3) – đủ điều kiện');
    expect(within(card).getByRole('button', { name: 'Mở bỏ phiếu' })).toBeDisabled();
    const select = await openSelect(card, 'Chọn hình thức khen thưởng');
    await select.choose('Bằng khen của UBND Thành phố');
    await waitFor(() => expect(api.calls('GET /api/block-years/:id/eligibility')[0]?.query.get('award')).toBe('city_merit'));
    expect(await within(card).findByText('Số đơn vị được bầu tối đa: 2')).toBeInTheDocument();
    expect(within(card).getByRole('row', { name: new RegExp(units.lhp.name) })).toHaveTextContent('Không đủ điều kiện');
    await userEvent.click(within(card).getByRole('radio', { name: 'Phiếu giấy' }));

    await userEvent.click(within(card).getByRole('button', { name: 'Mở bỏ phiếu' }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Mở bỏ phiếu' }));
    await waitFor(() => expect(api.calls('POST /api/ballots')).toHaveLength(1));
    expect(api.calls('POST /api/ballots')[0].body).toEqual({ conferenceId: 'conf-ye', awardCode: 'city_merit', mode: 'paper' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/ballots/ballot-1'));
  });

  it('shows the server’s refusal to open as-is', async () => {
    const message = 'Chưa đủ số đơn vị dự họp: có mặt 3/5, cần ít nhất 4 (2/3). Chưa thể mở bỏ phiếu.';
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': yearEnd,
      'GET /api/conferences/:id/quorum': yearEnd.quorum,
      'GET /api/ballots': [{ ...ballot(), status: 'closed' }],
      'GET /api/awards/catalogue': [award('city_flag', 'Cờ thi đua của UBND Thành phố')],
      'GET /api/block-years/:id/eligibility': { ...eligibility, award: award('city_flag', 'Cờ thi đua của UBND Thành phố'), quotaLimit: 1 },
      'GET /api/block-years/:id/seat-suggestion': reply(200, seats()),
      'POST /api/ballots': reply(409, { statusCode: 409, code: 'no_quorum', message }),
    });
    renderRoute('/conferences/conf-ye/ballots');
    await findPage(`Bỏ phiếu kín – ${TITLE}`);
    expect(await screen.findByRole('link', { name: 'Bằng khen của UBND Thành phố' })).toHaveAttribute('href', '/ballots/ballot-1');
    const card = screen.getByRole('region', { name: 'Mở bỏ phiếu' });
    await (await openSelect(card, 'Chọn hình thức khen thưởng')).choose('Cờ thi đua của UBND Thành phố');
    await userEvent.click(within(card).getByRole('button', { name: 'Mở bỏ phiếu' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Mở bỏ phiếu' }));
    expect(await within(card).findByText(message)).toBeInTheDocument();
    expect(api.calls('POST /api/ballots')).toHaveLength(1);
  });

  it('lets the leader reorder the rotation, see the suggestion it gives, and record the seats with that order', async () => {
    const inSession = { ...yearEnd, status: 'in_session' as const };
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/conferences/:id': inSession,
      'GET /api/conferences/:id/quorum': inSession.quorum,
      'GET /api/ballots': [],
      'GET /api/awards/catalogue': [],
      // A trial order: the unit after the deputy in that order is suggested as deputy.
      'GET /api/block-years/:id/seat-suggestion': (req) => reply(200, req.query.get('rotationOrder')
        ? seats({ suggestion: { leaderUnitId: units.dukdn.id, leaderUnitName: units.dukdn.name, deputyUnitId: units.lhp.id, deputyUnitName: units.lhp.name, notes: [] } })
        : seats({})),
      'POST /api/block-years/:id/seat-election': reply(200, seats({})),
    });
    renderRoute('/conferences/conf-ye/ballots');
    await findPage(`Bỏ phiếu kín – ${TITLE}`);
    const card = await screen.findByRole('region', { name: 'Bầu Khối trưởng, Khối phó năm 2025' });
    const list = within(card).getByRole('list', { name: 'Thứ tự luân phiên' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([units.dukcq.name, units.dukdn.name, units.bql.name, units.lhp.name].map((n) => expect.stringContaining(n)));
    expect(within(list).getByRole('button', { name: `Đưa ${units.dukcq.name} lên trước` })).toBeDisabled();

    await userEvent.click(within(list).getByRole('button', { name: `Đưa ${units.lhp.name} lên trước` }));
    await waitFor(() => expect(api.calls('GET /api/block-years/:id/seat-suggestion').some((c) => c.query.get('rotationOrder') === [units.dukcq, units.dukdn, units.lhp, units.bql].map((u) => u.id).join(','))).toBe(true));
    expect(await within(card).findByRole('status', { name: 'Đề xuất theo thứ tự này' })).toHaveTextContent(`Khối phó: ${units.lhp.name}`);

    await userEvent.click(within(card).getByRole('button', { name: 'Theo đề xuất' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Ghi nhận kết quả bầu' }));
    await waitFor(() => expect(api.calls('POST /api/block-years/:id/seat-election')).toHaveLength(1));
    expect(api.calls('POST /api/block-years/:id/seat-election')[0].body).toEqual({
      conferenceId: 'conf-ye', leaderUnitId: units.dukdn.id, deputyUnitId: units.lhp.id, rotationOrder: [units.dukcq, units.dukdn, units.lhp, units.bql].map((u) => u.id),
    });
  });
});
