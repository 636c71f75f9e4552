import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAssignable, useIssues, useTeamOptions } from '../api/issues';
import { usePermissions } from '../app/auth';
import { IssueFilters } from '../components/issues/IssueFilters';
import { IssueTable } from '../components/issues/IssueTable';
import {
  hasActiveFilters,
  readIssueFilters,
  toIssueQuery,
  writeIssueFilters,
} from '../components/issues/issueFilterParams';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, Skeleton } from '../components/States';

/** All issues, filtered, sorted and paged through the URL. */
export function IssuesPage() {
  const permissions = usePermissions();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readIssueFilters(searchParams);
  const issues = useIssues(toIssueQuery(filters));
  const teams = useTeamOptions();
  const people = useAssignable('');
  const searchRef = useRef<HTMLInputElement>(null);
  const uniquePeople = [...new Map((people.data ?? []).map((person) => [person.userId, person])).values()];
  const page = issues.data?.page;
  const pageCount = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  return (
    <div className="issues-page">
      <div className="page-header">
        <h1>Issues</h1>
        {permissions.canCreateIssues && (
          <Link className="button primary" to="/issues/new">
            New issue
          </Link>
        )}
      </div>
      <IssueFilters teams={teams.data} people={uniquePeople} searchRef={searchRef} />
      {issues.isPending ? (
        <Skeleton rows={8} label="Loading issues" />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
      ) : issues.data.items.length === 0 ? (
        <EmptyState title={hasActiveFilters(filters) ? 'No issues match these filters' : 'No issues yet'}>
          <p>
            {hasActiveFilters(filters)
              ? 'Try fewer filters or another search.'
              : 'Issues come from the New issue button and from the API.'}
          </p>
        </EmptyState>
      ) : (
        <div
          className={issues.isPlaceholderData ? 'issue-list is-refreshing' : 'issue-list'}
          aria-busy={issues.isFetching}
        >
          <p className="hint">
            {issues.data.page.total}
            {issues.data.page.totalIsCapped ? '+' : ''} {issues.data.page.total === 1 ? 'issue' : 'issues'}
          </p>
          <IssueTable issues={issues.data.items} searchRef={searchRef} />
        </div>
      )}
      {page && page.total > 0 && (
        <Pagination
          page={filters.page}
          pageCount={pageCount}
          isCapped={page.totalIsCapped}
          onPage={(next) => {
            setSearchParams(writeIssueFilters({ ...filters, page: next }));
            window.scrollTo?.({ top: 0 });
          }}
        />
      )}
    </div>
  );
}
