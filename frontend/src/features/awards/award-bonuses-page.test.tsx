import { screen, within } from '@testing-library/react';
import { stubApi } from '../../../test/fetch-stub';
import { blockYear2024, units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { bonuses2025, eligibility } from './test-fixtures';

describe('Bonus points from last year’s awards', () => {
  it('shows each member’s active awards of the previous year, their points and the total, and the year’s eligibility with reasons', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id': blockYear2024({ canManage: false, seat: null, canEditRules: false }, { id: 'by-2025', year: 2025 }),
      'GET /api/block-years/:id/award-bonuses': bonuses2025,
      'GET /api/awards/catalogue': [],
      'GET /api/block-years/:id/eligibility': eligibility(2025),
    });
    api.on('GET /api/awards/catalogue', (req) => (req.query.get('year') === '2025' ? [{ id: 'x', year: 2025, code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', gates: { topN: { kind: 'count', value: 3 }, requiredTitle: null }, blockQuota: { kind: 'count', value: 1 }, cityQuota: 4, bonusPoints: 10, sort: 2, version: 1 }] : []));
    renderRoute('/block-years/by-2025/award-bonuses');
    await findPage('Điểm thưởng từ khen thưởng năm trước');
    const flag = await screen.findByRole('row', { name: new RegExp(units.dukcq.name) });
    expect(within(flag).getByText('Cờ thi đua của UBND Thành phố (512/QĐ-UBND): +10')).toBeInTheDocument();
    expect(within(flag).getByText('10')).toBeInTheDocument();
    const merit = screen.getByRole('row', { name: new RegExp(units.bql.name) });
    expect(within(merit).getByText('5')).toBeInTheDocument();
    const none = screen.getByRole('row', { name: new RegExp(units.dukdh.name) });
    expect(within(none).getByText('Không có')).toBeInTheDocument();
    expect(within(none).getByText('0')).toBeInTheDocument();

    expect(await screen.findByText('Đợt chấm điểm cuối năm chưa chốt: chưa có xếp hạng để xét.')).toBeInTheDocument();
    expect(screen.getByText('Kết quả đợt chấm điểm cuối năm chưa được chốt')).toBeInTheDocument();
    expect(api.calls('GET /api/block-years/:id/eligibility')[0].query.get('award')).toBe('city_flag');
  });
});
