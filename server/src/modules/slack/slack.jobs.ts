import type { JobDefinition } from '../../jobs/job-queue.js';
import {
  DELIVER_SLACK_MESSAGE_JOB,
  PROCESS_SLACK_EVENT_JOB,
  REMIND_STALE_ISSUES_JOB,
  type SlackService,
} from './slack.service.js';

/**
 * Handling stored Slack events, sending what Argus owes Slack (retried with backoff while Slack is down), and the
 * reminder round every five minutes (a schedule runs once per tick across all servers).
 */
export function slackJobs(deps: {
  slack: Pick<SlackService, 'processEvent' | 'deliver' | 'remindStaleIssues'>;
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
  const remind: JobDefinition<object> = {
    name: REMIND_STALE_ISSUES_JOB,
    cron: '*/5 * * * *',
    retryLimit: 2,
    expireInSeconds: 300,
    handle: async () => {
      await deps.slack.remindStaleIssues();
    },
  };
  return [processEvent, deliver, remind] as JobDefinition<never>[];
}
