import type { LiveEvent } from '@argus/contracts';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';

const CHANNEL = 'argus_events';
// PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; larger events travel without their details.
const MAX_PAYLOAD_BYTES = 7800;

export type LiveEventHandler = (event: LiveEvent) => void;

/** Publishes live events inside a transaction (delivered on commit) and fans them out to local subscribers. */
export interface EventBus {
  /** Sends the events in one statement; they reach every server when `tx` commits, in order. */
  publish(tx: Db, events: readonly LiveEvent[]): Promise<void>;
  subscribe(handler: LiveEventHandler): () => void;
  subscriberCount(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One bus per process over LISTEN/NOTIFY: every server on the database, this one included, receives each
 * committed event exactly once; a rolled-back transaction publishes nothing.
 */
export function createEventBus(
  database: Pick<Database, 'listen'>,
  onError?: (error: Error) => void,
): EventBus {
  const handlers = new Set<LiveEventHandler>();
  let unlisten: (() => Promise<void>) | undefined;

  function dispatch(payload: string): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch (error) {
      onError?.(error as Error);
      return;
    }
    for (const handler of handlers) {
      try {
        handler(event);
      } catch (error) {
        onError?.(error as Error);
      }
    }
  }

  return {
    async publish(tx, events) {
      if (events.length === 0) return;
      const payloads = events.map((event) => {
        const payload = JSON.stringify(event);
        if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload;
        const { history: _dropped, ...slim } = event;
        return JSON.stringify(slim);
      });
      await tx.execute(
        sql`select ${sql.join(
          payloads.map((payload) => sql`pg_notify(${CHANNEL}, ${payload})`),
          sql`, `,
        )}`,
      );
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    subscriberCount: () => handlers.size,
    async start() {
      unlisten ??= await database.listen(CHANNEL, dispatch);
    },
    async stop() {
      await unlisten?.();
      unlisten = undefined;
      handlers.clear();
    },
  };
}
