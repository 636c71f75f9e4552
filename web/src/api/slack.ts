import type { SlackDeliveryListResponse, SlackStatusResponse } from '@argus/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** Whether Slack is connected, and how many messages are waiting or failing (the settings page). */
export function useSlackStatus() {
  return useQuery({
    queryKey: ['slack-status'],
    queryFn: () => api<SlackStatusResponse>('GET', '/api/slack/status'),
  });
}

/** The messages Argus owed Slack about one issue, sent or still waiting, oldest first as the server lists them. */
export function useSlackDeliveries(key: string) {
  return useQuery({
    queryKey: ['slack-deliveries', key],
    queryFn: async () =>
      (await api<SlackDeliveryListResponse>('GET', `/api/issues/${encodeURIComponent(key)}/slack-deliveries`))
        .items,
  });
}
