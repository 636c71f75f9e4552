import { describe, expect, it } from 'vitest';
import { field, screenshot, signIn } from './support/browser';
import { PASSWORD } from './support/seed';
import { ADMIN } from './support/server';
import { useE2E } from './support/setup';

describe('sign-in and dashboard', () => {
  const e2e = useE2E();

  it('signs in through the form, and shows the server message for a wrong password', async () => {
    const { page } = e2e;
    await page.goto('/issues');
    await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === '/issues');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');

    await field(page, 'E-mail').fill(e2e.seed.manager.email);
    await field(page, 'Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong e-mail or password.');
    expect(new URL(page.url()).pathname).toBe('/signin');

    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the page asked for, signed in as Maria.
    await page.waitForURL((url) => url.pathname === '/issues');
    await page.getByRole('heading', { level: 1, name: 'Issues' }).waitFor();
    await page.getByText('Maria Manager').first().waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    // A manager is not an admin: no Users link.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await field(page, 'E-mail').waitFor();
  });

  it('goes from the Critical card to the list of open critical issues', async () => {
    const { page } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    for (const name of ['Teams', 'Recent issues', 'Activity']) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
    // The card's name starts with "Critical" and then its figure (the quick link "Critical issues" has none).
    // Two open critical issues were seeded (a third is resolved).
    const critical = page.getByRole('link', { name: /^Critical\s*2\b/ });
    await critical.waitFor();
    await screenshot(page, 'dashboard');

    await critical.click();
    await page.waitForURL((url) => url.pathname === '/issues');
    const params = new URL(page.url()).searchParams;
    expect(params.get('priority')).toBe('critical');
    expect(params.get('status')?.split(',').sort()).toEqual(['acknowledged', 'in_progress', 'open']);

    const expected = e2e.seed.issues
      .filter((issue) => issue.priority === 'critical' && issue.status !== 'resolved')
      .map((issue) => issue.title)
      .sort();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: expected[0] }).waitFor();
    await expect
      .poll(async () => (await table.getByRole('link').allTextContents()).map((text) => text.trim()).sort())
      .toEqual(expected);
    expect(await field(page, 'Priority').inputValue()).toBe('critical');
  });
});
