import type { IssueResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { sourceLabel } from '../../api/domain';
import { RelativeTime } from '../RelativeTime';

/** Description, resolution, the original it duplicates and the issue's facts (source, service, labels, timestamps). */
export function IssueFacts({ issue }: { issue: IssueResponse }) {
  const labels = Object.entries(issue.labels);
  return (
    <div className="stack">
      {issue.duplicateOf && (
        <p className="issue-outcome issue-duplicate">
          <strong>Duplicate of</strong>{' '}
          <Link to={`/issues/${issue.duplicateOf.key}`}>{issue.duplicateOf.key}</Link>
        </p>
      )}
      {issue.resolutionReason && (
        <p className="issue-outcome">
          <strong>Resolution:</strong> {issue.resolutionReason}
        </p>
      )}
      {issue.closeReason && (
        <p className="issue-outcome">
          <strong>Closed because:</strong> {issue.closeReason}
        </p>
      )}
      <section className="card" aria-label="Description">
        {issue.description ? (
          <p className="issue-description">{issue.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
      </section>
      <dl className="issue-facts card">
        <dt>Source</dt>
        <dd>{sourceLabel[issue.source]}</dd>
        {issue.service && (
          <>
            <dt>Service</dt>
            <dd>{issue.service}</dd>
          </>
        )}
        {issue.environment && (
          <>
            <dt>Environment</dt>
            <dd>{issue.environment}</dd>
          </>
        )}
        {issue.category && (
          <>
            <dt>Category</dt>
            <dd>{issue.category}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <RelativeTime at={issue.createdAt} />
          {issue.createdBy ? ` by ${issue.createdBy.name}` : ''}
        </dd>
        {issue.acknowledgedAt && (
          <>
            <dt>Acknowledged</dt>
            <dd>
              <RelativeTime at={issue.acknowledgedAt} />
            </dd>
          </>
        )}
        {issue.resolvedAt && (
          <>
            <dt>Resolved</dt>
            <dd>
              <RelativeTime at={issue.resolvedAt} />
            </dd>
          </>
        )}
        {issue.closedAt && (
          <>
            <dt>Closed</dt>
            <dd>
              <RelativeTime at={issue.closedAt} />
            </dd>
          </>
        )}
        {labels.length > 0 && (
          <>
            <dt>Labels</dt>
            <dd className="row">
              {labels.map(([name, value]) => (
                <code key={name} className="label-chip">
                  {name}={value}
                </code>
              ))}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
