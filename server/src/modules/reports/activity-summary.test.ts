import { describe, expect, it } from 'vitest';
import { summarizeActivity } from './activity-summary.js';

describe('summarizeActivity', () => {
  const base = { actorName: 'Priya', issueKey: 'ARG-42', fromValue: null, toValue: null, details: {} };
  it.each([
    [
      { action: 'resolved', details: { reason: 'Fixed in production' } },
      'Priya resolved ARG-42: Fixed in production',
    ],
    [{ action: 'closed', details: { reason: 'Duplicate' } }, 'Priya closed ARG-42: Duplicate'],
    [{ action: 'created' }, 'Priya created ARG-42'],
    [{ action: 'status_changed', toValue: 'in_progress' }, 'Priya moved ARG-42 to in progress'],
    [
      { action: 'priority_changed', fromValue: 'low', toValue: 'critical' },
      'Priya changed the priority of ARG-42 from low to critical',
    ],
    [
      { action: 'assigned', toValue: 'Marcus', details: { automatic: true } },
      'ARG-42 was assigned to Marcus (lowest workload)',
    ],
    [{ action: 'assigned', toValue: 'Marcus' }, 'Priya assigned ARG-42 to Marcus'],
    [{ action: 'unassigned', fromValue: 'Marcus' }, 'Priya unassigned Marcus from ARG-42'],
    [{ action: 'labels_changed' }, 'Priya changed the labels of ARG-42'],
  ])('%o', (facts, line) => {
    expect(summarizeActivity({ ...base, ...facts })).toBe(line);
  });
});
