import { screen, within } from '@testing-library/react';
import { stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { award, flag2023, revokedMerit2022, title2024 } from './test-fixtures';

describe('Awards of one unit', () => {
  it('lists the history with decision number, date dd/mm/yyyy, signer, and revoked awards struck through; then titles and flags', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/units/:id': units.dukcq,
      'GET /api/units/:id/awards': [award(), flag2023, revokedMerit2022],
      'GET /api/unit-titles': [title2024(units.dukcq)],
      'GET /api/discipline-flags': [],
    });
    renderRoute(`/units/${units.dukcq.id}/awards`);
    await findPage('Khen thưởng của đơn vị');
    expect(screen.getByText(units.dukcq.name)).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /512\/QĐ-UBND/ });
    expect(within(row).getByText('20/03/2025')).toBeInTheDocument();
    expect(within(row).getByText('Trần Văn Lâm – Phó Chủ tịch UBND Thành phố')).toBeInTheDocument();
    expect(within(row).getByText('Còn hiệu lực')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '512/QĐ-UBND' })).toHaveAttribute('href', '/proposals/prop-2024');

    const revoked = screen.getByRole('row', { name: /987\/QĐ-UBND/ });
    expect(within(revoked).getByText('Đã thu hồi')).toBeInTheDocument();
    expect(within(revoked).getByText('Bằng khen của Chủ tịch UBND Thành phố').closest('del')).not.toBeNull();
    expect(within(revoked).getByText(/Kê khai không trung thực thành tích/)).toBeInTheDocument();

    expect(await screen.findByRole('row', { name: /5123\/QĐ-UBND/ })).toHaveTextContent('Tập thể lao động xuất sắc');
    expect(screen.getByText('Không có kỷ luật.')).toBeInTheDocument();
    expect(api.calls('GET /api/unit-titles')[0].query.get('unitId')).toBe(units.dukcq.id);
  });
});
