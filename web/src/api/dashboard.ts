import type {
  DashboardStatsResponse,
  IssueListResponse,
  RecentActivityResponse,
  TeamStatsResponse,
} from '@argus/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, toQueryString } from './client';
import { ACTIVE_STATUSES } from './domain';

/** The headline figures: open, critical, high, unassigned, resolved today, MTTA and MTTR. */
export function useDashboardStats() {
  return useQuery({
    queryKey: ['dashboard', 'stats'],
    queryFn: () => api<DashboardStatsResponse>('GET', '/api/dashboard/stats'),
  });
}

/** Open and recently resolved issues per team. */
export function useTeamStats() {
  return useQuery({
    queryKey: ['dashboard', 'team-stats'],
    queryFn: () => api<TeamStatsResponse>('GET', '/api/dashboard/team-stats'),
  });
}

/** The latest history entries across all issues, each with a readable summary. */
export function useRecentActivity(limit = 15) {
  return useQuery({
    queryKey: ['dashboard', 'activity', limit],
    queryFn: () =>
      api<RecentActivityResponse>('GET', `/api/dashboard/recent-activity${toQueryString({ limit })}`),
  });
}

const recentIssuesParams = { sort: '-created', pageSize: 8, status: ACTIVE_STATUSES.join(',') };

/** The newest unresolved issues; shares the 'issues' key so live events refresh it. */
export function useRecentIssues() {
  return useQuery({
    queryKey: ['issues', recentIssuesParams],
    queryFn: () => api<IssueListResponse>('GET', `/api/issues${toQueryString(recentIssuesParams)}`),
  });
}
