import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE, launch, navLabels, PASSWORD, screenshot, signIn } from '../lib.mjs';

describe('foundation: each demo role signs in and sees what its scope allows', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(() => browser?.close());

  it('refuses a wrong password in Vietnamese', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill('admin@thidua.vn');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText('Email hoặc mật khẩu không đúng.').waitFor();
    await context.close();
  });

  it('admin manages blocks, units, accounts, imports and reads the audit log', async () => {
    const { context, page } = await signIn(browser, 'admin@thidua.vn');
    assert.deepEqual(await navLabels(page), ['Trang chủ', 'Tổng quan các khối', 'Tin, bài', 'Sổ gương điển hình', 'Hồ sơ đề nghị khen thưởng', 'Danh mục và lịch sử khen thưởng', 'Khối, cụm thi đua', 'Năm thi đua', 'Đơn vị', 'Tài khoản', 'Nhập từ Excel', 'Nhật ký thay đổi', 'Hộp thư đi', 'Kiểm tra giao ước']);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Khối, cụm thi đua' }).click();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Khối thi đua số 4' }).waitFor();
    assert.ok(await table.getByRole('link', { name: 'Cụm thi đua số 1' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Thêm khối' }).isVisible());
    await screenshot(page, 'admin-blocks');
    await context.close();
  });

  it('the board sees every block and the audit log', async () => {
    const { context, page } = await signIn(browser, 'bantdkt@thidua.vn');
    const labels = await navLabels(page);
    assert.ok(labels.includes('Nhật ký thay đổi'));
    await page.goto(`${BASE}/audit`);
    await page.getByRole('table').getByRole('row').nth(1).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await page.getByText(/Nhật ký toàn vẹn: đã kiểm tra \d+ mục/).waitFor();
    await screenshot(page, 'board-audit');
    await context.close();
  });

  it('the leader unit officer sees only Khối 4, with the 2024 leader seat', async () => {
    const { context, page } = await signIn(browser, 'canbo.dukcq@thidua.vn');
    assert.deepEqual(await navLabels(page), ['Trang chủ', 'Năm thi đua', 'Đơn vị', 'Hồ sơ đề nghị khen thưởng', 'Tin, bài', 'Sổ gương điển hình', 'Khen thưởng của đơn vị', 'Tài khoản', 'Kiểm tra giao ước']);
    await page.getByText('Khối thi đua số 4 – năm 2024').waitFor();
    assert.equal(await page.getByText('Khối thi đua số 1').count(), 0);
    assert.ok(await page.getByText('Đơn vị là Khối trưởng').first().isVisible());
    await screenshot(page, 'leader-home');
    await context.close();
  });

  it('a member unit officer cannot open the audit log or another block', async () => {
    const { context, page } = await signIn(browser, 'canbo.lhp@thidua.vn');
    const labels = await navLabels(page);
    assert.ok(!labels.includes('Nhật ký thay đổi'));
    assert.ok(!labels.includes('Khối, cụm thi đua'));
    await page.goto(`${BASE}/audit`);
    await page.getByText(/không có quyền/i).first().waitFor({ timeout: 15_000 });
    const res = await page.request.get(`${BASE}/api/blocks?pageSize=50`);
    const body = await res.json();
    assert.deepEqual(body.items.map((b) => b.code), ['KTĐ4']);
    await context.close();
  });

  it('a unit head signs in and sees their unit', async () => {
    const { context, page } = await signIn(browser, 'thutruong.lhp@thidua.vn', PASSWORD);
    await page.getByText('Trường Đào tạo cán bộ Lê Hồng Phong').first().waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByText('Ban quản lý các khu công nghiệp và chế xuất Hà Nội').waitFor();
    assert.equal(await page.getByText('Sở Nội vụ Hà Nội').count(), 0);
    await context.close();
  });
});
