export { createAiStatusReader, type ServiceHealth } from './ai-status.js';
export type { TriageLlm } from './llm-triage.js';
export { createSimilarIssueFinder } from './similar-issues.js';
export { triageJobs } from './triage.jobs.js';
export { registerTriageRoutes } from './triage.routes.js';
export {
  createTriageService,
  RETRAIN_TRIAGE_JOB,
  TRIAGE_ISSUE_JOB,
  type TriageService,
} from './triage.service.js';
