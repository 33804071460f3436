// A whole year-end scoring round of Khối thi đua số 4 for 2025, in the browser: the leader builds a new
// version of the scheme and opens the round; two officers self-assess with evidence; the leader returns one
// submission, which is fixed and resubmitted; cross-review and the leader's appraisal lower two scores;
// the unit explains; the leader fixes final scores; the ranking shows the order the scores give.
// The three other units' self-assessments go through the API (the same calls the form makes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, confirmPopover, launch, screenshot, sequence, signIn } from '../lib.mjs';

const LEADER = 'canbo.dukdn@thidua.vn'; // ĐUK Doanh nghiệp holds the 2025 leader seat
const OFFICER = (k) => `canbo.${k}@thidua.vn`;
const HEAD = (k) => `thutruong.${k}@thidua.vn`;
const SHORT = { dukcq: 'ĐUK các cơ quan TP', dukdn: 'ĐUK Doanh nghiệp', lhp: 'Trường ĐTCB Lê Hồng Phong', hiza: 'Ban QL các KCN&CX', dukdh: 'ĐUK các trường ĐH, CĐ' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// Self scores of I.1 (max 12 in the new version) and I.3; every other criterion full, target criteria at 0
// (so targets never decide): Ban QL 80, Lê Hồng Phong 79 after its fix, then 74, 71, 67.
const SELF = { hiza: [12, 10], lhp: [10, 10], dukcq: [8, 8], dukdn: [6, 7], dukdh: [4, 5] };

/** The whole self-assessment of a unit as the API takes it: code → body. */
function selfInputs(k) {
  const [i1, i3] = SELF[k];
  return {
    'I.1': { score: i1 }, 'I.2': { actual: 0 }, 'I.3': { score: i3 }, 'I.4': { passed: true }, 'II.1': { passed: true },
    'II.2': { count: 4 }, 'II.3': { count: 5 }, 'II.4': { actual: 0 }, 'II.5': { score: 5 }, 'III.1': { passed: true },
    'III.2': { score: 10 }, 'III.3': { score: 5 },
  };
}

async function put(page, url, body) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'thidua_csrf')?.value ?? '';
  const res = await page.request.put(`${BASE}${url}`, { data: body, headers: { 'X-CSRF-Token': csrf } });
  if (!res.ok()) throw new Error(`PUT ${url} → ${res.status()}: ${await res.text()}`);
  return res.json();
}
async function upload(page, url, name) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'thidua_csrf')?.value ?? '';
  const res = await page.request.post(`${BASE}${url}`, { multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } }, headers: { 'X-CSRF-Token': csrf } });
  if (!res.ok()) throw new Error(`upload ${url} → ${res.status()}: ${await res.text()}`);
}

describe('scoring: a year-end round from the scheme to the ranking', () => {
  const step = sequence(it);
  let browser;
  let year;
  let round;
  const unit = {};
  const crit = {};
  before(async () => {
    browser = await launch();
    const { context, page } = await signIn(browser, LEADER);
    const years = await apiCall(page, 'GET', '/api/block-years');
    year = years.find((y) => y.blockName === 'Khối thi đua số 4' && y.year === 2025);
    const units = await apiCall(page, 'GET', `/api/block-years/${year.id}`);
    for (const [k, short] of Object.entries(SHORT)) unit[k] = units.members.find((m) => m.shortName === short).unitId;
    await context.close();
  });
  after(() => browser?.close());

  step('the leader copies last round\'s scheme into a new version, edits it with live totals, and opens the round', async () => {
    const { context, page } = await signIn(browser, LEADER);
    await page.goto(`${BASE}/block-years/${year.id}/scheme`);
    await page.getByRole('button', { name: 'Tạo biểu chấm điểm' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('Sao chép từ biểu có sẵn').click();
    await modal.getByRole('combobox', { name: /Sao chép từ/ }).click();
    await page.locator('.ant-select-dropdown:visible').getByText(/Năm 2025 – phiên bản 1/).click();
    await modal.getByLabel('Tên biểu').fill('Biểu chấm điểm thi đua cuối năm 2025');
    await modal.getByRole('button', { name: 'Tạo biểu chấm điểm' }).click();
    await page.waitForURL(/\/scoring-schemes\//);
    await page.getByText('Hợp lệ – dùng được cho đợt chấm').waitFor();

    // I.1 loses 3 points, which a new criterion I.5 takes: the group is short until it is added.
    await page.getByRole('button', { name: 'Sửa I.1', exact: true }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByLabel('Điểm tối đa').fill('12');
    await drawer.getByRole('button', { name: /Lưu/ }).click();
    await page.locator('.ant-drawer-content-wrapper:visible').waitFor({ state: 'hidden' });
    await page.getByText('Chưa hoàn chỉnh').first().waitFor();
    await page.getByRole('button', { name: 'Thêm tiêu chí con vào I', exact: true }).click();
    const add = page.locator('.ant-drawer:visible');
    await add.getByText('Thêm vào nhóm I –').waitFor();
    await add.getByLabel('Mã').fill('I.5');
    await add.getByLabel('Nội dung').fill('Thực hiện công tác phòng, chống tham nhũng, lãng phí');
    await add.getByLabel('Điểm tối đa').fill('3');
    await add.getByRole('button', { name: /Thêm|Lưu/ }).last().click();
    await page.getByText('Hợp lệ – dùng được cho đợt chấm').waitFor();
    await screenshot(page, '03-scheme-editor');

    await page.goto(`${BASE}/block-years/${year.id}/rounds`);
    await page.getByRole('button', { name: 'Mở đợt chấm điểm' }).click();
    const open = page.locator('.ant-modal:visible');
    await open.getByRole('combobox', { name: /Loại đợt/ }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('Cuối năm', { exact: true }).click();
    await open.getByRole('combobox', { name: /Biểu chấm điểm/ }).click();
    await page.locator('.ant-select-dropdown:visible').getByText(/bản số 2/).click();
    const day = (n) => {
      const d = new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000);
      return `17:00 ${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    };
    for (const [label, n] of [['Hạn nộp bản tự chấm', 10], ['Hạn chấm chéo, thẩm định', 20], ['Hạn giải trình', 30]]) {
      const input = open.getByLabel(label);
      await input.click();
      await input.fill(day(n));
      await input.press('Enter');
    }
    await open.getByRole('button', { name: 'Mở đợt chấm điểm' }).click();
    await page.getByText('Đã mở đợt chấm điểm; các đơn vị thành viên đã được thông báo.').waitFor();
    const rounds = await apiCall(page, 'GET', `/api/rounds?blockYearId=${year.id}`);
    const listed = (rounds.items ?? rounds).find((r) => r.kind === 'year_end');
    assert.ok(listed, 'the year-end round exists');
    round = await apiCall(page, 'GET', `/api/rounds/${listed.id}`);
    assert.equal(round.phase, 'self_assessment');
    const full = await apiCall(page, 'GET', `/api/scoring-schemes/${round.schemeId}`);
    for (const c of full.criteria) crit[c.code] = c.id;
    assert.equal(full.status, 'frozen');
    await context.close();
  });

  step('two officers self-assess in the form with evidence; the others through the API; heads confirm', async () => {
    for (const k of ['hiza', 'lhp']) {
      const { context, page } = await signIn(browser, OFFICER(k));
      // The bulk through the API; I.1, I.5 and the evidence in the form.
      const base = `/api/rounds/${round.id}/units/${unit[k]}`;
      for (const [code, body] of Object.entries(selfInputs(k))) if (code !== 'I.1') await put(page, `${base}/self/${crit[code]}`, { ...body, version: 0 });
      await page.goto(`${BASE}/rounds/${round.id}/units/${unit[k]}`);
      await page.getByLabel('Điểm tự chấm I.1').fill(String(SELF[k][0]));
      await page.getByLabel('Điểm tự chấm I.5').fill('3');
      await page.getByLabel('Thuyết minh I.1').fill('Hoàn thành các chỉ tiêu theo Báo cáo tổng kết năm 2025 của đơn vị.');
      for (const code of ['I.1', 'II.1', 'III.1']) {
        await page.getByTestId(`file-${code}`).setInputFiles({ name: `Minh chứng ${code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
        await page.getByRole('group', { name: `Minh chứng ${code}` }).getByText(`Minh chứng ${code}.pdf`).waitFor();
      }
      await page.getByText('Đã chấm đủ các tiêu chí và đủ minh chứng bắt buộc.').waitFor();
      await page.getByText(/^Đã lưu/).first().waitFor();
      await page.getByRole('button', { name: 'Nộp bản tự chấm' }).click();
      await confirmPopover(page, 'Nộp');
      await page.getByText('Chờ thủ trưởng xác nhận', { exact: true }).first().waitFor(); // the status, which outlasts the toast
      if (k === 'lhp') await screenshot(page, '03-self-assessment');
      await context.close();

      const head = await signIn(browser, HEAD(k));
      await head.page.goto(`${BASE}/rounds/${round.id}/units/${unit[k]}`);
      await head.page.getByRole('button', { name: 'Xác nhận nộp' }).click();
      await confirmPopover(head.page, 'Xác nhận');
      await head.page.getByText('Đã xác nhận; bản tự chấm đã nộp.').waitFor();
      await head.context.close();
    }
    for (const k of ['dukcq', 'dukdn', 'dukdh']) {
      const { context, page } = await signIn(browser, HEAD(k));
      const base = `/api/rounds/${round.id}/units/${unit[k]}`;
      for (const [code, body] of Object.entries({ ...selfInputs(k), 'I.5': { score: 3 } })) await put(page, `${base}/self/${crit[code]}`, { ...body, version: 0 });
      for (const code of ['I.1', 'II.1', 'III.1']) await upload(page, `${base}/evidence/${crit[code]}`, `Minh chứng ${code}.pdf`);
      await apiCall(page, 'POST', `${base}/submit`, {});
      await context.close();
    }
  });

  step('the leader returns Lê Hồng Phong\'s submission; the unit fixes I.1 and resubmits', async () => {
    const leader = await signIn(browser, LEADER);
    await leader.page.goto(`${BASE}/rounds/${round.id}`);
    await leader.page.getByRole('group', { name: `Thao tác với ${(await apiCall(leader.page, 'GET', `/api/rounds/${round.id}/progress`)).units?.find?.((u) => u.unitId === unit.lhp)?.unitName ?? 'Trường'}` })
      .getByRole('button', { name: 'Trả lại' }).click();
    const modal = leader.page.locator('.ant-modal:visible');
    await modal.getByLabel('Lý do trả lại').fill('Tiêu chí I.1: đề nghị bổ sung số liệu lớp bồi dưỡng quý IV vào thuyết minh và chấm lại.');
    await modal.getByRole('button', { name: 'Trả lại' }).click();
    await leader.page.getByText(/Đã trả lại bản tự chấm của/).waitFor();
    await screenshot(leader.page, '03-progress-board');
    await leader.context.close();

    const officer = await signIn(browser, OFFICER('lhp'));
    await officer.page.goto(`${BASE}/rounds/${round.id}/units/${unit.lhp}`);
    await officer.page.getByText('Khối trưởng trả lại bản tự chấm để hoàn thiện').waitFor();
    await officer.page.getByText(/bổ sung số liệu lớp bồi dưỡng quý IV/).first().waitFor();
    await officer.page.getByLabel('Điểm tự chấm I.1').fill('11');
    await officer.page.getByLabel('Thuyết minh I.1').fill('Đã bổ sung 12 lớp bồi dưỡng quý IV (Báo cáo số 45/BC-TĐCB).');
    await officer.page.getByText(/^Đã lưu/).first().waitFor();
    await officer.page.getByRole('button', { name: 'Nộp bản tự chấm' }).click();
    await confirmPopover(officer.page, 'Nộp');
    await officer.page.getByText('Chờ thủ trưởng xác nhận', { exact: true }).first().waitFor();
    await officer.context.close();
    const head = await signIn(browser, HEAD('lhp'));
    await head.page.goto(`${BASE}/rounds/${round.id}/units/${unit.lhp}`);
    await head.page.getByRole('button', { name: 'Xác nhận nộp' }).click();
    await confirmPopover(head.page, 'Xác nhận');
    await head.page.getByText('Đã xác nhận; bản tự chấm đã nộp.').waitFor();
    await head.context.close();
  });

  step('cross-review: the leader moves on and assigns; a reviewer lowers a score with a reason; the leader appraises', async () => {
    const leader = await signIn(browser, LEADER);
    await leader.page.goto(`${BASE}/rounds/${round.id}`);
    await leader.page.getByRole('button', { name: 'Chuyển sang "Chấm chéo, thẩm định"' }).click();
    await leader.page.locator('.ant-modal:visible, .ant-popover:visible').getByRole('button', { name: /Chuyển/ }).last().click();
    await leader.page.getByText('Đã chuyển sang giai đoạn "Chấm chéo, thẩm định".').waitFor();
    await leader.page.getByRole('button', { name: 'Tạo phân công' }).click();
    await leader.page.locator('.ant-modal:visible').getByRole('button', { name: 'Tạo phân công' }).click();
    await leader.page.getByText('Đã tạo phân công chấm chéo; các đơn vị được thông báo.').waitFor();
    const assignments = await apiCall(leader.page, 'GET', `/api/rounds/${round.id}/assignments`);
    const list = assignments.assignments;
    const reviewerOfLhp = Object.keys(unit).find((k) => list.some((a) => a.revieweeUnitId === unit.lhp && a.reviewerUnitId === unit[k]));
    assert.ok(reviewerOfLhp, 'someone reviews Lê Hồng Phong');

    // The leader appraises Ban QL các KCN&CX: III.2 is lowered from 10 to 7.
    await leader.page.goto(`${BASE}/rounds/${round.id}/units/${unit.hiza}/review?as=leader`);
    const row = leader.page.getByRole('region', { name: 'Tiêu chí III.2' });
    await row.getByLabel(/Điểm thẩm định: Điểm/).fill('7');
    await row.getByLabel('Lý do').fill('Đoàn Thanh niên chưa hoàn thành chỉ tiêu phát triển đoàn viên mới.');
    await row.getByRole('button', { name: 'Lưu III.2' }).click();
    await leader.page.getByText('Đã lưu tiêu chí III.2.').waitFor();
    await leader.context.close();

    const reviewer = await signIn(browser, OFFICER(reviewerOfLhp));
    await reviewer.page.goto(`${BASE}/rounds/${round.id}/units/${unit.lhp}/review?as=peer`);
    const r13 = reviewer.page.getByRole('region', { name: 'Tiêu chí I.3' });
    await r13.getByLabel(/Điểm chấm chéo của đơn vị bạn: Điểm/).fill('8');
    await r13.getByRole('button', { name: 'Lưu I.3' }).click();
    await reviewer.page.getByText('Điểm khác điểm tự chấm nên phải ghi lý do.').first().waitFor();
    await r13.getByLabel('Lý do').fill('Chỉ số cải cách hành chính năm 2025 giảm 2 bậc so với năm trước.');
    await r13.getByRole('button', { name: 'Lưu I.3' }).click();
    await reviewer.page.getByText('Đã lưu tiêu chí I.3.').waitFor();
    await screenshot(reviewer.page, '03-review');
    await reviewer.context.close();
  });

  step('explanation: Lê Hồng Phong answers the lowered score', async () => {
    const leader = await signIn(browser, LEADER);
    await leader.page.goto(`${BASE}/rounds/${round.id}`);
    await leader.page.getByRole('button', { name: 'Chuyển sang "Giải trình"' }).click();
    await leader.page.locator('.ant-modal:visible, .ant-popover:visible').getByRole('button', { name: /Chuyển/ }).last().click();
    await leader.page.getByText('Đã chuyển sang giai đoạn "Giải trình".').waitFor();
    await leader.context.close();

    const officer = await signIn(browser, OFFICER('lhp'));
    await officer.page.goto(`${BASE}/rounds/${round.id}/units/${unit.lhp}/explanation`);
    const row = officer.page.getByRole('region', { name: 'Tiêu chí I.3' });
    await row.getByText('Thấp hơn tự chấm').waitFor();
    await row.getByLabel('Nội dung giải trình').fill('Chỉ số giảm do thay đổi phương pháp đánh giá của Thành phố; đơn vị đã hoàn thành 100% nhiệm vụ chuyển đổi số.');
    await row.getByRole('button', { name: 'Lưu I.3' }).click();
    await officer.page.getByText('Đã lưu giải trình tiêu chí I.3.').waitFor();
    await officer.context.close();
  });

  step('final review: the leader settles I.3 of Lê Hồng Phong at 9; the ranking follows the totals, last year’s award included', async () => {
    const leader = await signIn(browser, LEADER);
    await leader.page.goto(`${BASE}/rounds/${round.id}`);
    await leader.page.getByRole('button', { name: 'Chuyển sang "Thẩm định cuối, chốt điểm"' }).click();
    await leader.page.locator('.ant-modal:visible, .ant-popover:visible').getByRole('button', { name: /Chuyển/ }).last().click();
    await leader.page.getByText('Đã chuyển sang giai đoạn "Thẩm định cuối, chốt điểm".').waitFor();
    await leader.page.goto(`${BASE}/rounds/${round.id}/units/${unit.lhp}/final`);
    const row = leader.page.getByRole('region', { name: 'Tiêu chí I.3' });
    await row.getByLabel(/Điểm cuối cùng: Điểm/).fill('9');
    await row.getByLabel(/Lý do/).fill('Chấp nhận một phần giải trình của đơn vị.');
    await row.getByRole('button', { name: 'Lưu I.3' }).click();
    await leader.page.getByText('Đã lưu tiêu chí I.3.').waitFor();
    await screenshot(leader.page, '03-final');

    // Final totals: Lê Hồng Phong 79 − 1 (I.3) = 78; Ban QL 80 − 3 (III.2 appraised) = 77; then 74, 71, 67.
    const ranking = await apiCall(leader.page, 'GET', `/api/rounds/${round.id}/ranking`);
    const total = Object.fromEntries(ranking.rows.map((r) => [r.unitId, r.final.total]));
    assert.deepEqual([unit.lhp, unit.dukdn, unit.dukdh].map((u) => total[u]), [78, 71, 67]);
    // ĐUK các cơ quan TP (74) and Ban QL các KCN&CX (77) carry last year's awards (QĐ 512 and 513/QĐ-UBND),
    // which the scheme's bonus criterion adds by itself.
    assert.ok(total[unit.dukcq] > 74 && total[unit.hiza] > 77, `award bonuses count: ${total[unit.dukcq]}, ${total[unit.hiza]}`);
    const totals = ranking.rows.map((r) => r.final.total);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    await leader.page.goto(`${BASE}/rounds/${round.id}/ranking`);
    const table = leader.page.getByRole('table').first();
    await table.getByText(ranking.rows[0].unitName).first().waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    const at = ranking.rows.map((r) => rows.findIndex((text) => text.includes(r.unitName)));
    assert.ok(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1])), `table rows in rank order: ${rows.join(' | ')}`);
    await screenshot(leader.page, '03-ranking');
    await leader.context.close();
  });
});
