import { z } from 'zod';
import {
  boundedText,
  isoDateTime,
  issuePriority,
  issueSource,
  issueStatus,
  pageInfo,
  pageQuery,
  requiredText,
  teamRef,
  userRef,
  uuid,
} from './common.js';
import { rcaResult, triageResult } from './intelligence.js';

const labels = z
  .record(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.\-/]+$/, { message: 'label names use letters, digits, _ . - /' }),
    z.string().max(500),
  )
  .refine((value) => Object.keys(value).length <= 50, { message: 'at most 50 labels' });

const shortName = boundedText(120);

export const issueResponse = z.object({
  id: z.string(),
  key: z.string().describe('Human key, e.g. ARG-42'),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: issueStatus,
  priority: issuePriority,
  category: z.string().nullable(),
  team: teamRef.nullable(),
  source: issueSource,
  dedupKey: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  service: z.string().nullable(),
  environment: z.string().nullable(),
  slack: z.object({ channelId: z.string(), threadTs: z.string().nullable() }).nullable(),
  assignees: z.array(userRef),
  createdBy: userRef.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  acknowledgedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  resolutionReason: z.string().nullable(),
  closeReason: z.string().nullable(),
  triage: triageResult.nullable().describe('Result of automatic triage, once it ran'),
  rca: rcaResult.nullable().describe('The latest root-cause analysis, once one was requested'),
  duplicateOf: z
    .object({ id: z.string(), key: z.string() })
    .nullable()
    .describe('Set when a person marked this issue a duplicate of another'),
});
export type IssueResponse = z.infer<typeof issueResponse>;

export const createIssueRequest = z.strictObject({
  title: requiredText(200),
  description: boundedText(20_000).default(''),
  priority: issuePriority
    .optional()
    .describe('Omit to let triage decide (medium until it runs); a priority sent here is never overwritten'),
  category: shortName.min(1).nullable().optional(),
  teamId: uuid.nullable().optional().describe('Omit to let triage choose the team'),
  assigneeIds: z
    .array(uuid)
    .max(20)
    .optional()
    .describe('Assign these people; omit to auto-assign within the team'),
  labels: labels.default({}),
  service: shortName.min(1).nullable().optional(),
  environment: shortName.min(1).nullable().optional(),
  dedupKey: boundedText(200).min(1).nullable().optional(),
});
export type CreateIssueRequest = z.infer<typeof createIssueRequest>;

export const updateIssueRequest = z
  .strictObject({
    title: requiredText(200).optional(),
    description: boundedText(20_000).optional(),
    status: z
      .enum(['open', 'acknowledged', 'in_progress'], {
        message: 'must be open, acknowledged or in_progress (resolve and close have their own endpoints)',
      })
      .optional(),
    priority: issuePriority.optional(),
    category: shortName.min(1).nullable().optional(),
    teamId: uuid.nullable().optional(),
    labels: labels.optional(),
    service: shortName.min(1).nullable().optional(),
    environment: shortName.min(1).nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Send at least one field to change' });
export type UpdateIssueRequest = z.infer<typeof updateIssueRequest>;

export const resolveIssueRequest = z.strictObject({
  reason: requiredText(2000).describe('How was this fixed?'),
});
export const closeIssueRequest = z.strictObject({
  reason: requiredText(2000).describe('Why are you closing this?'),
});
export const reopenIssueRequest = z.strictObject({ reason: boundedText(2000).optional() }).nullish();

export const setAssigneesRequest = z
  .strictObject({
    add: z.array(uuid).max(20).default([]),
    remove: z.array(uuid).max(20).default([]),
  })
  .refine((value) => value.add.length + value.remove.length > 0, { message: 'Send people to add or remove' });

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50));

export const issueSort = z.enum([
  'created',
  '-created',
  'updated',
  '-updated',
  'priority',
  '-priority',
  'relevance',
]);

export const listIssuesQuery = z.strictObject({
  ...pageQuery,
  status: csv(issueStatus).optional().describe('Comma-separated, e.g. open,acknowledged'),
  priority: csv(issuePriority).optional(),
  source: csv(issueSource).optional(),
  teamId: csv(z.union([uuid, z.literal('none')]))
    .optional()
    .describe('Team ids, or none for issues without a team'),
  assignee: csv(z.union([uuid, z.literal('me'), z.literal('none')]))
    .optional()
    .describe('User ids, me, or none for unassigned issues'),
  service: csv(z.string().max(120)).optional(),
  createdFrom: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' }).optional(),
  createdTo: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' }).optional(),
  q: z.string().trim().max(200).optional().describe('Full-text search over title, description and comments'),
  sort: issueSort.default('-created'),
});
export type ListIssuesQuery = z.infer<typeof listIssuesQuery>;

/** Full-text searches count matches only up to this many; the page says when the total stopped there. */
export const SEARCH_COUNT_CAP = 1000;

export const issueListResponse = z.object({
  items: z.array(issueResponse),
  page: pageInfo.extend({
    totalIsCapped: z
      .boolean()
      .describe(
        `True when a full-text search matched more than ${SEARCH_COUNT_CAP} issues: total then reads ${SEARCH_COUNT_CAP}`,
      ),
  }),
});

export const historyEntryResponse = z.object({
  id: z.number().int(),
  issueId: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string().describe('created, status_changed, resolved, closed, reopened, assigned, unassigned, …'),
  from: z.string().nullable(),
  to: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: isoDateTime,
});
export type HistoryEntryResponse = z.infer<typeof historyEntryResponse>;
export const historyListResponse = z.object({ items: z.array(historyEntryResponse) });

export const commentResponse = z.object({
  id: z.string(),
  issueId: z.string(),
  author: z.object({ id: z.string().nullable(), name: z.string() }),
  body: z.string(),
  createdAt: isoDateTime,
});
export const createCommentRequest = z.strictObject({ body: requiredText(10_000) });
export const commentListResponse = z.object({ items: z.array(commentResponse) });

export const issueIdParam = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^([0-9a-f-]{36}|[A-Za-z][A-Za-z0-9]{0,9}-\d{1,12})$/, {
      message: 'must be an issue id or key like ARG-42',
    }),
});

export type IssueListResponse = z.infer<typeof issueListResponse>;
export type CommentResponse = z.infer<typeof commentResponse>;
export type IssueSort = z.infer<typeof issueSort>;
