import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    slackChannel: text('slack_channel'),
    remindersEnabled: boolean('reminders_enabled').notNull().default(true),
    reminderIntervalMinutes: integer('reminder_interval_minutes').notNull().default(240),
    /** An active issue with no change for this long is stale and gets reminders. */
    reminderStaleMinutes: integer('reminder_stale_minutes').notNull().default(120),
    /** Copy people's replies in a Slack issue thread into the issue as comments. */
    slackThreadSync: boolean('slack_thread_sync').notNull().default(false),
    routingKeywords: text('routing_keywords').array().notNull().default(sql`'{}'::text[]`),
    autoResolveEnabled: boolean('auto_resolve_enabled').notNull().default(true),
    autoResolveMinConfidence: doublePrecision('auto_resolve_min_confidence').notNull().default(0.8),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_name_unique').on(sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['manager', 'agent'] }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('team_members_team_user_unique').on(t.teamId, t.userId),
    index('team_members_user_id_idx').on(t.userId),
    check('team_members_role_check', sql`${t.role} in ('manager', 'agent')`),
  ],
);
