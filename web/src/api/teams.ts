import type {
  AssignableResponse,
  CreateTeamRequest,
  MemberResponse,
  MemberRole,
  TeamResponse,
  UpdateTeamRequest,
} from '@argus/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../components/Toasts';
import { api, toQueryString } from './client';

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api<{ items: TeamResponse[] }>('GET', '/api/teams'),
  });
}

export function useTeam(teamId: string) {
  return useQuery({
    queryKey: ['team', teamId],
    queryFn: () => api<TeamResponse>('GET', `/api/teams/${encodeURIComponent(teamId)}`),
  });
}

export function useMembers(teamId: string) {
  return useQuery({
    queryKey: ['members', teamId],
    queryFn: () =>
      api<{ items: MemberResponse[] }>('GET', `/api/teams/${encodeURIComponent(teamId)}/members`),
  });
}

/** People in any team (what a manager may pick from); `enabled` keeps admins from loading it needlessly. */
export function useAssignable(q = '', enabled = true) {
  return useQuery({
    queryKey: ['assignable', q],
    queryFn: () => api<AssignableResponse>('GET', `/api/members/assignable${toQueryString({ q })}`),
    enabled,
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (body: CreateTeamRequest) => api<TeamResponse>('POST', '/api/teams', body),
    onSuccess: (team) => {
      toast.success(`Created team ${team.name}`);
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: (error) => toast.error(error),
  });
}

export function useUpdateTeam(teamId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (body: UpdateTeamRequest) =>
      api<TeamResponse>('PATCH', `/api/teams/${encodeURIComponent(teamId)}`, body),
    onSuccess: (team) => {
      toast.success(`Saved settings of ${team.name}`);
      queryClient.setQueryData(['team', teamId], team);
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
    onError: (error) => toast.error(error),
  });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (team: TeamResponse) => api<void>('DELETE', `/api/teams/${encodeURIComponent(team.id)}`),
    onSuccess: (_result, team) => {
      toast.success(`Deleted team ${team.name}`);
      queryClient.removeQueries({ queryKey: ['team', team.id] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['issues'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (error) => toast.error(error),
  });
}

/** After a membership change: the team's members and counts, the pickers, and my own roles may have moved. */
function useInvalidateMembership(teamId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['members', teamId] });
    void queryClient.invalidateQueries({ queryKey: ['team', teamId] });
    void queryClient.invalidateQueries({ queryKey: ['teams'] });
    void queryClient.invalidateQueries({ queryKey: ['assignable'] });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  };
}

export function useAddMember(teamId: string) {
  const toast = useToast();
  const invalidate = useInvalidateMembership(teamId);
  return useMutation({
    mutationFn: (body: { userId: string; role: MemberRole }) =>
      api<MemberResponse>('POST', `/api/teams/${encodeURIComponent(teamId)}/members`, body),
    onSuccess: (member) => {
      toast.success(`Added ${member.user.name} to ${member.teamName}`);
      invalidate();
    },
    onError: (error) => toast.error(error),
  });
}

export function useUpdateMember(teamId: string) {
  const toast = useToast();
  const invalidate = useInvalidateMembership(teamId);
  return useMutation({
    mutationFn: ({ member, ...body }: { member: MemberResponse; role?: MemberRole; isActive?: boolean }) =>
      api<MemberResponse>('PATCH', `/api/members/${encodeURIComponent(member.id)}`, body),
    onSuccess: (member, variables) => {
      if (variables.role)
        toast.success(`${member.user.name} is now ${member.role === 'manager' ? 'a manager' : 'an agent'}`);
      else
        toast.success(
          `${member.user.name} is ${member.isActive ? 'active again' : 'inactive: no new assignments'}`,
        );
      invalidate();
    },
    onError: (error) => toast.error(error),
  });
}

export function useRemoveMember(teamId: string) {
  const toast = useToast();
  const invalidate = useInvalidateMembership(teamId);
  return useMutation({
    mutationFn: (member: MemberResponse) =>
      api<void>('DELETE', `/api/members/${encodeURIComponent(member.id)}`),
    onSuccess: (_result, member) => {
      toast.success(`Removed ${member.user.name} from ${member.teamName}`);
      invalidate();
    },
    onError: (error) => toast.error(error),
  });
}
