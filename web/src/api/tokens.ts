import type { CreateTokenResponse, TokenResponse } from '@argus/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../components/Toasts';
import { api } from './client';

/** My personal API tokens (never the secrets: those are shown once, at creation). */
export function useTokens() {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: () => api<{ items: TokenResponse[] }>('GET', '/api/tokens'),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      api<CreateTokenResponse>('POST', '/api/tokens', body),
    onSuccess: (token) => {
      toast.success(`Created token ${token.name}`);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => toast.error(error),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (token: TokenResponse) => api<void>('DELETE', `/api/tokens/${encodeURIComponent(token.id)}`),
    onSuccess: (_result, token) => {
      toast.success(`Revoked token ${token.name}`);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => toast.error(error),
  });
}
