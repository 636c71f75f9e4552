import type { IssueResponse } from '@argus/contracts';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PriorityBadge, StatusBadge } from '../Badges';
import { RelativeTime } from '../RelativeTime';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard use of the list: j/k or ArrowDown/ArrowUp move the highlighted row, Enter opens it, "/" focuses search.
 * Ignored while typing in a field or while a dialog is open.
 */
function useListKeyboard(
  count: number,
  open: (index: number) => void,
  searchRef?: RefObject<HTMLInputElement | null>,
) {
  const [highlighted, setHighlighted] = useState(-1);
  useEffect(() => setHighlighted((index) => (index >= count ? count - 1 : index)), [count]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target))
        return;
      if (document.querySelector('dialog[open]')) return;
      const move = (step: number) => {
        event.preventDefault();
        setHighlighted((index) => Math.max(0, Math.min(count - 1, index < 0 ? 0 : index + step)));
      };
      if (event.key === 'j' || event.key === 'ArrowDown') move(1);
      else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
      else if (event.key === '/' && searchRef?.current) {
        event.preventDefault();
        searchRef.current.focus();
      } else if (event.key === 'Enter' && highlighted >= 0) {
        // A focused link or button already answers Enter itself.
        const target = event.target as HTMLElement | null;
        if (target && ['A', 'BUTTON'].includes(target.tagName)) return;
        event.preventDefault();
        open(highlighted);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [count, highlighted, open, searchRef]);
  return highlighted;
}

/** The issues of one page; each title links to the issue. */
export function IssueTable({
  issues,
  searchRef,
}: {
  issues: IssueResponse[];
  searchRef?: RefObject<HTMLInputElement | null>;
}) {
  const navigate = useNavigate();
  const tableRef = useRef<HTMLTableElement>(null);
  const highlighted = useListKeyboard(
    issues.length,
    (index) => {
      const issue = issues[index];
      if (issue) navigate(`/issues/${issue.key}`);
    },
    searchRef,
  );
  useEffect(() => {
    if (highlighted < 0) return;
    const link = tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody a.issue-title')[highlighted];
    link?.focus();
  }, [highlighted]);
  return (
    <table className="table issue-table" ref={tableRef}>
      <caption className="visually-hidden">Issues. Use j and k to move, Enter to open, / to search.</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col" className="hide-small">
            Team
          </th>
          <th scope="col" className="hide-small">
            Assignees
          </th>
          <th scope="col" className="hide-small">
            Updated
          </th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => (
          <tr
            key={issue.id}
            className={index === highlighted ? 'selected' : undefined}
            aria-current={index === highlighted ? 'true' : undefined}
          >
            <td className="issue-key">{issue.key}</td>
            <td>
              <Link className="issue-title" to={`/issues/${issue.key}`}>
                {issue.title}
              </Link>
              {issue.service && <span className="hint issue-service"> · {issue.service}</span>}
            </td>
            <td>
              <StatusBadge status={issue.status} />
            </td>
            <td>
              <PriorityBadge priority={issue.priority} />
            </td>
            <td className="hide-small">{issue.team?.name ?? <span className="muted">No team</span>}</td>
            <td className="hide-small">
              {issue.assignees.length > 0 ? (
                issue.assignees.map((person) => person.name).join(', ')
              ) : (
                <span className="muted">Unassigned</span>
              )}
            </td>
            <td className="hide-small">
              <RelativeTime at={issue.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
