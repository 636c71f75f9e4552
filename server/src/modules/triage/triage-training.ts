import { Worker } from 'node:worker_threads';
import type { TriageExample, TriageTeamProfile } from './triage.types.js';

/** What one retraining learns from; plain data, so it crosses to the worker thread as is. */
export interface TrainingRequest {
  examples: readonly TriageExample[];
  categories: readonly string[];
  teams: readonly TriageTeamProfile[];
  /** Milliseconds since the epoch. */
  trainedAt: number;
}

/** The trained model, serialised as it is stored, and what it learned from. */
export interface TrainingResult {
  serialized: string;
  version: string;
  exampleCount: number;
  teamCount: number;
}

/**
 * Trains the local triage model on a worker thread. Learning from 50,000 past issues takes seconds of CPU; on the
 * server's own thread that would stall every request and job of the process meanwhile. Rejects with the worker's
 * error, or when the worker stops without an answer.
 */
export function trainOffThread(request: TrainingRequest): Promise<TrainingResult> {
  // Built, this module and the worker are .js side by side. Run from the TypeScript sources (tests, tsx), the
  // worker is .ts, and a small bootstrap registers tsx's loader in the thread before importing it.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./triage-training.worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  const worker = fromSources
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true, workerData: request },
      )
    : new Worker(entry, { workerData: request });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (result: TrainingResult) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new Error(`the triage training thread stopped (exit code ${code}) without a model`));
    });
  });
}
