import type { IssueResponse, SimilarIssue } from '@argus/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Answer,
  type ApiCall,
  fakeApi,
  issueFixture,
  person,
  renderRoutes,
} from '../../test-support/app-harness';
import { SimilarIssuesCard } from './SimilarIssuesCard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const similar = (number: number, change: Partial<SimilarIssue> = {}): SimilarIssue => ({
  id: `i-${number}`,
  key: `ARG-${number}`,
  title: `Look-alike ${number}`,
  status: 'open',
  priority: 'high',
  resolutionReason: null,
  closeReason: null,
  resolvedAt: null,
  similarity: 0.5,
  isLikelyDuplicate: false,
  ...change,
});

const LOOK_ALIKES = [
  similar(12, { similarity: 0.93, isLikelyDuplicate: true, title: 'Checkout 502 for card payments' }),
  similar(3, {
    status: 'resolved',
    similarity: 0.71,
    resolutionReason: 'Rolled back checkout 4.2',
    resolvedAt: '2024-04-01T10:00:00.000Z',
  }),
  similar(4, { status: 'closed', similarity: 0.55, closeReason: 'Not an issue' }),
];

function renderCard({
  issue = issueFixture(7),
  items = LOOK_ALIKES,
  role = 'manager',
  onDuplicate = () => ({ ...issue, status: 'closed', duplicateOf: { id: 'i-12', key: 'ARG-12' } }),
}: {
  issue?: IssueResponse;
  items?: SimilarIssue[];
  role?: 'manager' | 'viewer';
  onDuplicate?: (call: ApiCall) => unknown;
} = {}) {
  const calls = fakeApi(person(role), (call) => {
    if (call.path === `/api/issues/${issue.key}/similar`) return { items };
    if (call.method === 'POST' && call.path === `/api/issues/${issue.key}/duplicate`)
      return onDuplicate(call);
    return undefined;
  });
  renderRoutes({ '/': <SimilarIssuesCard issue={issue} canMarkDuplicate={role !== 'viewer'} /> }, '/');
  return calls;
}

const submit = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Mark as duplicate' });

describe('SimilarIssuesCard', () => {
  it('lists look-alikes with their status, similarity, how they ended and likely duplicates', async () => {
    renderCard();
    const link = await screen.findByRole('link', { name: 'ARG-12' });
    expect(link.getAttribute('href')).toBe('/issues/ARG-12');
    const [first, second, third] = screen.getAllByRole('listitem');
    expect(within(first!).getByText('Checkout 502 for card payments')).toBeTruthy();
    expect(within(first!).getByText('Likely duplicate')).toBeTruthy();
    expect(within(first!).getByText('93% similar')).toBeTruthy();
    expect(within(first!).getByText('Open')).toBeTruthy();
    expect(within(second!).getByText('Fixed by: Rolled back checkout 4.2')).toBeTruthy();
    expect(within(second!).getByText('Resolved')).toBeTruthy();
    expect(within(second!).queryByText('Likely duplicate')).toBeNull();
    expect(within(third!).getByText('Closed: Not an issue')).toBeTruthy();
  });

  it('says so when there are none', async () => {
    renderCard({ items: [] });
    expect(await screen.findByText('No similar issues yet')).toBeTruthy();
  });

  it('marks the issue a duplicate of a picked open look-alike, with a note', async () => {
    const user = userEvent.setup();
    const calls = renderCard();
    await user.click(await screen.findByRole('button', { name: 'Mark as duplicate…' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark as duplicate' });
    // Only open look-alikes are offered; the resolved and closed ones are not.
    expect(within(dialog).getAllByRole('radio')).toHaveLength(1);
    expect(submit().disabled).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: /ARG-12/ }));
    expect(
      within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Duplicate of (issue key)' }).value,
    ).toBe('ARG-12');
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Same stack trace');
    await user.click(submit());
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/api/issues/ARG-7/duplicate',
        body: { duplicateOf: 'ARG-12', note: 'Same stack trace' },
      }),
    );
    expect(await screen.findByText('Marked ARG-7 a duplicate of ARG-12')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps "Mark as duplicate" disabled until a valid key other than its own is typed', async () => {
    const user = userEvent.setup();
    const calls = renderCard({ items: [] });
    await user.click(await screen.findByRole('button', { name: 'Mark as duplicate…' }));
    const key = screen.getByRole('textbox', { name: 'Duplicate of (issue key)' });
    expect(submit().disabled).toBe(true);
    await user.type(key, '   ');
    expect(submit().disabled).toBe(true);
    await user.clear(key);
    await user.type(key, 'not a key');
    await user.tab();
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('Type an issue key like ARG-12.')).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'arg-7');
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('An issue cannot be a duplicate of itself.')).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'arg-40');
    expect(submit().disabled).toBe(false);
    await user.click(submit());
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/api/issues/ARG-7/duplicate',
        body: { duplicateOf: 'ARG-40' },
      }),
    );
  });

  it('shows the server’s reason when it refuses, and stays open', async () => {
    const user = userEvent.setup();
    renderCard({
      items: [],
      onDuplicate: () =>
        new Answer(422, { error: { code: 'UNPROCESSABLE', message: 'Issue “ARG-99” was not found' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Mark as duplicate…' }));
    await user.type(screen.getByRole('textbox', { name: 'Duplicate of (issue key)' }), 'ARG-99');
    await user.click(submit());
    const dialog = screen.getByRole('dialog', { name: 'Mark as duplicate' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Issue “ARG-99” was not found');
  });

  it('offers no "Mark as duplicate…" to a viewer or on a resolved issue', async () => {
    renderCard({ role: 'viewer' });
    await screen.findByRole('link', { name: 'ARG-12' });
    expect(screen.queryByRole('button', { name: 'Mark as duplicate…' })).toBeNull();
    cleanup();
    renderCard({ issue: issueFixture(7, { status: 'resolved' }) });
    await screen.findByRole('link', { name: 'ARG-12' });
    expect(screen.queryByRole('button', { name: 'Mark as duplicate…' })).toBeNull();
  });
});
