import { describe, expect, it } from 'vitest';
import type { IssueHistoryEntry } from '../../api/issues';
import { describeHistory } from './historyText';

const entry = (change: Partial<IssueHistoryEntry>): IssueHistoryEntry => ({
  id: 1,
  issueId: 'i1',
  actor: { id: 'u1', name: 'Priya' },
  action: 'created',
  from: null,
  to: null,
  details: {},
  at: '2024-05-01T10:00:00.000Z',
  ...change,
});

describe('describeHistory', () => {
  it.each([
    [
      { action: 'resolved', details: { reason: 'Fixed in production' } },
      'Priya resolved this: Fixed in production',
    ],
    [{ action: 'closed', details: { reason: 'Duplicate' } }, 'Priya closed this: Duplicate'],
    [{ action: 'reopened' }, 'Priya reopened this'],
    [{ action: 'created', details: { priority: 'high' } }, 'Priya created this issue with priority High'],
    [
      { action: 'status_changed', from: 'open', to: 'in_progress' },
      'Priya changed the status from Open to In progress',
    ],
    [
      { action: 'priority_changed', from: 'low', to: 'critical' },
      'Priya changed the priority from Low to Critical',
    ],
    [
      { action: 'team_changed', from: 'Payments', to: 'Platform' },
      'Priya moved this from Payments to Platform',
    ],
    [{ action: 'team_changed', from: null, to: 'Platform' }, 'Priya moved this to Platform'],
    [
      { action: 'assigned', to: 'Marcus', details: { automatic: true } },
      'This issue was assigned to Marcus (lowest workload)',
    ],
    [
      { action: 'assigned', to: 'Marcus', details: { automatic: true, openIssueCount: 1 } },
      'This issue was assigned to Marcus (lowest workload: had 1 open issue)',
    ],
    [
      { action: 'assigned', to: 'Marcus', details: { automatic: true, openIssueCount: 0 } },
      'This issue was assigned to Marcus (lowest workload: had 0 open issues)',
    ],
    [{ action: 'assigned', to: 'Marcus', details: { userId: 'u2' } }, 'Priya assigned Marcus'],
    [{ action: 'unassigned', from: 'Marcus' }, 'Priya unassigned Marcus'],
    [{ action: 'service_changed', from: null, to: 'checkout' }, 'Priya set the service to checkout'],
    [
      { action: 'title_changed', from: 'Slow', to: 'Checkout slow' },
      'Priya renamed this from “Slow” to “Checkout slow”',
    ],
    [{ action: 'commented', details: { excerpt: 'Looking' } }, 'Priya commented: Looking'],
    [{ action: 'escalated_somewhere' }, 'Priya escalated somewhere'],
  ] as const)('%o → %s', (change, text) => {
    expect(describeHistory(entry(change as Partial<IssueHistoryEntry>))).toBe(text);
  });
});
