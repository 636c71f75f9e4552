import { type FormEvent, useId, useMemo, useState } from 'react';
import type { AssignablePerson, AssigneeChange } from '../../api/issues';

export interface CurrentAssignee {
  id: string;
  name: string;
}

/** The people to check or uncheck: the given ones, plus current assignees that the list does not hold. */
function mergePeople(people: AssignablePerson[], current: CurrentAssignee[]): AssignablePerson[] {
  const byId = new Map<string, AssignablePerson>();
  for (const person of people) {
    const known = byId.get(person.userId);
    // The API answers one row per person; merge their teams if a list ever repeats someone.
    byId.set(person.userId, known ? { ...known, teams: [...known.teams, ...person.teams] } : person);
  }
  for (const person of current) {
    if (!byId.has(person.id))
      byId.set(person.id, { userId: person.id, name: person.name, email: '', teams: [], openIssueCount: 0 });
  }
  return [...byId.values()];
}

function matches(person: AssignablePerson, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [person.name, person.email, ...person.teams.map((team) => team.name)].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/** What to send: who was checked and was not assigned, who was assigned and is now unchecked. */
export function diffAssignees(currentIds: string[], selectedIds: Iterable<string>): AssigneeChange {
  const selected = new Set(selectedIds);
  const current = new Set(currentIds);
  return {
    add: [...selected].filter((id) => !current.has(id)),
    remove: [...current].filter((id) => !selected.has(id)),
  };
}

/**
 * A searchable multi-select of everyone who can take issues, across all teams. Current assignees start checked;
 * saving reports the add/remove difference.
 */
export function AssigneePicker({
  people,
  current,
  onSave,
  onCancel,
  onQueryChange,
  isSaving = false,
  isLoading = false,
}: {
  people: AssignablePerson[];
  current: CurrentAssignee[];
  onSave: (change: AssigneeChange) => void;
  onCancel?: () => void;
  /** Lets the owner also search on the server; the list given is filtered here as well. */
  onQueryChange?: (query: string) => void;
  isSaving?: boolean;
  isLoading?: boolean;
}) {
  const idPrefix = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(() => new Set(current.map((person) => person.id)));
  const everyone = useMemo(() => mergePeople(people, current), [people, current]);
  const visible = everyone.filter((person) => matches(person, query));
  const change = diffAssignees(
    current.map((person) => person.id),
    selected,
  );
  const hasChange = change.add.length + change.remove.length > 0;
  const toggle = (userId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasChange) onSave(change);
  };
  return (
    <form className="stack assignee-picker" onSubmit={submit}>
      <label>
        Search people
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            onQueryChange?.(event.target.value);
          }}
          placeholder="Name, e-mail or team"
        />
      </label>
      <ul className="assignee-options" aria-busy={isLoading}>
        {visible.map((person) => {
          const descriptionId = `${idPrefix}-${person.userId}`;
          const teams = person.teams.map((team) => team.name).join(', ') || 'No team';
          return (
            <li key={person.userId}>
              <label className="assignee-option">
                <input
                  type="checkbox"
                  aria-label={person.name}
                  aria-describedby={descriptionId}
                  checked={selected.has(person.userId)}
                  onChange={() => toggle(person.userId)}
                />
                <span className="assignee-name">{person.name}</span>
                <span id={descriptionId} className="hint">
                  {teams} · {person.openIssueCount} open
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {visible.length === 0 && <p className="muted">{isLoading ? 'Loading people…' : 'Nobody matches.'}</p>}
      <p className="hint" aria-live="polite">
        {hasChange ? `${change.add.length} to add, ${change.remove.length} to remove` : 'No changes yet'}
      </p>
      <div className="row dialog-actions">
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={!hasChange || isSaving}>
          Save assignees
        </button>
      </div>
    </form>
  );
}
