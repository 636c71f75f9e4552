const HOUR_MS = 3_600_000;
const WARN_AFTER_MS = 24 * HOUR_MS;
const DANGER_AFTER_MS = 48 * HOUR_MS;

export type IssueAgeLevel = 'fresh' | 'warn' | 'danger';

export interface IssueAge {
  level: IssueAgeLevel;
  /** CSS class for the colour: '' when fresh, 'age-warn' after 24 h, 'age-danger' after 48 h. */
  className: '' | 'age-warn' | 'age-danger';
  /** Words for people who do not see the colour, e.g. "2 days old". */
  label: string;
}

/** How stale an unresolved issue is: amber after a day, red after two; `now` is passed in tests. */
export function describeIssueAge(createdAt: string, now: Date = new Date()): IssueAge {
  const ageMs = Math.max(0, now.getTime() - new Date(createdAt).getTime());
  const level: IssueAgeLevel = ageMs > DANGER_AFTER_MS ? 'danger' : ageMs > WARN_AFTER_MS ? 'warn' : 'fresh';
  const className = level === 'danger' ? 'age-danger' : level === 'warn' ? 'age-warn' : '';
  return { level, className, label: formatAge(ageMs) };
}

function formatAge(ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min old`;
  const hours = Math.floor(ageMs / HOUR_MS);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} old`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} old`;
}
