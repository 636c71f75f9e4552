import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { teamMembers, teams, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export interface MembershipRow {
  userId: string;
  teamId: string;
  teamName: string;
  role: 'manager' | 'agent';
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserByOidcSubject(db: Db, subject: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.oidcSubject, subject));
  return row;
}

export async function findUserBySlackId(db: Db, slackUserId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.slackUserId, slackUserId));
  return row;
}

export async function insertUser(tx: Db, values: NewUserRow): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function updateUserRow(
  tx: Db,
  id: string,
  values: Partial<NewUserRow>,
): Promise<UserRow | undefined> {
  const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.isAdmin, true), eq(users.isActive, true)));
  return row?.count ?? 0;
}

/** Active memberships of the given people, with team names. */
export async function listActiveMemberships(db: Db, userIds: readonly string[]): Promise<MembershipRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: teamMembers.userId,
      teamId: teamMembers.teamId,
      teamName: teams.name,
      role: teamMembers.role,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(inArray(teamMembers.userId, [...userIds]), eq(teamMembers.isActive, true)))
    .orderBy(asc(teams.name));
}

export async function listUserRows(
  db: Db,
  options: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const conditions = [];
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (options.active !== undefined) conditions.push(eq(users.isActive, options.active));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { rows, total: count[0]?.total ?? 0 };
}

/** Slack user ids of the given people, where known. */
export async function listSlackIds(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, slackUserId: users.slackUserId })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.flatMap((row) => (row.slackUserId ? [[row.id, row.slackUserId] as const] : [])));
}
