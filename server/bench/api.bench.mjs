#!/usr/bin/env node
/**
 * Argus API benchmark: `npm run bench:api` (builds first, then runs this file).
 *
 * For each database — a PostgreSQL server and the embedded database (PGlite) — it:
 *   1. seeds BENCH_ISSUES issues (default 100,000) quickly: Argus is started in-process once to migrate,
 *      5 teams and 20 people (4 per team) are created through the services, and the issues are bulk-inserted
 *      with INSERT … SELECT generate_series (titles and descriptions drawn from word lists so full-text search
 *      is meaningful; status, priority, team, service, source and created_at vary over 180 days; every
 *      active issue with a team has an assignee). Then VACUUM ANALYZE.
 *   2. starts the server as a real child process (`node server/dist/cli.js start`) and measures
 *      "start to healthy" (spawn → first 200 from GET /api/health, on the already-migrated data) and the
 *      child's idle RSS (VmRSS from /proc/<pid>/status after ~2 s idle).
 *   3. logs in once (the login route is rate-limited) and drives the API with autocannon:
 *        list    GET  /api/issues?status=open,acknowledged&priority=high,critical&teamId=<team>&sort=-created
 *        search  GET  /api/issues?q=<word>
 *        get     GET  /api/issues/ARG-<random number>
 *        create  POST /api/issues {title, description, priority, teamId}  (auto-assignment within the team)
 *        resolve POST /api/issues/<id>/resolve {reason}  (each request resolves a different issue that the
 *                create run made; the run makes as many requests as there are such issues)
 *        mixed   60% get, 25% list, 10% search, 5% create
 *      first as fast as the connections allow (throughput at saturation), then list, search, get and create
 *      again at a fixed arrival rate (BENCH_LATENCY_RATE, default 200 req/s) for latency under load;
 *      and prints req/s, p50, p99 and non-2xx (plus socket errors/timeouts) per endpoint, with PASS/MISS
 *      against the targets (targets for latency and throughput are set for PostgreSQL on a 2-core machine;
 *      for the embedded database they are shown for information).
 *   4. stops the child with SIGTERM and checks that it exits 0 (graceful shutdown).
 * The bench database / data directory is removed at the end, also on failure.
 *
 * Usage:  npm run bench:api              (from the repository root)
 *         node server/bench/api.bench.mjs --help
 *
 * Environment:
 *   BENCH_ISSUES          issues to seed (default 100000)
 *   BENCH_DATABASE_URL    PostgreSQL server to create the throw-away database argus_bench_<random> on
 *                         (default postgres://postgres@127.0.0.1:5432/postgres); skipped loudly when unreachable
 *   BENCH_TARGETS         which databases to run, comma-separated: postgres,pglite (default both)
 *   BENCH_CONNECTIONS     autocannon connections (default 16)
 *   BENCH_DURATION        seconds per endpoint run (default 10)
 *   BENCH_LATENCY_RATE    requests per second of the fixed-rate latency runs (default 200)
 *   BENCH_KEEP_DATABASE   true to keep the PostgreSQL bench database afterwards (to EXPLAIN its queries)
 *
 * Note: autocannon runs in this process and shares the machine with the server and PostgreSQL, so on a
 * 2-core machine the figures are a lower bound of what a dedicated server would do.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const HELP = `Argus API benchmark

Usage: node server/bench/api.bench.mjs [--help]
       npm run bench:api        (builds the server first)

Seeds BENCH_ISSUES issues into a fresh PostgreSQL database and a fresh embedded database, starts
\`argus start\` as a child process, measures start-to-healthy time and idle RSS, drives list, search,
get, create, resolve and a mixed load with autocannon, prints a table per database with PASS/MISS
against the targets, and checks that SIGTERM shuts the server down with exit code 0.

Environment:
  BENCH_ISSUES        issues to seed (default 100000)
  BENCH_DATABASE_URL  PostgreSQL server used to create argus_bench_<random>, dropped at the end
                      (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_TARGETS       postgres,pglite (default both)
  BENCH_CONNECTIONS   autocannon connections per run (default 16)
  BENCH_DURATION      seconds per run (default 10)
  BENCH_LATENCY_RATE  requests per second of the fixed-rate latency runs (default 200)
  BENCH_KEEP_DATABASE true to keep the PostgreSQL bench database afterwards (to EXPLAIN its queries)
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../dist');
const cliPath = join(dist, 'cli.js');
const { loadConfig } = await import(join(dist, 'config.js'));
const { createArgus } = await import(join(dist, 'main.js'));
// The system actor lives in the access module (older builds exported it from auth).
const { systemActor } = await import(join(dist, 'modules/access/index.js')).catch(
  () => import(join(dist, 'modules/auth/index.js')),
);
if (!systemActor)
  throw new Error(
    'systemActor not found in server/dist/modules/access or auth; rebuild with `npm run build`',
  );
const { createLogger } = await import(join(dist, 'logger.js'));

const ISSUES = positiveInt('BENCH_ISSUES', 100_000);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 16);
const DURATION = positiveInt('BENCH_DURATION', 10);
const LATENCY_RATE = positiveInt('BENCH_LATENCY_RATE', 200);
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = (process.env.BENCH_TARGETS || 'postgres,pglite')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123456' };
const KEY_PREFIX = 'ARG';

const TARGET = {
  startMs: 3000,
  idleRssMb: 150,
  listP99: 50,
  searchP99: 50,
  createP99: 30,
  mixedRps: 1000,
};

// ---------------------------------------------------------------------------------------------------------
// Word lists: titles are "<component> <symptom> <context>", descriptions mix in 8 of ~100 vocabulary words,
// so a one-word search matches a few percent of the issues, like a real tracker.
// ---------------------------------------------------------------------------------------------------------
const COMPONENTS = [
  'Checkout',
  'Payments API',
  'Login',
  'Search',
  'Billing',
  'Notifications',
  'Inventory',
  'Reporting',
  'Mobile app',
  'Admin console',
  'Gateway',
  'Scheduler',
  'Webhooks',
  'Exports',
  'Dashboard',
  'Onboarding',
  'Cart',
  'Email sender',
  'Auth service',
  'Image upload',
];
const SYMPTOMS = [
  'latency spike',
  'timeouts',
  '500 errors',
  'memory leak',
  'high CPU',
  'connection refused',
  'slow queries',
  'failed deploy',
  'certificate expired',
  'disk full',
  'rate limited',
  'stale cache',
  'data mismatch',
  'crash loop',
  'queue backlog',
  'DNS failure',
  'broken layout',
  'missing events',
  'duplicate charges',
  'session drops',
];
const CONTEXTS = [
  'after deploy',
  'in eu-west',
  'for enterprise customers',
  'during peak hours',
  'on iOS',
  'on Android',
  'since last night',
  'intermittently',
  'for new users',
  'in staging',
  'after config change',
  'under load',
  'on Safari',
  'in us-east',
  'for some tenants',
];
const VOCABULARY = [
  'database',
  'replica',
  'failover',
  'kubernetes',
  'pod',
  'node',
  'redis',
  'kafka',
  'consumer',
  'lag',
  'retry',
  'backoff',
  'token',
  'oauth',
  'session',
  'cookie',
  'cdn',
  'cache',
  'invalidation',
  'certificate',
  'tls',
  'handshake',
  'dns',
  'resolver',
  'load balancer',
  'nginx',
  'upstream',
  'gateway',
  'timeout',
  'deadlock',
  'index',
  'migration',
  'rollback',
  'deploy',
  'canary',
  'feature flag',
  'config',
  'secret',
  'vault',
  's3',
  'bucket',
  'upload',
  'thumbnail',
  'webhook',
  'signature',
  'stripe',
  'invoice',
  'refund',
  'currency',
  'rounding',
  'timezone',
  'cron',
  'scheduler',
  'backup',
  'snapshot',
  'disk',
  'inode',
  'memory',
  'heap',
  'garbage collection',
  'thread',
  'pool',
  'connection',
  'socket',
  'latency',
  'throughput',
  'alert',
  'pager',
  'oncall',
  'runbook',
  'dashboard',
  'grafana',
  'prometheus',
  'metric',
  'log',
  'trace',
  'span',
  'sentry',
  'exception',
  'stacktrace',
  'null pointer',
  'regression',
  'hotfix',
  'customer',
  'tenant',
  'enterprise',
  'mobile',
  'android',
  'safari',
  'chrome',
  'email',
  'smtp',
  'bounce',
  'spam',
  'notification',
  'push',
  'sms',
  'queue',
  'worker',
  'batch',
  'export',
  'csv',
  'report',
  'pdf',
];
const SERVICES = [
  'checkout',
  'payments',
  'auth',
  'search',
  'billing',
  'notifier',
  'inventory',
  'reporting',
  'mobile-bff',
  'admin',
  'gateway',
  'scheduler',
  'webhooks',
  'exports',
  'web',
];
const SEARCH_WORDS = [
  'database',
  'timeout',
  'certificate',
  'deadlock',
  'redis',
  'webhook',
  'invoice',
  'memory',
  'latency',
  'migration',
  'kafka',
  'refund',
  'dns',
  'session',
  'backup',
  'checkout',
  'leak',
  'crash',
  'billing',
  'queue',
];
const TEAM_NAMES = ['Platform', 'Payments', 'Identity', 'Growth', 'Mobile'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------
function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a positive whole number (got "${raw}")`);
    process.exit(2);
  }
  return value;
}
const log = (message) => console.log(`[bench] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const sqlText = (value) => `'${String(value).replaceAll("'", "''")}'`;
const sqlArray = (list, type = 'text') => `ARRAY[${list.map(sqlText).join(',')}]::${type}[]`;
/** `(ARRAY[...])[random element]`, evaluated afresh for every row. */
const randomOf = (list) => `(${sqlArray(list)})[1 + floor(random() * ${list.length})::int]`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function loud(message) {
  const bar = '!'.repeat(100);
  console.log(`\n${bar}\n!!! ${message}\n${bar}\n`);
}

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function withDatabaseName(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

// ---------------------------------------------------------------------------------------------------------
// 1. Seeding
// ---------------------------------------------------------------------------------------------------------
/** Migrates (by starting Argus in-process), creates teams and people through the services, bulk-inserts issues. */
async function seed(serverEnv) {
  const began = performance.now();
  const config = loadConfig({ ...serverEnv, LOG_LEVEL: 'warn' });
  const argus = await createArgus(config, { runJobs: false, logger: createLogger('warn') });
  try {
    const { teams, users } = argus.services;
    const teamIds = [];
    for (const name of TEAM_NAMES) {
      const view = await teams.createTeam(systemActor, {
        name,
        description: `${name} team`,
        remindersEnabled: true,
        reminderIntervalMinutes: 240,
        routingKeywords: [],
      });
      teamIds.push(view.team?.id ?? view.id);
    }
    const userIds = [];
    for (let i = 0; i < 20; i++) {
      const user = await users.createUser(systemActor, {
        email: `person${i + 1}@example.com`,
        name: `Person ${i + 1}`,
        isAdmin: false,
      });
      userIds.push(user.id);
      // 4 people per team: the first is its manager.
      await teams.addMember(systemActor, teamIds[i % teamIds.length], {
        userId: user.id,
        role: i < teamIds.length ? 'manager' : 'agent',
      });
    }

    const insertIssues = `
      WITH base AS MATERIALIZED (
        SELECT g,
               timestamptz '${new Date().toISOString()}' - interval '180 days' * (1 - g::float8 / $3) + random() * interval '30 minutes' AS created_at,
               random() AS r_status, random() AS r_priority, random() AS r_team, random() AS r_source, random() AS r_author
          FROM generate_series($1::int, $2::int) AS g
      ), shaped AS MATERIALIZED (
        SELECT *,
               CASE WHEN created_at > now() - interval '14 days' THEN
                      CASE WHEN r_status < 0.40 THEN 'open' WHEN r_status < 0.55 THEN 'acknowledged' WHEN r_status < 0.70 THEN 'in_progress'
                           WHEN r_status < 0.90 THEN 'resolved' ELSE 'closed' END
                    ELSE
                      CASE WHEN r_status < 0.03 THEN 'open' WHEN r_status < 0.04 THEN 'acknowledged' WHEN r_status < 0.05 THEN 'in_progress'
                           WHEN r_status < 0.65 THEN 'resolved' ELSE 'closed' END
               END AS status
          FROM base
      )
      INSERT INTO issues (title, description, status, priority, team_id, source, service, environment, created_by_id,
                          created_at, updated_at, acknowledged_at, resolved_at, closed_at, resolution_reason, close_reason)
      SELECT ${randomOf(COMPONENTS)} || ' ' || ${randomOf(SYMPTOMS)} || ' ' || ${randomOf(CONTEXTS)},
             ${randomOf(COMPONENTS)} || ' shows ' || ${randomOf(SYMPTOMS)} || ' ' || ${randomOf(CONTEXTS)}
               || '. Observed ' || ${randomOf(VOCABULARY)} || ', ' || ${randomOf(VOCABULARY)} || ' and ' || ${randomOf(VOCABULARY)}
               || '. Suspect ' || ${randomOf(VOCABULARY)} || ' ' || ${randomOf(VOCABULARY)} || ' related to ' || ${randomOf(VOCABULARY)}
               || '. Next: check ' || ${randomOf(VOCABULARY)} || ' and ' || ${randomOf(VOCABULARY)} || '.',
             status,
             CASE WHEN r_priority < 0.05 THEN 'critical' WHEN r_priority < 0.25 THEN 'high' WHEN r_priority < 0.75 THEN 'medium' ELSE 'low' END,
             CASE WHEN r_team < 0.05 THEN NULL ELSE (${sqlArray(teamIds, 'uuid')})[1 + floor(random() * ${teamIds.length})::int] END,
             CASE WHEN r_source < 0.5 THEN 'manual' WHEN r_source < 0.7 THEN 'api' WHEN r_source < 0.9 THEN 'alert' ELSE 'slack' END,
             ${randomOf(SERVICES)},
             CASE WHEN random() < 0.8 THEN 'production' ELSE 'staging' END,
             CASE WHEN r_author < 0.1 THEN NULL ELSE (${sqlArray(userIds, 'uuid')})[1 + floor(random() * ${userIds.length})::int] END,
             created_at,
             created_at + interval '2 hours',
             CASE WHEN status <> 'open' THEN created_at + interval '10 minutes' END,
             CASE WHEN status IN ('resolved', 'closed') THEN created_at + interval '2 hours' END,
             CASE WHEN status = 'closed' THEN created_at + interval '2 hours' END,
             CASE WHEN status IN ('resolved', 'closed') THEN 'Fixed: ' || ${randomOf(VOCABULARY)} || ' ' || ${randomOf(VOCABULARY)} END,
             CASE WHEN status = 'closed' THEN 'Done' END
        FROM shaped
       ORDER BY g`;
    const chunk = 20_000;
    for (let from = 1; from <= ISSUES; from += chunk) {
      const to = Math.min(ISSUES, from + chunk - 1);
      await argus.database.executeSql(insertIssues, [from, to, ISSUES]);
      process.stdout.write(
        `\r[bench]   inserted ${to.toLocaleString('en')} / ${ISSUES.toLocaleString('en')} issues`,
      );
    }
    process.stdout.write('\n');
    // Every active issue with a team has one of its members (round-robin by number).
    await argus.database.executeSql(`
      INSERT INTO issue_assignees (issue_id, user_id, assigned_at)
      SELECT i.id, m.user_id, i.created_at
        FROM issues i
        JOIN (SELECT team_id, user_id,
                     row_number() OVER (PARTITION BY team_id ORDER BY user_id) - 1 AS k,
                     count(*) OVER (PARTITION BY team_id) AS n
                FROM team_members) m
          ON m.team_id = i.team_id AND m.k = i.number % m.n
       WHERE i.status IN ('open', 'acknowledged', 'in_progress')
      ON CONFLICT DO NOTHING`);
    await argus.database.executeSql('VACUUM ANALYZE');
    const [counts] = (
      await argus.database.executeSql(
        `SELECT count(*)::int AS issues,
                count(*) FILTER (WHERE status IN ('open', 'acknowledged', 'in_progress'))::int AS active,
                (SELECT count(*)::int FROM issue_assignees) AS assignees
           FROM issues`,
      )
    ).rows;
    log(
      `seeded ${counts.issues.toLocaleString('en')} issues (${counts.active.toLocaleString('en')} active, ${counts.assignees.toLocaleString('en')} assignments), 5 teams, 20 people in ${seconds(performance.now() - began)}`,
    );
    return { teamIds };
  } finally {
    await argus.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. The server as a child process
// ---------------------------------------------------------------------------------------------------------
async function startChild(serverEnv, port, cwd) {
  const env = { ...process.env, ...serverEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  if (!serverEnv.DATABASE_URL) delete env.DATABASE_URL;
  const output = [];
  const began = performance.now();
  const child = spawn(process.execPath, [cliPath, 'start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      output.push(text);
      if (output.length > 2000) output.shift();
    });
  }
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let exitedEarly;
  exited.then((result) => {
    exitedEarly = result;
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exitedEarly)
      throw new Error(`the server exited during start (code ${exitedEarly.code}):\n${output.join('')}`);
    if (performance.now() - began > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`the server was not healthy within 60 s:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${base}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  const startMs = performance.now() - began;
  return { child, base, startMs, exited, output };
}

/** The distinct error messages in the child's JSON log lines (first 200 characters each), with counts. */
function distinctErrors(text) {
  const counts = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let message = line;
    try {
      const entry = JSON.parse(line);
      message = `${entry.msg}: ${entry.err?.message ?? ''}`;
    } catch {
      // not JSON: keep the raw line
    }
    message = message.slice(0, 200).replaceAll('\n', ' ');
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) => `  ${count}× ${message}`).join('\n') || '  (nothing)';
}

/** CPU time (user + system) the process has used so far, in ms (clock ticks are 10 ms on Linux). */
function readCpuMs(pid) {
  if (!existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function readRssMb(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function stopChild(server) {
  const began = performance.now();
  server.child.kill('SIGTERM');
  const timeout = sleep(30_000).then(() => ({ code: null, signal: 'timeout' }));
  const result = await Promise.race([server.exited, timeout]);
  if (result.signal === 'timeout') server.child.kill('SIGKILL');
  return { ...result, ms: performance.now() - began };
}

// ---------------------------------------------------------------------------------------------------------
// 3. Load
// ---------------------------------------------------------------------------------------------------------
function runCannon(options) {
  return new Promise((done, fail) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) =>
      error ? fail(error) : done(result),
    );
  });
}

// Paced requests share a bounded pool of keep-alive sockets, like a browser fleet behind a proxy would.
const pacedAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request; resolves to the status code once the whole answer has arrived. */
function sendRequest(url, { method, headers, body }) {
  return new Promise((done, fail) => {
    const request = http.request(url, { method, headers, agent: pacedAgent }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
      response.on('error', fail);
    });
    request.on('error', fail);
    request.end(body);
  });
}

/** Open-loop load: `rate` requests per second, evenly spaced, for `seconds`; latency from each due time. */
async function runPaced(name, base, rate, seconds, next) {
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const statusCodes = {};
  const intervalMs = 1000 / rate;
  const count = Math.round(rate * seconds);
  const started = performance.now();
  const pending = [];
  for (let index = 0; index < count; index++) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const { path, init } = next();
    pending.push(
      sendRequest(`${base}${path}`, init)
        .then((status) => {
          if (status < 200 || status >= 300) {
            non2xx++;
            statusCodes[status] = { count: (statusCodes[status]?.count ?? 0) + 1 };
          }
          latencies.push(performance.now() - due);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(pending);
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies.length
      ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))])
      : 0;
  return {
    name,
    rps: latencies.length / elapsedSeconds,
    total: count,
    p50: at(0.5),
    p99: at(0.99),
    non2xx,
    errors,
    statusCodes,
  };
}

function summarize(name, result) {
  return {
    name,
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: result.statusCodeStats,
  };
}

async function driveLoad(server, token, teamIds) {
  const url = server.base;
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const [{ maxNumber }] = await (await fetch(`${url}/api/issues?pageSize=1&sort=-created`, { headers: auth }))
    .json()
    .then((body) => [{ maxNumber: body.items[0]?.number ?? ISSUES }]);

  const listPath = () =>
    `/api/issues?status=open,acknowledged&priority=high,critical&teamId=${pick(teamIds)}&sort=-created`;
  const searchPath = () => `/api/issues?q=${encodeURIComponent(pick(SEARCH_WORDS))}`;
  const getPath = () => `/api/issues/${KEY_PREFIX}-${1 + Math.floor(Math.random() * maxNumber)}`;
  const createBody = () =>
    JSON.stringify({
      title: `${pick(COMPONENTS)} ${pick(SYMPTOMS)} ${pick(CONTEXTS)}`,
      description: `Bench: ${pick(VOCABULARY)} ${pick(VOCABULARY)} near ${pick(VOCABULARY)}.`,
      priority: pick(PRIORITIES),
      teamId: pick(teamIds),
    });
  // Fresh header objects per request: autocannon writes Content-Length into the headers it is given.
  const get = (path) => (request) => ({ ...request, method: 'GET', path: path(), headers: { ...auth } });
  const post = (request, path, body) => ({ ...request, method: 'POST', path, headers: { ...json }, body });

  const rows = [];
  const run = async (
    name,
    options,
    measure = () => runCannon({ url, ...options }).then((result) => summarize(name, result)),
  ) => {
    process.stdout.write(`[bench]   ${name} …`);
    const cpuBefore = readCpuMs(server.child.pid);
    const loadBefore = loadavg()[0];
    const row = await measure();
    row.cpuMsPerRequest = (readCpuMs(server.child.pid) - cpuBefore) / Math.max(1, row.total);
    row.load = loadBefore;
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `the server died during "${name}" (exit ${server.child.exitCode ?? server.child.signalCode}); its last output:\n${server.output.join('').slice(-3000)}`,
      );
    }
    process.stdout.write(` ${Math.round(row.rps)} req/s, p99 ${row.p99} ms\n`);
    rows.push(row);
    return row;
  };

  // Warm-up (JIT, plan and buffer caches): read-only, not reported.
  process.stdout.write('[bench]   warm-up (3 s, reads only) …\n');
  await runCannon({
    url,
    duration: 3,
    requests: [{ setupRequest: (request) => get(pick([listPath, searchPath, getPath, getPath]))(request) }],
  });

  await run('list (filters)', { requests: [{ setupRequest: get(listPath) }] });
  await run('search (q=word)', { requests: [{ setupRequest: get(searchPath) }] });
  await run('get (by key)', { requests: [{ setupRequest: get(getPath) }] });

  const created = [];
  await run('create (auto-assign)', {
    requests: [
      {
        setupRequest: (request) => post(request, '/api/issues', createBody()),
        onResponse: (status, body) => {
          if (status === 201) created.push(JSON.parse(body).id);
        },
      },
    ],
  });

  // Resolve the issues the create run made, each exactly once. autocannon builds one request per connection
  // ahead of time, so the run asks for a little fewer than the pool holds.
  let next = 0;
  const resolveAmount = created.length - CONNECTIONS * 2;
  if (resolveAmount < CONNECTIONS * 10) {
    log(`resolve skipped: only ${created.length} issues were created`);
  } else {
    await run('resolve', {
      amount: resolveAmount,
      requests: [
        {
          setupRequest: (request) =>
            post(
              request,
              `/api/issues/${created[next++ % created.length]}/resolve`,
              JSON.stringify({ reason: `Bench: rolled back ${pick(VOCABULARY)}` }),
            ),
        },
      ],
    });
  }

  // Latency targets describe a server at work, not one pushed past saturation (where a closed loop's p99 only
  // measures its own queue), and autocannon's rate limit sends each second's quota in one burst. So latency is
  // also measured open-loop: requests leave evenly spaced at LATENCY_RATE per second, each timed from the
  // moment it was due (a slow answer delays nothing and hides nothing).
  const pacedRun = (name, next) =>
    run(name, undefined, () => runPaced(name, url, LATENCY_RATE, DURATION, next));
  const asFetch = (build) => () => {
    const request = build({});
    return {
      path: request.path,
      init: { method: request.method, headers: request.headers, body: request.body },
    };
  };
  await pacedRun(`list @${LATENCY_RATE}/s`, asFetch(get(listPath)));
  await pacedRun(`search @${LATENCY_RATE}/s`, asFetch(get(searchPath)));
  await pacedRun(`get @${LATENCY_RATE}/s`, asFetch(get(getPath)));
  await pacedRun(
    `create @${LATENCY_RATE}/s`,
    asFetch((request) => post(request, '/api/issues', createBody())),
  );

  await run('mixed (60/25/10/5)', {
    requests: [
      {
        setupRequest: (request) => {
          const roll = Math.random();
          if (roll < 0.6) return get(getPath)(request);
          if (roll < 0.85) return get(listPath)(request);
          if (roll < 0.95) return get(searchPath)(request);
          return post(request, '/api/issues', createBody());
        },
      },
    ],
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------
function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}

function printReport(label, kind, facts, rows) {
  const informational = kind !== 'postgres';
  const mark = (ok) => (informational ? `${verdict(ok)} (info)` : verdict(ok));
  const targetFor = {
    [`list @${LATENCY_RATE}/s`]: ['p99', TARGET.listP99],
    [`search @${LATENCY_RATE}/s`]: ['p99', TARGET.searchP99],
    [`create @${LATENCY_RATE}/s`]: ['p99', TARGET.createP99],
    'mixed (60/25/10/5)': ['rps', TARGET.mixedRps],
  };
  const lines = [];
  lines.push('');
  lines.push(
    `=== ${label}: ${ISSUES.toLocaleString('en')} issues, ${CONNECTIONS} connections, ${DURATION} s per run ===`,
  );
  lines.push(
    `start to healthy   ${facts.startMs.toFixed(0)} ms   (target < ${TARGET.startMs} ms)  ${verdict(facts.startMs < TARGET.startMs)}`,
  );
  lines.push(
    `idle RSS           ${facts.idleRssMb.toFixed(1)} MB   (target < ${TARGET.idleRssMb} MB)  ${verdict(facts.idleRssMb < TARGET.idleRssMb)}`,
  );
  lines.push(`peak RSS (VmHWM)   ${facts.peakRssMb.toFixed(1)} MB after load`);
  lines.push('');
  const header = [
    'endpoint',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'requests',
    'srv cpu ms/req',
    'load1',
    'target',
  ];
  const table = rows.map((row) => {
    const target = targetFor[row.name];
    let targetText = '';
    if (target) {
      const [metric, limit] = target;
      targetText =
        metric === 'p99'
          ? `p99 < ${limit} ms: ${mark(row.p99 < limit)}`
          : `>= ${limit} req/s: ${mark(row.rps >= limit)}`;
    }
    return [
      row.name,
      row.rps.toFixed(0),
      String(row.p50),
      String(row.p99),
      String(row.non2xx),
      String(row.errors),
      String(row.total),
      row.cpuMsPerRequest.toFixed(2),
      row.load.toFixed(1),
      targetText,
    ];
  });
  const widths = header.map((title, index) =>
    Math.max(title.length, ...table.map((cells) => cells[index].length)),
  );
  const format = (cells) =>
    cells
      .map((cell, index) =>
        index === 0 || index === cells.length - 1 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]),
      )
      .join('  ');
  lines.push(format(header));
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) lines.push(format(cells));
  lines.push('');
  for (const row of rows) {
    const unexpected = Object.entries(row.statusCodes).filter(([code]) => !code.startsWith('2'));
    if (unexpected.length)
      lines.push(
        `  ${row.name}: status codes ${unexpected.map(([code, stat]) => `${code}×${stat.count}`).join(', ')}`,
      );
  }
  lines.push(
    `graceful shutdown  SIGTERM → exit code ${facts.exit.code}${facts.exit.signal ? ` (signal ${facts.exit.signal})` : ''} in ${facts.exit.ms.toFixed(0)} ms  ${verdict(facts.exit.code === 0)}`,
  );
  if (informational)
    lines.push(
      '(latency/throughput targets are for PostgreSQL; shown for the embedded database for information)',
    );
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------------------
// One database, end to end
// ---------------------------------------------------------------------------------------------------------
async function benchDatabase(label, kind, serverEnv, workDir) {
  log(`${label}: seeding ${ISSUES.toLocaleString('en')} issues …`);
  const { teamIds } = await seed({
    ...serverEnv,
    ARGUS_ADMIN_EMAIL: ADMIN.email,
    ARGUS_ADMIN_PASSWORD: ADMIN.password,
  });

  const port = await freePort();
  log(`${label}: starting the server on port ${port} …`);
  const server = await startChild(
    { ...serverEnv, ARGUS_ADMIN_EMAIL: ADMIN.email, ARGUS_ADMIN_PASSWORD: ADMIN.password },
    port,
    workDir,
  );
  let exit;
  try {
    log(`${label}: healthy after ${server.startMs.toFixed(0)} ms`);
    await sleep(2000);
    const idleRssMb = readRssMb(server.child.pid);

    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.status !== 200) throw new Error(`login failed with ${login.status}: ${await login.text()}`);
    const { token } = await login.json();

    const rows = await driveLoad(server, token, teamIds);
    const peakRssMb = readRssMb(server.child.pid, 'VmHWM');
    exit = await stopChild(server);
    const failed =
      exit.code !== 0 ||
      rows.some((row) => Object.keys(row.statusCodes).some((code) => code.startsWith('5')));
    if (failed) console.log(`[bench] errors the server logged:\n${distinctErrors(server.output.join(''))}`);
    printReport(label, kind, { startMs: server.startMs, idleRssMb, peakRssMb, exit }, rows);
    return exit.code === 0;
  } finally {
    if (!exit && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, sleep(10_000)]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }
}

async function benchPostgres() {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    loud(
      `PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${error.message}); SKIPPING the PostgreSQL benchmark. Set BENCH_DATABASE_URL to run it.`,
    );
    return undefined;
  }
  const name = `argus_bench_${randomBytes(4).toString('hex')}`;
  const workDir = mkdtempSync(join(tmpdir(), 'argus-bench-pg-'));
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const [{ server_version: version }] = (await admin.query('SHOW server_version')).rows;
    log(`PostgreSQL ${version}: created database ${name}`);
    return await benchDatabase(
      `PostgreSQL ${version}`,
      'postgres',
      { DATABASE_URL: withDatabaseName(ADMIN_URL, name) },
      workDir,
    );
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === 'true') {
      log(`kept database ${name} for inspection (BENCH_KEEP_DATABASE=true); drop it yourself`);
    } else {
      await admin
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .catch((error) => log(`could not drop ${name}: ${error.message}`));
      log(`dropped database ${name}`);
    }
    await admin.end();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function benchPglite() {
  const workDir = mkdtempSync(join(tmpdir(), 'argus-bench-pglite-'));
  try {
    return await benchDatabase(
      'Embedded database (PGlite)',
      'pglite',
      { DATA_DIR: join(workDir, 'data') },
      workDir,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    log(`removed ${workDir}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
log(
  `${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
if (loadavg()[0] > 1)
  loud(
    'The machine is busy (1-minute load > 1): other processes compete for CPU and the figures will be low. See the load1 column.',
  );
const cleanExits = [];
for (const target of TARGETS) {
  if (target === 'postgres') cleanExits.push(await benchPostgres());
  else if (target === 'pglite') cleanExits.push(await benchPglite());
  else {
    console.error(`Unknown BENCH_TARGETS entry "${target}" (expected postgres or pglite)`);
    process.exit(2);
  }
}
process.exit(cleanExits.some((ok) => ok === false) ? 1 : 0);
