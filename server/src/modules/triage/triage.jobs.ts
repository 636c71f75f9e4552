import type { JobDefinition } from '../../jobs/job-queue.js';
import { RETRAIN_TRIAGE_JOB, TRIAGE_ISSUE_JOB, type TriageService } from './triage.service.js';

/** Triage of new issues, and the scheduled relearning of the local model. */
export function triageJobs(deps: {
  triage: Pick<TriageService, 'triageIssue' | 'retrainModel'>;
  retrainCron: string;
}): JobDefinition<never>[] {
  const triageIssue: JobDefinition<{ issueId: string }> = {
    name: TRIAGE_ISSUE_JOB,
    retryLimit: 3,
    expireInSeconds: 300,
    handle: async (data) => deps.triage.triageIssue(data.issueId),
  };
  const retrain: JobDefinition<object> = {
    name: RETRAIN_TRIAGE_JOB,
    cron: deps.retrainCron,
    retryLimit: 2,
    expireInSeconds: 900,
    handle: async () => {
      await deps.triage.retrainModel();
    },
  };
  return [triageIssue, retrain] as JobDefinition<never>[];
}
