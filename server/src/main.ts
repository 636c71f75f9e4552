import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { createEventBus, type EventBus } from './events/event-bus.js';
import { createInvestigatorClient } from './integrations/investigator/investigator.client.js';
import { createLlmClient } from './integrations/llm/openai-compatible.client.js';
import { createOidcSignIn } from './integrations/oidc/oidc.client.js';
import { createSlackSocketConnection } from './integrations/slack/slack-socket-mode.js';
import { createSlackWebClient } from './integrations/slack/slack-web.client.js';
import { createJobRunner, type JobDefinition, type JobRunner } from './jobs/job-queue.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createLogger } from './logger.js';
import { authJobs, createAuthService, deleteSessionsOfUser } from './modules/auth/index.js';
import { createDemoSeeder, DEMO_SEED_JOB, demoJobs } from './modules/demo/index.js';
import {
  createIssueService,
  formatIssueKey,
  type IssueFollowUps,
  issueJobs,
} from './modules/issues/index.js';
import { createPlainLanguageSummarizer } from './modules/notify/index.js';
import { createMetrics } from './modules/ops/index.js';
import {
  createChecklistInvestigator,
  createExternalInvestigator,
  createLlmInvestigator,
  createRcaService,
  type Investigator,
  type RcaService,
  rcaJobs,
} from './modules/rca/index.js';
import { createReportService } from './modules/reports/index.js';
import {
  createSlackIntake,
  createSlackService,
  createSlackStatusReader,
  type SlackService,
  slackJobs,
} from './modules/slack/index.js';
import { createTeamService } from './modules/teams/index.js';
import {
  createAiStatusReader,
  createSimilarIssueFinder,
  createTriageService,
  type TriageService,
  triageJobs,
} from './modules/triage/index.js';
import { createUserService } from './modules/users/index.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface ArgusOptions {
  logger?: Logger;
  clock?: Clock;
  /** Run job handlers in this process (default true); the queue itself always starts, so enqueues work. */
  runJobs?: boolean | { only: readonly string[] };
}

/** One assembled Argus process: everything opened, migrated and wired, not yet listening. */
export interface Argus {
  config: Config;
  app: FastifyInstance;
  database: Database;
  events: EventBus;
  jobs: JobRunner;
  services: ReturnType<typeof createServices>;
  logger: Logger;
  close(): Promise<void>;
}

function createServices(
  config: Config,
  database: Database,
  events: EventBus,
  jobs: JobRunner,
  clock: Clock,
  metrics: Pick<ReturnType<typeof createMetrics>, 'timings' | 'intelligence' | 'slackDeliveryFailed'>,
) {
  const db = database.db;
  const llm = config.llm ? createLlmClient(config.llm) : undefined;
  const investigatorClient = config.investigator ? createInvestigatorClient(config.investigator) : undefined;
  // Triage and analysis follow issue changes inside their transactions; they are built after the issue service
  // they need, so the follow-ups reach them once assembled.
  let triage: TriageService | undefined;
  let rca: RcaService | undefined;
  let slack: SlackService | undefined;
  const followUps: IssueFollowUps = {
    issueCreated: async (tx, issue) => triage?.enqueueTriage(tx, issue.id),
    analysisWanted: async (tx, issueId) => {
      await rca?.enqueueAnalysis(tx, issueId);
    },
    triaged: async (tx, issue) => slack?.oweThreadCard(tx, issue),
    changed: async (tx, issue, history) => slack?.oweChangeNotifications(tx, issue, history),
    committed: () => {
      triage?.wakeTriage();
      rca?.wakeAnalysis();
      slack?.wakeDelivery();
    },
  };
  const auth = createAuthService({
    db,
    clock,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    credentialCacheSeconds: config.AUTH_CACHE_SECONDS,
    sso: { allowedEmailDomain: config.ALLOWED_EMAIL_DOMAIN, adminEmails: config.ADMIN_EMAILS },
  });
  const issues = createIssueService({
    db,
    clock,
    events,
    jobs,
    issueKeyPrefix: config.ISSUE_KEY_PREFIX,
    timings: metrics.timings,
    followUps,
  });
  const keyOf = (number: number) => formatIssueKey(config.ISSUE_KEY_PREFIX, number);
  const findSimilarIssues = createSimilarIssueFinder({ db, keyOf });
  triage = createTriageService({
    db,
    clock,
    jobs,
    issues,
    categories: config.TRIAGE_CATEGORIES,
    ...(llm ? { llm } : {}),
    observe: metrics.intelligence,
  });
  const investigators: Investigator[] = [
    ...(investigatorClient && config.investigator
      ? [createExternalInvestigator(investigatorClient, config.investigator.url)]
      : []),
    ...(llm ? [createLlmInvestigator(llm)] : []),
    createChecklistInvestigator(),
  ];
  rca = createRcaService({
    db,
    clock,
    events,
    jobs,
    issues,
    findSimilarIssues: (issueId) => findSimilarIssues(issueId),
    investigators,
    issueKeyPrefix: config.ISSUE_KEY_PREFIX,
    observe: metrics.intelligence,
  });
  const readAiStatus = createAiStatusReader({
    triage,
    categories: config.TRIAGE_CATEGORIES,
    ...(llm ? { llm } : {}),
    ...(investigatorClient ? { investigator: investigatorClient } : {}),
    investigatorTimeoutSeconds: config.INVESTIGATOR_TIMEOUT_SECONDS,
  });
  const summarizeForPeople = createPlainLanguageSummarizer(llm ? { llm } : {});
  // Roles decide permissions: a change to people or memberships must not wait for cached sign-ins to expire.
  const onAccessChanged = () => auth.forgetCachedCredentials();
  const teams = createTeamService({ db, clock, jobs, onAccessChanged });
  const users = createUserService({
    db,
    clock,
    revokeSessions: (userId) => deleteSessionsOfUser(db, userId),
    onAccessChanged,
  });
  slack = config.slack
    ? createSlackService({
        db,
        clock,
        jobs,
        issues,
        users,
        slack: createSlackWebClient(config.slack),
        keyOf,
        publicUrl: config.PUBLIC_URL,
        loadActor: (userId) => auth.loadActor(userId),
        isThreadSyncOn: async (teamId) => (await teams.getTeam(teamId)).team.slackThreadSync,
        onDeliveryFailed: metrics.slackDeliveryFailed,
        summarizeResolution: async (issue, reason) =>
          (
            await summarizeForPeople({
              moment: 'resolved',
              key: keyOf(issue.number),
              title: issue.title,
              priority: issue.priority,
              service: issue.service,
              team: issue.team?.name ?? null,
              reason,
              probableCause: issue.rca?.probableCause ?? null,
            })
          ).text,
      })
    : undefined;
  const reports = createReportService({ db, clock, issueKeyPrefix: config.ISSUE_KEY_PREFIX });
  const demo = createDemoSeeder({
    db,
    clock,
    events,
    jobs,
    issueKeyPrefix: config.ISSUE_KEY_PREFIX,
    issues,
    teams,
    users,
  });
  const slackStatus = createSlackStatusReader({ db, issues, apiUrl: config.slack?.apiUrl ?? null });
  return {
    slackStatus,
    auth,
    issues,
    teams,
    users,
    reports,
    demo,
    triage,
    rca,
    readAiStatus,
    findSimilarIssues,
    summarizeForPeople,
    slack,
  };
}

/**
 * With SLACK_APP_TOKEN, Slack's events, commands and clicks arrive over Socket Mode instead of HTTP. A connection
 * that cannot open is logged and Argus runs on (HTTP events still work when a signing secret is set).
 */
async function connectSlackSocketMode(config: Config, slack: SlackService | undefined, logger: Logger) {
  if (!config.slack?.appToken || !slack) return undefined;
  const intake = createSlackIntake(slack);
  const socket = createSlackSocketConnection({
    appToken: config.slack.appToken,
    apiUrl: config.slack.apiUrl,
    onEnvelope: async (type, body) => {
      const answer =
        type === 'events_api'
          ? await intake.receiveEnvelope(body)
          : type === 'slash_commands'
            ? await intake.runSlashCommand((body ?? {}) as Record<string, unknown>)
            : type === 'interactive'
              ? await intake.handleInteraction(body)
              : undefined;
      if (answer && !answer.ok)
        logger.warn({ type, problem: answer.message }, 'Slack sent something Argus cannot read');
      return answer?.ok ? answer.body : undefined;
    },
    onError: (error) => logger.warn({ err: error }, 'Slack Socket Mode envelope failed'),
  });
  try {
    await socket.start();
    logger.info('connected to Slack over Socket Mode');
    return socket;
  } catch (error) {
    logger.error({ err: error }, 'Slack Socket Mode could not connect; check SLACK_APP_TOKEN');
    await socket.stop().catch(() => undefined);
    return undefined;
  }
}

/** How long one analysis may run: the investigation service's limit plus the AI model's retried requests. */
function longestAnalysisSeconds(config: Config): number {
  const external = config.investigator?.timeoutSeconds ?? 0;
  const model = config.llm ? config.llm.timeoutSeconds * 4 * 2 : 0;
  return external + model + 120;
}

/**
 * Opens the database, applies migrations, starts the job queue and live events, and builds the app:
 * config → db → jobs → app. `close()` undoes it in reverse order.
 */
export async function createArgus(config: Config, options: ArgusOptions = {}): Promise<Argus> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const database = await openDatabase({
    target: config.database,
    schemaName: config.DB_SCHEMA,
    poolMax: config.DB_POOL_MAX,
    onError: (error) => logger.error({ err: error }, 'database connection error'),
  });
  try {
    const applied = await migrateDatabase(database);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    const events = createEventBus(database, (error) => logger.warn({ err: error }, 'live event dropped'));
    await events.start();
    const jobs = createJobRunner(database, logger);
    let services: ReturnType<typeof createServices> | undefined;
    const metrics = createMetrics({
      countOpenIssuesByLabels: () => services!.reports.countOpenIssuesByLabels(),
      queueDepths: () => jobs.queueDepths(),
    });
    services = createServices(config, database, events, jobs, clock, metrics);
    const definitions: JobDefinition<never>[] = [
      ...issueJobs({ issues: services.issues }),
      ...authJobs({ auth: services.auth }),
      ...demoJobs({ demo: services.demo }),
      ...triageJobs({ triage: services.triage, retrainCron: config.TRIAGE_RETRAIN_CRON }),
      ...rcaJobs({ rca: services.rca, longestRunSeconds: longestAnalysisSeconds(config) }),
      ...(services.slack ? slackJobs({ slack: services.slack }) : []),
    ];
    const runJobs = options.runJobs ?? true;
    await jobs.start(definitions, {
      work: typeof runJobs === 'boolean' ? runJobs : (name) => runJobs.only.includes(name),
    });

    if (config.ARGUS_ADMIN_EMAIL && config.ARGUS_ADMIN_PASSWORD) {
      const created = await services.auth.ensureBootstrapAdmin({
        email: config.ARGUS_ADMIN_EMAIL,
        password: config.ARGUS_ADMIN_PASSWORD,
        name: config.ARGUS_ADMIN_NAME,
      });
      if (created)
        logger.info({ email: config.ARGUS_ADMIN_EMAIL }, 'first admin created from ARGUS_ADMIN_EMAIL');
    }
    if (config.SEED_DEMO_DATA) await jobs.enqueue(DEMO_SEED_JOB, {}, { singletonKey: 'demo' });

    const app = await buildApp({
      config,
      logger,
      database,
      events,
      metrics,
      oidc: config.oidc ? createOidcSignIn(config.oidc) : undefined,
      services,
      version: VERSION,
    });
    await app.ready();
    const socket = await connectSlackSocketMode(config, services.slack, logger);
    let isClosed = false;
    return {
      config,
      app,
      database,
      events,
      jobs,
      services,
      logger,
      async close() {
        if (isClosed) return;
        isClosed = true;
        await socket?.stop().catch(() => undefined);
        await app.close();
        await jobs.stop(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
        await events.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Starts Argus and listens; SIGTERM/SIGINT finish in-flight requests and jobs, then exit. */
export async function startArgus(config: Config): Promise<Argus> {
  const argus = await createArgus(config);
  await argus.app.listen({ port: config.PORT, host: config.HOST });
  argus.logger.info(
    { url: config.PUBLIC_URL, database: argus.database.kind, schema: config.DB_SCHEMA, version: VERSION },
    `Argus is running on port ${config.PORT}`,
  );
  const shutdown = (signal: string) => {
    argus.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(
      () => {
        argus.logger.error('shutdown took too long; exiting');
        process.exit(1);
      },
      (config.SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000,
    );
    timer.unref();
    argus.close().then(
      () => {
        argus.logger.info('stopped: requests answered, jobs stopped, database closed');
        process.exit(0);
      },
      (error: unknown) => {
        argus.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return argus;
}
