import type { IssuePriority } from '@argus/contracts';

/** Demo teams: names, channels and routing keywords that look like a real engineering org. */
export const demoTeams = [
  {
    name: 'Platform',
    slackChannel: '#platform-oncall',
    routingKeywords: ['kubernetes', 'redis', 'dns', 'load balancer', 'deploy'],
  },
  {
    name: 'Payments',
    slackChannel: '#payments-oncall',
    routingKeywords: ['checkout', 'stripe', 'invoice', 'refund', 'billing'],
  },
  {
    name: 'Mobile',
    slackChannel: '#mobile-team',
    routingKeywords: ['ios', 'android', 'push', 'app store', 'crash'],
  },
  {
    name: 'Data',
    slackChannel: '#data-eng',
    routingKeywords: ['etl', 'warehouse', 'kafka', 'airflow', 'report'],
  },
  {
    name: 'Security',
    slackChannel: '#security',
    routingKeywords: ['sso', 'certificate', 'vulnerability', 'access', 'phishing'],
  },
] as const;

export const demoPeople = [
  'Priya Raman',
  'Marcus Chen',
  'Sofia Alvarez',
  'Tomasz Nowak',
  'Amara Okafor',
  'Lena Fischer',
  'Diego Santos',
  'Hana Sato',
  'Oliver Brooks',
  'Fatima Zahra',
  'Noah Kim',
  'Elena Petrova',
  'Samuel Adeyemi',
  'Chloe Martin',
  'Ravi Iyer',
  'Julia Nowicka',
];

/** Issue templates per team; `{n}` becomes a small number so titles vary. */
export const demoIssueTitles: Record<string, string[]> = {
  Platform: [
    'Redis cluster latency above 200 ms on node {n}',
    'Deploy pipeline stuck at image push',
    'Kubernetes node pool {n} out of memory',
    'DNS resolution failures from eu-west',
    'Load balancer returning 502 for /api',
    'Disk usage at 92% on postgres-{n}',
  ],
  Payments: [
    'Checkout conversion dropped 30% in the last hour',
    'Stripe webhook signature failures',
    'Refunds stuck in pending for {n} customers',
    'Invoice PDF generation timing out',
    'Double charge reported by customer #{n}',
  ],
  Mobile: [
    'iOS app crashes on launch for version 5.{n}',
    'Android push notifications delayed by minutes',
    'Login button unresponsive on small screens',
    'App Store review rejected build {n}',
  ],
  Data: [
    'Nightly ETL job failed at step {n}',
    'Kafka consumer lag above 1M messages',
    'Revenue dashboard shows yesterday twice',
    'Airflow scheduler not picking up DAGs',
  ],
  Security: [
    'TLS certificate for api expires in {n} days',
    'Unusual login attempts from a new country',
    'SSO users cannot sign in to the wiki',
    'Dependency with a critical CVE in service {n}',
  ],
};

export const demoResolutions = [
  'Fixed in production',
  'Rolled back the last deploy',
  'Scaled the node pool and added an alert',
  'Transient — recovered on its own',
  'Duplicate of an existing issue',
  'Config change applied and verified',
  'Not an issue: expected behaviour',
];

export const demoComments = [
  'Looking into it now.',
  'Seeing the same on the staging dashboard.',
  'Root cause looks like a config drift after the last deploy.',
  'Customer impact is limited to a handful of accounts.',
  'Added a graph to the runbook.',
  'Paged the vendor, waiting for their answer.',
];

export const demoServices = [
  'api-gateway',
  'checkout',
  'auth',
  'search',
  'notifications',
  'billing',
  'ingest',
];

/** Priorities weighted towards the middle, as in real backlogs. */
export const demoPriorityWeights: [IssuePriority, number][] = [
  ['critical', 0.07],
  ['high', 0.23],
  ['medium', 0.45],
  ['low', 0.25],
];
