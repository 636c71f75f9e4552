import type {
  InvestigatorKind,
  IssuePriority,
  IssueSort,
  IssueSource,
  IssueStatus,
  SlackDelivery,
  TriageSource,
} from '@argus/contracts';

// Labels keyed by every value of the contracts' enums (the compiler checks none is missing); the plain lists
// for menus and filters derive from them, so the contracts' zod schemas stay out of the browser bundle.

export const statusLabel: Record<IssueStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const priorityLabel: Record<IssuePriority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const sourceLabel: Record<IssueSource, string> = {
  manual: 'Dashboard',
  api: 'API',
  slack: 'Slack',
  alert: 'Alert',
  status: 'Status page',
  anomaly: 'Anomaly',
};

/** What produced a triage, as the triage panel and the settings page name it. */
export const triageSourceLabel: Record<TriageSource, string> = {
  llm: 'LLM',
  local: 'Local model',
  rules: 'Keywords and severity words',
};

/** Who investigated a root cause, at the start of a line. */
export const investigatorLabel: Record<InvestigatorKind, string> = {
  external: 'Investigation service',
  llm: 'LLM',
  checklist: 'Checklist',
};

/** The same names inside a sentence: "… → LLM failed: … → checklist". */
export const investigatorName: Record<InvestigatorKind, string> = {
  external: 'investigation service',
  llm: 'LLM',
  checklist: 'checklist',
};

/** A message Argus owed Slack about an issue, in words: what it was and where it went. */
export const slackDeliveryKindLabel: Record<SlackDelivery['kind'], string> = {
  card: 'Thread card',
  card_update: 'Card brought up to date',
  note: 'Thread note',
  reaction: 'Status emoji',
  dm: 'Direct message to an assignee',
  text: 'Reply',
  reminder: 'Reminder in the thread',
  reminder_dm: 'Reminder to an assignee',
};

/** One-click answers to "How was this fixed?". */
export const RESOLUTION_TEMPLATES = [
  'Fixed in production',
  'Not an issue',
  'Duplicate',
  'Transient — recovered on its own',
];

/** The list orders, in the order the Sort menu offers them. */
export const sortLabel: Record<IssueSort, string> = {
  '-created': 'Newest first',
  created: 'Oldest first',
  '-updated': 'Recently updated',
  updated: 'Least recently updated',
  priority: 'Priority: highest first',
  '-priority': 'Priority: lowest first',
  relevance: 'Best match',
};

const keysOf = <K extends string>(record: Record<K, string>) => Object.keys(record) as K[];
export const STATUSES: IssueStatus[] = keysOf(statusLabel);
export const ACTIVE_STATUSES: IssueStatus[] = ['open', 'acknowledged', 'in_progress'];
export const PRIORITIES: IssuePriority[] = keysOf(priorityLabel);
export const SOURCES: IssueSource[] = keysOf(sourceLabel);
export const SORTS: IssueSort[] = keysOf(sortLabel);
