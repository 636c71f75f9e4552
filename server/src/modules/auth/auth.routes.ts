import {
  authConfigResponse,
  clientErrorResponses,
  createTokenRequest,
  createTokenResponse,
  idParam,
  loginRequest,
  loginResponse,
  meResponse,
  setupRequest,
  tokenListResponse,
} from '@argus/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf, SESSION_COOKIE } from '../../http/authenticate.js';
import { NotFoundError, RateLimitedError, ValidationError } from '../../lib/errors.js';
import { roleOf } from '../access/index.js';
import { listActiveMemberships } from '../users/index.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import type { OidcChecks, OidcSignIn } from './oidc-sign-in.js';

const errors = clientErrorResponses;
const tags = ['auth'];
const OIDC_COOKIE = 'argus_oidc';

export interface AuthRouteDeps {
  db: Db;
  auth: AuthService;
  oidc: OidcSignIn | undefined;
  oidcDisplayName: string;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
}

/** Sign-in (password, first run, OpenID Connect), sign-out, who am I, and personal API tokens. */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { auth } = deps;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: deps.cookieSecure, path: '/' };
  const loginLimit = {
    max: deps.loginRateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: () =>
      new RateLimitedError('Too many sign-in attempts; wait a minute and try again.'),
  };

  function setSessionCookie(reply: FastifyReply, session: IssuedSession) {
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
  }

  const sessionBody = (session: IssuedSession) => ({
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    csrfToken: session.csrfToken,
  });

  api.get(
    '/api/auth/config',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'What the sign-in page should offer', response: { 200: authConfigResponse } },
    },
    async () => ({
      needsSetup: await auth.needsSetup(),
      oidc: { enabled: deps.oidc !== undefined, displayName: deps.oidcDisplayName },
    }),
  );

  api.post(
    '/api/auth/login',
    {
      config: { isPublic: true, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: loginRequest,
        response: { 200: loginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const session = await auth.login(request.body.email, request.body.password);
      setSessionCookie(reply, session);
      return sessionBody(session);
    },
  );

  api.post(
    '/api/auth/setup',
    {
      config: { isPublic: true, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Create the first admin (only while no user exists)',
        body: setupRequest,
        response: { 201: loginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const session = await auth.setupFirstAdmin(request.body);
      setSessionCookie(reply, session);
      return reply.code(201).send(sessionBody(session));
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      if (request.auth?.sessionId) await auth.logout(request.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/auth/me',
    { schema: { tags, summary: 'The signed-in person', response: { 200: meResponse, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const memberships = await listActiveMemberships(deps.db, [actor.userId]);
      return {
        id: actor.userId,
        email: actor.email,
        name: actor.name,
        isAdmin: actor.isAdmin,
        role: roleOf(actor),
        memberships: memberships.map(({ teamId, teamName, role }) => ({ teamId, teamName, role })),
        csrfToken: request.auth?.csrfToken ?? null,
      };
    },
  );

  api.get(
    '/api/auth/oidc/start',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'Begin sign-in with the identity provider (redirects)' },
    },
    async (_request, reply) => {
      if (!deps.oidc)
        throw new NotFoundError(
          'Single sign-on is not configured (set OIDC_CLIENT_ID).',
          'OIDC_NOT_CONFIGURED',
        );
      const { url, checks } = await deps.oidc.start();
      reply.setCookie(OIDC_COOKIE, Buffer.from(JSON.stringify(checks)).toString('base64url'), {
        ...cookieOptions,
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(url);
    },
  );

  api.get(
    '/api/auth/oidc/callback',
    {
      config: { isPublic: true, rateLimit: loginLimit },
      schema: { tags, summary: 'Where the identity provider sends the browser back' },
    },
    async (request, reply) => {
      if (!deps.oidc)
        throw new NotFoundError(
          'Single sign-on is not configured (set OIDC_CLIENT_ID).',
          'OIDC_NOT_CONFIGURED',
        );
      const checks = readChecks(request.cookies[OIDC_COOKIE]);
      reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc' });
      const callbackUrl = new URL(request.url, `${request.protocol}://${request.host}`);
      const session = await auth.signInWithOidc(await deps.oidc.finish(callbackUrl, checks));
      setSessionCookie(reply, session);
      return reply.redirect('/');
    },
  );

  api.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens',
        response: { 200: tokenListResponse, ...errors },
      },
    },
    async (request) => ({
      items: (await auth.listApiTokens(actorOf(request))).map(toTokenResponse),
    }),
  );

  api.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for yourself',
        body: createTokenRequest,
        response: { 201: createTokenResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { row, token } = await auth.createApiToken(actorOf(request), request.body);
      return reply.code(201).send({ ...toTokenResponse(row), token });
    },
  );

  api.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of your API tokens',
        params: idParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await auth.revokeApiToken(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

function readChecks(cookie: string | undefined): OidcChecks {
  try {
    const parsed = JSON.parse(Buffer.from(cookie ?? '', 'base64url').toString()) as Partial<OidcChecks>;
    if (parsed.state && parsed.nonce && parsed.codeVerifier) return parsed as OidcChecks;
  } catch {
    // fall through to the error below
  }
  throw new ValidationError(
    'The sign-in took too long or cookies are blocked; start again.',
    undefined,
    'OIDC_STATE_MISSING',
  );
}

function toTokenResponse(row: {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
