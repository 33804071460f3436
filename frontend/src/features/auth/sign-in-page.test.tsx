import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, renderRoute, users } from '../../../test/render';

describe('Sign-in page', () => {
  it('asks for the email and password in Vietnamese when they are empty', async () => {
    const api = stubApi();
    renderRoute('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByText('Vui lòng nhập email.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST /api/auth/sign-in')).toHaveLength(0);
  });

  it("shows the server's message when the credentials are wrong", async () => {
    const api = stubApi({ 'POST /api/auth/sign-in': reply(401, { statusCode: 401, code: 'invalid_credentials', message: 'Email hoặc mật khẩu không đúng.' }) });
    renderRoute('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'bantdkt@thidua.vn');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email hoặc mật khẩu không đúng.');
    expect(api.calls('POST /api/auth/sign-in')[0].body).toEqual({ email: 'bantdkt@thidua.vn', password: 'sai-mat-khau' });
  });

  it('shows the lock-out message after repeated failures', async () => {
    stubApi({ 'POST /api/auth/sign-in': reply(423, { statusCode: 423, code: 'account_locked', message: 'Tài khoản tạm khóa 15 phút do đăng nhập sai 5 lần.' }) });
    renderRoute('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'canbo.lhp@thidua.vn');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tài khoản tạm khóa 15 phút');
  });

  it('signs in and goes to the page the user asked for', async () => {
    const api = stubApi({
      'POST /api/auth/sign-in': users.board,
      'GET /api/auth/me': users.board,
      'GET /api/block-years': [],
    });
    const { router } = renderRoute('/sign-in?next=%2Fblock-years');
    await userEvent.type(await screen.findByLabelText('Email'), ' bantdkt@thidua.vn ');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'ThiDua@2024');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await findPage('Năm thi đua')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/block-years');
    expect(api.calls('POST /api/auth/sign-in')[0].body).toEqual({ email: 'bantdkt@thidua.vn', password: 'ThiDua@2024' });
  });
});
