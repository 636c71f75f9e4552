import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
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
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browser tests need Debian's Chromium; without it they are skipped loudly, except under CI. */
function isChromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but Chromium is not installed at ${chromiumPath} (apt-get install chromium)`);
  console.warn(
    `\n${'!'.repeat(100)}\n!! SKIPPING the browser tests (web/e2e): no Chromium at ${chromiumPath}.` +
      ` Install Debian's chromium package or set CHROMIUM_PATH.\n${'!'.repeat(100)}\n`,
  );
  return false;
}

export default defineConfig(async () => {
  const withPostgres = await isPostgresReachable();
  const withBrowser = isChromiumAvailable();
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
            exclude: ['server/test/scale-out.int.test.ts', 'server/test/slack-reminders.int.test.ts'],
            env: { ARGUS_TEST_DB: 'pglite', TZ: 'UTC' },
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          ...shared,
          plugins: [react()],
          test: {
            name: 'web',
            include: ['web/src/**/*.test.{ts,tsx}'],
            environment: 'happy-dom',
            env: { TZ: 'UTC' },
          },
        },
        ...(withBrowser
          ? [
              {
                ...shared,
                test: {
                  name: 'e2e',
                  include: ['web/e2e/**/*.spec.ts'],
                  env: { TZ: 'UTC', CHROMIUM_PATH: chromiumPath },
                  testTimeout: 60_000,
                  hookTimeout: 120_000,
                  // One browser and one server per file; files run one after another to keep timings calm.
                  fileParallelism: false,
                },
              },
            ]
          : []),
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
