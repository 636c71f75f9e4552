import type { RcaResponse, RcaStep } from '@argus/contracts';

/** A step that begins a new investigation run: the steps shown so far belong to the previous run. */
function isNewRun(step: RcaStep): boolean {
  return step.kind === 'started' && step.seq === 1;
}

/** A step after which the analysis itself changed (an investigator answered or gave up, or a run began). */
export function changesAnalysis(step: RcaStep): boolean {
  return step.kind === 'completed' || step.kind === 'failed' || isNewRun(step);
}

/**
 * Adds a live step to a cached analysis: kept in seq order, a repeated seq is ignored, and a new run's
 * first step replaces the old run's steps. Nothing is cached yet → stays undefined (the fetch brings all).
 */
export function mergeRcaStep(cached: RcaResponse | undefined, step: RcaStep): RcaResponse | undefined {
  if (!cached) return undefined;
  const known = cached.steps.find((candidate) => candidate.seq === step.seq);
  if (known && isSameStep(known, step)) return cached;
  if (isNewRun(step)) return { ...cached, steps: [step] };
  if (known) return cached;
  return { ...cached, steps: [...cached.steps, step].sort((a, b) => a.seq - b.seq) };
}

function isSameStep(a: RcaStep, b: RcaStep): boolean {
  return a.at === b.at && a.kind === b.kind && a.investigator === b.investigator && a.message === b.message;
}
