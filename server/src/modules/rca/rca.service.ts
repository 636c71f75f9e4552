import { randomUUID } from 'node:crypto';
import type { RcaResponse, RcaResult, RcaStep, SimilarIssue } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { EventBus } from '../../events/event-bus.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { ForbiddenError } from '../../lib/errors.js';
import { type Actor, can, systemActor } from '../access/index.js';
import { formatIssueKey, type IssueRecord, type IssueService } from '../issues/index.js';
import { DEFAULT_AUTO_RESOLVE_POLICY, describeAutoResolution, shouldAutoResolve } from './auto-resolve.js';
import * as repo from './rca.repository.js';
import type { InvestigationContext, InvestigationFindings, Investigator, ReportedStep } from './rca.types.js';

/** Job: run one root-cause analysis ({ issueId, runId }). */
export const ANALYZE_ISSUE_JOB = 'issue.analyze';

export interface RcaServiceDeps {
  db: Db;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  jobs: Pick<JobQueue, 'enqueue' | 'wake'>;
  issues: Pick<IssueService, 'getIssue' | 'listHistory' | 'listComments' | 'recordAnalysis' | 'resolveIssue'>;
  findSimilarIssues(issueId: string): Promise<SimilarIssue[]>;
  /** Tried in order; the last one (the checklist) always answers. */
  investigators: readonly Investigator[];
  issueKeyPrefix: string;
  observe?: { investigated(investigator: string, outcome: string): void };
}

export type RcaService = ReturnType<typeof createRcaService>;

const investigatorNames = {
  external: 'the investigation service',
  llm: 'the AI model',
  checklist: 'the checklist',
};

/** Root-cause analysis: queued as a durable job, run through the investigator chain, streamed step by step. */
export function createRcaService(deps: RcaServiceDeps) {
  const { db, clock, events } = deps;
  const keyOf = (number: number) => formatIssueKey(deps.issueKeyPrefix, number);

  function queuedRun(at: Date): RcaResult {
    return {
      runId: randomUUID(),
      status: 'queued',
      investigator: null,
      summary: null,
      probableCause: null,
      evidence: [],
      nextSteps: [],
      actionable: null,
      confidence: null,
      attempts: [],
      autoResolved: false,
      requestedAt: at.toISOString(),
      startedAt: null,
      finishedAt: null,
    };
  }

  /** Inside another transaction: queue a first analysis unless the issue already has one. */
  async function enqueueAnalysis(tx: Db, issueId: string, onlyIfMissing = true): Promise<boolean> {
    const at = clock.now();
    const run = queuedRun(at);
    const isQueued = await repo.markAnalysisQueued(tx, issueId, run, at, { onlyIfMissing });
    if (isQueued) await deps.jobs.enqueue(ANALYZE_ISSUE_JOB, { issueId, runId: run.runId }, { tx });
    return isQueued;
  }

  async function getAnalysis(reference: string): Promise<RcaResponse> {
    const issue = await deps.issues.getIssue(reference);
    return { rca: issue.rca, steps: issue.rca ? await repo.listSteps(db, issue.rca.runId) : [] };
  }

  async function buildContext(issue: IssueRecord): Promise<InvestigationContext> {
    const [history, comments, similarIssues] = await Promise.all([
      deps.issues.listHistory(issue.id),
      deps.issues.listComments(issue.id),
      deps.findSimilarIssues(issue.id),
    ]);
    return {
      issue: {
        id: issue.id,
        key: keyOf(issue.number),
        title: issue.title,
        description: issue.description,
        priority: issue.priority,
        category: issue.category,
        team: issue.team,
        service: issue.service,
        environment: issue.environment,
        labels: issue.labels,
        source: issue.source,
        createdAt: issue.createdAt.toISOString(),
      },
      history: history.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actorName,
        action: entry.action,
        from: entry.fromValue,
        to: entry.toValue,
      })),
      comments: comments.map((comment) => ({
        at: comment.createdAt.toISOString(),
        author: comment.authorName,
        body: comment.body,
      })),
      similarIssues,
    };
  }

  return {
    enqueueAnalysis,
    getAnalysis,

    wakeAnalysis(): void {
      deps.jobs.wake(ANALYZE_ISSUE_JOB);
    },

    /**
     * Starts an analysis. `onlyIfMissing` (the issue page when first opened) is allowed to everyone and does
     * nothing when one exists; a re-run needs a non-viewer and never doubles a run still in progress.
     */
    async requestAnalysis(actor: Actor, reference: string, options: { onlyIfMissing: boolean }) {
      const issue = await deps.issues.getIssue(reference);
      if (!options.onlyIfMissing && !can.rerunAnalysis(actor))
        throw new ForbiddenError(
          `You cannot re-run the analysis of ${keyOf(issue.number)}: viewers can only look.`,
        );
      const isInProgress = issue.rca?.status === 'queued' || issue.rca?.status === 'running';
      if ((options.onlyIfMissing && issue.rca) || isInProgress) return getAnalysis(issue.id);
      const isQueued = await db.transaction((tx) => enqueueAnalysis(tx, issue.id, options.onlyIfMissing));
      if (isQueued) deps.jobs.wake(ANALYZE_ISSUE_JOB);
      return getAnalysis(issue.id);
    },

    /**
     * Runs the investigator chain for one queued run: each investigator's steps are stored and streamed as they
     * happen, a failure is recorded and the next one tried. Idempotent: a finished or superseded run is skipped,
     * and a retried run carries on numbering its steps.
     */
    async runAnalysis(issueId: string, runId: string): Promise<void> {
      let issue = await deps.issues.getIssue(issueId);
      const current = issue.rca;
      if (
        !current ||
        current.runId !== runId ||
        current.status === 'completed' ||
        current.status === 'failed'
      )
        return;
      const issueKey = keyOf(issue.number);
      let seq = await repo.findLastStepSeq(db, runId);
      const record = async (investigator: Investigator['kind'], kind: RcaStep['kind'], message: string) => {
        seq += 1;
        const step: RcaStep = { seq, investigator, kind, message, at: clock.now().toISOString() };
        await db.transaction(async (tx) => {
          await repo.insertStep(tx, { ...step, issueId, runId });
          await events.publish(tx, [{ type: 'issue.rca', issueId, issueKey, at: step.at, rcaStep: step }]);
        });
      };
      const startedAt = current.startedAt ?? clock.now().toISOString();
      issue = await deps.issues.recordAnalysis(issueId, { ...current, status: 'running', startedAt });
      const context = await buildContext(issue);
      const attempts: RcaResult['attempts'] = [];
      let answer: { investigator: Investigator['kind']; findings: InvestigationFindings } | undefined;
      for (const investigator of deps.investigators) {
        await record(investigator.kind, 'started', `Trying ${investigatorNames[investigator.kind]}.`);
        try {
          const findings = await investigator.investigate(context, (step: ReportedStep) =>
            record(investigator.kind, step.kind, step.message),
          );
          await record(investigator.kind, 'completed', `Done: ${findings.summary}`.slice(0, 1000));
          attempts.push({ investigator: investigator.kind, outcome: 'completed', error: null });
          deps.observe?.investigated(investigator.kind, 'completed');
          answer = { investigator: investigator.kind, findings };
          break;
        } catch (error) {
          const message = (error as Error).message.slice(0, 500);
          await record(
            investigator.kind,
            'failed',
            `${investigatorNames[investigator.kind]} failed: ${message}`,
          );
          attempts.push({ investigator: investigator.kind, outcome: 'failed', error: message });
          deps.observe?.investigated(investigator.kind, 'failed');
        }
      }
      const finishedAt = clock.now().toISOString();
      if (!answer) {
        await deps.issues.recordAnalysis(
          issueId,
          { ...current, status: 'failed', startedAt, finishedAt, attempts },
          { action: 'rca_failed', details: { attempts } },
        );
        return;
      }
      const { findings } = answer;
      // A checklist is advice, not a judgement: it claims neither actionability nor confidence.
      const isJudgement = answer.investigator !== 'checklist';
      const result: RcaResult = {
        ...current,
        status: 'completed',
        investigator: answer.investigator,
        ...findings,
        actionable: isJudgement ? findings.actionable : null,
        confidence: isJudgement ? findings.confidence : null,
        attempts,
        autoResolved: false,
        startedAt,
        finishedAt,
      };
      const analysed = await deps.issues.recordAnalysis(issueId, result, {
        action: 'rca_completed',
        details: {
          investigator: answer.investigator,
          actionable: result.actionable,
          confidence: result.confidence,
          summary: findings.summary.slice(0, 300),
        },
      });
      const policy =
        (await repo.findAutoResolvePolicy(db, analysed.team?.id ?? null)) ?? DEFAULT_AUTO_RESOLVE_POLICY;
      if (answer.investigator === 'checklist' || !shouldAutoResolve(findings, policy, analysed.status))
        return;
      await deps.issues.resolveIssue(systemActor, issueId, describeAutoResolution(findings), {
        automatic: true,
      });
      await deps.issues.recordAnalysis(issueId, { ...result, autoResolved: true });
    },
  };
}
