import { Link } from 'react-router';
import { EmptyState } from '../States';

/** A brand-new install: no issue has ever been recorded. Says where issues come from. */
export function FirstRunState({ canCreateIssues }: { canCreateIssues: boolean }) {
  return (
    <div className="card">
      <EmptyState title="No issues yet">
        <p>
          Issues come from the New issue button and from scripts calling the API with an{' '}
          <Link to="/settings/tokens">API token</Link>. An issue for a team goes to its member with the fewest
          open issues.
        </p>
        {canCreateIssues ? (
          <p>
            <Link className="button primary" to="/issues/new">
              New issue
            </Link>
          </p>
        ) : (
          <p>When something happens, it will show up here.</p>
        )}
      </EmptyState>
    </div>
  );
}
