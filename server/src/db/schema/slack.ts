import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { issues } from './issues.js';

/**
 * The durable inbox of Slack events: written when the request is acknowledged, processed by a job. The event id is
 * the key, so a delivery Slack retries is stored once and handled once.
 */
export const slackEvents = pgTable(
  'slack_events',
  {
    eventId: text('event_id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('slack_events_received_at_idx').on(t.receivedAt)],
);

/**
 * Every message Argus owes Slack, keyed by an idempotency key (e.g. `card:<issue id>`): a retried job finds the
 * row already sent and posts nothing. Failed attempts stay visible on the issue and in /metrics.
 */
export const slackDeliveries = pgTable(
  'slack_deliveries',
  {
    key: text('key').primaryKey(),
    /** The issue the message is about; none for a reply that concerns no issue (e.g. how to use @Argus). */
    issueId: uuid('issue_id').references(() => issues.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    threadTs: text('thread_ts'),
    /** What the message says when it is not built from the issue at send time (e.g. "Added to ARG-42"). */
    text: text('text'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageTs: text('message_ts'),
    /** A sender holds the row until then, so two workers never post the same message at once. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('slack_deliveries_issue_id_idx').on(t.issueId),
    index('slack_deliveries_status_idx').on(t.status),
    check('slack_deliveries_status_check', sql`${t.status} in ('pending', 'sent')`),
  ],
);
