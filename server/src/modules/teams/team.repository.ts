import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { issues, teamMembers, teams, users } from '../../db/schema/index.js';

export type TeamRow = typeof teams.$inferSelect;
export type NewTeamRow = typeof teams.$inferInsert;

const ACTIVE = sql`('open', 'acknowledged', 'in_progress')`;

/**
 * Teams with their active member count and open issue count, by name. The outer team is named "teams"."id"
 * explicitly: drizzle writes the columns of a one-table select unqualified, so `${teams.id}` inside the
 * subquery would resolve to the subquery's own id column.
 */
export async function listTeamRows(db: Db, ids?: readonly string[]) {
  return db
    .select({
      team: teams,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = "teams"."id" and m.is_active)`,
      openIssueCount: sql<number>`(select count(*)::int from ${issues} i where i.team_id = "teams"."id" and i.status in ${ACTIVE})`,
    })
    .from(teams)
    .where(ids ? inArray(teams.id, [...ids]) : undefined)
    .orderBy(asc(teams.name));
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}

export async function findTeamByName(db: Db, name: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(sql`lower(${teams.name}) = ${name.toLowerCase()}`);
  return row;
}

export async function insertTeam(db: Db, values: NewTeamRow): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  if (!row) throw new Error('insert into teams returned no row');
  return row;
}

export async function updateTeamRow(db: Db, id: string, values: Partial<NewTeamRow>): Promise<void> {
  await db.update(teams).set(values).where(eq(teams.id, id));
}

export async function deleteTeamRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(teams).where(eq(teams.id, id)).returning({ id: teams.id });
  return rows.length > 0;
}

const memberColumns = {
  id: teamMembers.id,
  teamId: teamMembers.teamId,
  teamName: teams.name,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
  role: teamMembers.role,
  isActive: teamMembers.isActive,
  lastAssignedAt: teamMembers.lastAssignedAt,
};

export type MemberRow = Awaited<ReturnType<typeof findMember>> & object;

export async function listMemberRows(db: Db, teamId: string) {
  return db
    .select(memberColumns)
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name));
}

export async function findMember(db: Db, id: string) {
  const [row] = await db
    .select(memberColumns)
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.id, id));
  return row;
}

export async function findMembership(db: Db, teamId: string, userId: string) {
  const [row] = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row;
}

export async function insertMember(db: Db, values: typeof teamMembers.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamMembers).values(values).returning({ id: teamMembers.id });
  if (!row) throw new Error('insert into team_members returned no row');
  return row.id;
}

export async function updateMemberRow(
  db: Db,
  id: string,
  values: { role?: 'manager' | 'agent'; isActive?: boolean },
): Promise<void> {
  await db.update(teamMembers).set(values).where(eq(teamMembers.id, id));
}

export async function deleteMemberRow(db: Db, id: string): Promise<void> {
  await db.delete(teamMembers).where(eq(teamMembers.id, id));
}

/** Active people in active memberships (optionally of one team, optionally matching a name or e-mail). */
export async function listAssignableRows(
  db: Db,
  options: { q?: string | undefined; teamId?: string | undefined },
) {
  const conditions = [eq(teamMembers.isActive, true), eq(users.isActive, true)];
  if (options.teamId) conditions.push(eq(teamMembers.teamId, options.teamId));
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`);
  }
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      teamId: teams.id,
      teamName: teams.name,
      role: teamMembers.role,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(teams.name))
    .limit(1000);
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}
