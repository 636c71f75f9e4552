import { z } from 'zod';
import { isoDateTime } from './common.js';

/** Whether Slack is connected, and how message delivery is going (the settings page). */
export const slackStatusResponse = z.object({
  configured: z.boolean().describe('SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set'),
  apiUrl: z.string().nullable(),
  pendingDeliveries: z.number().int().describe('Messages waiting to be sent'),
  failingDeliveries: z.number().int().describe('Waiting messages whose last attempt failed'),
  lastDeliveredAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
});
export type SlackStatusResponse = z.infer<typeof slackStatusResponse>;

/** One message Argus owes Slack about an issue, as the issue page shows it. */
export const slackDelivery = z.object({
  key: z.string(),
  kind: z.enum(['card', 'card_update', 'text', 'note', 'reaction', 'dm', 'reminder', 'reminder_dm']),
  status: z.enum(['pending', 'sent']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export type SlackDelivery = z.infer<typeof slackDelivery>;
export const slackDeliveryListResponse = z.object({ items: z.array(slackDelivery) });
export type SlackDeliveryListResponse = z.infer<typeof slackDeliveryListResponse>;
