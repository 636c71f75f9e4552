import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { FAKE_SLACK_WORKSPACE } from '../fakes/fake-slack.server.js';

/** The two headers Slack adds to every HTTP callback (events, interactivity, slash commands). */
export interface SlackSignatureHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

/**
 * Signs a request body as Slack does: `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<rawBody>`) over the raw,
 * undecoded body (api.slack.com/authentication/verifying-requests-from-slack).
 */
export function signSlackRequest(
  secret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const timestamp = String(timestampSeconds);
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${digest}` };
}

/** What a test says about one mention of the app; `threadTs` makes it a reply in that thread. */
export interface AppMentionOptions {
  text: string;
  user: string;
  channel: string;
  ts: string;
  threadTs?: string;
  /** The author of the thread's parent message; Slack sends it as `parent_user_id` on thread replies. */
  parentUserId?: string;
  eventId?: string;
}

/**
 * Builds the Events API `event_callback` envelope Slack posts for an `app_mention`, shaped like
 * `fixtures/slack/events-app-mention.json` (and `-in-thread.json` when `threadTs` is given).
 */
export function appMentionEvent(options: AppMentionOptions): object {
  const { teamId, appId, botUserId } = FAKE_SLACK_WORKSPACE;
  return {
    token: 'ZZZZZZWSxiZZZ2yIvs3peJ',
    team_id: teamId,
    api_app_id: appId,
    event: {
      client_msg_id: randomUUID(),
      type: 'app_mention',
      text: options.text,
      user: options.user,
      ts: options.ts,
      team: teamId,
      blocks: [
        {
          type: 'rich_text',
          block_id: randomBytes(4).toString('base64url').slice(0, 5),
          elements: [{ type: 'rich_text_section', elements: richTextElementsOf(options.text) }],
        },
      ],
      ...(options.threadTs !== undefined && { thread_ts: options.threadTs }),
      ...(options.parentUserId !== undefined && { parent_user_id: options.parentUserId }),
      channel: options.channel,
      event_ts: options.ts,
    },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomBytes(6).toString('hex').toUpperCase().slice(0, 9)}`,
    event_time: Math.floor(Number(options.ts)),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: 'app_mention', tid: teamId, aid: appId, cid: options.channel })).toString('base64url')}`,
  };
}

/** Splits message text into rich-text elements: `<@U…>` mentions become `user` elements, the rest `text`. */
function richTextElementsOf(text: string): object[] {
  return text
    .split(/(<@[UW][A-Z0-9]+>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const userId = /^<@([UW][A-Z0-9]+)>$/.exec(part)?.[1];
      return userId ? { type: 'user', user_id: userId } : { type: 'text', text: part };
    });
}
