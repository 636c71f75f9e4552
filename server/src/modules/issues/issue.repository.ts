import { createHash } from 'node:crypto';
import { type ListIssuesQuery, SEARCH_COUNT_CAP } from '@argus/contracts';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  comments,
  issueAssignees,
  issueHistory,
  issues,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.js';
import type { CommentRecord, HistoryAction, HistoryRecord, IssueRecord, PersonRef } from './issue.types.js';
import { ACTIVE_STATUSES } from './issue-lifecycle.js';
import type { AssigneeCandidate } from './pick-assignee.js';

type IssueRow = typeof issues.$inferSelect;
export type NewIssueRow = typeof issues.$inferInsert;

const personJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`;

/**
 * An issue with its team name, assignees and author in one row: the people come from correlated subqueries,
 * so a page of issues is one round trip instead of one per relation.
 */
const issueRecordColumns = {
  id: issues.id,
  number: issues.number,
  title: issues.title,
  description: issues.description,
  status: issues.status,
  priority: issues.priority,
  category: issues.category,
  teamId: issues.teamId,
  teamName: teams.name,
  source: issues.source,
  dedupKey: issues.dedupKey,
  labels: issues.labels,
  service: issues.service,
  environment: issues.environment,
  slackChannelId: issues.slackChannelId,
  slackThreadTs: issues.slackThreadTs,
  createdAt: issues.createdAt,
  updatedAt: issues.updatedAt,
  acknowledgedAt: issues.acknowledgedAt,
  resolvedAt: issues.resolvedAt,
  closedAt: issues.closedAt,
  resolutionReason: issues.resolutionReason,
  closeReason: issues.closeReason,
  triage: issues.triage,
  rca: issues.rca,
  duplicateOfId: issues.duplicateOfId,
  duplicateOfNumber: sql<
    number | null
  >`(select d.number from ${issues} d where d.id = "issues"."duplicate_of_id")`.mapWith(Number),
  assignees: sql<
    PersonRef[]
  >`coalesce((select json_agg(${sql.raw(personJson('u'))} order by a.assigned_at, u.name) from ${issueAssignees} a join ${users} u on u.id = a.user_id where a.issue_id = ${issues.id}), '[]'::json)`,
  createdBy: sql<PersonRef | null>`(select ${sql.raw(personJson('c'))} from ${users} c where c.id = ${issues.createdById})`,
};

type IssueRecordRow = { [K in keyof typeof issueRecordColumns]: unknown } & Record<string, unknown>;

function toIssueRecord(row: IssueRecordRow): IssueRecord {
  const { teamId, teamName, assignees, createdBy, duplicateOfId, duplicateOfNumber, ...rest } =
    row as unknown as Omit<IssueRecord, 'team' | 'duplicateOf'> & {
      teamId: string | null;
      teamName: string | null;
      duplicateOfId: string | null;
      duplicateOfNumber: number | null;
    };
  return {
    ...rest,
    duplicateOf:
      duplicateOfId && duplicateOfNumber !== null ? { id: duplicateOfId, number: duplicateOfNumber } : null,
    // pg parses json columns; the embedded driver hands some back as text.
    assignees: typeof assignees === 'string' ? JSON.parse(assignees) : assignees,
    createdBy: typeof createdBy === 'string' ? JSON.parse(createdBy) : createdBy,
    team: teamId && teamName ? { id: teamId, name: teamName } : null,
  };
}

function selectIssueRecords(db: Db) {
  return db.select(issueRecordColumns).from(issues).leftJoin(teams, eq(teams.id, issues.teamId));
}

/** Loads issues by id with team, assignees and author, in the order of `ids`. */
export async function findIssueRecords(db: Db, ids: readonly string[]): Promise<IssueRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectIssueRecords(db).where(inArray(issues.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, toIssueRecord(row)]));
  return ids.map((id) => byId.get(id)).filter((record): record is IssueRecord => record !== undefined);
}

// Opening an issue is the most frequent read: named prepared statements skip query building here and
// parsing and planning in PostgreSQL. Prepared once per database handle.
const preparedIssueLookups = new WeakMap<Db, ReturnType<typeof prepareIssueLookups>>();

function prepareIssueLookups(db: Db) {
  return {
    byId: selectIssueRecords(db)
      .where(eq(issues.id, sql.placeholder('id')))
      .prepare('argus_issue_by_id'),
    byNumber: selectIssueRecords(db)
      .where(eq(issues.number, sql.placeholder('number')))
      .prepare('argus_issue_by_number'),
  };
}

/** Loads one issue by id or by number (the digits of its key), or undefined. */
export async function findIssueRecord(
  db: Db,
  reference: { id: string } | { number: number },
): Promise<IssueRecord | undefined> {
  let lookups = preparedIssueLookups.get(db);
  if (!lookups) {
    lookups = prepareIssueLookups(db);
    preparedIssueLookups.set(db, lookups);
  }
  const [row] = await ('id' in reference
    ? lookups.byId.execute({ id: reference.id })
    : lookups.byNumber.execute({ number: reference.number }));
  return row ? toIssueRecord(row) : undefined;
}

/** Locks an issue row (by id or number) for the rest of the transaction and returns its raw row. */
export async function lockIssue(
  tx: Db,
  reference: { id: string } | { number: number },
): Promise<IssueRow | undefined> {
  const [row] = await tx
    .select()
    .from(issues)
    .where('id' in reference ? eq(issues.id, reference.id) : eq(issues.number, reference.number))
    .for('update');
  return row;
}

export async function insertIssue(tx: Db, values: NewIssueRow): Promise<IssueRow> {
  const [row] = await tx.insert(issues).values(values).returning();
  if (!row) throw new Error('insert into issues returned no row');
  return row;
}

export async function updateIssueRow(tx: Db, id: string, values: Partial<NewIssueRow>): Promise<void> {
  await tx.update(issues).set(values).where(eq(issues.id, id));
}

export async function listAssigneeIds(db: Db, issueId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: issueAssignees.userId })
    .from(issueAssignees)
    .where(eq(issueAssignees.issueId, issueId));
  return rows.map((row) => row.userId);
}

export async function insertAssignees(
  tx: Db,
  issueId: string,
  userIds: readonly string[],
  assignedById: string | null,
  at: Date,
): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .insert(issueAssignees)
    .values(userIds.map((userId) => ({ issueId, userId, assignedById, assignedAt: at })))
    .onConflictDoNothing();
}

export async function deleteAssignees(tx: Db, issueId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .delete(issueAssignees)
    .where(and(eq(issueAssignees.issueId, issueId), inArray(issueAssignees.userId, [...userIds])));
}

/** Active people among `userIds`, keyed by id. */
export async function findActivePeople(db: Db, userIds: readonly string[]): Promise<Map<string, PersonRef>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.isActive, true)));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function teamExists(db: Db, teamId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return row;
}

/**
 * Locks the team's active memberships (so concurrent auto-assignments for one team run one after another)
 * and returns each candidate with their current open workload across all teams.
 */
export async function lockAssigneeCandidates(
  tx: Db,
  teamId: string,
): Promise<(AssigneeCandidate & { name: string })[]> {
  const members = await tx
    .select({ userId: teamMembers.userId, name: users.name, lastAssignedAt: teamMembers.lastAssignedAt })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.id, teamMembers.userId), eq(users.isActive, true)))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.isActive, true)))
    .orderBy(asc(teamMembers.userId))
    .for('update', { of: teamMembers });
  if (members.length === 0) return [];
  // A separate statement on purpose: it takes a fresh snapshot after the lock is granted, so it sees the
  // assignments of the transaction that held the lock before (a subquery in the locking statement would not).
  const workloads = await countOpenAssignments(
    tx,
    members.map((member) => member.userId),
  );
  return members.map((member) => ({ ...member, openIssueCount: workloads.get(member.userId) ?? 0 }));
}

/** Open (not resolved or closed) issues assigned to each of `userIds` (from the trigger-kept `is_open` flag). */
export async function countOpenAssignments(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: issueAssignees.userId, count: sql<number>`count(*)::int` })
    .from(issueAssignees)
    .where(and(inArray(issueAssignees.userId, [...userIds]), eq(issueAssignees.isOpen, true)))
    .groupBy(issueAssignees.userId);
  return new Map(rows.map((row) => [row.userId, row.count]));
}

export async function markAssigned(tx: Db, teamId: string, userId: string, at: Date): Promise<void> {
  await tx
    .update(teamMembers)
    .set({ lastAssignedAt: at })
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
}

export interface NewHistoryEntry {
  issueId: string;
  actorId: string | null;
  actorName: string;
  action: HistoryAction;
  fromValue?: string | null;
  toValue?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

export async function insertHistory(tx: Db, entries: readonly NewHistoryEntry[]): Promise<HistoryRecord[]> {
  if (entries.length === 0) return [];
  const rows = await tx
    .insert(issueHistory)
    .values(entries.map((entry) => ({ ...entry, details: entry.details ?? {} })))
    .returning();
  return rows.map((row) => ({ ...row, action: row.action as HistoryAction }));
}

export async function listHistory(db: Db, issueId: string): Promise<HistoryRecord[]> {
  const rows = await db
    .select()
    .from(issueHistory)
    .where(eq(issueHistory.issueId, issueId))
    .orderBy(asc(issueHistory.at), asc(issueHistory.id));
  return rows.map((row) => ({ ...row, action: row.action as HistoryAction }));
}

export async function insertComment(
  tx: Db,
  values: { issueId: string; authorId: string | null; authorName: string; body: string; createdAt: Date },
): Promise<CommentRecord> {
  const [row] = await tx.insert(comments).values(values).returning();
  if (!row) throw new Error('insert into comments returned no row');
  // The comment text joins the issue's search document in the same transaction.
  await tx
    .update(issues)
    .set({ commentText: sql`${issues.commentText} || ${`\n${values.body}`}`, updatedAt: values.createdAt })
    .where(eq(issues.id, values.issueId));
  return row;
}

export async function listComments(db: Db, issueId: string): Promise<CommentRecord[]> {
  return db
    .select()
    .from(comments)
    .where(eq(comments.issueId, issueId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

const priorityRank = sql`case ${issues.priority} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/**
 * The filters of a list request split into its shape (which filters, which sort: the SQL text) and its values.
 * Requests of one shape share a named prepared statement, so the SQL is built once per shape and process,
 * and PostgreSQL parses it once per connection.
 */
function describeListQuery(query: ListIssuesQuery, viewerId: string | null) {
  const p = <T>(name: string) => sql.placeholder(name) as unknown as T;
  const conditions: SQL[] = [];
  const values: Record<string, unknown> = {};
  const shape: string[] = [];
  const anyOf = (name: string, column: SQL | typeof issues.status, list: readonly unknown[]) => {
    values[name] = list;
    shape.push(name);
    conditions.push(sql`${column} = any(${p(name)})`);
  };
  if (query.status?.length) anyOf('status', sql`${issues.status}`, query.status);
  if (query.priority?.length) anyOf('priority', sql`${issues.priority}`, query.priority);
  if (query.source?.length) anyOf('source', sql`${issues.source}`, query.source);
  if (query.service?.length) anyOf('service', sql`${issues.service}`, query.service);
  if (query.createdFrom) {
    values.createdFrom = query.createdFrom;
    shape.push('createdFrom');
    conditions.push(sql`${issues.createdAt} >= ${p('createdFrom')}::timestamptz`);
  }
  if (query.createdTo) {
    values.createdTo = query.createdTo;
    shape.push('createdTo');
    conditions.push(sql`${issues.createdAt} <= ${p('createdTo')}::timestamptz`);
  }
  if (query.teamId?.length) {
    const ids = query.teamId.filter((id) => id !== 'none');
    const parts: SQL[] = [];
    if (ids.length) {
      values.teamIds = ids;
      parts.push(sql`${issues.teamId} = any(${p('teamIds')}::uuid[])`);
    }
    if (ids.length !== query.teamId.length) parts.push(sql`${issues.teamId} is null`);
    shape.push(`team:${ids.length > 0}:${ids.length !== query.teamId.length}`);
    conditions.push(parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  if (query.assignee?.length) {
    const ids = query.assignee
      .map((id) => (id === 'me' ? viewerId : id))
      .filter((id): id is string => id !== null && id !== 'none');
    const includeNone = query.assignee.includes('none');
    const parts: SQL[] = [];
    if (ids.length) {
      values.assigneeIds = ids;
      parts.push(
        sql`exists (select 1 from ${issueAssignees} where ${issueAssignees.issueId} = ${issues.id} and ${issueAssignees.userId} = any(${p('assigneeIds')}::uuid[]))`,
      );
    }
    if (includeNone) {
      parts.push(
        sql`not exists (select 1 from ${issueAssignees} where ${issueAssignees.issueId} = ${issues.id})`,
      );
    }
    shape.push(`assignee:${ids.length > 0}:${includeNone}`);
    conditions.push(parts.length === 0 ? sql`false` : parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  const tsQuery = query.q ? sql`websearch_to_tsquery('english', ${p('q')})` : undefined;
  if (tsQuery) {
    values.q = query.q;
    shape.push('q');
    conditions.push(sql`${issues.searchVector} @@ ${tsQuery}`);
  }
  const order: SQL[] = (() => {
    switch (query.sort) {
      case 'created':
        return [asc(issues.createdAt)];
      case 'updated':
        return [asc(issues.updatedAt)];
      case '-updated':
        return [desc(issues.updatedAt)];
      case 'priority':
        return [sql`${priorityRank} asc`, desc(issues.createdAt)];
      case '-priority':
        return [sql`${priorityRank} desc`, desc(issues.createdAt)];
      case 'relevance':
        return tsQuery
          ? [sql`ts_rank(${issues.searchVector}, ${tsQuery}) desc`, desc(issues.createdAt)]
          : [desc(issues.createdAt)];
      default:
        return [desc(issues.createdAt)];
    }
  })();
  shape.push(`sort:${tsQuery || query.sort !== 'relevance' ? query.sort : '-created'}`);
  return {
    where: conditions.length ? and(...conditions) : undefined,
    order,
    values,
    isSearch: tsQuery !== undefined,
    key: shape.join('|'),
  };
}

type ListShape = ReturnType<typeof describeListQuery>;

function prepareListStatements(db: Db, shape: ListShape, name: string) {
  // The total rides along the page as an uncorrelated subquery (computed once): one round trip per list.
  // Counting every match of a common word costs more than the page itself, so searches count up to a cap.
  const matching = shape.where ?? sql`true`;
  const totalSql = shape.isSearch
    ? sql<number>`(select count(*)::int from (select 1 from ${issues} where ${matching} limit ${SEARCH_COUNT_CAP + 1}) as matches)`
    : sql<number>`(select count(*)::int from ${issues} where ${matching})`;
  return {
    page: db
      .select({ ...issueRecordColumns, total: totalSql })
      .from(issues)
      .leftJoin(teams, eq(teams.id, issues.teamId))
      .where(shape.where)
      .orderBy(...shape.order, desc(issues.number))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(`${name}_page`),
    total: db.select({ total: totalSql }).from(sql`(select 1) as one`).prepare(`${name}_total`),
  };
}

const preparedLists = new WeakMap<Db, Map<string, ReturnType<typeof prepareListStatements>>>();
// Distinct filter combinations are few in practice; past this many, new shapes run unprepared.
const MAX_PREPARED_LIST_SHAPES = 256;

/** One page of issues matching the filters, newest first unless sorted otherwise, with the total count. */
export async function listIssueRecords(
  db: Db,
  query: ListIssuesQuery,
  viewerId: string | null,
): Promise<{ items: IssueRecord[]; total: number; totalIsCapped: boolean }> {
  const shape = describeListQuery(query, viewerId);
  let byShape = preparedLists.get(db);
  if (!byShape) {
    byShape = new Map();
    preparedLists.set(db, byShape);
  }
  let statements = byShape.get(shape.key);
  if (!statements) {
    const name = `argus_list_${createHash('sha1').update(shape.key).digest('hex').slice(0, 16)}`;
    statements = prepareListStatements(db, shape, name);
    if (byShape.size < MAX_PREPARED_LIST_SHAPES) byShape.set(shape.key, statements);
  }
  const pageRows = await statements.page.execute({
    ...shape.values,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  // A page past the end has no row to carry the total; only then is it asked for separately.
  const counted =
    pageRows[0]?.total ??
    (query.page > 1 ? ((await statements.total.execute(shape.values))[0]?.total ?? 0) : 0);
  return {
    items: pageRows.map(({ total: _total, ...row }) => toIssueRecord(row)),
    total: shape.isSearch ? Math.min(counted, SEARCH_COUNT_CAP) : counted,
    totalIsCapped: shape.isSearch && counted > SEARCH_COUNT_CAP,
  };
}

/** Open issues of a team that nobody is assigned to, oldest first (for the assignment reconciliation). */
export async function listUnassignedActiveIssueIds(
  db: Db,
  teamId: string | undefined,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: issues.id })
    .from(issues)
    .where(
      and(
        teamId ? eq(issues.teamId, teamId) : sql`${issues.teamId} is not null`,
        inArray(issues.status, [...ACTIVE_STATUSES]),
        // "issues"."id" spelled out: drizzle writes a one-table select's columns unqualified.
        sql`not exists (select 1 from ${issueAssignees} a where a.issue_id = "issues"."id")`,
      ),
    )
    .orderBy(asc(issues.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Names of people by id (active or not), for history lines about them. */
export async function findPeopleNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The issue reported by the Slack message that starts a thread. */
export async function findIssueIdBySlackThread(
  db: Db,
  channelId: string,
  threadTs: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.slackChannelId, channelId), eq(issues.slackThreadTs, threadTs)))
    .limit(1);
  return row?.id;
}
