import { Link } from 'react-router';
import { EmptyState } from '../States';

/** A brand-new install: no issue has ever been recorded. Says where issues come from. */
export function FirstRunState({ canCreateIssues }: { canCreateIssues: boolean }) {
  return (
    <div className="card">
      <EmptyState title="No issues yet">
        <p>
          Issues arrive on their own once Argus is connected: a Slack mention, an Alertmanager, Grafana or
          PagerDuty alert, a status page incident, a detected anomaly, or a script calling the API with an{' '}
          <Link to="/settings/tokens">API token</Link>. Each one becomes an issue with a priority, a team and
          an owner.
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
