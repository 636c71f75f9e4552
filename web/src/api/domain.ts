import type { IssuePriority, IssueSource, IssueStatus } from '@argus/contracts';

// Plain lists for menus and filters (the contracts' zod schemas stay out of the browser bundle).
export const STATUSES: IssueStatus[] = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'];
export const ACTIVE_STATUSES: IssueStatus[] = ['open', 'acknowledged', 'in_progress'];
export const PRIORITIES: IssuePriority[] = ['critical', 'high', 'medium', 'low'];
export const SOURCES: IssueSource[] = ['manual', 'api', 'slack', 'alert', 'status', 'anomaly'];

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

/** One-click answers to "How was this fixed?". */
export const RESOLUTION_TEMPLATES = [
  'Fixed in production',
  'Not an issue',
  'Duplicate',
  'Transient — recovered on its own',
];
