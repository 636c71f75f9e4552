import type { LiveEvent } from '@argus/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Keeps cached data fresh from the server's event stream: every committed change (from any browser, the API,
 * Slack or alerts) invalidates the issue it touched and the lists and figures that show it.
 */
export function useLiveEvents(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const onChange = (message: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['issues'] });
      void queryClient.invalidateQueries({ queryKey: ['issue', event.issueKey] });
      void queryClient.invalidateQueries({ queryKey: ['issue', event.issueId] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    for (const type of ['issue.created', 'issue.updated', 'issue.history'])
      source.addEventListener(type, onChange);
    return () => source.close();
  }, [enabled, queryClient]);
  return state;
}
