import type { CommentRecord, HistoryRecord, IssueRecord } from './issue.types.js';
import { formatIssueKey } from './issue-key.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The public shape of an issue (see `issueResponse` in contracts). */
export function toIssueResponse(record: IssueRecord, keyPrefix: string) {
  return {
    id: record.id,
    key: formatIssueKey(keyPrefix, record.number),
    number: record.number,
    title: record.title,
    description: record.description,
    status: record.status,
    priority: record.priority,
    category: record.category,
    team: record.team,
    source: record.source,
    dedupKey: record.dedupKey,
    labels: record.labels,
    service: record.service,
    environment: record.environment,
    slack: record.slackChannelId
      ? { channelId: record.slackChannelId, threadTs: record.slackThreadTs }
      : null,
    assignees: record.assignees,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    acknowledgedAt: iso(record.acknowledgedAt),
    resolvedAt: iso(record.resolvedAt),
    closedAt: iso(record.closedAt),
    resolutionReason: record.resolutionReason,
    closeReason: record.closeReason,
    triage: record.triage,
    rca: record.rca,
    duplicateOf: record.duplicateOf
      ? { id: record.duplicateOf.id, key: formatIssueKey(keyPrefix, record.duplicateOf.number) }
      : null,
  };
}

/** The history shape carried on live events and returned by the API. */
export function toHistoryResponse(entry: HistoryRecord) {
  return {
    id: entry.id,
    issueId: entry.issueId,
    actor: { id: entry.actorId, name: entry.actorName },
    action: entry.action,
    from: entry.fromValue,
    to: entry.toValue,
    details: entry.details,
    at: entry.at.toISOString(),
  };
}

export function toCommentResponse(comment: CommentRecord) {
  return {
    id: comment.id,
    issueId: comment.issueId,
    author: { id: comment.authorId, name: comment.authorName },
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}
