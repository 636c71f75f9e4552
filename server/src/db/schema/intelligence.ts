import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { issues } from './issues.js';

/** The locally trained triage model: one row per name ("default"), replaced by each retraining. */
export const triageModels = pgTable('triage_models', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  model: text('model').notNull(),
  exampleCount: integer('example_count').notNull(),
  teamCount: integer('team_count').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/** Each step of a root-cause investigation, appended as it happens and streamed to the issue page. */
export const rcaSteps = pgTable(
  'rca_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    investigator: text('investigator').notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rca_steps_run_seq_unique').on(t.runId, t.seq),
    index('rca_steps_issue_id_idx').on(t.issueId),
    check('rca_steps_investigator_check', sql`${t.investigator} in ('external', 'llm', 'checklist')`),
    check(
      'rca_steps_kind_check',
      sql`${t.kind} in ('started', 'progress', 'finding', 'failed', 'completed')`,
    ),
  ],
);
