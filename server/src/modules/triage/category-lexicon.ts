import { type CompiledPhrase, compilePhrase, findPhraseMatches, type IssueToken } from './text-features.js';

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
    'server, host, node, kubernetes, k8s, kubectl, pod, cluster, container, docker, vm, instance, disk, cpu, ' +
      'memory, oom, oomkilled, ec2, terraform, autoscaling, capacity, helm, kubelet, volume, infra, infrastructure',
  ),
  database: split(
    'database, db, postgres, postgresql, mysql, sql, query, replica, replication, deadlock, migration, index, ' +
      'table, redis, mongo, mongodb, rds, connection pool, vacuum, schema, primary, failover',
  ),
  network: split(
    'dns, cdn, load balancer, ssl, tls, certificate, cert, firewall, vpn, packet loss, 502, 504, gateway, nginx, ' +
      'ingress, proxy, network, connectivity, cloudflare, ip, routing, econnrefused, econnreset, unreachable',
  ),
  payments: split(
    'payment, checkout, stripe, invoice, refund, billing, charge, card, subscription, paypal, payout, tax, ' +
      'receipt, pricing, chargeback, purchase',
  ),
  auth: split(
    'login, log in, sign in, signin, sso, oauth, saml, password, mfa, 2fa, session, token, authentication, ' +
      'permission, logged out, jwt, okta, locked out, credentials, authorization',
  ),
  deployment: split(
    'deploy, deployment, release, rollback, roll back, ci, cd, build, canary, feature flag, rollout, ' +
      'github actions, jenkins, argo, pipeline failed, merge, hotfix, version',
  ),
  performance: split(
    'slow, latency, p99, p95, timeout, sluggish, lag, memory leak, throughput, load time, hang, hangs, ' +
      'performance, degraded, spinner, takes forever, seconds to load',
  ),
  security: split(
    'security, vulnerability, cve, breach, leak, exposed, xss, csrf, injection, phishing, malware, ransomware, ' +
      'attack, ddos, brute force, suspicious, unauthorized, compromised, secret, pentest',
  ),
  data: split(
    'etl, pipeline, warehouse, snowflake, bigquery, dbt, kafka, spark, analytics, report, export, import, csv, ' +
      'duplicate records, missing data, sync, ingestion, backfill, data, airflow, looker',
  ),
  'third-party': split(
    'vendor, third party, provider, upstream, twilio, sendgrid, mailgun, aws, gcp, azure, github, statuspage, ' +
      'integration, partner, external, api provider, outage on their side',
  ),
  other: [],
};

function split(list: string): string[] {
  return list.split(',').map((phrase) => phrase.trim());
}

/** The compiled phrases of every configured category, in the order given. */
export interface CategoryMatcher {
  categories: readonly string[];
  phrases: readonly CompiledPhrase[];
  phraseCategory: readonly number[];
  phraseText: readonly string[];
}

/** Compiles the keywords of the configured categories; an unknown category's keywords are its own name's words. */
export function compileCategoryMatcher(categories: readonly string[]): CategoryMatcher {
  const phrases: CompiledPhrase[] = [];
  const phraseCategory: number[] = [];
  const phraseText: string[] = [];
  categories.forEach((category, index) => {
    const own = categoryKeywords[category] ?? [category.replace(/[-_]+/g, ' ')];
    for (const phrase of own) {
      phrases.push(compilePhrase(phrase));
      phraseCategory.push(index);
      phraseText.push(phrase);
    }
  });
  return { categories, phrases, phraseCategory, phraseText };
}

/** Evidence for each category (sum of distinct keyword hits, one per keyword) and the words that produced it. */
export interface CategoryEvidence {
  scores: Float64Array;
  hits: string[][];
}

/** Scores a text against each configured category's keywords; all zeros when nothing matched. */
export function scoreCategories(tokens: readonly IssueToken[], matcher: CategoryMatcher): CategoryEvidence {
  const scores = new Float64Array(matcher.categories.length);
  const hits: string[][] = matcher.categories.map(() => []);
  const seen = new Set<number>();
  for (const match of findPhraseMatches(tokens, matcher.phrases)) {
    if (seen.has(match.phraseIndex)) continue;
    seen.add(match.phraseIndex);
    const category = matcher.phraseCategory[match.phraseIndex]!;
    scores[category]! += 1;
    hits[category]!.push(matcher.phraseText[match.phraseIndex]!);
  }
  return { scores, hits };
}
