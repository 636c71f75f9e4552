import type { IssueResponse, RcaResult, RcaStep } from '@argus/contracts';
import { type ReactNode, useEffect, useRef } from 'react';
import { useRootCause, useStartRootCause } from '../../api/intelligence';
import { EmptyState, ErrorState, Skeleton } from '../States';
import { RcaResultView } from './RcaResultView';
import { RcaSteps } from './RcaSteps';
import { describeAttempts } from './rcaText';

function Working({ children }: { children: ReactNode }) {
  return (
    <p className="working" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

function StepsSoFar({ steps }: { steps: RcaStep[] }) {
  if (steps.length === 0) return null;
  return (
    <details className="rca-trail">
      <summary>How Argus investigated ({steps.length === 1 ? '1 step' : `${steps.length} steps`})</summary>
      <RcaSteps steps={steps} />
    </details>
  );
}

function AnalysisState({
  rca,
  steps,
  canRerun,
  onRerun,
}: {
  rca: RcaResult;
  steps: RcaStep[];
  canRerun: boolean;
  onRerun: () => void;
}) {
  if (rca.status === 'queued' || rca.status === 'running') {
    return (
      <div className="stack">
        <Working>Analyzing…</Working>
        {steps.length === 0 && <p className="hint">Waiting for the first step.</p>}
        <RcaSteps steps={steps} />
      </div>
    );
  }
  if (rca.status === 'failed') {
    return (
      <div className="stack">
        <div className="error-state" role="alert">
          <p>Argus could not finish the root-cause analysis.</p>
          {rca.attempts.length > 0 && <p className="hint">{describeAttempts(rca.attempts)}</p>}
          {canRerun && (
            <button type="button" className="button" onClick={onRerun}>
              Try again
            </button>
          )}
        </div>
        <StepsSoFar steps={steps} />
      </div>
    );
  }
  return (
    <div className="stack">
      <RcaResultView rca={rca} />
      <StepsSoFar steps={steps} />
    </div>
  );
}

/**
 * The root-cause analysis of the issue. Opening an issue that was never analysed starts one; while it runs,
 * its steps stream in; people who work on issues can run it again.
 */
export function RootCausePanel({ issue, canRerun }: { issue: IssueResponse; canRerun: boolean }) {
  const analysis = useRootCause(issue.key);
  const start = useStartRootCause(issue.key);
  const { mutate: startAnalysis } = start;
  const isNeverAnalysed = issue.rca === null;
  // Once per issue, even when React runs effects twice in development.
  const autoStartedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!isNeverAnalysed || autoStartedFor.current === issue.key) return;
    autoStartedFor.current = issue.key;
    startAnalysis({ onlyIfMissing: true });
  }, [isNeverAnalysed, issue.key, startAnalysis]);

  const rca = analysis.data?.rca ?? null;
  const isRunning = rca?.status === 'queued' || rca?.status === 'running';
  const rerun = () => startAnalysis({ onlyIfMissing: false });
  let body: ReactNode;
  if (analysis.isPending) body = <Skeleton rows={3} label="Loading the analysis" />;
  else if (analysis.isError)
    body = <ErrorState error={analysis.error} onRetry={() => void analysis.refetch()} />;
  else if (rca)
    body = <AnalysisState rca={rca} steps={analysis.data.steps} canRerun={canRerun} onRerun={rerun} />;
  else if (start.isError)
    body = <ErrorState error={start.error} onRetry={() => startAnalysis({ onlyIfMissing: true })} />;
  else if (start.isPending || isNeverAnalysed) body = <Working>Starting the analysis…</Working>;
  else body = <EmptyState title="Not analysed yet" />;

  return (
    <section className="card panel" aria-labelledby="rca-heading" aria-busy={isRunning}>
      <h2 id="rca-heading">Root cause</h2>
      {body}
      {canRerun && rca && rca.status !== 'failed' && (
        <div className="row panel-actions">
          <button
            type="button"
            className="button small"
            disabled={isRunning || start.isPending}
            onClick={rerun}
          >
            {start.isPending ? 'Starting…' : 'Re-run analysis'}
          </button>
        </div>
      )}
    </section>
  );
}
