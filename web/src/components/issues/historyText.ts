import type { IssuePriority, IssueStatus } from '@argus/contracts';
import { priorityLabel, statusLabel } from '../../api/domain';
import type { IssueHistoryEntry } from '../../api/issues';

const statusText = (value: string | null) => (value ? (statusLabel[value as IssueStatus] ?? value) : 'none');
const priorityText = (value: string | null) =>
  value ? (priorityLabel[value as IssuePriority] ?? value) : 'none';
const quoted = (value: string | null) => (value ? `“${value}”` : 'nothing');

function fieldChange(actor: string, field: string, from: string | null, to: string | null): string {
  if (!from && to) return `${actor} set the ${field} to ${to}`;
  if (from && !to) return `${actor} cleared the ${field} (was ${from})`;
  return `${actor} changed the ${field} from ${from} to ${to}`;
}

/** One history entry as a sentence, e.g. "Priya resolved this: Fixed in production". */
export function describeHistory(entry: IssueHistoryEntry): string {
  const actor = entry.actor.name;
  const { from, to, details } = entry;
  const reason = typeof details.reason === 'string' && details.reason ? `: ${details.reason}` : '';
  switch (entry.action) {
    case 'created': {
      const priority =
        typeof details.priority === 'string' ? ` with priority ${priorityText(details.priority)}` : '';
      return `${actor} created this issue${priority}`;
    }
    case 'status_changed':
      return `${actor} changed the status from ${statusText(from)} to ${statusText(to)}`;
    case 'resolved':
      return `${actor} resolved this${reason}`;
    case 'closed':
      return `${actor} closed this${reason}`;
    case 'reopened':
      return `${actor} reopened this${reason}`;
    case 'priority_changed':
      return `${actor} changed the priority from ${priorityText(from)} to ${priorityText(to)}`;
    case 'team_changed':
      if (!to) return `${actor} removed this from ${from ?? 'its team'}`;
      return from ? `${actor} moved this from ${from} to ${to}` : `${actor} moved this to ${to}`;
    case 'title_changed':
      return `${actor} renamed this from ${quoted(from)} to ${quoted(to)}`;
    case 'description_changed':
      return `${actor} edited the description`;
    case 'labels_changed':
      return `${actor} changed the labels`;
    case 'category_changed':
    case 'service_changed':
    case 'environment_changed':
      return fieldChange(actor, entry.action.replace('_changed', ''), from, to);
    case 'assigned':
      if (details.automatic === true) {
        const count = details.openIssueCount;
        // The count is the person's workload when they were picked, before this issue.
        const load = typeof count === 'number' ? `: had ${count} open issue${count === 1 ? '' : 's'}` : '';
        return `This issue was assigned to ${to ?? 'someone'} (lowest workload${load})`;
      }
      return `${actor} assigned ${to ?? 'someone'}`;
    case 'unassigned':
      return `${actor} unassigned ${from ?? 'someone'}`;
    case 'commented': {
      const excerpt = typeof details.excerpt === 'string' ? `: ${details.excerpt}` : '';
      return `${actor} commented${excerpt}`;
    }
    default:
      return `${actor} ${entry.action.replaceAll('_', ' ')}${to ? ` → ${to}` : ''}`;
  }
}
