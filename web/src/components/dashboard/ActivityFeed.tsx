import type { RecentActivityResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { RelativeTime } from '../RelativeTime';

type ActivityItem = RecentActivityResponse['items'][number];

/** What happened lately, newest first: one readable line per change, linked to its issue. */
export function ActivityFeed({ items }: { items: ActivityItem[] }) {
  return (
    <ol className="activity-feed">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/issues/${item.issueKey}`} title={item.issueTitle}>
            {item.summary}
          </Link>
          <span className="muted activity-time">
            <RelativeTime at={item.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
