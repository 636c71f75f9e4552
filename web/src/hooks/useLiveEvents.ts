import type { LiveEvent, RcaResponse } from '@argus/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { changesAnalysis, mergeRcaStep } from '../api/rca-steps';

export type LiveState = 'connecting' | 'live' | 'offline';

function parseEvent(message: MessageEvent<string>): LiveEvent | null {
  try {
    return JSON.parse(message.data) as LiveEvent;
  } catch {
    return null;
  }
}

/**
 * Keeps cached data fresh from the server's event stream: every committed change (from any browser, the API,
 * Slack or alerts) invalidates the issue it touched and the lists and figures that show it; root-cause steps
 * are appended to the open analysis as they happen.
 */
export function useLiveEvents(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const onChange = (message: MessageEvent<string>) => {
      const event = parseEvent(message);
      if (!event) return;
      void queryClient.invalidateQueries({ queryKey: ['issues'] });
      for (const issueRef of [event.issueKey, event.issueId]) {
        void queryClient.invalidateQueries({ queryKey: ['issue', issueRef] });
        void queryClient.invalidateQueries({ queryKey: ['rca', issueRef] });
      }
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    };
    const onRcaStep = (message: MessageEvent<string>) => {
      const event = parseEvent(message);
      const step = event?.rcaStep;
      if (!event || !step) return;
      // The page may have opened the issue by key or by id.
      for (const issueRef of [event.issueKey, event.issueId]) {
        queryClient.setQueryData<RcaResponse>(['rca', issueRef], (cached) => mergeRcaStep(cached, step));
        if (changesAnalysis(step)) void queryClient.invalidateQueries({ queryKey: ['rca', issueRef] });
      }
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    for (const type of ['issue.created', 'issue.updated', 'issue.history'])
      source.addEventListener(type, onChange);
    source.addEventListener('issue.rca', onRcaStep);
    return () => source.close();
  }, [enabled, queryClient]);
  return state;
}
