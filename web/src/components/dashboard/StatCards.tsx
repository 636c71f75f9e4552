import type { DashboardStatsResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { ACTIVE_STATUSES } from '../../api/domain';
import { formatDuration } from '../RelativeTime';

const active = ACTIVE_STATUSES.join(',');
const done = 'resolved,closed';

interface StatCardProps {
  label: string;
  value: string;
  to: string;
  hint?: string;
  tone?: 'critical' | 'high';
}

/** One figure on the dashboard; the whole card is a link to the issues it counts (name starts with the label). */
export function StatCard({ label, value, to, hint, tone }: StatCardProps) {
  return (
    <Link to={to} className={`stat-card${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint && <span className="stat-hint">{hint}</span>}
    </Link>
  );
}

/** The links behind each figure, so a click shows exactly the issues that make the number. */
export const statLinks = {
  open: `/issues?status=${active}`,
  critical: `/issues?priority=critical&status=${active}`,
  high: `/issues?priority=high&status=${active}`,
  unassigned: `/issues?assignee=none&status=${active}`,
  resolvedToday: `/issues?status=${done}&sort=-updated`,
  responseTimes: `/issues?status=${done}`,
} as const;

export function StatCards({ stats }: { stats: DashboardStatsResponse }) {
  return (
    <div className="stat-grid">
      <StatCard label="Open" value={String(stats.open)} to={statLinks.open} />
      <StatCard
        label="Critical"
        value={String(stats.critical)}
        to={statLinks.critical}
        tone={stats.critical > 0 ? 'critical' : undefined}
      />
      <StatCard
        label="High"
        value={String(stats.high)}
        to={statLinks.high}
        tone={stats.high > 0 ? 'high' : undefined}
      />
      <StatCard label="Unassigned" value={String(stats.unassigned)} to={statLinks.unassigned} />
      <StatCard label="Resolved today" value={String(stats.resolvedToday)} to={statLinks.resolvedToday} />
      <StatCard
        label="MTTA"
        value={formatDuration(stats.mttaSeconds)}
        hint="last 30 days"
        to={statLinks.responseTimes}
      />
      <StatCard
        label="MTTR"
        value={formatDuration(stats.mttrSeconds)}
        hint="last 30 days"
        to={statLinks.responseTimes}
      />
    </div>
  );
}
