import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type Argus, createArgus } from '../src/main.js';
import { systemActor } from '../src/modules/access/index.js';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.server.js';
import { eventually } from './support/live-events.js';
import { createTestDatabase } from './support/test-argus.js';

// Two Argus servers on one PostgreSQL database, both running every job, Slack faked: each reminder goes out once.
// (Two processes on one database need a database server, so vitest.config.ts runs this in the postgres project.)
let slack: FakeSlack;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: Argus;
let second: Argus;

beforeAll(async () => {
  slack = await startFakeSlack({
    users: [{ id: 'U0ONCALL', email: 'oncall@example.com', realName: 'On Call' }],
  });
  database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-reminders',
    SLACK_SIGNING_SECRET: 'reminder-secret',
    SLACK_API_URL: slack.apiUrl,
    PUBLIC_URL: 'https://argus.example.com',
    ...database.env,
  });
  first = await createArgus(config);
  second = await createArgus(config);
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
  await slack?.close();
});

it('reminds a stale issue once in its thread and by DM, however many servers run the round', async () => {
  const { services } = first;
  const team = await services.teams.createTeam(systemActor, {
    name: 'On call',
    description: '',
    remindersEnabled: true,
    reminderIntervalMinutes: 60,
    reminderStaleMinutes: 30,
    slackThreadSync: false,
    routingKeywords: [],
    autoResolveEnabled: true,
    autoResolveMinConfidence: 0.8,
  });
  const person = await services.users.createUser(systemActor, {
    email: 'oncall@example.com',
    name: 'On Call',
    isAdmin: false,
  });
  await services.teams.addMember(systemActor, team.team.id, { userId: person.id, role: 'agent' });
  const quiet = await services.teams.createTeam(systemActor, {
    name: 'No reminders',
    description: '',
    remindersEnabled: false,
    reminderIntervalMinutes: 60,
    reminderStaleMinutes: 30,
    slackThreadSync: false,
    routingKeywords: [],
    autoResolveEnabled: true,
    autoResolveMinConfidence: 0.8,
  });
  const stale = await services.issues.createIssue(
    systemActor,
    { title: 'Ledger export stuck', description: '', priority: 'low', teamId: team.team.id, labels: {} },
    { source: 'slack', slackChannelId: 'C0LEDGER', slackThreadTs: '1700000500.000100' },
  );
  await services.issues.createIssue(systemActor, {
    title: 'Not reminded: its team turned reminders off',
    description: '',
    priority: 'low',
    teamId: quiet.team.id,
    labels: {},
  });

  // Nothing is due yet: the issue changed just now.
  expect(await first.services.slack!.remindStaleIssues()).toBe(0);

  // Two hours later both servers run the round at once.
  const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
  const counts = await Promise.all([
    first.services.slack!.remindStaleIssues(later),
    second.services.slack!.remindStaleIssues(later),
  ]);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
  // A later round within the same hour finds it reminded already.
  expect(await second.services.slack!.remindStaleIssues(new Date(later.getTime() + 10 * 60 * 1000))).toBe(0);

  const reminders = () =>
    slack.callsTo('chat.postMessage').filter((call) => String(call.body.text).includes(':alarm_clock:'));
  await eventually(
    'the thread reminder and the DM',
    async () => reminders(),
    (calls) => calls.length >= 2,
    20_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const sent = reminders();
  expect(sent).toHaveLength(2);
  const thread = sent.find((call) => call.body.channel === 'C0LEDGER');
  expect(thread?.body.thread_ts).toBe('1700000500.000100');
  expect(String(thread?.body.text)).toContain(`ARG-${stale.number}`);
  expect(String(thread?.body.text)).toMatch(/no update for 2 h/);
  const dm = sent.find((call) => call.body.channel === 'U0ONCALL');
  expect(String(dm?.body.text)).toMatch(/^:alarm_clock: Reminder: ARG-\d+ "Ledger export stuck"/);
}, 60_000);
