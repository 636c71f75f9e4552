import { z } from 'zod';
import { isoDateTime, issuePriority, issueStatus, requiredText } from './common.js';

/** Which path produced a triage: the configured LLM, the locally trained classifier, or keywords and lexicon only. */
export const triageSource = z.enum(['llm', 'local', 'rules']);
export type TriageSource = z.infer<typeof triageSource>;

/** The result of automatic triage as stored on the issue (`issue.triage`). */
export const triageResult = z.object({
  source: triageSource,
  priority: issuePriority,
  category: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  confidence: z.number().min(0).max(1).describe('0-1: how sure triage is of the team and priority together'),
  rationale: z.string().describe('One line: why this priority, team and category'),
  applied: z
    .object({ priority: z.boolean(), team: z.boolean(), category: z.boolean() })
    .describe('Which suggestions were applied; a value the creator set is never overwritten'),
  fallbackReason: z
    .string()
    .nullable()
    .describe('Why the LLM was not used when one is configured, e.g. "AI service unreachable"'),
  model: z.string().nullable().describe('The LLM model, or the local model version'),
  at: isoDateTime,
});
export type TriageResult = z.infer<typeof triageResult>;

export const investigatorKind = z.enum(['external', 'llm', 'checklist']);
export type InvestigatorKind = z.infer<typeof investigatorKind>;

/** One step of a root-cause investigation, streamed live as it happens. */
export const rcaStep = z.object({
  seq: z.number().int(),
  investigator: investigatorKind,
  kind: z.enum(['started', 'progress', 'finding', 'failed', 'completed']),
  message: z.string(),
  at: isoDateTime,
});
export type RcaStep = z.infer<typeof rcaStep>;

/** A root-cause analysis: the state of the latest run and, once finished, its result (`issue.rca`). */
export const rcaResult = z.object({
  runId: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  investigator: investigatorKind.nullable().describe('The investigator whose answer this is'),
  summary: z.string().nullable(),
  probableCause: z.string().nullable(),
  evidence: z.array(z.string()),
  nextSteps: z.array(z.string()),
  actionable: z
    .boolean()
    .nullable()
    .describe('False for a false alarm, an already-fixed problem or a transient blip'),
  confidence: z.number().min(0).max(1).nullable(),
  attempts: z
    .array(
      z.object({
        investigator: investigatorKind,
        outcome: z.enum(['completed', 'failed', 'skipped']),
        error: z.string().nullable(),
      }),
    )
    .describe('Each investigator tried, in order, and why it failed or was skipped'),
  autoResolved: z.boolean().describe('True when Argus resolved the issue because of this result'),
  requestedAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
});
export type RcaResult = z.infer<typeof rcaResult>;

export const rcaResponse = z.object({
  rca: rcaResult.nullable(),
  steps: z.array(rcaStep),
});
export type RcaResponse = z.infer<typeof rcaResponse>;

export const startRcaRequest = z
  .strictObject({
    onlyIfMissing: z
      .boolean()
      .default(false)
      .describe('Start only when the issue was never analysed (what the issue page does when first opened)'),
  })
  .nullish();

export const similarIssue = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  status: issueStatus,
  priority: issuePriority,
  resolutionReason: z.string().nullable(),
  closeReason: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  similarity: z.number().min(0).max(1),
  isLikelyDuplicate: z.boolean().describe('Open and very similar: probably the same problem reported twice'),
});
export type SimilarIssue = z.infer<typeof similarIssue>;
export const similarIssuesResponse = z.object({ items: z.array(similarIssue) });
export type SimilarIssuesResponse = z.infer<typeof similarIssuesResponse>;

export const markDuplicateRequest = z.strictObject({
  duplicateOf: z
    .string()
    .trim()
    .max(64)
    .regex(/^([0-9a-f-]{36}|[A-Za-z][A-Za-z0-9]{0,9}-\d{1,12})$/, {
      message: 'must be an issue id or key like ARG-42',
    })
    .describe('The issue this one duplicates'),
  note: requiredText(500).optional(),
});

/** Health of one outside AI path as the settings page shows it. */
const circuitState = z.enum(['closed', 'open', 'half_open']);
export const aiStatusResponse = z.object({
  activeTriagePath: triageSource.describe('What triages a new issue right now'),
  activeInvestigators: z.array(investigatorKind).describe('Tried in this order'),
  llm: z.object({
    configured: z.boolean(),
    baseUrl: z.string().nullable(),
    model: z.string().nullable(),
    fastModel: z.string().nullable(),
    circuit: circuitState.nullable().describe('open: the endpoint failed repeatedly and is given a rest'),
    lastSuccessAt: isoDateTime.nullable(),
    lastFailureAt: isoDateTime.nullable(),
    lastError: z.string().nullable(),
  }),
  investigator: z.object({
    configured: z.boolean(),
    url: z.string().nullable(),
    timeoutSeconds: z.number().int(),
    circuit: circuitState.nullable(),
    lastSuccessAt: isoDateTime.nullable(),
    lastFailureAt: isoDateTime.nullable(),
    lastError: z.string().nullable(),
  }),
  localModel: z.object({
    trainedAt: isoDateTime.nullable(),
    exampleCount: z.number().int(),
    teamCount: z.number().int(),
    version: z.string().nullable(),
  }),
  categories: z.array(z.string()),
});
export type AiStatusResponse = z.infer<typeof aiStatusResponse>;
