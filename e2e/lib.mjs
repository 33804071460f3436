// Shared browser helpers for the e2e specs.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'ThiDua@2024';
export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Steps of one journey, each building on the one before: after a failure the rest are skipped, not run on a
 * broken state. `const step = sequence(it);` then `step(name, fn)` as `it`.
 */
export function sequence(it) {
  let broken = null;
  return (name, fn) => it(name, async (t) => {
    if (broken) return t.skip(`bước trước thất bại: ${broken}`);
    try { await fn(); } catch (e) { broken = name; await keepFailure(name); throw e; }
  });
}

/** Pages opened by `signIn` and not closed: on a failed step each is kept as a picture with what it shows. */
const openPages = new Set();
let failures = 0;

async function keepFailure(step) {
  for (const page of openPages) {
    const file = `failure-${++failures}.png`;
    try {
      await screenshot(page, file.replace(/\.png$/, ''));
      const alerts = await page.locator('[role="alert"]:visible, .ant-message-notice:visible, .ant-form-item-explain-error:visible').allInnerTexts();
      console.log(`# ${step}: ${page.url()} → e2e/artifacts/${file}${alerts.length ? `; shows: ${alerts.join(' | ').slice(0, 500)}` : ''}`);
    } catch (e) {
      console.log(`# ${step}: no picture of ${page.url()} (${e.message.split('\n')[0]})`);
    }
  }
}

/**
 * A fresh context (own cookies), signed in through the real form. A refused API call is printed, so a failed step
 * says what the server answered. The browser asks for reduced motion, as some officials' systems do: the kit then
 * shows overlays at once, so a click is never sent to a popover still moving into place.
 */
export async function signIn(browser, email, password = PASSWORD) {
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.on('response', async (r) => {
    if (!r.url().includes('/api/') || r.status() < 400) return;
    console.log(`# ${email}: ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()} ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 20_000 });
  return { context, page };
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Names of the links in the main navigation (without the count of tasks beside "Trang chủ"). */
export async function navLabels(page) {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.replace(/\s+\d+$/, '').trim());
}

/** JSON from the API with the page's session (writes send the CSRF token, as the app does). */
export async function apiCall(page, method, url, body) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'thidua_csrf')?.value ?? '';
  const res = await page.request.fetch(`${BASE}${url}`, { method, data: body, headers: { 'X-CSRF-Token': csrf } });
  const json = await res.json().catch(() => null);
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()}: ${JSON.stringify(json)}`);
  return json;
}

/** Confirms the open Popconfirm by its OK button. */
export async function confirmPopover(page, okLabel) {
  await page.locator('.ant-popover:visible').getByRole('button', { name: okLabel }).click();
}

/** Clicks a download link/button and returns the file's bytes. */
export async function downloadBytes(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Text of a .docx (word/document.xml without tags) and of a .pdf (pdf-parse). */
export async function docxText(bytes) {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml').async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
export async function pdfText(bytes) {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text;
}
