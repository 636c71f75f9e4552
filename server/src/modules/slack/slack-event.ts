import { z } from 'zod';

/** The Events API handshake: answer with the challenge. */
export const urlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1),
});

/** An event delivery; its `event_id` is stable across Slack's retries. */
export const eventCallback = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(100),
  event: z.looseObject({ type: z.string() }),
  authorizations: z.array(z.looseObject({ user_id: z.string().optional() })).optional(),
});

/** A channel message (`message.channels`); only people's replies in threads matter to Argus. */
export const threadMessage = z.object({
  type: z.literal('message'),
  user: z.string().min(1),
  text: z.string().min(1),
  ts: z.string().regex(/^\d+\.\d+$/),
  thread_ts: z.string().regex(/^\d+\.\d+$/),
  channel: z.string().min(1),
  subtype: z.undefined({ message: 'edits, joins and bot posts are not synced' }).optional(),
  bot_id: z.undefined().optional(),
  /** Argus's own Slack user id, from the envelope, to tell mentions (handled as app_mention) apart. */
  argus_bot_user_id: z.string().optional(),
});
export type ThreadMessage = z.infer<typeof threadMessage>;

/** `app_mention`: someone wrote @Argus in a channel, a thread or a DM. Timestamps stay strings (message ids). */
export const appMention = z.object({
  type: z.literal('app_mention'),
  user: z.string().min(1),
  text: z.string(),
  ts: z.string().regex(/^\d+\.\d+$/),
  channel: z.string().min(1),
  thread_ts: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  bot_id: z.string().optional(),
});
export type AppMention = z.infer<typeof appMention>;

/**
 * What a mention asks for: the text without the bot mentions and Slack's markup, split into a title (first line,
 * at most 200 characters) and a description (the rest, or the whole text when the first line was cut).
 */
export function readMentionText(text: string): { title: string; description: string } {
  const plain = text
    .replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, '')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<#C[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
  const [firstLine = '', ...rest] = plain.split('\n');
  const first = firstLine.trim();
  if (first.length <= 200) return { title: first, description: rest.join('\n').trim() };
  return { title: `${first.slice(0, 197)}…`, description: plain };
}

/** True when the message is a reply inside a thread (not the thread's first message). */
export function isThreadReply(mention: Pick<AppMention, 'ts' | 'thread_ts'>): boolean {
  return mention.thread_ts !== undefined && mention.thread_ts !== mention.ts;
}

/** A `/argus` slash command, as Slack posts it (form fields). */
export const slashCommand = z.looseObject({
  command: z.string().min(1),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
});

/** A click on a button of Argus's card. */
export const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  actions: z.array(z.looseObject({ action_id: z.string().min(1), value: z.string().optional() })).min(1),
});

/** One of Argus's modals submitted (resolve or reassign): the issue id travels in `private_metadata`. */
export const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: z.string().min(1) }),
  view: z.looseObject({
    callback_id: z.enum(['resolve_issue', 'reassign_issue']),
    private_metadata: z.string().min(1),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.looseObject({
            value: z.string().nullish(),
            selected_option: z.looseObject({ value: z.string() }).nullish(),
            selected_users: z.array(z.string()).nullish(),
          }),
        ),
      ),
    }),
  }),
});
