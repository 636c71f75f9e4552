import type { TeamStatsResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { ACTIVE_STATUSES } from '../../api/domain';

type TeamStat = TeamStatsResponse['items'][number];

/** Open versus resolved (last 30 days) per team, as a labelled bar. */
export function TeamProgress({ items }: { items: TeamStat[] }) {
  return (
    <ul className="team-progress">
      {items.map((team) => {
        const total = team.open + team.resolved;
        const label = `${team.teamName}: ${team.open} open, ${team.resolved} resolved`;
        const resolvedPercent = total === 0 ? 0 : Math.round((team.resolved / total) * 100);
        const to = `/issues?teamId=${team.teamId ?? 'none'}&status=${ACTIVE_STATUSES.join(',')}`;
        return (
          <li key={team.teamId ?? 'none'}>
            <div className="team-progress-head">
              <Link to={to}>{team.teamName}</Link>
              <span className="muted">
                {team.open} open · {team.resolved} resolved
                {team.critical > 0 && <span className="priority-critical"> · {team.critical} critical</span>}
              </span>
            </div>
            <div
              className="progress"
              role="progressbar"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={team.resolved}
              aria-valuetext={label}
            >
              <div className="progress-done" style={{ width: `${resolvedPercent}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
