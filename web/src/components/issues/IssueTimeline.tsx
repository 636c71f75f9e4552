import type { IssueHistoryEntry } from '../../api/issues';
import { RelativeTime } from '../RelativeTime';
import { EmptyState } from '../States';
import { describeHistory } from './historyText';

/** The issue's history, oldest first, one readable line per change. */
export function IssueTimeline({ entries }: { entries: IssueHistoryEntry[] }) {
  if (entries.length === 0) return <EmptyState title="No history yet" />;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline-item timeline-${entry.action}`}>
          <span className="timeline-text">{describeHistory(entry)}</span>
          <span className="hint">
            {' · '}
            <RelativeTime at={entry.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
