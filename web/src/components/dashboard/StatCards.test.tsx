import type { DashboardStatsResponse, IssueResponse } from '@argus/contracts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { RecentIssues } from './RecentIssues';
import { StatCards } from './StatCards';

afterEach(cleanup);

const stats: DashboardStatsResponse = {
  open: 12,
  critical: 2,
  high: 5,
  unassigned: 3,
  resolvedToday: 4,
  mttaSeconds: 240,
  mttrSeconds: 9000,
};

function hrefOf(name: RegExp): string | null {
  return screen.getByRole('link', { name }).getAttribute('href');
}

describe('StatCards', () => {
  it('makes every figure a link, named by its label, to the issues it counts', () => {
    render(
      <MemoryRouter>
        <StatCards stats={stats} />
      </MemoryRouter>,
    );
    expect(hrefOf(/^Open 12/)).toBe('/issues?status=open,acknowledged,in_progress');
    expect(hrefOf(/^Critical 2/)).toBe('/issues?priority=critical&status=open,acknowledged,in_progress');
    expect(hrefOf(/^High 5/)).toBe('/issues?priority=high&status=open,acknowledged,in_progress');
    expect(hrefOf(/^Unassigned 3/)).toBe('/issues?assignee=none&status=open,acknowledged,in_progress');
    expect(hrefOf(/^Resolved today 4/)).toBe('/issues?status=resolved,closed&sort=-updated');
    expect(hrefOf(/^MTTA 4 min last 30 days/)).toBe('/issues?status=resolved,closed');
    expect(hrefOf(/^MTTR 2\.5 h last 30 days/)).toBe('/issues?status=resolved,closed');
  });

  it('shows a dash when there is nothing to average yet', () => {
    render(
      <MemoryRouter>
        <StatCards stats={{ ...stats, mttaSeconds: null, mttrSeconds: null }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: /^MTTA/ }).textContent).toContain('—');
  });
});

describe('RecentIssues', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const issue = (key: string, hoursOld: number): IssueResponse =>
    ({
      id: key,
      key,
      title: `Issue ${key}`,
      status: 'open',
      priority: 'high',
      team: { id: 't1', name: 'Payments' },
      assignees: [],
      createdAt: new Date(now.getTime() - hoursOld * 3_600_000).toISOString(),
    }) as unknown as IssueResponse;

  it('flags stale issues with a class and words, not colour alone', () => {
    render(
      <MemoryRouter>
        <RecentIssues issues={[issue('ARG-1', 2), issue('ARG-2', 30), issue('ARG-3', 72)]} now={now} />
      </MemoryRouter>,
    );
    const [fresh, warn, danger] = screen.getAllByRole('listitem');
    expect(fresh?.className).toBe('');
    expect(within(fresh!).getByText('2 hours old')).toBeTruthy();
    expect(warn?.className).toBe('age-warn');
    expect(within(warn!).getByText('1 day old')).toBeTruthy();
    expect(danger?.className).toBe('age-danger');
    expect(within(danger!).getByText('3 days old')).toBeTruthy();
    expect(within(danger!).getByRole('link', { name: 'Issue ARG-3' }).getAttribute('href')).toBe(
      '/issues/ARG-3',
    );
  });
});
