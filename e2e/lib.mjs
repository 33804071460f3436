// Shared browser helpers for the e2e specs.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'ThiDua@2024';
export const ARTIFACTS = path.resolve('e2e/artifacts');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context (own cookies), signed in through the real form. */
export async function signIn(browser, email, password = PASSWORD) {
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
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

/** Names of the links in the main navigation. */
export async function navLabels(page) {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('menuitem').first().waitFor();
  return (await nav.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}
