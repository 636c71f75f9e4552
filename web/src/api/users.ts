import type { CreateUserRequest, UserListResponse, UserResponse } from '@argus/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../components/Toasts';
import { api, toQueryString } from './client';

export interface UserListParams {
  q?: string;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

/** User accounts (admins only); `enabled` is false for everyone else. */
export function useUsers(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: () => api<UserListResponse>('GET', `/api/users${toQueryString({ ...params })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api<UserResponse>('POST', '/api/users', body),
    onSuccess: (user) => {
      toast.success(`Created account for ${user.name}`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => toast.error(error),
  });
}

type UserChange = { name?: string; isAdmin?: boolean; isActive?: boolean; password?: string };

function describeChange(user: UserResponse, change: UserChange): string {
  if (change.isAdmin !== undefined)
    return user.isAdmin ? `${user.name} is now an admin` : `${user.name} is no longer an admin`;
  if (change.isActive !== undefined)
    return user.isActive ? `Reactivated ${user.name}` : `Deactivated ${user.name}`;
  return `Saved ${user.name}`;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ user, ...change }: { user: UserResponse } & UserChange) =>
      api<UserResponse>('PATCH', `/api/users/${encodeURIComponent(user.id)}`, change),
    onSuccess: (user, { user: _before, ...change }) => {
      toast.success(describeChange(user, change));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['assignable'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (error) => toast.error(error),
  });
}
