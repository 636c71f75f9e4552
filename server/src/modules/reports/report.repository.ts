import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { issueAssignees, issueHistory, issues, teams } from '../../db/schema/index.js';

const ACTIVE = ['open', 'acknowledged', 'in_progress'] as const;

/** Headline counts and 30-day mean response times, in one round trip. */
export async function readDashboardStats(db: Db, startOfDay: Date, windowStart: Date) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${issues.status} in ('open', 'acknowledged', 'in_progress'))::int`,
      critical: sql<number>`count(*) filter (where ${issues.status} in ('open', 'acknowledged', 'in_progress') and ${issues.priority} = 'critical')::int`,
      high: sql<number>`count(*) filter (where ${issues.status} in ('open', 'acknowledged', 'in_progress') and ${issues.priority} = 'high')::int`,
      unassigned: sql<number>`count(*) filter (where ${issues.status} in ('open', 'acknowledged', 'in_progress') and not exists (select 1 from ${issueAssignees} a where a.issue_id = "issues"."id"))::int`,
      resolvedToday: sql<number>`count(*) filter (where ${issues.resolvedAt} >= ${startOfDay.toISOString()}::timestamptz)::int`,
      mttaSeconds: sql<
        number | null
      >`avg(extract(epoch from ${issues.acknowledgedAt} - ${issues.createdAt})) filter (where ${issues.acknowledgedAt} >= ${windowStart.toISOString()}::timestamptz)`,
      mttrSeconds: sql<
        number | null
      >`avg(extract(epoch from ${issues.resolvedAt} - ${issues.createdAt})) filter (where ${issues.resolvedAt} >= ${windowStart.toISOString()}::timestamptz)`,
    })
    .from(issues);
  return row!;
}

/** Per team: open, critical open, and resolved or closed since `windowStart`; issues without a team last. */
export async function readTeamStats(db: Db, windowStart: Date) {
  return db
    .select({
      teamId: issues.teamId,
      teamName: sql<string>`coalesce(${teams.name}, 'No team')`,
      open: sql<number>`count(*) filter (where ${inArray(issues.status, [...ACTIVE])})::int`,
      critical: sql<number>`count(*) filter (where ${inArray(issues.status, [...ACTIVE])} and ${issues.priority} = 'critical')::int`,
      resolved: sql<number>`count(*) filter (where coalesce(${issues.resolvedAt}, ${issues.closedAt}) >= ${windowStart.toISOString()}::timestamptz)::int`,
    })
    .from(issues)
    .leftJoin(teams, eq(teams.id, issues.teamId))
    .groupBy(issues.teamId, teams.name)
    .orderBy(sql`${teams.name} nulls last`);
}

/** The latest history entries across all issues, with the issue's number and title. */
export async function listRecentHistory(db: Db, limit: number) {
  return db
    .select({ entry: issueHistory, number: issues.number, title: issues.title })
    .from(issueHistory)
    .innerJoin(issues, eq(issues.id, issueHistory.issueId))
    .orderBy(desc(issueHistory.at), desc(issueHistory.id))
    .limit(limit);
}

/** Open issues by priority, status and team, for the Prometheus gauges. */
export async function countOpenIssuesByLabels(db: Db) {
  return db
    .select({
      priority: issues.priority,
      status: issues.status,
      team: sql<string>`coalesce(${teams.name}, 'none')`,
      count: sql<number>`count(*)::int`,
    })
    .from(issues)
    .leftJoin(teams, eq(teams.id, issues.teamId))
    .where(inArray(issues.status, [...ACTIVE]))
    .groupBy(issues.priority, issues.status, teams.name);
}
