import type { Db } from '../../db/client.js';
import { actingFor } from '../access/index.js';
import type { ChangedIssue, HistoryRecord, IssueRecord } from '../issues/index.js';
import * as repo from './slack.repository.js';
import type { SlackServiceDeps } from './slack.types.js';
import { createSlackActions } from './slack-actions.js';
import { buildIssueCard } from './slack-card.js';
import {
  type AppMention,
  appMention,
  isThreadReply,
  readMentionText,
  type ThreadMessage,
  threadMessage,
} from './slack-event.js';
import {
  describeChangeForThread,
  describeQuietTime,
  reminderSlot,
  statusReactions,
} from './slack-messages.js';
import { personForSlackUser } from './slack-people.js';

/** Job: handle one stored Slack event ({ eventId }). */
export const PROCESS_SLACK_EVENT_JOB = 'slack.process-event';
/** Job: send one message Argus owes Slack ({ key }). */
export const DELIVER_SLACK_MESSAGE_JOB = 'slack.deliver';

/** Job: remind stale issues (scheduled; one run per tick across all servers). */
export const REMIND_STALE_ISSUES_JOB = 'slack.remind';

/** The most issues one reminder run handles; the next run takes the rest. */
const REMINDERS_PER_RUN = 200;

/** Seconds a sender holds a delivery before another may try it. */
const DELIVERY_LEASE_SECONDS = 60;

/** How a failed Slack call reads: wait and retry, give up, or retry with backoff. */
interface SlackFailure {
  message: string;
  retryAfterSeconds: number | null;
  isPermanent: boolean;
}

export type SlackService = ReturnType<typeof createSlackService>;
export type { SlackApi, SlackServiceDeps } from './slack.types.js';

/** card: the issue's card in its thread; text: a fixed reply; note: change lines; reaction: status emoji; dm: to an assignee. */
type DeliveryKind = 'card' | 'card_update' | 'text' | 'note' | 'reaction' | 'dm' | 'reminder' | 'reminder_dm';

/** History lines that change what the card shows: status, priority, team, assignees, title. */
const CARD_ACTIONS = new Set([
  'status_changed',
  'resolved',
  'closed',
  'reopened',
  'priority_changed',
  'team_changed',
  'title_changed',
  'assigned',
  'unassigned',
]);

/** History lines that move the issue to another status (its emoji follows). */
const STATUS_ACTIONS = new Set(['created', 'status_changed', 'resolved', 'closed', 'reopened']);

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
      issueId: string | null;
      kind: DeliveryKind;
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
    const person = await personForSlackUser(deps, mention.user);
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
      await db.transaction((tx) =>
        owe(tx, {
          key: `help:${eventId}`,
          issueId: null,
          kind: 'text',
          channel: mention.channel,
          threadTs,
          text: 'Tell me what is wrong and I will open an issue, e.g. "@Argus checkout returns 500 for EU cards".',
        }),
      );
      return;
    }
    await deps.issues.createIssue(
      actor,
      { title, description, labels: {} },
      { source: 'slack', slackChannelId: mention.channel, slackThreadTs: threadTs },
    );
  }

  /**
   * A person's reply in an issue's thread becomes a comment when the issue's team syncs threads. Mentions of Argus
   * are left to their app_mention event (Slack sends both), so nothing is added twice.
   */
  async function syncThreadReply(message: ThreadMessage): Promise<void> {
    if (message.thread_ts === message.ts) return;
    if (message.argus_bot_user_id && message.text.includes(`<@${message.argus_bot_user_id}>`)) return;
    const issue = await deps.issues.findIssueBySlackThread(message.channel, message.thread_ts);
    if (!issue?.team || !(await deps.isThreadSyncOn(issue.team.id))) return;
    const person = await personForSlackUser(deps, message.user, { ignoreBots: true });
    if (!person) return;
    const { title, description } = readMentionText(message.text);
    const body = [title, description].filter(Boolean).join('\n');
    if (body) await deps.issues.addComment(actingFor(person), issue.id, body);
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
    // Assignees Slack has not named yet are looked up by e-mail once, so the card can mention them.
    const slackIds = new Map<string, string>();
    for (const person of issue.assignees) {
      const slackId = await slackIdOf(person.id);
      if (slackId) slackIds.set(person.id, slackId);
    }
    const key = deps.keyOf(issue.number);
    return buildIssueCard({
      issueId: issue.id,
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

  /** The Slack id of an Argus person: known, or found by their e-mail address (then remembered). */
  async function slackIdOf(userId: string): Promise<string | null> {
    const known = (await deps.users.listSlackIds([userId])).get(userId);
    if (known) return known;
    const person = await deps.users.getUser(userId);
    const found = await deps.slack.findUserIdByEmail(person.email);
    if (found) await deps.users.rememberSlackId(userId, found);
    return found;
  }

  /** Sends one claimed delivery; returns the posted message's ts, or null when nothing had to be posted. */
  async function send(delivery: NonNullable<Awaited<ReturnType<typeof repo.claimDelivery>>>) {
    const issue = delivery.issueId ? await deps.issues.getIssue(delivery.issueId) : undefined;
    const key = issue ? deps.keyOf(issue.number) : '';
    switch (delivery.kind) {
      case 'card_update': {
        // The card shows the issue as it is now; before the card went out there is nothing to update.
        const cardTs = issue ? await repo.findSentCardTs(db, issue.id) : undefined;
        if (!issue || !cardTs) return null;
        await deps.slack.updateMessage({ channel: delivery.channel, ts: cardTs, ...(await cardFor(issue)) });
        return null;
      }
      case 'card':
        if (!issue) return null;
        return deps.slack.postMessage({
          channel: delivery.channel,
          threadTs: delivery.threadTs,
          ...(await cardFor(issue)),
        });
      case 'note': {
        const resolution =
          issue?.status === 'resolved' && issue.resolutionReason ? issue.resolutionReason : null;
        const forPeople =
          resolution && issue && deps.summarizeResolution
            ? `\n_For customers:_ ${await deps.summarizeResolution(issue, resolution)}`
            : '';
        return deps.slack.postMessage({
          channel: delivery.channel,
          threadTs: delivery.threadTs,
          text: `*${key}* ${delivery.text ?? ''}${forPeople}`,
        });
      }
      case 'reaction': {
        // The issue's status now, not when the change was recorded: reactions sent in any order end up right.
        if (!issue || !delivery.threadTs) return null;
        const wanted = statusReactions[issue.status];
        for (const name of Object.values(statusReactions))
          if (name !== wanted) await deps.slack.removeReaction(delivery.channel, delivery.threadTs, name);
        await deps.slack.addReaction(delivery.channel, delivery.threadTs, wanted);
        return null;
      }
      case 'dm': {
        if (!issue) return null;
        const slackId = await slackIdOf(delivery.channel);
        // Someone without a Slack account in this workspace is told in the dashboard only.
        if (!slackId) return null;
        const card = await cardFor(issue);
        return deps.slack.postMessage({
          channel: slackId,
          text: `You were assigned ${key} by ${delivery.text ?? 'Argus'}: ${issue.title}`,
          attachments: card.attachments,
        });
      }
      case 'reminder_dm': {
        const slackId = await slackIdOf(delivery.channel);
        if (!slackId) return null;
        return deps.slack.postMessage({ channel: slackId, text: delivery.text ?? '' });
      }
      default:
        return deps.slack.postMessage({
          channel: delivery.channel,
          threadTs: delivery.threadTs,
          text: delivery.text ?? '',
        });
    }
  }

  const actions = createSlackActions(deps);

  return {
    ...actions,

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
      const message = threadMessage.safeParse(stored.payload);
      if (message.success) await syncThreadReply(message.data);
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

    /**
     * Inside every change's transaction: the issue's Slack thread gets one note with what changed (not for triage,
     * which the card covers), the reporting message's emoji follows the status, and each new assignee gets a DM.
     */
    async oweChangeNotifications(
      tx: Db,
      issue: ChangedIssue,
      history: readonly HistoryRecord[],
    ): Promise<void> {
      const first = history[0];
      if (!first) return;
      const isTriage = history.some((entry) => entry.action === 'triaged');
      if (issue.slackChannelId && issue.slackThreadTs) {
        const lines = isTriage ? [] : history.map(describeChangeForThread).filter((line) => line !== null);
        if (lines.length > 0 && history.every((entry) => entry.action !== 'created'))
          await owe(tx, {
            key: `note:${first.id}`,
            issueId: issue.id,
            kind: 'note',
            channel: issue.slackChannelId,
            threadTs: issue.slackThreadTs,
            text: lines.join('\n'),
          });
        // The card's facts and buttons follow the issue (not for triage: the card itself is owed then).
        if (!isTriage && history.some((entry) => CARD_ACTIONS.has(entry.action)))
          await owe(tx, {
            key: `card-update:${first.id}`,
            issueId: issue.id,
            kind: 'card_update',
            channel: issue.slackChannelId,
            threadTs: issue.slackThreadTs,
          });
        const statusEntry = history.findLast((entry) => STATUS_ACTIONS.has(entry.action));
        if (statusEntry)
          await owe(tx, {
            key: `reaction:${statusEntry.id}`,
            issueId: issue.id,
            kind: 'reaction',
            channel: issue.slackChannelId,
            threadTs: issue.slackThreadTs,
          });
      }
      for (const entry of history) {
        const userId = entry.action === 'assigned' ? entry.details.userId : undefined;
        if (typeof userId !== 'string') continue;
        await owe(tx, {
          key: `dm:${entry.id}`,
          issueId: issue.id,
          kind: 'dm',
          channel: userId,
          threadTs: null,
          text: entry.actorName,
        });
      }
    },

    /**
     * Reminders for stale issues in three phases, so no transaction is open while Slack is called: read what is due,
     * record the reminders owed (one key per issue and reminder window, so a second server or a second run records
     * nothing new), then the delivery jobs send them. Returns how many issues were reminded.
     */
    async remindStaleIssues(now: Date = clock.now()): Promise<number> {
      const due = await repo.listDueReminders(db, now, REMINDERS_PER_RUN);
      let reminded = 0;
      for (const issue of due) {
        const slot = reminderSlot(now, issue.intervalMinutes);
        const key = deps.keyOf(issue.number);
        const quiet = describeQuietTime(issue.updatedAt, now);
        const status = issue.status.replace('_', ' ');
        const link = `<${deps.publicUrl}/issues/${key}|Open ${key}>`;
        const isNew = await db.transaction(async (tx) => {
          const threadKey = `reminder:${issue.id}:${slot}`;
          const recorded = await repo.insertDelivery(tx, {
            key: threadKey,
            issueId: issue.id,
            kind: 'reminder',
            channel: issue.slackChannelId ?? '',
            threadTs: issue.slackThreadTs,
            text: `:alarm_clock: *${key}* has had no update for ${quiet} (still ${status}). ${link}`,
            at: now,
          });
          if (!recorded) return false;
          if (issue.slackChannelId && issue.slackThreadTs)
            await jobs.enqueue(DELIVER_SLACK_MESSAGE_JOB, { key: threadKey }, { tx });
          for (const userId of issue.assigneeIds)
            await owe(tx, {
              key: `reminder-dm:${issue.id}:${slot}:${userId}`,
              issueId: issue.id,
              kind: 'reminder_dm',
              channel: userId,
              threadTs: null,
              text: `:alarm_clock: Reminder: ${key} "${issue.title}" has had no update for ${quiet} (still ${status}). ${link}`,
            });
          return true;
        });
        if (isNew) reminded += 1;
      }
      if (reminded > 0) jobs.wake(DELIVER_SLACK_MESSAGE_JOB);
      return reminded;
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
        const sent = await send(delivery);
        await repo.markDeliverySent(db, key, sent?.ts ?? '', clock.now());
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
