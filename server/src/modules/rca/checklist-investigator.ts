import type { InvestigationContext, InvestigationFindings, Investigator } from './rca.types.js';

/** Concrete first steps per category: what an experienced on-call engineer checks first. */
const checklists: Record<string, readonly string[]> = {
  infrastructure: [
    'Check node and pod health: restarts, OOMKilled, evictions, pending pods (kubectl get pods -A | grep -v Running).',
    'Compare CPU, memory and disk saturation of the affected hosts with the previous day.',
    'Look for recent infrastructure changes: autoscaling events, node pool upgrades, Terraform applies.',
    'Confirm the cloud provider status page shows no regional incident.',
  ],
  database: [
    'Check connection counts against the pool and server limits; look for "too many connections".',
    'List long-running queries and lock waits (pg_stat_activity, pg_locks) and blocked sessions.',
    'Compare replication lag, disk usage and IOPS with their usual levels.',
    'Review schema migrations or index changes deployed since the problem began.',
  ],
  network: [
    'Test DNS resolution and TLS handshakes for the affected hostnames from two regions.',
    'Check load balancer target health and 5xx rates per target group.',
    'Look for CDN, firewall or security-group changes since the problem began.',
    'Compare latency and packet loss between zones with the previous day.',
  ],
  payments: [
    "Check the payment provider's status page and the error codes returned by its API.",
    'Compare the payment success rate per method and per country with the previous day.',
    'Look for webhook delivery failures or a growing backlog of unprocessed payment events.',
    'Verify that API keys or certificates for the provider have not expired or been rotated.',
  ],
  auth: [
    "Check the identity provider's status and the error rate of sign-in and token endpoints.",
    'Verify signing keys, certificates and client secrets have not expired or rotated.',
    'Look at session store health (e.g. Redis) and session lifetime settings changed recently.',
    'Try signing in with a test account through each method (password, SSO, MFA).',
  ],
  deployment: [
    'List the deployments since the problem began and compare their timing with the first error.',
    'Roll back the most recent suspicious deployment if the impact is ongoing.',
    'Check feature flags switched in the same window.',
    'Compare error logs of the new version with the previous one.',
  ],
  performance: [
    'Find which endpoint or job got slower: compare p50 and p99 latency per route with last week.',
    'Check saturation (CPU, memory, connection pools, queue depth) of the services on the slow path.',
    'Look for slow queries, cache hit-rate drops or a dependency that got slower.',
    'Check whether traffic grew or changed shape (a new client, a batch job, a bot).',
  ],
  security: [
    'Limit exposure first: revoke or rotate any credential that may be compromised.',
    'Collect the relevant access logs before they rotate; note source IPs and accounts involved.',
    'Check for unusual sign-ins, privilege changes and data exports in the audit log.',
    'Inform the security lead and follow the incident-response procedure.',
  ],
  data: [
    'Find the last successful run of the affected pipeline and the first failing one.',
    'Compare input row counts and schemas between those runs.',
    'Check upstream sources for late, missing or malformed data.',
    'Decide whether to re-run or backfill once the cause is fixed, and tell the data consumers.',
  ],
  'third-party': [
    "Check the vendor's status page and its API error codes.",
    'Measure the error rate and latency of calls to the vendor from our side.',
    'Enable the fallback or degrade gracefully if the vendor stays down.',
    "Open a ticket with the vendor's support, quoting request ids and times.",
  ],
};

const generalChecklist: readonly string[] = [
  'Establish the impact: who is affected, since when, and how badly.',
  'List changes (deployments, configuration, feature flags, infrastructure) in the hour before it began.',
  'Check error rates and latency of the service involved and of its dependencies.',
  'Read the logs around the first occurrence for the first error, not the loudest one.',
];

/** The checklist for a category (the general one for "other" or an unknown category). */
export function checklistFor(category: string | null): readonly string[] {
  return (category && checklists[category]) || generalChecklist;
}

/** The last resort: always answers, with the concrete next steps for the issue's category. */
export function createChecklistInvestigator(): Investigator {
  return {
    kind: 'checklist',
    async investigate(context: InvestigationContext, report): Promise<InvestigationFindings> {
      const steps = checklistFor(context.issue.category);
      const category = context.issue.category ?? 'general';
      await report({ kind: 'progress', message: `Chose the ${category} investigation checklist.` });
      const fixes = context.similarIssues.filter((issue) => issue.resolutionReason);
      const evidence = fixes
        .slice(0, 3)
        .map((issue) => `${issue.key} "${issue.title}" was fixed by: ${issue.resolutionReason}`);
      if (fixes.length > 0)
        await report({
          kind: 'finding',
          message: `${fixes.length} similar past issue${fixes.length === 1 ? ' was' : 's were'} fixed before; see evidence.`,
        });
      return {
        summary: `No automatic analysis is available, so here is the ${category} checklist to work through.`,
        probableCause: fixes[0]
          ? `Unknown yet; the closest past issue, ${fixes[0].key}, was fixed by: ${fixes[0].resolutionReason}`
          : 'Unknown yet: work through the checklist.',
        evidence,
        nextSteps: [...steps],
        actionable: true,
        confidence: 0,
      };
    },
  };
}
