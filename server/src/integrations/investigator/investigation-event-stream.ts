import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { z } from 'zod';
import { describeNetworkError, excerptForMessage } from '../../lib/outbound-http.js';
import { parseRetryAfterMs } from '../../lib/retry-delay.js';
import {
  type InvestigationFindings,
  type InvestigationStep,
  investigationErrorSchema,
  investigationFindingsSchema,
  investigationStepSchema,
} from './investigation.types.js';
import { InvestigatorError } from './investigator-error.js';

/** Where a reader of the event stream stands, kept across reconnections so no step is reported twice. */
export interface EventStreamCursor {
  /** Sent back as `Last-Event-ID` when reconnecting. */
  lastEventId: string | null;
  /** The highest numeric event id handled; an event at or below it is a repeat. */
  highestSeq: number;
  /** Non-numeric ids already handled, for a service whose ids are not sequence numbers. */
  handledIds: Set<string>;
}

/** How one connection to the event stream ended: with the findings, or dropped before them (worth reconnecting). */
export type EventStreamOutcome =
  | { outcome: 'result'; findings: InvestigationFindings }
  | { outcome: 'dropped'; reason: string; hasProgressed: boolean; retryAfterMs: number | undefined };

/** Everything one connection to an investigation's event stream needs. */
export interface EventStreamConnection {
  /** `{INVESTIGATOR_URL}/investigations/{id}/events` */
  eventsUrl: string;
  /** How messages name the service, e.g. `Investigation service at http://rca:8080`. */
  serviceName: string;
  investigationId: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  cursor: EventStreamCursor;
  now: () => number;
  onStep: (step: InvestigationStep) => void | Promise<void>;
}

/** A fresh cursor for an investigation's first connection. */
export function createEventStreamCursor(): EventStreamCursor {
  return { lastEventId: null, highestSeq: Number.NEGATIVE_INFINITY, handledIds: new Set() };
}

/**
 * Opens the event stream once (with `Last-Event-ID` when resuming) and handles its events in order: each new step is
 * awaited through `onStep`, `result` ends with the findings, `error` throws INVESTIGATOR_FAILED. Repeated ids are
 * skipped. A network error, a 5xx or an end before the result is reported as dropped; anything else throws.
 */
export async function readInvestigationEvents(
  connection: EventStreamConnection,
): Promise<EventStreamOutcome> {
  const { cursor, serviceName, signal } = connection;
  const headers: Record<string, string> = { ...connection.headers, accept: 'text/event-stream' };
  if (cursor.lastEventId !== null) headers['last-event-id'] = cursor.lastEventId;

  let response: Response;
  try {
    response = await fetch(connection.eventsUrl, { headers, signal });
  } catch (error) {
    signal.throwIfAborted();
    return dropped(`could not be reached: ${describeNetworkError(error)}`, false);
  }
  if (!response.ok) {
    const excerpt = await readErrorExcerpt(response);
    const said = excerpt ? `: ${excerpt}` : '';
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfterMs(
        { retryAfter: response.headers.get('retry-after') },
        connection.now(),
      );
      return dropped(`answered HTTP ${response.status}${said}`, false, retryAfterMs);
    }
    if (response.status === 401 || response.status === 403) {
      throw new InvestigatorError(
        'INVESTIGATOR_UNAVAILABLE',
        `${serviceName} rejected the token (HTTP ${response.status})`,
      );
    }
    throw new InvestigatorError(
      'INVESTIGATOR_FAILED',
      `${serviceName} could not stream investigation "${connection.investigationId}" (HTTP ${response.status})${said}`,
    );
  }
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
    throw new InvestigatorError(
      'INVESTIGATOR_INVALID_RESPONSE',
      `${serviceName} answered the event stream request with "${response.headers.get('content-type')}" instead of text/event-stream`,
    );
  }

  let hasProgressed = false;
  let retryAfterMs: number | undefined;
  const pending: EventSourceMessage[] = [];
  const parser = createParser({
    onEvent: (event) => pending.push(event),
    onRetry: (ms) => {
      retryAfterMs = ms;
    },
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        signal.throwIfAborted();
        return dropped(`broke off: ${describeNetworkError(error)}`, hasProgressed, retryAfterMs);
      }
      if (chunk.done) return dropped('ended the event stream before the result', hasProgressed, retryAfterMs);
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      while (pending.length > 0) {
        const event = pending.shift() as EventSourceMessage;
        if (!isNewEvent(cursor, event.id)) continue;
        const findings = await handleEvent(connection, event);
        if (event.id !== undefined) recordHandled(cursor, event.id);
        hasProgressed = true;
        if (findings) return { outcome: 'result', findings };
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Handles one event; returns the findings for `result`, nothing for a step or an unknown event type. */
async function handleEvent(
  connection: EventStreamConnection,
  event: EventSourceMessage,
): Promise<InvestigationFindings | undefined> {
  if (event.event === 'step') {
    const step = parseEventData(connection.serviceName, event, investigationStepSchema);
    await connection.onStep(step);
    return undefined;
  }
  if (event.event === 'result')
    return parseEventData(connection.serviceName, event, investigationFindingsSchema);
  if (event.event === 'error') {
    const { message } = parseEventData(connection.serviceName, event, investigationErrorSchema);
    throw new InvestigatorError(
      'INVESTIGATOR_FAILED',
      `${connection.serviceName} reported: ${excerptForMessage(message)}`,
    );
  }
  // Other event types (keep-alives, future additions) are not part of the contract's outcome: skip them.
  return undefined;
}

function parseEventData<T>(serviceName: string, event: EventSourceMessage, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    throw new InvestigatorError(
      'INVESTIGATOR_INVALID_RESPONSE',
      `${serviceName} sent a "${event.event}" event whose data is not JSON: ${excerptForMessage(event.data)}`,
    );
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  throw new InvestigatorError(
    'INVESTIGATOR_INVALID_RESPONSE',
    `${serviceName} sent a "${event.event}" event outside the contract: ${problems}`,
  );
}

function isNewEvent(cursor: EventStreamCursor, id: string | undefined): boolean {
  if (id === undefined || id === '') return true;
  const seq = Number(id);
  if (Number.isFinite(seq)) return seq > cursor.highestSeq;
  return !cursor.handledIds.has(id);
}

function recordHandled(cursor: EventStreamCursor, id: string): void {
  cursor.lastEventId = id;
  const seq = Number(id);
  if (id !== '' && Number.isFinite(seq)) cursor.highestSeq = Math.max(cursor.highestSeq, seq);
  else cursor.handledIds.add(id);
}

function dropped(reason: string, hasProgressed: boolean, retryAfterMs?: number): EventStreamOutcome {
  return { outcome: 'dropped', reason, hasProgressed, retryAfterMs };
}

/** The service's own words about an error (`error.message`, `error` or `message`), trimmed to 200 characters. */
export async function readErrorExcerpt(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  let text = body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    const error = parsed?.error;
    const candidate =
      typeof error === 'string' ? error : ((error as { message?: unknown })?.message ?? parsed?.message);
    if (typeof candidate === 'string') text = candidate;
  } catch {
    // Not JSON: a proxy's HTML page or plain text, trimmed below.
  }
  return excerptForMessage(text);
}
