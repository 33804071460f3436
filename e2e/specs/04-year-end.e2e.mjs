// The year end of Khối thi đua số 1 for 2025, replayed in the browser from the demo as a newcomer would:
// the leader runs the year-end conference (check-in, one unit absent), opens the secret ballot for the city
// flag; the present heads vote (the absent one cannot); the leader closes it and the tally committee signs
// the record; next year's seats are elected, the conference closes and its minutes are approved; the dossier
// is assembled (the nominee uploads its report, the leader unit's head submits); the board returns it, the
// block fixes and resubmits, the board approves and records the decision; the unit's history shows the
// award, and the 2026 draft year, started from the next-year page, shows the bonus points.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, confirmPopover, docxText, downloadBytes, launch, screenshot, sequence, signIn } from '../lib.mjs';

const LEADER = 'canbo.stc@thidua.vn'; // Sở Tài chính holds the 2025 leader seat of Khối 1
const LEADER_HEAD = 'thutruong.stc@thidua.vn';
const BOARD = 'bantdkt@thidua.vn';
const NOMINEE_OFFICER = 'canbo.snv@thidua.vn';
const UNITS = {
  stc: 'Sở Tài chính Hà Nội', snv: 'Sở Nội vụ Hà Nội', stp: 'Sở Tư pháp Hà Nội', ttra: 'Thanh tra Thành phố Hà Nội',
  vpub: 'Văn phòng UBND Thành phố Hà Nội', sqhkt: 'Sở Quy hoạch - Kiến trúc Hà Nội',
};
const PRESENT = ['stc', 'snv', 'stp', 'ttra', 'vpub'];
// One approval per paper: four for Sở Nội vụ, one for Văn phòng UBND (the threshold is over half of the 6 members).
const PAPERS = { stc: 'snv', snv: 'vpub', stp: 'snv', ttra: 'snv', vpub: 'snv' };
const FLAG = 'Cờ thi đua của UBND Thành phố';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('year end: ballot, dossier, the board, the decision, next year', () => {
  const step = sequence(it);
  let browser;
  let year;
  let conference;
  let ballotId;
  /** Each voting unit's receipt, as its browser showed it. */
  const receipts = new Map();
  let proposalId;
  let nextYearId;
  const unitId = {};
  before(async () => {
    browser = await launch();
    const { context, page } = await signIn(browser, LEADER);
    year = (await apiCall(page, 'GET', '/api/block-years')).find((y) => y.blockName === 'Khối thi đua số 1' && y.year === 2025);
    for (const m of (await apiCall(page, 'GET', `/api/block-years/${year.id}`)).members) unitId[Object.keys(UNITS).find((k) => UNITS[k] === m.name)] = m.unitId;
    await context.close();
  });
  after(() => browser?.close());

  /** The leader unit's head submits the complete dossier. */
  async function headSubmits() {
    const { context, page } = await signIn(browser, LEADER_HEAD);
    await page.goto(`${BASE}/proposals/${proposalId}`);
    await page.getByText('Hồ sơ đã đủ thành phần.').waitFor();
    await page.getByRole('button', { name: 'Trình hồ sơ' }).click();
    await confirmPopover(page, 'Đồng ý trình');
    await page.getByText('Đã trình hồ sơ.').waitFor();
    await context.close();
  }

  step('the leader opens the planned year-end conference and checks in five of the six units', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/block-years/${year.id}`);
    // The year's timeline leads straight to the planned year-end conference.
    await page.getByRole('link', { name: /^Hội nghị tổng kết: / }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]+$/);
    conference = page.url().split('/').pop();
    await page.getByRole('button', { name: 'Điều hành hội nghị' }).click();
    await page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
    await confirmPopover(page, 'Khai mạc hội nghị');
    await page.getByText('Hội nghị đã khai mạc.').waitFor();
    for (const [i, k] of PRESENT.entries()) {
      const name = page.getByRole('textbox', { name: `Người dự họp: ${UNITS[k]}` });
      if (!(await name.inputValue())) await name.fill(`Đại biểu ${UNITS[k]}`);
      await page.getByRole('radiogroup', { name: `Điểm danh: ${UNITS[k]}` }).getByText('Có mặt', { exact: true }).click();
      await page.getByRole('status', { name: 'Số đơn vị có mặt' }).getByText(new RegExp(`Có mặt ${i + 1}/6`)).waitFor();
    }
    await page.getByRole('radiogroup', { name: `Điểm danh: ${UNITS.sqhkt}` }).getByText('Vắng', { exact: true }).click();
    // The report and the ranking are heard; the agenda moves on to the secret ballot.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Xong, chuyển mục tiếp' }).click();
    await page.getByText(/Bỏ phiếu kín suy tôn đơn vị đề nghị tặng Cờ thi đua/).first().waitFor();
    await context.close();
  });

  step('the leader sees the eligible candidates and opens the secret ballot for the city flag', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/conferences/${conference}/live`);
    await page.getByRole('link', { name: 'Bỏ phiếu kín' }).click();
    const open = page.getByRole('region', { name: 'Mở bỏ phiếu' });
    await open.getByText(/Có mặt 5\/6 đơn vị/).waitFor();
    await open.getByRole('combobox', { name: 'Chọn hình thức khen thưởng' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText(FLAG, { exact: true }).click();
    await open.getByText('Số đơn vị được bầu tối đa: 1').waitFor();
    const rows = open.locator('tbody tr');
    await rows.first().waitFor();
    const eligible = [];
    for (const r of await rows.all()) if (await r.getByText('Đủ điều kiện', { exact: true }).count()) eligible.push((await r.locator('td').first().innerText()).trim());
    assert.deepEqual(eligible, [UNITS.snv, UNITS.vpub, UNITS.stc], 'the top three with the 2025 title are the candidates');
    await open.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await confirmPopover(page, 'Mở bỏ phiếu');
    await page.getByText('Đã mở bỏ phiếu.').waitFor();
    await page.waitForURL(/\/ballots\/[0-9a-f-]+$/);
    ballotId = page.url().split('/').pop();
    await context.close();
  });

  step('the absent unit cannot vote; the five present heads vote; the leader sees only the count', async () => {
    const absent = await signIn(browser, 'thutruong.sqhkt@thidua.vn');
    await absent.page.goto(`${BASE}/ballots/${ballotId}`);
    await absent.page.getByText(/Chưa bỏ phiếu được: .*không có mặt tại hội nghị/).waitFor();
    assert.equal(await absent.page.getByRole('button', { name: 'Bỏ phiếu' }).count(), 0);
    await absent.context.close();

    for (const [i, k] of PRESENT.entries()) {
      const { context, page } = await signIn(browser, `thutruong.${k}@thidua.vn`);
      await page.goto(`${BASE}/ballots/${ballotId}`);
      const vote = page.getByRole('region', { name: `Phiếu bầu của đơn vị ${UNITS[k]}` });
      await vote.getByRole('checkbox', { name: new RegExp(UNITS[PAPERS[k]]) }).check();
      await vote.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await page.getByRole('dialog', { name: 'Xác nhận bỏ phiếu' }).getByRole('button', { name: 'Bỏ phiếu' }).click();
      await page.getByText('Đơn vị đã bỏ phiếu.').waitFor();
      // The paper was encrypted in this browser; the unit keeps the receipt the server answered with.
      const receipt = (await page.getByRole('region', { name: 'Biên nhận phiếu của đơn vị' }).innerText()).match(/[0-9a-f]{64}/)?.[0];
      assert.ok(receipt, 'the voter sees a receipt');
      receipts.set(k, receipt);
      if (i === 2) {
        const leader = await signIn(browser, LEADER);
        await leader.page.goto(`${BASE}/ballots/${ballotId}`);
        await leader.page.getByRole('status', { name: 'Tiến độ bỏ phiếu' }).getByText('Đã bỏ phiếu: 3/5 đơn vị có mặt').waitFor();
        assert.equal(await leader.page.getByRole('region', { name: 'Kết quả kiểm phiếu' }).count(), 0, 'no result while open');
        await leader.context.close();
      }
      await context.close();
    }
  });

  step('the leader closes the ballot; the tally committee signs the record, which reads right', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/ballots/${ballotId}`);
    await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await confirmPopover(page, 'Kết thúc bỏ phiếu');
    await page.getByText('Đã kết thúc bỏ phiếu và kiểm phiếu.').waitFor();
    const result = page.getByRole('region', { name: 'Kết quả kiểm phiếu' });
    assert.deepEqual((await result.getByRole('list', { name: 'Đơn vị được bầu (theo thứ tự)' }).getByRole('listitem').allInnerTexts()).map((s) => s.trim()), [UNITS.snv]);

    const record = page.getByRole('region', { name: 'Biên bản kiểm phiếu' });
    await record.getByRole('textbox', { name: 'Trưởng ban kiểm phiếu' }).fill('Trần Đình Khoa – Giám đốc Sở Nội vụ');
    await record.getByRole('textbox', { name: 'Thành viên 1' }).fill('Chu Thị Bích Ngọc – Văn phòng UBND Thành phố');
    await record.getByRole('button', { name: 'Thêm thành viên' }).click();
    await record.getByRole('textbox', { name: 'Thành viên 2' }).fill('Hà Văn Sơn – Thanh tra Thành phố');
    await record.getByRole('button', { name: 'Ký biên bản' }).click();
    await page.getByText('Đã ký biên bản kiểm phiếu.').waitFor();
    await screenshot(page, '04-tally');
    const docx = await downloadBytes(page, () => record.getByRole('button', { name: 'Tải .docx' }).click());
    const text = (await docxText(docx.bytes)).replace(/\s+/g, ' ');
    for (const s of ['BIÊN BẢN KIỂM PHIẾU', 'KHỐI THI ĐUA SỐ 1', UNITS.snv, FLAG, 'Hà Văn Sơn']) assert.ok(text.toLocaleUpperCase('vi').includes(s.toLocaleUpperCase('vi')), `tally record has “${s}”`);
    // The record lists every paper's receipt.
    for (const r of receipts.values()) assert.ok(text.includes(r), 'the tally record lists each receipt');
    await context.close();
  });

  step('a unit that voted finds its receipt among the counted papers', async () => {
    const [k, receipt] = [...receipts.entries()][0];
    const { context, page } = await signIn(browser, `thutruong.${k}@thidua.vn`);
    await page.goto(`${BASE}/ballots/${ballotId}`);
    const check = page.getByRole('region', { name: 'Kiểm tra biên nhận' });
    await check.getByRole('textbox', { name: 'Biên nhận cần kiểm tra' }).fill(receipt);
    await check.getByRole('button', { name: 'Kiểm tra biên nhận' }).click();
    await check.getByText('Có trong danh sách: phiếu mang biên nhận này đã được kiểm.').waitFor();
    await context.close();
  });

  step('next year’s seats are elected; the conference closes and its minutes are approved', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/conferences/${conference}/live`);
    await page.getByRole('button', { name: 'Xong, chuyển mục tiếp' }).click();
    await page.goto(`${BASE}/conferences/${conference}/ballots`);
    const seats = page.getByRole('region', { name: 'Bầu Khối trưởng, Khối phó năm 2026' });
    await seats.getByRole('button', { name: 'Theo đề xuất' }).click();
    await seats.getByRole('button', { name: 'Ghi nhận kết quả bầu' }).click();
    await page.getByText('Đã ghi nhận Khối trưởng, Khối phó năm sau.').waitFor();
    await seats.getByText(UNITS.stp).first().waitFor();

    await page.goto(`${BASE}/conferences/${conference}/live`);
    await page.getByRole('button', { name: 'Bế mạc hội nghị' }).click();
    await page.getByRole('dialog', { name: 'Bế mạc hội nghị' }).getByRole('button', { name: 'Bế mạc hội nghị' }).click();
    await page.getByText('Hội nghị đã bế mạc; dự thảo biên bản đã được lập.').waitFor();
    // The minutes name the leader unit's officer as secretary and its head as chair: each approves in that role only.
    await page.goto(`${BASE}/conferences/${conference}`);
    assert.equal(await page.getByRole('button', { name: 'Chủ trì duyệt' }).count(), 0, 'the secretary cannot approve as chair');
    await page.getByRole('button', { name: 'Thư ký duyệt' }).click();
    await confirmPopover(page, 'Duyệt');
    await page.getByText('Đã ghi nhận xác nhận duyệt.').first().waitFor();
    await context.close();

    const head = await signIn(browser, LEADER_HEAD);
    await head.page.goto(`${BASE}/conferences/${conference}`);
    await head.page.getByRole('button', { name: 'Chủ trì duyệt' }).click();
    await confirmPopover(head.page, 'Duyệt');
    await head.page.getByText('Biên bản đã được chủ trì và thư ký thông qua và khóa nội dung.').waitFor();
    // The minutes state the ballot's result and the seats, as the conference recorded them.
    const minutes = (await docxText((await downloadBytes(head.page, () => head.page.getByRole('button', { name: 'Tải biên bản .docx' }).click())).bytes)).replace(/\s+/g, ' ');
    for (const s of [`Kết quả bỏ phiếu kín đề nghị tặng ${FLAG}`, `đơn vị được đề nghị: ${UNITS.snv} (4 phiếu đồng ý`, `Hội nghị bầu ${UNITS.stp} làm Khối trưởng, ${UNITS.ttra} làm Khối phó`]) {
      assert.ok(minutes.includes(s), `minutes have “${s}”`);
    }
    await head.context.close();
  });

  step('the leader assembles the dossier; the nominee uploads its report; the leader unit’s head submits', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/block-years/${year.id}`);
    await page.getByRole('link', { name: 'Lập và trình hồ sơ đề nghị khen thưởng' }).click();
    await page.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).click();
    await page.getByText('Đã lập hồ sơ đề nghị khen thưởng.').waitFor();
    await page.waitForURL(/\/proposals\/[0-9a-f-]+$/);
    proposalId = page.url().split('/').pop();
    await page.getByRole('cell', { name: UNITS.snv, exact: true }).waitFor();
    await page.getByText('Còn thiếu').first().waitFor(); // the nominee's report
    await context.close();

    const nominee = await signIn(browser, NOMINEE_OFFICER);
    await nominee.page.goto(`${BASE}/proposals/${proposalId}`);
    await nominee.page.getByLabel(`Tải lên báo cáo – ${UNITS.snv}`).setInputFiles({ name: 'Báo cáo thành tích Sở Nội vụ 2025.pdf', mimeType: 'application/pdf', buffer: PDF });
    await nominee.page.getByText('Đã tải lên báo cáo thành tích.').waitFor();
    await nominee.context.close();

    await headSubmits();
  });

  step('the board takes the dossier from its inbox and returns it with a reason', async () => {
    const { context, page } = await signIn(browser, BOARD);
    await page.goto(`${BASE}/proposals`);
    await page.getByRole('row', { name: /Khối thi đua số 1/ }).getByRole('link', { name: 'Khối thi đua số 1' }).click();
    await page.waitForURL(`${BASE}/proposals/${proposalId}`);
    await page.getByRole('button', { name: 'Tiếp nhận thẩm định' }).click();
    await page.getByText('Đã tiếp nhận hồ sơ để thẩm định.').waitFor();
    await page.getByText('Không có vi phạm.').waitFor();
    await page.getByRole('button', { name: 'Trả lại hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại hồ sơ' });
    await dialog.getByLabel('Lý do trả lại').fill('Tờ trình chưa nêu thành tích nổi bật của Sở Nội vụ trong năm 2025; đề nghị bổ sung.');
    await dialog.getByRole('button', { name: 'Trả lại hồ sơ' }).click();
    await page.getByText('Đã trả lại hồ sơ.').waitFor();
    await context.close();
  });

  step('the block fixes the letter and resubmits', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/proposals/${proposalId}`);
    await page.getByText(/Trả lại: Tờ trình chưa nêu thành tích nổi bật/).waitFor();
    await page.getByRole('button', { name: 'Sửa tờ trình' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tờ trình' });
    const content = dialog.getByLabel('Nội dung (mỗi đoạn một dòng trống)');
    await content.fill(`${await content.inputValue()}\n\nNăm 2025, Sở Nội vụ hoàn thành 100% nhiệm vụ sắp xếp tổ chức bộ máy theo Nghị quyết số 18-NQ/TW, dẫn đầu Khối với 98,5 điểm.`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu tờ trình.').waitFor();
    await context.close();

    await headSubmits();
  });

  step('the board approves the dossier and records the decision', async () => {
    const { context, page } = await signIn(browser, BOARD);
    await page.goto(`${BASE}/proposals/${proposalId}`);
    await page.getByText(/dẫn đầu Khối với 98,5 điểm/).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận thẩm định' }).click();
    await page.getByText('Đã tiếp nhận hồ sơ để thẩm định.').waitFor();
    await page.getByRole('button', { name: 'Thông qua hồ sơ' }).click();
    await confirmPopover(page, 'Thông qua hồ sơ');
    await page.getByText('Đã thông qua hồ sơ.').waitFor();
    const form = page.getByRole('form', { name: 'Ghi nhận quyết định' }).or(page.locator('.ant-card').filter({ hasText: 'Ghi nhận quyết định' }).last());
    await form.getByLabel('Số quyết định').fill('1024/QĐ-UBND');
    await form.getByLabel('Ngày quyết định').fill('18/03/2026');
    await form.getByLabel('Người ký').fill('KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm');
    await form.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await page.getByText('Đã ghi nhận quyết định.').waitFor();
    await page.getByText('Đã có quyết định').first().waitFor();
    await screenshot(page, '04-decided');
    await context.close();
  });

  step('the unit’s award history shows the city flag for 2025', async () => {
    const { context, page } = await signIn(browser, NOMINEE_OFFICER);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Khen thưởng của đơn vị' }).click();
    await page.waitForURL(`${BASE}/units/${unitId.snv}/awards`);
    const row = page.getByRole('row', { name: /1024\/QĐ-UBND/ });
    await row.waitFor();
    const text = await row.innerText();
    for (const s of ['2025', FLAG, '18/03/2026']) assert.ok(text.includes(s), `history row has “${s}”: ${text}`);
    await context.close();
  });

  step('the leader starts 2026; its draft year shows Sở Nội vụ’s bonus points', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/block-years/${year.id}`);
    await page.getByRole('link', { name: 'Lưu trữ năm; khởi tạo năm sau' }).click();
    await page.getByText('Khối trưởng, Khối phó năm 2026 theo kết quả bầu của hội nghị tổng kết.').waitFor();
    await page.getByRole('button', { name: 'Khởi tạo năm tiếp theo' }).click();
    await confirmPopover(page, 'Khởi tạo năm tiếp theo');
    await page.getByText('Đã khởi tạo năm thi đua 2026.').waitFor();
    await page.waitForURL((u) => /\/block-years\/[0-9a-f-]+$/.test(u.pathname) && !u.pathname.endsWith(year.id));
    nextYearId = page.url().split('/').pop();
    await page.getByRole('link', { name: 'Điểm thưởng từ khen thưởng năm trước' }).click();
    await page.waitForURL(/\/award-bonuses$/);
    await page.getByText('Khen thưởng năm 2025').first().waitFor();
    const row = page.getByRole('row', { name: new RegExp(`^${UNITS.snv}`) });
    await row.getByText(`${FLAG} (1024/QĐ-UBND): +10`).waitFor();
    assert.equal((await row.locator('td').last().innerText()).trim(), '10', 'Sở Nội vụ starts 2026 with 10 bonus points');
    await screenshot(page, '04-bonuses');
    const bonuses = await apiCall(page, 'GET', `/api/block-years/${nextYearId}/award-bonuses`);
    assert.equal(JSON.stringify(bonuses).includes(unitId.snv), true);
    await context.close();
  });
});
