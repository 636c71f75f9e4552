export { ASSIGN_UNASSIGNED_JOB, issueJobs } from './issue.jobs.js';
export { toHistoryResponse, toIssueResponse } from './issue.mapper.js';
export { countOpenAssignments } from './issue.repository.js';
export { registerIssueRoutes } from './issue.routes.js';
export {
  type ChangedIssue,
  createIssueService,
  type IssueFollowUps,
  type IssueService,
  type IssueTimingObserver,
  type TriageSuggestion,
} from './issue.service.js';
export type { HistoryRecord, IssueRecord } from './issue.types.js';
export { formatIssueKey, parseIssueReference } from './issue-key.js';
export { ACTIVE_STATUSES, isActiveStatus, STATUS_WORDS } from './issue-lifecycle.js';
