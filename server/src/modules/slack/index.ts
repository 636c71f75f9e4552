export { slackJobs } from './slack.jobs.js';
export { registerSlackRoutes } from './slack.routes.js';
export {
  createSlackService,
  DELIVER_SLACK_MESSAGE_JOB,
  PROCESS_SLACK_EVENT_JOB,
  type SlackApi,
  type SlackService,
} from './slack.service.js';
export { createSlackIntake, type IntakeAnswer } from './slack-intake.js';
export { createSlackStatusReader, type SlackStatusReader } from './slack-status.js';
