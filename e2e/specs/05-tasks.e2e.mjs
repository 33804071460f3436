// "Việc cần làm" (issue 12), in the browser: an officer of Ban QL các KCN&CX signs in on a phone-sized
// screen, sees the invitation to answer on the home page with its date, follows it, answers, and the task is
// gone; the leader of Khối 4 2025 starts to move the open mid-year round on early and the warning names
// every unit whose self-assessment it would lock, with the typed confirmation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, launch, screenshot, sequence, signIn } from '../lib.mjs';

const LEADER = 'canbo.dukdn@thidua.vn'; // ĐUK Doanh nghiệp holds the 2025 leader seat
const OFFICER = 'canbo.hiza@thidua.vn';
const TITLE = `Hội nghị bất thường bàn việc tổ chức giải thể thao chào mừng ngày Giải phóng Thủ đô (lần ${Date.now() % 100000})`;

describe('tasks: the home page says what is waiting, and the early advance names who it hits', () => {
  const step = sequence(it);
  let browser;
  let year;
  let conference;
  before(async () => {
    browser = await launch();
    const { context, page } = await signIn(browser, LEADER);
    const years = await apiCall(page, 'GET', '/api/block-years');
    year = years.find((y) => y.blockName === 'Khối thi đua số 4' && y.year === 2025);
    const startsAt = new Date(Date.now() + 20 * 86_400_000).toISOString().replace('Z', '+00:00');
    conference = await apiCall(page, 'POST', '/api/conferences', {
      blockYearId: year.id, kind: 'extraordinary', title: TITLE, startsAt, place: 'Hội trường Đảng ủy Khối Doanh nghiệp',
      agenda: [{ title: 'Thống nhất kế hoạch tổ chức giải thể thao', presenter: 'Khối trưởng' }],
    });
    await context.close();
  });
  after(() => browser?.close());

  step('the officer sees the invitation on the home page, follows it, answers, and the task is gone', async () => {
    const { context, page } = await signIn(browser, OFFICER);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE}/`);
    const card = page.getByRole('list', { name: 'Việc cần làm' });
    const link = page.getByRole('link', { name: `Trả lời giấy mời hội nghị bất thường: ${TITLE}` });
    const task = card.getByRole('link', { name: `Trả lời giấy mời hội nghị bất thường: ${TITLE}` });
    await task.waitFor();
    const item = card.getByRole('listitem').filter({ has: link });
    const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(conference.startsAt));
    assert.ok((await item.innerText()).includes(`Hạn: ${date}`), `the task shows its date ${date}: ${await item.innerText()}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (page is ${width} px wide)`);
    await screenshot(page, '05-tasks-mobile');
    const before = await apiCall(page, 'GET', '/api/tasks');

    await task.click();
    await page.waitForURL(new RegExp(`/conferences/${conference.id}$`));
    await page.getByLabel('Người dự họp').fill('Bùi Thanh Tâm – Chuyên viên');
    await page.getByRole('button', { name: 'Gửi xác nhận' }).click();
    await page.getByText('Đã gửi xác nhận của đơn vị.').waitFor();

    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-card-loading'));
    assert.equal(await card.getByRole('link', { name: `Trả lời giấy mời hội nghị bất thường: ${TITLE}` }).count(), 0, 'the answered invitation is no longer a task');
    const now = await apiCall(page, 'GET', '/api/tasks');
    assert.equal(now.count, before.count - 1);
    await context.close();
  });

  step('the leader starts to advance the mid-year round early: the warning names each unit it would lock', async () => {
    const { context, page } = await signIn(browser, LEADER);
    const rounds = await apiCall(page, 'GET', `/api/rounds?blockYearId=${year.id}`);
    const mid = rounds.find((r) => r.kind === 'mid_year');
    assert.equal(mid.phase, 'self_assessment', 'the demo’s mid-year round is open for self-assessment');
    const preview = await apiCall(page, 'GET', `/api/rounds/${mid.id}/advance-preview`);
    assert.ok(preview.hits.length > 0, 'some units have not submitted');

    await page.goto(`${BASE}/rounds/${mid.id}`);
    await page.getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển sang giai đoạn "Chấm chéo, thẩm định" ngay bây giờ?' });
    await dialog.getByText(`Chuyển trước hạn sẽ khóa bản tự chấm của ${preview.hits.length} đơn vị chưa nộp`).waitFor();
    const list = dialog.getByRole('list', { name: 'Các đơn vị bị ảnh hưởng' });
    const items = await list.getByRole('listitem').allInnerTexts();
    assert.deepEqual(items.map((s) => s.split(':')[0].trim()), preview.hits.map((h) => h.unitName));
    for (const [i, h] of preview.hits.entries()) assert.ok(items[i].includes(`${h.filled}/${h.required} tiêu chí`), items[i]);
    const ok = dialog.getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' });
    assert.ok(await ok.isDisabled(), 'nothing moves before the confirmation is typed');
    await dialog.getByLabel('Gõ "XÁC NHẬN" để xác nhận').fill('XÁC NHẬN');
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-modal button')].some((b) => b.textContent?.includes('Chuyển sang') && !b.disabled));
    await screenshot(page, '05-early-advance-warning');
    // Leave the demo's round as it is: the leader thinks again.
    await dialog.getByRole('button', { name: /Hủy|Huỷ/ }).click();
    const still = await apiCall(page, 'GET', `/api/rounds/${mid.id}`);
    assert.equal(still.phase, 'self_assessment');
    await context.close();
  });
});
