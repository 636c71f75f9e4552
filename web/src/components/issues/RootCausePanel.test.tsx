import type { IssueResponse, RcaResponse, RcaResult, RcaStep } from '@argus/contracts';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveEvents } from '../../hooks/useLiveEvents';
import { type ApiCall, fakeApi, issueFixture, person, renderRoutes } from '../../test-support/app-harness';
import { FakeEventSource } from '../../test-support/fake-event-source';
import { RootCausePanel } from './RootCausePanel';

const rca = (change: Partial<RcaResult> = {}): RcaResult => ({
  runId: 'run-1',
  status: 'running',
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
  startedAt: '2024-05-01T10:00:01.000Z',
  finishedAt: null,
  ...change,
});

const completed = rca({
  status: 'completed',
  investigator: 'checklist',
  summary: 'Checkout errors follow the 10:02 deploy',
  probableCause: 'The new release cannot reach the payment provider',
  evidence: ['502s started at 10:03', 'Deploy of checkout 4.2 at 10:02'],
  nextSteps: ['Roll back checkout to 4.1', 'Check the egress rules'],
  actionable: false,
  confidence: 0.7,
  attempts: [
    { investigator: 'external', outcome: 'failed', error: 'timed out after 600 s' },
    { investigator: 'llm', outcome: 'failed', error: 'AI service unreachable' },
    { investigator: 'checklist', outcome: 'completed', error: null },
  ],
  finishedAt: '2024-05-01T10:01:00.000Z',
});

const step = (seq: number, change: Partial<RcaStep> = {}): RcaStep => ({
  seq,
  investigator: 'checklist',
  kind: 'progress',
  message: `Step ${seq}`,
  at: `2024-05-01T10:00:0${seq}.000Z`,
  ...change,
});

let analysis: RcaResponse;
let calls: ApiCall[];

function renderPanel(issue: IssueResponse, role: 'manager' | 'viewer' = 'manager') {
  calls = fakeApi(person(role), ({ method, path, body }) => {
    if (path !== `/api/issues/${issue.key}/rca`) return undefined;
    if (method === 'POST') {
      const onlyIfMissing = (body as { onlyIfMissing?: boolean }).onlyIfMissing === true;
      if (!onlyIfMissing || analysis.rca === null)
        analysis = { rca: rca({ runId: 'run-2', status: 'queued', startedAt: null }), steps: [] };
    }
    return analysis;
  });
  function LivePanel() {
    useLiveEvents(true);
    return <RootCausePanel issue={issue} canRerun={role !== 'viewer'} />;
  }
  renderRoutes({ '/': <LivePanel /> }, '/');
}

const emitStep = (rcaStep: RcaStep) =>
  act(() =>
    FakeEventSource.latest?.emit('issue.rca', {
      type: 'issue.rca',
      issueId: 'i-7',
      issueKey: 'ARG-7',
      at: rcaStep.at,
      rcaStep,
    }),
  );
const stepTexts = () =>
  within(screen.getByRole('list', { name: 'Investigation steps' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.rca-step-message')?.textContent);

beforeEach(() => {
  analysis = { rca: null, steps: [] };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RootCausePanel', () => {
  it('starts the first analysis of an issue on its own, once, and shows it analysing', async () => {
    renderPanel(issueFixture(7), 'viewer');
    expect(await screen.findByText('Analyzing…')).toBeTruthy();
    const starts = calls.filter((call) => call.method === 'POST');
    expect(starts).toEqual([
      { method: 'POST', path: '/api/issues/ARG-7/rca', body: { onlyIfMissing: true } },
    ]);
    expect(screen.getByText('Waiting for the first step.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Re-run analysis' })).toBeNull();
  });

  it('appends live steps as they stream, in order and once each, and starts over on a new run', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    analysis = { rca: rca(), steps: [step(1, { kind: 'started', investigator: 'external' })] };
    renderPanel(issueFixture(7, { rca: analysis.rca }));
    expect(await screen.findByText('Analyzing…')).toBeTruthy();
    await waitFor(() => expect(stepTexts()).toEqual(['Step 1']));

    emitStep(step(3, { message: 'Error rate is 12%' }));
    emitStep(step(2, { message: 'Looking at recent deploys' }));
    emitStep(step(3, { message: 'Error rate is 12%' }));
    // The cache tells the page on the next tick; a repeated step would make four.
    await waitFor(() =>
      expect(stepTexts()).toEqual(['Step 1', 'Looking at recent deploys', 'Error rate is 12%']),
    );
    const list = screen.getByRole('list', { name: 'Investigation steps' });
    expect(list.getAttribute('aria-live')).toBe('polite');
    expect(within(list).getAllByText('Checklist')).toHaveLength(2);
    expect(within(list).getByText('Investigation service')).toBeTruthy();

    const again = step(1, { kind: 'started', message: 'Started again', at: '2024-05-01T11:00:00.000Z' });
    analysis = { rca: rca({ runId: 'run-2', status: 'queued' }), steps: [again] };
    emitStep(again);
    await waitFor(() => expect(stepTexts()).toEqual(['Started again']));
  });

  it('shows the finished analysis once the answering investigator completes', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    analysis = { rca: rca(), steps: [step(1, { kind: 'started' })] };
    renderPanel(issueFixture(7, { rca: analysis.rca }));
    await screen.findByText('Analyzing…');
    analysis = { rca: completed, steps: [step(1, { kind: 'started' }), step(2, { kind: 'completed' })] };
    emitStep(step(2, { kind: 'completed' }));

    expect(await screen.findByText('Checkout errors follow the 10:02 deploy')).toBeTruthy();
    expect(screen.queryByText('Analyzing…')).toBeNull();
    expect(screen.getByText('The new release cannot reach the payment provider')).toBeTruthy();
    expect(screen.getByText('502s started at 10:03')).toBeTruthy();
    const nextSteps = screen.getByRole('heading', { name: 'Next steps' }).nextElementSibling as HTMLElement;
    expect(nextSteps.tagName).toBe('OL');
    expect(
      within(nextSteps)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Roll back checkout to 4.1', 'Check the egress rules']);
    expect(screen.getByText('Not actionable: false alarm, already fixed or a transient blip')).toBeTruthy();
    expect(screen.getByText('70% sure')).toBeTruthy();
    expect(screen.getByText('Answered by').nextElementSibling?.textContent).toMatch(/^Checklist · /);
    expect(screen.getByText('Path').nextElementSibling?.textContent).toBe(
      'Investigation service failed: timed out after 600 s → LLM failed: AI service unreachable → checklist',
    );
  });

  it('re-runs the analysis on request', async () => {
    const user = userEvent.setup();
    analysis = { rca: completed, steps: [] };
    renderPanel(issueFixture(7, { rca: completed }));
    await user.click(await screen.findByRole('button', { name: 'Re-run analysis' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/api/issues/ARG-7/rca', body: {} }),
    );
    expect(await screen.findByText('Argus is analyzing ARG-7 again')).toBeTruthy();
    expect(await screen.findByText('Analyzing…')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Re-run analysis' }).disabled).toBe(true);
  });

  it('says when the analysis failed, which paths were tried, and offers to try again', async () => {
    const user = userEvent.setup();
    const failed = rca({
      status: 'failed',
      attempts: [
        { investigator: 'external', outcome: 'skipped', error: 'not configured' },
        { investigator: 'llm', outcome: 'failed', error: 'AI service unreachable' },
      ],
    });
    analysis = { rca: failed, steps: [] };
    renderPanel(issueFixture(7, { rca: failed }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Argus could not finish the root-cause analysis.');
    expect(alert.textContent).toContain(
      'Investigation service skipped: not configured → LLM failed: AI service unreachable',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/api/issues/ARG-7/rca', body: {} }),
    );
    expect(await screen.findByText('Analyzing…')).toBeTruthy();
  });

  it('offers a viewer neither a re-run nor a retry', async () => {
    analysis = { rca: rca({ status: 'failed' }), steps: [] };
    renderPanel(issueFixture(7, { rca: analysis.rca }), 'viewer');
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Re-run analysis' })).toBeNull();
  });
});
