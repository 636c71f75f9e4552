#!/usr/bin/env node
/**
 * Argus triage and analysis latency benchmark: `npm run bench:triage` (builds first, then runs this file).
 *
 * Measures what a person notices after creating an issue, with no AI service configured, on the embedded database
 * and on a PostgreSQL server:
 *   1. Argus is assembled in-process (the built server, real job queue and live events) on a fresh database.
 *   2. The 10 teams of the triage evaluation set (server/eval/triage/teams.json) are created with their routing
 *      keywords and two people each; BENCH_HISTORY labelled issues of its train split are created as history
 *      (team and priority set by hand, then resolved), and the local model is retrained through the service
 *      (time printed).
 *   3. BENCH_ISSUES issues from its eval split are created through the API at BENCH_RATE per second (no team, no
 *      priority); for each, the time from sending the create request to its `triaged` history line arriving on the live event
 *      bus is recorded, and for the critical ones the time until the root-cause analysis (checklist) completed.
 * Prints p50 / p95 / p99 / max with PASS/MISS against the target: triaged within 1 s of creation.
 *
 * Usage:  npm run bench:triage             node server/bench/triage.bench.mjs --help
 * Environment:
 *   BENCH_TARGETS        pglite,postgres (default both)
 *   BENCH_DATABASE_URL   PostgreSQL server for the throw-away database (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_HISTORY        labelled history issues (default 1000)
 *   BENCH_ISSUES         issues measured (default 150)
 *   BENCH_RATE           issues created per second (default 10)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import pg from 'pg';

const HELP = `Argus triage latency benchmark

Usage: node server/bench/triage.bench.mjs [--help]
       npm run bench:triage      (builds the server first)

Creates issues from the triage evaluation set on a fresh embedded database and a fresh PostgreSQL database, with
no AI service, and prints how long each took to be triaged (target: under 1 s) and how long the checklist analysis
of the critical ones took.

Environment: BENCH_TARGETS (pglite,postgres), BENCH_DATABASE_URL, BENCH_HISTORY (1000), BENCH_ISSUES (150),
BENCH_RATE (10 per second)
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

const { loadConfig } = await import('../dist/config.js');
const { createArgus } = await import('../dist/main.js');
const { systemActor } = await import('../dist/modules/access/index.js');

const evalDir = new URL('../eval/triage/', import.meta.url);
const teams = JSON.parse(readFileSync(new URL('teams.json', evalDir), 'utf8'));
const examples = readFileSync(new URL('examples.jsonl', evalDir), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const settings = {
  targets: (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',').map((name) => name.trim()),
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  history: Number(process.env.BENCH_HISTORY ?? 1000),
  issues: Number(process.env.BENCH_ISSUES ?? 150),
  rate: Number(process.env.BENCH_RATE ?? 10),
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value) => `${Math.round(value)} ms`;
const sleep = (delayMs) => new Promise((resolve) => setTimeout(resolve, delayMs));
const splitTitle = (text) => {
  const firstLine = text.split('\n')[0];
  const title = firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine;
  return { title, description: text === firstLine ? '' : text };
};

async function runOn(kind) {
  let dropDatabase = async () => undefined;
  const env = { LOG_LEVEL: 'warn', PORT: '0' };
  if (kind === 'pglite') env.DATA_DIR = 'memory://';
  else {
    const name = `argus_bench_triage_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: settings.adminUrl });
    try {
      await admin.connect();
    } catch (error) {
      console.warn(`!! SKIPPING PostgreSQL: ${settings.adminUrl} is not reachable (${error.message})`);
      return undefined;
    }
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(settings.adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.href;
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: settings.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const argus = await createArgus(loadConfig(env));
  try {
    const { services } = argus;
    const teamIds = new Map();
    for (const team of teams) {
      const created = await services.teams.createTeam(systemActor, {
        name: team.name,
        description: '',
        remindersEnabled: false,
        reminderIntervalMinutes: 240,
        reminderStaleMinutes: 120,
        slackThreadSync: false,
        routingKeywords: team.routingKeywords,
        autoResolveEnabled: true,
        autoResolveMinConfidence: 0.8,
      });
      teamIds.set(team.id, created.team.id);
      for (const n of [1, 2]) {
        const user = await services.users.createUser(systemActor, {
          email: `${team.id}${n}@bench.example`,
          name: `${team.name} ${n}`,
          isAdmin: false,
        });
        await services.teams.addMember(systemActor, created.team.id, { userId: user.id, role: 'agent' });
      }
    }
    const adminUser = await services.users.createUser(systemActor, {
      email: 'admin@bench.example',
      name: 'Bench Admin',
      isAdmin: true,
    });
    const actor = await services.auth.loadActor(adminUser.id);
    const { token } = await services.auth.createApiToken(actor, { name: 'bench' });

    const history = examples.filter((example) => example.split === 'train').slice(0, settings.history);
    const historyStarted = performance.now();
    for (const example of history) {
      const issue = await services.issues.createIssue(systemActor, {
        ...splitTitle(example.text),
        priority: example.priority,
        teamId: teamIds.get(example.team),
        category: example.category,
        labels: {},
      });
      await services.issues.resolveIssue(systemActor, issue.id, 'Fixed');
    }
    const historySeconds = (performance.now() - historyStarted) / 1000;
    const retrainStarted = performance.now();
    const trained = await services.triage.retrainModel();
    const retrainMs = performance.now() - retrainStarted;
    // Let the history's own triage jobs drain before measuring.
    await waitForIdleQueue(argus);

    const triagedAt = new Map();
    const analysedAt = new Map();
    const unsubscribe = argus.events.subscribe((event) => {
      if (event.type === 'issue.history' && event.history?.action === 'triaged')
        triagedAt.set(event.issueId, performance.now());
      if (event.type === 'issue.rca' && event.rcaStep?.kind === 'completed')
        analysedAt.set(event.issueId, performance.now());
    });
    const measured = examples.filter((example) => example.split === 'eval').slice(0, settings.issues);
    const createdAt = new Map();
    const critical = new Set();
    const gapMs = 1000 / settings.rate;
    const started = performance.now();
    await Promise.all(
      measured.map(async (example, index) => {
        await sleep(Math.max(0, started + index * gapMs - performance.now()));
        // Timed from the moment the request is sent: in-process, triage can finish before the answer is read.
        const sentAt = performance.now();
        const response = await argus.app.inject({
          method: 'POST',
          url: '/api/issues',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(splitTitle(example.text)),
        });
        const body = response.json();
        createdAt.set(body.id, sentAt);
        if (example.priority === 'critical') critical.add(body.id);
      }),
    );
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      ([...createdAt.keys()].some((id) => !triagedAt.has(id)) ||
        [...critical].some((id) => triagedAt.has(id) && !analysedAt.has(id)))
    )
      await sleep(50);
    unsubscribe();
    const triageDelays = [...createdAt]
      .filter(([id]) => triagedAt.has(id))
      .map(([id, at]) => triagedAt.get(id) - at);
    const analysisDelays = [...critical]
      .filter((id) => analysedAt.has(id))
      .map((id) => analysedAt.get(id) - createdAt.get(id));
    return {
      kind,
      historyCount: history.length,
      historySeconds,
      trainedOn: trained?.exampleCount ?? 0,
      retrainMs,
      measured: createdAt.size,
      triaged: triageDelays.length,
      triageDelays,
      analysed: analysisDelays.length,
      analysisDelays,
    };
  } finally {
    await argus.close();
    await dropDatabase();
  }
}

async function waitForIdleQueue(argus) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const depths = await argus.jobs.queueDepths();
    if (Object.values(depths).every((depth) => depth === 0)) return;
    await sleep(200);
  }
}

console.log(
  `Argus triage latency · ${cpus().length} cores · ${cpus()[0]?.model ?? 'unknown CPU'} · node ${process.version}`,
);
console.log(
  `history ${settings.history} labelled issues, ${settings.issues} measured at ${settings.rate}/s, no AI service\n`,
);
for (const kind of settings.targets) {
  const result = await runOn(kind);
  if (!result) continue;
  const { triageDelays: t, analysisDelays: a } = result;
  const p99 = percentile(t, 99);
  console.log(`== ${kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server'}`);
  console.log(
    `  history: ${result.historyCount} issues created and resolved in ${result.historySeconds.toFixed(1)} s`,
  );
  console.log(`  retrain from the database: ${result.trainedOn} examples in ${ms(result.retrainMs)}`);
  console.log(
    `  create → triaged (${result.triaged}/${result.measured}): p50 ${ms(percentile(t, 50))}  p95 ${ms(percentile(t, 95))}  p99 ${ms(p99)}  max ${ms(Math.max(...t))}   target p99 < 1000 ms: ${p99 < 1000 && result.triaged === result.measured ? 'PASS' : 'MISS'}`,
  );
  if (a.length > 0)
    console.log(
      `  create → checklist analysis of critical issues (${result.analysed}): p50 ${ms(percentile(a, 50))}  p99 ${ms(percentile(a, 99))}`,
    );
  console.log('');
}
