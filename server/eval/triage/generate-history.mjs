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
      'for roughly 20% of accounts',
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
  ['global', 0.24],
  ['large', 0.22],
  ['some', 0.3],
  ['single', 0.13],
  ['nonprod', 0.11],
];
const SCOPE_INDEX = { global: 0, large: 1, some: 2, single: 3, nonprod: 4 };
//                      global      large       some        single    nonprod
const PRIORITY_TABLE = {
  4: ['critical', 'critical', 'high', 'medium', 'medium'],
  3: ['high', 'high', 'medium', 'medium', 'low'],
  2: ['high', 'medium', 'medium', 'low', 'low'],
};
const RANK = { low: 0, medium: 1, high: 2, critical: 3 };
// How often a symptom of each severity is drawn relative to the others (past issues skew towards real problems).
const SEVERITY_WEIGHT = { 1: 0.7, 2: 1, 3: 1, 4: 1.4 };

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
  critical: [':rotating_light: ', 'URGENT: ', ':fire: ', 'P1: ', 'SEV1 — '],
  high: [':fire: ', 'need eyes asap — ', 'this is bad: ', ':warning: '],
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
  critical: [' — opening an incident', ' war room link in the channel', ' all hands pls', ' paging on-call'],
  high: [' paging on-call', ' can someone jump on this?', ' — opening an incident'],
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
        t: 'the data volume for {svc} is almost full ({hipct}%), it will stop accepting writes soon',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      {
        t: 'a whole availability zone in {region} is gone {when}, {svc} and friends down',
        s: 4,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: '{svc} workers hit their CPU limit constantly and jobs pile up {adv}',
        s: 2,
        c: 'performance',
        np: true,
      },
      {
        t: 'the HPA for {svc} stays at min replicas although load tripled {when}',
        s: 3,
        c: 'infrastructure',
        fixedScope: 'large',
      },
      {
        t: 'CI jobs sit in "waiting for runner" for ages {when}',
        s: 2,
        c: 'infrastructure',
        fixedScope: 'some',
      },
      {
        t: 'the spot fleet in {region} is churning, {svc} keeps losing capacity {adv}',
        s: 2,
        c: 'infrastructure',
      },
      {
        t: 'scheduled tasks fired at the wrong hour after the clock change, {svc} ran early {adv}',
        s: 2,
        c: 'infrastructure',
        np: true,
        max: 'medium',
      },
      {
        t: 'a long-lived cloud key used by {svc} showed up in a public gist and has been used from unknown IPs',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
        nw: true,
      },
      {
        t: 'the build runners execute untrusted PR code with our prod registry credentials mounted',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      { t: 'la instancia de {svc} se reinicia sola cada pocos minutos {adv}', s: 3, c: 'infrastructure' },
      {
        t: 'request: raise the CPU request for {svc}, it gets throttled at startup',
        s: 1,
        c: 'infrastructure',
      },
      {
        t: 'can we shut down the unused load generators in {region}? costing ~{n}00 dollars a month',
        s: 1,
        c: 'infrastructure',
      },
      {
        t: 'question: how do I get a shell into a running {svc} instance on staging?',
        s: 1,
        c: 'infrastructure',
      },
      {
        t: 'the alert for {svc} restarts fires on every rollout, can we tune it?',
        s: 1,
        c: 'infrastructure',
      },
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
        nw: true,
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
        nw: true,
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
      {
        t: 'could {svc} get its own node pool? it keeps fighting with batch jobs for memory',
        s: 1,
        c: 'infrastructure',
      },
      {
        t: 'the runbook for restarting {svc} still mentions the old bastion host',
        s: 1,
        c: 'infrastructure',
      },
      { t: 'fyi {region} maintenance window next Tuesday 02:00-04:00 UTC', s: 1, c: 'infrastructure' },
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
      { t: '{svc} can\'t open new connections, "connection limit exceeded" {adv}', s: 4, c: 'database' },
      { t: 'the primary went read-only {when} and nothing can be saved {adv}', s: 4, c: 'database' },
      { t: 'lists that read from the {tbl} table take 30s+ to load {adv}', s: 3, c: 'performance' },
      {
        t: 'reads lag behind writes by {n} minutes {adv}, freshly edited records look unchanged',
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
        nw: true,
      },
      { t: '{svc} times out waiting for a free connection {adv}', s: 3, c: 'database', np: true },
      {
        t: 'an ALTER TABLE on {tbl} is waiting for a lock and everything touching that table queues behind it {adv}',
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
        t: 'cache hit rate collapsed after the resize and the primary takes the full load {when}',
        s: 3,
        c: 'performance',
        fixedScope: 'global',
      },
      {
        t: 'the main instance is maxed out on CPU {when}, one reporting statement on {tbl} is hogging it',
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
        nw: true,
      },
      {
        t: 'die Datenbank antwortet seit heute früh sehr langsam {adv}',
        s: 2,
        c: 'performance',
      },
      {
        t: "the `{tbl}_archive` table hasn't been read in a year, can we move it to cold storage?",
        s: 1,
        c: 'database',
      },
      {
        t: "question: are the {tbl} snapshots encrypted at rest? a prospect's security questionnaire asks",
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
      { t: 'redis hitting maxmemory and dropping keys {when}', s: 2, c: 'database', fixedScope: 'some' },
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
        t: 'the nightly export scans {tbl} without an index, can we add one on (tenant_id, updated_at)?',
        s: 1,
        c: 'database',
      },
      { t: 'request: a read replica for the BI team', s: 1, c: 'database' },
      { t: 'can we turn on query logging on the staging db?', s: 1, c: 'database' },
      {
        t: 'the `{tbl}` table has {n}0M rows, should we start partitioning it by month?',
        s: 1,
        c: 'database',
      },
      { t: 'nightly maintenance on {tbl} runs a bit longer each week, just flagging', s: 1, c: 'database' },
      { t: 'can we rename the `{tbl}_v2_tmp` columns? nobody knows what they mean', s: 1, c: 'database' },
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
        t: 'a slice of calls to {svc} ({midpct}%) end in an "upstream error" page {when}',
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
      { t: 'name lookups for {svc} return SERVFAIL {adv}', s: 4, c: 'network' },
      {
        t: 'live updates over {svc} freeze after about a minute of idle {adv}',
        s: 2,
        c: 'network',
        max: 'medium',
      },
      { t: 'uploads above ~100MB get cut off by the proxy {adv}', s: 2, c: 'network', max: 'medium' },
      {
        t: 'fonts and icons fail to load from {svc} with CORS errors {adv}',
        s: 2,
        c: 'network',
        max: 'medium',
      },
      {
        t: "traffic from a partner's data center to {svc} gets dropped since the new allowlist {when}",
        s: 3,
        c: 'network',
        fixedScope: 'some',
      },
      {
        t: 'round trips to {svc} from {country} doubled, app servers report normal timings',
        s: 2,
        c: 'network',
        fixedScope: 'large',
      },
      { t: 'the bot protection challenge loops forever for real users {adv}', s: 3, c: 'security' },
      {
        t: 'a flood of junk requests is saturating our edge, real users time out {adv}',
        s: 4,
        c: 'security',
      },
      {
        t: 'service discovery in {region} hands out stale addresses {when}',
        s: 3,
        c: 'network',
        fixedScope: 'large',
      },
      {
        t: 'customers on corporate networks with TLS inspection get certificate errors on {svc} {when}',
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
      { t: 'request: an internal hostname for the new metrics box', s: 1, c: 'network' },
      {
        t: 'request: publish our egress IPs as a JSON file customers can poll',
        s: 1,
        c: 'network',
      },
      { t: 'the old blog subdomain still serves plain http, can we force https there?', s: 1, c: 'network' },
      { t: '502s from the load balancer on {svc} {adv}', s: 3, c: 'network' },
      { t: 'DNS for {svc} resolves to the old IP {adv}', s: 3, c: 'network' },
      { t: 'CDN serving stale assets {adv} after the release', s: 2, c: 'network' },
      {
        t: 'TLS certificate for {svc} expires in {n} days and auto-renew failed',
        s: 2,
        c: 'network',
        fixedScope: 'some',
        nw: true,
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
      { t: 'request: separate certificates for the EU and US api hostnames', s: 1, c: 'network' },
      { t: "can we lower the TTL on the {svc} records before next week's move?", s: 1, c: 'network' },
      { t: 'one user in {country} says {svc} feels slow, nobody else there does', s: 1, c: 'network' },
      { t: 'request: turn on OCSP stapling for the marketing site', s: 1, c: 'network' },
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
        t: '{who} stuck on the order confirmation step, the button keeps spinning',
        s: 4,
        c: 'payments',
      },
      { t: 'money taken twice for the same order {adv}', s: 4, c: 'payments', min: 'high' },
      {
        t: 'bank shows the debit but our side still says "awaiting funds" {adv}',
        s: 3,
        c: 'payments',
        min: 'high',
      },
      { t: 'all card brands get "declined by issuer" {adv}', s: 4, c: 'payments' },
      { t: '{method} fails at the last step {adv}', s: 3, c: 'payments', np: true },
      {
        t: "auto-renew didn't go through overnight {adv}, workspaces now show an overdue banner",
        s: 3,
        c: 'payments',
      },
      {
        t: 'totals at the last step are higher than on the plan page, e.g. {money} more {adv}',
        s: 3,
        c: 'payments',
        min: 'high',
      },
      {
        t: 'promo codes are accepted but the discount is never subtracted {adv}',
        s: 2,
        c: 'payments',
        np: true,
      },
      { t: 'tax lines missing on receipts {adv}', s: 2, c: 'payments' },
      { t: "seller balances aren't released after the holding period {adv}", s: 3, c: 'payments' },
      {
        t: 'the processor callbacks fail our verification step {when}, orders stay pending {adv}',
        s: 3,
        c: 'third-party',
      },
      {
        t: 'switching from monthly to yearly errors with "price unavailable" {adv}',
        s: 3,
        c: 'payments',
        np: true,
      },
      {
        t: 'bots are running stolen cards through the gift card page, hundreds of small declines a minute',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      {
        t: 'full card numbers show up in plain text in the logs of {svc}',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
        nw: true,
      },
      { t: 'clientes reclaman que se les cobró dos veces este mes {adv}', s: 3, c: 'payments', min: 'high' },
      { t: 'the receipt PDF cuts off long company names', s: 1, c: 'payments' },
      { t: 'question from sales: can we offer net-60 terms on a 2-year deal?', s: 1, c: 'payments' },
      { t: 'request: show prices incl. VAT on the plan page for {currency} customers', s: 1, c: 'payments' },
      { t: 'one customer wants their receipts addressed to their parent company', s: 1, c: 'payments' },
      { t: 'checkout throws "order could not be completed" {adv}', s: 4, c: 'payments' },
      { t: 'stripe webhooks returning 500 {when}, payments stuck in pending {adv}', s: 3, c: 'third-party' },
      { t: 'duplicate charges on orders {adv}', s: 4, c: 'payments', min: 'high' },
      { t: 'refund API errors out {adv}', s: 2, c: 'payments' },
      { t: 'invoices show the wrong total {adv}', s: 3, c: 'payments' },
      { t: 'subscription renewals failing {adv}', s: 3, c: 'payments' },
      { t: 'payouts to sellers delayed {adv}', s: 3, c: 'payments' },
      { t: 'paypal sends buyers back to a blank page after they approve {adv}', s: 2, c: 'payments' },
      { t: 'billing page throws a 500 {adv}', s: 3, c: 'payments', np: true },
      { t: 'credit card form rejects valid cards {adv}', s: 4, c: 'payments' },
      { t: 'transaction fees calculated wrong {adv}', s: 2, c: 'payments' },
      { t: 'can we add invoice numbering per country?', s: 1, c: 'payments' },
      { t: 'request: monthly export of all refunds for finance', s: 1, c: 'payments' },
      { t: 'the billing FAQ still lists the old price', s: 1, c: 'payments' },
      {
        t: "the plan comparison on {svc} lists {method} but we don't offer it there yet",
        s: 1,
        c: 'payments',
      },
      {
        t: 'a customer asks why the receipt shows the amount in USD and not {currency}',
        s: 1,
        c: 'payments',
      },
      { t: 'small wording fix on {svc}: "Procced to pay"', s: 1, c: 'payments' },
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
      typo: ['Contine with Google', 'Sing-in', 'Remeber me', 'Create an acount'],
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
      { t: 'reset links open a page saying the request is no longer valid {adv}', s: 3, c: 'auth' },
      { t: "one-time codes from the code generator app don't work {adv}", s: 3, c: 'auth' },
      { t: '{who} stuck in a redirect loop after entering their credentials', s: 4, c: 'auth' },
      { t: 'the second-factor prompt appears on every single visit {adv}', s: 2, c: 'auth', max: 'medium' },
      { t: '{who} locked out of their accounts after one wrong attempt', s: 2, c: 'auth' },
      {
        t: '"keep me signed in" has no effect {adv}, closing the browser means starting over',
        s: 2,
        c: 'auth',
        max: 'medium',
      },
      { t: 'invite links show "invitation not found" {adv}', s: 3, c: 'auth', np: true },
      {
        t: 'personal access keys stopped working for scripts {adv}, every call comes back 401',
        s: 3,
        c: 'auth',
        np: true,
      },
      {
        t: 'people removed from a workspace keep seeing its projects until they clear cookies {adv}',
        s: 3,
        c: 'security',
        min: 'high',
      },
      {
        t: 'strangers took over accounts and changed the contact address {adv}',
        s: 4,
        c: 'security',
        min: 'high',
      },
      { t: 'nach dem Update werden Benutzer ständig abgemeldet {adv}', s: 3, c: 'auth' },
      { t: 'typo on the sign-in screen: "{typo}"', s: 1, c: 'auth' },
      { t: 'question: can admins shorten the idle timeout for their workspace?', s: 1, c: 'auth' },
      { t: 'request: let users name their devices in the security settings', s: 1, c: 'auth' },
      {
        t: 'a customer admin asks how to recover a member who lost both phone and backup codes',
        s: 1,
        c: 'auth',
      },
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
      { t: 'question: does {idp} group sync also remove people, or only add them?', s: 1, c: 'auth' },
      { t: 'the "last active" column in {svc} shows UTC, customers are confused', s: 1, c: 'auth' },
      { t: 'docs for connecting {idp} still show the old screenshots', s: 1, c: 'auth' },
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
      { t: 'the newest build hangs on the loading spinner forever {adv}', s: 4, c: 'deployment' },
      { t: 'attachments picked from the phone never finish sending {adv}', s: 3, c: 'other' },
      {
        t: 'startup got much slower in {ver}, older phones show the splash for ages',
        s: 2,
        c: 'performance',
        fixedScope: 'large',
      },
      { t: 'the forced update prompt keeps coming back after updating {adv}', s: 3, c: 'other' },
      {
        t: 'store review rejected build {ver} and it carries a crash fix',
        s: 3,
        c: 'deployment',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      {
        t: 'crash rate tripled with {ver}, stability score now {cfs}%',
        s: 3,
        c: 'other',
        fixedScope: 'large',
        nw: true,
      },
      {
        t: 'phones get warm and lose charge fast with the app in the background {adv}',
        s: 2,
        c: 'performance',
        max: 'medium',
      },
      { t: 'notes written without signal are overwritten by the server copy {adv}', s: 3, c: 'data' },
      {
        t: "the bottom sheet can't be dismissed on {device}",
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: "after signing out and back in as someone else, the phone app still shows the previous person's inbox",
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      { t: 'a app fecha sozinha quando abro {svc} no meu {device}', s: 3, c: 'other', fixedScope: 'single' },
      { t: 'the onboarding illustrations look pixelated on large phones', s: 1, c: 'other' },
      { t: 'request: respect the system font size in the app', s: 1, c: 'other' },
      { t: 'the store description still mentions a feature we removed', s: 1, c: 'deployment' },
      {
        t: 'question: do the phone apps work on foldables? a customer is rolling them out',
        s: 1,
        c: 'other',
      },
      { t: 'iOS app crashes on launch {adv} after {ver}', s: 4, c: 'other' },
      { t: 'android app freezes on {svc} {adv}', s: 3, c: 'other' },
      {
        t: 'crashlytics shows a new top crash in {svc} after {ver}, {lopct}% of sessions',
        s: 3,
        c: 'other',
        fixedScope: 'large',
      },
      {
        t: 'app store review flagged {ver} for a privacy label mismatch, hotfix blocked',
        s: 3,
        c: 'deployment',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      {
        t: "testflight build {ver} expired before QA finished, testers can't open it",
        s: 2,
        c: 'deployment',
        fixedScope: 'some',
      },
      { t: 'mobile app video uploads stall at 99% {adv}', s: 3, c: 'other' },
      { t: 'iPhone users get a spinner that never ends on {svc} {adv}', s: 3, c: 'other' },
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
      { t: 'on the {device} the status bar text is white on white in light mode', s: 1, c: 'other' },
      { t: 'request: swipe to archive in the inbox list of the app', s: 1, c: 'other' },
      { t: 'the changelog screen in the app shows the notes from two versions ago', s: 1, c: 'other' },
    ],
    ev: [
      'reviews mention it {n} times today',
      'support has {n} tickets about it',
      'screen recording from the customer attached',
    ],
    evAndroid: [
      'Fatal Exception: java.lang.IllegalStateException: Fragment not attached to a context',
      'top crash: `kotlin.UninitializedPropertyAccessException`',
      'ANR rate {lopct}% on the vitals page',
    ],
    evIos: [
      'crash log: `EXC_BAD_ACCESS (SIGSEGV) KERN_INVALID_ADDRESS`',
      '`NSInternalInconsistencyException: Invalid update: invalid number of rows`',
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
      { t: 'the app shows only the top bar and an empty body {adv}', s: 4, c: 'deployment' },
      { t: '{svc} crashes to the error screen {adv}', s: 3, c: 'other', np: true },
      {
        t: 'clicking Apply on {svc} has no effect {adv}, changes are silently dropped',
        s: 3,
        c: 'other',
        np: true,
      },
      { t: 'reordering items on {svc} by dragging drops them in the wrong position {adv}', s: 3, c: 'other' },
      { t: '{svc} takes {n} seconds to become usable {adv}', s: 2, c: 'performance' },
      {
        t: 'select menus on {svc} open upwards off the top of the screen',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'times on {svc} are shown in UTC instead of local time {adv}', s: 2, c: 'other', max: 'medium' },
      {
        t: 'the page gets slower the longer it stays open, laptop fans spin up {adv}',
        s: 2,
        c: 'performance',
      },
      {
        t: 'nobody can get past step 2 of {svc}, the Next button stays greyed out',
        s: 4,
        c: 'other',
        fixedScope: 'global',
      },
      {
        t: 'HTML in comments is shown unescaped on {svc}, a customer managed to embed an iframe',
        s: 3,
        c: 'security',
        fixedScope: 'some',
        min: 'high',
      },
      {
        t: 'on small screens the footer buttons of dialogs are pushed out of view',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: 'undo in {svc} reverts several steps at once',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'la página {svc} se queda en blanco {adv}', s: 3, c: 'other' },
      { t: 'the page title in the browser tab still says "Beta"', s: 1, c: 'other' },
      { t: 'the help link on {svc} points to a retired docs page', s: 1, c: 'other' },
      { t: 'the avatars on {svc} are slightly squashed', s: 1, c: 'other' },
      { t: 'request: a compact density option for {svc}', s: 1, c: 'other' },
      {
        t: 'frontend bundle fails to boot after the release, users stare at the loading logo {adv}',
        s: 4,
        c: 'deployment',
      },
      { t: 'javascript error on {svc} {adv}, page unusable', s: 3, c: 'other' },
      { t: 'dashboard takes {n}s to render {adv}', s: 2, c: 'performance' },
      { t: "safari users can't use {svc} {adv}", s: 3, c: 'other' },
      { t: 'chrome shows a broken layout on {svc} {adv}', s: 2, c: 'other', max: 'medium' },
      { t: "firefox: buttons on {svc} don't respond {adv}", s: 3, c: 'other' },
      { t: 'react error boundary on {svc} {adv}', s: 3, c: 'other', np: true },
      { t: "half the css didn't ship with the release, pages look broken {adv}", s: 4, c: 'deployment' },
      { t: 'browser tab freezes on {svc} {adv}', s: 2, c: 'performance' },
      { t: 'web app crashes when opening {svc} {adv}', s: 3, c: 'other' },
      { t: 'css nit: misaligned icons on {svc}', s: 1, c: 'other' },
      { t: 'request: remember the dashboard filters between visits', s: 1, c: 'other' },
      { t: 'layout tweak for the header on {svc}', s: 1, c: 'other' },
      { t: 'the breadcrumb on {svc} shows an ID instead of the name', s: 1, c: 'other' },
      { t: 'screen readers announce the icons on {svc} as "button button"', s: 1, c: 'other' },
      { t: 'could {svc} keep the scroll position after closing a modal?', s: 1, c: 'other' },
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
        t: "totals in {svc} don't match the billing system, {midpct}% gap",
        s: 3,
        c: 'data',
        fixedScope: 'large',
      },
      {
        t: 'the events processor falls further behind every minute, {n}M messages waiting',
        s: 3,
        c: 'data',
        fixedScope: 'global',
      },
      { t: 'customer-facing charts show a flat line for the last few hours {adv}', s: 3, c: 'data' },
      {
        t: 'the spreadsheet export is missing the last day of each month {adv}',
        s: 2,
        c: 'data',
        max: 'medium',
      },
      { t: '{svc} takes {hrs}h now instead of 1h', s: 2, c: 'performance', fixedScope: 'some' },
      { t: 'a rerun of the monthly job deleted the previous months of rollups {adv}', s: 4, c: 'data' },
      {
        t: 'the vendor share contains unmasked phone numbers of all customers',
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
        nw: true,
      },
      { t: "scheduled reports we send customers show last month's numbers {adv}", s: 3, c: 'data' },
      {
        t: 'retention cohorts show users returning before they signed up',
        s: 2,
        c: 'data',
        fixedScope: 'some',
      },
      { t: 'event timestamps from 1970 are polluting the daily charts', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'die Zahlen in {svc} stimmen seit gestern nicht {adv}', s: 2, c: 'data', max: 'medium' },
      { t: 'request: expose the trial start date in the accounts model', s: 1, c: 'data' },
      {
        t: 'question: can we delete event data older than 3 years, or does finance need it?',
        s: 1,
        c: 'data',
      },
      { t: 'can we rename the metric "DAU2" to something readable?', s: 1, c: 'data' },
      { t: 'airflow task for {svc} stuck in up_for_retry {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'etl job failed, warehouse tables stale {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'kafka consumer group for {svc} stuck rebalancing {when}', s: 3, c: 'data', fixedScope: 'global' },
      {
        t: 'dbt model fct_revenue errors on a type cast, finance reports stale',
        s: 3,
        c: 'data',
        fixedScope: 'large',
      },
      {
        t: 'snowflake queries timing out {when}, BI unusable for the analysts',
        s: 2,
        c: 'performance',
        fixedScope: 'large',
      },
      {
        t: 'bigquery slot usage maxed out during business hours',
        s: 2,
        c: 'data',
        fixedScope: 'some',
        nw: true,
      },
      { t: 'data export for customers returns empty files {adv}', s: 3, c: 'data' },
      { t: 'analytics events dropped {adv} {when}', s: 3, c: 'data' },
      { t: 'spark job OOM, {svc} not updated {when}', s: 2, c: 'data', fixedScope: 'some' },
      {
        t: 'ingestion stopped {when}, no new events landing for any customer',
        s: 4,
        c: 'data',
        fixedScope: 'global',
      },
      { t: 'looker dashboards show stale data {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'batch job for {svc} failed {when}', s: 2, c: 'data', fixedScope: 'some' },
      { t: 'request: looker access for the new PM', s: 1, c: 'data' },
      { t: 'add a column to the warehouse accounts table please', s: 1, c: 'data' },
      { t: 'the airflow UI is slow', s: 1, c: 'data' },
      { t: 'can {svc} also break numbers down by plan tier?', s: 1, c: 'data' },
      { t: 'the description of {svc} in the data catalog is outdated', s: 1, c: 'data' },
      { t: 'question: which timezone does {svc} use for day boundaries?', s: 1, c: 'data' },
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
        '"colour"',
        '"e-mail template"',
        'SKUs containing a slash',
        '"naïve"',
        "names like O'Brien",
        'hyphenated surnames',
      ],
    },
    sym: [
      { t: '{svc} comes back empty whatever you type {adv}', s: 4, c: 'other' },
      { t: 'items edited today still show their old titles in {svc} {adv}', s: 3, c: 'other' },
      { t: '{svc} hangs for several seconds after each keystroke {adv}', s: 2, c: 'performance' },
      {
        t: '{svc} finds nothing for {term}, though the items clearly exist',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: "{svc} shows snippets from other teams' confidential tickets to people outside those teams",
        s: 4,
        c: 'security',
        fixedScope: 'some',
        min: 'critical',
      },
      { t: 'exact matches in {svc} rank below loosely related items {adv}', s: 2, c: 'other' },
      {
        t: 'archived items keep showing up in {svc} even with the filter off',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      {
        t: 'the status filter in {svc} drops items that have two labels',
        s: 2,
        c: 'other',
        fixedScope: 'some',
      },
      { t: 'lookups in {svc} error out with "internal error" {adv}', s: 3, c: 'other', fixedScope: 'large' },
      {
        t: 'suggestions in {svc} lag a few characters behind the typing {adv}',
        s: 2,
        c: 'other',
        max: 'medium',
      },
      {
        t: 'the nightly rebuild swapped in a half-built catalog, those customers see a fraction of their items',
        s: 4,
        c: 'data',
        fixedScope: 'large',
      },
      { t: 'la recherche dans {svc} ne trouve plus les nouveaux documents {adv}', s: 3, c: 'other' },
      { t: 'request: search across archived projects too', s: 1, c: 'other' },
      { t: 'the result preview in {svc} cuts off mid-word', s: 1, c: 'other' },
      { t: 'request: show the project name next to each hit in {svc}', s: 1, c: 'other' },
      { t: 'search responds with empty hit lists {adv}', s: 4, c: 'other' },
      { t: 'elasticsearch cluster yellow, search slow {adv}', s: 2, c: 'performance' },
      { t: 'autocomplete suggests misspelled terms {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'search relevance bad {adv} after the analyzer change', s: 2, c: 'other' },
      { t: 'reindex job failed, new docs not searchable {when}', s: 3, c: 'other', fixedScope: 'global' },
      { t: 'opensearch nodes out of heap, search erroring {adv}', s: 4, c: 'other' },
      { t: 'facet counts wrong in search {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'typeahead slow ({n}00ms) {adv}', s: 2, c: 'performance', max: 'medium' },
      { t: 'search ranking puts archived items first {adv}', s: 2, c: 'other' },
      { t: 'synonym update made "car" match "card" in search {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'request: search by tag', s: 1, c: 'other' },
      { t: 'can we rank recently updated docs higher in search?', s: 1, c: 'other' },
      { t: 'typo in the search placeholder', s: 1, c: 'other' },
      { t: 'the "did you mean" hint in {svc} appears even for exact matches', s: 1, c: 'other' },
      { t: 'request: filter by author in {svc}', s: 1, c: 'other' },
      { t: 'question: is there a minus operator in {svc} to exclude a word?', s: 1, c: 'other' },
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
      {
        t: 'the outgoing mail workers sit idle and nothing leaves the queue {when}, {svc} included',
        s: 4,
        c: 'other',
        fixedScope: 'global',
      },
      { t: '{who} not receiving {svc}', s: 3, c: 'other' },
      { t: 'one-time codes by text take ages to arrive {adv}', s: 3, c: 'other' },
      { t: 'alerts on phones are silent, no sound and no banner {adv}', s: 3, c: 'other' },
      { t: 'mail to {domain} is rejected or lands in spam {when}', s: 3, c: 'other', fixedScope: 'large' },
      { t: '{who} got each alert twice, once per device', s: 2, c: 'other', max: 'medium' },
      { t: '{svc} delayed by about {n} min {adv}', s: 2, c: 'other' },
      {
        t: 'people who opted out still receive {svc}, compliance issue',
        s: 3,
        c: 'other',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      { t: 'webhook calls to customer systems time out on our side and get retried {adv}', s: 2, c: 'other' },
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
      { t: 'the logo in {svc} is the pre-rebrand one', s: 1, c: 'other' },
      { t: 'request: a per-project mute option', s: 1, c: 'other' },
      {
        t: "question: do we sign our outgoing mail with our own domain or the provider's?",
        s: 1,
        c: 'other',
      },
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
        nw: true,
      },
      { t: 'digest email sent at the wrong time {adv}', s: 2, c: 'other', max: 'medium' },
      { t: 'bounce rate jumped to {rate}% on the mailgun side', s: 2, c: 'other', fixedScope: 'some' },
      {
        t: 'unsubscribe link broken in our emails',
        s: 3,
        c: 'other',
        fixedScope: 'some',
        min: 'high',
        nw: true,
      },
      { t: 'fcm push failing for android devices {adv}', s: 3, c: 'other' },
      { t: 'request: new email template for the weekly report', s: 1, c: 'other' },
      { t: 'change the sms sender name to ARGUS', s: 1, c: 'other' },
      { t: 'the notification sound on desktop is too loud', s: 1, c: 'other' },
      { t: 'the reply-to address on {svc} goes to an unmonitored mailbox', s: 1, c: 'other' },
      { t: '{svc} render with huge images in Apple Mail dark mode', s: 1, c: 'other' },
      { t: 'request: let admins set quiet hours for {svc}', s: 1, c: 'other' },
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
    if (k === 'hrs') return String(int(3, 9));
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
  const sym = weighted(team.sym.map((x) => [x, SEVERITY_WEIGHT[x.s]]));
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
  if (sym.s > 1 && !sym.nw && !sym.t.includes('{when}') && chance(0.4)) text += `, ${pick(WHEN)}`;
  if (sym.s > 1 && sym.c !== 'security' && chance(0.4)) {
    let evs = team.ev;
    if (team.evAndroid && /android|pixel|galaxy|redmi|oneplus|moto|play store/i.test(text))
      evs = team.evAndroid;
    else if (team.evIos && /ios|iphone|ipad|testflight|app store/i.test(text)) evs = team.evIos;
    const ev = fill(pick(evs), team, {});
    text += ev.includes('\n') || chance(0.5) ? `\n${ev}` : ` — ${ev}`;
  }
  const userPhrased = !keywordsOf[teamId].some((k) => text.toLowerCase().includes(k));
  let opener;
  let closer;
  if (sym.s === 1) {
    opener = pick(OPENERS.request);
    closer = pick(CLOSERS.request);
  } else {
    const urgent = priority === 'critical' ? 'critical' : priority === 'high' && chance(0.3) ? 'high' : null;
    opener = pick(OPENERS.any);
    closer = pick(CLOSERS.any);
    if (userPhrased && chance(0.3)) opener = pick(OPENERS.user);
    if (userPhrased && chance(0.2)) closer = pick(CLOSERS.user);
    if (urgent && chance(0.5)) opener = pick(OPENERS[urgent]);
    if (urgent && chance(0.3)) closer = pick(CLOSERS[urgent]);
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
