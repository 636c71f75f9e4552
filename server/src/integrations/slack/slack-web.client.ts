import { ErrorCode, type WebAPIPlatformError, type WebAPIRateLimitedError, WebClient } from '@slack/web-api';

/** A Slack call that did not go through; `retryAfterSeconds` when Slack asked to wait (HTTP 429). */
export class SlackCallError extends Error {
  readonly retryAfterSeconds: number | null;
  /** Slack answered with an error that a retry will not fix (e.g. channel_not_found, invalid_auth). */
  readonly isPermanent: boolean;

  constructor(message: string, options: { retryAfterSeconds?: number; isPermanent?: boolean } = {}) {
    super(message);
    this.name = 'SlackCallError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.isPermanent = options.isPermanent ?? false;
  }
}

/** Errors Slack reports that no retry can fix. */
const permanentErrors = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'user_not_found',
  'users_not_found',
  'message_not_found',
  'cant_update_message',
]);

export interface SlackMessage {
  channel: string;
  threadTs?: string | null;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/**
 * Slack's Web API through the official client. Retries are left to Argus's durable jobs (the client's own retry
 * loop would hold a job for minutes), so a failure comes back at once as a SlackCallError.
 */
export function createSlackWebClient(options: { botToken: string; apiUrl: string }) {
  const client = new WebClient(options.botToken, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toSlackCallError(what, error);
    }
  }

  return {
    /** Posts a message (in a thread when `threadTs` is given); returns the new message's ts. */
    async postMessage(message: SlackMessage): Promise<{ ts: string }> {
      const answer = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel: message.channel,
          text: message.text,
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          ...(message.blocks ? { blocks: message.blocks as never } : {}),
          ...(message.attachments ? { attachments: message.attachments as never } : {}),
          unfurl_links: false,
        }),
      );
      if (!answer.ts) throw new SlackCallError('chat.postMessage answered without a message ts');
      return { ts: answer.ts };
    },

    /** Replaces the content of a message Argus posted (its card, when the issue changed). */
    async updateMessage(message: { channel: string; ts: string; text: string; attachments?: unknown[] }) {
      await call('chat.update', () =>
        client.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          ...(message.attachments ? { attachments: message.attachments as never } : {}),
        }),
      );
    },

    /** Adds an emoji reaction to a message; one already there is fine. */
    async addReaction(channel: string, ts: string, name: string): Promise<void> {
      await call('reactions.add', () => client.reactions.add({ channel, timestamp: ts, name })).catch(
        (error: SlackCallError) => {
          if (!error.message.endsWith('already_reacted')) throw error;
        },
      );
    },

    /** Removes Argus's emoji reaction from a message; one already gone is fine. */
    async removeReaction(channel: string, ts: string, name: string): Promise<void> {
      await call('reactions.remove', () => client.reactions.remove({ channel, timestamp: ts, name })).catch(
        (error: SlackCallError) => {
          if (!error.message.endsWith('no_reaction')) throw error;
        },
      );
    },

    /** The Slack user with this e-mail address, or null when the workspace has none. */
    async findUserIdByEmail(email: string): Promise<string | null> {
      try {
        const answer = await call('users.lookupByEmail', () => client.users.lookupByEmail({ email }));
        return answer.user?.id ?? null;
      } catch (error) {
        if ((error as SlackCallError).message.endsWith('users_not_found')) return null;
        throw error;
      }
    },

    /** Opens a modal for the person who just clicked (the trigger id is valid for 3 seconds). */
    async openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
      await call('views.open', () => client.views.open({ trigger_id: triggerId, view: view as never }));
    },

    /** Who a Slack user is: name, e-mail (with the users:read.email scope) and whether it is a bot. */
    async findUser(slackUserId: string): Promise<{ name: string; email: string | null; isBot: boolean }> {
      const answer = await call('users.info', () => client.users.info({ user: slackUserId }));
      const user = answer.user;
      return {
        name: user?.profile?.real_name || user?.real_name || user?.name || slackUserId,
        email: user?.profile?.email ?? null,
        isBot: Boolean(user?.is_bot),
      };
    },
  };
}

export type SlackWebClient = ReturnType<typeof createSlackWebClient>;

function toSlackCallError(what: string, error: unknown): SlackCallError {
  const code = (error as { code?: string }).code;
  if (code === ErrorCode.RateLimitedError) {
    const retryAfter = (error as WebAPIRateLimitedError).retryAfter;
    return new SlackCallError(`Slack rate-limited ${what}; retry after ${retryAfter} s`, {
      retryAfterSeconds: retryAfter,
    });
  }
  if (code === ErrorCode.PlatformError) {
    const slackError = (error as WebAPIPlatformError).data?.error ?? 'unknown_error';
    return new SlackCallError(`Slack refused ${what}: ${slackError}`, {
      isPermanent: permanentErrors.has(slackError),
    });
  }
  return new SlackCallError(`Slack could not be reached for ${what}: ${(error as Error).message}`);
}
