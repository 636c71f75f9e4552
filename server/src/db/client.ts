import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema/index.js';

/** Drizzle handle over either driver; a transaction handle has the same type, so repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string; sharedBuffersMb?: number }
  | { kind: 'postgres'; url: string };

export interface SqlResult {
  rows: Record<string, unknown>[];
}

/** One open database: the drizzle handle plus the raw capabilities the job queue and live events need. */
export interface Database {
  readonly db: Db;
  readonly kind: DatabaseTarget['kind'];
  readonly schemaName: string;
  /** Runs raw SQL: with values as one prepared statement, without as a (possibly multi-statement) script. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** Subscribes to a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  target: DatabaseTarget;
  schemaName: string;
  poolMax?: number;
  onError?: (error: Error) => void;
}

/** Opens the embedded database or a PostgreSQL pool, creating DB_SCHEMA and pinning search_path to it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.target.kind === 'pglite'
    ? openPglite(options.target.dataDir, options.schemaName, options.target.sharedBuffersMb ?? 16)
    : openPostgres(options.target.url, options.schemaName, options.poolMax ?? 8, options.onError);
}

async function openPglite(dataDir: string, schemaName: string, sharedBuffersMb: number): Promise<Database> {
  const release = dataDir.includes('://') ? () => undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    // PGlite's default of 128 MB of shared buffers doubles a laptop install's memory for little gain.
    client = await PGlite.create(dataDir, { postgresqlconf: [`shared_buffers = ${sharedBuffersMb}MB`] });
  } catch (error) {
    release();
    throw error;
  }
  // The embedded database has a single connection, so one SET covers every later query.
  await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schemaName}; SET search_path TO ${schemaName}, public;`);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    schemaName,
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      // Multi-statement scripts (pg-boss migrations, locked maintenance) need the simple protocol.
      const results = await client.exec(text);
      return { rows: results.flatMap((result) => result.rows as Record<string, unknown>[]) };
    },
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => {
        // A closed database has no listeners left to remove.
        if (!client.closed) await unsubscribe();
      };
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (!client.closed) await client.close();
      release();
    },
  };
}

async function openPostgres(
  url: string,
  schemaName: string,
  poolMax: number,
  onError?: (error: Error) => void,
): Promise<Database> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schemaName}`);
  } finally {
    await setup.end();
  }
  const searchPath = `-c search_path=${schemaName},public`;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    options: searchPath,
    application_name: 'argus',
  });
  pool.on('error', (error) => onError?.(error));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;

  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let closing = false;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: url,
      options: searchPath,
      application_name: 'argus-events',
    });
    client.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => {
      onError?.(error);
      listener = undefined;
      if (!closing) setTimeout(() => void reconnect(), 1000);
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`LISTEN "${channel}"`);
    return client;
  }

  async function reconnect(): Promise<void> {
    if (closing || listener) return;
    try {
      listener = await connectListener();
    } catch (error) {
      onError?.(error as Error);
      setTimeout(() => void reconnect(), 2000);
    }
  }

  return {
    db,
    kind: 'postgres',
    schemaName,
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // A multi-statement script answers with one result per statement.
      const results = Array.isArray(result) ? (result as pg.QueryResult[]) : [result];
      return { rows: results.flatMap((entry) => entry.rows ?? []) };
    },
    async listen(channel, onPayload) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name "${channel}"`);
      listener ??= await connectListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN "${channel}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closing) return;
      closing = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/**
 * Turns `$1`-style SQL and its values into a drizzle SQL object, so raw statements (e.g. a job insert)
 * can run on a transaction handle and commit or roll back with it.
 */
export function toDrizzleSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks, sql.raw(''));
}
