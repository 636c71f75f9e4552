import { type CircuitState, createCircuitBreaker } from '../../lib/circuit-breaker.js';
import { describeNetworkError, sleepUnlessAborted } from '../../lib/outbound-http.js';
import { computeRetryDelayMs } from '../../lib/retry-delay.js';
import {
  type InvestigationFindings,
  type InvestigationRequest,
  type InvestigationStep,
  startedInvestigationSchema,
} from './investigation.types.js';
import {
  createEventStreamCursor,
  readErrorExcerpt,
  readInvestigationEvents,
} from './investigation-event-stream.js';
import { InvestigatorError } from './investigator-error.js';

export type {
  InvestigationFindings,
  InvestigationRequest,
  InvestigationStep,
} from './investigation.types.js';
export { InvestigatorError, type InvestigatorErrorCode } from './investigator-error.js';

/** How to reach the investigation service (from INVESTIGATOR_* configuration). */
export interface InvestigatorClientOptions {
  /** INVESTIGATOR_URL, e.g. `http://rca.internal:8080`; the contract's paths are appended. */
  url: string;
  /** INVESTIGATOR_TOKEN, sent as `Authorization: Bearer` when set; never appears in an error. */
  token?: string | undefined;
  /** INVESTIGATOR_TIMEOUT_SECONDS: the whole investigation, start to result, reconnections included. */
  timeoutSeconds: number;
  now?: () => number;
  /** Waits between reconnections of the event stream; a real timer unless given. */
  sleep?: (ms: number) => Promise<void>;
  circuit?: { failureThreshold?: number; cooldownMs?: number };
}

/** How the investigation service has been doing, for the settings page and /api/ai/status. */
export interface InvestigatorHealth {
  configured: true;
  circuit: CircuitState;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
}

/** What Argus asks of an investigation service: one investigation, followed to its end. */
export interface InvestigatorClient {
  /**
   * Starts an investigation and follows its event stream to the end: each step is awaited through `onStep` in order
   * (never twice, across reconnections), then the validated findings are returned.
   */
  investigate(
    request: InvestigationRequest,
    options: { onStep: (step: InvestigationStep) => void | Promise<void>; signal?: AbortSignal },
  ): Promise<InvestigationFindings>;
  health(): InvestigatorHealth;
  describe(): { url: string; timeoutSeconds: number };
}

/** Reconnections in a row that deliver nothing new before the stream counts as broken for good. */
const MAX_RECONNECTIONS_WITHOUT_PROGRESS = 3;
const BASE_RECONNECT_DELAY_MS = 500;
const MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * A client for an external investigation service speaking the contract in docs/investigator-contract.md:
 * `POST /investigations`, then `GET /investigations/{id}/events` (server-sent events, resumed with Last-Event-ID).
 * One deadline covers the whole investigation; a circuit breaker stops calling a service that keeps failing.
 */
export function createInvestigatorClient(options: InvestigatorClientOptions): InvestigatorClient {
  const url = options.url.replace(/\/+$/, '');
  const serviceName = `Investigation service at ${url}`;
  const timeoutMs = options.timeoutSeconds * 1_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const breaker = createCircuitBreaker({
    failureThreshold: options.circuit?.failureThreshold ?? 5,
    cooldownMs: options.circuit?.cooldownMs ?? 30_000,
    now,
  });
  const baseHeaders: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  let lastSuccessAt: Date | null = null;
  let lastFailureAt: Date | null = null;
  let lastError: string | null = null;

  async function startInvestigation(request: InvestigationRequest, signal: AbortSignal): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${url}/investigations`, {
        method: 'POST',
        headers: { ...baseHeaders, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
    } catch (error) {
      signal.throwIfAborted();
      throw new InvestigatorError(
        'INVESTIGATOR_UNAVAILABLE',
        `${serviceName} could not be reached: ${describeNetworkError(error)}`,
      );
    }
    if (!response.ok) {
      const excerpt = await readErrorExcerpt(response);
      const said = excerpt ? `: ${excerpt}` : '';
      if (response.status === 401 || response.status === 403) {
        const why = options.token
          ? 'rejected the token'
          : 'requires a token and INVESTIGATOR_TOKEN is not set';
        throw new InvestigatorError(
          'INVESTIGATOR_UNAVAILABLE',
          `${serviceName} ${why} (HTTP ${response.status})`,
        );
      }
      if (response.status === 429 || response.status >= 500) {
        throw new InvestigatorError(
          'INVESTIGATOR_UNAVAILABLE',
          `${serviceName} answered HTTP ${response.status}${said}`,
        );
      }
      throw new InvestigatorError(
        'INVESTIGATOR_FAILED',
        `${serviceName} refused the investigation (HTTP ${response.status})${said}`,
      );
    }
    const started = startedInvestigationSchema.safeParse(await response.json().catch(() => undefined));
    if (!started.success) {
      throw new InvestigatorError(
        'INVESTIGATOR_INVALID_RESPONSE',
        `${serviceName} accepted the investigation but did not answer with its id ({ "id": "…" })`,
      );
    }
    return started.data.id;
  }

  async function followEvents(
    investigationId: string,
    signal: AbortSignal,
    onStep: (step: InvestigationStep) => void | Promise<void>,
  ): Promise<InvestigationFindings> {
    const cursor = createEventStreamCursor();
    const eventsUrl = `${url}/investigations/${encodeURIComponent(investigationId)}/events`;
    let reconnectionsWithoutProgress = 0;
    for (;;) {
      const read = await readInvestigationEvents({
        eventsUrl,
        serviceName,
        investigationId,
        headers: baseHeaders,
        signal,
        cursor,
        now,
        onStep,
      });
      if (read.outcome === 'result') return read.findings;
      reconnectionsWithoutProgress = read.hasProgressed ? 1 : reconnectionsWithoutProgress + 1;
      if (reconnectionsWithoutProgress > MAX_RECONNECTIONS_WITHOUT_PROGRESS) {
        throw new InvestigatorError(
          'INVESTIGATOR_UNAVAILABLE',
          `${serviceName} kept breaking the event stream of investigation "${investigationId}"; last: ${read.reason}`,
        );
      }
      const delayMs = computeRetryDelayMs({
        attempt: reconnectionsWithoutProgress,
        baseDelayMs: BASE_RECONNECT_DELAY_MS,
        maxDelayMs: MAX_RECONNECT_DELAY_MS,
        retryAfterMs: read.retryAfterMs,
      });
      await sleepUnlessAborted(sleep, delayMs, signal);
    }
  }

  function noteAnswered(): void {
    breaker.recordSuccess();
    lastSuccessAt = new Date(now());
  }

  return {
    async investigate(request, { onStep, signal }) {
      if (!breaker.canRequest()) {
        const last = lastError ? ` Last error: ${lastError}` : '';
        throw new InvestigatorError(
          'INVESTIGATOR_CIRCUIT_OPEN',
          `${serviceName} failed repeatedly; Argus is giving it a rest before trying again.${last}`,
        );
      }
      const deadline = createDeadline(timeoutMs, signal);
      try {
        const investigationId = await startInvestigation(request, deadline.signal);
        const findings = await followEvents(investigationId, deadline.signal, onStep);
        noteAnswered();
        return findings;
      } catch (caught) {
        if (signal?.aborted) throw signal.reason;
        const error = deadline.hasExpired()
          ? new InvestigatorError(
              'INVESTIGATOR_TIMEOUT',
              `${serviceName} did not finish the investigation within ${options.timeoutSeconds} s`,
            )
          : caught;
        if (!(error instanceof InvestigatorError)) throw error;
        // Only unreachable or slow counts against the circuit: a reported failure or an odd answer is still an answer.
        if (error.code === 'INVESTIGATOR_UNAVAILABLE' || error.code === 'INVESTIGATOR_TIMEOUT') {
          breaker.recordFailure();
          lastFailureAt = new Date(now());
          lastError = error.message;
        } else {
          noteAnswered();
        }
        throw error;
      } finally {
        deadline.clear();
      }
    },

    health() {
      return { configured: true, circuit: breaker.state(), lastSuccessAt, lastFailureAt, lastError };
    },

    describe() {
      return { url, timeoutSeconds: options.timeoutSeconds };
    },
  };
}

/** One deadline for the whole investigation, combined with the caller's signal; says whether it was what fired. */
function createDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let hasExpired = false;
  const timer = setTimeout(() => {
    hasExpired = true;
    controller.abort(new Error(`investigation deadline of ${timeoutMs} ms passed`));
  }, timeoutMs);
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal,
    hasExpired: () => hasExpired,
    clear: () => clearTimeout(timer),
  };
}
