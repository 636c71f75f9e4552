import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../lib/errors.js';
import { generateToken, hashPassword, hashToken, verifyPassword } from '../../lib/secrets.js';
import type { Authentication, UserActor } from '../access/index.js';
import * as users from '../users/index.js';
import * as repo from './auth.repository.js';
import type { OidcClaims } from './oidc-sign-in.js';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  sessionTtlHours: number;
  /** How long a resolved credential is reused in this process (0 turns the cache off). */
  credentialCacheSeconds: number;
  /** SSO rules: only this e-mail domain may sign in; these e-mails become admins. */
  sso: { allowedEmailDomain?: string | undefined; adminEmails: readonly string[] };
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
}

export type AuthService = ReturnType<typeof createAuthService>;

// A wrong e-mail still pays for one scrypt, so the answer time does not reveal which addresses exist.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

/** Sign-in, sessions, API tokens and the first admin. */
export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock } = deps;
  // Every request resolves its credential; reusing the answer briefly saves a query per request. Any change to
  // people, memberships, sessions or tokens made through this process empties the cache at once; other
  // servers see such a change within credentialCacheSeconds.
  const credentialCache = new Map<string, { authentication: Authentication; expiresAtMs: number }>();
  const MAX_CACHED_CREDENTIALS = 10_000;
  const forgetCachedCredentials = () => credentialCache.clear();

  async function issueSession(userId: string): Promise<IssuedSession> {
    const now = clock.now();
    const token = generateToken('argus_session');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
    await repo.insertSession(db, { id: hashToken(token), userId, csrfToken, createdAt: now, expiresAt });
    await users.updateUserRow(db, userId, { lastLoginAt: now });
    return { token, csrfToken, expiresAt, userId };
  }

  async function loadActor(userId: string): Promise<UserActor> {
    const user = await users.findUserById(db, userId);
    if (!user?.isActive) throw new UnauthenticatedError('Your account is deactivated or no longer exists.');
    const memberships = await users.listActiveMemberships(db, [userId]);
    return {
      kind: 'user',
      userId: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.isAdmin,
      managerTeamIds: memberships.filter((m) => m.role === 'manager').map((m) => m.teamId),
      agentTeamIds: memberships.filter((m) => m.role === 'agent').map((m) => m.teamId),
    };
  }

  async function createAdmin(tx: Db, input: { email: string; name: string; password: string }) {
    return users.insertUser(tx, {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: true,
    });
  }

  async function resolveCredential(
    id: string,
    isApiToken: boolean,
    now: Date,
  ): Promise<Authentication | undefined> {
    if (isApiToken) {
      const owner = await repo.findApiTokenOwner(db, id, now);
      if (!owner) return undefined;
      // Last use is informational: write it at most once a minute per token, not on every request.
      if (!owner.lastUsedAt || now.getTime() - owner.lastUsedAt.getTime() > 60_000)
        await repo.touchApiToken(db, owner.tokenId, now);
      return { actor: toUserActor(owner), via: 'api_token' };
    }
    const owner = await repo.findSessionOwner(db, id, now);
    if (!owner) return undefined;
    return {
      actor: toUserActor(owner),
      via: 'session',
      sessionId: owner.sessionId,
      csrfToken: owner.csrfToken,
    };
  }

  return {
    loadActor,

    /** Checks e-mail and password; a wrong password and an unknown e-mail get the same answer. */
    async login(email: string, password: string): Promise<IssuedSession> {
      const user = await users.findUserByEmail(db, email.trim());
      const isValid = user?.passwordHash
        ? await verifyPassword(password, user.passwordHash)
        : await verifyPassword(password, await decoyHash);
      if (!user?.isActive || !isValid)
        throw new UnauthenticatedError('Wrong e-mail or password.', 'INVALID_CREDENTIALS');
      return issueSession(user.id);
    },

    async logout(sessionId: string): Promise<void> {
      await repo.deleteSession(db, sessionId);
      forgetCachedCredentials();
    },

    forgetCachedCredentials,

    /** Resolves a bearer secret (login token or API token) or a session cookie to the acting person. */
    async authenticate(secret: string): Promise<Authentication | undefined> {
      const now = clock.now();
      const id = hashToken(secret);
      const cached = credentialCache.get(id);
      if (cached && cached.expiresAtMs > now.getTime()) return cached.authentication;
      const authentication = await resolveCredential(id, secret.startsWith('argus_pat_'), now);
      if (authentication && deps.credentialCacheSeconds > 0) {
        if (credentialCache.size >= MAX_CACHED_CREDENTIALS) credentialCache.clear();
        credentialCache.set(id, {
          authentication,
          expiresAtMs: now.getTime() + deps.credentialCacheSeconds * 1000,
        });
      }
      return authentication;
    },

    async needsSetup(): Promise<boolean> {
      return (await users.countUsers(db)) === 0;
    },

    /** Creates the first admin from the first-run form; refused once any user exists. */
    async setupFirstAdmin(input: { email: string; name: string; password: string }): Promise<IssuedSession> {
      const user = await db.transaction(async (tx) => {
        // Two first-run forms sent at once: the lock makes the second see the first's user and stop.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('argus.first-admin'))`);
        if ((await users.countUsers(tx)) > 0) {
          throw new ConflictError('Argus is already set up; sign in instead.', 'ALREADY_SET_UP');
        }
        return createAdmin(tx, input);
      });
      return issueSession(user.id);
    },

    /** Creates the admin named by ARGUS_ADMIN_EMAIL when no user has that e-mail; returns whether it did. */
    async ensureBootstrapAdmin(input: { email: string; name: string; password: string }): Promise<boolean> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('argus.first-admin'))`);
        if (await users.findUserByEmail(tx, input.email)) return false;
        await createAdmin(tx, input);
        return true;
      });
    },

    /** Signs in (creating or linking the account) with claims from the identity provider. */
    async signInWithOidc(claims: OidcClaims): Promise<IssuedSession> {
      const email = claims.email.trim().toLowerCase();
      if (claims.emailVerified === false)
        throw new ForbiddenError(`The identity provider has not verified ${email}.`, 'EMAIL_NOT_VERIFIED');
      const domain = deps.sso.allowedEmailDomain?.toLowerCase();
      if (domain && !email.endsWith(`@${domain}`)) {
        throw new ForbiddenError(
          `Only ${domain} accounts may sign in here; ${email} is not one.`,
          'EMAIL_DOMAIN_NOT_ALLOWED',
        );
      }
      const isListedAdmin = deps.sso.adminEmails.includes(email);
      const user = await db.transaction(async (tx) => {
        const existing =
          (await users.findUserByOidcSubject(tx, claims.subject)) ?? (await users.findUserByEmail(tx, email));
        if (existing) {
          if (!existing.isActive)
            throw new ForbiddenError(`The account ${email} is deactivated.`, 'ACCOUNT_DEACTIVATED');
          return (
            (await users.updateUserRow(tx, existing.id, {
              oidcSubject: claims.subject,
              isAdmin: existing.isAdmin || isListedAdmin,
              updatedAt: clock.now(),
            })) ?? existing
          );
        }
        return users.insertUser(tx, {
          email,
          name: claims.name?.trim() || email.split('@')[0]!,
          oidcSubject: claims.subject,
          isAdmin: isListedAdmin,
        });
      });
      return issueSession(user.id);
    },

    async createApiToken(actor: UserActor, input: { name: string; expiresInDays?: number | undefined }) {
      const now = clock.now();
      const token = generateToken('argus_pat');
      const row = await repo.insertApiToken(db, {
        userId: actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, 14),
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      });
      return { row, token };
    },

    async listApiTokens(actor: UserActor) {
      return repo.listApiTokensOfUser(db, actor.userId);
    },

    async revokeApiToken(actor: UserActor, id: string): Promise<void> {
      if (!(await repo.revokeApiToken(db, actor.userId, id, clock.now()))) {
        throw new NotFoundError(`You have no active API token with id "${id}".`, 'TOKEN_NOT_FOUND');
      }
      forgetCachedCredentials();
    },

    /** Deletes expired sessions; idempotent, run daily by a job. */
    async purgeExpiredSessions(): Promise<number> {
      return repo.deleteExpiredSessions(db, clock.now());
    },
  };
}

function toUserActor(owner: repo.CredentialOwner): UserActor {
  return {
    kind: 'user',
    userId: owner.userId,
    name: owner.name,
    email: owner.email,
    isAdmin: owner.isAdmin,
    managerTeamIds: owner.memberships.filter((m) => m.role === 'manager').map((m) => m.teamId),
    agentTeamIds: owner.memberships.filter((m) => m.role === 'agent').map((m) => m.teamId),
  };
}
