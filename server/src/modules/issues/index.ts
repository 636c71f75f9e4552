export { ASSIGN_UNASSIGNED_JOB, issueJobs } from './issue.jobs.js';
export { toHistoryResponse, toIssueResponse } from './issue.mapper.js';
export { countOpenAssignments } from './issue.repository.js';
export { registerIssueRoutes } from './issue.routes.js';
export { createIssueService, type IssueService, type IssueTimingObserver } from './issue.service.js';
export type { IssueRecord } from './issue.types.js';
export { formatIssueKey } from './issue-key.js';
export { ACTIVE_STATUSES, isActiveStatus } from './issue-lifecycle.js';
