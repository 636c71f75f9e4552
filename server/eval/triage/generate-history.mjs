#!/usr/bin/env node
// Assembles examples.jsonl for the triage evaluation:
//   - eval-handwritten.jsonl     (split "eval", every line written by hand)
//   - history-handwritten.jsonl  (split "train", hand-written past issues)
//   - generated "train" lines    (past issues synthesised below from symptom phrasings, scopes, context and evidence)
// Deterministic: a fixed seed, no dependencies. Usage: node server/eval/triage/generate-history.mjs [--count N]
//
// Priority of a generated line follows from what its text says: each symptom carries a severity
// (1 cosmetic/question, 2 degraded, 3 a function broken, 4 outage / data loss / breach) and the scope phrase put
// into the text (everyone, a large share, some, a single user, a non-production environment) decides the priority
// through PRIORITY_TABLE, the same way the hand-written lines were labelled.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const SEED = 20240611;
const countArg = process.argv.indexOf('--count');
const PER_TEAM = countArg > 0 ? Number(process.argv[countArg + 1]) : 75;

// ---------- deterministic PRNG (mulberry32) ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
function weighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return entries[entries.length - 1][0];
}

// ---------- scope: who is affected ----------
const SCOPES = {
  global: {
    who: [
      'everyone',
      'all customers',
      'all users',
      'every tenant',
      'all our customers',
      'users in every region',
    ],
    adv: [
      'for everyone',
      'for all customers',
      'across all regions',
      'for every tenant',
      'for 100% of users',
      'for all users, web and app',
    ],
  },
  large: {
    who: [
      'most EU customers',
      'about a third of users',
      'all enterprise accounts',
      'our biggest customer (3k seats)',
      'most customers in the US',
      'roughly half of the tenants',
    ],
    adv: [
      'for about a third of users',
      'for most EU customers',
      'for all enterprise accounts',
      'for roughly 20% of requests',
      'for our largest customer (3k seats)',
      'for a big chunk of US customers',
    ],
  },
  some: {
    who: [
      'a few customers',
      'some users',
      'a handful of accounts',
      '3 customers so far',
      'several people',
      'a couple of workspaces',
    ],
    adv: [
      'for a few customers',
      'for some users',
      'intermittently (maybe 1 in 50)',
      'for a handful of accounts',
      'every now and then',
      'for 3 customers so far',
    ],
  },
  single: {
    who: [
      'one customer (acct {acct})',
      'one of our testers',
      'a single user',
      'one customer',
      'my colleague',
    ],
    adv: [
      'for one customer (acct {acct})',
      'only for me',
      'for a single user',
      'for one workspace',
      'for one customer so far',
    ],
  },
  nonprod: { who: [], adv: ['in staging', 'on the QA env', 'on the preview env', 'in the test environment'] },
};
const SCOPE_WEIGHTS = [
  ['global', 0.2],
  ['large', 0.2],
  ['some', 0.33],
  ['single', 0.15],
  ['nonprod', 0.12],
];
const SCOPE_INDEX = { global: 0, large: 1, some: 2, single: 3, nonprod: 4 };
//                      global      large       some        single    nonprod
const PRIORITY_TABLE = {
  4: ['critical', 'critical', 'high', 'medium', 'medium'],
  3: ['high', 'high', 'medium', 'medium', 'low'],
  2: ['high', 'medium', 'medium', 'low', 'low'],
};
const RANK = { low: 0, medium: 1, high: 2, critical: 3 };

// ---------- neutral context (contains no team's routing keywords) ----------
const WHEN = [
  'since 09:40 UTC',
  'since the 14:00 release',
  'since this morning',
  'started ~15 min ago',
  "after yesterday's release",
  'since last night',
  'for the last hour',
  'since the config change',
  'after the weekend',
  'since about 11am',
  'since v4.12 went out',
  'on and off since Tuesday',
];
const OPENERS = {
  any: [
    '',
    '',
    '',
    '',
    'hey team, ',
    'fyi ',
    'anyone else seeing this? ',
    'heads up: ',
    'Hi all — ',
    'quick one: ',
  ],
  // only for lines phrased the way customers describe the symptom (no routing keyword in them)
  user: ['support here: ', 'from a customer ticket: ', 'CS escalation: ', 'support is getting tickets: '],
  urgent: [':rotating_light: ', 'URGENT: ', ':fire: ', 'P1: ', 'need eyes asap — '],
  calm: ['not urgent, but ', 'minor: ', 'low prio: ', 'no rush — '],
  request: [
    '',
    '',
    '',
    '',
    'hey team, ',
    'quick one: ',
    'not urgent, but ',
    'low prio: ',
    'no rush — ',
    'Hi all — ',
  ],
};
const CLOSERS = {
  any: [
    '',
    '',
    '',
    '',
    ' pls advise',
    ' can someone take a look?',
    ' ticket #{ticket}',
    ' screenshots in the thread',
    ' any ideas?',
    ' :eyes:',
    ' thx',
  ],
  user: [' (reported via support chat)', ' ticket #{ticket}', ' customer is waiting on an answer'],
  urgent: [' — opening an incident', ' war room link in the channel', ' all hands pls', ' paging on-call'],
  calm: [' whenever someone has time', ' nice to have', ' no impact right now'],
  request: [
    '',
    '',
    '',
    ' thx',
    ' nice to have',
    ' whenever someone has time',
    ' ticket #{ticket}',
    ' :pray:',
  ],
};

// ---------- per-team symptom vocabulary ----------
// s: severity 1-4 (1 = always low); c: category; min: lowest priority regardless of scope; np: allow "in staging"-type scope
// Placeholders: {who} subject scope, {adv} adverbial scope, {when}, {svc}, {acct}, {n}, {pct}, {ticket}, plus team-specific lists.
const TEAMS = {
  platform: {
    svc: [
      'api',
      'worker',
      'orders-service',
      'ingest-gateway',
      'web',
      'scheduler',
      'report-builder',
      'files-service',
    ],
    region: ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1'],
    lists: {
      ns: ['prod', 'prod-eu', 'prod-us', 'apps', 'batch'],
      node: ['ip-10-0-3-12', 'ip-10-4-18-201', 'ip-10-2-7-44', 'gke-prod-pool-2-a81f'],
    },
    sym: [
      // symptom phrasing, as support or another team would write it
      {
        t: 'the {svc} service keeps restarting {adv}, every replica dies within minutes',
        s: 3,
        c: 'infrastructure',
      },
      {
        t: 'node {node} NotReady and everything on it got evicted, {svc} is degraded {adv}',
        s: 3,
        c: 'infrastructure',
      },
      {
        t: 'new replicas of {svc} stay Pending: `0/{n} nodes are available: Insufficient cpu` {when}',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'the rollout of {svc} is stuck halfway, half the instances run the old build {adv}',
        s: 3,
        c: 'deployment',
        np: true,
      },
      {
        t: 'ImagePullBackOff for {svc}: `failed to pull image: unexpected EOF` {adv}',
        s: 3,
        c: 'deployment',
        np: true,
      },
      {
        t: 'the volume backing {svc} is {hipct}% full and growing, writes stop when it hits 100',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'some',
        min: 'high',
      },
      {
        t: 'everything in {region} is down {when}, {svc} included',
        s: 4,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'workers for {svc} get CPU-throttled hard and the backlog keeps growing {adv}',
        s: 2,
        c: 'performance',
        np: true,
      },
      {
        t: 'scale-up never happens on {svc} even with the queue at {n}k messages {when}',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'builds wait {n} min in the queue before a runner picks them up {when}',
        s: 2,
        c: 'infrastructure',
        fixedScope: 'some',
      },
      {
        t: 'instances in {region} keep getting replaced every few minutes, {svc} latency spikes {adv}',
        s: 2,
        c: 'infrastructure',
      },
      {
        t: 'cron jobs ran twice after the scheduler restart, duplicate {svc} runs {adv}',
        s: 2,
        c: 'infrastructure',
        np: true,
        max: 'medium',
      },
      {
        t: 'cloud credentials for {svc} were pushed to a public repo and someone is already using them',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
      },
      {
        t: 'a build runner with host access is reachable from forked PRs, found in the audit',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      { t: 'la instancia de {svc} se reinicia sola cada pocos minutos {adv}', s: 3, c: 'infrastructure' },
      { t: 'request: bump default memory limits for {svc} to 1Gi', s: 1, c: 'infrastructure' },
      {
        t: 'can we shut down the unused load generators in {region}? costing ~${n}00/month',
        s: 1,
        c: 'infrastructure',
      },
      {
        t: 'question: how do I get a shell into a running {svc} instance on staging?',
        s: 1,
        c: 'infrastructure',
      },
      { t: 'the grafana panel for {svc} memory shows the wrong unit', s: 1, c: 'infrastructure' },
      // engineer phrasing, with the obvious words
      { t: 'kubectl get pods shows {svc} pods in CrashLoopBackOff in {ns} {adv}', s: 4, c: 'infrastructure' },
      {
        t: 'the {svc} deployment is stuck at {midpct}% rollout, new pods fail readiness {adv}',
        s: 3,
        c: 'deployment',
        np: true,
      },
      {
        t: 'cluster autoscaler not adding nodes, {svc} pods pending {when}',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'disk on node {node} at {hipct}%, kubelet starting to evict pods',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'some',
      },
      {
        t: 'helm upgrade of {svc} failed and left the release in pending-upgrade {adv}',
        s: 3,
        c: 'deployment',
        np: true,
      },
      {
        t: 'docker builds failing on every CI runner: `no space left on device` {when}',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'terraform apply failed halfway on the {region} infra module, state is locked',
        s: 2,
        c: 'infrastructure',
        fixedScope: 'some',
      },
      {
        t: 'the deploy of {svc} rolled back by itself, health checks failing on the new containers {when}',
        s: 3,
        c: 'deployment',
        fixedScope: 'some',
      },
      {
        t: 'ec2 instances in {region} failing status checks, {svc} capacity down {adv}',
        s: 3,
        c: 'infrastructure',
      },
      {
        t: 'k8s API server slow, kubectl commands take 30s+ {when}',
        s: 2,
        c: 'infrastructure',
        fixedScope: 'some',
      },
      {
        t: 'container for {svc} gets OOMKilled every few minutes {adv}',
        s: 3,
        c: 'infrastructure',
        np: true,
      },
      {
        t: 'the whole k8s cluster in {region} is unreachable {when}, {svc} and everything else down {adv}',
        s: 4,
        c: 'infrastructure',
      },
      {
        t: 'ci/cd for {svc} is broken, nobody can deploy {when}',
        s: 3,
        c: 'deployment',
        fixedScope: 'large',
      },
      { t: 'request: add resource limits to the helm chart for {svc}', s: 1, c: 'infrastructure' },
      { t: 'can we upgrade the staging k8s cluster to 1.29?', s: 1, c: 'infrastructure' },
      { t: 'the docker image for {svc} is 2GB, can we slim it down?', s: 1, c: 'infrastructure' },
    ],
    ev: [
      'kubectl says:\nNAME                       READY   STATUS             RESTARTS   AGE\n{svc}-7c9d8f6b5-x2kqz   0/1     CrashLoopBackOff   {n}         14m',
      'events: `Back-off restarting failed container`',
      'exit code 137 on every restart',
      '`Warning  FailedScheduling  default-scheduler  0/12 nodes are available`',
      'node conditions: MemoryPressure=True',
      'the last terraform apply touched the node group',
      'runner log: `Job failed: execution took longer than 1h0m0s seconds`',
      '`The node was low on resource: ephemeral-storage`',
      'the AWS health page shows nothing',
    ],
  },
  database: {
    svc: [
      'orders-service',
      'billing-worker',
      'the api',
      'report-builder',
      'the admin console',
      'sync-worker',
    ],
    lists: { tbl: ['orders', 'events', 'accounts', 'activities', 'invoices', 'comments', 'tasks'] },
    sym: [
      { t: 'writes from {svc} fail with "too many clients already" {adv}', s: 4, c: 'database' },
      { t: 'the primary went read-only {when} and nothing can be saved {adv}', s: 4, c: 'database' },
      { t: 'lists that read from the {tbl} table take 30s+ to load {adv}', s: 3, c: 'performance' },
      {
        t: 'the read copy is {n} minutes behind, people see stale data right after saving {adv}',
        s: 3,
        c: 'database',
      },
      {
        t: 'deadlocks between {svc} and the nightly job on the {tbl} table, a few requests fail each hour',
        s: 2,
        c: 'database',
        fixedScope: 'some',
      },
      {
        t: 'storage on the main instance at {hipct}% and climbing about 1%/hour',
        s: 3,
        c: 'database',
        fixedScope: 'some',
        min: 'high',
      },
      { t: '{svc} times out waiting for a free connection {adv}', s: 3, c: 'database', np: true },
      {
        t: 'a long-running schema change holds a lock on {tbl}, inserts are blocked {adv}',
        s: 4,
        c: 'database',
        np: true,
      },
      {
        t: 'rows in {tbl} got deleted by the cleanup job {adv}, we need a point-in-time restore',
        s: 4,
        c: 'data',
        min: 'high',
      },
      {
        t: 'the cache tier is evicting keys nonstop and every request falls through to the primary {when}',
        s: 3,
        c: 'performance',
        fixedScope: 'global',
      },
      {
        t: 'CPU on the primary pinned at {hipct}% {when}, top statement is a sequential scan on {tbl}',
        s: 3,
        c: 'performance',
        fixedScope: 'global',
      },
      { t: 'duplicate key errors on {tbl} when saving {adv}', s: 2, c: 'database', np: true },
      {
        t: 'the slow log is full of the same statement on {tbl}, 2-3s each {when}',
        s: 2,
        c: 'performance',
        fixedScope: 'some',
      },
      {
        t: 'backups of the main instance have been failing silently since the {n}th',
        s: 3,
        c: 'database',
        fixedScope: 'some',
        min: 'high',
      },
      {
        t: 'die Abfragen auf der Tabelle {tbl} sind seit dem Upgrade sehr langsam {adv}',
        s: 2,
        c: 'performance',
      },
      { t: 'please drop the leftover `tmp_{tbl}_backup` table, it takes {n}0GB', s: 1, c: 'database' },
      {
        t: 'question: what is the point-in-time recovery window on the reporting instance?',
        s: 1,
        c: 'database',
      },
      { t: 'read-only credentials for the new contractor please (staging)', s: 1, c: 'database' },
      {
        t: 'postgres primary refusing connections {adv}: `FATAL: remaining connection slots are reserved`',
        s: 4,
        c: 'database',
      },
      { t: 'slow query on {tbl} takes {n}s {adv}, missing index?', s: 2, c: 'performance' },
      { t: 'replication lag on the replica at {n} min {when}', s: 3, c: 'database', fixedScope: 'large' },
      { t: 'deadlock detected on {tbl} {adv}', s: 2, c: 'database', np: true },
      {
        t: 'migration {n} failed halfway on prod, the {tbl} schema is in a weird state',
        s: 3,
        c: 'database',
        fixedScope: 'large',
      },
      { t: 'redis memory at {hipct}% and evicting {when}', s: 2, c: 'database', fixedScope: 'some' },
      { t: 'database CPU at {hipct}% {when}, queries timing out {adv}', s: 3, c: 'performance' },
      { t: 'connection pool exhausted in {svc} {adv}', s: 3, c: 'database', np: true },
      {
        t: 'mysql replica stopped with `Last_SQL_Error: Duplicate entry` {when}',
        s: 3,
        c: 'database',
        fixedScope: 'some',
      },
      { t: 'the db behind {svc} is down {adv}', s: 4, c: 'database' },
      {
        t: 'can someone add an index on {tbl}(account_id, created_at)? the export is slow',
        s: 1,
        c: 'database',
      },
      { t: 'request: a read replica for the BI team', s: 1, c: 'database' },
      { t: 'can we turn on query logging on the staging db?', s: 1, c: 'database' },
    ],
    ev: [
      '`FATAL: sorry, too many clients already`',
      '`ERROR: deadlock detected`',
      'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
      '`psycopg2.OperationalError: server closed the connection unexpectedly`',
      '`ERROR: canceling statement due to lock timeout`',
      '`SQLSTATE[HY000] [2002] Connection timed out`',
      'pg_stat_activity shows {n} sessions idle in transaction',
      '`ERROR: could not extend file: No space left on device`',
    ],
  },
  network: {
    svc: [
      'api.argus.io',
      'app.argus.io',
      'assets.argus.io',
      'the public api',
      'the partner endpoint',
      'the websocket gateway',
    ],
    region: ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1'],
    lists: { country: ['Australia', 'Brazil', 'India', 'South Africa', 'Japan', 'Germany', 'Canada'] },
    sym: [
      { t: '{svc} is unreachable {adv}, requests just hang', s: 4, c: 'network' },
      {
        t: 'Bad Gateway on {midpct}% of requests to {svc} {when}, upstreams look healthy',
        s: 3,
        c: 'network',
        fixedScope: 'large',
      },
      {
        t: 'customers in {country} report the site is painfully slow, other countries fine',
        s: 2,
        c: 'network',
        fixedScope: 'some',
      },
      { t: 'browsers show "Your connection is not private" on {svc} {adv}', s: 4, c: 'network' },
      { t: 'our domains stopped resolving {adv}: `ERR_NAME_NOT_RESOLVED`', s: 4, c: 'network' },
      { t: 'websocket connections to {svc} drop every 60s {adv}', s: 2, c: 'network', max: 'medium' },
      { t: 'large uploads die with Gateway Timeout {adv}', s: 2, c: 'network', max: 'medium' },
      {
        t: 'static files (images, bundles) intermittently 403 from {svc} {adv}',
        s: 2,
        c: 'network',
        max: 'medium',
      },
      {
        t: 'partners calling {svc} from their static IPs get connection resets {when}',
        s: 3,
        c: 'network',
        fixedScope: 'some',
      },
      {
        t: 'latency to {svc} went from 40ms to 400ms for customers in {country}, the app servers look normal',
        s: 2,
        c: 'network',
        fixedScope: 'large',
      },
      { t: 'the WAF blocks legit form posts {adv}, they get a 403 page', s: 3, c: 'security' },
      { t: 'we are getting hammered by a DDoS, legit traffic dropped {adv}', s: 4, c: 'security' },
      {
        t: "services in {region} can't resolve each other's internal names {when}",
        s: 3,
        c: 'network',
        fixedScope: 'large',
      },
      {
        t: "customers behind corporate proxies can't connect to {svc}, handshake failures {when}",
        s: 3,
        c: 'network',
        fixedScope: 'some',
      },
      {
        t: 'o site está muito lento para clientes em {country} desde ontem',
        s: 2,
        c: 'network',
        fixedScope: 'some',
      },
      { t: 'request: point status.argus.io at the new provider', s: 1, c: 'network' },
      {
        t: 'can we get our outbound IP ranges documented? a customer wants to allowlist us',
        s: 1,
        c: 'network',
      },
      { t: 'the http→https redirect on the old domain is a 302, should be 301', s: 1, c: 'network' },
      { t: '502s from the load balancer on {svc} {adv}', s: 3, c: 'network' },
      { t: 'DNS for {svc} resolves to the old IP {adv}', s: 3, c: 'network' },
      { t: 'CDN serving stale assets {adv} after the release', s: 2, c: 'network' },
      {
        t: 'TLS certificate for {svc} expires in {n} days and auto-renew failed',
        s: 2,
        c: 'network',
        fixedScope: 'some',
      },
      { t: 'ssl handshake errors on {svc} {adv}', s: 3, c: 'network' },
      { t: '504 Gateway Timeout from nginx on {svc} {adv}', s: 3, c: 'network' },
      { t: 'cloudflare returning 520s for {svc} {adv}', s: 3, c: 'third-party' },
      {
        t: 'packet loss between regions ({midpct}%) {when}, cross-region calls failing',
        s: 3,
        c: 'network',
        fixedScope: 'large',
      },
      {
        t: "VPN to the office keeps dropping, support can't reach internal tools",
        s: 2,
        c: 'network',
        fixedScope: 'some',
      },
      { t: 'firewall rule change blocked traffic to {svc} {adv}', s: 4, c: 'network' },
      { t: 'ingress controller restarting, requests to {svc} failing {adv}', s: 4, c: 'network' },
      { t: 'request: new DNS record for the docs site', s: 1, c: 'network' },
      { t: 'can we enable http/3 on the cdn?', s: 1, c: 'network' },
      { t: 'wildcard certificate for *.preview.argus.dev please', s: 1, c: 'network' },
    ],
    ev: [
      '`curl: (28) Operation timed out after 30001 milliseconds`',
      '`upstream timed out (110: Connection timed out) while reading response header from upstream`',
      'traceroute dies after hop 9',
      'browser console: `net::ERR_CONNECTION_RESET`',
      'the error page has a `cf-ray` id on it',
      '`dial tcp: lookup orders.internal: no such host`',
      'mtr shows {midpct}% loss at the transit hop',
      '`SSL routines:ssl3_read_bytes:tlsv1 alert protocol version`',
    ],
  },
  payments: {
    svc: [
      'the order page',
      'the upgrade flow',
      'the customer portal',
      'the renewals run',
      'the seller area',
      'the web shop',
    ],
    lists: {
      method: ['Apple Pay', 'Google Pay', 'SEPA debit', 'iDEAL', 'Amex', 'Mastercard', 'Klarna'],
      money: ['$49', '€120', '$1,200', '£30', '$9.99'],
      currency: ['CHF', 'SEK', 'PLN', 'AUD', 'MXN'],
    },
    sym: [
      {
        t: '{who} can\'t buy anything, the last step spins then "something went wrong"',
        s: 4,
        c: 'payments',
      },
      { t: 'money taken twice for the same order {adv}', s: 4, c: 'payments', min: 'high' },
      { t: 'money taken but the order shows as unpaid {adv}', s: 3, c: 'payments', min: 'high' },
      { t: 'cards are declined at the last step {adv}', s: 4, c: 'payments' },
      { t: '{method} fails at the last step {adv}', s: 3, c: 'payments', np: true },
      { t: 'renewals last night failed {adv}, accounts flipped to past due', s: 3, c: 'payments' },
      {
        t: 'the price shown is {money} but a different amount is taken at the end {adv}',
        s: 3,
        c: 'payments',
        min: 'high',
      },
      { t: 'coupon codes are ignored at the last step {adv}', s: 2, c: 'payments', np: true },
      { t: 'VAT is wrong on receipts {adv}', s: 2, c: 'payments' },
      { t: "sellers didn't get their weekly transfer {adv}", s: 3, c: 'payments' },
      {
        t: 'the processor webhooks are rejected with a signature error {when}, orders stay pending {adv}',
        s: 3,
        c: 'third-party',
      },
      { t: 'upgrading to a paid plan fails with "plan not found" {adv}', s: 3, c: 'payments', np: true },
      {
        t: 'someone is card testing on the signup form, thousands of $1 attempts',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      {
        t: 'full card numbers show up in plain text in the logs of {svc}',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
      },
      { t: 'clientes reclaman que se les cobró dos veces este mes {adv}', s: 3, c: 'payments', min: 'high' },
      { t: 'the receipt PDF shows the old company address', s: 1, c: 'payments' },
      { t: 'question from sales: can a customer pay annually by bank wire?', s: 1, c: 'payments' },
      { t: 'can we show prices in {currency}? a few customers asked', s: 1, c: 'payments' },
      { t: 'one customer wants a copy of every receipt from last year', s: 1, c: 'payments' },
      { t: 'checkout fails {adv} with "payment could not be processed"', s: 4, c: 'payments' },
      { t: 'stripe webhooks returning 500 {when}, payments stuck in pending {adv}', s: 3, c: 'third-party' },
      { t: 'customers charged twice {adv}', s: 4, c: 'payments', min: 'high' },
      { t: 'refund API errors out {adv}', s: 2, c: 'payments' },
      { t: 'invoices show the wrong total {adv}', s: 3, c: 'payments' },
      { t: 'subscription renewals failing {adv}', s: 3, c: 'payments' },
      { t: 'payouts to sellers delayed {adv}', s: 3, c: 'payments' },
      { t: 'paypal popup closes immediately on {svc} {adv}', s: 2, c: 'payments' },
      { t: 'billing page throws a 500 {adv}', s: 3, c: 'payments', np: true },
      { t: 'credit card form rejects valid cards {adv}', s: 4, c: 'payments' },
      { t: 'transaction fees calculated wrong {adv}', s: 2, c: 'payments' },
      { t: 'can we add invoice numbering per country?', s: 1, c: 'payments' },
      { t: 'request: monthly export of all refunds for finance', s: 1, c: 'payments' },
      { t: 'the billing FAQ still lists the old price', s: 1, c: 'payments' },
    ],
    ev: [
      '`card_declined: do_not_honor`',
      '`StripeInvalidRequestError: No such payment_intent`',
      'the processor console shows a spike of `processing_error`',
      'order-service log: `CaptureFailedException: amount_too_large`',
      'support has {n} tickets on it',
      '3DS challenge loops back to the start',
      'finance says ~{money}k affected so far',
    ],
  },
  identity: {
    svc: [
      'the web app',
      'the admin console',
      'the partner portal',
      'the desktop client',
      'the public api',
      'the support tool',
    ],
    lists: {
      idp: ['Azure AD', 'Okta', 'Google Workspace', 'OneLogin', 'Ping', 'Keycloak'],
      typo: ['Forgot you pasword?', 'Sing-in', 'Remeber me', 'Create an acount'],
    },
    sym: [
      {
        t: '{who} can\'t get into their accounts, the form just says "Something went wrong"',
        s: 4,
        c: 'auth',
      },
      {
        t: '{who} get kicked out every few minutes and have to type their credentials again',
        s: 3,
        c: 'auth',
      },
      { t: 'reset links say "expired" the moment they are clicked {adv}', s: 3, c: 'auth' },
      { t: 'the 6-digit codes from the phone app are refused as invalid {adv}', s: 3, c: 'auth' },
      { t: '{who} stuck in a redirect loop after entering their credentials', s: 4, c: 'auth' },
      { t: 'the second-factor prompt appears on every single visit {adv}', s: 2, c: 'auth', max: 'medium' },
      { t: '{who} locked out of their accounts after one wrong attempt', s: 2, c: 'auth' },
      {
        t: '"keep me signed in" is ignored {adv}, people re-enter their creds every morning',
        s: 2,
        c: 'auth',
        max: 'medium',
      },
      { t: 'invite links show "invitation not found" {adv}', s: 3, c: 'auth', np: true },
      { t: 'API keys return 401 {adv} even though they are valid', s: 3, c: 'auth', np: true },
      { t: 'removed members can still open their old workspace {adv}', s: 3, c: 'security', min: 'high' },
      {
        t: 'strangers took over accounts and changed the contact address {adv}',
        s: 4,
        c: 'security',
        min: 'high',
      },
      { t: 'nach dem Update werden Benutzer ständig abgemeldet {adv}', s: 3, c: 'auth' },
      { t: 'typo on the sign-in screen: "{typo}"', s: 1, c: 'auth' },
      { t: 'question: can admins shorten the idle timeout for their workspace?', s: 1, c: 'auth' },
      { t: 'request: show active devices on the account page', s: 1, c: 'auth' },
      { t: 'can someone reset the second factor for a user who lost her phone?', s: 1, c: 'auth' },
      { t: 'login fails {adv} with a 500', s: 4, c: 'auth' },
      { t: 'SSO via {idp} broken {adv} after the IdP redirect', s: 3, c: 'auth', np: true },
      { t: 'password reset emails link to an expired token {adv}', s: 3, c: 'auth' },
      { t: 'MFA codes rejected {adv}', s: 3, c: 'auth' },
      { t: 'session expires after a few minutes {adv}', s: 3, c: 'auth' },
      { t: 'oauth token refresh failing {adv}', s: 3, c: 'auth' },
      { t: 'SAML assertion rejected {adv}: `Audience mismatch`', s: 3, c: 'auth', np: true },
      { t: "okta sync stopped, new users can't sign in {adv}", s: 3, c: 'auth' },
      { t: '2FA setup page errors {adv}', s: 2, c: 'auth', np: true },
      { t: 'auth service returning 401 for valid tokens {adv}', s: 4, c: 'auth' },
      { t: 'request: allow passkeys for login', s: 1, c: 'auth' },
      { t: 'can we raise the session length for enterprise workspaces?', s: 1, c: 'auth' },
      { t: 'typo on the password reset page', s: 1, c: 'auth' },
    ],
    ev: [
      '`401 Unauthorized` on /api/v2/me',
      'log: `invalid_grant: refresh token expired`',
      '`SAMLResponse signature validation failed`',
      'browser shows ERR_TOO_MANY_REDIRECTS',
      '`JsonWebTokenError: jwt malformed`',
      'trace: `AuthenticationException: Bad credentials at AccountController.signIn`',
      'response body: `{"error":"invalid_client"}`',
      'support has {n} tickets about it',
    ],
  },
  mobile: {
    svc: [
      'the home tab',
      'the profile screen',
      'the camera upload',
      'the chat screen',
      'the settings screen',
      'onboarding',
    ],
    lists: {
      device: ['Pixel 7', 'Galaxy S22', 'Galaxy A14', 'Redmi Note 12', 'OnePlus 11', 'Moto G54'],
      ver: ['5.8.0', '6.0.1', '6.2.0', '7.1.3', '4.9.2'],
    },
    sym: [
      { t: 'the app crashes on launch for {who} on {ver}', s: 4, c: 'other' },
      { t: 'the app closes itself when opening {svc} {adv}', s: 3, c: 'other' },
      {
        t: 'on a {device} the app freezes on {svc}, have to force quit every time',
        s: 3,
        c: 'other',
        fixedScope: 'single',
      },
      { t: 'the newest build shows a blank white screen after the splash {adv}', s: 4, c: 'deployment' },
      { t: 'photo uploads from the phone fail with "Upload failed" {adv}', s: 3, c: 'other' },
      {
        t: 'the app takes {n} seconds to open on older phones since {ver}',
        s: 2,
        c: 'performance',
        fixedScope: 'large',
      },
      { t: 'the "update required" screen loops even after updating {adv}', s: 3, c: 'other' },
      {
        t: 'store review rejected build {ver} and it carries a crash fix',
        s: 3,
        c: 'deployment',
        fixedScope: 'some',
        min: 'high',
      },
      { t: 'crash-free sessions dropped to {cfs}% after {ver}', s: 3, c: 'other', fixedScope: 'large' },
      { t: 'the app drains the battery in the background {adv}', s: 2, c: 'performance', max: 'medium' },
      { t: 'offline edits vanish when the phone reconnects {adv}', s: 3, c: 'data' },
      {
        t: 'buttons at the bottom are hidden behind the nav bar on {device}',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: "the phone app shows another account's data after switching users",
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      { t: 'a app fecha sozinha quando abro {svc} no meu {device}', s: 3, c: 'other', fixedScope: 'single' },
      { t: 'the app icon looks blurry on newer phones', s: 1, c: 'other' },
      { t: 'request: respect the system font size in the app', s: 1, c: 'other' },
      { t: 'the store listing still shows old screenshots', s: 1, c: 'deployment' },
      { t: 'question: which OS versions do the phone apps still support?', s: 1, c: 'other' },
      { t: 'iOS app crashes on launch {adv} after {ver}', s: 4, c: 'other' },
      { t: 'android app freezes on {svc} {adv}', s: 3, c: 'other' },
      {
        t: 'crashlytics shows a new top crash in {svc} after {ver}, {lopct}% of sessions',
        s: 3,
        c: 'other',
        fixedScope: 'large',
      },
      {
        t: 'app store rejected {ver}, the hotfix is blocked',
        s: 3,
        c: 'deployment',
        fixedScope: 'some',
        min: 'high',
      },
      { t: "testflight build {ver} won't install for testers", s: 2, c: 'deployment', fixedScope: 'some' },
      { t: "mobile app can't upload photos {adv}", s: 3, c: 'other' },
      { t: 'iPhone users see a blank screen on {svc} {adv}', s: 3, c: 'other' },
      {
        t: 'play store rollout of {ver} halted, crash rate too high',
        s: 3,
        c: 'deployment',
        fixedScope: 'large',
      },
      { t: 'react native bundle fails to load on older android phones {adv}', s: 3, c: 'other' },
      { t: 'ipad layout broken on {svc} {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'request: dark mode for the android app', s: 1, c: 'other' },
      { t: 'update the app store screenshots for the new release', s: 1, c: 'deployment' },
      { t: 'can we drop iOS 15 support?', s: 1, c: 'other' },
    ],
    ev: [
      'Fatal Exception: java.lang.IllegalStateException: Fragment not attached to a context',
      'crash log: `EXC_BAD_ACCESS (SIGSEGV) KERN_INVALID_ADDRESS`',
      'top crash: `kotlin.UninitializedPropertyAccessException`',
      'reviews mention it {n} times today',
      '`NSInternalInconsistencyException: Invalid update: invalid number of rows`',
      'ANR rate {lopct}% on the vitals page',
    ],
  },
  'web-frontend': {
    svc: [
      'the tasks page',
      'the settings page',
      'the kanban board',
      'the reports screen',
      'the onboarding form',
      'the members list',
      'the editor',
    ],
    lists: {},
    sym: [
      { t: 'the site is a blank white page {adv}', s: 4, c: 'deployment' },
      { t: '{svc} crashes to the error screen {adv}', s: 3, c: 'other', np: true },
      { t: 'the Save button on {svc} does nothing {adv}, no request is sent', s: 3, c: 'other', np: true },
      { t: 'drag and drop on {svc} stopped working {adv}', s: 3, c: 'other' },
      { t: '{svc} takes {n} seconds to become usable {adv}', s: 2, c: 'performance' },
      {
        t: "dropdowns on {svc} are cut off and the last options can't be selected",
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'dates show as "Invalid Date" on {svc} {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'the tab eats memory until it crashes after a few hours {adv}', s: 2, c: 'performance' },
      {
        t: 'nobody can submit {svc}, the submit button stays disabled',
        s: 4,
        c: 'other',
        fixedScope: 'global',
      },
      {
        t: 'a script in a task title runs when {svc} shows it',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      {
        t: "modals can't be closed on small screens, the X is off-screen",
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: 'text pasted into {svc} keeps the original fonts and colors',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'la página {svc} se queda en blanco {adv}', s: 3, c: 'other' },
      { t: 'the favicon is still the old logo', s: 1, c: 'other' },
      { t: 'tooltip typo on {svc}: "Exprot"', s: 1, c: 'other' },
      { t: 'the empty state image on {svc} is stretched on wide monitors', s: 1, c: 'other' },
      { t: 'request: keyboard shortcut to open {svc}', s: 1, c: 'other' },
      { t: 'frontend shows a blank page {adv} after the release', s: 4, c: 'deployment' },
      { t: 'javascript error on {svc} {adv}, page unusable', s: 3, c: 'other' },
      { t: 'dashboard takes {n}s to render {adv}', s: 2, c: 'performance' },
      { t: "safari users can't use {svc} {adv}", s: 3, c: 'other' },
      { t: 'chrome shows a broken layout on {svc} {adv}', s: 2, c: 'other', max: 'medium' },
      { t: "firefox: buttons on {svc} don't respond {adv}", s: 3, c: 'other' },
      { t: 'react error boundary on {svc} {adv}', s: 3, c: 'other', np: true },
      { t: 'css missing after the release, unstyled pages {adv}', s: 4, c: 'deployment' },
      { t: 'browser tab freezes on {svc} {adv}', s: 2, c: 'performance' },
      { t: 'web app crashes when opening {svc} {adv}', s: 3, c: 'other' },
      { t: 'css nit: misaligned icons on {svc}', s: 1, c: 'other' },
      { t: 'request: remember the dashboard filters between visits', s: 1, c: 'other' },
      { t: 'layout tweak for the header on {svc}', s: 1, c: 'other' },
    ],
    ev: [
      "console: `Uncaught TypeError: Cannot read properties of undefined (reading 'length')`",
      '`ChunkLoadError: Loading chunk {n} failed`',
      'Sentry: `Error: Minified React error #185`',
      'console shows `Warning: Cannot update a component while rendering a different component`',
      'no request shows up in the network tab',
      'screen recording attached',
    ],
  },
  data: {
    svc: [
      'the daily usage rollup',
      'the revenue report',
      'the customer health sync',
      'the events consumer',
      'the attribution model',
      'the monthly statements job',
    ],
    lists: {},
    sym: [
      { t: 'events have not been recorded {adv} {when}, nothing is landing', s: 4, c: 'data' },
      { t: '{svc} did not run last night, numbers are stale', s: 2, c: 'data', fixedScope: 'some' },
      {
        t: 'figures in {svc} are {midpct}% off from what finance sees',
        s: 3,
        c: 'data',
        fixedScope: 'large',
      },
      {
        t: 'consumer lag on the events topic keeps growing, {n}M behind',
        s: 3,
        c: 'data',
        fixedScope: 'global',
      },
      { t: 'usage numbers customers see are zero {adv}', s: 3, c: 'data' },
      { t: 'the CSV export has every row twice {adv}', s: 2, c: 'data', max: 'medium' },
      { t: '{svc} takes {n}h now instead of 1h', s: 2, c: 'performance', fixedScope: 'some' },
      { t: 'a backfill overwrote historical aggregates with zeros {adv}', s: 4, c: 'data' },
      {
        t: 'raw customer emails ended up in the partner export instead of hashes',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
      },
      { t: 'scheduled reports we send customers went out empty {adv}', s: 3, c: 'data' },
      {
        t: 'the funnel shows conversion above 100%, something double counts',
        s: 2,
        c: 'data',
        fixedScope: 'some',
      },
      { t: 'event timestamps from 1970 are polluting the daily charts', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'die Zahlen in {svc} stimmen seit gestern nicht {adv}', s: 2, c: 'data', max: 'medium' },
      { t: 'request: add a region column to the accounts model', s: 1, c: 'data' },
      { t: 'question: how long do we keep raw clickstream files?', s: 1, c: 'data' },
      { t: 'can we rename the metric "DAU2" to something readable?', s: 1, c: 'data' },
      { t: 'airflow DAG for {svc} failing {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'etl job failed, warehouse tables stale {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'kafka consumer lag {n}M on the events topic {when}', s: 3, c: 'data', fixedScope: 'global' },
      { t: 'dbt run failing on fct_revenue, finance reports stale', s: 3, c: 'data', fixedScope: 'large' },
      {
        t: 'snowflake queries timing out {when}, BI unusable for the analysts',
        s: 2,
        c: 'performance',
        fixedScope: 'large',
      },
      { t: 'bigquery costs up {pct}% this week', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'data export for customers returns empty files {adv}', s: 3, c: 'data' },
      { t: 'analytics events dropped {adv} {when}', s: 3, c: 'data' },
      { t: 'spark job OOM, {svc} not updated {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'ingestion stopped, no new events for {n}h', s: 4, c: 'data', fixedScope: 'global' },
      { t: 'looker dashboards show stale data {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'batch job for {svc} failed {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'request: looker access for the new PM', s: 1, c: 'data' },
      { t: 'add a column to the warehouse accounts table please', s: 1, c: 'data' },
      { t: 'the airflow UI is slow', s: 1, c: 'data' },
    ],
    ev: [
      'DAG run marked failed after 3 retries',
      '`org.apache.kafka.common.errors.TimeoutException: Expiring 42 record(s)`',
      'freshness check red, last load {n}h ago',
      '`AnalysisException: cannot resolve column`',
      'dbt: `Database Error in model fct_usage`',
      'row count went from 1.2M to 0 in the last load',
    ],
  },
  search: {
    svc: [
      'the top bar',
      'the help center finder',
      'the storefront catalog',
      'the people directory',
      'the ticket list filter',
      'the admin lookup',
    ],
    lists: {
      term: [
        '"iphone case"',
        '"café"',
        '"Q3 plan"',
        '"Größe"',
        '"release notes"',
        'order numbers with dashes',
      ],
    },
    sym: [
      { t: '{svc} returns no results for any term {adv}', s: 4, c: 'other' },
      { t: "new items don't show up in {svc} for hours {adv}", s: 3, c: 'other' },
      { t: 'looking anything up in {svc} takes {n} seconds {adv}', s: 2, c: 'performance' },
      { t: '{svc} finds nothing for {term} but similar words work', s: 2, c: 'other', fixedScope: 'some' },
      {
        t: "results in {svc} include items from private projects the user can't access",
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
      },
      { t: 'result order in {svc} looks random, the best match is on page 3 {adv}', s: 2, c: 'other' },
      {
        t: 'deleted items still appear in {svc} and give a 404 when clicked',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: "filter counts in {svc} don't match the list", s: 2, c: 'other', fixedScope: 'some' },
      { t: 'about {midpct}% of lookups fail with a 500 {when}', s: 3, c: 'other', fixedScope: 'large' },
      { t: 'the suggestions under the box are empty {adv}', s: 2, c: 'other', max: 'medium' },
      {
        t: "the index for one region is empty after last night's rebuild, those customers see nothing",
        s: 4,
        c: 'data',
        fixedScope: 'large',
      },
      { t: 'la recherche dans {svc} ne trouve plus les nouveaux documents {adv}', s: 3, c: 'other' },
      { t: 'request: let users save a lookup as a view', s: 1, c: 'other' },
      { t: 'highlighting shows raw `<em>` tags in {svc}', s: 1, c: 'other' },
      { t: 'can {svc} show 50 results per page?', s: 1, c: 'other' },
      { t: 'search returns no results {adv}', s: 4, c: 'other' },
      { t: 'elasticsearch cluster yellow, search slow {adv}', s: 2, c: 'performance' },
      { t: 'autocomplete empty {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'search relevance bad {adv} after the analyzer change', s: 2, c: 'other' },
      { t: 'reindex job failed, new docs not searchable {when}', s: 3, c: 'other', fixedScope: 'global' },
      { t: 'opensearch nodes out of heap, search erroring {adv}', s: 4, c: 'other' },
      { t: 'facet counts wrong in search {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'typeahead slow ({n}00ms) {adv}', s: 2, c: 'performance', max: 'medium' },
      { t: 'search ranking puts archived items first {adv}', s: 2, c: 'other' },
      { t: 'synonyms not applied in search {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'request: search by tag', s: 1, c: 'other' },
      { t: 'can we boost the ranking of exact title matches?', s: 1, c: 'other' },
      { t: 'typo in the search placeholder', s: 1, c: 'other' },
    ],
    ev: [
      '`search_phase_execution_exception: all shards failed`',
      'cluster health yellow, {n} unassigned shards',
      '`es_rejected_execution_exception: rejected execution`',
      'indexer consumer lag {n}k',
      'the alias points at an index with 0 docs',
    ],
  },
  notifications: {
    svc: [
      'order confirmations',
      'reset links',
      'invites',
      'reminders',
      'mention alerts',
      'weekly summaries',
      'webhook calls',
    ],
    lists: {
      domain: ['outlook.com', 'gmail.com', 'yahoo.com', "a big customer's domain", 'gmx.de'],
      country: ['Brazil', 'India', 'the UK', 'Canada', 'Mexico'],
      rate: ['4', '6', '9'],
    },
    sym: [
      { t: 'no mail is going out at all {when}, {svc} included', s: 4, c: 'other', fixedScope: 'global' },
      { t: '{who} not receiving {svc}', s: 3, c: 'other' },
      { t: 'verification texts arrive {n} min late {adv}', s: 3, c: 'other' },
      { t: 'phones stopped getting mention alerts {adv}', s: 3, c: 'other' },
      { t: 'mail to {domain} is rejected or lands in spam {when}', s: 3, c: 'other', fixedScope: 'large' },
      { t: '{who} got the same reminder {n} times', s: 2, c: 'other', max: 'medium' },
      { t: '{svc} delayed by about {n} min {adv}', s: 2, c: 'other' },
      {
        t: 'the opt-out link in our mails is broken, compliance issue',
        s: 3,
        c: 'other',
        fixedScope: 'some',
        min: 'high',
      },
      { t: 'customer endpoints get our webhook calls {n} min late {adv}', s: 2, c: 'other' },
      { t: '{svc} went to the wrong recipients {adv}', s: 4, c: 'security', min: 'high' },
      {
        t: 'the text provider rejects messages to {country} {when}',
        s: 2,
        c: 'third-party',
        fixedScope: 'some',
      },
      {
        t: '{svc} show an unfilled template variable in the subject {adv}',
        s: 2,
        c: 'other',
        np: true,
        max: 'medium',
      },
      { t: 'los clientes no reciben {svc} desde {when2}', s: 3, c: 'other', fixedScope: 'some' },
      { t: 'the footer of {svc} has the old office address', s: 1, c: 'other' },
      { t: 'request: let users pick which events trigger a mail', s: 1, c: 'other' },
      { t: 'question: what is the daily sending limit on our mail plan?', s: 1, c: 'other' },
      { t: 'email delivery failing {adv}', s: 4, c: 'other' },
      { t: 'sendgrid returning 429, emails delayed {when}', s: 2, c: 'third-party', fixedScope: 'global' },
      { t: 'sms verification codes not delivered {adv}', s: 3, c: 'other' },
      { t: 'push notifications not arriving {adv}', s: 3, c: 'other' },
      { t: 'twilio errors for messages to {country}', s: 2, c: 'third-party', fixedScope: 'some' },
      { t: 'notification preferences ignored {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'duplicate email notifications {adv}', s: 2, c: 'other', max: 'medium' },
      {
        t: 'apns certificate expires in {n} days, renewal not automated',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'digest email sent at the wrong time {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'bounce rate jumped to {rate}% on the mailgun side', s: 2, c: 'other', fixedScope: 'some' },
      { t: 'unsubscribe link broken in our emails', s: 3, c: 'other', fixedScope: 'some', min: 'high' },
      { t: 'fcm push failing for android devices {adv}', s: 3, c: 'other' },
      { t: 'request: new email template for the weekly report', s: 1, c: 'other' },
      { t: 'change the sms sender name to ARGUS', s: 1, c: 'other' },
      { t: 'the notification sound on desktop is too loud', s: 1, c: 'other' },
    ],
    ev: [
      'provider log: `550 5.7.1 message rejected`',
      'queue depth {n}k and rising',
      '`Error: connect ETIMEDOUT` on port 587',
      'delivery status stuck at "queued"',
      'carrier error 30007',
      'webhook retry queue at {n}k',
    ],
  },
};

// ---------- assembly ----------
// Share of generated lines that should contain none of their team's routing keywords (the hand-written history is
// mostly symptom-only, so the generated "older" issues lean on the obvious words; together roughly 45% are keyword-free).
const TARGET_KEYWORD_FREE = 0.3;

const teams = JSON.parse(readFileSync(join(dir, 'teams.json'), 'utf8'));
const keywordsOf = Object.fromEntries(teams.map((t) => [t.id, t.routingKeywords]));
const readJsonl = (f) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const evalLines = readJsonl('eval-handwritten.jsonl');
const handTrain = readJsonl('history-handwritten.jsonl');

const tokens = (s) => new Set(s.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+/g) ?? []);
function jaccard(a, b) {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter || 1);
}
const normalise = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const evalTokens = evalLines.map((r) => tokens(r.text));
const seen = new Set([...evalLines, ...handTrain].map((r) => normalise(r.text)));

// Every symptom must say (or imply through fixedScope) who is affected, so the priority can be read from the text.
for (const [id, team] of Object.entries(TEAMS))
  for (const sym of team.sym)
    if (sym.s > 1 && !sym.fixedScope && !/\{(who|adv)\}/.test(sym.t))
      throw new Error(`${id}: symptom without scope placeholder or fixedScope: ${sym.t}`);

function fill(tpl, team, ctx) {
  return tpl.replace(/\{(\w+)\}/g, (_, k) => {
    if (k in ctx) return ctx[k];
    if (k === 'svc') return pick(team.svc);
    if (k === 'acct') return String(int(10000, 99999));
    if (k === 'n') return String(int(3, 48));
    if (k === 'pct') return String(int(12, 97));
    if (k === 'hipct') return String(int(81, 97));
    if (k === 'midpct') return String(int(10, 40));
    if (k === 'lopct') return String(int(2, 9));
    if (k === 'cfs') return String(int(88, 97));
    if (k === 'ticket') return String(int(40000, 59999));
    if (k === 'when') return pick(WHEN);
    if (k === 'when2') return pick(['esta mañana', 'ayer', 'el lunes', 'hace dos horas']);
    if (k === 'region') return pick(team.region ?? ['us-east-1', 'eu-west-1']);
    if (team.lists?.[k]) return pick(team.lists[k]);
    throw new Error(`unknown placeholder {${k}} in "${tpl}"`);
  });
}

function generateOne(teamId) {
  const team = TEAMS[teamId];
  const sym = pick(team.sym);
  const hasWho = sym.t.includes('{who}');
  const hasAdv = sym.t.includes('{adv}');
  let priority = 'low';
  let ctx = {};
  if (sym.s > 1) {
    let scope = sym.fixedScope;
    if (!scope)
      scope = weighted(SCOPE_WEIGHTS.filter(([k]) => k !== 'nonprod' || (sym.np && hasAdv && !hasWho)));
    const sc = SCOPES[scope];
    ctx = {
      who: fill(pick(sc.who.length ? sc.who : SCOPES.some.who), team, {}),
      adv: fill(pick(sc.adv), team, {}),
    };
    priority = PRIORITY_TABLE[sym.s][SCOPE_INDEX[scope]];
    if (sym.min && RANK[sym.min] > RANK[priority]) priority = sym.min;
    if (sym.max && RANK[sym.max] < RANK[priority]) priority = sym.max;
  }
  let text = fill(sym.t, team, ctx)
    .replace(/\s+,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (sym.s > 1 && !sym.t.includes('{when}') && chance(0.4)) text += `, ${pick(WHEN)}`;
  if (sym.s > 1 && sym.c !== 'security' && chance(0.4)) {
    const ev = fill(pick(team.ev), team, {});
    text += ev.includes('\n') || chance(0.5) ? `\n${ev}` : ` — ${ev}`;
  }
  const userPhrased = !keywordsOf[teamId].some((k) => text.toLowerCase().includes(k));
  let opener;
  let closer;
  if (sym.s === 1) {
    opener = pick(OPENERS.request);
    closer = pick(CLOSERS.request);
  } else {
    const urgent = priority === 'critical' || (priority === 'high' && chance(0.3));
    opener = pick(OPENERS.any);
    closer = pick(CLOSERS.any);
    if (userPhrased && chance(0.3)) opener = pick(OPENERS.user);
    if (userPhrased && chance(0.2)) closer = pick(CLOSERS.user);
    if (urgent && chance(0.5)) opener = pick(OPENERS.urgent);
    if (urgent && chance(0.3)) closer = pick(CLOSERS.urgent);
    if (priority === 'low' && chance(0.3)) opener = pick(OPENERS.calm);
    if (priority === 'low' && chance(0.2)) closer = pick(CLOSERS.calm);
  }
  closer = fill(closer, team, {});
  // "hey team, the app ..." rather than "hey team, The app ..." (keep acronyms such as "SSO" or "VAT").
  if (/(, |fyi |— |but )$/.test(opener) && /^[A-Z][a-z]/.test(text))
    text = text[0].toLowerCase() + text.slice(1);
  text = `${opener}${text}${closer}`.trim();
  if (chance(0.15))
    text = text
      .replace(/\byou\b/g, 'u')
      .replace(/\bplease\b/g, 'pls')
      .replace(/\bright now\b/g, 'rn');
  if (chance(0.1)) text = text.toLowerCase();
  return { text, team: teamId, priority, category: sym.c, split: 'train' };
}

const generated = [];
for (const t of teams) {
  if (!TEAMS[t.id]) throw new Error(`no generator vocabulary for team ${t.id}`);
  const hasKeyword = (text) => keywordsOf[t.id].some((k) => text.toLowerCase().includes(k));
  let made = 0;
  let free = 0;
  let attempts = 0;
  while (made < PER_TEAM && attempts < PER_TEAM * 200) {
    attempts++;
    const row = generateOne(t.id);
    const wantFree = free < TARGET_KEYWORD_FREE * (made + 1);
    if (hasKeyword(row.text) === wantFree) continue;
    const norm = normalise(row.text);
    if (seen.has(norm)) continue;
    const tk = tokens(row.text);
    if (evalTokens.some((e) => jaccard(e, tk) >= 0.8)) continue;
    seen.add(norm);
    generated.push(row);
    made++;
    if (!hasKeyword(row.text)) free++;
  }
  if (made < PER_TEAM) throw new Error(`${t.id}: only generated ${made} of ${PER_TEAM} lines`);
}

const out = [...handTrain, ...generated, ...evalLines].map(({ text, team, priority, category, split }) =>
  JSON.stringify({ text, team, priority, category, split }),
);
writeFileSync(join(dir, 'examples.jsonl'), `${out.join('\n')}\n`);
console.log(
  `examples.jsonl: ${evalLines.length} eval (hand-written) + ${handTrain.length} train hand-written + ${generated.length} train generated = ${out.length} lines`,
);
