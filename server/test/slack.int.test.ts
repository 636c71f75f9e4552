import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/index.js';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.server.js';
import { eventually } from './support/live-events.js';
import { appMentionEvent, signSlackRequest } from './support/slack-signing.js';
import { startTestArgus, type TestArgus, type TestPerson } from './support/test-argus.js';

// Argus with Slack configured, its Web API calls pointed at a fake Slack speaking Slack's JSON; events arrive as
// correctly signed HTTP requests, exactly as Slack sends them.
const SIGNING_SECRET = 'test-signing-secret-0123456789';
let slack: FakeSlack;
let t: TestArgus;
let admin: TestPerson;
let payments: { id: string; name: string };
let payerId: string;
let tsCounter = 1_700_000_000;
const nextTs = () => `${++tsCounter}.000100`;

beforeAll(async () => {
  slack = await startFakeSlack({
    users: [
      { id: 'U0REPORTER', email: 'rita.reporter@example.com', realName: 'Rita Reporter' },
      { id: 'U0PAYER', email: 'pat.payments@example.com', realName: 'Pat Payments' },
    ],
  });
  t = await startTestArgus({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PUBLIC_URL: 'https://argus.example.com',
  });
  admin = await t.createPerson({ isAdmin: true });
  payments = await t.createTeam('Payments', { routingKeywords: ['checkout', 'payment'] });
  // Pat has an Argus account with the same e-mail address as in Slack.
  const pat = await t.argus.services.users.createUser(systemActor, {
    email: 'pat.payments@example.com',
    name: 'Pat Payments',
    isAdmin: false,
  });
  await t.argus.services.teams.addMember(systemActor, payments.id, { userId: pat.id, role: 'agent' });
  payerId = pat.id;
});
afterAll(async () => {
  await t?.close();
  await slack?.close();
});

async function sendEvent(payload: object, options: { secret?: string; timestamp?: number } = {}) {
  const raw = JSON.stringify(payload);
  return t.request('POST', '/slack/events', {
    payload: raw,
    headers: {
      'content-type': 'application/json',
      ...signSlackRequest(options.secret ?? SIGNING_SECRET, raw, options.timestamp),
    },
  });
}

async function sendForm(path: string, fields: Record<string, string>) {
  const raw = new URLSearchParams(fields).toString();
  return t.request('POST', path, {
    payload: raw,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackRequest(SIGNING_SECRET, raw),
    },
  });
}

const slashCommand = (userId: string, text: string) =>
  sendForm('/slack/commands', {
    token: 'x',
    team_id: 'T061EG9R6',
    channel_id: 'C0OPS',
    user_id: userId,
    command: '/argus',
    text,
    response_url: 'https://hooks.slack.com/commands/1/2',
    trigger_id: '1.2.3',
  });

const interaction = (payload: object) =>
  sendForm('/slack/interactivity', { payload: JSON.stringify(payload) });

const issuesFromSlack = async () =>
  (await t.request('GET', '/api/issues?source=slack&pageSize=100', { token: admin.token })).body.items as {
    id: string;
    key: string;
    title: string;
    createdBy: { name: string; email: string } | null;
    slack: { channelId: string; threadTs: string | null } | null;
  }[];
const postsIn = (channel: string, threadTs: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === channel && call.body.thread_ts === threadTs);

describe('Slack Events API', () => {
  it('answers the URL verification handshake', async () => {
    const answer = await sendEvent({ type: 'url_verification', token: 'x', challenge: 'c-123' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ challenge: 'c-123' });
  });

  it('refuses a bad or stale signature with 401 and stores nothing', async () => {
    const ts = nextTs();
    const event = appMentionEvent({
      text: '<@U0LAN0Z89> forged outage',
      user: 'U0REPORTER',
      channel: 'C0FORGE',
      ts,
    });
    const forged = await sendEvent(event, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('INVALID_SLACK_SIGNATURE');
    const stale = await sendEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const unsigned = await t.request('POST', '/slack/events', { body: event });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await issuesFromSlack()).filter((issue) => issue.slack?.channelId === 'C0FORGE')).toEqual([]);
  });

  it('turns a mention into an issue by its reporter and answers in the thread with the card', async () => {
    const ts = nextTs();
    const event = appMentionEvent({
      text: '<@U0LAN0Z89> payment gateway timeout for merchant X\nsince 10:02, all card payments at checkout fail',
      user: 'U0REPORTER',
      channel: 'C0INCIDENTS',
      ts,
    });
    const started = Date.now();
    const ack = await sendEvent(event);
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    // Slack retries a delivery it thinks was lost: the same event id creates nothing more.
    expect((await sendEvent(event)).status).toBe(200);

    const [card] = await eventually(
      'the thread card',
      async () => postsIn('C0INCIDENTS', ts),
      (posts) => posts.length > 0,
    );
    const issue = (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts);
    expect(issue).toMatchObject({
      title: 'payment gateway timeout for merchant X',
      createdBy: { name: 'Rita Reporter', email: 'rita.reporter@example.com' },
      slack: { channelId: 'C0INCIDENTS', threadTs: ts },
    });
    const attachments = card!.body.attachments as { color: string; blocks: unknown[] }[];
    const cardText = JSON.stringify(attachments);
    expect(cardText).toContain(issue!.key);
    expect(cardText).toContain('Payments');
    // Pat holds it: found in Slack by e-mail and mentioned.
    expect(cardText).toContain('<@U0PAYER>');
    expect(cardText).toContain(`https://argus.example.com/issues/${issue!.key}`);
    expect(cardText).toContain('View in Dashboard');
    expect(['#D92D20', '#F79009']).toContain(attachments[0]!.color);
    // The reporting message carries the status emoji: a ticket while the issue is open.
    await eventually(
      'the ticket emoji',
      async () => slack.reactionsOn('C0INCIDENTS', ts),
      (names) => names.join() === 'ticket',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(postsIn('C0INCIDENTS', ts)).toHaveLength(1);
    expect((await issuesFromSlack()).filter((candidate) => candidate.slack?.threadTs === ts)).toHaveLength(1);
  });

  it('adds a mention inside an issue thread to that issue as a comment, without a new issue', async () => {
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> refunds stuck in pending',
        user: 'U0REPORTER',
        channel: 'C0OPS',
        ts,
      }),
    );
    const issue = await eventually(
      'the issue',
      async () => (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts),
      (found) => found !== undefined,
    );
    const replyTs = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> the queue is draining again after the restart',
        user: 'U0PAYER',
        channel: 'C0OPS',
        ts: replyTs,
        threadTs: ts,
        parentUserId: 'U0REPORTER',
      }),
    );
    const comments = await eventually(
      'the comment',
      async () =>
        (await t.request('GET', `/api/issues/${issue!.key}/comments`, { token: admin.token })).body.items,
      (items: unknown[]) => items.length > 0,
    );
    expect(comments[0]).toMatchObject({
      body: 'the queue is draining again after the restart',
      author: { id: payerId, name: 'Pat Payments' },
    });
    await eventually(
      'the acknowledgement in the thread',
      async () => postsIn('C0OPS', ts).map((call) => String(call.body.text)),
      (texts) => texts.some((text) => text.startsWith(`Added to ${issue!.key}`)),
    );
    expect(
      (await issuesFromSlack()).filter((candidate) => candidate.slack?.channelId === 'C0OPS'),
    ).toHaveLength(1);
  });

  it('delivers the card and the DM exactly once after Slack answered 500 and 429 for a while', async () => {
    // Earlier messages go out first, so the failures below meet this test's card.
    await eventually(
      'earlier messages to be sent',
      async () =>
        (
          await t.argus.database.executeSql(
            "select count(*)::int as n from slack_deliveries where status = 'pending'",
          )
        ).rows[0] as { n: number },
      (row) => row.n === 0,
    );
    slack.failNext(
      'chat.postMessage',
      { status: 500 },
      { status: 429, retryAfterSeconds: 1 },
      { status: 503 },
    );
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> checkout returns 502 for EU cards',
        user: 'U0REPORTER',
        channel: 'C0FLAKY',
        ts,
      }),
    );
    const issue = await eventually(
      'the issue',
      async () => (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts),
      (found) => found !== undefined,
    );
    const deliveries = async () =>
      (
        await t.argus.database.executeSql(
          `select kind, status, attempts from slack_deliveries where issue_id = '${issue!.id}' and kind in ('card', 'dm') order by kind`,
        )
      ).rows as { kind: string; status: string; attempts: number }[];
    const settled = await eventually(
      'the card and the DM after the failures',
      deliveries,
      (rows) => rows.length === 2 && rows.every((row) => row.status === 'sent'),
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The three refusals fell on the card and the DM; each then went through exactly once, and nothing after.
    const posted = slack
      .callsTo('chat.postMessage')
      .filter(
        (call) =>
          (call.body.channel === 'C0FLAKY' && call.body.thread_ts === ts) ||
          (call.body.channel === 'U0PAYER' && String(call.body.text).includes(issue!.key)),
      );
    expect(posted).toHaveLength(5);
    expect(settled.reduce((sum, row) => sum + row.attempts, 0)).toBe(5);
    const onIssuePage = await t.request('GET', `/api/issues/${issue!.key}/slack-deliveries`, {
      token: admin.token,
    });
    expect(onIssuePage.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'card', status: 'sent', lastError: null }),
        expect.objectContaining({ kind: 'dm', status: 'sent' }),
      ]),
    );
    const status = await t.request('GET', '/api/slack/status', { token: admin.token });
    expect(status.body).toMatchObject({ configured: true, pendingDeliveries: 0, failingDeliveries: 0 });
    expect(status.body.lastDeliveredAt).not.toBeNull();
    const metrics = await t.request('GET', '/metrics');
    expect(metrics.body).toMatch(/argus_slack_delivery_failures_total\{kind="(card|dm)"\} [1-9]/);
  }, 90_000);

  it('keeps the thread, the emoji and the assignee informed of changes made in the dashboard', async () => {
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> payment webhooks failing',
        user: 'U0REPORTER',
        channel: 'C0LOOP',
        ts,
      }),
    );
    await eventually(
      'the card',
      async () => postsIn('C0LOOP', ts),
      (posts) => posts.length > 0,
    );
    const issue = (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts)!;
    // Pat was assigned by triage (the only Payments member): a direct message, found by e-mail.
    const dm = await eventually(
      'the assignment DM',
      async () =>
        slack
          .callsTo('chat.postMessage')
          .find((call) => call.body.channel === 'U0PAYER' && String(call.body.text).includes(issue.key)),
      (call) => call !== undefined,
    );
    expect(String(dm!.body.text)).toMatch(/^You were assigned/);

    await t.request('PATCH', `/api/issues/${issue.key}`, {
      token: admin.token,
      body: { status: 'acknowledged' },
    });
    await eventually(
      'the eyes',
      async () => slack.reactionsOn('C0LOOP', ts),
      (names) => names.includes('eyes'),
    );
    // The card itself follows: acknowledged, so its Acknowledge button is gone.
    const updated = await eventually(
      'the updated card',
      async () => slack.callsTo('chat.update').filter((call) => call.body.channel === 'C0LOOP'),
      (calls) => calls.length > 0,
    );
    const updatedCard = JSON.stringify(updated.at(-1)!.body.attachments);
    expect(updatedCard).toContain('acknowledged');
    expect(updatedCard).not.toContain('"action_id":"acknowledge"');
    expect(updatedCard).toContain('"action_id":"resolve"');
    await t.request('POST', `/api/issues/${issue.key}/resolve`, {
      token: admin.token,
      body: { reason: 'Rotated the webhook secret' },
    });
    const note = await eventually(
      'the resolution note',
      async () => postsIn('C0LOOP', ts).find((call) => String(call.body.text).includes('resolved it')),
      (call) => call !== undefined,
    );
    expect(String(note!.body.text)).toContain('Rotated the webhook secret');
    expect(String(note!.body.text)).toContain('For customers:');
    await eventually(
      'the reaction swap',
      async () => slack.reactionsOn('C0LOOP', ts),
      (names) => names.join() === 'white_check_mark',
    );
    const notes = postsIn('C0LOOP', ts).map((call) => String(call.body.text));
    expect(notes.some((text) => text.includes('marked it *acknowledged*'))).toBe(true);
  });

  it('answers /argus with what it asks, under the same permissions as the API', async () => {
    const help = await slashCommand('U0REPORTER', 'help');
    expect(help.status).toBe(200);
    expect(help.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/argus list'),
    });
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({ text: '<@U0LAN0Z89> invoices not sent', user: 'U0REPORTER', channel: 'C0CMD', ts }),
    );
    const issue = await eventually(
      'the assigned issue',
      async () =>
        (await t.request('GET', `/api/issues?source=slack&q=invoices`, { token: admin.token })).body.items[0],
      (found) => found?.assignees?.length > 0,
    );
    const status = await slashCommand('U0PAYER', `status ${issue.key}`);
    expect(status.body.text).toContain(issue.key);
    expect(status.body.text).toContain('Pat Payments');
    const mine = await slashCommand('U0PAYER', 'list');
    expect(mine.body.text).toContain(issue.key);
    // Rita reported it but holds no role: she may not resolve it.
    const refused = await slashCommand('U0REPORTER', `resolve ${issue.key} Restarted the mailer`);
    expect(refused.body.text).toMatch(/cannot resolve/);
    const resolved = await slashCommand('U0PAYER', `resolve ${issue.key} Restarted the mailer`);
    expect(resolved.body.text).toContain('Resolved');
    const after = (await t.request('GET', `/api/issues/${issue.key}`, { token: admin.token })).body;
    expect(after).toMatchObject({ status: 'resolved', resolutionReason: 'Restarted the mailer' });
    expect((await slashCommand('U0PAYER', 'status ARG-999999')).body.text).toMatch(/does not exist/);
    expect((await slashCommand('U0PAYER', 'frobnicate')).body.text).toMatch(/I don't know "frobnicate"/);
  });

  it('acknowledges and resolves from the card buttons, the reason required in the modal', async () => {
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> refund emails bouncing',
        user: 'U0REPORTER',
        channel: 'C0BTN',
        ts,
      }),
    );
    const [card] = await eventually(
      'the card',
      async () => postsIn('C0BTN', ts),
      (posts) => posts.length > 0,
    );
    const buttons = JSON.stringify(card!.body.attachments);
    expect(buttons).toContain('"action_id":"acknowledge"');
    expect(buttons).toContain('"action_id":"resolve"');
    const issue = (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts)!;
    const click = (actionId: string) =>
      interaction({
        type: 'block_actions',
        user: { id: 'U0PAYER' },
        trigger_id: `trigger-${actionId}`,
        channel: { id: 'C0BTN' },
        actions: [{ action_id: actionId, value: issue.id, type: 'button' }],
      });
    expect((await click('acknowledge')).status).toBe(200);
    expect((await t.request('GET', `/api/issues/${issue.key}`, { token: admin.token })).body.status).toBe(
      'acknowledged',
    );
    expect((await click('resolve')).status).toBe(200);
    const modal = slack.callsTo('views.open').at(-1)!;
    expect(modal.body.trigger_id).toBe('trigger-resolve');
    expect(JSON.stringify(modal.body.view)).toContain('How was this fixed?');
    const submit = (values: Record<string, unknown>) =>
      interaction({
        type: 'view_submission',
        user: { id: 'U0PAYER' },
        view: { callback_id: 'resolve_issue', private_metadata: issue.id, state: { values } },
      });
    const empty = await submit({ reason: { value: { type: 'plain_text_input', value: '  ' } } });
    expect(empty.body).toEqual({
      response_action: 'errors',
      errors: { reason: expect.stringContaining('how it was fixed') },
    });
    expect((await t.request('GET', `/api/issues/${issue.key}`, { token: admin.token })).body.status).toBe(
      'acknowledged',
    );
    const done = await submit({
      template: { value: { type: 'static_select', selected_option: { value: 'Fixed in production' } } },
      reason: { value: { type: 'plain_text_input', value: null } },
    });
    expect(done.status).toBe(200);
    expect((await t.request('GET', `/api/issues/${issue.key}`, { token: admin.token })).body).toMatchObject({
      status: 'resolved',
      resolutionReason: 'Fixed in production',
    });
  });

  it('reassigns from the card: the modal lists the holders, the chosen Argus people become the assignees', async () => {
    const ts = nextTs();
    await sendEvent(
      appMentionEvent({
        text: '<@U0LAN0Z89> card payments slow in EU',
        user: 'U0REPORTER',
        channel: 'C0REASSIGN',
        ts,
      }),
    );
    await eventually(
      'the card',
      async () => postsIn('C0REASSIGN', ts),
      (posts) => posts.length > 0,
    );
    const issue = (await issuesFromSlack()).find((candidate) => candidate.slack?.threadTs === ts)!;
    expect(JSON.stringify(postsIn('C0REASSIGN', ts)[0]!.body.attachments)).toContain(
      '"action_id":"reassign"',
    );
    // An admin whose Slack e-mail matches their Argus account reassigns it.
    const boss = await t.argus.services.users.createUser(systemActor, {
      email: 'boss@example.com',
      name: 'Bo Boss',
      isAdmin: true,
    });
    slack.addUser({ id: 'U0BOSS', email: 'boss@example.com', realName: 'Bo Boss' });
    slack.addUser({ id: 'U0STRANGER', email: 'nobody@example.com', realName: 'No Account' });
    await interaction({
      type: 'block_actions',
      user: { id: 'U0BOSS' },
      trigger_id: 'trigger-reassign',
      channel: { id: 'C0REASSIGN' },
      actions: [{ action_id: 'reassign', value: issue.id, type: 'button' }],
    });
    const modal = slack.callsTo('views.open').at(-1)!;
    expect(JSON.stringify(modal.body.view)).toContain('"initial_users":["U0PAYER"]');
    const submit = (users: string[]) =>
      interaction({
        type: 'view_submission',
        user: { id: 'U0BOSS' },
        view: {
          callback_id: 'reassign_issue',
          private_metadata: issue.id,
          state: { values: { assignees: { value: { type: 'multi_users_select', selected_users: users } } } },
        },
      });
    const unknown = await submit(['U0STRANGER']);
    expect(unknown.body).toEqual({
      response_action: 'errors',
      errors: { assignees: expect.stringContaining('No Account') },
    });
    expect((await submit(['U0BOSS'])).status).toBe(200);
    const after = (await t.request('GET', `/api/issues/${issue.key}`, { token: admin.token })).body;
    expect(after.assignees.map((person: { id: string }) => person.id)).toEqual([boss.id]);
  });

  it("copies replies in an issue's thread into comments when its team syncs threads", async () => {
    const syncing = await t.createTeam('Search', {
      routingKeywords: ['search', 'index'],
      slackThreadSync: true,
    });
    const threadOf = async (text: string, channel: string) => {
      const ts = nextTs();
      await sendEvent(appMentionEvent({ text: `<@U0LAN0Z89> ${text}`, user: 'U0REPORTER', channel, ts }));
      const issue = await eventually(
        'the triaged issue',
        async () =>
          (
            await t.request('GET', `/api/issues?source=slack&pageSize=100`, { token: admin.token })
          ).body.items.find(
            (candidate: { slack: { threadTs: string } | null; triage: unknown }) =>
              candidate.slack?.threadTs === ts && candidate.triage !== null,
          ),
        (found) => found !== undefined,
      );
      return { ts, issue };
    };
    const reply = (channel: string, threadTs: string, text: string) =>
      sendEvent({
        type: 'event_callback',
        event_id: `EvReply${nextTs().replace('.', '')}`,
        team_id: 'T061EG9R6',
        api_app_id: 'A0MDYCDME',
        event: {
          type: 'message',
          user: 'U0PAYER',
          text,
          ts: nextTs(),
          thread_ts: threadTs,
          channel,
          channel_type: 'channel',
        },
        authorizations: [{ user_id: 'U0LAN0Z89', is_bot: true }],
        event_time: 1_700_000_000,
      });
    const synced = await threadOf('search index is stale for new products', 'C0SEARCH');
    expect(synced.issue.team?.id).toBe(syncing.id);
    await reply('C0SEARCH', synced.ts, 'reindex running, 40% done');
    const comments = await eventually(
      'the synced reply',
      async () =>
        (await t.request('GET', `/api/issues/${synced.issue.key}/comments`, { token: admin.token })).body
          .items,
      (items: unknown[]) => items.length > 0,
    );
    expect(comments[0]).toMatchObject({
      body: 'reindex running, 40% done',
      author: { name: 'Pat Payments' },
    });
    // A reply that mentions Argus arrives as a mention too; the message copy of it is skipped.
    await reply('C0SEARCH', synced.ts, '<@U0LAN0Z89> status please');
    // Payments does not sync threads: replies there stay in Slack.
    const quiet = await threadOf('checkout payment failures', 'C0NOSYNC');
    await reply('C0NOSYNC', quiet.ts, 'looking');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(
      (await t.request('GET', `/api/issues/${quiet.issue.key}/comments`, { token: admin.token })).body.items,
    ).toEqual([]);
    expect(
      (await t.request('GET', `/api/issues/${synced.issue.key}/comments`, { token: admin.token })).body.items,
    ).toHaveLength(1);
  });

  it('answers a malformed event with 400 naming the problem', async () => {
    const answer = await sendEvent({ type: 'event_callback', event: { type: 'app_mention' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/event_id/);
  });
});
