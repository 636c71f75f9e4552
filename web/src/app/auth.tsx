import type { MeResponse, Role } from '@argus/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client';

interface AuthState {
  me: MeResponse | null;
  isLoading: boolean;
  error: Error | null;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Loads the signed-in person once (GET /api/auth/me) and keeps the CSRF token for writes. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api<MeResponse>('GET', '/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  const value = useMemo<AuthState>(
    () => ({
      me: query.data ?? null,
      isLoading: query.isLoading,
      error: query.error,
      refresh: async () => {
        await queryClient.invalidateQueries({ queryKey: ['me'] });
      },
      signOut: async () => {
        await api('POST', '/api/auth/logout');
        setCsrfToken(null);
        // clear() alone leaves the mounted ['me'] observer holding the old person, and the sign-in page would
        // send them straight back in: set it to "signed out" first, then drop everything else.
        queryClient.setQueryData(['me'], null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      },
    }),
    [query.data, query.isLoading, query.error, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

/** The signed-in person; only for pages behind the sign-in guard. */
export function useMe(): MeResponse {
  const { me } = useAuth();
  if (!me) throw new Error('useMe needs a signed-in person');
  return me;
}

/** What the signed-in person may do, mirroring the server's permission table (the server still enforces it). */
export function usePermissions() {
  const me = useMe();
  const managed = new Set(me.memberships.filter((m) => m.role === 'manager').map((m) => m.teamId));
  const role: Role = me.role;
  const isAdmin = role === 'admin';
  return {
    role,
    isAdmin,
    canCreateIssues: role !== 'viewer',
    canComment: role !== 'viewer',
    /** Re-triage or re-run the root-cause analysis: anyone but a viewer. */
    canRequestAnalysis: role !== 'viewer',
    /** Close an issue as a duplicate of another: anyone but a viewer. */
    canMarkDuplicate: role !== 'viewer',
    managesTeam: (teamId: string | null | undefined) => isAdmin || (teamId ? managed.has(teamId) : false),
    /** Change status or resolve: admin, the team's manager, or an assignee who is a member of some team. */
    canWorkOn: (issue: { team: { id: string } | null; assignees: { id: string }[] }) =>
      isAdmin ||
      (issue.team ? managed.has(issue.team.id) : false) ||
      (role !== 'viewer' && issue.assignees.some((person) => person.id === me.id)),
    /** Close, reassign or move: admin or the team's manager. */
    canManage: (issue: { team: { id: string } | null }) =>
      isAdmin || (issue.team ? managed.has(issue.team.id) : false),
  };
}
