import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Integration tests run twice: on the embedded database and on a PostgreSQL server, when one answers. */
async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but PostgreSQL at ${adminUrl} is not reachable: ${(error as Error).message}`);
    }
    console.warn(
      `\n${'!'.repeat(100)}\n!! SKIPPING the PostgreSQL-server run of every integration test: ${adminUrl} is not reachable` +
        ` (${(error as Error).message}).\n!! Only the embedded-database run will happen. Set TEST_DATABASE_URL or start PostgreSQL.\n${'!'.repeat(100)}\n`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const integrationFiles = ['server/**/*.int.test.ts'];

export default defineConfig(async () => {
  const withPostgres = await isPostgresReachable();
  const shared = { resolve: { alias: { '@argus/contracts': contracts } } };
  return {
    ...shared,
    test: {
      env: { TZ: 'UTC' },
      projects: [
        {
          ...shared,
          test: {
            name: 'unit',
            include: ['server/src/**/*.test.ts', 'packages/**/*.test.ts'],
            exclude: integrationFiles,
          },
        },
        {
          ...shared,
          test: {
            name: 'pglite',
            include: integrationFiles,
            // Several servers sharing one database is a PostgreSQL-server scenario only.
            exclude: ['server/test/scale-out.int.test.ts'],
            env: { ARGUS_TEST_DB: 'pglite', TZ: 'UTC' },
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        ...(withPostgres
          ? [
              {
                ...shared,
                test: {
                  name: 'postgres',
                  include: integrationFiles,
                  env: { ARGUS_TEST_DB: 'postgres', TEST_DATABASE_URL: adminUrl, TZ: 'UTC' },
                  globalSetup: ['server/test/support/postgres-template.global.ts'],
                  testTimeout: 30_000,
                  hookTimeout: 60_000,
                },
              },
            ]
          : []),
      ],
    },
  };
});
