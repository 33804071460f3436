import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { BASE, launch, screenshot, sequence, signIn } from '../lib.mjs';

// An officer writes an exemplary-model story with a photo, the unit's head approves it, and anyone reads it
// on the block's public news page, without signing in and without JavaScript.
describe('news: a story written, approved and published on the public page', () => {
  let browser;
  let itemUrl;
  const title = `Gương người tốt, việc tốt: cô Phan Thị Lụa ${Date.now() % 100000}`;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  const step = sequence(it);

  step('the officer writes the story, adds a photo with its alt text and caption, and sends it to the head', async () => {
    const { context, page } = await signIn(browser, 'canbo.lhp@thidua.vn');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tin, bài' }).click();
    await page.getByRole('heading', { name: 'Tin hoạt động và gương điển hình' }).waitFor();
    await page.getByRole('button', { name: 'Viết tin, bài' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Gương điển hình tiên tiến' }).check();
    await dialog.getByLabel('Tiêu đề').fill(title);
    await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/news\/[0-9a-f-]{36}$/);
    itemUrl = new URL(page.url()).pathname;
    await page.getByRole('radio', { name: 'Cá nhân' }).check();
    await page.getByLabel('Tên cá nhân / tập thể').fill('Cô Phan Thị Lụa, giáo viên');
    // The rich-text editor: a heading, a paragraph with bold words, a second paragraph.
    const body = page.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await page.getByRole('button', { name: 'Tiêu đề mục', exact: true }).click();
    await page.keyboard.type('Mười năm đứng lớp không lương');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Cô Lụa đã dạy ');
    await page.getByRole('button', { name: 'Chữ đậm' }).click();
    await page.keyboard.type('miễn phí');
    await page.getByRole('button', { name: 'Chữ đậm' }).click();
    await page.keyboard.type(' cho trẻ em khó khăn suốt mười năm.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tấm gương của cô được cả trường học tập.');
    await page.getByLabel('Dòng tác giả').fill('Tin và ảnh: Đỗ Thị Hạnh');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu.').waitFor();
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 150, g: 150, b: 150 } } }).png().toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'lop-hoc.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Mô tả ảnh (cho người không xem được ảnh)').fill('Cô Lụa cùng các em học sinh trong lớp học');
    await page.getByLabel('Chú thích dưới ảnh').fill('Cô Phan Thị Lụa trong giờ dạy');
    await page.getByRole('button', { name: 'Thêm ảnh' }).click();
    await page.getByText('Đã thêm ảnh.').waitFor();
    await page.getByRole('button', { name: 'Gửi thủ trưởng duyệt' }).click();
    await page.getByText('Bài đang chờ thủ trưởng đơn vị duyệt.').waitFor();
    await screenshot(page, 'news-submitted');
    await context.close();
  });

  step('the head of the unit approves it', async () => {
    const { context, page } = await signIn(browser, 'thutruong.lhp@thidua.vn');
    await page.goto(`${BASE}${itemUrl}`);
    await page.getByRole('button', { name: 'Duyệt đăng' }).click();
    await page.getByText('Bài đã đăng trên trang tin công khai.').waitFor();
    await context.close();
  });

  step('anyone reads it on the block page, with its date, author line and captioned photo, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${BASE}/tin-tuc/khoi/ktd4`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await page.locator('time').innerText(), /^\d{2}\/\d{2}\/\d{4}$/);
    assert.ok(await page.getByText('Tin và ảnh: Đỗ Thị Hạnh').isVisible());
    assert.equal(await page.locator('figcaption').innerText(), 'Cô Phan Thị Lụa trong giờ dạy');
    // What the editor made is published as written: the heading and the bold words.
    await page.getByRole('heading', { level: 2, name: 'Mười năm đứng lớp không lương' }).waitFor();
    assert.equal(await page.locator('.body strong').innerText(), 'miễn phí');
    const img = page.getByRole('img', { name: 'Cô Lụa cùng các em học sinh trong lớp học' });
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth === 800));
    await screenshot(page, 'news-public');
    await context.close();
  });
});
