import type {
  AssignableResponse,
  CommentResponse,
  CreateIssueRequest,
  HistoryEntryResponse,
  IssueListResponse,
  IssueResponse,
  TeamResponse,
  UpdateIssueRequest,
} from '@argus/contracts';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useToast } from '../components/Toasts';
import { api, toQueryString } from './client';

export type IssueListParams = Record<string, string | number | undefined>;
export type AssignablePerson = AssignableResponse['items'][number];
export type IssueHistoryEntry = HistoryEntryResponse;
export type IssueComment = CommentResponse;
/** What the create form sends; the server fills the defaults (description, priority, labels). */
export type NewIssueInput = Partial<CreateIssueRequest> & Pick<CreateIssueRequest, 'title'>;

const issuePath = (key: string) => `/api/issues/${encodeURIComponent(key)}`;

/** One page of issues for the list's filters (the same names as the API query). */
export function useIssues(params: IssueListParams) {
  return useQuery({
    queryKey: ['issues', params],
    queryFn: () => api<IssueListResponse>('GET', `/api/issues${toQueryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useIssue(key: string) {
  return useQuery({ queryKey: ['issue', key], queryFn: () => api<IssueResponse>('GET', issuePath(key)) });
}

export function useHistory(key: string) {
  return useQuery({
    queryKey: ['history', key],
    queryFn: async () =>
      (await api<{ items: IssueHistoryEntry[] }>('GET', `${issuePath(key)}/history`)).items,
  });
}

export function useComments(key: string) {
  return useQuery({
    queryKey: ['comments', key],
    queryFn: async () => (await api<{ items: IssueComment[] }>('GET', `${issuePath(key)}/comments`)).items,
  });
}

/** People who can take issues, across all teams, with their teams and current workload. */
export function useAssignable(q: string, enabled = true) {
  return useQuery({
    queryKey: ['assignable', q],
    // The cache keeps the API's answer as is: the teams pages share this key.
    queryFn: () => api<AssignableResponse>('GET', `/api/members/assignable${toQueryString({ q })}`),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Teams for menus; shares the teams pages' cache entry (the API's answer as is). */
export function useTeamOptions() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api<{ items: TeamResponse[] }>('GET', '/api/teams'),
    select: (data) => data.items,
  });
}

function invalidateIssue(queryClient: QueryClient, key: string) {
  for (const queryKey of [['issues'], ['issue', key], ['history', key], ['comments', key], ['dashboard']]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** A write on one issue: on success the issue, its lists and figures refresh and a toast confirms it. */
function useIssueAction<TInput>(key: string, run: (input: TInput) => Promise<unknown>, done: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: run,
    onSuccess: () => toast.success(done),
    onError: (error) => toast.error(error),
    onSettled: () => invalidateIssue(queryClient, key),
  });
}

export function useCreateIssue() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: NewIssueInput) => api<IssueResponse>('POST', '/api/issues', input),
    onSuccess: (issue) => {
      toast.success(`Created ${issue.key}`);
      queryClient.setQueryData(['issue', issue.key], issue);
      void queryClient.invalidateQueries({ queryKey: ['issues'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: (error) => toast.error(error),
  });
}

/**
 * Edits fields. Status and priority show at once (optimistic) and roll back if the server refuses;
 * other fields wait for the answer.
 */
export function useUpdateIssue(key: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (patch: UpdateIssueRequest) => api<IssueResponse>('PATCH', issuePath(key), patch),
    onMutate: async (patch) => {
      const { status, priority } = patch;
      if (status === undefined && priority === undefined) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: ['issue', key] });
      const previous = queryClient.getQueryData<IssueResponse>(['issue', key]);
      if (previous) {
        queryClient.setQueryData<IssueResponse>(['issue', key], {
          ...previous,
          ...(status ? { status } : {}),
          ...(priority ? { priority } : {}),
        });
      }
      return { previous };
    },
    onSuccess: (issue) => {
      queryClient.setQueryData(['issue', key], issue);
      toast.success(`Updated ${issue.key}`);
    },
    onError: (error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(['issue', key], context.previous);
      toast.error(error);
    },
    onSettled: () => invalidateIssue(queryClient, key),
  });
}

export function useResolveIssue(key: string) {
  return useIssueAction(
    key,
    (reason: string) => api<IssueResponse>('POST', `${issuePath(key)}/resolve`, { reason }),
    `Resolved ${key}`,
  );
}

export function useCloseIssue(key: string) {
  return useIssueAction(
    key,
    (reason: string) => api<IssueResponse>('POST', `${issuePath(key)}/close`, { reason }),
    `Closed ${key}`,
  );
}

export function useReopenIssue(key: string) {
  return useIssueAction(
    key,
    () => api<IssueResponse>('POST', `${issuePath(key)}/reopen`, {}),
    `Reopened ${key}`,
  );
}

export interface AssigneeChange {
  add: string[];
  remove: string[];
}

export function useSetAssignees(key: string) {
  return useIssueAction(
    key,
    (change: AssigneeChange) => api<IssueResponse>('POST', `${issuePath(key)}/assignees`, change),
    'Assignees saved',
  );
}

export function useAddComment(key: string) {
  return useIssueAction(
    key,
    (body: string) => api<IssueComment>('POST', `${issuePath(key)}/comments`, { body }),
    'Comment added',
  );
}
