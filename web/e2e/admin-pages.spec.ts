import { describe, expect, it } from 'vitest';
import { field, screenshot, section, signIn } from './support/browser';
import { PASSWORD } from './support/seed';
import { ADMIN } from './support/server';
import { useE2E } from './support/setup';

describe('teams, users and API tokens', () => {
  const e2e = useE2E();

  it('lists teams and opens one with its members and settings', async () => {
    const { page, seed } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password, '/teams');
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await field(page, 'Name').waitFor();
    await field(page, 'Slack channel').waitFor();
    await field(page, 'Routing keywords').waitFor();
    const link = page.getByRole('link', { name: seed.teams.payments.name, exact: true });
    await link.waitFor();
    await page.getByRole('link', { name: seed.teams.platform.name, exact: true }).waitFor();
    // Payments: 2 active members, 3 open issues (the seeded resolved one does not count).
    const cells = page.getByRole('row').filter({ has: link }).getByRole('cell');
    const texts = (await cells.allTextContents()).map((text) => text.trim());
    expect(texts).toContain('2');
    expect(texts).toContain('3');
    await screenshot(page, 'teams');

    await link.click();
    await page.waitForURL((url) => url.pathname === `/teams/${seed.teams.payments.id}`);
    await page.getByRole('heading', { level: 1, name: seed.teams.payments.name }).waitFor();
    await page.getByRole('link', { name: /Open issues \(3\)/ }).waitFor();
    const members = section(page, 'Members');
    await members.getByText(seed.manager.name).waitFor();
    await members.getByText(seed.agent.name).waitFor();
    expect(await field(page, `Role for ${seed.manager.name}`).inputValue()).toBe('manager');
    expect(await field(page, `Role for ${seed.agent.name}`).inputValue()).toBe('agent');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await page.getByRole('button', { name: 'Add member' }).waitFor();
    await screenshot(page, 'team-detail');
  });

  it('lets an admin create a user from the Users page', async () => {
    const { page, seed } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password, '/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const table = page.getByRole('table');
    await table.getByText(seed.viewer.email).waitFor();
    await table.getByText(seed.manager.name).waitFor();
    await screenshot(page, 'users');

    await field(page, 'Name').fill('Nina Newcomer');
    await field(page, 'E-mail').fill('nina@argus.test');
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create user' }).click();
    await table.getByText('nina@argus.test').waitFor();
    const users = await e2e.argus.api<{ items: { email: string }[] }>('GET', '/api/users?q=nina');
    expect(users.items.map((user) => user.email)).toEqual(['nina@argus.test']);
  });

  it('creates an API token and shows it once', async () => {
    const { page, seed } = e2e;
    await signIn(page, seed.agent.email, PASSWORD, '/settings/tokens');
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await field(page, 'Token name').fill('Deploy script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/Copy it now/).waitFor();
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Deploy script' });
    await row.getByRole('button', { name: 'Revoke' }).waitFor();
    await screenshot(page, 'api-tokens');
    const tokens = await e2e.argus.api<{ items: { name: string }[] }>(
      'GET',
      '/api/tokens',
      undefined,
      await e2e.argus.login(seed.agent.email, PASSWORD),
    );
    expect(tokens.items.map((token) => token.name)).toContain('Deploy script');
  });
});
