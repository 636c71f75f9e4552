import { describe, expect, it } from 'vitest';
import { field, screenshot, section, signIn } from './support/browser';
import { createIssue, PASSWORD } from './support/seed';
import { ADMIN } from './support/server';
import { useE2E } from './support/setup';

interface IssueJson {
  key: string;
  status: string;
  assignees: { id: string; name: string }[];
  resolutionReason: string | null;
}

describe('issues', () => {
  const e2e = useE2E();
  const asAdmin = (path = '/') => signIn(e2e.page, ADMIN.email, ADMIN.password, path);
  const titleHeading = (title: string) =>
    e2e.page.getByRole('heading', { level: 1, name: title, exact: true });

  it('creates an issue for a team and shows who it was auto-assigned to', async () => {
    const { page } = e2e;
    await asAdmin('/issues');
    await page.getByRole('link', { name: 'New issue' }).click();
    await page.waitForURL((url) => url.pathname === '/issues/new');
    await page.getByRole('heading', { level: 1, name: 'New issue' }).waitFor();
    await field(page, 'Title').fill('Kafka consumer lag on the ledger topic');
    await field(page, 'Description').fill('Lag above 50k messages since 09:12 UTC.');
    await field(page, 'Priority').selectOption('high');
    await field(page, 'Team').selectOption({ label: 'Platform' });
    await screenshot(page, 'new-issue');
    await page.getByRole('button', { name: 'Create issue' }).click();

    await page.waitForURL((url) => /^\/issues\/[A-Z][A-Z0-9]*-\d+$/.test(url.pathname));
    const key = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('status').getByText(`Created ${key}`).waitFor();
    await titleHeading('Kafka consumer lag on the ledger topic').waitFor();
    await page.getByText(key, { exact: true }).first().waitFor();
    // Priya is the only member of Platform, so the lowest-workload rule picks her.
    await section(page, 'Assignees').getByText(e2e.seed.platformAgent.name).waitFor();
    const issue = await e2e.argus.api<IssueJson>('GET', `/api/issues/${key}`);
    expect(issue.assignees.map((person) => person.name)).toEqual([e2e.seed.platformAgent.name]);
  });

  it('reassigns an issue to two people from different teams', async () => {
    const { page, seed } = e2e;
    const issue = await createIssue(e2e.argus, {
      title: 'Nobody owns the status page yet',
      priority: 'medium',
    });
    await asAdmin(`/issues/${issue.key}`);
    await titleHeading(issue.title).waitFor();
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign' });
    await dialog.getByRole('searchbox', { name: 'Search people' }).waitFor();
    await dialog.getByRole('checkbox', { name: seed.agent.name }).check();
    await dialog.getByRole('checkbox', { name: seed.platformAgent.name }).check();
    await dialog.getByRole('button', { name: 'Save assignees' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const assignees = section(page, 'Assignees');
    await assignees.getByText(seed.agent.name).waitFor();
    await assignees.getByText(seed.platformAgent.name).waitFor();
    const saved = await e2e.argus.api<IssueJson>('GET', `/api/issues/${issue.key}`);
    expect(saved.assignees.map((person) => person.name).sort()).toEqual(
      [seed.agent.name, seed.platformAgent.name].sort(),
    );
  });

  it('resolves with a template reason, as the team manager', async () => {
    const { page, seed } = e2e;
    const issue = await createIssue(e2e.argus, {
      title: 'Card declines spike for one bank',
      priority: 'high',
      teamId: seed.teams.payments.id,
    });
    await signIn(page, seed.manager.email, PASSWORD, `/issues/${issue.key}`);
    await titleHeading(issue.title).waitFor();
    await screenshot(page, 'issue-detail');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'How was this fixed?' });
    const reason = field(dialog, 'Resolution');
    await reason.waitFor();
    const submit = dialog.getByRole('button', { name: 'Resolve issue' });
    expect(await reason.inputValue()).toBe('');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Fixed in production' }).click();
    expect(await reason.inputValue()).toBe('Fixed in production');
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('main .badge.status-resolved').first().waitFor();
    await section(page, 'History').getByText('Fixed in production').first().waitFor();
    const saved = await e2e.argus.api<IssueJson>('GET', `/api/issues/${issue.key}`);
    expect(saved.status).toBe('resolved');
    expect(saved.resolutionReason).toBe('Fixed in production');
  });

  it('shows a viewer no way to act on an issue', async () => {
    const { page, seed } = e2e;
    const issue = seed.issues.find((candidate) => candidate.priority === 'high')!;
    await signIn(page, seed.viewer.email, PASSWORD, `/issues/${issue.key}`);
    await titleHeading(issue.title).waitFor();
    await page.getByRole('heading', { level: 2, name: 'History', exact: true }).waitFor();
    for (const name of ['Resolve', 'Close', 'Reopen', 'Reassign', 'Comment']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), `button ${name}`).toBe(0);
    }
    for (const label of ['Status', 'Priority', 'Team', 'Add a comment']) {
      expect(await field(page, label).count(), `control ${label}`).toBe(0);
    }
  });

  it('keeps the filtered list when going Back from an issue', async () => {
    const { page, seed } = e2e;
    await asAdmin('/issues');
    await page.getByRole('heading', { level: 1, name: 'Issues' }).waitFor();
    await field(page, 'Priority').selectOption('critical');
    await field(page, 'Team').selectOption({ label: seed.teams.payments.name });
    await page.getByRole('searchbox', { name: 'Search issues' }).fill('checkout');
    await page.waitForURL((url) => url.searchParams.get('q') === 'checkout');
    const search = new URL(page.url()).searchParams;
    expect(search.get('priority')).toBe('critical');
    expect(search.get('teamId')).toBe(seed.teams.payments.id);
    await screenshot(page, 'issues-list');

    const title = 'Checkout returns 502 for card payments';
    await page.getByRole('table').getByRole('link', { name: title }).click();
    await titleHeading(title).waitFor();
    const listUrl = new URL(page.url());
    expect(listUrl.pathname).toMatch(/^\/issues\/[A-Z]/);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/issues');
    const back = new URL(page.url()).searchParams;
    expect(back.get('priority')).toBe('critical');
    expect(back.get('teamId')).toBe(seed.teams.payments.id);
    expect(back.get('q')).toBe('checkout');
    await page.getByRole('table').getByRole('link', { name: title }).waitFor();
    expect(await field(page, 'Priority').inputValue()).toBe('critical');
    expect(await field(page, 'Team').inputValue()).toBe(seed.teams.payments.id);
    expect(await page.getByRole('searchbox', { name: 'Search issues' }).inputValue()).toBe('checkout');
  });

  it('shows changes made elsewhere without a reload', async () => {
    const { page, seed, argus } = e2e;
    await asAdmin('/issues');
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Typo on the invoice footer' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const typo = seed.issues.find((issue) => issue.title === 'Typo on the invoice footer')!;
    await argus.api('PATCH', `/api/issues/${typo.id}`, { title: 'Typo on the invoice footer and header' });
    await createIssue(argus, {
      title: 'Webhook retries pile up',
      priority: 'high',
      teamId: seed.teams.payments.id,
    });
    await table
      .getByRole('link', { name: 'Typo on the invoice footer and header' })
      .waitFor({ timeout: 5_000 });
    await table.getByRole('link', { name: 'Webhook retries pile up' }).waitFor({ timeout: 5_000 });

    await table.getByRole('link', { name: 'Webhook retries pile up' }).click();
    await titleHeading('Webhook retries pile up').waitFor();
    const key = new URL(page.url()).pathname.split('/').pop()!;
    const { id } = await argus.api<{ id: string }>('GET', `/api/issues/${key}`);
    await argus.api('POST', `/api/issues/${id}/comments`, { body: 'Looking at the retry queue now.' });
    await argus.api('POST', `/api/issues/${id}/resolve`, { reason: 'Drained the retry queue' });
    await section(page, 'Comments').getByText('Looking at the retry queue now.').waitFor({ timeout: 5_000 });
    await page.locator('main .badge.status-resolved').first().waitFor({ timeout: 5_000 });
    await section(page, 'History').getByText('Drained the retry queue').first().waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
  });

  it('is usable from the keyboard: "/" focuses search, j and Enter open an issue', async () => {
    const { page } = e2e;
    await asAdmin('/issues');
    const table = page.getByRole('table');
    await table.getByRole('link').first().waitFor();
    const search = page.getByRole('searchbox', { name: 'Search issues' });
    await page.keyboard.press('/');
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('');

    // Leave the search box, then move the highlight down two rows and back up one, and open that row.
    await page.getByRole('heading', { level: 1, name: 'Issues' }).click();
    const rows = table.locator('tbody tr');
    const current = async () =>
      rows.evaluateAll((elements) =>
        elements.findIndex((row) => row.getAttribute('aria-current') === 'true'),
      );
    expect(await current()).toBe(-1);
    await page.keyboard.press('j');
    await expect.poll(current).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(current).toBe(1);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(current).toBe(1);
    const title = (await rows.nth(1).getByRole('link').textContent())?.trim() ?? '';
    const href = await rows.nth(1).getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/issues\/[A-Z][A-Z0-9]*-\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === href);
    await titleHeading(title).waitFor();
  });
});
