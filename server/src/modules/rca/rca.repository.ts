import type { RcaResult, RcaStep } from '@argus/contracts';
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { issues, rcaSteps, teams } from '../../db/schema/index.js';

/**
 * Records that an analysis was asked for (the issue's `rca` becomes the queued run). With `onlyIfMissing` it
 * does nothing when the issue already has one; returns whether it wrote.
 */
export async function markAnalysisQueued(
  tx: Db,
  issueId: string,
  rca: RcaResult,
  at: Date,
  options: { onlyIfMissing: boolean },
): Promise<boolean> {
  const rows = await tx
    .update(issues)
    .set({ rca, rcaAt: at })
    .where(and(eq(issues.id, issueId), options.onlyIfMissing ? isNull(issues.rca) : undefined))
    .returning({ id: issues.id });
  return rows.length > 0;
}

/** Appends one step of a run. */
export async function insertStep(tx: Db, step: RcaStep & { issueId: string; runId: string }): Promise<void> {
  await tx.insert(rcaSteps).values({ ...step, at: new Date(step.at) });
}

/** The steps of one run, in order. */
export async function listSteps(db: Db, runId: string): Promise<RcaStep[]> {
  const rows = await db
    .select({
      seq: rcaSteps.seq,
      investigator: rcaSteps.investigator,
      kind: rcaSteps.kind,
      message: rcaSteps.message,
      at: rcaSteps.at,
    })
    .from(rcaSteps)
    .where(eq(rcaSteps.runId, runId))
    .orderBy(asc(rcaSteps.seq));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }) as RcaStep);
}

/** The highest step number of a run so far (0 when none), so a resumed run keeps counting. */
export async function findLastStepSeq(db: Db, runId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(rcaSteps.seq) })
    .from(rcaSteps)
    .where(eq(rcaSteps.runId, runId));
  return row?.last ?? 0;
}

/** A team's auto-resolve setting, or undefined for no team. */
export async function findAutoResolvePolicy(db: Db, teamId: string | null) {
  if (!teamId) return undefined;
  const [row] = await db
    .select({ isEnabled: teams.autoResolveEnabled, minConfidence: teams.autoResolveMinConfidence })
    .from(teams)
    .where(eq(teams.id, teamId));
  return row;
}
