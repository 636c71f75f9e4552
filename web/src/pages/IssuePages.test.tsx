import type { IssueResponse, MeResponse, SlackDelivery } from '@argus/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider, useAuth } from '../app/auth';
import { ToastProvider } from '../components/Toasts';
import { IssueDetailPage } from './IssueDetailPage';
import { IssuesPage } from './IssuesPage';

const TEAM = { id: '6f1c2a4e-0000-4000-8000-000000000001', name: 'Payments' };
const me: MeResponse = {
  id: 'u-priya',
  email: 'priya@example.com',
  name: 'Priya',
  isAdmin: false,
  role: 'manager',
  memberships: [{ teamId: TEAM.id, teamName: TEAM.name, role: 'manager' }],
  csrfToken: 'csrf',
};

function issue(number: number, change: Partial<IssueResponse> = {}): IssueResponse {
  return {
    id: `i-${number}`,
    key: `ARG-${number}`,
    number,
    title: `Issue number ${number}`,
    description: 'Checkout answers 502',
    status: 'open',
    priority: 'high',
    category: null,
    team: TEAM,
    source: 'manual',
    dedupKey: null,
    labels: {},
    service: 'checkout',
    environment: null,
    slack: null,
    assignees: [{ id: 'u-marcus', name: 'Marcus', email: 'marcus@example.com' }],
    createdBy: { id: me.id, name: me.name, email: me.email },
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionReason: null,
    closeReason: null,
    triage: null,
    rca: null,
    duplicateOf: null,
    ...change,
  };
}

type Call = { method: string; path: string; body: unknown };
const queuedAnalysis: NonNullable<IssueResponse['rca']> = {
  runId: 'run-1',
  status: 'queued',
  investigator: null,
  summary: null,
  probableCause: null,
  evidence: [],
  nextSteps: [],
  actionable: null,
  confidence: null,
  attempts: [],
  autoResolved: false,
  requestedAt: '2024-05-01T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};
let calls: Call[];
let current: IssueResponse;
let slackDeliveries: SlackDelivery[];

/** A small fake of the Argus API answering the contract's shapes. */
function fakeApi(method: string, path: string, body: unknown): unknown {
  if (path === '/api/auth/me') return me;
  if (path === '/api/teams') return { items: [{ ...TEAM, description: '', slackChannel: null }] };
  if (path.startsWith('/api/members/assignable')) return { items: [] };
  if (path.startsWith('/api/issues?') || path === '/api/issues') {
    return { items: [issue(1), issue(2)], page: { page: 1, pageSize: 25, total: 2, totalIsCapped: false } };
  }
  if (path === '/api/issues/ARG-7/history') {
    return {
      items: [
        {
          id: 1,
          issueId: 'i-7',
          actor: { id: null, name: 'Argus' },
          action: 'assigned',
          from: null,
          to: 'Marcus',
          details: { automatic: true },
          at: current.createdAt,
        },
      ],
    };
  }
  if (path === '/api/issues/ARG-7/comments') return { items: [] };
  if (path === '/api/issues/ARG-7/similar') return { items: [] };
  if (path === '/api/issues/ARG-7/slack-deliveries') return { items: slackDeliveries };
  if (path === '/api/issues/ARG-7/rca') {
    if (method === 'POST' && current.rca === null) current = { ...current, rca: queuedAnalysis };
    return { rca: current.rca, steps: [] };
  }
  if (path === '/api/issues/ARG-7/reopen' && method === 'POST') {
    current = { ...current, status: 'open', resolvedAt: null, resolutionReason: null };
    return current;
  }
  if (path === '/api/issues/ARG-7/duplicate' && method === 'POST') {
    const { duplicateOf } = body as { duplicateOf: string };
    current = {
      ...current,
      status: 'closed',
      closeReason: `Duplicate of ${duplicateOf}`,
      duplicateOf: { id: 'i-12', key: duplicateOf },
    };
    return current;
  }
  if (path === '/api/issues/ARG-7/resolve' && method === 'POST') {
    current = {
      ...current,
      status: 'resolved',
      resolutionReason: (body as { reason: string }).reason,
      updatedAt: '2024-05-01T10:30:00.000Z',
    };
    return current;
  }
  if (path === '/api/issues/ARG-7') return current;
  return undefined;
}

beforeEach(() => {
  calls = [];
  current = issue(7);
  slackDeliveries = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path, body });
      const answer = fakeApi(method, path, body);
      return answer === undefined
        ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Not found' } }), {
            status: 404,
          })
        : new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Pages render behind the sign-in guard in the app; here too. */
function SignedIn() {
  return useAuth().me ? <Outlet /> : null;
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      {
        element: <SignedIn />,
        children: [
          { path: '/issues', element: <IssuesPage /> },
          { path: '/issues/:key', element: <IssueDetailPage /> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return router;
}

describe('IssuesPage', () => {
  it('asks the API with the URL’s filters and opens the row picked with the keyboard', async () => {
    const user = userEvent.setup();
    const router = renderAt('/issues?priority=critical,high&status=open');
    expect(await screen.findByRole('link', { name: 'Issue number 1' })).toBeTruthy();
    expect(calls.some((call) => call.path === '/api/issues?status=open&priority=critical%2Chigh')).toBe(true);
    expect(screen.getByRole('link', { name: 'New issue' }).getAttribute('href')).toBe('/issues/new');
    expect(screen.getByText('Page 1 of 1')).toBeTruthy();
    await user.keyboard('jj');
    expect(document.activeElement?.textContent).toBe('Issue number 2');
    await user.keyboard('k');
    expect(document.activeElement?.textContent).toBe('Issue number 1');
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search issues' }));
    await user.keyboard('{Escape}');
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('k{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/issues/ARG-1'));
  });
});

describe('IssueDetailPage', () => {
  it('shows the issue and resolves it with the answer to "How was this fixed?"', async () => {
    const user = userEvent.setup();
    renderAt('/issues/ARG-7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Issue number 7' })).toBeTruthy();
    for (const name of ['Assignees', 'Comments', 'History', 'Triage', 'Root cause', 'Similar issues'])
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    expect(await screen.findByText('This issue was assigned to Marcus (lowest workload)')).toBeTruthy();
    // Never analysed: opening the issue starts its root-cause analysis.
    expect(await screen.findByText('Analyzing…')).toBeTruthy();
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/api/issues/ARG-7/rca',
      body: { onlyIfMissing: true },
    });
    expect(await screen.findByText('No similar issues yet')).toBeTruthy();
    // Not from Slack and nothing sent there: no Slack section.
    expect(screen.queryByRole('heading', { level: 2, name: 'Slack' })).toBeNull();
    for (const name of ['Status', 'Priority', 'Team'])
      expect(screen.getByRole('combobox', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reassign' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    await user.click(screen.getByRole('button', { name: 'Not an issue' }));
    await user.click(screen.getByRole('button', { name: 'Resolve issue' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/api/issues/ARG-7/resolve',
        body: { reason: 'Not an issue' },
      }),
    );
    expect(await screen.findByText('Resolved ARG-7')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resolve issue' })).toBeNull();
  });

  it('says prominently when Argus resolved the issue on its own, and reopens it in one click', async () => {
    const user = userEvent.setup();
    current = issue(7, {
      status: 'resolved',
      resolvedAt: '2024-05-01T10:05:00.000Z',
      resolutionReason: 'Transient blip: the error rate recovered within 2 minutes',
      rca: { ...queuedAnalysis, status: 'completed', actionable: false, confidence: 0.9, autoResolved: true },
    });
    renderAt('/issues/ARG-7');
    const notice = await screen.findByRole('region', { name: 'Resolved automatically' });
    expect(notice.textContent).toContain(
      'Argus resolved this automatically: Transient blip: the error rate recovered within 2 minutes',
    );
    await user.click(within(notice).getByRole('button', { name: 'Reopen' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/api/issues/ARG-7/reopen', body: {} }),
    );
    expect(await screen.findByText('Reopened ARG-7')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Resolved automatically' })).toBeNull());
  });

  it('marks the issue a duplicate and then links to the original', async () => {
    const user = userEvent.setup();
    renderAt('/issues/ARG-7');
    await user.click(await screen.findByRole('button', { name: 'Mark as duplicate…' }));
    await user.type(screen.getByRole('textbox', { name: 'Duplicate of (issue key)' }), 'ARG-12');
    await user.click(screen.getByRole('button', { name: 'Mark as duplicate' }));
    expect(await screen.findByText('Marked ARG-7 a duplicate of ARG-12')).toBeTruthy();
    const original = await screen.findByRole('link', { name: 'ARG-12' });
    expect(original.getAttribute('href')).toBe('/issues/ARG-12');
    expect(original.closest('p')?.textContent).toBe('Duplicate of ARG-12');
    expect(screen.queryByRole('button', { name: 'Mark as duplicate…' })).toBeNull();
  });

  it('refreshes the Slack messages when the issue changes', async () => {
    const user = userEvent.setup();
    const waitingNote: SlackDelivery = {
      key: 'note:9',
      kind: 'note',
      status: 'pending',
      attempts: 2,
      lastError: 'channel_not_found',
      createdAt: '2024-05-01T10:10:00.000Z',
      sentAt: null,
    };
    current = issue(7, {
      source: 'slack',
      slack: { channelId: 'C0INCIDENTS', threadTs: '1714557600.000100' },
    });
    slackDeliveries = [waitingNote];
    renderAt('/issues/ARG-7');
    const slack = await screen.findByRole('region', { name: 'Slack' });
    expect(
      (await within(slack).findByText('waiting — 2 attempts, last error: channel_not_found')).className,
    ).toContain('slack-failing');
    slackDeliveries = [{ ...waitingNote, status: 'sent', attempts: 3, sentAt: '2024-05-01T10:29:00.000Z' }];
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    await user.click(screen.getByRole('button', { name: 'Not an issue' }));
    await user.click(screen.getByRole('button', { name: 'Resolve issue' }));
    expect(await within(slack).findByText(/^sent/)).toBeTruthy();
    expect(within(slack).queryByText(/^waiting/)).toBeNull();
  });
});
