// On a phone, the leader officer of Khối 4 opens each sealed document of the demo's 2024 year (the finalised
// ranking, the covenant in force, a signed tally record, the submitted dossier): its page shows the checkpoint
// it was sealed under, and "Xác minh văn bản này" checks the inclusion proof and the checkpoint's Ed25519
// signature in Chromium itself. The page never scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, launch, screenshot, sequence, signIn } from '../lib.mjs';

const LEADER = 'canbo.dukcq@thidua.vn';

describe('a document verifies its seal in the browser', () => {
  let browser;
  let page;
  const docs = [];
  const step = sequence(it);

  before(async () => {
    browser = await launch();
    ({ page } = await signIn(browser, LEADER));
    await page.setViewportSize({ width: 390, height: 844 });
  });
  after(() => browser?.close());

  step('finds the sealed documents of Khối 4 in 2024', async () => {
    const blocks = await apiCall(page, 'GET', '/api/blocks?pageSize=100');
    const block = blocks.items.find((b) => b.name === 'Khối thi đua số 4');
    const [year] = await apiCall(page, 'GET', `/api/block-years?blockId=${block.id}&year=2024`);
    const round = (await apiCall(page, 'GET', `/api/rounds?blockYearId=${year.id}`)).find((r) => r.phase === 'finalised');
    const ballots = await apiCall(page, 'GET', `/api/ballots?blockYearId=${year.id}`);
    let ballot = null;
    for (const b of ballots) if (!ballot && (await apiCall(page, 'GET', `/api/ballots/${b.id}/tally-record/ledger-proof`)).status === 'sealed') ballot = b;
    const [proposal] = await apiCall(page, 'GET', `/api/proposals?blockYearId=${year.id}`);
    assert.ok(round && ballot && proposal, 'the demo has a finalised round, a signed tally record and a dossier in 2024');
    docs.push(['ranking', `/rounds/${round.id}/ranking`], ['covenant', `/block-years/${year.id}/covenant`], ['ballot', `/ballots/${ballot.id}`], ['proposal', `/proposals/${proposal.id}`]);
  });

  step('each page shows its checkpoint and verifies it in the browser, at 390 px', async () => {
    for (const [name, url] of docs) {
      await page.goto(`${BASE}${url}`);
      const card = page.getByRole('region', { name: 'Niêm phong trong sổ kiểm toán' });
      await card.getByText(/^#\d+ \(\d+ mục\)$/).waitFor({ timeout: 15_000 });
      assert.match(await card.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, `${name}: the time as dd/mm/yyyy HH:mm`);
      await card.getByRole('button', { name: 'Xác minh văn bản này' }).click();
      await card.getByRole('status').getByText(/^Văn bản đã được xác minh/).waitFor({ timeout: 10_000 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 390) await screenshot(page, `document-seal-${name}-390`);
      assert.ok(wide <= 390, `${name}: the page is ${wide} px wide at 390 px`);
    }
  });
});
