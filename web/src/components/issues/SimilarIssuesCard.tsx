import type { IssueResponse, SimilarIssue } from '@argus/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ACTIVE_STATUSES } from '../../api/domain';
import { useSimilarIssues } from '../../api/intelligence';
import { StatusBadge } from '../Badges';
import { formatPercent } from '../percent';
import { EmptyState, ErrorState, Skeleton } from '../States';
import { MarkDuplicateDialog } from './MarkDuplicateDialog';

/** "Fixed by: …" for a resolved look-alike, "Closed: …" for a closed one, nothing while it is open. */
function outcomeOf(similar: SimilarIssue): string | null {
  if (similar.resolutionReason) return `Fixed by: ${similar.resolutionReason}`;
  if (similar.closeReason) return `Closed: ${similar.closeReason}`;
  return null;
}

function SimilarIssueItem({ similar }: { similar: SimilarIssue }) {
  const outcome = outcomeOf(similar);
  return (
    <li className="similar-issue">
      <div className="row">
        <Link to={`/issues/${similar.key}`} className="issue-key">
          {similar.key}
        </Link>
        <StatusBadge status={similar.status} />
        {similar.isLikelyDuplicate && <span className="badge badge-duplicate">Likely duplicate</span>}
        <span className="hint">{formatPercent(similar.similarity)} similar</span>
      </div>
      <p className="similar-title">{similar.title}</p>
      {outcome && <p className="hint similar-outcome">{outcome}</p>}
    </li>
  );
}

/** Past issues most like this one and how they ended; people who work on issues can mark a duplicate here. */
export function SimilarIssuesCard({
  issue,
  canMarkDuplicate,
}: {
  issue: IssueResponse;
  canMarkDuplicate: boolean;
}) {
  const similar = useSimilarIssues(issue.key);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const isActive = ACTIVE_STATUSES.includes(issue.status);
  const openLookAlikes = (similar.data ?? []).filter(
    (candidate) => ACTIVE_STATUSES.includes(candidate.status) && candidate.key !== issue.key,
  );
  return (
    <section className="card panel" aria-labelledby="similar-heading">
      <h2 id="similar-heading">Similar issues</h2>
      {similar.isPending ? (
        <Skeleton rows={3} label="Loading similar issues" />
      ) : similar.isError ? (
        <ErrorState error={similar.error} onRetry={() => void similar.refetch()} />
      ) : similar.data.length === 0 ? (
        <EmptyState title="No similar issues yet" />
      ) : (
        <ul className="similar-issues">
          {similar.data.map((item) => (
            <SimilarIssueItem key={item.id} similar={item} />
          ))}
        </ul>
      )}
      {canMarkDuplicate && isActive && (
        <>
          <div className="row panel-actions">
            <button type="button" className="button small" onClick={() => setIsDialogOpen(true)}>
              Mark as duplicate…
            </button>
          </div>
          <MarkDuplicateDialog
            issueKey={issue.key}
            candidates={openLookAlikes}
            open={isDialogOpen}
            onClose={() => setIsDialogOpen(false)}
          />
        </>
      )}
    </section>
  );
}
