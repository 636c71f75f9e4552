import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const screenshotDir = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

/** Debian's Chromium (never a downloaded browser), quiet and offline apart from the test server. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page: a test fails when any happened. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh context (no cookies, no storage) with one page on the test server. */
export async function openPage(browser: Browser, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  return { context, page, pageErrors, close: () => context.close() };
}

/** Signs in through the form, then waits for the signed-in shell (the "Sign out" button). */
export async function signIn(page: Page, email: string, password: string, path = '/'): Promise<void> {
  await page.goto(path === '/' ? '/signin' : `/signin?next=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** Saves a full-page picture to test-output/screenshots/<name>.png, once no loading skeleton is left. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.locator('.skeleton').first().waitFor({ state: 'detached' });
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** Resolves when `check` holds, polling; fails with `message` after `timeout` ms. */
export async function eventually(
  check: () => Promise<boolean>,
  message: string,
  timeout = 8_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeout} ms: ${message}`);
}

/** The part of the page under the h2 `heading` (its <section>, or the closest landmark region). */
export function section(page: Page, heading: string) {
  return page
    .locator('section, [role="region"]')
    .filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) })
    .last();
}

/**
 * A form control by its label. The pages wrap controls in their <label>, so a select's label text also holds
 * its options ("PriorityAny priorityCritical…"): match the label's start, not its whole text.
 */
export function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}
