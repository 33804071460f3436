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

  it('after repeated failures shows the wait the server asked for and holds the button until it passes', async () => {
    stubApi({ 'POST /api/auth/sign-in': reply(429, { statusCode: 429, code: 'too_many_attempts', message: 'Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 2 giây.' }, { 'Retry-After': '2' }) });
    renderRoute('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'canbo.lhp@thidua.vn');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vui lòng chờ 2 giây rồi đăng nhập lại.');
    expect(screen.getByRole('button', { name: 'Chờ 2 giây...' })).toBeDisabled();
    expect(await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 3000 })).toBeEnabled();
  });

  it('explains a proxy\'s 413, 503 and 429 in Vietnamese when the body carries no message', async () => {
    stubApi({ 'POST /api/auth/sign-in': reply(503, 'Service Unavailable', { 'Retry-After': '30' }) });
    renderRoute('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'canbo.lhp@thidua.vn');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'ThiDua@2024');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút. Có thể thử lại sau 30 giây.');
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
