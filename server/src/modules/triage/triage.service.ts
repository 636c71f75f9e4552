import type { Db } from '../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { ForbiddenError } from '../../lib/errors.js';
import { type Actor, can } from '../access/index.js';
import type { IssueService, TriageSuggestion } from '../issues/index.js';
import { buildTriagePrompt, llmTriageAnswer, reconcileLlmTriage, type TriageLlm } from './llm-triage.js';
import { deserializeTriageModel, triageLocally } from './local-triage.js';
import * as repo from './triage.repository.js';
import type { LocalTriageModel } from './triage.types.js';
import { trainOffThread } from './triage-training.js';

/** Job: triage one issue ({ issueId }). */
export const TRIAGE_ISSUE_JOB = 'issue.triage';
/** Job: relearn the local triage model from history (scheduled, and on demand). */
export const RETRAIN_TRIAGE_JOB = 'triage.retrain';

/** The most past issues one retraining reads, newest first. */
const MAX_TRAINING_EXAMPLES = 50_000;

export interface TriageServiceDeps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue' | 'wake'>;
  issues: Pick<IssueService, 'applyTriage' | 'getIssue'>;
  categories: readonly string[];
  /** Present when an AI service is configured. */
  llm?: TriageLlm;
  observe?: { triaged(source: string, seconds: number): void };
}

export type TriageService = ReturnType<typeof createTriageService>;

/**
 * Triage of every new issue: the local engine always answers (keywords, severity words and, once trained, this
 * organisation's own history); a configured LLM answers first when it can, checked against what exists.
 */
export function createTriageService(deps: TriageServiceDeps) {
  const { db, clock, jobs, categories } = deps;
  let cached: { trainedAt: number; model: LocalTriageModel } | undefined;

  /** The stored model, reloaded only when another retraining replaced it. */
  async function loadModel(): Promise<LocalTriageModel | null> {
    const stamp = await repo.findTriageModelStamp(db);
    if (!stamp) return null;
    if (cached?.trainedAt === stamp.trainedAt.getTime()) return cached.model;
    const stored = await repo.findSerializedTriageModel(db);
    if (!stored) return null;
    cached = { trainedAt: stored.trainedAt.getTime(), model: deserializeTriageModel(stored.model) };
    return cached.model;
  }

  async function suggest(issue: { title: string; description: string }): Promise<TriageSuggestion> {
    const [teams, model] = await Promise.all([repo.listTeamProfiles(db), loadModel()]);
    const local = triageLocally(issue, { teams, categories, model });
    const localSuggestion: TriageSuggestion = {
      source: local.source,
      priority: local.priority,
      category: local.category,
      teamId: local.teamId,
      confidence: local.confidence,
      rationale: local.rationale,
      fallbackReason: null,
      model: model ? `local ${model.version}, ${model.exampleCount} examples` : null,
    };
    if (!deps.llm) return localSuggestion;
    try {
      const prompt = buildTriagePrompt(issue, teams, categories);
      const answer = await deps.llm.completeJson({ tier: 'fast', ...prompt, schema: llmTriageAnswer });
      return {
        source: 'llm',
        ...reconcileLlmTriage(answer.value, local, teams, categories),
        fallbackReason: null,
        model: answer.model,
      };
    } catch (error) {
      return { ...localSuggestion, fallbackReason: `${(error as Error).message}; triaged locally instead.` };
    }
  }

  return {
    /** Triages one issue and applies the result; safe to repeat (a retried job triages again). */
    async triageIssue(issueId: string): Promise<void> {
      const issue = await repo.findIssueText(db, issueId);
      if (!issue) return;
      const startedAt = performance.now();
      const suggestion = await suggest(issue);
      deps.observe?.triaged(suggestion.source, (performance.now() - startedAt) / 1000);
      await deps.issues.applyTriage(issueId, suggestion);
    },

    /** Inside the transaction that created an issue: queue its triage. */
    async enqueueTriage(tx: Db, issueId: string): Promise<void> {
      await jobs.enqueue(TRIAGE_ISSUE_JOB, { issueId }, { tx });
    },

    /** Starts triage now (for the worker that will pick it up in this process). */
    wakeTriage(): void {
      jobs.wake(TRIAGE_ISSUE_JOB);
    },

    /** "Re-triage": a person asks for a fresh triage; what people set by hand stays. */
    async requestTriage(actor: Actor, reference: string): Promise<void> {
      if (!can.rerunAnalysis(actor))
        throw new ForbiddenError('You cannot re-triage issues: viewers can only look.');
      const issue = await deps.issues.getIssue(reference);
      await jobs.enqueue(TRIAGE_ISSUE_JOB, { issueId: issue.id });
      jobs.wake(TRIAGE_ISSUE_JOB);
    },

    /** Relearns the local model from the issues people labelled; returns what it learned from. */
    async retrainModel(): Promise<{ exampleCount: number; teamCount: number; trainedAt: Date } | null> {
      const examples = await repo.listTrainingExamples(db, MAX_TRAINING_EXAMPLES);
      if (examples.length === 0) return null;
      const trainedAt = clock.now();
      const teams = await repo.listTeamProfiles(db);
      // Off the event loop: this process keeps serving requests and triaging issues while it learns.
      const trained = await trainOffThread({ examples, categories, teams, trainedAt: trainedAt.getTime() });
      await repo.saveTriageModel(db, {
        version: trained.version,
        serialized: trained.serialized,
        exampleCount: trained.exampleCount,
        teamCount: trained.teamCount,
        trainedAt,
      });
      return { exampleCount: trained.exampleCount, teamCount: trained.teamCount, trainedAt };
    },

    async requestRetrain(actor: Actor): Promise<void> {
      if (!can.retrainTriageModel(actor))
        throw new ForbiddenError('Only admins can retrain the triage model.');
      await jobs.enqueue(RETRAIN_TRIAGE_JOB, {}, { singletonKey: 'retrain' });
      jobs.wake(RETRAIN_TRIAGE_JOB);
    },

    /** What the stored local model learned from, for the settings page. */
    async describeModel() {
      const stamp = await repo.findTriageModelStamp(db);
      return {
        trainedAt: stamp?.trainedAt ?? null,
        exampleCount: stamp?.exampleCount ?? 0,
        teamCount: stamp?.teamCount ?? 0,
        version: stamp?.version ?? null,
      };
    },
  };
}
