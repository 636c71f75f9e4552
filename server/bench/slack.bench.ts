/**
 * Argus Slack intake benchmark: `npm run bench:slack` (builds first, then runs this file with tsx).
 *
 * Measures the product's target for Slack: 50 concurrent @Argus mentions are acknowledged over HTTP with p99 under
 * 300 ms, and how long it takes until every one of their threads has its issue card; on the embedded database
 * (PGlite, in memory) and on a PostgreSQL server (a throw-away database, dropped at the end).
 *   1. A fake Slack Web API (server/test/fakes/fake-slack.server.ts) with 50 people U0BENCH00..U0BENCH49 starts;
 *      Argus is assembled in-process with Slack pointed at it, listening on a real port.
 *   2. One team with routing keywords and three members is created; 5 warm-up mentions go through the whole
 *      pipeline (not counted).
 *   3. Round 1: 50 distinct, correctly signed `app_mention` events are POSTed to /slack/events at once; each request
 *      is timed from send to response; then the fake's chat.postMessage calls are polled until each thread has its
 *      card (a call with `thread_ts` = the mention's ts and `attachments`), timed from the first send (60 s limit).
 *   4. Round 2: the same with Slack answering HTTP 429 (Retry-After: 1 s) to the next 10 chat.postMessage calls;
 *      checks that every thread still got its card exactly once and that no card delivery is left unsent.
 *
 * Usage:  npm run bench:slack             npx tsx server/bench/slack.bench.ts --help
 * Environment:
 *   BENCH_TARGETS        pglite,postgres (default both)
 *   BENCH_DATABASE_URL   PostgreSQL server for the throw-away database (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { type Argus, createArgus } from '../src/main.js';
import { systemActor } from '../src/modules/access/index.js';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from '../test/fakes/fake-slack.server.js';
import { appMentionEvent, signSlackRequest } from '../test/support/slack-signing.js';

const HELP = `Argus Slack intake benchmark

Usage: npx tsx server/bench/slack.bench.ts [--help]
       npm run bench:slack      (builds first)

Sends 50 concurrent, signed @Argus mentions to Argus's /slack/events (with a fake Slack Web API answering its
calls), on a fresh embedded database and on a fresh PostgreSQL database, and prints:
  - the HTTP acknowledgement times p50 / p95 / p99 / max (target: p99 < 300 ms) and whether all were 200;
  - the time from the first send until the first card, half of the cards and all 50 cards were posted in the
    mention threads;
  - a second round where Slack rate-limits (HTTP 429, Retry-After 1 s) the first 10 chat.postMessage calls: every
    thread must still get its card exactly once, and every card delivery must end 'sent'.
5 warm-up mentions are sent first and not counted. Gives up waiting for cards after 60 s and says how many came.

Environment:
  BENCH_TARGETS        pglite,postgres (default both)
  BENCH_DATABASE_URL   PostgreSQL server on which a throw-away database argus_bench_slack_<random> is created and
                       dropped (default postgres://postgres@127.0.0.1:5432/postgres); skipped loudly if unreachable
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

const settings = {
  targets: (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',').map((name) => name.trim()),
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const MENTIONS = 50;
const WARM_UP = 5;
const ACK_TARGET_MS = 300;
const CARD_WAIT_MS = 60_000;
const RATE_LIMITED_CALLS = 10;
const BOT = '<@U0LAN0Z89>';
const CHANNELS = ['C0BENCHINC', 'C0BENCHOPS', 'C0BENCHPAY', 'C0BENCHWEB', 'C0BENCHSRE'];
const slackUsers = Array.from({ length: MENTIONS }, (_, n) => {
  const id = `U0BENCH${String(n).padStart(2, '0')}`;
  return { id, email: `bench.person${n}@bench.example`, realName: `Bench Person ${n}` };
});

const incidents = [
  'checkout returns 502 for about 30% of requests since {t}',
  'payment gateway timeouts for merchant {n}, card payments failing',
  'refunds stuck in pending for {n} orders',
  'api-gateway p99 latency above 4s in eu-west-1',
  'login page shows a blank screen on Safari after the {t} deploy',
  'orders-db replica lag at {n} seconds and climbing',
  'kafka consumer group billing-events is {n}k messages behind',
  'search results empty for every query on the mobile app',
  'TLS certificate for status.example.com expires in {n} hours',
  'invoice PDFs fail to render, worker OOMKilled {n} times',
  'webhooks to partners failing with connection reset since {t}',
  'disk on logging-node-{n} at 97%, ingestion slowing down',
  'duplicate charges reported by {n} customers at checkout',
  'password reset e-mails not arriving (SMTP 421 from provider)',
  'CDN serving stale assets in APAC, cache purge stuck',
  'cron job nightly-settlement did not run at {t}',
  'error rate on payment-service jumped to {n}% after release',
  'mobile push notifications delayed by over {n} minutes',
  'redis cluster evicting keys, memory at {n}%',
  'customers in Brazil cannot add a card: 3DS challenge times out',
];
const incidentText = (round: number, n: number) => {
  const text = incidents[n % incidents.length] ?? incidents[0]!;
  const time = `${String(9 + (n % 9)).padStart(2, '0')}:${String((n * 7 + round) % 60).padStart(2, '0')}`;
  return `${BOT} ${text.replace('{t}', time).replace('{n}', String(3 + ((n * 13 + round * 7) % 90)))}\nreported in round ${round}, case ${n + 1}`;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—');
const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs));

interface Mention {
  channel: string;
  ts: string;
  raw: string;
}

interface RoundResult {
  ackMs: number[];
  statuses: number[];
  /** Per thread, the wall-clock time of its first successful card, relative to the first send. */
  cardMs: number[];
  cardsArrived: number;
  firstSentAt: number;
}

let tsCounter = 0;
function buildMentions(round: number, count: number): Mention[] {
  const seconds = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, n) => {
    tsCounter += 1;
    const channel = CHANNELS[n % CHANNELS.length] ?? 'C0BENCHINC';
    const ts = `${seconds}.${String(tsCounter).padStart(6, '0')}`;
    const user = slackUsers[n % slackUsers.length]?.id ?? 'U0BENCH00';
    const event = appMentionEvent({ text: incidentText(round, n), user, channel, ts });
    return { channel, ts, raw: JSON.stringify(event) };
  });
}

const isCardFor = (mention: Mention) => (call: FakeSlackCall) =>
  call.body.channel === mention.channel &&
  call.body.thread_ts === mention.ts &&
  call.body.attachments !== undefined;

/** The chat.postMessage calls Slack refused: the fake records them too, in arrival order. */
interface Refused {
  from: number;
  count: number;
}
const refusedCalls = (fake: FakeSlack, refused: Refused) =>
  new Set(fake.callsTo('chat.postMessage').slice(refused.from, refused.from + refused.count));

/** Sends all mentions at once, then waits until each thread has a card that Slack accepted. */
async function runRound(
  url: string,
  secret: string,
  fake: FakeSlack,
  mentions: Mention[],
  refused: Refused = { from: 0, count: 0 },
): Promise<RoundResult> {
  const signed = mentions.map((mention) => ({
    body: mention.raw,
    headers: { 'content-type': 'application/json', ...signSlackRequest(secret, mention.raw) },
  }));
  const firstSentAt = Date.now();
  const acks = await Promise.all(
    signed.map(async ({ body, headers }) => {
      const sentAt = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body });
      await response.text();
      return { ms: performance.now() - sentAt, status: response.status };
    }),
  );
  const cardAt = new Map<string, number>();
  const deadline = firstSentAt + CARD_WAIT_MS;
  while (cardAt.size < mentions.length && Date.now() < deadline) {
    const failed = refusedCalls(fake, refused);
    const posts = fake.callsTo('chat.postMessage').filter((call) => !failed.has(call));
    for (const mention of mentions) {
      if (cardAt.has(mention.ts)) continue;
      const card = posts.find(isCardFor(mention));
      if (card) cardAt.set(mention.ts, card.at - firstSentAt);
    }
    if (cardAt.size < mentions.length) await sleep(20);
  }
  return {
    ackMs: acks.map((ack) => ack.ms),
    statuses: acks.map((ack) => ack.status),
    cardMs: [...cardAt.values()].sort((a, b) => a - b),
    cardsArrived: cardAt.size,
    firstSentAt,
  };
}

/** Waits until no job is queued and no Slack delivery is pending, twice in a row (at most 30 s). */
async function waitForQuiet(argus: Argus): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quietChecks = 0;
  while (Date.now() < deadline && quietChecks < 2) {
    const depths = await argus.jobs.queueDepths();
    const { rows } = await argus.database.executeSql(
      "select count(*)::int as n from slack_deliveries where status <> 'sent'",
    );
    const isQuiet = Object.values(depths).every((depth) => depth === 0) && Number(rows[0]?.n ?? 0) === 0;
    quietChecks = isQuiet ? quietChecks + 1 : 0;
    await sleep(300);
  }
}

async function openTarget(
  kind: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> } | undefined> {
  if (kind === 'pglite') return { env: { DATA_DIR: 'memory://' }, drop: async () => undefined };
  const name = `argus_bench_slack_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(
      `!! SKIPPING PostgreSQL: ${settings.adminUrl} is not reachable (${(error as Error).message})\n`,
    );
    return undefined;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(settings.adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.href },
    async drop() {
      const client = new pg.Client({ connectionString: settings.adminUrl });
      await client.connect();
      // The pool's sockets close just after argus.close() resolves; forcing them shut would log errors.
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        const { rows } = await client.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]?.n === 0) break;
        await sleep(50);
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function printRound(title: string, result: RoundResult): void {
  const { ackMs, cardMs } = result;
  const p99 = percentile(ackMs, 99);
  const allOk = result.statuses.every((status) => status === 200);
  const otherStatuses = [...new Set(result.statuses.filter((status) => status !== 200))].join(', ');
  const allCards = result.cardsArrived === MENTIONS;
  console.log(`  ${title}`);
  console.log(
    `    HTTP ack (send → response)   p50 ${ms(percentile(ackMs, 50))}  p95 ${ms(percentile(ackMs, 95))}  p99 ${ms(p99)}  max ${ms(Math.max(...ackMs))}   target p99 < ${ACK_TARGET_MS} ms: ${p99 < ACK_TARGET_MS && allOk ? 'PASS' : 'MISS'}`,
  );
  console.log(
    `    all ${MENTIONS} answered 200?        ${allOk ? 'yes' : `NO (${result.statuses.filter((status) => status !== 200).length} were ${otherStatuses})`}`,
  );
  console.log(
    `    cards in threads (from first send)   first ${ms(cardMs[0] ?? Number.NaN)}  half (${MENTIONS / 2}) ${ms(cardMs[MENTIONS / 2 - 1] ?? Number.NaN)}  all ${MENTIONS} ${allCards ? ms(cardMs[MENTIONS - 1] ?? Number.NaN) : `MISSING: only ${result.cardsArrived}/${MENTIONS} within ${CARD_WAIT_MS / 1000} s`}`,
  );
}

async function runOn(kind: string): Promise<void> {
  const target = await openTarget(kind);
  if (!target) return;
  const secret = randomBytes(16).toString('hex');
  const fake = await startFakeSlack({ users: slackUsers });
  let argus: Argus | undefined;
  try {
    argus = await createArgus(
      loadConfig({
        LOG_LEVEL: 'warn',
        PORT: '0',
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: fake.apiUrl,
        PUBLIC_URL: 'http://argus.bench',
        ...target.env,
      }),
    );
    const { services } = argus;
    const team = await services.teams.createTeam(systemActor, {
      name: 'Payments',
      description: 'Checkout, payments and refunds',
      remindersEnabled: false,
      reminderIntervalMinutes: 240,
      reminderStaleMinutes: 120,
      slackThreadSync: false,
      routingKeywords: ['checkout', 'payment', 'refund', 'card', 'invoice', 'settlement'],
      autoResolveEnabled: true,
      autoResolveMinConfidence: 0.8,
    });
    // Members share e-mail addresses with three Slack people, so assignment DMs reach them.
    for (const person of slackUsers.slice(0, 3)) {
      const user = await services.users.createUser(systemActor, {
        email: person.email,
        name: person.realName,
        isAdmin: false,
      });
      await services.teams.addMember(systemActor, team.team.id, { userId: user.id, role: 'agent' });
    }
    await argus.app.listen({ port: 0, host: '127.0.0.1' });
    const address = argus.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}/slack/events`;

    const warmUp = await runRound(url, secret, fake, buildMentions(0, WARM_UP));
    if (warmUp.cardsArrived < WARM_UP)
      console.warn(`  !! warm-up: only ${warmUp.cardsArrived}/${WARM_UP} cards`);
    await waitForQuiet(argus);

    console.log(`== ${kind === 'pglite' ? 'embedded (PGlite, memory://)' : 'PostgreSQL server'}`);
    const first = await runRound(url, secret, fake, buildMentions(1, MENTIONS));
    printRound(`round 1: ${MENTIONS} concurrent mentions`, first);
    await waitForQuiet(argus);

    // Round 2: the next 10 chat.postMessage calls are answered 429 with Retry-After: 1.
    const before = fake.callsTo('chat.postMessage').length;
    fake.failNext(
      'chat.postMessage',
      ...Array.from({ length: RATE_LIMITED_CALLS }, () => ({ status: 429 as const, retryAfterSeconds: 1 })),
    );
    const mentions = buildMentions(2, MENTIONS);
    const refused = { from: before, count: RATE_LIMITED_CALLS };
    const second = await runRound(url, secret, fake, mentions, refused);
    await waitForQuiet(argus);
    const failed = refusedCalls(fake, refused);
    printRound(
      `round 2: ${MENTIONS} concurrent mentions, Slack answers 429 (Retry-After 1 s) to the first ${RATE_LIMITED_CALLS} chat.postMessage`,
      second,
    );
    const posts = fake.callsTo('chat.postMessage');
    const refusedCards = [...failed].filter((call) =>
      mentions.some((mention) => isCardFor(mention)(call)),
    ).length;
    const perThread = mentions.map((mention) => {
      const calls = posts.filter(isCardFor(mention));
      const refused = calls.filter((call) => failed.has(call)).length;
      return { attempts: calls.length, refused, sent: calls.length - refused };
    });
    const exactlyOnce = perThread.filter((thread) => thread.sent === 1).length;
    const withinBound = perThread.every((thread) => thread.attempts <= thread.refused + 1);
    const { rows } = await argus.database.executeSql(
      "select count(*)::int n from slack_deliveries where kind = 'card' and status <> 'sent'",
    );
    const unsent = Number(rows[0]?.n ?? Number.NaN);
    const retried = perThread.filter((thread) => thread.refused > 0).length;
    console.log(
      `    refused calls: ${failed.size} (${refusedCards} of them cards, in ${retried} threads)   threads with exactly one card: ${exactlyOnce}/${MENTIONS}   cards per thread ≤ refusals + 1: ${withinBound ? 'yes' : 'NO'}   card deliveries not 'sent' in the database: ${unsent}   ${exactlyOnce === MENTIONS && withinBound && unsent === 0 ? 'PASS' : 'MISS'}`,
    );
    console.log('');
  } finally {
    await argus?.close();
    await fake.close();
    await target.drop();
  }
}

console.log(
  `Argus Slack intake · ${cpus().length} cores · ${cpus()[0]?.model ?? 'unknown CPU'} · node ${process.version}`,
);
console.log(
  `${MENTIONS} concurrent signed @Argus mentions over HTTP (after ${WARM_UP} warm-up), fake Slack Web API, no AI service\n`,
);
for (const kind of settings.targets) await runOn(kind);
