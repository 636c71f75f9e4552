import type { InvestigatorKind, IssuePriority, IssueStatus, RcaResult, TriageSource } from '@argus/contracts';
import { investigatorName, priorityLabel, statusLabel } from '../../api/domain';
import type { IssueHistoryEntry } from '../../api/issues';
import { describeAttempts } from './rcaText';

const statusText = (value: string | null) => (value ? (statusLabel[value as IssueStatus] ?? value) : 'none');
const priorityText = (value: string | null) =>
  value ? (priorityLabel[value as IssuePriority] ?? value) : 'none';
const quoted = (value: string | null) => (value ? `“${value}”` : 'nothing');
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

const triageSourceName: Record<TriageSource, string> = {
  llm: 'LLM',
  local: 'local model',
  rules: 'keywords',
};

/** "Argus triaged this as high · Payments · database (local model, 82% sure)". */
function triagedText(actor: string, to: string | null, details: Record<string, unknown>): string {
  const priority = text(details.priority) ?? to;
  const team = details.team as { name?: unknown } | null | undefined;
  const what = [
    priority ? priorityText(priority).toLowerCase() : null,
    text(team?.name),
    text(details.category),
  ].filter(Boolean);
  const source = triageSourceName[details.source as TriageSource] ?? null;
  const sure =
    typeof details.confidence === 'number' ? `${Math.round(details.confidence * 100)}% sure` : null;
  const how = [source, sure].filter(Boolean).join(', ');
  return `${actor} triaged this${what.length > 0 ? ` as ${what.join(' · ')}` : ''}${how ? ` (${how})` : ''}`;
}

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
      if (details.priorityLeftToTriage === true)
        return `${actor} created this issue, leaving its priority to Argus`;
      const priority =
        typeof details.priority === 'string' ? ` with priority ${priorityText(details.priority)}` : '';
      return `${actor} created this issue${priority}`;
    }
    case 'status_changed':
      return `${actor} changed the status from ${statusText(from)} to ${statusText(to)}`;
    case 'resolved':
      if (details.automatic === true) return `${actor} resolved this automatically${reason}`;
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
    case 'triaged':
      return triagedText(actor, to, details);
    case 'rca_completed': {
      const name = investigatorName[details.investigator as InvestigatorKind];
      const quiet = details.actionable === false ? ': nothing to act on' : '';
      return `${actor} finished the root-cause analysis${name ? ` (${name})` : ''}${quiet}`;
    }
    case 'rca_failed': {
      const attempts = Array.isArray(details.attempts) ? (details.attempts as RcaResult['attempts']) : [];
      const path = attempts.length > 0 ? `: ${describeAttempts(attempts)}` : '';
      return `${actor} could not finish the root-cause analysis${path}`;
    }
    case 'marked_duplicate':
      return `${actor} marked this a duplicate of ${to ?? 'another issue'}`;
    case 'duplicate_linked':
      return `${to ?? 'Another issue'} was marked a duplicate of this issue`;
    default:
      return `${actor} ${entry.action.replaceAll('_', ' ')}${to ? ` → ${to}` : ''}`;
  }
}
