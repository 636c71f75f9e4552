import { z } from 'zod';

/** The one error shape every endpoint answers with on failure. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string().describe('Stable SCREAMING_SNAKE code, e.g. VALIDATION_FAILED'),
    message: z.string().describe('What went wrong, in words meant for the person who sent the request'),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const uuid = z.uuid({ message: 'expected a UUID' });
export const isoDateTime = z.string().describe('ISO 8601 timestamp');

/** Free text with a bound, trimmed; `max` counts characters. */
export const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
export const requiredText = (max: number) => boundedText(max).min(1, { message: 'must not be empty' });

/** Paging parameters shared by list endpoints. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const pageInfo = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const userRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof userRef>;

export const teamRef = z.object({ id: z.string(), name: z.string() });
export type TeamRef = z.infer<typeof teamRef>;

/** The client-error answers an endpoint may give, for its response schema map (all share `errorResponse`). */
export const clientErrorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
  429: errorResponse,
} as const;

/** A path holding one UUID, e.g. `/api/teams/:id`. */
export const idParam = z.strictObject({ id: uuid });

export const issueStatus = z.enum(['open', 'acknowledged', 'in_progress', 'resolved', 'closed']);
export type IssueStatus = z.infer<typeof issueStatus>;
export const issuePriority = z.enum(['critical', 'high', 'medium', 'low']);
export type IssuePriority = z.infer<typeof issuePriority>;
export const issueSource = z.enum(['manual', 'api', 'slack', 'alert', 'status', 'anomaly']);
export type IssueSource = z.infer<typeof issueSource>;
