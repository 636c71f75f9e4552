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
      { action: 'created', details: { priority: 'medium', priorityLeftToTriage: true } },
      'Priya created this issue, leaving its priority to Argus',
    ],
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
    [
      {
        action: 'triaged',
        actor: { id: null, name: 'Argus' },
        to: 'high',
        details: {
          source: 'local',
          confidence: 0.82,
          priority: 'high',
          category: 'database',
          team: { id: 't1', name: 'Payments' },
          rationale: 'Mentions the primary database',
          applied: { priority: true, team: true, category: true },
        },
      },
      'Argus triaged this as high · Payments · database (local model, 82% sure)',
    ],
    [
      {
        action: 'triaged',
        actor: { id: null, name: 'Argus' },
        to: 'critical',
        details: { source: 'llm', confidence: 0.9, priority: 'critical', category: 'outage', team: null },
      },
      'Argus triaged this as critical · outage (LLM, 90% sure)',
    ],
    [
      {
        action: 'triaged',
        actor: { id: null, name: 'Argus' },
        to: 'low',
        details: { source: 'rules', confidence: 0.4, priority: 'low', category: 'other', team: null },
      },
      'Argus triaged this as low · other (keywords, 40% sure)',
    ],
    [
      {
        action: 'rca_completed',
        actor: { id: null, name: 'Argus' },
        details: { investigator: 'checklist', actionable: true, confidence: 0.6, summary: 'Disk full' },
      },
      'Argus finished the root-cause analysis (checklist)',
    ],
    [
      {
        action: 'rca_completed',
        actor: { id: null, name: 'Argus' },
        details: { investigator: 'external', actionable: false, confidence: 0.9, summary: 'Blip' },
      },
      'Argus finished the root-cause analysis (investigation service): nothing to act on',
    ],
    [
      {
        action: 'rca_failed',
        actor: { id: null, name: 'Argus' },
        details: {
          attempts: [
            { investigator: 'llm', outcome: 'failed', error: 'AI service unreachable' },
            { investigator: 'checklist', outcome: 'failed', error: 'no data' },
          ],
        },
      },
      'Argus could not finish the root-cause analysis: LLM failed: AI service unreachable → checklist failed: no data',
    ],
    [
      {
        action: 'resolved',
        actor: { id: null, name: 'Argus' },
        details: { automatic: true, reason: 'Transient blip: the error rate recovered' },
      },
      'Argus resolved this automatically: Transient blip: the error rate recovered',
    ],
    [{ action: 'marked_duplicate', to: 'ARG-12' }, 'Priya marked this a duplicate of ARG-12'],
    [{ action: 'duplicate_linked', to: 'ARG-15' }, 'ARG-15 was marked a duplicate of this issue'],
  ] as const)('%o → %s', (change, text) => {
    expect(describeHistory(entry(change as Partial<IssueHistoryEntry>))).toBe(text);
  });
});
