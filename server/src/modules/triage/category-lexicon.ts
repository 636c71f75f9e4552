import {
  compilePhraseSet,
  findPhraseMatches,
  type IssueToken,
  matchedText,
  type PhraseSet,
} from './text-features.js';

/** The categories an organisation starts with; admins may rename, remove or add. */
export const defaultTriageCategories: readonly string[] = [
  'infrastructure',
  'database',
  'network',
  'payments',
  'auth',
  'deployment',
  'performance',
  'security',
  'data',
  'third-party',
  'other',
];

/** The fallback category when nothing matched: 'other' when the organisation has it, else its first category. */
export function fallbackCategory(categories: readonly string[]): string {
  return categories.includes('other') ? 'other' : (categories[0] ?? 'other');
}

/** Built-in words for each default category; a category not listed here is matched by its own name. */
export const categoryKeywords: Readonly<Record<string, readonly string[]>> = {
  infrastructure: split(
    'server, servers, host, hosts, node, nodes, kubernetes, k8s, kubectl, kubelet, pod, pods, cluster, container, ' +
      'docker, vm, instance, instances, disk, disk space, cpu, memory, oom, oomkilled, evicted, ec2, ami, terraform, ' +
      'autoscaling, autoscaler, capacity, helm, volume, infra, infrastructure, namespace, daemonset, crashloopbackoff, ' +
      'kernel, cron, cronjob, scheduler, worker, workers, queue, rabbitmq, sqs, storage, bucket, s3, quota, ' +
      'cloud account, region, availability zone, restart, restarting, replicas, image, registry',
  ),
  database: split(
    'database, databases, db, postgres, postgresql, mysql, mariadb, sql, query, queries, replica, replication, ' +
      'replication lag, deadlock, lock, locks, migration, migrations, index, table, tables, row, rows, column, ' +
      'redis, mongo, mongodb, dynamodb, rds, aurora, connection pool, pgbouncer, vacuum, autovacuum, schema, ' +
      'primary, failover, transaction, backup, backups, restore, snapshot, pg dump, materialized view, orm, ' +
      'foreign key, constraint, sequence, cache, tablespace, bloat',
  ),
  network: split(
    'dns, cdn, load balancer, ssl, tls, certificate, cert, firewall, vpn, packet loss, 502, 504, gateway, nginx, ' +
      'envoy, ingress, egress, proxy, network, connectivity, cloudflare, ip, ipv4, ipv6, routing, route, bgp, nat, ' +
      'subnet, vpc, peering, econnrefused, econnreset, etimedout, unreachable, handshake, latency, bandwidth, mtu, ' +
      'hostname, resolver, nxdomain, websocket, http2, port, ports, socket, cors',
  ),
  payments: split(
    'payment, payments, checkout, stripe, braintree, adyen, paypal, invoice, invoices, refund, refunds, billing, ' +
      'charge, charged, card, cards, credit card, subscription, subscriptions, payout, payouts, tax, vat, receipt, ' +
      'pricing, price, plan, upgrade, downgrade, chargeback, dispute, purchase, order, orders, coupon, discount, ' +
      'currency, renewal, trial, cart, wallet, bank, ach, sepa',
  ),
  auth: split(
    'login, log in, logged out, sign in, signin, sign up, signup, sso, oauth, saml, oidc, ldap, password, reset ' +
      'password, mfa, 2fa, otp, session, sessions, token, tokens, jwt, cookie, authentication, authorization, ' +
      'permission, permissions, role, roles, rbac, okta, auth0, keycloak, azure ad, locked out, credentials, ' +
      'identity provider, idp, scim, account, accounts, username, invite, invitation, magic link',
  ),
  deployment: split(
    'deploy, deployed, deploys, deployment, release, released, rollback, roll back, ci, cd, build, builds, canary, ' +
      'feature flag, rollout, rolled out, github actions, jenkins, argo, argocd, gitlab, pipeline failed, merge, ' +
      'hotfix, version, artifact, docker image, helm chart, blue green, staging, promote, config change, ' +
      'migration job, runner, flaky test, tests failing',
  ),
  performance: split(
    'slow, slower, slowness, latency, p99, p95, p50, timeout, timeouts, sluggish, lag, laggy, memory leak, ' +
      'throughput, load time, hang, hangs, freeze, freezes, performance, degraded, spinner, takes forever, ' +
      'seconds to load, response time, high cpu, cpu usage, n+1, cold start, backlog, queue depth, saturation',
  ),
  security: split(
    'security, vulnerability, vulnerabilities, cve, breach, leak, leaked, exposed, public, xss, csrf, injection, ' +
      'sql injection, phishing, malware, ransomware, attack, attacker, ddos, brute force, suspicious, unauthorized, ' +
      'compromised, secret, secrets, api key, pentest, audit, compliance, gdpr, pii, encryption, plaintext, ' +
      'privilege, escalation, waf, bot, bots, fraud, scanner',
  ),
  data: split(
    'etl, pipeline, pipelines, warehouse, snowflake, bigquery, redshift, dbt, kafka, spark, flink, analytics, ' +
      'report, reports, reporting, export, exports, import, csv, duplicate records, duplicates, missing data, ' +
      'sync, ingestion, backfill, data, dataset, airflow, dag, looker, metabase, tableau, dashboard numbers, ' +
      'metrics, events, event stream, cohort, a/b test, experiment, partition, parquet, schema drift, ' +
      'stale data, numbers wrong, totals',
  ),
  'third-party': split(
    'vendor, third party, provider, upstream, twilio, sendgrid, mailgun, aws, gcp, azure, github, statuspage, ' +
      'integration, integrations, partner, external, api provider, their side, saas, webhook, webhooks, ' +
      'rate limit, rate limited, api quota, status page, outage on their side, sla',
  ),
  other: [],
};

function split(list: string): string[] {
  return list.split(',').map((phrase) => phrase.trim());
}

/** The compiled phrases of every configured category, in the order given. */
export interface CategoryMatcher {
  categories: readonly string[];
  phrases: PhraseSet;
  phraseCategory: readonly number[];
  phraseText: readonly string[];
}

/** Compiles the keywords of the configured categories; an unknown category's keywords are its own name's words. */
export function compileCategoryMatcher(categories: readonly string[]): CategoryMatcher {
  const phraseCategory: number[] = [];
  const phraseText: string[] = [];
  categories.forEach((category, index) => {
    const own = categoryKeywords[category] ?? [category.replace(/[-_]+/g, ' ')];
    for (const phrase of own) {
      phraseCategory.push(index);
      phraseText.push(phrase);
    }
  });
  return { categories, phrases: compilePhraseSet(phraseText), phraseCategory, phraseText };
}

/** Evidence for each category (distinct places its keywords matched) and the words of the text that did. */
export interface CategoryEvidence {
  scores: Float64Array;
  hits: string[][];
}

/**
 * Scores a text against each configured category's keywords: 1 per place a keyword of the category matched (a
 * keyword repeated later adds nothing more). All zeros when nothing matched.
 */
export function scoreCategories(tokens: readonly IssueToken[], matcher: CategoryMatcher): CategoryEvidence {
  const scores = new Float64Array(matcher.categories.length);
  const hits: string[][] = matcher.categories.map(() => []);
  const seenPhrases = new Set<number>();
  const seenPlaces = new Set<string>();
  for (const match of findPhraseMatches(tokens, matcher.phrases)) {
    const category = matcher.phraseCategory[match.phraseIndex]!;
    const place = `${category}:${match.start}`;
    if (seenPhrases.has(match.phraseIndex) || seenPlaces.has(place)) continue;
    seenPhrases.add(match.phraseIndex);
    seenPlaces.add(place);
    scores[category]! += 1;
    hits[category]!.push(matchedText(tokens, match));
  }
  return { scores, hits };
}
