import { z } from 'zod';
import { requiredText } from './common.js';

export const role = z.enum(['admin', 'manager', 'agent', 'viewer']);
export type Role = z.infer<typeof role>;

export const loginRequest = z.strictObject({
  email: z.string().trim().max(320).min(1, { message: 'must not be empty' }),
  password: z.string().min(1, { message: 'must not be empty' }).max(1024),
});

export const loginResponse = z.object({
  token: z.string().describe('Bearer token for scripts: send as Authorization: Bearer <token>'),
  expiresAt: z.string(),
  csrfToken: z
    .string()
    .describe('Send as X-CSRF-Token on state-changing requests made with the session cookie'),
});

export const setupRequest = z.strictObject({
  email: z.email({ message: 'must be an e-mail address' }).max(320),
  name: requiredText(120),
  password: z.string().min(12, { message: 'must be at least 12 characters' }).max(1024),
});

export const membershipSummary = z.object({
  teamId: z.string(),
  teamName: z.string(),
  role: z.enum(['manager', 'agent']),
});

export const meResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  role: role.describe('Highest role: admin, else manager of any team, else agent of any team, else viewer'),
  memberships: z.array(membershipSummary),
  csrfToken: z.string().nullable().describe('Present for cookie sessions'),
});

export const authConfigResponse = z.object({
  needsSetup: z.boolean().describe('True while no user exists: the first-run form creates the first admin'),
  oidc: z.object({ enabled: z.boolean(), displayName: z.string() }),
});

export const tokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const createTokenRequest = z.strictObject({
  name: requiredText(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const createTokenResponse = tokenResponse.extend({
  token: z.string().describe('Shown once; store it now'),
});

export const tokenListResponse = z.object({ items: z.array(tokenResponse) });

export type MeResponse = z.infer<typeof meResponse>;
export type AuthConfigResponse = z.infer<typeof authConfigResponse>;
export type LoginResponse = z.infer<typeof loginResponse>;
export type TokenResponse = z.infer<typeof tokenResponse>;
export type CreateTokenResponse = z.infer<typeof createTokenResponse>;
