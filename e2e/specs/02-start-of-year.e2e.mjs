// The seed story replayed on 2025 for Khối thi đua số 4: the leader drafts, members comment, the leader
// revises, the launch conference runs with check-in and quorum, plan and rules are adopted, the five heads
// sign the covenant, the minutes are approved, and the documents are downloaded and read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, confirmPopover, docxText, downloadBytes, launch, pdfText, screenshot, signIn } from '../lib.mjs';

const LEADER = 'canbo.dukdn@thidua.vn'; // Đảng ủy Khối Doanh nghiệp holds the 2025 leader seat
const LEADER_HEAD = 'thutruong.dukdn@thidua.vn';
const MEMBER = 'canbo.lhp@thidua.vn';
const MEMBER_HEADS = ['thutruong.hiza@thidua.vn', 'thutruong.lhp@thidua.vn', 'thutruong.dukcq@thidua.vn', 'thutruong.dukdh@thidua.vn'];

describe('start of the year: plan, rules, conference, covenant, minutes', () => {
  let browser;
  let year; // Khối 4, 2025
  const ids = {};
  before(async () => {
    browser = await launch();
    const { context, page } = await signIn(browser, LEADER);
    const years = await apiCall(page, 'GET', '/api/block-years');
    year = years.find((y) => y.blockName === 'Khối thi đua số 4' && y.year === 2025);
    await context.close();
  });
  after(() => browser?.close());

  it('a member comments on the circulated plan', async () => {
    const { context, page } = await signIn(browser, MEMBER);
    await page.goto(`${BASE}/block-years/${year.id}/plan`);
    await page.getByText('Đang xin ý kiến').first().waitFor();
    await page.getByRole('button', { name: /^Ý kiến: / }).first().click();
    await page.getByRole('textbox', { name: /Góp ý cho mục/ }).first().fill('Trường ĐTCB Lê Hồng Phong đề nghị bổ sung lớp bồi dưỡng nghiệp vụ thi đua, khen thưởng cho cán bộ các đơn vị trong Khối.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).first().click();
    await page.getByText('Đã gửi ý kiến.').waitFor();
    await context.close();
  });

  it('the leader revises the plan into a new version, circulates it, and circulates the rules', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/block-years/${year.id}/plan`);
    await page.getByRole('button', { name: 'Soạn phiên bản mới' }).click();
    await confirmPopover(page, 'Soạn phiên bản mới');
    await page.getByText(/Đã tạo phiên bản \d+ để chỉnh sửa\./).waitFor();
    await page.getByRole('button', { name: 'Gửi xin ý kiến' }).click();
    await confirmPopover(page, 'Gửi xin ý kiến');
    await page.getByText(/Đã gửi phiên bản \d+ xin ý kiến các đơn vị\./).waitFor();
    await page.goto(`${BASE}/block-years/${year.id}/rules`);
    await page.getByRole('button', { name: 'Gửi xin ý kiến' }).click();
    await confirmPopover(page, 'Gửi xin ý kiến');
    await page.getByText(/Đã gửi phiên bản \d+ xin ý kiến các đơn vị\./).waitFor();

    // The conference's agenda links the documents to adopt (set up through the API: the live run is what this journey exercises).
    const docs = (await apiCall(page, 'GET', `/api/drafts?blockYearId=${year.id}`)).items;
    ids.planVersion = docs.find((d) => d.kind === 'plan').latestVersionId;
    ids.rulesVersion = docs.find((d) => d.kind === 'rules').latestVersionId;
    const covenants = (await apiCall(page, 'GET', `/api/covenants?blockYearId=${year.id}`)).items;
    ids.covenant = covenants.find((c) => c.status === 'draft').id;
    const conferences = await apiCall(page, 'GET', `/api/conferences?blockYearId=${year.id}`);
    const conf = conferences.find((c) => c.kind === 'launch' && c.status === 'planned');
    ids.conference = conf.id;
    const full = await apiCall(page, 'GET', `/api/conferences/${conf.id}`);
    for (const item of full.agenda) await apiCall(page, 'DELETE', `/api/conferences/${conf.id}/agenda/${item.id}`);
    const add = (title, presenter, materialKind, materialId) => apiCall(page, 'POST', `/api/conferences/${conf.id}/agenda`, { title, presenter, materialKind, materialId });
    await add('Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2025', 'Khối trưởng', 'plan_version', ids.planVersion);
    await add('Thảo luận, đóng góp dự thảo Quy chế hoạt động và bình xét thi đua', 'Các đơn vị', 'rules_version', ids.rulesVersion);
    await add('Ký kết Giao ước thi đua năm 2025', 'Thủ trưởng các đơn vị', 'covenant', ids.covenant);
    await context.close();
  });

  it('the leader runs the conference: check-in, live quorum, adoption, opening of signing', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/conferences/${ids.conference}/live`);
    await page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
    await confirmPopover(page, 'Khai mạc hội nghị');
    await page.getByText('Hội nghị đã khai mạc.').waitFor();

    const units = ['Ban quản lý các khu công nghiệp và chế xuất Hà Nội', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Đảng ủy Khối Doanh nghiệp Hà Nội', 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội'];
    const checkIn = async (unit, i) => {
      const name = page.getByRole('textbox', { name: `Người dự họp: ${unit}` });
      if (!(await name.inputValue())) await name.fill(`Đại biểu ${i + 1}`);
      await page.getByRole('radiogroup', { name: `Điểm danh: ${unit}` }).getByText('Có mặt', { exact: true }).click();
      await page.getByRole('status', { name: 'Số đơn vị có mặt' }).getByText(new RegExp(`Có mặt ${i + 1}/5`)).waitFor();
    };
    for (let i = 0; i < 3; i++) await checkIn(units[i], i);
    assert.ok(await page.getByRole('button', { name: 'Thông qua kế hoạch' }).isDisabled(), 'no quorum: adoption is disabled');
    await checkIn(units[3], 3);
    await checkIn(units[4], 4);
    await screenshot(page, 'conference-live-quorum');

    await page.getByRole('button', { name: 'Thông qua kế hoạch' }).click();
    await confirmPopover(page, 'Thông qua kế hoạch');
    await page.getByText(/Đã ghi nhận: Thông qua kế hoạch/).waitFor();
    await page.getByRole('button', { name: 'Xong, chuyển mục tiếp' }).click();
    await page.getByRole('button', { name: 'Thông qua quy chế' }).click();
    await confirmPopover(page, 'Thông qua quy chế');
    await page.getByText(/Đã ghi nhận: Thông qua quy chế/).waitFor();
    await page.getByRole('button', { name: 'Xong, chuyển mục tiếp' }).click();
    await page.getByRole('button', { name: 'Mở ký giao ước' }).click();
    await confirmPopover(page, 'Mở ký giao ước');
    await page.getByText(/Đã ghi nhận: Mở ký giao ước/).waitFor();
    await context.close();
  });

  it('the four member heads sign the covenant, then the leader unit’s head countersigns last', async () => {
    for (const email of [...MEMBER_HEADS, LEADER_HEAD]) {
      const { context, page } = await signIn(browser, email);
      await page.goto(`${BASE}/block-years/${year.id}/covenant`);
      await page.getByRole('button', { name: 'Ký giao ước' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ký giao ước thi đua' });
      await dialog.getByLabel('Mật khẩu').fill('ThiDua@2024');
      // The dialog opens with a zoom; click once it has settled.
      await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
      const signing = (timeout) => page.waitForRequest((r) => r.method() === 'POST' && /\/api\/covenants\/[^/]+\/sign$/.test(r.url()), { timeout });
      let sent = signing(10_000);
      await dialog.getByRole('button', { name: 'Ký giao ước' }).click();
      // In two of three clean-clone runs one click here left no request (no spinner, no error; not yet explained): submit
      // the same form with Enter once more; a dialog that still sends nothing fails with what it shows.
      const request = await sent.catch(async () => {
        sent = signing(30_000);
        await dialog.getByLabel('Mật khẩu').press('Enter');
        return sent;
      }).catch(async (e) => {
        await screenshot(page, `covenant-sign-not-sent-${email}`);
        throw new Error(`${email}: no signing request left the dialog (${(await dialog.innerText().catch(() => '')).replace(/\s+/g, ' ')})`, { cause: e });
      });
      const res = await request.response();
      if (!res.ok()) {
        await screenshot(page, `covenant-sign-refused-${email}`);
        assert.fail(`${email}: ký giao ước → ${res.status()} ${await res.text()}`);
      }
      await page.getByText(email === LEADER_HEAD ? 'Đủ chữ ký: giao ước đã có hiệu lực.' : 'Đã ký giao ước thay mặt đơn vị.').waitFor();
      if (email === LEADER_HEAD) await screenshot(page, 'covenant-in-force');
      await context.close();
    }
  });

  it('the leader closes the conference; chair and secretary approve the minutes; documents read right', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/conferences/${ids.conference}/live`);
    await page.getByRole('button', { name: 'Bế mạc hội nghị' }).click();
    await page.getByRole('dialog', { name: 'Bế mạc hội nghị' }).getByRole('button', { name: 'Bế mạc hội nghị' }).click();
    await page.getByText('Hội nghị đã bế mạc; dự thảo biên bản đã được lập.').waitFor();
    // The minutes name the leader unit's officer as secretary and its head as chair: each approves in that role only.
    await page.goto(`${BASE}/conferences/${ids.conference}`);
    await page.getByRole('button', { name: 'Thư ký duyệt' }).click();
    await confirmPopover(page, 'Duyệt');
    await page.getByText('Đã ghi nhận xác nhận duyệt.').first().waitFor();
    await context.close();

    const head = await signIn(browser, LEADER_HEAD);
    await head.page.goto(`${BASE}/conferences/${ids.conference}`);
    // The chair's approval freezes the minutes. What the page says on failure goes into the error.
    const frozen = head.page.getByText('Biên bản đã được chủ trì và thư ký thông qua và khóa nội dung.');
    for (let attempt = 0; attempt < 2 && !(await frozen.isVisible()); attempt++) {
      if (attempt > 0) await head.page.reload();
      await head.page.getByRole('button', { name: 'Chủ trì duyệt' }).click();
      await confirmPopover(head.page, 'Duyệt');
      await frozen.waitFor({ timeout: 20_000 }).catch(() => {});
    }
    if (!(await frozen.isVisible())) {
      await screenshot(head.page, 'minutes-approval-failed');
      const said = await head.page.locator('.ant-message, [role=alert]').allInnerTexts();
      assert.fail(`minutes not frozen after the chair's approval; the page said: ${said.join(' | ')}`);
    }
    await screenshot(head.page, 'minutes-approved');

    const minutesPdf = await downloadBytes(head.page, () => head.page.getByRole('button', { name: 'Tải biên bản .pdf' }).click());
    const minutesText = (await pdfText(minutesPdf.bytes)).replace(/\s+/g, ' ');
    for (const s of ['BIÊN BẢN', 'KHỐI THI ĐUA SỐ 4', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Đảng ủy Khối Doanh nghiệp Hà Nội']) assert.ok(minutesText.includes(s), `minutes .pdf has “${s}”`);
    const minutesDocx = await downloadBytes(head.page, () => head.page.getByRole('button', { name: 'Tải biên bản .docx' }).click());
    assert.ok((await docxText(minutesDocx.bytes)).includes('BIÊN BẢN'));

    await head.page.goto(`${BASE}/block-years/${year.id}/covenant`);
    const covenantDocx = await downloadBytes(head.page, () => head.page.getByRole('button', { name: 'Tải .docx' }).first().click());
    const covenantText = (await docxText(covenantDocx.bytes)).replace(/\s+/g, ' ');
    for (const s of ['GIAO ƯỚC THI ĐUA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Đảng ủy Khối Doanh nghiệp']) assert.ok(covenantText.toLocaleLowerCase('vi').includes(s.toLocaleLowerCase('vi')), `covenant .docx has “${s}”`);
    const covenantPdf = await downloadBytes(head.page, () => head.page.getByRole('button', { name: 'Tải .pdf' }).first().click());
    assert.ok((await pdfText(covenantPdf.bytes)).includes('GIAO ƯỚC THI ĐUA'));

    const planPage = head.page;
    await planPage.goto(`${BASE}/block-years/${year.id}/plan`);
    await planPage.getByText(/Đã thông qua tại hội nghị/).first().waitFor();
    const planPdf = await downloadBytes(planPage, () => planPage.getByRole('button', { name: 'Tải .pdf' }).first().click());
    const planText = await pdfText(planPdf.bytes);
    assert.ok(planText.includes('KẾ HOẠCH'), 'plan .pdf is a KẾ HOẠCH');
    await head.context.close();
  });
});
