import type { IssueResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { PriorityBadge, StatusBadge } from '../Badges';
import { describeIssueAge } from './issue-age';

const exactTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The newest unresolved issues, each flagged amber after a day and red after two. */
export function RecentIssues({ issues, now = new Date() }: { issues: IssueResponse[]; now?: Date }) {
  return (
    <ul className="recent-issues">
      {issues.map((issue) => {
        const age = describeIssueAge(issue.createdAt, now);
        return (
          <li key={issue.id} className={age.className || undefined}>
            <div className="recent-issue-title">
              <span className="issue-key">{issue.key}</span>
              <Link to={`/issues/${issue.key}`}>{issue.title}</Link>
            </div>
            <div className="row recent-issue-meta">
              <PriorityBadge priority={issue.priority} />
              <StatusBadge status={issue.status} />
              {issue.team && <span className="muted">{issue.team.name}</span>}
              <time
                className={`age-label ${age.className}`.trim()}
                dateTime={issue.createdAt}
                title={`Opened ${exactTime.format(new Date(issue.createdAt))}`}
              >
                {age.level !== 'fresh' && <span aria-hidden="true">● </span>}
                {age.label}
              </time>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
