import type { IssueSort } from '@argus/contracts';
import { type RefObject, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  PRIORITIES,
  priorityLabel,
  SORTS,
  SOURCES,
  STATUSES,
  sortLabel,
  sourceLabel,
  statusLabel,
} from '../../api/domain';
import { SelectField } from '../SelectField';
import { FilterSelect, type SelectOption } from './FilterSelect';
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  type IssueFilterValues,
  readIssueFilters,
  writeIssueFilters,
} from './issueFilterParams';

const TYPING_DELAY_MS = 350;

const statusOptions: SelectOption[] = [
  { value: 'open,acknowledged,in_progress', label: 'Active (open, acknowledged, in progress)' },
  { value: 'resolved,closed', label: 'Done (resolved, closed)' },
  ...STATUSES.map((status) => ({ value: status, label: statusLabel[status] })),
];
const priorityOptions: SelectOption[] = [
  { value: 'critical,high', label: 'Critical and high' },
  ...PRIORITIES.map((priority) => ({ value: priority, label: priorityLabel[priority] })),
];
const sourceOptions: SelectOption[] = SOURCES.map((source) => ({
  value: source,
  label: sourceLabel[source],
}));
const sortOptions = SORTS.map((value) => ({ value, label: sortLabel[value] }));

/** A text filter that follows the URL but only writes it once typing pauses (Enter writes at once). */
function useTypedFilter(urlValue: string, commit: (value: string) => void) {
  const [text, setText] = useState(urlValue);
  useEffect(() => setText((current) => (current.trim() === urlValue ? current : urlValue)), [urlValue]);
  useEffect(() => {
    if (text.trim() === urlValue) return;
    const timer = setTimeout(() => commit(text), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, urlValue, commit]);
  return [text, setText] as const;
}

/** "2024-05-01T00:00:00.000Z" → the local date "2024-05-01" for a date input. */
function toDateInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fromDateInput(value: string, endOfDay: boolean): string {
  if (!value) return '';
  return new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

export interface IssueFiltersProps {
  teams?: { id: string; name: string }[];
  people?: { userId: string; name: string }[];
  searchRef?: RefObject<HTMLInputElement | null>;
}

/** Every control of the issue list; the URL's search params are the single source of truth. */
export function IssueFilters({ teams = [], people = [], searchRef }: IssueFiltersProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readIssueFilters(searchParams);
  const update = (change: Partial<IssueFilterValues>, replace = false) =>
    setSearchParams((previous) => writeIssueFilters({ ...readIssueFilters(previous), page: 1, ...change }), {
      replace,
    });
  const [q, setQ] = useTypedFilter(filters.q, (value) => update({ q: value }, true));
  const [service, setService] = useTypedFilter(filters.service, (value) => update({ service: value }, true));
  const isMine = filters.assignee.length === 1 && filters.assignee[0] === 'me';
  const teamOptions = [
    { value: 'none', label: 'No team' },
    ...teams.map((team) => ({ value: team.id, label: team.name })),
  ];
  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...people.map((person) => ({ value: person.userId, label: person.name })),
  ];
  return (
    <section className="issue-filters" aria-label="Issue filters">
      <form
        className="issue-filters-search"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q, service }, true);
        }}
      >
        <label>
          Search issues
          <input
            ref={searchRef}
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder="Title, description, comments…  (press /)"
          />
        </label>
      </form>
      <div className="issue-filters-grid">
        <FilterSelect
          label="Status"
          anyLabel="Any status"
          options={statusOptions}
          values={filters.status}
          onChange={(status) => update({ status })}
        />
        <FilterSelect
          label="Priority"
          anyLabel="Any priority"
          options={priorityOptions}
          values={filters.priority}
          onChange={(priority) => update({ priority })}
        />
        <FilterSelect
          label="Team"
          anyLabel="Any team"
          options={teamOptions}
          values={filters.teamId}
          onChange={(teamId) => update({ teamId })}
        />
        <FilterSelect
          label="Assignee"
          anyLabel="Anyone"
          options={assigneeOptions}
          values={filters.assignee}
          onChange={(assignee) => update({ assignee })}
        />
        <FilterSelect
          label="Source"
          anyLabel="Any source"
          options={sourceOptions}
          values={filters.source}
          onChange={(source) => update({ source })}
        />
        <label>
          Service
          <input
            type="text"
            value={service}
            onChange={(event) => setService(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && update({ service }, true)}
            placeholder="e.g. checkout"
          />
        </label>
        <label>
          Created from
          <input
            type="date"
            value={toDateInput(filters.createdFrom)}
            onChange={(event) => update({ createdFrom: fromDateInput(event.target.value, false) })}
          />
        </label>
        <label>
          Created to
          <input
            type="date"
            value={toDateInput(filters.createdTo)}
            onChange={(event) => update({ createdTo: fromDateInput(event.target.value, true) })}
          />
        </label>
        <SelectField label="Sort">
          <select
            value={filters.sort}
            onChange={(event) => update({ sort: event.target.value as IssueSort })}
          >
            {sortOptions
              .filter((option) => option.value !== 'relevance' || filters.q || filters.sort === 'relevance')
              .map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
          </select>
        </SelectField>
      </div>
      <div className="row issue-filters-end">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isMine}
            onChange={() => update({ assignee: isMine ? [] : ['me'] })}
          />
          My issues
        </label>
        <button
          type="button"
          className="button small"
          disabled={!hasActiveFilters(filters)}
          onClick={() => {
            setQ('');
            setService('');
            setSearchParams(
              writeIssueFilters({ ...EMPTY_FILTERS, sort: filters.sort, pageSize: filters.pageSize }),
            );
          }}
        >
          Clear filters
        </button>
      </div>
    </section>
  );
}
