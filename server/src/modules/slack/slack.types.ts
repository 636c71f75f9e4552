import type { Db } from '../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../access/index.js';
import type { IssueRecord, IssueService } from '../issues/index.js';
import type { UserService } from '../users/index.js';

/** The Slack Web API as this module needs it (see integrations/slack). */
export interface SlackApi {
  postMessage(message: {
    channel: string;
    threadTs?: string | null;
    text: string;
    attachments?: unknown[];
  }): Promise<{ ts: string }>;
  findUser(slackUserId: string): Promise<{ name: string; email: string | null; isBot: boolean }>;
  findUserIdByEmail(email: string): Promise<string | null>;
  addReaction(channel: string, ts: string, name: string): Promise<void>;
  removeReaction(channel: string, ts: string, name: string): Promise<void>;
  openView(triggerId: string, view: Record<string, unknown>): Promise<void>;
  updateMessage(message: {
    channel: string;
    ts: string;
    text: string;
    attachments?: unknown[];
  }): Promise<void>;
}

export interface SlackServiceDeps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue' | 'wake'>;
  issues: Pick<
    IssueService,
    | 'createIssue'
    | 'addComment'
    | 'getIssue'
    | 'findIssueBySlackThread'
    | 'listIssues'
    | 'resolveIssue'
    | 'updateIssue'
    | 'setAssignees'
  >;
  users: Pick<
    UserService,
    | 'findOrCreateSlackPerson'
    | 'findPersonBySlackId'
    | 'findUserByEmail'
    | 'listSlackIds'
    | 'getUser'
    | 'rememberSlackId'
  >;
  /** Whether a team copies replies in its issues' Slack threads into comments. */
  isThreadSyncOn(teamId: string): Promise<boolean>;
  /** The signed-in view of a person (roles and teams), so actions from Slack obey the same permission table. */
  loadActor(userId: string): Promise<Actor>;
  /** The plain-language line for people outside engineering added to resolution notes. */
  summarizeResolution?(issue: IssueRecord, reason: string): Promise<string>;
  slack: SlackApi;
  keyOf(number: number): string;
  publicUrl: string;
  onDeliveryFailed?(kind: string): void;
}
