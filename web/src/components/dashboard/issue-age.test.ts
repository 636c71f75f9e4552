import { describe, expect, it } from 'vitest';
import { describeIssueAge } from './issue-age';

const now = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('describeIssueAge', () => {
  it.each([
    { hours: 0, level: 'fresh', className: '', label: 'just now' },
    { hours: 0.5, level: 'fresh', className: '', label: '30 min old' },
    { hours: 1, level: 'fresh', className: '', label: '1 hour old' },
    { hours: 23.9, level: 'fresh', className: '', label: '23 hours old' },
    { hours: 24, level: 'fresh', className: '', label: '1 day old' },
    { hours: 25, level: 'warn', className: 'age-warn', label: '1 day old' },
    { hours: 48, level: 'warn', className: 'age-warn', label: '2 days old' },
    { hours: 49, level: 'danger', className: 'age-danger', label: '2 days old' },
    { hours: 24 * 9, level: 'danger', className: 'age-danger', label: '9 days old' },
  ])('an issue $hours h old is $level ("$label")', ({ hours, level, className, label }) => {
    expect(describeIssueAge(hoursAgo(hours), now)).toEqual({ level, className, label });
  });

  it('treats a timestamp slightly in the future (clock skew) as new', () => {
    expect(describeIssueAge(hoursAgo(-0.1), now)).toEqual({
      level: 'fresh',
      className: '',
      label: 'just now',
    });
  });
});
