import type { IssueResponse, MeResponse, TeamResponse } from '@argus/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AuthProvider, useAuth } from '../app/auth';
import { ToastProvider } from '../components/Toasts';

// Shared by component tests that need the real providers and a fake of the Argus API over `fetch`.

export const PAYMENTS = { id: '6f1c2a4e-0000-4000-8000-000000000001', name: 'Payments' };

/** A signed-in person; `role` sets what they may do (a manager manages Payments). */
export function person(role: MeResponse['role']): MeResponse {
  return {
    id: `u-${role}`,
    email: `${role}@example.com`,
    name: { admin: 'Ada', manager: 'Priya', agent: 'Alex', viewer: 'Victor' }[role],
    isAdmin: role === 'admin',
    role,
    memberships:
      role === 'manager' || role === 'agent' ? [{ teamId: PAYMENTS.id, teamName: PAYMENTS.name, role }] : [],
    csrfToken: 'csrf',
  };
}

/** An open issue of Payments, not yet triaged or analysed. */
export function issueFixture(number: number, change: Partial<IssueResponse> = {}): IssueResponse {
  return {
    id: `i-${number}`,
    key: `ARG-${number}`,
    number,
    title: `Issue number ${number}`,
    description: 'Checkout answers 502',
    status: 'open',
    priority: 'high',
    category: null,
    team: PAYMENTS,
    source: 'manual',
    dedupKey: null,
    labels: {},
    service: 'checkout',
    environment: null,
    slack: null,
    assignees: [],
    createdBy: null,
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

/** Payments with the defaults a new team gets (reminders on, automatic resolution at 80%). */
export function teamFixture(change: Partial<TeamResponse> = {}): TeamResponse {
  return {
    ...PAYMENTS,
    description: '',
    slackChannel: null,
    remindersEnabled: true,
    reminderIntervalMinutes: 240,
    reminderStaleMinutes: 120,
    slackThreadSync: false,
    routingKeywords: [],
    autoResolveEnabled: true,
    autoResolveMinConfidence: 0.8,
    memberCount: 2,
    openIssueCount: 3,
    createdAt: '2024-04-01T10:00:00.000Z',
    ...change,
  };
}

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

/** An answer with another status than 200, e.g. `new Answer(422, { error: … })`. */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/**
 * Replaces `fetch` with `answer(call)`; /api/auth/me answers `me`. Returns the calls, in order.
 * `answer` returns a body (200), an `Answer` for another status, or undefined for a 404.
 */
export function fakeApi(me: MeResponse, answer: (call: ApiCall) => unknown): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      const call = { method, path, body };
      calls.push(call);
      const result = path === '/api/auth/me' ? me : answer(call);
      if (result === undefined)
        return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Not found' } }), {
          status: 404,
        });
      if (result instanceof Answer)
        return new Response(JSON.stringify(result.body), { status: result.status });
      return new Response(JSON.stringify(result), { status: 200 });
    }),
  );
  return calls;
}

/** Pages render behind the sign-in guard in the app; here too. */
function SignedIn() {
  return useAuth().me ? <Outlet /> : null;
}

/** Renders routes (path → element) at `url` inside the app's providers; returns the router and query client. */
export function renderRoutes(routes: Record<string, ReactElement>, url: string) {
  const router = createMemoryRouter(
    [
      {
        element: <SignedIn />,
        children: Object.entries(routes).map(([path, element]) => ({ path, element })),
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
  return { router, queryClient };
}
