import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flattenHeaders, readBody, sendJson } from './http-helpers.js';

/** One scripted event of an investigation; `delayMs` is waited before it is sent. */
export type FakeInvestigationEvent = { delayMs?: number } & (
  | { step: { message: string; kind?: 'progress' | 'finding' } }
  | { result: unknown }
  | { error: string }
);

/** How the fake handles the next investigation started. */
export interface FakeInvestigationScript {
  /** The answer to `POST /investigations`: 202 with an id unless an HTTP error or a hang is scripted. */
  start?: { status: number; body?: unknown } | { hang: true };
  events?: FakeInvestigationEvent[];
  /** Break the event stream right after it has sent this many events in total; each entry breaks once. */
  dropAfterEvents?: number[];
  /** Resume from the first event whatever Last-Event-ID says, as a careless service might. */
  ignoresLastEventId?: boolean;
  /** After the scripted events, keep the stream open without ever ending it. */
  hangsAfterEvents?: boolean;
}

/** One request the fake received. */
export interface FakeInvestigatorRequest {
  method: string;
  path: string;
  body: any;
  headers: Record<string, string>;
  lastEventId: string | null;
  at: number;
}

/** A running fake investigation service and the handles a test scripts it with. */
export interface FakeInvestigator {
  /** The INVESTIGATOR_URL to configure, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request, in arrival order. */
  requests: FakeInvestigatorRequest[];
  /** Scripts the investigations started from now on. */
  script(script: FakeInvestigationScript): void;
  /** Stops listening and destroys open connections, including hung ones. */
  close(): Promise<void>;
}

const DEFAULT_SCRIPT: FakeInvestigationScript = {
  events: [
    { step: { message: 'Reading the recent deploys' } },
    {
      result: {
        summary: 'A deploy broke the checkout.',
        probableCause: 'Release 2026.03.01 changed the payment timeout.',
        evidence: ['Errors started two minutes after the deploy'],
        nextSteps: ['Roll back the release'],
        actionable: true,
        confidence: 0.8,
      },
    },
  ],
};

/**
 * Starts a fake investigation service on 127.0.0.1 (a free port) speaking docs/investigator-contract.md:
 * `POST /investigations` → `202 { id }`, `GET /investigations/{id}/events` → server-sent events with `id: <seq>`,
 * resuming after `Last-Event-ID`.
 */
export async function startFakeInvestigator(): Promise<FakeInvestigator> {
  const requests: FakeInvestigatorRequest[] = [];
  const investigations = new Map<
    string,
    { script: FakeInvestigationScript; sentEvents: number; drops: Set<number> }
  >();
  const timers = new Set<NodeJS.Timeout>();
  let nextScript = DEFAULT_SCRIPT;
  let investigationCount = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((request, response) => {
    serve(request, response).catch(() => response.destroy());
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const raw = await readBody(request);
    const headers = flattenHeaders(request);
    requests.push({
      method: request.method ?? 'GET',
      path,
      body: raw ? JSON.parse(raw) : null,
      headers,
      lastEventId: headers['last-event-id'] ?? null,
      at: Date.now(),
    });

    if (request.method === 'POST' && path === '/investigations') {
      const script = nextScript;
      if (script.start && 'hang' in script.start) return;
      if (script.start) {
        sendJson(
          response,
          script.start.status,
          script.start.body ?? { error: { message: 'The investigator is not ready' } },
        );
        return;
      }
      investigationCount += 1;
      const id = `inv_${investigationCount}`;
      investigations.set(id, { script, sentEvents: 0, drops: new Set() });
      sendJson(response, 202, { id });
      return;
    }

    const match = /^\/investigations\/([^/]+)\/events$/.exec(path);
    const investigation =
      match && request.method === 'GET' ? investigations.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!investigation) {
      sendJson(response, 404, { error: { message: `No investigation at ${path}` } });
      return;
    }
    await streamEvents(response, investigation, headers['last-event-id']);
  }

  async function streamEvents(
    response: ServerResponse,
    investigation: { script: FakeInvestigationScript; sentEvents: number; drops: Set<number> },
    lastEventId: string | undefined,
  ): Promise<void> {
    const { script } = investigation;
    const events = script.events ?? [];
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.flushHeaders();
    const resumeAfter = script.ignoresLastEventId || lastEventId === undefined ? 0 : Number(lastEventId);
    for (let seq = resumeAfter + 1; seq <= events.length; seq += 1) {
      const event = events[seq - 1] as FakeInvestigationEvent;
      if (event.delayMs) await wait(event.delayMs);
      if (response.destroyed) return;
      const [name, data] =
        'step' in event
          ? ['step', event.step]
          : 'result' in event
            ? ['result', event.result]
            : ['error', { message: event.error }];
      response.write(`id: ${seq}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      investigation.sentEvents += 1;
      const dropAt = script.dropAfterEvents?.find(
        (after) => after <= investigation.sentEvents && !investigation.drops.has(after),
      );
      if (dropAt !== undefined) {
        investigation.drops.add(dropAt);
        // end, not destroy: the events written still arrive, then the connection closes without finishing.
        response.socket?.end();
        return;
      }
      if (name === 'result' || name === 'error') {
        response.end();
        return;
      }
    }
    if (!script.hangsAfterEvents) response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(script) {
      nextScript = script;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
