import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Argus, type ArgusOptions, createArgus } from '../../src/main.js';
import { systemActor } from '../../src/modules/access/index.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database this test run uses: the vitest project sets ARGUS_TEST_DB. */
export const testDatabaseKind: TestDatabaseKind =
  process.env.ARGUS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh database for one test file: in-memory PGlite, or a clone of the migrated template on PostgreSQL. */
export async function createTestDatabase(): Promise<{
  env: Record<string, string>;
  url?: string;
  drop(): Promise<void>;
}> {
  if (testDatabaseKind === 'pglite') return { env: { DATA_DIR: 'memory://' }, drop: async () => undefined };
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = inject('postgresTemplate');
  const name = `${template}_c${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.href },
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | number | string[] | undefined>;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Raw payload sent as-is (for malformed JSON tests). */
  payload?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  token: string;
}

export interface TestArgus {
  argus: Argus;
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Creates a person (admin, or member of teams with roles) and an API token for them. */
  createPerson(options?: {
    name?: string;
    isAdmin?: boolean;
    memberships?: { teamId: string; role: 'manager' | 'agent' }[];
  }): Promise<TestPerson>;
  createTeam(
    name?: string,
    settings?: { routingKeywords?: string[]; slackThreadSync?: boolean },
  ): Promise<{ id: string; name: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** Starts a whole Argus on its own fresh database (no port: requests go through fastify's inject). */
export async function startTestArgus(
  env: Record<string, string> = {},
  options: ArgusOptions = {},
): Promise<TestArgus> {
  const database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: process.env.ARGUS_TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...database.env,
    ...env,
  });
  const argus = await createArgus(config, options);

  async function request<T>(
    method: string,
    url: string,
    opts: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const hasJson = opts.body !== undefined;
    if (hasJson || opts.payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await argus.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(opts.cookies ? { cookies: opts.cookies } : {}),
      ...(hasJson ? { payload: JSON.stringify(opts.body) } : {}),
      ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
    });
    const text = response.body;
    let body: unknown = text;
    if (String(response.headers['content-type'] ?? '').includes('application/json') && text)
      body = JSON.parse(text);
    return { status: response.statusCode, body: body as T, headers: response.headers };
  }

  return {
    argus,
    request,
    async createPerson(personOptions = {}) {
      counter += 1;
      const name = personOptions.name ?? `Person ${counter}`;
      const email = `person${counter}.${randomBytes(3).toString('hex')}@example.com`;
      const user = await argus.services.users.createUser(systemActor, {
        email,
        name,
        isAdmin: personOptions.isAdmin ?? false,
      });
      for (const membership of personOptions.memberships ?? []) {
        await argus.services.teams.addMember(systemActor, membership.teamId, {
          userId: user.id,
          role: membership.role,
        });
      }
      const actor = await argus.services.auth.loadActor(user.id);
      const { token } = await argus.services.auth.createApiToken(actor, { name: 'tests' });
      return { id: user.id, email, name, token };
    },
    async createTeam(name, settings = {}) {
      counter += 1;
      const team = await argus.services.teams.createTeam(systemActor, {
        name: name ?? `Team ${counter}`,
        description: '',
        remindersEnabled: true,
        reminderIntervalMinutes: 240,
        reminderStaleMinutes: 120,
        slackThreadSync: settings.slackThreadSync ?? false,
        routingKeywords: settings.routingKeywords ?? [],
        autoResolveEnabled: true,
        autoResolveMinConfidence: 0.8,
      });
      return { id: team.team.id, name: team.team.name };
    },
    async close() {
      await argus.close();
      await database.drop();
    },
  };
}
