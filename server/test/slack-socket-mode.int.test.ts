import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.server.js';
import { type FakeSlackSocket, startFakeSlackSocket } from './fakes/fake-slack-socket.server.js';
import { eventually } from './support/live-events.js';
import { appMentionEvent } from './support/slack-signing.js';
import { startTestArgus, type TestArgus } from './support/test-argus.js';

// Socket Mode: no signing secret, no public URL; Argus opens the WebSocket that apps.connections.open names.
let slack: FakeSlack;
let socket: FakeSlackSocket;
let t: TestArgus;

beforeAll(async () => {
  slack = await startFakeSlack({
    users: [{ id: 'U0SOCKET', email: 'socket.user@example.com', realName: 'Sock Et' }],
  });
  socket = await startFakeSlackSocket();
  slack.useSocketUrl(socket.url);
  t = await startTestArgus({
    SLACK_BOT_TOKEN: 'xoxb-socket',
    SLACK_APP_TOKEN: 'xapp-1-socket',
    SLACK_API_URL: slack.apiUrl,
  });
  await socket.connected;
});
afterAll(async () => {
  await t?.close();
  await socket?.close();
  await slack?.close();
});

it('takes mentions and slash commands over Socket Mode, and keeps the HTTP endpoint closed', async () => {
  expect(slack.callsTo('apps.connections.open')[0]?.headers.authorization).toBe('Bearer xapp-1-socket');
  const ts = '1700009999.000100';
  const ack = await socket.send(
    'events_api',
    appMentionEvent({
      text: '<@U0LAN0Z89> kafka consumers lagging',
      user: 'U0SOCKET',
      channel: 'C0SOCK',
      ts,
    }),
  );
  // An event is acknowledged with nothing to say back.
  expect(ack ?? {}).toEqual({});
  await eventually(
    'the card in the thread',
    async () => slack.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === ts),
    (posts) => posts.length > 0,
  );
  const help = await socket.send('slash_commands', {
    command: '/argus',
    text: 'help',
    user_id: 'U0SOCKET',
    channel_id: 'C0SOCK',
  });
  expect(help).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/argus list') });
  const http = await t.request('POST', '/slack/events', {
    body: { type: 'url_verification', challenge: 'x' },
  });
  expect(http.status).toBe(404);
  expect(http.body.error.code).toBe('SLACK_HTTP_DISABLED');
});
