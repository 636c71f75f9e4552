import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { IssueTimingObserver } from '../issues/index.js';

export interface MetricsSources {
  countOpenIssuesByLabels(): Promise<{ priority: string; status: string; team: string; count: number }[]>;
  queueDepths(): Promise<Record<string, number>>;
}

export interface Metrics {
  registry: Registry;
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  timings: IssueTimingObserver;
  liveStreams: Gauge;
  /** A message to Slack could not be sent (it will be retried unless Slack refused it for good). */
  slackDeliveryFailed(kind: string): void;
  intelligence: {
    /** One triage finished, by the path that answered. */
    triaged(source: string, seconds: number): void;
    /** One investigator of a root-cause analysis finished, completed or failed. */
    investigated(investigator: string, outcome: string): void;
  };
}

// Response times span seconds (a pager answered) to days (a low-priority fix).
const RESPONSE_BUCKETS_SECONDS = [
  60,
  300,
  900,
  1800,
  3600,
  4 * 3600,
  12 * 3600,
  86_400,
  3 * 86_400,
  7 * 86_400,
];

/** The Prometheus registry of one process; database-backed gauges are read at scrape time. */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'argus_' });

  const requestDuration = new Histogram({
    name: 'argus_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const mtta = new Histogram({
    name: 'argus_issue_time_to_acknowledge_seconds',
    help: 'Time from creation to first acknowledgement (MTTA)',
    labelNames: ['priority'],
    buckets: RESPONSE_BUCKETS_SECONDS,
    registers: [registry],
  });
  const mttr = new Histogram({
    name: 'argus_issue_time_to_resolve_seconds',
    help: 'Time from creation to resolution (MTTR)',
    labelNames: ['priority'],
    buckets: RESPONSE_BUCKETS_SECONDS,
    registers: [registry],
  });
  new Gauge({
    name: 'argus_open_issues',
    help: 'Issues not resolved or closed, by priority, status and team',
    labelNames: ['priority', 'status', 'team'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await sources.countOpenIssuesByLabels()) {
        this.set({ priority: row.priority, status: row.status, team: row.team }, row.count);
      }
    },
  });
  new Gauge({
    name: 'argus_job_queue_depth',
    help: 'Jobs waiting in each queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, depth] of Object.entries(await sources.queueDepths())) this.set({ queue }, depth);
    },
  });
  const liveStreams = new Gauge({
    name: 'argus_live_event_streams',
    help: 'Open live event streams (SSE)',
    registers: [registry],
  });
  const triageDuration = new Histogram({
    name: 'argus_triage_duration_seconds',
    help: 'Time one triage took, by the path that answered (llm, local, rules)',
    labelNames: ['source'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const investigations = new Counter({
    name: 'argus_rca_investigations_total',
    help: 'Investigators tried in root-cause analyses, by investigator and outcome',
    labelNames: ['investigator', 'outcome'],
    registers: [registry],
  });
  const slackFailures = new Counter({
    name: 'argus_slack_delivery_failures_total',
    help: 'Failed attempts to send a message to Slack, by kind of message',
    labelNames: ['kind'],
    registers: [registry],
  });
  new Counter({
    name: 'argus_build_info',
    help: 'Always 1; labels carry the version',
    labelNames: ['version'],
    registers: [registry],
  }).inc({
    version: process.env.npm_package_version ?? '0.1.0',
  });

  return {
    registry,
    liveStreams,
    observeRequest(method, route, statusCode, seconds) {
      requestDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
    },
    slackDeliveryFailed: (kind) => slackFailures.inc({ kind }),
    intelligence: {
      triaged: (source, seconds) => triageDuration.observe({ source }, seconds),
      investigated: (investigator, outcome) => investigations.inc({ investigator, outcome }),
    },
    timings: {
      acknowledged: (seconds, priority) => mtta.observe({ priority }, seconds),
      resolved: (seconds, priority) => mttr.observe({ priority }, seconds),
    },
  };
}
