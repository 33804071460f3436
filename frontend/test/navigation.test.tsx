import { screen, within } from '@testing-library/react';
import { navItems } from '@/app/nav';
import { reply, stubApi } from './fetch-stub';
import { blockYearPage, findPage, renderRoute, users } from './render';

const menuLabels = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
  return within(nav).getAllByRole('link').map((i) => i.textContent);
};

describe('Navigation by the permissions the server sends', () => {
  it('shows the board the whole city, with the audit log and the Excel import', async () => {
    stubApi({ 'GET /api/auth/me': users.board, 'GET /api/block-years/page': blockYearPage() });
    renderRoute('/');
    await findPage(/Xin chào/);
    expect(await menuLabels()).toEqual(expect.arrayContaining(['Trang chủ', 'Khối, cụm thi đua', 'Năm thi đua', 'Đơn vị', 'Tài khoản', 'Nhập từ Excel', 'Nhật ký thay đổi']));
  });

  it("shows an officer only their block's year, units and accounts", async () => {
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/block-years/page': blockYearPage() });
    renderRoute('/');
    await findPage(/Xin chào/);
    const labels = await menuLabels();
    expect(labels).toEqual(['Trang chủ', 'Năm thi đua', 'Đơn vị', 'Hồ sơ đề nghị khen thưởng', 'Tin, bài', 'Sổ gương điển hình', 'Khen thưởng của đơn vị', 'Tài khoản', 'Kiểm tra giao ước']);
    expect(navItems(users.officer).find((i) => i.label === 'nav.unitAwards')?.href).toBe(`/units/${users.officer.unitId}/awards`);
    expect(labels).not.toContain('Khối, cụm thi đua');
    expect(labels).not.toContain('Nhật ký thay đổi');
    expect(labels).not.toContain('Nhập từ Excel');
  });

  it('gives admins (readMailOutbox from the server) the board’s menu plus the mail outbox', () => {
    expect(navItems(users.admin).filter((i) => i.label !== 'nav.mailOutbox')).toEqual(navItems(users.board));
    expect(navItems(users.admin).map((i) => i.label)).toContain('nav.mailOutbox');
    expect(navItems(users.board).map((i) => i.label)).not.toContain('nav.mailOutbox');
  });

  it('sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
    stubApi({ 'GET /api/auth/me': reply(401, { statusCode: 401, code: 'unauthenticated', message: 'Vui lòng đăng nhập.' }) });
    const { router } = renderRoute('/units');
    expect(await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 5000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Funits');
  });
});
