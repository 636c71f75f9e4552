import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDashboardStats, useRecentActivity, useRecentIssues, useTeamStats } from '../api/dashboard';
import { usePermissions } from '../app/auth';
import { ActivityFeed } from '../components/dashboard/ActivityFeed';
import { FirstRunState } from '../components/dashboard/FirstRunState';
import { RecentIssues } from '../components/dashboard/RecentIssues';
import { StatCards, statLinks } from '../components/dashboard/StatCards';
import { TeamProgress } from '../components/dashboard/TeamProgress';
import { EmptyState, ErrorState, Skeleton } from '../components/States';

/** The landing page: how things stand now, who is busy, what is new and what just happened. */
export function DashboardPage() {
  const { canCreateIssues } = usePermissions();
  const stats = useDashboardStats();
  const teamStats = useTeamStats();
  const recent = useRecentIssues();
  const activity = useRecentActivity();
  const isFirstRun =
    stats.data?.open === 0 && stats.data.resolvedToday === 0 && activity.data?.items.length === 0;

  return (
    <div className="dashboard">
      <div className="page-header">
        <h1>Dashboard</h1>
        <nav aria-label="Quick links" className="row quick-links">
          <Link className="button" to="/issues">
            All issues
          </Link>
          <Link className="button" to={statLinks.critical}>
            Critical issues
          </Link>
          <Link className="button" to="/issues?assignee=me">
            My issues
          </Link>
          {canCreateIssues && !isFirstRun && (
            <Link className="button primary" to="/issues/new">
              New issue
            </Link>
          )}
        </nav>
      </div>

      {stats.isPending ? (
        <Skeleton rows={2} label="Loading figures" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <StatCards stats={stats.data} />
      )}

      {isFirstRun && <FirstRunState canCreateIssues={canCreateIssues} />}

      <div className="dashboard-grid">
        <Section title="Recent issues">
          {recent.isPending ? (
            <Skeleton rows={5} label="Loading recent issues" />
          ) : recent.isError ? (
            <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
          ) : recent.data.items.length === 0 ? (
            <EmptyState title="Nothing open">
              <p>Every issue is resolved or closed. New ones will appear here as they arrive.</p>
            </EmptyState>
          ) : (
            <>
              <RecentIssues issues={recent.data.items} />
              {recent.data.page.total > recent.data.items.length && (
                <p className="section-footer muted">
                  The {recent.data.items.length} newest of {recent.data.page.total} unresolved issues.
                </p>
              )}
            </>
          )}
        </Section>

        <Section title="Teams">
          {teamStats.isPending ? (
            <Skeleton rows={4} label="Loading team figures" />
          ) : teamStats.isError ? (
            <ErrorState error={teamStats.error} onRetry={() => void teamStats.refetch()} />
          ) : teamStats.data.items.length === 0 ? (
            <EmptyState title="No teams yet">
              <p>
                Teams receive issues by routing keywords and share the work.{' '}
                <Link to="/teams">Set up teams</Link>
              </p>
            </EmptyState>
          ) : (
            <TeamProgress items={teamStats.data.items} />
          )}
        </Section>

        <Section title="Activity">
          {activity.isPending ? (
            <Skeleton rows={6} label="Loading activity" />
          ) : activity.isError ? (
            <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
          ) : activity.data.items.length === 0 ? (
            <EmptyState title="No activity yet">
              <p>Every change to an issue (created, assigned, resolved, commented) shows up here.</p>
            </EmptyState>
          ) : (
            <ActivityFeed items={activity.data.items} />
          )}
        </Section>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
