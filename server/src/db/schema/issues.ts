import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams } from './teams.js';
import { users } from './users.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const issues = pgTable(
  'issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] })
      .notNull()
      .default('open'),
    priority: text('priority', { enum: ['critical', 'high', 'medium', 'low'] })
      .notNull()
      .default('medium'),
    category: text('category'),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['manual', 'api', 'slack', 'alert', 'status', 'anomaly'] })
      .notNull()
      .default('manual'),
    dedupKey: text('dedup_key'),
    labels: jsonb('labels').$type<Record<string, string>>().notNull().default({}),
    service: text('service'),
    environment: text('environment'),
    slackChannelId: text('slack_channel_id'),
    slackThreadTs: text('slack_thread_ts'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    resolutionReason: text('resolution_reason'),
    closeReason: text('close_reason'),
    triage: jsonb('triage').$type<Record<string, unknown>>(),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    rca: jsonb('rca').$type<Record<string, unknown>>(),
    rcaAt: timestamp('rca_at', { withTimezone: true }),
    /** Fields the creator (or later a person) set, which triage must not overwrite: priority, team, category. */
    explicitFields: text('explicit_fields').array().notNull().default(sql`'{}'::text[]`),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => issues.id, { onDelete: 'set null' }),
    /** Every comment body, appended in the comment's transaction, so one GIN index covers issue and discussion. */
    commentText: text('comment_text').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', ${issues.title}), 'A') || setweight(to_tsvector('english', ${issues.description}), 'B') || setweight(to_tsvector('english', ${issues.commentText}), 'C')`,
      ),
  },
  (t) => [
    index('issues_status_idx').on(t.status),
    index('issues_priority_idx').on(t.priority),
    index('issues_team_id_idx').on(t.teamId),
    index('issues_team_status_priority_idx').on(t.teamId, t.status, t.priority),
    index('issues_source_idx').on(t.source),
    index('issues_service_idx').on(t.service),
    index('issues_created_at_idx').on(t.createdAt),
    index('issues_updated_at_idx').on(t.updatedAt),
    index('issues_resolved_at_idx').on(t.resolvedAt),
    index('issues_dedup_key_idx').on(t.dedupKey),
    index('issues_created_by_id_idx').on(t.createdById),
    index('issues_duplicate_of_id_idx').on(t.duplicateOfId),
    index('issues_slack_thread_idx').on(t.slackChannelId, t.slackThreadTs),
    index('issues_search_idx').using('gin', t.searchVector),
    check(
      'issues_status_check',
      sql`${t.status} in ('open', 'acknowledged', 'in_progress', 'resolved', 'closed')`,
    ),
    check('issues_priority_check', sql`${t.priority} in ('critical', 'high', 'medium', 'low')`),
    check(
      'issues_source_check',
      sql`${t.source} in ('manual', 'api', 'slack', 'alert', 'status', 'anomaly')`,
    ),
  ],
);

export const issueAssignees = pgTable(
  'issue_assignees',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedById: uuid('assigned_by_id').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** Mirrors "the issue is not resolved or closed", kept by triggers, so workload counts need no join. */
    isOpen: boolean('is_open').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.userId] }),
    index('issue_assignees_user_id_idx').on(t.userId),
    index('issue_assignees_open_user_id_idx').on(t.userId).where(sql`${t.isOpen}`),
    index('issue_assignees_assigned_by_id_idx').on(t.assignedById),
  ],
);

/** Append-only audit trail of an issue: written in the same transaction as the change it records. */
export const issueHistory = pgTable(
  'issue_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('issue_history_issue_id_at_idx').on(t.issueId, t.at),
    index('issue_history_actor_id_idx').on(t.actorId),
    index('issue_history_at_idx').on(t.at),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comments_issue_id_created_at_idx').on(t.issueId, t.createdAt),
    index('comments_author_id_idx').on(t.authorId),
  ],
);
