import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { issues, teams, triageModels } from '../../db/schema/index.js';
import type { TriageExample, TriagePriority, TriageTeamProfile } from './triage.types.js';

const MODEL_NAME = 'default';

/** Every team as triage sees it: id, name and routing keywords. */
export async function listTeamProfiles(db: Db): Promise<TriageTeamProfile[]> {
  return db
    .select({ id: teams.id, name: teams.name, routingKeywords: teams.routingKeywords })
    .from(teams)
    .orderBy(teams.name);
}

/** The text and facts triage reads from one issue. */
export async function findIssueText(db: Db, issueId: string) {
  const [row] = await db
    .select({ id: issues.id, title: issues.title, description: issues.description })
    .from(issues)
    .where(eq(issues.id, issueId));
  return row;
}

/**
 * Past issues whose labels people set or confirmed, newest first: a team, priority or category counts when a
 * person set it by hand, or when a person (not Argus on its own) resolved or closed the issue without
 * changing it. Issues closed as duplicates teach nothing new and are left out.
 */
export async function listTrainingExamples(db: Db, limit: number): Promise<TriageExample[]> {
  const isConfirmedByPeople = and(
    inArray(issues.status, ['resolved', 'closed']),
    isNull(issues.duplicateOfId),
    sql`coalesce(("issues"."rca" ->> 'autoResolved')::boolean, false) = false`,
  );
  const isSetByHand = (field: string) => sql`${field} = any(${issues.explicitFields})`;
  const rows = await db
    .select({
      title: issues.title,
      description: issues.description,
      teamId: issues.teamId,
      priority: issues.priority,
      category: issues.category,
      teamConfirmed: sql<boolean>`${or(isSetByHand('team'), isConfirmedByPeople)}`,
      priorityConfirmed: sql<boolean>`${or(isSetByHand('priority'), isConfirmedByPeople)}`,
      categoryConfirmed: sql<boolean>`${or(isSetByHand('category'), isConfirmedByPeople)}`,
    })
    .from(issues)
    .where(
      and(
        or(isSetByHand('team'), isSetByHand('priority'), isSetByHand('category'), isConfirmedByPeople),
        or(isNotNull(issues.teamId), isSetByHand('priority'), isConfirmedByPeople),
      ),
    )
    .orderBy(desc(issues.createdAt))
    .limit(limit);
  return rows.map((row) => ({
    text: `${row.title}\n${row.description}`,
    teamId: row.teamConfirmed ? row.teamId : null,
    priority: row.priorityConfirmed ? (row.priority as TriagePriority) : null,
    category: row.categoryConfirmed ? row.category : null,
  }));
}

/** Replaces the stored model with a newly trained one. */
export async function saveTriageModel(
  db: Db,
  model: { version: string; serialized: string; exampleCount: number; teamCount: number; trainedAt: Date },
): Promise<void> {
  const values = {
    name: MODEL_NAME,
    version: model.version,
    model: model.serialized,
    exampleCount: model.exampleCount,
    teamCount: model.teamCount,
    trainedAt: model.trainedAt,
  };
  await db.insert(triageModels).values(values).onConflictDoUpdate({ target: triageModels.name, set: values });
}

/** When the stored model was trained and from how much, without loading it. */
export async function findTriageModelStamp(db: Db) {
  const [row] = await db
    .select({
      version: triageModels.version,
      exampleCount: triageModels.exampleCount,
      teamCount: triageModels.teamCount,
      trainedAt: triageModels.trainedAt,
    })
    .from(triageModels)
    .where(eq(triageModels.name, MODEL_NAME));
  return row;
}

/** The stored model's serialized form, or undefined when none was trained yet. */
export async function findSerializedTriageModel(db: Db) {
  const [row] = await db
    .select({ model: triageModels.model, trainedAt: triageModels.trainedAt })
    .from(triageModels)
    .where(eq(triageModels.name, MODEL_NAME));
  return row;
}

/**
 * Full-text candidates for "similar issues": any of the issue's words (stemmed, stop words dropped), ranked by
 * PostgreSQL's ts_rank; issues closed as duplicates are left out (their original stands for them).
 */
export async function listFullTextCandidates(db: Db, issueId: string, text: string, limit: number) {
  const query = sql`replace(plainto_tsquery('english', ${text})::text, '&', '|')::tsquery`;
  return db
    .select({
      id: issues.id,
      number: issues.number,
      title: issues.title,
      description: issues.description,
      status: issues.status,
      priority: issues.priority,
      resolutionReason: issues.resolutionReason,
      closeReason: issues.closeReason,
      resolvedAt: issues.resolvedAt,
      rank: sql<number>`ts_rank(${issues.searchVector}, ${query})`.mapWith(Number),
    })
    .from(issues)
    .where(
      and(
        sql`${issues.searchVector} @@ ${query}`,
        sql`${issues.id} <> ${issueId}`,
        isNull(issues.duplicateOfId),
      ),
    )
    .orderBy(desc(sql`ts_rank(${issues.searchVector}, ${query})`))
    .limit(limit);
}
