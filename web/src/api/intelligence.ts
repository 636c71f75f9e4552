import type { AiStatusResponse, IssueResponse, RcaResponse, SimilarIssuesResponse } from '@argus/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../components/Toasts';
import { api } from './client';

const issuePath = (key: string) => `/api/issues/${encodeURIComponent(key)}`;

/** While an analysis is queued or running, ask again this often in case a live step was missed. */
const ANALYSIS_POLL_MS = 15_000;

/** The latest root-cause analysis of an issue and the steps of its run, in order; live steps are merged in. */
export function useRootCause(key: string) {
  return useQuery({
    queryKey: ['rca', key],
    queryFn: () => api<RcaResponse>('GET', `${issuePath(key)}/rca`),
    refetchInterval: (query) => {
      const status = query.state.data?.rca?.status;
      return status === 'queued' || status === 'running' ? ANALYSIS_POLL_MS : false;
    },
  });
}

/**
 * Starts a root-cause analysis. `onlyIfMissing` is what the issue page sends on its own when the issue was
 * never analysed (quietly); a person's "Re-run analysis" sends `{}` and gets a toast.
 */
export function useStartRootCause(key: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ onlyIfMissing }: { onlyIfMissing: boolean }) =>
      api<RcaResponse>('POST', `${issuePath(key)}/rca`, onlyIfMissing ? { onlyIfMissing } : {}),
    onSuccess: async (answer, { onlyIfMissing }) => {
      // A GET sent before the run started must not overwrite the fresher answer.
      await queryClient.cancelQueries({ queryKey: ['rca', key] });
      queryClient.setQueryData(['rca', key], answer);
      void queryClient.invalidateQueries({ queryKey: ['issue', key] });
      if (!onlyIfMissing) toast.success(`Argus is analyzing ${key} again`);
    },
    onError: (error, { onlyIfMissing }) => {
      if (!onlyIfMissing) toast.error(error);
    },
  });
}

/** "Re-triage": the new result arrives later as an issue update. */
export function useRetriage(key: string) {
  const toast = useToast();
  return useMutation({
    mutationFn: () => api<{ queued: true }>('POST', `${issuePath(key)}/triage`),
    onSuccess: () => toast.success(`Argus is triaging ${key} again`),
    onError: (error) => toast.error(error),
  });
}

/** The most similar past issues, with how they were fixed. */
export function useSimilarIssues(key: string) {
  return useQuery({
    queryKey: ['similar', key],
    queryFn: async () => (await api<SimilarIssuesResponse>('GET', `${issuePath(key)}/similar`)).items,
  });
}

/** Closes the issue as a duplicate of another and links both; the toast names the original. */
export function useMarkDuplicate(key: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (body: { duplicateOf: string; note?: string }) =>
      api<IssueResponse>('POST', `${issuePath(key)}/duplicate`, body),
    onSuccess: (issue, { duplicateOf }) => {
      queryClient.setQueryData(['issue', key], issue);
      toast.success(`Marked ${issue.key} a duplicate of ${issue.duplicateOf?.key ?? duplicateOf}`);
      const original = issue.duplicateOf?.key ?? duplicateOf;
      for (const queryKey of [
        ['issues'],
        ['issue', key],
        ['issue', original],
        ['history', key],
        ['similar', key],
        ['dashboard'],
      ])
        void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => toast.error(error),
  });
}

/** A "Retrain now" that was asked for: the model's training time then, and when it was asked. */
export interface RetrainRequest {
  previousTrainedAt: string | null;
  askedAtMs: number;
}

/** After "Retrain now", ask for the status this often until the new model shows up, for at most two minutes. */
const RETRAIN_POLL_MS = 3_000;
const RETRAIN_WAIT_MS = 120_000;

/** True while a retrain was asked for recently and the status still shows the model trained before it. */
export function isAwaitingNewModel(
  request: RetrainRequest | null,
  status: AiStatusResponse | undefined,
  nowMs = Date.now(),
): boolean {
  if (!request || !status) return false;
  return (
    status.localModel.trainedAt === request.previousTrainedAt && nowMs - request.askedAtMs < RETRAIN_WAIT_MS
  );
}

/** Which AI paths are configured and healthy, and what the local triage model learned. */
export function useAiStatus(retrain: RetrainRequest | null = null) {
  return useQuery({
    queryKey: ['ai-status'],
    queryFn: () => api<AiStatusResponse>('GET', '/api/ai/status'),
    refetchInterval: (query) => (isAwaitingNewModel(retrain, query.state.data) ? RETRAIN_POLL_MS : false),
  });
}

/** Admins retrain the local triage model now from what people chose for past issues, instead of waiting for the schedule. */
export function useRetrainTriageModel() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => api<{ queued: true }>('POST', '/api/ai/triage-model/retrain'),
    onSuccess: () => {
      toast.success('Argus is retraining the local model');
      // The job may be done by now: look at once; the status keeps polling while it shows the old model.
      void queryClient.invalidateQueries({ queryKey: ['ai-status'] });
    },
    onError: (error) => toast.error(error),
  });
}
