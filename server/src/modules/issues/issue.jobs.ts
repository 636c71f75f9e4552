import type { JobDefinition } from '../../jobs/job-queue.js';
import { systemActor } from '../access/index.js';
import type { IssueService } from './issue.service.js';

/** Job: give open issues nobody holds to the least busy member of their team. */
export const ASSIGN_UNASSIGNED_JOB = 'issue.assign-unassigned';

/**
 * The nightly reconciliation (03:00 UTC) plus on-demand runs when a team gains an active member:
 * issues created while a team was empty, or left without an assignee, get one. Safe to repeat.
 */
export function issueJobs(deps: {
  issues: Pick<IssueService, 'assignUnassignedIssues'>;
}): JobDefinition<{ teamId?: string }>[] {
  return [
    {
      name: ASSIGN_UNASSIGNED_JOB,
      cron: '0 3 * * *',
      handle: async (data) => {
        await deps.issues.assignUnassignedIssues(systemActor, data.teamId);
      },
    },
  ];
}
