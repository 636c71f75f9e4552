import type { IssueResponse } from '@argus/contracts';
import { useReopenIssue } from '../../api/issues';

/**
 * "Argus resolved this automatically: …" at the top of an issue its root-cause analysis found nothing to act
 * on, with a one-click way back for anyone who disagrees. Gone once the issue is reopened.
 */
export function AutoResolvedNotice({ issue, canReopen }: { issue: IssueResponse; canReopen: boolean }) {
  const reopen = useReopenIssue(issue.key);
  if (!issue.rca?.autoResolved || issue.status !== 'resolved') return null;
  return (
    <section className="notice notice-auto row" aria-label="Resolved automatically">
      <p>
        <strong>Argus resolved this automatically</strong>
        {issue.resolutionReason ? `: ${issue.resolutionReason}` : '.'}
      </p>
      {canReopen && (
        <button
          type="button"
          className="button small"
          disabled={reopen.isPending}
          onClick={() => reopen.mutate()}
        >
          Reopen
        </button>
      )}
    </section>
  );
}
