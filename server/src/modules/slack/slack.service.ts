import type { Db } from '../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { actingFor } from '../access/index.js';
import type { IssueRecord, IssueService } from '../issues/index.js';
import type { UserService } from '../users/index.js';
import * as repo from './slack.repository.js';
import { buildIssueCard } from './slack-card.js';
import { type AppMention, appMention, isThreadReply, readMentionText } from './slack-event.js';

/** Job: handle one stored Slack event ({ eventId }). */
export const PROCESS_SLACK_EVENT_JOB = 'slack.process-event';
/** Job: send one message Argus owes Slack ({ key }). */
export const DELIVER_SLACK_MESSAGE_JOB = 'slack.deliver';

/** Seconds a sender holds a delivery before another may try it. */
const DELIVERY_LEASE_SECONDS = 60;

/** The Slack Web API as this module needs it (see integrations/slack). */
export interface SlackApi {
  postMessage(message: {
    channel: string;
    threadTs?: string | null;
    text: string;
    attachments?: unknown[];
  }): Promise<{ ts: string }>;
  findUser(slackUserId: string): Promise<{ name: string; email: string | null; isBot: boolean }>;
}

/** How a failed Slack call reads: wait and retry, give up, or retry with backoff. */
interface SlackFailure {
  message: string;
  retryAfterSeconds: number | null;
  isPermanent: boolean;
}

export interface SlackServiceDeps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue' | 'wake'>;
  issues: Pick<IssueService, 'createIssue' | 'addComment' | 'getIssue' | 'findIssueBySlackThread'>;
  users: Pick<UserService, 'findOrCreateSlackPerson' | 'listSlackIds'>;
  slack: SlackApi;
  keyOf(number: number): string;
  publicUrl: string;
  onDeliveryFailed?(kind: string): void;
}

export type SlackService = ReturnType<typeof createSlackService>;

/**
 * Argus in Slack: events are stored and acknowledged at once, then handled by jobs; every message Argus owes
 * Slack is a delivery row with an idempotency key, sent by a job that claims it, so a retry never posts twice.
 */
export function createSlackService(deps: SlackServiceDeps) {
  const { db, clock, jobs } = deps;

  async function owe(
    tx: Db,
    delivery: {
      key: string;
      issueId: string;
      kind: 'card' | 'text';
      channel: string;
      threadTs: string | null;
      text?: string;
    },
  ): Promise<void> {
    const isNew = await repo.insertDelivery(tx, { ...delivery, at: clock.now() });
    if (isNew) await jobs.enqueue(DELIVER_SLACK_MESSAGE_JOB, { key: delivery.key }, { tx });
  }

  async function handleMention(eventId: string, mention: AppMention): Promise<void> {
    if (mention.bot_id) return;
    const profile = await deps.slack.findUser(mention.user);
    const person = await deps.users.findOrCreateSlackPerson({
      slackUserId: mention.user,
      email: profile.email,
      name: profile.name,
    });
    const actor = actingFor(person);
    const { title, description } = readMentionText(mention.text);
    if (isThreadReply(mention) && mention.thread_ts) {
      const issue = await deps.issues.findIssueBySlackThread(mention.channel, mention.thread_ts);
      if (issue) {
        const key = deps.keyOf(issue.number);
        if (title || description)
          await deps.issues.addComment(actor, issue.id, [title, description].filter(Boolean).join('\n'));
        await db.transaction((tx) =>
          owe(tx, {
            key: `comment-ack:${eventId}`,
            issueId: issue.id,
            kind: 'text',
            channel: mention.channel,
            threadTs: mention.thread_ts ?? null,
            text: `Added to ${key} as a comment. <${deps.publicUrl}/issues/${key}|View ${key}>`,
          }),
        );
        jobs.wake(DELIVER_SLACK_MESSAGE_JOB);
        return;
      }
    }
    // The card answers in the message's thread (or the thread it was written in).
    const threadTs = mention.thread_ts ?? mention.ts;
    // A retried job finds the issue its first run created for this message.
    if (await deps.issues.findIssueBySlackThread(mention.channel, threadTs)) return;
    if (!title) {
      await db.transaction(async (tx) => {
        await repo.insertDelivery(tx, {
          key: `help:${eventId}`,
          issueId: null,
          kind: 'text',
          channel: mention.channel,
          threadTs,
          text: 'Tell me what is wrong and I will open an issue, e.g. "@Argus checkout returns 500 for EU cards".',
          at: clock.now(),
        });
        await jobs.enqueue(DELIVER_SLACK_MESSAGE_JOB, { key: `help:${eventId}` }, { tx });
      });
      return;
    }
    await deps.issues.createIssue(
      actor,
      { title, description, labels: {} },
      { source: 'slack', slackChannelId: mention.channel, slackThreadTs: threadTs },
    );
  }

  function readFailure(error: unknown): SlackFailure {
    const failure = error as Partial<SlackFailure> & Error;
    return {
      message: failure.message,
      retryAfterSeconds: failure.retryAfterSeconds ?? null,
      isPermanent: failure.isPermanent ?? false,
    };
  }

  async function cardFor(issue: IssueRecord) {
    const slackIds = await deps.users.listSlackIds(issue.assignees.map((person) => person.id));
    const key = deps.keyOf(issue.number);
    return buildIssueCard({
      key,
      title: issue.title,
      priority: issue.priority,
      status: issue.status,
      team: issue.team?.name ?? null,
      assignees: issue.assignees.map((person) => ({
        name: person.name,
        slackUserId: slackIds.get(person.id) ?? null,
      })),
      url: `${deps.publicUrl}/issues/${key}`,
    });
  }

  return {
    /** Stores an event (once, whatever Slack retries) and queues its handling; the caller acknowledges at once. */
    async receiveEvent(eventId: string, type: string, payload: Record<string, unknown>): Promise<boolean> {
      const isNew = await db.transaction(async (tx) => {
        const stored = await repo.insertEvent(tx, { eventId, type, payload, at: clock.now() });
        if (stored) await jobs.enqueue(PROCESS_SLACK_EVENT_JOB, { eventId }, { tx });
        return stored;
      });
      if (isNew) jobs.wake(PROCESS_SLACK_EVENT_JOB);
      return isNew;
    },

    /** Handles a stored event; idempotent (a processed event is skipped, a mention creates one issue). */
    async processEvent(eventId: string): Promise<void> {
      const stored = await repo.findEvent(db, eventId);
      if (!stored || stored.processedAt) return;
      const mention = appMention.safeParse(stored.payload);
      if (mention.success) await handleMention(eventId, mention.data);
      await repo.markEventProcessed(db, eventId, clock.now());
    },

    /** Inside the transaction that triaged an issue reported in Slack: owe its thread the issue's card. */
    async oweThreadCard(
      tx: Db,
      issue: { id: string; slackChannelId: string | null; slackThreadTs: string | null },
    ): Promise<void> {
      if (!issue.slackChannelId) return;
      await owe(tx, {
        key: `card:${issue.id}`,
        issueId: issue.id,
        kind: 'card',
        channel: issue.slackChannelId,
        threadTs: issue.slackThreadTs,
      });
    },

    wakeDelivery(): void {
      jobs.wake(DELIVER_SLACK_MESSAGE_JOB);
    },

    /**
     * Sends one owed message. Sent already or held by another sender: nothing to do. Rate-limited: tried again after
     * Slack's Retry-After. A refusal no retry can fix stays recorded on the delivery; anything else is thrown so
     * the job retries with backoff.
     */
    async deliver(key: string): Promise<void> {
      const delivery = await repo.claimDelivery(db, key, clock.now(), DELIVERY_LEASE_SECONDS);
      if (!delivery) return;
      try {
        const content =
          delivery.kind === 'card' && delivery.issueId
            ? await cardFor(await deps.issues.getIssue(delivery.issueId))
            : { text: delivery.text ?? '' };
        const sent = await deps.slack.postMessage({
          channel: delivery.channel,
          threadTs: delivery.threadTs,
          ...content,
        });
        await repo.markDeliverySent(db, key, sent.ts, clock.now());
      } catch (error) {
        const failure = readFailure(error);
        await repo.recordDeliveryFailure(db, key, failure.message);
        deps.onDeliveryFailed?.(delivery.kind);
        if (failure.isPermanent) return;
        if (failure.retryAfterSeconds !== null) {
          await jobs.enqueue(
            DELIVER_SLACK_MESSAGE_JOB,
            { key },
            { startAfterSeconds: Math.max(1, failure.retryAfterSeconds) },
          );
          return;
        }
        throw error;
      }
    },
  };
}
