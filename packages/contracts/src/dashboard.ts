import { z } from 'zod';
import { rcaStep } from './intelligence.js';
import { historyEntryResponse } from './issues.js';

export const dashboardStatsResponse = z.object({
  open: z.number().int().describe('Issues not resolved or closed'),
  critical: z.number().int().describe('Open critical issues'),
  high: z.number().int().describe('Open high-priority issues'),
  unassigned: z.number().int().describe('Open issues nobody is assigned to'),
  resolvedToday: z.number().int().describe('Issues resolved since midnight UTC'),
  mttaSeconds: z.number().nullable().describe('Mean time to acknowledge over the last 30 days'),
  mttrSeconds: z.number().nullable().describe('Mean time to resolve over the last 30 days'),
});

export const teamStatsResponse = z.object({
  items: z.array(
    z.object({
      teamId: z.string().nullable(),
      teamName: z.string(),
      open: z.number().int(),
      resolved: z.number().int().describe('Resolved or closed in the last 30 days'),
      critical: z.number().int(),
    }),
  ),
});

export const recentActivityQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const recentActivityResponse = z.object({
  items: z.array(
    historyEntryResponse.extend({
      issueKey: z.string(),
      issueTitle: z.string(),
      summary: z.string().describe('Human-readable line, e.g. "Priya resolved ARG-42: Fixed in production"'),
    }),
  ),
});

/** One message on the live event stream (`GET /api/events`). */
export const liveEvent = z.object({
  type: z.enum(['issue.created', 'issue.updated', 'issue.history', 'issue.rca']),
  issueId: z.string(),
  issueKey: z.string(),
  at: z.string(),
  history: historyEntryResponse.optional(),
  rcaStep: rcaStep.optional().describe('On issue.rca: the investigation step that just happened'),
});
export type LiveEvent = z.infer<typeof liveEvent>;

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  checks: z.object({
    database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  }),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export type DashboardStatsResponse = z.infer<typeof dashboardStatsResponse>;
export type TeamStatsResponse = z.infer<typeof teamStatsResponse>;
export type RecentActivityResponse = z.infer<typeof recentActivityResponse>;
