import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { EventBus } from './events/event-bus.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerWebApp } from './http/web-app.js';
import type { OidcSignIn } from './modules/auth/index.js';
import { type AuthService, registerAuthRoutes } from './modules/auth/index.js';
import { type IssueService, registerIssueRoutes } from './modules/issues/index.js';
import { type Metrics, registerOpsRoutes } from './modules/ops/index.js';
import { type RcaService, registerRcaRoutes } from './modules/rca/index.js';
import { type ReportService, registerReportRoutes } from './modules/reports/index.js';
import { registerSlackRoutes, type SlackService, type SlackStatusReader } from './modules/slack/index.js';
import { registerTeamRoutes, type TeamService } from './modules/teams/index.js';
import {
  type createAiStatusReader,
  type createSimilarIssueFinder,
  registerTriageRoutes,
  type TriageService,
} from './modules/triage/index.js';
import { registerUserRoutes, type UserService } from './modules/users/index.js';

export interface AppDeps {
  config: Pick<
    Config,
    | 'BODY_LIMIT_BYTES'
    | 'TRUST_PROXY'
    | 'ISSUE_KEY_PREFIX'
    | 'cookieSecure'
    | 'LOGIN_RATE_LIMIT_PER_MINUTE'
    | 'OIDC_DISPLAY_NAME'
    | 'PUBLIC_URL'
    | 'slack'
  >;
  logger: Logger;
  database: Database;
  events: EventBus;
  metrics: Metrics;
  oidc: OidcSignIn | undefined;
  services: {
    auth: AuthService;
    issues: IssueService;
    teams: TeamService;
    users: UserService;
    reports: ReportService;
    triage: TriageService;
    rca: RcaService;
    readAiStatus: ReturnType<typeof createAiStatusReader>;
    findSimilarIssues: ReturnType<typeof createSimilarIssueFinder>;
    slack: SlackService | undefined;
    slackStatus: SlackStatusReader;
  };
  version: string;
}

/** Builds the HTTP application: plugins, the error edge, authentication, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, services } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Argus API',
        version: deps.version,
        description: 'Issues, teams, people and live events of Argus.',
      },
      servers: [{ url: config.PUBLIC_URL }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A login token (POST /api/auth/login) or an API token',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'argus_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  registerAuthentication(app, services.auth);
  registerAuthRoutes(app, {
    db: deps.database.db,
    auth: services.auth,
    oidc: deps.oidc,
    oidcDisplayName: config.OIDC_DISPLAY_NAME,
    cookieSecure: config.cookieSecure,
    loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
  });
  registerIssueRoutes(app, { issues: services.issues, issueKeyPrefix: config.ISSUE_KEY_PREFIX });
  registerTeamRoutes(app, { teams: services.teams });
  registerUserRoutes(app, { users: services.users });
  registerReportRoutes(app, { reports: services.reports });
  registerTriageRoutes(app, {
    triage: services.triage,
    readAiStatus: services.readAiStatus,
    findSimilarIssues: services.findSimilarIssues,
    issues: services.issues,
  });
  registerRcaRoutes(app, { rca: services.rca });
  registerSlackRoutes(app, {
    slack: services.slack,
    signingSecret: config.slack?.signingSecret,
    status: services.slackStatus,
  });
  registerOpsRoutes(app, {
    database: deps.database,
    events: deps.events,
    metrics: deps.metrics,
    version: deps.version,
  });
  await registerWebApp(app);
  return app;
}
