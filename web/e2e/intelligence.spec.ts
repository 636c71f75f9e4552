import { describe, expect, it } from 'vitest';
import { field, screenshot, section, signIn } from './support/browser';
import { createIssue, PASSWORD } from './support/seed';
import { ADMIN } from './support/server';
import { useE2E } from './support/setup';

interface IssueJson {
  key: string;
  status: string;
  closeReason: string | null;
  duplicateOf: { key: string } | null;
  triage: { source: string } | null;
  rca: { status: string; investigator: string | null } | null;
}

// The test server has no AI_API_BASE and no INVESTIGATOR_URL: triage is local (or keywords until the local
// model is trained) and the checklist answers the root-cause analysis.
describe('triage, root cause, duplicates and AI settings', () => {
  const e2e = useE2E();
  const titleHeading = (title: string) =>
    e2e.page.getByRole('heading', { level: 1, name: title, exact: true });

  it('shows the AI settings with nothing configured, and retrains the local model on request', async () => {
    const { page } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const activePath = page.getByText(/^Triage now uses:/);
    await activePath.waitFor();
    await page.getByText(/Argus triages and investigates on its own/).waitFor();
    // The LLM, the investigation service and Slack.
    expect(await page.getByText('Not configured', { exact: true }).count()).toBe(3);
    await page.getByRole('link', { name: 'Manage your API tokens' }).waitFor();

    await page.getByRole('button', { name: 'Retrain now' }).click();
    await page.getByRole('status').getByText('Argus is retraining the local model').waitFor();
    // The page asks again every few seconds until the new model is there.
    await page.getByText('Triage now uses: Local model', { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Retrain now' }).waitFor({ timeout: 10_000 });
    const learnedFrom = page
      .getByRole('region', { name: 'Local model' })
      .locator('dt:text-is("Learned from") + dd');
    expect(await learnedFrom.textContent()).toMatch(/^\d+ issues?, \d+ teams?$/);
    await screenshot(page, 'settings-ai');
  });

  it('triages a new issue without a team within seconds and shows the checklist investigating it', async () => {
    const { page } = e2e;
    await signIn(page, ADMIN.email, ADMIN.password, '/issues/new');
    await page.getByRole('heading', { level: 1, name: 'New issue' }).waitFor();
    const title = 'Database connection pool exhausted, checkout times out';
    await field(page, 'Title').fill(title);
    await field(page, 'Description').fill('Postgres refuses new connections: too many clients already.');
    await page.getByRole('button', { name: 'Create issue' }).click();
    await page.waitForURL((url) => /^\/issues\/[A-Z][A-Z0-9]*-\d+$/.test(url.pathname));
    const key = new URL(page.url()).pathname.split('/').pop()!;
    await titleHeading(title).waitFor();

    const triage = section(page, 'Triage');
    const setBy = triage.locator('dt:text-is("Set by") + dd');
    await setBy.waitFor({ timeout: 5_000 });
    expect(await setBy.textContent()).toMatch(/^(Local model|Keywords and severity words) · /);
    expect(await triage.getByText(/^\d+% sure$/).count()).toBe(1);
    await section(page, 'History')
      .getByText(/^Argus triaged this as /)
      .waitFor({ timeout: 5_000 });

    // Opening the issue started its analysis; the checklist answers without any outside service.
    const rootCause = section(page, 'Root cause');
    const answeredBy = rootCause.locator('dt:text-is("Answered by") + dd');
    await answeredBy.waitFor({ timeout: 15_000 });
    expect(await answeredBy.textContent()).toMatch(/^Checklist · /);
    await rootCause.getByText(/^How Argus investigated/).click();
    const steps = rootCause.getByRole('list', { name: 'Investigation steps' }).getByRole('listitem');
    expect(await steps.count()).toBeGreaterThan(1);
    expect(await steps.first().textContent()).toContain('Checklist');
    await rootCause.getByRole('button', { name: 'Re-run analysis' }).waitFor();
    await screenshot(page, 'issue-intelligence');

    const saved = await e2e.argus.api<IssueJson>('GET', `/api/issues/${key}`);
    expect(['local', 'rules']).toContain(saved.triage?.source);
    expect(saved.rca).toMatchObject({ status: 'completed', investigator: 'checklist' });
  });

  it('lists a look-alike and marks the issue a duplicate of it, as the team manager', async () => {
    const { page, seed, argus } = e2e;
    const original = await createIssue(argus, {
      title: 'Stripe refund webhook answers 500',
      description: 'Every refund.succeeded webhook from Stripe fails with a 500 since this morning.',
      priority: 'high',
      teamId: seed.teams.payments.id,
    });
    const copy = await createIssue(argus, {
      title: 'Refund webhook from Stripe fails with 500',
      description: 'Stripe refund.succeeded webhooks get a 500 from us.',
      priority: 'high',
      teamId: seed.teams.payments.id,
    });
    await signIn(page, seed.manager.email, PASSWORD, `/issues/${copy.key}`);
    await titleHeading(copy.title).waitFor();
    const similar = section(page, 'Similar issues');
    await similar.getByRole('link', { name: original.key, exact: true }).waitFor();

    await similar.getByRole('button', { name: 'Mark as duplicate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as duplicate' });
    const submit = dialog.getByRole('button', { name: 'Mark as duplicate', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('Duplicate of (issue key)').fill(original.key);
    await dialog.getByLabel('Note (optional)').fill('Same webhook, reported twice');
    await submit.click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('status').getByText(`Marked ${copy.key} a duplicate of ${original.key}`).waitFor();
    const link = page.locator('main .issue-duplicate').getByRole('link', { name: original.key });
    await link.waitFor();
    await page.locator('main .badge.status-closed').first().waitFor();
    await section(page, 'History').getByText(`marked this a duplicate of ${original.key}`).first().waitFor();
    const saved = await argus.api<IssueJson>('GET', `/api/issues/${copy.key}`);
    expect(saved.status).toBe('closed');
    expect(saved.duplicateOf?.key).toBe(original.key);

    await link.click();
    await titleHeading(original.title).waitFor();
    await section(page, 'History')
      .getByText(`${copy.key} was marked a duplicate of this issue`)
      .first()
      .waitFor();
  });

  it('shows a viewer the analysis but no way to ask for more', async () => {
    const { page, seed } = e2e;
    const issue = seed.issues.find((candidate) => candidate.priority === 'high')!;
    await signIn(page, seed.viewer.email, PASSWORD, `/issues/${issue.key}`);
    await titleHeading(issue.title).waitFor();
    await section(page, 'Triage').locator('dt:text-is("Set by")').waitFor();
    await section(page, 'Root cause').waitFor();
    await section(page, 'Similar issues').waitFor();
    for (const name of ['Re-triage', 'Re-run analysis', 'Try again', 'Mark as duplicate…']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), `button ${name}`).toBe(0);
    }
  });
});
