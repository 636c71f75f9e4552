import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { issueAssignees, issues, slackDeliveries, slackEvents, teams } from '../../db/schema/index.js';

/** Stores an event once; returns false when Slack delivered it before (a retry). */
export async function insertEvent(
  tx: Db,
  event: { eventId: string; type: string; payload: Record<string, unknown>; at: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(slackEvents)
    .values({ eventId: event.eventId, type: event.type, payload: event.payload, receivedAt: event.at })
    .onConflictDoNothing()
    .returning({ eventId: slackEvents.eventId });
  return rows.length > 0;
}

export async function findEvent(db: Db, eventId: string) {
  const [row] = await db.select().from(slackEvents).where(eq(slackEvents.eventId, eventId));
  return row;
}

export async function markEventProcessed(db: Db, eventId: string, at: Date): Promise<void> {
  await db.update(slackEvents).set({ processedAt: at }).where(eq(slackEvents.eventId, eventId));
}

/** Records a message Argus owes Slack; returns false when one with this key exists already. */
export async function insertDelivery(
  tx: Db,
  delivery: {
    key: string;
    issueId: string | null;
    kind: 'card' | 'card_update' | 'text' | 'note' | 'reaction' | 'dm' | 'reminder' | 'reminder_dm';
    channel: string;
    threadTs: string | null;
    text?: string;
    at: Date;
  },
): Promise<boolean> {
  const rows = await tx
    .insert(slackDeliveries)
    .values({ ...delivery, text: delivery.text ?? null, createdAt: delivery.at })
    .onConflictDoNothing()
    .returning({ key: slackDeliveries.key });
  return rows.length > 0;
}

/**
 * Claims a pending delivery for `leaseSeconds`: only one sender at a time, and a sender that died releases it when
 * the lease runs out. Returns the row, or undefined when it was sent or someone else holds it.
 */
export async function claimDelivery(db: Db, key: string, at: Date, leaseSeconds: number) {
  const [row] = await db
    .update(slackDeliveries)
    .set({
      claimedUntil: new Date(at.getTime() + leaseSeconds * 1000),
      attempts: sql`${slackDeliveries.attempts} + 1`,
    })
    .where(
      and(
        eq(slackDeliveries.key, key),
        eq(slackDeliveries.status, 'pending'),
        or(isNull(slackDeliveries.claimedUntil), lt(slackDeliveries.claimedUntil, at)),
      ),
    )
    .returning();
  return row;
}

export async function markDeliverySent(db: Db, key: string, messageTs: string, at: Date): Promise<void> {
  await db
    .update(slackDeliveries)
    .set({ status: 'sent', messageTs, sentAt: at, claimedUntil: null, lastError: null })
    .where(eq(slackDeliveries.key, key));
}

/** Releases a claim after a failed attempt, keeping the error for the issue page and /metrics. */
export async function recordDeliveryFailure(db: Db, key: string, error: string): Promise<void> {
  await db
    .update(slackDeliveries)
    .set({ lastError: error.slice(0, 500), claimedUntil: null })
    .where(eq(slackDeliveries.key, key));
}

/** The deliveries of one issue, oldest first. */
export async function listDeliveriesOfIssue(db: Db, issueId: string) {
  return db
    .select()
    .from(slackDeliveries)
    .where(eq(slackDeliveries.issueId, issueId))
    .orderBy(slackDeliveries.createdAt, slackDeliveries.key);
}

/** Figures for the settings page: waiting and failing deliveries, the last one sent, the latest error. */
export async function summarizeDeliveries(db: Db) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${slackDeliveries.status} = 'pending')::int`,
      failing: sql<number>`count(*) filter (where ${slackDeliveries.status} = 'pending' and ${slackDeliveries.lastError} is not null)::int`,
      lastDeliveredAt: sql<Date | null>`max(${slackDeliveries.sentAt})`.mapWith((value) =>
        value ? new Date(value) : null,
      ),
      lastError: sql<
        string | null
      >`(select d.last_error from ${slackDeliveries} d where d.status = 'pending' and d.last_error is not null order by d.created_at desc limit 1)`,
    })
    .from(slackDeliveries);
  return row ?? { pending: 0, failing: 0, lastDeliveredAt: null, lastError: null };
}

/**
 * Phase one of reminders: active issues of teams with reminders on that nobody touched for the team's staleness
 * threshold and that got no reminder within the team's interval, least recently touched first.
 */
export async function listDueReminders(db: Db, now: Date, limit: number) {
  const rows = await db
    .select({
      id: issues.id,
      number: issues.number,
      title: issues.title,
      status: issues.status,
      slackChannelId: issues.slackChannelId,
      slackThreadTs: issues.slackThreadTs,
      updatedAt: issues.updatedAt,
      intervalMinutes: teams.reminderIntervalMinutes,
      assigneeIds: sql<
        string[]
      >`coalesce((select json_agg(a.user_id) from ${issueAssignees} a where a.issue_id = "issues"."id"), '[]'::json)`,
    })
    .from(issues)
    .innerJoin(teams, eq(teams.id, issues.teamId))
    .where(
      and(
        inArray(issues.status, ['open', 'acknowledged', 'in_progress']),
        eq(teams.remindersEnabled, true),
        sql`${issues.updatedAt} < ${now.toISOString()}::timestamptz - make_interval(mins => ${teams.reminderStaleMinutes})`,
        sql`not exists (select 1 from ${slackDeliveries} d where d.issue_id = "issues"."id" and d.kind in ('reminder', 'reminder_dm') and d.created_at > ${now.toISOString()}::timestamptz - make_interval(mins => ${teams.reminderIntervalMinutes}))`,
      ),
    )
    .orderBy(asc(issues.updatedAt))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    assigneeIds: (typeof row.assigneeIds === 'string'
      ? JSON.parse(row.assigneeIds)
      : row.assigneeIds) as string[],
  }));
}

/** The ts of an issue's thread card once it was posted, to update it in place. */
export async function findSentCardTs(db: Db, issueId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ messageTs: slackDeliveries.messageTs })
    .from(slackDeliveries)
    .where(and(eq(slackDeliveries.key, `card:${issueId}`), eq(slackDeliveries.status, 'sent')));
  return row?.messageTs ?? undefined;
}
