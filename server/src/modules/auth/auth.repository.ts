import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, sessions, teamMembers, users } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert into api_tokens returned no row');
  return row;
}

/** Stamps last use at most once a minute per token, so busy scripts do not write on every request. */
export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
        ),
      ),
    );
}

export async function listApiTokensOfUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** A credential's owner with their active memberships, resolved in one query (it runs on every request). */
export interface CredentialOwner {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  memberships: { teamId: string; role: 'manager' | 'agent' }[];
}

const ownerColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  isAdmin: users.isAdmin,
  memberships: sql<
    CredentialOwner['memberships'] | string
  >`coalesce((select json_agg(json_build_object('teamId', m.team_id, 'role', m.role)) from ${teamMembers} m where m.user_id = ${users.id} and m.is_active), '[]'::json)`,
};

function toOwner<T extends { memberships: CredentialOwner['memberships'] | string }>(row: T) {
  return {
    ...row,
    memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
  } as Omit<T, 'memberships'> & {
    memberships: CredentialOwner['memberships'];
  };
}

/** The active owner of a live session (by the hash of its secret), with the session's CSRF token. */
export async function findSessionOwner(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ ...ownerColumns, sessionId: sessions.id, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.isActive, true)))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row ? toOwner(row) : undefined;
}

/** The active owner of a live (unrevoked, unexpired) API token, with the token's id and last use. */
export async function findApiTokenOwner(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ ...ownerColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.isActive, true)))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row ? toOwner(row) : undefined;
}
