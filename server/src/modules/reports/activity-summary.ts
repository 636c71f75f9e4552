import { STATUS_WORDS } from '../issues/index.js';
/** The fields of a history entry that a human-readable line needs. */
export interface ActivityFacts {
  actorName: string;
  action: string;
  issueKey: string;
  fromValue: string | null;
  toValue: string | null;
  details: Record<string, unknown>;
}

/** One line for the activity feed, e.g. "Priya resolved ARG-42: Fixed in production". */
export function summarizeActivity(facts: ActivityFacts): string {
  const { actorName: who, issueKey: key, fromValue: from, toValue: to, details } = facts;
  const reason = typeof details.reason === 'string' && details.reason ? `: ${details.reason}` : '';
  switch (facts.action) {
    case 'created':
      return `${who} created ${key}`;
    case 'resolved':
      return `${who} resolved ${key}${reason}`;
    case 'closed':
      return `${who} closed ${key}${reason}`;
    case 'reopened':
      return `${who} reopened ${key}${reason}`;
    case 'status_changed':
      return `${who} moved ${key} to ${(STATUS_WORDS as Record<string, string>)[to ?? ''] ?? to}`;
    case 'priority_changed':
      return `${who} changed the priority of ${key} from ${from} to ${to}`;
    case 'team_changed':
      return to ? `${who} moved ${key} to ${to}` : `${who} removed ${key} from ${from ?? 'its team'}`;
    case 'assigned':
      return details.automatic
        ? `${key} was assigned to ${to} (lowest workload)`
        : `${who} assigned ${key} to ${to}`;
    case 'unassigned':
      return `${who} unassigned ${from} from ${key}`;
    case 'commented':
      return `${who} commented on ${key}`;
    case 'title_changed':
      return `${who} renamed ${key} to "${to}"`;
    default:
      return `${who} changed the ${facts.action.replace(/_changed$/, '').replace(/_/g, ' ')} of ${key}`;
  }
}
