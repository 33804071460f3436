// Every route, as each demo role, on a phone (390×844) and a laptop (1366×768): the page never scrolls
// sideways (wide tables scroll inside their own box), it has one level-one heading, and axe-core finds no
// serious or critical violation (colour contrast included).
//
// Our CSP forbids injected inline scripts, so the context bypasses it and axe-core's own source is injected
// (@axe-core/playwright needs Node 22). E2E_ROLES=admin,member narrows the roles; E2E_SHOTS=1 keeps a PNG of
// every phone-sized page in e2e/artifacts (failures are always kept).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { apiCall, BASE, launch, PASSWORD, screenshot } from '../lib.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ROLES = [
  ['admin', 'admin@thidua.vn'],
  ['board', 'bantdkt@thidua.vn'],
  ['leader', 'canbo.dukcq@thidua.vn'],
  ['member', 'canbo.lhp@thidua.vn'],
  ['head', 'thutruong.lhp@thidua.vn'],
].filter(([role]) => !process.env.E2E_ROLES || process.env.E2E_ROLES.split(',').includes(role));
const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 768 }];

async function newSession(browser, email) {
  const context = await browser.newContext({ locale: 'vi-VN', bypassCSP: true, viewport: SIZES[1] });
  const page = await context.newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 20_000 });
  return { context, page };
}

/** Real ids from the demo: Khối 4's 2024 year (every stage has happened) and Lê Hồng Phong, a member unit. */
async function demoIds(admin, member) {
  const me = await apiCall(member, 'GET', '/api/auth/me');
  const blocks = await apiCall(admin, 'GET', '/api/blocks?pageSize=100');
  const block = blocks.items.find((b) => b.name === 'Khối thi đua số 4');
  const [year] = await apiCall(admin, 'GET', `/api/block-years?blockId=${block.id}&year=2024`);
  const conferences = await apiCall(admin, 'GET', `/api/conferences?blockYearId=${year.id}`);
  const conference = conferences.find((c) => c.kind === 'year_end') ?? conferences[0];
  const [scheme] = await apiCall(admin, 'GET', `/api/scoring-schemes?blockYearId=${year.id}`);
  const rounds = await apiCall(admin, 'GET', `/api/rounds?blockYearId=${year.id}`);
  const round = rounds.find((r) => r.kind === 'year_end') ?? rounds[0];
  const { assignments } = await apiCall(admin, 'GET', `/api/rounds/${round.id}/assignments`);
  const reviewee = assignments.find((a) => a.reviewerUnitId === me.unitId)?.revieweeUnitId ?? me.unitId;
  const [ballot] = await apiCall(admin, 'GET', `/api/ballots?blockYearId=${year.id}`);
  const [proposal] = await apiCall(admin, 'GET', `/api/proposals?blockYearId=${year.id}`);
  return { block: block.id, year: year.id, conference: conference.id, scheme: scheme.id, round: round.id, unit: me.unitId, reviewee, ballot: ballot?.id, proposal: proposal?.id };
}

/** Every route of frontend/src/app/router.tsx (paths.ts), with the demo's ids. */
function routes(id) {
  return [
    ['home', '/'], ['blocks', '/blocks'], ['block', `/blocks/${id.block}`], ['units', '/units'], ['accounts', '/accounts'],
    ['block-years', '/block-years'], ['block-year', `/block-years/${id.year}`], ['plan', `/block-years/${id.year}/plan`],
    ['rules', `/block-years/${id.year}/rules`], ['conferences', `/block-years/${id.year}/conferences`],
    ['conference', `/conferences/${id.conference}`], ['conference-live', `/conferences/${id.conference}/live`],
    ['covenant', `/block-years/${id.year}/covenant`], ['scheme', `/block-years/${id.year}/scheme`], ['scheme-editor', `/scoring-schemes/${id.scheme}`],
    ['rounds', `/block-years/${id.year}/rounds`], ['round', `/rounds/${id.round}`], ['self-assessment', `/rounds/${id.round}/units/${id.unit}`],
    ['review', `/rounds/${id.round}/units/${id.reviewee}/review`], ['explanation', `/rounds/${id.round}/units/${id.unit}/explanation`],
    ['final', `/rounds/${id.round}/units/${id.unit}/final`], ['ranking', `/rounds/${id.round}/ranking`], ['awards', '/awards'],
    ['unit-awards', `/units/${id.unit}/awards`], ['award-bonuses', `/block-years/${id.year}/award-bonuses`], ['board', '/board'],
    ['conference-ballots', `/conferences/${id.conference}/ballots`], ...(id.ballot ? [['ballot', `/ballots/${id.ballot}`]] : []),
    ['next-year', `/block-years/${id.year}/next-year`], ['proposals', '/proposals'], ['block-year-proposals', `/block-years/${id.year}/proposals`],
    ...(id.proposal ? [['proposal', `/proposals/${id.proposal}`]] : []), ['verify', '/covenants/verify'], ['audit', '/audit'], ['import', '/import'], ['me', '/me'],
  ];
}

/**
 * Opens `path` inside the running app (as a link would: no reload, so the bundle and axe-core stay loaded) and
 * waits until the new page has drawn its content: its own heading or result, and no spinner or skeleton left.
 */
async function open(page, path) {
  await page.evaluate((p) => {
    for (const el of document.querySelectorAll('h1, .ant-result')) el.setAttribute('data-previous-page', '');
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await page.waitForFunction(() => document.querySelector('h1:not([data-previous-page]), .ant-result:not([data-previous-page])')
    && !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, { timeout: 20_000 }).catch(() => {});
  await page.waitForTimeout(150); // let tables measure their columns
}

async function check(page) {
  const overflow = await page.evaluate(() => ({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth }));
  const h1 = await page.locator('h1').count();
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} – ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`).join(' | ')}`);
  });
  return { overflow, h1, violations };
}

describe('every page fits the screen and passes axe-core, as each role, at 390 px and 1366 px', () => {
  let browser;
  let ids;
  before(async () => {
    browser = await launch();
    const admin = await newSession(browser, 'admin@thidua.vn');
    const member = await newSession(browser, 'canbo.lhp@thidua.vn');
    ids = await demoIds(admin.page, member.page);
    await admin.context.close();
    await member.context.close();
  });
  after(() => browser?.close());

  for (const [role, email] of ROLES) {
    it(`${role} (${email})`, async () => {
      const { context, page } = await newSession(browser, email);
      const problems = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const [name, path] of routes(ids)) {
          await open(page, path);
          const { overflow, h1, violations } = await check(page);
          const found = [
            ...(overflow.scrollWidth > overflow.innerWidth ? [`trang rộng ${overflow.scrollWidth}px > ${overflow.innerWidth}px`] : []),
            ...(h1 === 1 || (await page.locator('.ant-result').count()) ? [] : [`${h1} tiêu đề cấp 1`]),
            ...violations,
          ];
          const shot = `layout-${role}-${size.width}-${name}`;
          if (found.length) {
            problems.push(`${role} ${size.width}px ${path} (${name}):\n    ${found.join('\n    ')}`);
            await screenshot(page, shot);
          } else if (process.env.E2E_SHOTS && size.width === 390) await screenshot(page, shot);
        }
      }
      await context.close();
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
