import type { IssueResponse, TriageResult } from '@argus/contracts';
import { type ReactNode, useState } from 'react';
import { priorityLabel, triageSourceLabel } from '../../api/domain';
import { useRetriage } from '../../api/intelligence';
import { PriorityBadge } from '../Badges';
import { RelativeTime } from '../RelativeTime';
import { ConfidenceMeter } from './ConfidenceMeter';

/** Triage runs within a second of creation; an issue older than this without one was never triaged. */
const TRIAGE_EXPECTED_WITHIN_MS = 2 * 60_000;

/** "LLM (gpt-4o-mini)", "Local model", "Keywords and severity words". */
function describeTriageSource(triage: Pick<TriageResult, 'source' | 'model'>): string {
  if (triage.source === 'llm' && triage.model) return `LLM (${triage.model})`;
  return triageSourceLabel[triage.source];
}

/** "AI service unreachable — triaged locally": why the configured LLM was not the one that answered. */
function describeFallback(triage: Pick<TriageResult, 'source' | 'fallbackReason'>): string | null {
  const reason = triage.fallbackReason?.trim();
  if (!reason) return null;
  // A reason that already says how the issue was triaged instead is shown as it is.
  if (/\btriaged\b/i.test(reason) || triage.source === 'llm') return reason;
  return `${reason} — triaged ${triage.source === 'local' ? 'locally' : 'with keywords'}`;
}

/** Whether a suggestion was applied, or the value a person had set was kept. */
function AppliedTag({
  applied,
  suggested,
  current,
}: {
  applied: boolean;
  suggested: string;
  current: string;
}) {
  if (applied) return <span className="tag tag-applied">Applied</span>;
  return (
    <span className="tag" title="Argus never overwrites a value a person set">
      {current === suggested ? 'Already set' : `Kept ${current}`}
    </span>
  );
}

function Suggestion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="row">{children}</dd>
    </>
  );
}

function TriageFacts({ issue, triage }: { issue: IssueResponse; triage: TriageResult }) {
  const fallback = describeFallback(triage);
  return (
    <div className="stack">
      {fallback && <p className="notice notice-info">{fallback}</p>}
      <dl className="panel-facts">
        <Suggestion label="Priority">
          <PriorityBadge priority={triage.priority} />
          <AppliedTag
            applied={triage.applied.priority}
            suggested={priorityLabel[triage.priority]}
            current={priorityLabel[issue.priority]}
          />
        </Suggestion>
        <Suggestion label="Team">
          {triage.team ? (
            <>
              {triage.team.name}
              <AppliedTag
                applied={triage.applied.team}
                suggested={triage.team.name}
                current={issue.team?.name ?? 'no team'}
              />
            </>
          ) : (
            <span className="muted">No team matched</span>
          )}
        </Suggestion>
        <Suggestion label="Category">
          {triage.category ? (
            <>
              {triage.category}
              <AppliedTag
                applied={triage.applied.category}
                suggested={triage.category}
                current={issue.category ?? 'no category'}
              />
            </>
          ) : (
            <span className="muted">None</span>
          )}
        </Suggestion>
        <dt>Confidence</dt>
        <dd>
          <ConfidenceMeter confidence={triage.confidence} />
        </dd>
        <dt>Set by</dt>
        <dd>
          {describeTriageSource(triage)} · <RelativeTime at={triage.at} />
        </dd>
      </dl>
      {triage.rationale && <p className="panel-text">{triage.rationale}</p>}
    </div>
  );
}

/** What automatic triage suggested for the issue, how sure it was and which path answered; "Re-triage" asks again. */
export function TriagePanel({ issue, canRetriage }: { issue: IssueResponse; canRetriage: boolean }) {
  const retriage = useRetriage(issue.key);
  // The triage time shown when a person asked again: until a newer result arrives, Argus is still at it.
  const [retriagedOver, setRetriagedOver] = useState<{ at: string | null } | null>(null);
  const shownAt = issue.triage?.at ?? null;
  const isRetriaging = retriage.isPending || retriagedOver?.at === shownAt;
  const isExpected = Date.now() - new Date(issue.createdAt).getTime() < TRIAGE_EXPECTED_WITHIN_MS;
  return (
    <section className="card panel" aria-labelledby="triage-heading" aria-busy={isRetriaging}>
      <h2 id="triage-heading">Triage</h2>
      {issue.triage ? (
        <TriageFacts issue={issue} triage={issue.triage} />
      ) : isRetriaging || isExpected ? (
        <p className="working" role="status">
          <span className="spinner" aria-hidden="true" />
          Triaging…
        </p>
      ) : (
        <p className="muted">Argus has not triaged this issue.</p>
      )}
      {issue.triage && isRetriaging && (
        <p className="working hint" role="status">
          <span className="spinner" aria-hidden="true" />
          Triaging again…
        </p>
      )}
      {canRetriage && (
        <div className="row panel-actions">
          <button
            type="button"
            className="button small"
            disabled={isRetriaging}
            onClick={() => retriage.mutate(undefined, { onSuccess: () => setRetriagedOver({ at: shownAt }) })}
          >
            {isRetriaging ? 'Re-triaging…' : 'Re-triage'}
          </button>
        </div>
      )}
    </section>
  );
}
