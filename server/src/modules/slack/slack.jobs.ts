import type { JobDefinition } from '../../jobs/job-queue.js';
import { DELIVER_SLACK_MESSAGE_JOB, PROCESS_SLACK_EVENT_JOB, type SlackService } from './slack.service.js';

/** Handling stored Slack events, and sending what Argus owes Slack (retried with backoff while Slack is down). */
export function slackJobs(deps: {
  slack: Pick<SlackService, 'processEvent' | 'deliver'>;
}): JobDefinition<never>[] {
  const processEvent: JobDefinition<{ eventId: string }> = {
    name: PROCESS_SLACK_EVENT_JOB,
    retryLimit: 5,
    expireInSeconds: 120,
    handle: (data) => deps.slack.processEvent(data.eventId),
  };
  const deliver: JobDefinition<{ key: string }> = {
    name: DELIVER_SLACK_MESSAGE_JOB,
    retryLimit: 12,
    expireInSeconds: 120,
    handle: (data) => deps.slack.deliver(data.key),
  };
  return [processEvent, deliver] as JobDefinition<never>[];
}
