import type { AiStatusResponse, SlackStatusResponse } from '@argus/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Answer, fakeApi, person, renderRoutes } from '../test-support/app-harness';
import { SettingsPage } from './SettingsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const nothingConfigured: AiStatusResponse = {
  activeTriagePath: 'local',
  activeInvestigators: ['checklist'],
  llm: {
    configured: false,
    baseUrl: null,
    model: null,
    fastModel: null,
    circuit: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
  },
  investigator: {
    configured: false,
    url: null,
    timeoutSeconds: 600,
    circuit: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
  },
  localModel: {
    trainedAt: '2024-05-01T09:00:00.000Z',
    exampleCount: 240,
    teamCount: 3,
    version: 'local-2024-05-01',
  },
  categories: ['database', 'network', 'deploy'],
};

const everythingConfigured: AiStatusResponse = {
  ...nothingConfigured,
  activeTriagePath: 'llm',
  activeInvestigators: ['external', 'llm', 'checklist'],
  llm: {
    configured: true,
    baseUrl: 'https://llm.internal/v1',
    model: 'gpt-4o',
    fastModel: 'gpt-4o-mini',
    circuit: 'open',
    lastSuccessAt: '2024-05-01T09:00:00.000Z',
    lastFailureAt: '2024-05-01T09:30:00.000Z',
    lastError: 'AI service unreachable',
  },
  investigator: {
    configured: true,
    url: 'https://investigator.internal',
    timeoutSeconds: 600,
    circuit: 'closed',
    lastSuccessAt: '2024-05-01T09:10:00.000Z',
    lastFailureAt: null,
    lastError: null,
  },
};

const slackNotConfigured: SlackStatusResponse = {
  configured: false,
  apiUrl: null,
  pendingDeliveries: 0,
  failingDeliveries: 0,
  lastDeliveredAt: null,
  lastError: null,
};

const slackFailing: SlackStatusResponse = {
  configured: true,
  apiUrl: 'https://slack.com/api/',
  pendingDeliveries: 3,
  failingDeliveries: 2,
  lastDeliveredAt: '2024-05-01T09:00:00.000Z',
  lastError: 'ratelimited',
};

function renderSettings(
  status: AiStatusResponse | Answer,
  role: 'admin' | 'manager' = 'admin',
  slack: SlackStatusResponse | Answer = slackNotConfigured,
) {
  const calls = fakeApi(person(role), ({ method, path }) => {
    if (path === '/api/ai/status') return status;
    if (path === '/api/slack/status') return slack;
    if (method === 'POST' && path === '/api/ai/triage-model/retrain')
      return new Answer(202, { queued: true });
    return undefined;
  });
  renderRoutes({ '/settings': <SettingsPage /> }, '/settings');
  return calls;
}

const card = (name: string) => screen.getByRole('region', { name });
const findCard = (name: string) => screen.findByRole('region', { name });

describe('SettingsPage', () => {
  it('explains how to add AI when nothing is configured, and what triages meanwhile', async () => {
    renderSettings(nothingConfigured);
    expect((await screen.findByText(/^Triage now uses/)).textContent).toBe('Triage now uses: Local model');
    expect(screen.getByText(/Argus triages and investigates on its own/).textContent).toContain(
      'set AI_API_BASE to any OpenAI-compatible endpoint',
    );
    expect(screen.getByText(/Argus triages and investigates on its own/).textContent).toContain(
      'INVESTIGATOR_URL',
    );
    expect(within(card('LLM')).getByText('Not configured')).toBeTruthy();
    expect(within(card('Investigation service')).getByText('Not configured')).toBeTruthy();
    expect(within(card('Local model')).getByText('240 issues, 3 teams')).toBeTruthy();
    expect(
      within(card('Root-cause investigators'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Checklist']);
    expect(
      within(card('Categories'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['database', 'network', 'deploy']);
    expect(screen.getByRole('link', { name: 'Manage your API tokens' }).getAttribute('href')).toBe(
      '/settings/tokens',
    );
  });

  it('shows the configured services, their health and last error', async () => {
    renderSettings(everythingConfigured);
    expect((await screen.findByText(/^Triage now uses/)).textContent).toBe('Triage now uses: LLM');
    expect(screen.queryByText(/Argus triages and investigates on its own/)).toBeNull();
    const llm = card('LLM');
    expect(within(llm).getByText('Resting after failures')).toBeTruthy();
    expect(within(llm).getByText('https://llm.internal/v1')).toBeTruthy();
    expect(within(llm).getByText('gpt-4o-mini')).toBeTruthy();
    expect(within(llm).getByText('AI service unreachable')).toBeTruthy();
    const investigator = card('Investigation service');
    expect(within(investigator).getByText('Healthy')).toBeTruthy();
    expect(within(investigator).getByText('600 s')).toBeTruthy();
    expect(within(investigator).getByText('Never')).toBeTruthy();
    expect(
      within(card('Root-cause investigators'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Investigation service', 'LLM', 'Checklist']);
  });

  it('lets an admin retrain the local model', async () => {
    const user = userEvent.setup();
    const calls = renderSettings(nothingConfigured);
    await user.click(await screen.findByRole('button', { name: 'Retrain now' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/api/ai/triage-model/retrain', body: undefined }),
    );
    expect(await screen.findByText('Argus is retraining the local model')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Retraining…' }).disabled).toBe(true);
  });

  it('offers "Retrain now" to admins only', async () => {
    renderSettings(nothingConfigured, 'manager');
    await screen.findByText(/^Triage now uses/);
    expect(screen.queryByRole('button', { name: 'Retrain now' })).toBeNull();
  });

  it('says what went wrong when the status cannot be loaded', async () => {
    renderSettings(
      new Answer(500, { error: { code: 'INTERNAL', message: 'Argus could not read the AI status' } }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Argus could not read the AI status');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('SettingsPage: Slack', () => {
  it('says how to connect Slack when it is not configured', async () => {
    renderSettings(nothingConfigured);
    const slack = await findCard('Slack');
    expect(await within(slack).findByText('Not configured')).toBeTruthy();
    const hint = within(slack).getByText('SLACK_BOT_TOKEN').closest('p');
    expect(hint?.textContent).toContain('Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
    expect(hint?.textContent).toContain('slack-app-manifest.yaml');
    expect(hint?.textContent).toContain('README’s “Slack” section');
    expect(within(slack).queryByText('Messages waiting')).toBeNull();
  });

  it('shows a connected workspace’s waiting and failing messages, with the last error in warning colour', async () => {
    renderSettings(nothingConfigured, 'admin', slackFailing);
    const slack = await findCard('Slack');
    expect(await within(slack).findByText('Connected')).toBeTruthy();
    expect(within(slack).queryByText(/SLACK_BOT_TOKEN/)).toBeNull();
    const fact = (term: string) => within(slack).getByText(term).nextElementSibling;
    expect(fact('Messages waiting')?.textContent).toBe('3');
    expect(fact('Failing')?.textContent).toBe('2');
    expect(fact('Failing')?.className).toContain('slack-failing');
    expect(fact('Last error')?.textContent).toBe('ratelimited');
    expect(fact('Last error')?.className).toContain('slack-failing');
    expect(fact('Last message sent')?.querySelector('time')?.getAttribute('dateTime')).toBe(
      '2024-05-01T09:00:00.000Z',
    );
  });

  it('shows no warning and no error while nothing fails', async () => {
    renderSettings(nothingConfigured, 'admin', {
      ...slackFailing,
      pendingDeliveries: 0,
      failingDeliveries: 0,
      lastError: null,
    });
    const slack = await findCard('Slack');
    await within(slack).findByText('Connected');
    const failing = within(slack).getByText('Failing').nextElementSibling;
    expect(failing?.textContent).toBe('0');
    expect(failing?.className).not.toContain('slack-failing');
    expect(within(slack).queryByText('Last error')).toBeNull();
  });

  it('says what went wrong when the Slack status cannot be loaded', async () => {
    renderSettings(
      nothingConfigured,
      'admin',
      new Answer(500, { error: { code: 'INTERNAL', message: 'Argus could not read the Slack status' } }),
    );
    const slack = await findCard('Slack');
    expect((await within(slack).findByRole('alert')).textContent).toContain(
      'Argus could not read the Slack status',
    );
    expect(within(slack).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
