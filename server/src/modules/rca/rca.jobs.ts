import type { JobDefinition } from '../../jobs/job-queue.js';
import { ANALYZE_ISSUE_JOB, type RcaService } from './rca.service.js';

/** Root-cause analysis runs as a job that may take as long as the slowest investigator allows. */
export function rcaJobs(deps: {
  rca: Pick<RcaService, 'runAnalysis'>;
  longestRunSeconds: number;
}): JobDefinition<never>[] {
  const analyze: JobDefinition<{ issueId: string; runId: string }> = {
    name: ANALYZE_ISSUE_JOB,
    retryLimit: 3,
    expireInSeconds: deps.longestRunSeconds,
    handle: async (data) => deps.rca.runAnalysis(data.issueId, data.runId),
  };
  return [analyze] as JobDefinition<never>[];
}
