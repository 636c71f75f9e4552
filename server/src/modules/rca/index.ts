export { checklistFor, createChecklistInvestigator } from './checklist-investigator.js';
export { createExternalInvestigator, type InvestigationService } from './external-investigator.js';
export { createLlmInvestigator, type RcaLlm } from './llm-investigator.js';
export { rcaJobs } from './rca.jobs.js';
export { registerRcaRoutes } from './rca.routes.js';
export { ANALYZE_ISSUE_JOB, createRcaService, type RcaService } from './rca.service.js';
export type { InvestigationContext, InvestigationFindings, Investigator } from './rca.types.js';
