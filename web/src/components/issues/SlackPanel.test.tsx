import type { IssueResponse, SlackDelivery } from '@argus/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Answer, fakeApi, issueFixture, person, renderRoutes } from '../../test-support/app-harness';
import { SlackPanel } from './SlackPanel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const delivery = (key: string, change: Partial<SlackDelivery> = {}): SlackDelivery => ({
  key,
  kind: 'card',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2024-05-01T10:00:00.000Z',
  sentAt: '2024-05-01T10:00:05.000Z',
  ...change,
});

const fromSlack = issueFixture(7, {
  source: 'slack',
  slack: { channelId: 'C0INCIDENTS', threadTs: '1714557600.000100' },
});

function renderPanel(issue: IssueResponse, items: SlackDelivery[] | Answer) {
  const calls = fakeApi(person('agent'), ({ path }) => {
    if (path === `/api/issues/${issue.key}/slack-deliveries`)
      return items instanceof Answer ? items : { items };
    return undefined;
  });
  const { queryClient } = renderRoutes({ '/': <SlackPanel issue={issue} /> }, '/');
  return { calls, queryClient };
}

const panel = () => screen.getByRole('region', { name: 'Slack' });
const findPanel = () => screen.findByRole('region', { name: 'Slack' });

describe('SlackPanel', () => {
  it('says where the issue was reported and lists every message in words, sent or waiting', async () => {
    renderPanel(fromSlack, [
      delivery('card:i-7'),
      delivery('note:41', { kind: 'note' }),
      delivery('reaction:41', { kind: 'reaction' }),
      delivery('dm:42', {
        kind: 'dm',
        status: 'pending',
        attempts: 3,
        lastError: 'users_not_found',
        sentAt: null,
      }),
      delivery('comment-ack:Ev1', { kind: 'text', status: 'pending', attempts: 0, sentAt: null }),
    ]);
    const items = await within(await findPanel()).findAllByRole('listitem');
    expect(within(panel()).getByText(/^Reported in channel/).textContent).toBe(
      'Reported in channel C0INCIDENTS, in a thread.',
    );
    expect(items.map((item) => item.querySelector('.slack-delivery-kind')?.textContent)).toEqual([
      'Thread card',
      'Thread note',
      'Status emoji',
      'Direct message to an assignee',
      'Reply',
    ]);
    expect(items[0]?.textContent).toMatch(/^Thread card sent /);
    expect(items[0]?.querySelector('time')?.getAttribute('dateTime')).toBe('2024-05-01T10:00:05.000Z');
    const failing = within(items[3]!).getByText(/^waiting/);
    expect(failing.textContent).toBe('waiting — 3 attempts, last error: users_not_found');
    expect(failing.className).toContain('slack-failing');
    const queued = within(items[4]!).getByText(/^waiting/);
    expect(queued.textContent).toBe('waiting');
    expect(queued.className).not.toContain('slack-failing');
  });

  it('shows the messages of an issue that did not come from Slack, e.g. a DM to an assignee', async () => {
    renderPanel(issueFixture(8), [delivery('dm:50', { kind: 'dm' })]);
    expect(await within(await findPanel()).findByText('Direct message to an assignee')).toBeTruthy();
    expect(within(panel()).queryByText(/^Reported in channel/)).toBeNull();
  });

  it('says so when an issue from Slack has no messages yet, and how it was reported outside a thread', async () => {
    renderPanel(issueFixture(9, { source: 'slack', slack: { channelId: 'C0OPS', threadTs: null } }), []);
    expect(await within(await findPanel()).findByText('No messages to Slack yet.')).toBeTruthy();
    expect(within(panel()).getByText(/^Reported in channel/).textContent).toBe('Reported in channel C0OPS.');
  });

  it('hides itself for an issue with no Slack thread and no messages', async () => {
    const { calls, queryClient } = renderPanel(issueFixture(10), []);
    // The list was asked for and has arrived: still nothing to show.
    await waitFor(() =>
      expect(queryClient.getQueryState(['slack-deliveries', 'ARG-10'])?.status).toBe('success'),
    );
    expect(calls.map((call) => call.path)).toContain('/api/issues/ARG-10/slack-deliveries');
    expect(screen.queryByRole('region', { name: 'Slack' })).toBeNull();
    expect(screen.queryByText(/Slack/)).toBeNull();
  });

  it('says what went wrong when the messages cannot be loaded for an issue from Slack', async () => {
    renderPanel(
      fromSlack,
      new Answer(500, { error: { code: 'INTERNAL', message: 'Argus could not read the Slack messages' } }),
    );
    expect((await within(await findPanel()).findByRole('alert')).textContent).toContain(
      'Argus could not read the Slack messages',
    );
  });
});
