import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.js';
import { toDrizzleSql } from '../db/client.js';

/** A job type a module owns: its handler must be idempotent, because failed jobs are retried. */
export interface JobDefinition<T extends object = object> {
  name: string;
  handle(data: T): Promise<void>;
  /** Cron expression (UTC) for recurring jobs; the queue runs each tick once across all servers. */
  cron?: string;
  retryLimit?: number;
  /** Seconds a single run may take before it is failed and retried. */
  expireInSeconds?: number;
}

export interface EnqueueOptions {
  /** Only one queued job per key: a second enqueue with the same key is dropped while the first waits. */
  singletonKey?: string;
  startAfterSeconds?: number;
}

/** The durable job queue as modules see it. */
export interface JobQueue {
  /** Enqueues a job; with `tx` the job commits or rolls back with that transaction. */
  enqueue(name: string, data: object, options?: EnqueueOptions & { tx?: Db }): Promise<void>;
  /** Tells this process's worker for `name` to look for jobs now instead of at its next poll (after a commit). */
  wake(name: string): void;
  queueDepths(): Promise<Record<string, number>>;
}

export interface JobRunner extends JobQueue {
  /** `work` says which job types this process handles (all, none, or those a predicate picks). */
  start(
    definitions: readonly JobDefinition<never>[],
    options: { work: boolean | ((name: string) => boolean) },
  ): Promise<void>;
  stop(timeoutMs: number): Promise<void>;
}

/**
 * pg-boss on the Argus database (either driver): SQL goes through the database's own connection(s), so the
 * queue adds no pool of its own and its tables sit in DB_SCHEMA beside Argus's.
 */
export function createJobRunner(database: Database, logger: Logger): JobRunner {
  // pg-boss completes a finished job without awaiting it; once the queue is stopped (and the database about to
  // close) such a late completion is dropped instead of failing unhandled: the job expires and is retried, and
  // every handler is idempotent.
  let hasStopped = false;
  const boss = new PgBoss({
    db: {
      executeSql: (text: string, values?: unknown[]) =>
        // (The answer has the shape pg-boss reads from a completion: one row with the count of jobs it changed.)
        hasStopped
          ? Promise.resolve({ rows: [{ count: '0' }], rowCount: 0 })
          : database.executeSql(text, values),
    },
    schema: database.schemaName,
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'job queue error'));
  const names: string[] = [];
  const workerIds = new Map<string, string>();
  let isStarted = false;

  return {
    async start(definitions, { work }) {
      await boss.start();
      isStarted = true;
      for (const definition of definitions) {
        names.push(definition.name);
        await boss.createQueue(definition.name, {
          name: definition.name,
          retryLimit: definition.retryLimit ?? 5,
          retryBackoff: true,
          expireInSeconds: definition.expireInSeconds ?? 15 * 60,
        });
        if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
        if (typeof work === 'boolean' ? !work : !work(definition.name)) continue;
        // A batch per poll keeps a backlog moving (one job per poll would drain at the polling rate); each job
        // succeeds or fails on its own, so one bad job never makes its neighbours run twice.
        const workerId = await boss.work<object>(
          definition.name,
          { pollingIntervalSeconds: 1, batchSize: 10 },
          async (jobs) => {
            for (const job of jobs) {
              const startedAt = performance.now();
              try {
                await (definition as JobDefinition<object>).handle(job.data ?? {});
                logger.info(
                  { job: definition.name, jobId: job.id, ms: Math.round(performance.now() - startedAt) },
                  'job done',
                );
              } catch (error) {
                logger.warn(
                  { job: definition.name, jobId: job.id, err: error },
                  'job failed; it will be retried',
                );
                // Recording the failure can fail too (the database went away): the job then expires and is retried.
                await boss
                  .fail(definition.name, job.id, { message: (error as Error).message })
                  .catch((failError: unknown) =>
                    logger.warn(
                      { job: definition.name, jobId: job.id, err: failError },
                      'job failure not recorded',
                    ),
                  );
              }
            }
          },
        );
        workerIds.set(definition.name, workerId);
      }
    },
    wake(name) {
      const workerId = workerIds.get(name);
      if (workerId && isStarted) boss.notifyWorker(workerId);
    },
    async enqueue(name, data, options = {}) {
      const sendOptions: Record<string, unknown> = {};
      if (options.singletonKey) sendOptions.singletonKey = options.singletonKey;
      if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
      if (options.tx) {
        const tx = options.tx;
        sendOptions.db = {
          executeSql: async (text: string, values: unknown[] = []) =>
            tx.execute(
              toDrizzleSql(
                text,
                values.map((value) => (isPlainObject(value) ? JSON.stringify(value) : value)),
              ),
            ),
        };
      }
      await boss.send(name, data, sendOptions);
    },
    async queueDepths() {
      const depths: Record<string, number> = {};
      for (const name of names) depths[name] = await boss.getQueueSize(name);
      return depths;
    },
    async stop(timeoutMs) {
      if (!isStarted) return;
      isStarted = false;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
      hasStopped = true;
    },
  };
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
}
