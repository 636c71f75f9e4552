import { errorResponse, healthResponse, liveEvent } from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import type { EventBus } from '../../events/event-bus.js';
import { actorOf } from '../../http/authenticate.js';
import type { Metrics } from './metrics.js';

const startedAt = Date.now();
const HEARTBEAT_MS = 25_000;

export interface OpsRouteDeps {
  database: Pick<Database, 'ping' | 'kind'>;
  events: Pick<EventBus, 'subscribe'>;
  metrics: Metrics;
  version: string;
}

/** Health, Prometheus metrics and the live event stream. */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const openStreams = new Set<() => void>();
  // Streams never end on their own; close them so a graceful shutdown does not wait for clients.
  app.addHook('preClose', async () => {
    for (const end of openStreams) end();
  });

  api.get(
    '/api/health',
    {
      config: { isPublic: true },
      logLevel: 'warn',
      schema: {
        tags: ['ops'],
        summary: 'Is the server able to serve? 503 when the database is down',
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      const began = performance.now();
      let error: string | undefined;
      try {
        await withTimeout(deps.database.ping(), 2000);
      } catch (caught) {
        error = (caught as Error).message;
      }
      const ok = error === undefined;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        database: deps.database.kind,
        checks: {
          database: {
            ok,
            latencyMs: ok ? Math.round((performance.now() - began) * 10) / 10 : null,
            ...(error ? { error } : {}),
          },
        },
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
    },
  );

  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (_request, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });

  api.get(
    '/api/events',
    {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: issue created, updated and history, as they commit on any server',
        description: `Each message is one JSON object: ${Object.keys(liveEvent.shape).join(', ')}.`,
        response: { 401: errorResponse },
      },
    },
    (request, reply) => {
      actorOf(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');
      deps.metrics.liveStreams.inc();
      // Every signed-in role may view every issue, so each stream receives every event.
      const unsubscribe = deps.events.subscribe((event) => {
        raw.write(`id: ${event.history?.id ?? ''}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const close = () => {
        if (!openStreams.delete(close)) return;
        clearInterval(heartbeat);
        unsubscribe();
        deps.metrics.liveStreams.dec();
        raw.end();
      };
      openStreams.add(close);
      request.raw.once('close', close);
    },
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
