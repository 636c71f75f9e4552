import { z } from 'zod';
import { boundedText, requiredText, uuid } from './common.js';

export const memberRole = z.enum(['manager', 'agent']);
export type MemberRole = z.infer<typeof memberRole>;

const slackChannel = z
  .string()
  .trim()
  .max(80)
  .regex(/^[#]?[a-z0-9][a-z0-9._-]*$|^[CG][A-Z0-9]{6,}$/, {
    message: 'must be a Slack channel name like #payments-oncall or an id like C0123ABCD',
  });

const routingKeywords = z
  .array(requiredText(60).transform((keyword) => keyword.toLowerCase()))
  .max(100, { message: 'must list at most 100 keywords' });

const autoResolveMinConfidence = z
  .number()
  .min(0.5, { message: 'must be between 0.5 and 1' })
  .max(1, { message: 'must be between 0.5 and 1' });

export const teamResponse = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  slackChannel: z.string().nullable(),
  remindersEnabled: z.boolean(),
  reminderIntervalMinutes: z.number().int(),
  reminderStaleMinutes: z.number().int().describe('An active issue unchanged this long gets reminders'),
  slackThreadSync: z.boolean().describe("Replies in an issue's Slack thread become comments on the issue"),
  routingKeywords: z.array(z.string()),
  autoResolveEnabled: z
    .boolean()
    .describe('Argus resolves issues its root-cause analysis finds not actionable'),
  autoResolveMinConfidence: z.number().describe('Only when the analysis is at least this sure (0.5-1)'),
  memberCount: z.number().int(),
  openIssueCount: z.number().int(),
  createdAt: z.string(),
});
export type TeamResponse = z.infer<typeof teamResponse>;

export const createTeamRequest = z.strictObject({
  name: requiredText(80),
  description: boundedText(2000).default(''),
  slackChannel: slackChannel.nullable().optional(),
  remindersEnabled: z.boolean().default(true),
  reminderIntervalMinutes: z.number().int().min(5).max(10_080).default(240),
  reminderStaleMinutes: z.number().int().min(5).max(43_200).default(120),
  slackThreadSync: z.boolean().default(false),
  routingKeywords: routingKeywords.default([]),
  autoResolveEnabled: z.boolean().default(true),
  autoResolveMinConfidence: autoResolveMinConfidence.default(0.8),
});

export const updateTeamRequest = z
  .strictObject({
    name: requiredText(80).optional(),
    description: boundedText(2000).optional(),
    slackChannel: slackChannel.nullable().optional(),
    remindersEnabled: z.boolean().optional(),
    reminderIntervalMinutes: z.number().int().min(5).max(10_080).optional(),
    reminderStaleMinutes: z.number().int().min(5).max(43_200).optional(),
    slackThreadSync: z.boolean().optional(),
    routingKeywords: routingKeywords.optional(),
    autoResolveEnabled: z.boolean().optional(),
    autoResolveMinConfidence: autoResolveMinConfidence.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Send at least one field to change' });

export const teamListResponse = z.object({ items: z.array(teamResponse) });

export const memberResponse = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: memberRole,
  isActive: z.boolean(),
  openIssueCount: z.number().int().describe('Open issues assigned to this person, across all teams'),
  lastAssignedAt: z.string().nullable(),
});
export type MemberResponse = z.infer<typeof memberResponse>;

export const addMemberRequest = z.strictObject({
  userId: uuid,
  role: memberRole.default('agent'),
});

export const updateMemberRequest = z
  .strictObject({ role: memberRole.optional(), isActive: z.boolean().optional() })
  .refine((value) => Object.keys(value).length > 0, { message: 'Send at least one field to change' });

export const memberListResponse = z.object({ items: z.array(memberResponse) });

export const assignableQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  teamId: uuid.optional(),
});

export const assignableResponse = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      teams: z.array(z.object({ id: z.string(), name: z.string(), role: memberRole })),
      openIssueCount: z.number().int(),
    }),
  ),
});

export type CreateTeamRequest = z.input<typeof createTeamRequest>;
export type UpdateTeamRequest = z.input<typeof updateTeamRequest>;
export type AssignableResponse = z.infer<typeof assignableResponse>;
