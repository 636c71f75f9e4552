import type { IssuePriority, IssueSource, IssueStatus, RcaResult, TriageResult } from '@argus/contracts';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** An issue as the domain sees it, with its team, assignees and author resolved. */
export interface IssueRecord {
  id: string;
  number: number;
  title: string;
  description: string;
  status: IssueStatus;
  priority: IssuePriority;
  category: string | null;
  team: { id: string; name: string } | null;
  source: IssueSource;
  dedupKey: string | null;
  labels: Record<string, string>;
  service: string | null;
  environment: string | null;
  slackChannelId: string | null;
  slackThreadTs: string | null;
  assignees: PersonRef[];
  createdBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolutionReason: string | null;
  closeReason: string | null;
  triage: TriageResult | null;
  rca: RcaResult | null;
  duplicateOf: { id: string; number: number } | null;
}

/** One line of an issue's audit trail. */
export interface HistoryRecord {
  id: number;
  issueId: string;
  actorId: string | null;
  actorName: string;
  action: HistoryAction;
  fromValue: string | null;
  toValue: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export type HistoryAction =
  | 'created'
  | 'status_changed'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'priority_changed'
  | 'team_changed'
  | 'title_changed'
  | 'description_changed'
  | 'category_changed'
  | 'labels_changed'
  | 'service_changed'
  | 'environment_changed'
  | 'assigned'
  | 'unassigned'
  | 'commented'
  | 'triaged'
  | 'rca_completed'
  | 'rca_failed'
  | 'marked_duplicate'
  | 'duplicate_linked';

export interface CommentRecord {
  id: string;
  issueId: string;
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** Fields an integration (Slack, alerts, status pages) may set beyond the public create request. */
export interface IssueOrigin {
  source: IssueSource;
  slackChannelId?: string;
  slackThreadTs?: string;
}
