import type { IssueResponse, TriageResult } from '@argus/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, issueFixture, person, renderRoutes } from '../../test-support/app-harness';
import { TriagePanel } from './TriagePanel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const triage = (change: Partial<TriageResult> = {}): TriageResult => ({
  source: 'local',
  priority: 'high',
  category: 'database',
  team: { id: 't-platform', name: 'Platform' },
  confidence: 0.82,
  rationale: 'Mentions the primary database and failover',
  applied: { priority: true, team: true, category: true },
  fallbackReason: null,
  model: 'local-2024-05-01',
  at: '2024-05-01T10:00:01.000Z',
  ...change,
});

function renderPanel(issue: IssueResponse, canRetriage = true) {
  const calls = fakeApi(person(canRetriage ? 'manager' : 'viewer'), ({ method, path }) =>
    method === 'POST' && path === `/api/issues/${issue.key}/triage` ? { queued: true } : undefined,
  );
  renderRoutes({ '/': <TriagePanel issue={issue} canRetriage={canRetriage} /> }, '/');
  return calls;
}

const panel = () => screen.getByRole('region', { name: 'Triage' });
const factOf = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('TriagePanel', () => {
  it.each([
    [{ source: 'llm', model: 'gpt-4o-mini' }, 'LLM (gpt-4o-mini)'],
    [{ source: 'local', model: 'local-2024-05-01' }, 'Local model'],
    [{ source: 'rules', model: null }, 'Keywords and severity words'],
  ] as const)('names what triaged the issue: %o → %s', async (change, wording) => {
    renderPanel(issueFixture(7, { triage: triage(change) }));
    await screen.findByRole('region', { name: 'Triage' });
    expect(factOf('Set by')).toMatch(new RegExp(`^${wording.replace(/[()]/g, '\\$&')} · `));
  });

  it('shows the suggestions, how sure it is and why', async () => {
    renderPanel(
      issueFixture(7, {
        priority: 'high',
        category: 'database',
        team: { id: 't', name: 'Platform' },
        triage: triage(),
      }),
    );
    await screen.findByRole('region', { name: 'Triage' });
    expect(within(panel()).getByText('82% sure')).toBeTruthy();
    expect(within(panel()).getByRole('meter', { name: 'Confidence' }).getAttribute('value')).toBe('0.82');
    expect(within(panel()).getByText('Mentions the primary database and failover')).toBeTruthy();
    expect(factOf('Team')).toBe('PlatformApplied');
    expect(factOf('Category')).toBe('databaseApplied');
  });

  it('says which suggestions were applied and which values a person had set were kept', async () => {
    renderPanel(
      issueFixture(7, {
        priority: 'critical',
        team: null,
        category: 'database',
        triage: triage({ applied: { priority: false, team: true, category: false } }),
      }),
    );
    await screen.findByRole('region', { name: 'Triage' });
    expect(factOf('Priority')).toBe('HighKept Critical');
    expect(factOf('Team')).toBe('PlatformApplied');
    expect(factOf('Category')).toBe('databaseAlready set');
  });

  it('says why the LLM was not used when it fell back', async () => {
    renderPanel(issueFixture(7, { triage: triage({ fallbackReason: 'AI service unreachable' }) }));
    expect(await screen.findByText('AI service unreachable — triaged locally')).toBeTruthy();
    cleanup();
    renderPanel(
      issueFixture(8, { triage: triage({ source: 'rules', fallbackReason: 'AI service unreachable' }) }),
    );
    expect(await screen.findByText('AI service unreachable — triaged with keywords')).toBeTruthy();
    cleanup();
    const told = 'LLM answered 503; triaged locally instead.';
    renderPanel(issueFixture(9, { triage: triage({ fallbackReason: told }) }));
    expect(await screen.findByText(told)).toBeTruthy();
  });

  it('says "Triaging…" for a new issue until its triage arrives', async () => {
    renderPanel(issueFixture(7, { createdAt: new Date().toISOString() }));
    expect(
      await within(await screen.findByRole('region', { name: 'Triage' })).findByText('Triaging…'),
    ).toBeTruthy();
  });

  it('re-triages on request and waits for the new result', async () => {
    const user = userEvent.setup();
    const calls = renderPanel(issueFixture(7, { triage: triage() }));
    await user.click(await screen.findByRole('button', { name: 'Re-triage' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/api/issues/ARG-7/triage', body: undefined }),
    );
    expect(await screen.findByText('Argus is triaging ARG-7 again')).toBeTruthy();
    expect(screen.getByText('Triaging again…')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Re-triaging…' }).disabled).toBe(true);
  });

  it('offers a viewer no Re-triage', async () => {
    renderPanel(issueFixture(7, { triage: triage() }), false);
    await screen.findByRole('region', { name: 'Triage' });
    expect(screen.queryByRole('button', { name: 'Re-triage' })).toBeNull();
  });
});
