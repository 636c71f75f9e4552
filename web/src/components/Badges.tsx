import type { IssuePriority, IssueStatus } from '@argus/contracts';
import { priorityLabel, statusLabel } from '../api/domain';

export function StatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`badge status-${status}`}>{statusLabel[status]}</span>;
}

export function PriorityBadge({ priority }: { priority: IssuePriority }) {
  return <span className={`badge priority-${priority}`}>{priorityLabel[priority]}</span>;
}
