import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-argus.js';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { createJobRunner, type JobRunner } from './job-queue.js';

let database: Database;
let runner: JobRunner;
let drop: () => Promise<void>;
const calls: string[] = [];
let failuresLeft = 1;

beforeAll(async () => {
  const test = await createTestDatabase();
  drop = test.drop;
  const config = loadConfig({ LOG_LEVEL: 'silent', ...test.env });
  database = await openDatabase({ target: config.database, schemaName: config.DB_SCHEMA });
  await migrateDatabase(database);
  runner = createJobRunner(database, pino({ level: 'silent' }));
  await runner.start(
    [
      {
        name: 'test.record',
        handle: async (data: { label?: string }) => {
          const label = data.label ?? '?';
          calls.push(label);
          if (label === 'flaky' && failuresLeft-- > 0) throw new Error('temporary failure');
        },
      },
    ],
    { work: true },
  );
});

afterAll(async () => {
  await runner?.stop(5000);
  await database?.close();
  await drop?.();
});

it('runs every job, retries a failing one without re-running its neighbours', async () => {
  for (const label of ['first', 'flaky', 'last']) await runner.enqueue('test.record', { label });
  await expect
    .poll(() => [...calls].sort(), { timeout: 20_000, interval: 200 })
    .toEqual(['first', 'flaky', 'flaky', 'last']);
  const states = await database.executeSql(
    `select data->>'label' as label, state, retry_count from job where name = 'test.record' order by 1`,
  );
  expect(states.rows).toEqual([
    { label: 'first', state: 'completed', retry_count: 0 },
    { label: 'flaky', state: 'completed', retry_count: 1 },
    { label: 'last', state: 'completed', retry_count: 0 },
  ]);
});

it('enqueues atomically with a transaction: a rolled-back change leaves no job behind', async () => {
  await expect(
    database.db.transaction(async (tx) => {
      await runner.enqueue('test.record', { label: 'rolled-back' }, { tx });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  await database.db.transaction(async (tx) => runner.enqueue('test.record', { label: 'committed' }, { tx }));
  await expect.poll(() => calls, { timeout: 10_000, interval: 200 }).toContain('committed');
  expect(calls).not.toContain('rolled-back');
  expect(await runner.queueDepths()).toEqual({ 'test.record': 0 });
});
