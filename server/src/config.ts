import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotEnv } from 'dotenv';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const emailList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: 'expected a comma-separated list of e-mail addresses' })));

const integer = (min: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(min, { message: `expected a whole number from ${min} to ${max}` })
    .max(max, { message: `expected a whole number from ${min} to ${max}` });

/** Every setting Argus reads, with its default; the README table is generated from these descriptions. */
export const configSchema = z.object({
  PORT: integer(0, 65535).default(8080).describe('HTTP port the server listens on'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on (127.0.0.1 for local only)'),
  PUBLIC_URL: z
    .url({ message: 'expected an absolute http(s) URL' })
    .default('http://localhost:8080')
    .describe('URL people use to reach Argus; used for sign-in redirects and secure cookies'),
  DATA_DIR: z.string().min(1).default('./data').describe('Where the embedded database keeps its files'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// connection URL' })
    .optional()
    .describe('PostgreSQL server to use instead of the embedded database'),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'expected a lower-case SQL identifier (a-z, 0-9, _)' })
    .default('argus')
    .describe('Schema that holds every Argus table and job, isolated with search_path'),
  DB_POOL_MAX: integer(1, 100)
    .default(8)
    .describe('Most connections to a PostgreSQL server (plus one for live events)'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log verbosity (JSON lines on stdout)'),
  ISSUE_KEY_PREFIX: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{0,9}$/, {
      message: 'expected 1-10 upper-case letters or digits, starting with a letter',
    })
    .default('ARG')
    .describe('Prefix of human issue keys, e.g. ARG-42'),
  ARGUS_ADMIN_EMAIL: z
    .email({ message: 'expected an e-mail address' })
    .optional()
    .describe('First admin, created at start when no user with this e-mail exists'),
  ARGUS_ADMIN_PASSWORD: z
    .string()
    .min(12, { message: 'expected at least 12 characters' })
    .optional()
    .describe('Password of the first admin (at least 12 characters)'),
  ARGUS_ADMIN_NAME: z.string().min(1).max(120).default('Admin').describe('Display name of the first admin'),
  SESSION_TTL_HOURS: integer(1, 24 * 90)
    .default(168)
    .describe('How long a sign-in lasts'),
  AUTH_CACHE_SECONDS: integer(0, 60)
    .default(2)
    .describe(
      'Seconds a checked sign-in is reused by one server (0 = check every request); revocations elsewhere apply within this time',
    ),
  EMBEDDED_DB_SHARED_BUFFERS_MB: integer(1, 4096)
    .default(16)
    .describe('Memory the embedded database caches pages in (PostgreSQL shared_buffers)'),
  LOGIN_RATE_LIMIT_PER_MINUTE: integer(1, 10_000)
    .default(10)
    .describe('Login attempts allowed per minute per client address'),
  TRUST_PROXY: booleanFromEnv.default(false).describe('Trust X-Forwarded-* headers (behind a reverse proxy)'),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024)
    .default(1024 * 1024)
    .describe('Largest accepted request body'),
  SHUTDOWN_TIMEOUT_SECONDS: integer(1, 600)
    .default(20)
    .describe('Grace period for in-flight requests and jobs on SIGTERM'),
  SEED_DEMO_DATA: booleanFromEnv
    .default(false)
    .describe('Fill an empty database with demo teams, people and issues at start'),
  OIDC_ISSUER: z
    .url({ message: 'expected the issuer URL' })
    .default('https://accounts.google.com')
    .describe('OpenID Connect issuer (Google by default)'),
  OIDC_CLIENT_ID: optionalText.describe('OpenID Connect client id; sign-in with SSO is on when set'),
  OIDC_CLIENT_SECRET: optionalText.describe('OpenID Connect client secret'),
  OIDC_REDIRECT_URI: z
    .url({ message: 'expected an absolute URL' })
    .optional()
    .describe('Callback registered at the provider (default PUBLIC_URL/api/auth/oidc/callback)'),
  OIDC_DISPLAY_NAME: z
    .string()
    .min(1)
    .max(40)
    .default('Google')
    .describe('Name on the "Sign in with …" button'),
  OIDC_ALLOW_HTTP: booleanFromEnv
    .default(false)
    .describe('Allow a plain-http issuer (local identity providers only)'),
  ALLOWED_EMAIL_DOMAIN: optionalText.describe('Only e-mail addresses of this domain may sign in with SSO'),
  ADMIN_EMAILS: emailList.describe('Comma-separated e-mails that become admins when they sign in with SSO'),
  AI_API_BASE: z
    .url({ message: 'expected the base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1' })
    .optional()
    .describe(
      'OpenAI-compatible API (OpenAI, vLLM, Ollama, llama.cpp, LiteLLM), e.g. http://localhost:11434/v1; AI triage and analysis are on when set',
    ),
  AI_API_KEY: optionalText.describe('API key sent as a bearer token (leave empty for local servers)'),
  AI_MODEL: z
    .string()
    .trim()
    .min(1)
    .default('gpt-4o')
    .describe('Model for root-cause analysis and summaries'),
  AI_FAST_MODEL: optionalText.describe('Model for triage (default AI_MODEL)'),
  AI_MAX_TOKENS: integer(64, 32_000)
    .default(1200)
    .describe('Longest answer requested from the model, in tokens'),
  AI_TIMEOUT_SECONDS: integer(1, 600)
    .default(30)
    .describe('How long one request to the AI service may take before it is retried'),
  INVESTIGATOR_URL: z
    .url({ message: 'expected an absolute http(s) URL' })
    .optional()
    .describe(
      'External investigation service tried first for root-cause analysis (docs/investigator-contract.md)',
    ),
  INVESTIGATOR_TOKEN: optionalText.describe('Bearer token sent to the investigation service'),
  INVESTIGATOR_TIMEOUT_SECONDS: integer(5, 7200)
    .default(600)
    .describe('How long an external investigation may take before the next investigator is tried'),
  TRIAGE_CATEGORIES: z
    .string()
    .default(
      'infrastructure,database,network,payments,auth,deployment,performance,security,data,third-party,other',
    )
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((category) => category.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[a-z0-9][a-z0-9 _-]{0,39}$/, { message: 'categories are short lower-case words' }),
        )
        .min(1, { message: 'expected at least one category' })
        .max(40, { message: 'expected at most 40 categories' }),
    )
    .describe('Comma-separated categories triage chooses from ("other" is added when missing)'),
  TRIAGE_RETRAIN_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, { message: 'expected a 5-field cron expression, e.g. 30 2 * * *' })
    .default('30 2 * * *')
    .describe(
      'When the local triage model relearns from history (UTC cron); admins can also retrain on demand',
    ),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, { message: 'expected a bot token starting with xoxb-' })
    .optional()
    .describe(
      'Bot token of the Argus Slack app (OAuth & Permissions); Slack is on when this and a signing secret or app token are set',
    ),
  SLACK_SIGNING_SECRET: optionalText.describe(
    'Signing secret of the Slack app (Basic Information); requests to /slack/* are checked against it',
  ),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, { message: 'expected an app-level token starting with xapp-' })
    .optional()
    .describe(
      'App-level token (connections:write) to receive Slack over Socket Mode instead of HTTP; no public URL needed',
    ),
  SLACK_API_URL: z
    .url({ message: 'expected an absolute http(s) URL' })
    .default('https://slack.com/api/')
    .describe("Base URL of Slack's Web API (change only to route calls through a proxy)"),
});

type ParsedConfig = z.infer<typeof configSchema>;

/** The validated, frozen settings of one Argus process. */
export type Config = Readonly<
  ParsedConfig & {
    database:
      | { kind: 'pglite'; dataDir: string; sharedBuffersMb?: number }
      | { kind: 'postgres'; url: string };
    oidc?: {
      issuer: string;
      clientId: string;
      clientSecret?: string;
      redirectUri: string;
      displayName: string;
      allowHttp: boolean;
    };
    cookieSecure: boolean;
    llm?: {
      baseUrl: string;
      apiKey?: string;
      model: string;
      fastModel: string;
      maxTokens: number;
      timeoutSeconds: number;
    };
    investigator?: { url: string; token?: string; timeoutSeconds: number };
    slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl: string };
  }
>;

/** Raised when the environment is invalid; its message lists every problem, one variable per clause. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` from `cwd` (when present) under the real environment, which wins. */
export function readEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotEnv(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

/** Validates the environment into a Config, or throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && !(env[key] === '' && key !== 'ADMIN_EMAILS'))
      .map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse(known);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got = env[name];
      return `${name} ${issue.message}${got === undefined ? '' : ` (got "${/PASSWORD|SECRET|API_KEY|TOKEN/.test(name) ? '***' : got}")`}`;
    });
    throw new ConfigError(problems);
  }
  const parsed = result.data;
  const problems: string[] = [];
  if (parsed.ARGUS_ADMIN_EMAIL && !parsed.ARGUS_ADMIN_PASSWORD) {
    problems.push('ARGUS_ADMIN_PASSWORD is required when ARGUS_ADMIN_EMAIL is set');
  }
  if (parsed.ARGUS_ADMIN_PASSWORD && !parsed.ARGUS_ADMIN_EMAIL) {
    problems.push('ARGUS_ADMIN_EMAIL is required when ARGUS_ADMIN_PASSWORD is set');
  }
  if (parsed.OIDC_ISSUER.startsWith('http:') && parsed.OIDC_CLIENT_ID && !parsed.OIDC_ALLOW_HTTP) {
    problems.push('OIDC_ISSUER must use https (set OIDC_ALLOW_HTTP=true only for a local identity provider)');
  }
  if (parsed.SLACK_BOT_TOKEN && !parsed.SLACK_SIGNING_SECRET && !parsed.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) is required when SLACK_BOT_TOKEN is set',
    );
  }
  if ((parsed.SLACK_SIGNING_SECRET || parsed.SLACK_APP_TOKEN) && !parsed.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = parsed.PUBLIC_URL.replace(/\/+$/, '');
  return Object.freeze({
    ...parsed,
    PUBLIC_URL: publicUrl,
    database: parsed.DATABASE_URL
      ? { kind: 'postgres' as const, url: parsed.DATABASE_URL }
      : {
          kind: 'pglite' as const,
          dataDir: parsed.DATA_DIR.includes('://') ? parsed.DATA_DIR : resolve(parsed.DATA_DIR),
        },
    oidc: parsed.OIDC_CLIENT_ID
      ? {
          issuer: parsed.OIDC_ISSUER,
          clientId: parsed.OIDC_CLIENT_ID,
          ...(parsed.OIDC_CLIENT_SECRET ? { clientSecret: parsed.OIDC_CLIENT_SECRET } : {}),
          redirectUri: parsed.OIDC_REDIRECT_URI ?? `${publicUrl}/api/auth/oidc/callback`,
          displayName: parsed.OIDC_DISPLAY_NAME,
          allowHttp: parsed.OIDC_ALLOW_HTTP,
        }
      : undefined,
    cookieSecure: publicUrl.startsWith('https:'),
    TRIAGE_CATEGORIES: parsed.TRIAGE_CATEGORIES.includes('other')
      ? parsed.TRIAGE_CATEGORIES
      : [...parsed.TRIAGE_CATEGORIES, 'other'],
    llm: parsed.AI_API_BASE
      ? {
          baseUrl: parsed.AI_API_BASE.replace(/\/+$/, ''),
          ...(parsed.AI_API_KEY ? { apiKey: parsed.AI_API_KEY } : {}),
          model: parsed.AI_MODEL,
          fastModel: parsed.AI_FAST_MODEL ?? parsed.AI_MODEL,
          maxTokens: parsed.AI_MAX_TOKENS,
          timeoutSeconds: parsed.AI_TIMEOUT_SECONDS,
        }
      : undefined,
    slack: parsed.SLACK_BOT_TOKEN
      ? {
          botToken: parsed.SLACK_BOT_TOKEN,
          ...(parsed.SLACK_SIGNING_SECRET ? { signingSecret: parsed.SLACK_SIGNING_SECRET } : {}),
          ...(parsed.SLACK_APP_TOKEN ? { appToken: parsed.SLACK_APP_TOKEN } : {}),
          apiUrl: parsed.SLACK_API_URL.endsWith('/') ? parsed.SLACK_API_URL : `${parsed.SLACK_API_URL}/`,
        }
      : undefined,
    investigator: parsed.INVESTIGATOR_URL
      ? {
          url: parsed.INVESTIGATOR_URL.replace(/\/+$/, ''),
          ...(parsed.INVESTIGATOR_TOKEN ? { token: parsed.INVESTIGATOR_TOKEN } : {}),
          timeoutSeconds: parsed.INVESTIGATOR_TIMEOUT_SECONDS,
        }
      : undefined,
  });
}
