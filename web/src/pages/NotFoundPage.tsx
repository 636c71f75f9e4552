import { Link } from 'react-router';
import { EmptyState } from '../components/States';

export function NotFoundPage() {
  return (
    <EmptyState title="There is no page here.">
      <p>
        The link may be old or mistyped. <Link to="/">Go to the dashboard</Link> or{' '}
        <Link to="/issues">see all issues</Link>.
      </p>
    </EmptyState>
  );
}
