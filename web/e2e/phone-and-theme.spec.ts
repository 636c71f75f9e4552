import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser';
import { ADMIN } from './support/server';
import { useE2E } from './support/setup';

/** Widest element overflow of the page, in CSS pixels: 0 means nothing sticks out sideways. */
async function sidewaysOverflow(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('on a phone and in the dark', () => {
  const e2e = useE2E();

  it('fits every main page on a 390 px wide screen', async () => {
    const { page, seed } = e2e;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, ADMIN.email, ADMIN.password, '/');
    const pages: [string, string][] = [
      ['/', 'Dashboard'],
      ['/issues', 'Issues'],
      [`/issues/${seed.issues[0]!.key}`, seed.issues[0]!.title],
      ['/teams', 'Teams'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(new URL(path, e2e.argus.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.goto(new URL('/issues', e2e.argus.baseUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Issues' }).waitFor();
    await screenshot(page, 'issues-list-phone');
  });

  it('switches to the dark theme and remembers it', async () => {
    const { page } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password, '/');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    await screenshot(page, 'dashboard-dark');
  });
});
