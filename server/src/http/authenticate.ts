import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../lib/errors.js';
import type { Authentication, UserActor } from '../modules/access/index.js';

export const SESSION_COOKIE = 'argus_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authentication | undefined;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (login, first-run setup, health, OIDC). */
    isPublic?: boolean;
  }
}

/**
 * Resolves the caller on every /api request: `Authorization: Bearer` (login or API token) or the session cookie.
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`; bearer calls need not,
 * because a browser never attaches them on its own.
 */
export function registerAuthentication(
  app: FastifyInstance,
  auth: { authenticate(secret: string): Promise<Authentication | undefined> },
): void {
  app.decorateRequest('auth', undefined);
  app.addHook('onRequest', async (request) => {
    // The API description is public, like the API reference of any product.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const header = request.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    const isPublic = request.routeOptions.config?.isPublic === true;
    if (header && !bearer)
      throw new UnauthenticatedError(
        'The Authorization header must be "Bearer <token>".',
        'MALFORMED_AUTHORIZATION',
      );
    const secret = bearer ?? cookie;
    if (secret) request.auth = await auth.authenticate(secret);
    if (bearer && !request.auth && !isPublic) {
      throw new UnauthenticatedError('The bearer token is unknown, expired or revoked.', 'INVALID_TOKEN');
    }
    if (!request.auth) {
      if (isPublic) return;
      throw new UnauthenticatedError();
    }
    if (
      !bearer &&
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== request.auth.csrfToken
    ) {
      throw new ForbiddenError(
        'Missing or wrong X-CSRF-Token header for a cookie-authenticated change.',
        'CSRF_FAILED',
      );
    }
  });
}

/** The signed-in person behind a request that passed authentication. */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth.actor;
}
