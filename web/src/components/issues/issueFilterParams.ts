import type { IssueSort } from '@argus/contracts';
import { SORTS } from '../../api/domain';

/** The issue list's filters; they live in the URL with the same names as the API query. */
export interface IssueFilterValues {
  q: string;
  status: string[];
  priority: string[];
  source: string[];
  teamId: string[];
  assignee: string[];
  service: string;
  createdFrom: string;
  createdTo: string;
  sort: IssueSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_SORT: IssueSort = '-created';
export const DEFAULT_PAGE_SIZE = 25;
const LIST_FIELDS = ['status', 'priority', 'source', 'teamId', 'assignee'] as const;
const TEXT_FIELDS = ['q', 'service', 'createdFrom', 'createdTo'] as const;

export const EMPTY_FILTERS: IssueFilterValues = {
  q: '',
  status: [],
  priority: [],
  source: [],
  teamId: [],
  assignee: [],
  service: '',
  createdFrom: '',
  createdTo: '',
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

/** Reads the filters from a URL's search params; unknown or malformed values fall back to the defaults. */
export function readIssueFilters(search: URLSearchParams): IssueFilterValues {
  const sort = search.get('sort') as IssueSort | null;
  const filters: IssueFilterValues = {
    ...EMPTY_FILTERS,
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_SORT,
    page: positiveInt(search.get('page'), 1, 100_000),
    pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  for (const field of LIST_FIELDS) filters[field] = splitList(search.get(field));
  for (const field of TEXT_FIELDS) filters[field] = search.get(field)?.trim() ?? '';
  return filters;
}

/** Writes the filters as search params, leaving out empty values and defaults so shared links stay short. */
export function writeIssueFilters(filters: IssueFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(toIssueQuery(filters))) search.set(name, String(value));
  return search;
}

/** The API query for the filters (GET /api/issues), without empty values and defaults. */
export function toIssueQuery(filters: IssueFilterValues): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  for (const field of LIST_FIELDS) if (filters[field].length > 0) query[field] = filters[field].join(',');
  for (const field of ['service', 'createdFrom', 'createdTo'] as const) {
    if (filters[field].trim()) query[field] = filters[field].trim();
  }
  if (filters.sort !== DEFAULT_SORT) query.sort = filters.sort;
  if (filters.page !== 1) query.page = filters.page;
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = filters.pageSize;
  return query;
}

/** True when any filter narrows the list (sort and paging do not count). */
export function hasActiveFilters(filters: IssueFilterValues): boolean {
  return (
    LIST_FIELDS.some((field) => filters[field].length > 0) ||
    TEXT_FIELDS.some((field) => filters[field].trim() !== '')
  );
}
