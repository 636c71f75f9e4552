import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flattenHeaders, readBody, sendJson } from './http-helpers.js';

/** One person (or bot) in the fake workspace's directory, as `users.info` and `users.lookupByEmail` find them. */
export interface FakeSlackUser {
  id: string;
  email: string;
  realName: string;
  isBot?: boolean;
}

/** One Web API request the fake received: form fields decoded (JSON-valued fields such as `blocks` parsed). */
export interface FakeSlackCall {
  method: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  at: number;
}

/**
 * A scripted one-shot failure: an HTTP 5xx, a 429 with `Retry-After`, a logical `{ ok: false, error }` reply,
 * or a connection destroyed before any answer.
 */
export type FakeSlackFailure =
  | { status: 500 | 502 | 503 | 504 }
  | { status: 429; retryAfterSeconds: number }
  | { ok: false; error: string }
  | { destroy: true };

/** A running fake Slack Web API and the handles a test inspects and scripts it with. */
export interface FakeSlack {
  /** e.g. `http://127.0.0.1:40123/api/`, what `WebClient` takes as `slackApiUrl`. */
  apiUrl: string;
  /** Every Web API call, in arrival order, scripted failures included. */
  calls: FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /** Queues one-shot failures for `method`, consumed in order by its next calls. */
  failNext(method: string, ...replies: FakeSlackFailure[]): void;
  addUser(user: FakeSlackUser): void;
  /** Where `apps.connections.open` sends a Socket Mode client (see fake-slack-socket.server.ts). */
  useSocketUrl(url: string): void;
  /** Reaction names currently on the message, in the order they were added. */
  reactionsOn(channel: string, ts: string): string[];
  /** The stable DM channel id `conversations.open` gives for this user (and `chat.postMessage` to a user id uses). */
  dmChannelFor(userId: string): string;
  /** Stops listening and destroys open connections. */
  close(): Promise<void>;
}

/** The fake workspace's identity; the same documentation values as the Slack fixtures (`../shared/fixtures/slack`). */
export const FAKE_SLACK_WORKSPACE = {
  teamId: 'T061EG9R6',
  teamName: 'Argus Fake Workspace',
  teamUrl: 'https://argus-fake.slack.com/',
  appId: 'A0MDYCDME',
  botId: 'B123ABC456',
  botUserId: 'U0LAN0Z89',
  botName: 'argus',
} as const;

/** Form fields `WebClient` sends JSON-encoded (it stringifies every non-primitive argument). */
const JSON_VALUED_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view']);

type SlackReply = Record<string, unknown> & { ok: boolean };
type MethodHandler = (body: Record<string, unknown>) => SlackReply;

interface StoredMessage {
  channel: string;
  ts: string;
  message: Record<string, unknown>;
}

/**
 * Starts a fake Slack Web API on 127.0.0.1 (a free port): `POST /api/<method>` with form-encoded or JSON bodies
 * and a `Bearer xoxb-…` token, answering HTTP 200 with Slack's `{ ok, … }` shapes unless a failure is scripted.
 */
export async function startFakeSlack(options: { users?: FakeSlackUser[] } = {}): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  let socketUrl: string | null = null;
  const users = new Map<string, FakeSlackUser>();
  const dmChannels = new Map<string, string>();
  const messages = new Map<string, StoredMessage>();
  const reactions = new Map<string, string[]>();
  let tsCounter = 0;
  let viewCounter = 0;
  for (const user of options.users ?? []) users.set(user.id, user);

  const messageKey = (channel: string, ts: string) => `${channel}|${ts}`;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

  /** A fresh message id in Slack's `"<secs>.<6 digits>"` form, unique even within one second. */
  function nextTs(): string {
    tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  function dmChannelFor(members: string): string {
    let channel = dmChannels.get(members);
    if (!channel) {
      const prefix = members.includes(',') ? 'G' : 'D';
      channel = `${prefix}0FAKE${String(dmChannels.size + 1).padStart(4, '0')}`;
      dmChannels.set(members, channel);
    }
    return channel;
  }

  /** Resolves `channel` as Slack does: a user id means the app's DM with that user; unknown users fail. */
  function resolveChannel(channel: string | undefined): string | undefined {
    if (!channel) return undefined;
    if (/^[UW]/.test(channel)) return users.has(channel) ? dmChannelFor(channel) : undefined;
    return channel;
  }

  function userObject(user: FakeSlackUser) {
    return {
      id: user.id,
      team_id: FAKE_SLACK_WORKSPACE.teamId,
      name: user.email.split('@')[0],
      deleted: false,
      real_name: user.realName,
      tz: 'UTC',
      profile: {
        email: user.email,
        real_name: user.realName,
        real_name_normalized: user.realName,
        display_name: user.realName,
        team: FAKE_SLACK_WORKSPACE.teamId,
      },
      is_bot: user.isBot ?? false,
      is_app_user: false,
    };
  }

  function botMessage(body: Record<string, unknown>, ts: string): Record<string, unknown> {
    const threadTs = text(body.thread_ts);
    return {
      bot_id: FAKE_SLACK_WORKSPACE.botId,
      type: 'message',
      text: text(body.text) ?? '',
      user: FAKE_SLACK_WORKSPACE.botUserId,
      ts,
      app_id: FAKE_SLACK_WORKSPACE.appId,
      team: FAKE_SLACK_WORKSPACE.teamId,
      bot_profile: {
        id: FAKE_SLACK_WORKSPACE.botId,
        app_id: FAKE_SLACK_WORKSPACE.appId,
        name: FAKE_SLACK_WORKSPACE.botName,
        deleted: false,
        team_id: FAKE_SLACK_WORKSPACE.teamId,
      },
      ...(body.blocks !== undefined && { blocks: body.blocks }),
      ...(body.attachments !== undefined && { attachments: body.attachments }),
      ...(threadTs !== undefined && { thread_ts: threadTs, parent_user_id: FAKE_SLACK_WORKSPACE.botUserId }),
    };
  }

  const hasContent = (body: Record<string, unknown>) =>
    Boolean(text(body.text)) || body.blocks !== undefined || body.attachments !== undefined;

  function changeReaction(body: Record<string, unknown>, isAdding: boolean): SlackReply {
    const channel = text(body.channel);
    const ts = text(body.timestamp);
    const name = text(body.name);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!ts) return { ok: false, error: 'no_item_specified' };
    if (!name) return { ok: false, error: 'invalid_name' };
    const key = messageKey(channel, ts);
    const names = reactions.get(key) ?? [];
    const index = names.indexOf(name);
    if (isAdding) {
      if (index >= 0) return { ok: false, error: 'already_reacted' };
      reactions.set(key, [...names, name]);
    } else {
      if (index < 0) return { ok: false, error: 'no_reaction' };
      reactions.set(
        key,
        names.filter((existing) => existing !== name),
      );
    }
    return { ok: true };
  }

  const handlers: Record<string, MethodHandler> = {
    // Socket Mode: the app-level token asks where to open the WebSocket.
    'apps.connections.open': () =>
      socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' },
    'auth.test': () => ({
      ok: true,
      url: FAKE_SLACK_WORKSPACE.teamUrl,
      team: FAKE_SLACK_WORKSPACE.teamName,
      user: FAKE_SLACK_WORKSPACE.botName,
      team_id: FAKE_SLACK_WORKSPACE.teamId,
      user_id: FAKE_SLACK_WORKSPACE.botUserId,
      bot_id: FAKE_SLACK_WORKSPACE.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (body) => {
      const channel = resolveChannel(text(body.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!hasContent(body)) return { ok: false, error: 'no_text' };
      const ts = nextTs();
      const message = botMessage(body, ts);
      messages.set(messageKey(channel, ts), { channel, ts, message });
      return { ok: true, channel, ts, message };
    },
    'chat.update': (body) => {
      const channel = text(body.channel);
      const ts = text(body.ts);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const stored = ts ? messages.get(messageKey(channel, ts)) : undefined;
      if (!stored) return { ok: false, error: 'message_not_found' };
      if (!hasContent(body)) return { ok: false, error: 'no_text' };
      stored.message = botMessage({ thread_ts: stored.message.thread_ts, ...body }, stored.ts);
      return { ok: true, channel, ts: stored.ts, text: stored.message.text, message: stored.message };
    },
    'chat.postEphemeral': (body) => {
      const channel = resolveChannel(text(body.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const user = text(body.user);
      if (!user || !users.has(user)) return { ok: false, error: 'user_not_in_channel' };
      if (!hasContent(body)) return { ok: false, error: 'no_text' };
      return { ok: true, message_ts: nextTs() };
    },
    'users.info': (body) => {
      const user = users.get(text(body.user) ?? '');
      return user ? { ok: true, user: userObject(user) } : { ok: false, error: 'user_not_found' };
    },
    'users.lookupByEmail': (body) => {
      const email = text(body.email)?.toLowerCase();
      const user = [...users.values()].find((candidate) => candidate.email.toLowerCase() === email);
      return user ? { ok: true, user: userObject(user) } : { ok: false, error: 'users_not_found' };
    },
    'conversations.open': (body) => {
      const requested = (text(body.users) ?? '').split(',').filter(Boolean);
      if (requested.length === 0) return { ok: false, error: 'users_list_not_supplied' };
      if (requested.some((id) => !users.has(id))) return { ok: false, error: 'user_not_found' };
      // One user: a DM (D…); several: a group DM (G…), keyed by the sorted members as Slack does.
      const key = [...requested].sort().join(',');
      const isAlreadyOpen = dmChannels.has(key);
      const channel = { id: dmChannelFor(key) };
      return isAlreadyOpen ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel };
    },
    'reactions.add': (body) => changeReaction(body, true),
    'reactions.remove': (body) => changeReaction(body, false),
    'views.open': (body) => {
      if (!text(body.trigger_id)) return { ok: false, error: 'invalid_arguments' };
      const view = body.view;
      if (typeof view !== 'object' || view === null) return { ok: false, error: 'invalid_arguments' };
      viewCounter += 1;
      const id = `V0FAKE${String(viewCounter).padStart(4, '0')}`;
      return {
        ok: true,
        view: {
          id,
          team_id: FAKE_SLACK_WORKSPACE.teamId,
          private_metadata: '',
          callback_id: '',
          state: { values: {} },
          hash: `${Math.floor(Date.now() / 1000)}.${id}`,
          clear_on_close: false,
          notify_on_close: false,
          root_view_id: id,
          previous_view_id: null,
          app_id: FAKE_SLACK_WORKSPACE.appId,
          bot_id: FAKE_SLACK_WORKSPACE.botId,
          ...view,
        },
      };
    },
  };

  /** Slack takes the token from `Authorization: Bearer …`, or (form bodies only) from a `token` field. */
  function checkAuth(request: IncomingMessage, body: Record<string, unknown>): SlackReply | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? text(body.token);
    if (!token) return { ok: false, error: 'not_authed' };
    const isAppTokenCall = request.url?.endsWith('/apps.connections.open') ?? false;
    if (!token.startsWith(isAppTokenCall ? 'xapp-' : 'xoxb-')) return { ok: false, error: 'invalid_auth' };
    return undefined;
  }

  function sendFailure(response: ServerResponse, failure: FakeSlackFailure): void {
    if ('destroy' in failure) {
      response.socket?.destroy();
    } else if ('ok' in failure) {
      sendJson(response, 200, failure);
    } else if (failure.status === 429) {
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(failure.retryAfterSeconds),
      });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else {
      sendJson(response, failure.status, { ok: false, error: 'fatal_error' });
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname)?.[1];
    if (!method) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`Not found: ${url.pathname}`);
      return;
    }
    const parsed = parseBody(request.headers['content-type'] ?? '', await readBody(request));
    const body = { ...decodeFormFields(url.searchParams), ...parsed.body };
    calls.push({ method, body, headers: flattenHeaders(request), at: Date.now() });
    const failure = failures.get(method)?.shift();
    if (failure) return sendFailure(response, failure);
    const handler = handlers[method];
    if (!handler) return sendJson(response, 200, { ok: false, error: 'unknown_method' });
    if (parsed.error) return sendJson(response, 200, { ok: false, error: parsed.error });
    const authError = checkAuth(request, parsed.isJson ? {} : body);
    sendJson(response, 200, authError ?? handler(body));
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext(method, ...replies) {
      failures.set(method, [...(failures.get(method) ?? []), ...replies]);
    },
    useSocketUrl(url) {
      socketUrl = url;
    },
    addUser(user) {
      users.set(user.id, user);
    },
    reactionsOn: (channel, ts) => [...(reactions.get(messageKey(channel, ts)) ?? [])],
    dmChannelFor: (userId) => dmChannelFor(userId),
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Decodes a Web API body the way Slack does: JSON for `application/json`, otherwise form fields. */
function parseBody(
  contentType: string,
  raw: string,
): { body: Record<string, unknown>; isJson: boolean; error?: string } {
  if (!contentType.toLowerCase().startsWith('application/json')) {
    return { body: decodeFormFields(new URLSearchParams(raw)), isJson: false };
  }
  try {
    const value: unknown = raw === '' ? {} : JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { body: {}, isJson: true, error: 'json_not_object' };
    }
    return { body: value as Record<string, unknown>, isJson: true };
  } catch {
    return { body: {}, isJson: true, error: 'invalid_json' };
  }
}

function decodeFormFields(params: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of params) {
    body[name] = JSON_VALUED_FIELDS.has(name) ? parseJsonOrKeep(value) : value;
  }
  return body;
}

function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
