import { describeNetworkError, sleepUnlessAborted } from '../../lib/outbound-http.js';
import { computeRetryDelayMs, parseRetryAfterMs } from '../../lib/retry-delay.js';
import { LlmError } from './llm-error.js';

/** Where and how to send chat-completion requests. */
export interface ChatCompletionsEndpoint {
  /** e.g. `http://localhost:11434/v1`, without a trailing slash. */
  baseUrl: string;
  apiKey?: string | undefined;
  /** Per attempt; for a stream, the longest wait for the first byte or between two chunks. */
  timeoutMs: number;
  maxRetries: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** What a reader of one successful answer may do with the attempt it belongs to. */
export interface AnswerAttempt {
  /** The whole response body, within the attempt's timeout. */
  readText(): Promise<string>;
  /** The response body as text chunks; each chunk restarts the attempt's timeout. */
  readChunks(): AsyncIterable<string>;
  /** Content reached the caller: from now on a failure is final, the answer is never asked for twice. */
  markDelivering(): void;
}

/** Reads one successful HTTP answer; throws `AnswerFailure` for a failure worth retrying, `LlmError` for a final one. */
export type AnswerReader<T> = (response: Response, attempt: AnswerAttempt) => Promise<T>;

type FailureKind = 'timeout' | 'unreachable' | 'rate_limited' | 'server_error' | 'broken_stream';

/** A failed attempt that another attempt may fix: a timeout, a network error, 429, 5xx or a stream cut short. */
export class AnswerFailure extends Error {
  readonly kind: FailureKind;
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | undefined;

  constructor(kind: FailureKind, detail: string, httpStatus: number | null = null, retryAfterMs?: number) {
    super(detail);
    this.name = 'AnswerFailure';
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfterMs = retryAfterMs;
  }
}

const BASE_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 30_000;
const EXCERPT_CHARS = 200;

/**
 * POSTs to `${baseUrl}/chat/completions` with a per-attempt timeout, retrying timeouts, network errors, 429 and 5xx
 * with backoff (honouring Retry-After) up to `maxRetries` times; other 4xx fail at once. The caller's abort wins:
 * its reason is thrown as is. Returns a function that sends one request body and reads the answer with `readAnswer`.
 */
export function createChatCompletionsSender(endpoint: ChatCompletionsEndpoint) {
  const url = `${endpoint.baseUrl}/chat/completions`;
  const seconds = formatSeconds(endpoint.timeoutMs);

  return async function sendChatCompletion<T>(
    body: { model: string; stream: boolean } & Record<string, unknown>,
    signal: AbortSignal | undefined,
    readAnswer: AnswerReader<T>,
  ): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: body.stream ? 'text/event-stream' : 'application/json',
    };
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    const payload = JSON.stringify(body);

    for (let attemptNumber = 1; ; attemptNumber += 1) {
      signal?.throwIfAborted();
      const timeout = createAttemptTimeout(endpoint.timeoutMs, signal);
      let isDelivering = false;
      const toFailure = (error: unknown): unknown => {
        if (signal?.aborted) return signal.reason;
        if (timeout.hasTimedOut()) return new AnswerFailure('timeout', `no answer within ${seconds} s`);
        return new AnswerFailure('unreachable', describeNetworkError(error));
      };
      try {
        let response: Response;
        try {
          response = await fetch(url, { method: 'POST', headers, body: payload, signal: timeout.signal });
        } catch (error) {
          throw toFailure(error);
        }
        if (!response.ok) throw await readRefusal(response, body.model, toFailure);
        return await readAnswer(response, {
          readText: () =>
            response.text().catch((error: unknown) => {
              throw toFailure(error);
            }),
          readChunks: () => readBodyChunks(response, timeout.restart, toFailure),
          markDelivering: () => {
            isDelivering = true;
          },
        });
      } catch (error) {
        if (!(error instanceof AnswerFailure)) throw error;
        if (isDelivering) throw describeBrokenAnswer(error);
        if (attemptNumber > endpoint.maxRetries) throw describeFinalFailure(error, attemptNumber);
        const delayMs = computeRetryDelayMs({
          attempt: attemptNumber,
          baseDelayMs: BASE_RETRY_DELAY_MS,
          maxDelayMs: MAX_RETRY_DELAY_MS,
          retryAfterMs: error.retryAfterMs,
        });
        timeout.clear();
        await sleepUnlessAborted(endpoint.sleep, delayMs, signal);
      } finally {
        timeout.clear();
      }
    }
  };

  async function readRefusal(
    response: Response,
    model: string,
    toFailure: (error: unknown) => unknown,
  ): Promise<unknown> {
    let text = '';
    try {
      text = await response.text();
    } catch (error) {
      return toFailure(error);
    }
    const status = response.status;
    const excerpt = excerptServiceError(text, endpoint.apiKey);
    const said = excerpt ? `: ${excerpt}` : '';
    if (status === 429) {
      const retryAfterMs = parseRetryAfterMs(
        {
          retryAfter: response.headers.get('retry-after'),
          retryAfterMs: response.headers.get('retry-after-ms'),
        },
        endpoint.now(),
      );
      return new AnswerFailure('rate_limited', `HTTP 429${said}`, status, retryAfterMs);
    }
    if (status === 408 || status >= 500)
      return new AnswerFailure('server_error', `HTTP ${status}${said}`, status);
    if (status === 401 || status === 403) {
      const why = endpoint.apiKey ? 'rejected the API key' : 'requires an API key and none is configured';
      return new LlmError(
        'LLM_REJECTED',
        `AI service at ${endpoint.baseUrl} ${why} (HTTP ${status})`,
        status,
      );
    }
    return new LlmError(
      'LLM_REJECTED',
      `AI service at ${endpoint.baseUrl} refused the request for model "${model}" (HTTP ${status})${said}`,
      status,
    );
  }

  function describeFinalFailure(failure: AnswerFailure, attempts: number): LlmError {
    const where = `AI service at ${endpoint.baseUrl}`;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    switch (failure.kind) {
      case 'timeout':
        return new LlmError('LLM_TIMEOUT', `${where} did not answer within ${seconds} s${tries}`);
      case 'rate_limited':
        return new LlmError(
          'LLM_RATE_LIMITED',
          `${where} is limiting requests${tries}: ${failure.message}`,
          429,
        );
      case 'unreachable':
        return new LlmError('LLM_UNAVAILABLE', `${where} could not be reached${tries}: ${failure.message}`);
      default:
        return new LlmError(
          'LLM_UNAVAILABLE',
          `${where} failed${tries}: ${failure.message}`,
          failure.httpStatus,
        );
    }
  }

  function describeBrokenAnswer(failure: AnswerFailure): LlmError {
    const where = `AI service at ${endpoint.baseUrl}`;
    if (failure.kind === 'timeout') {
      return new LlmError(
        'LLM_TIMEOUT',
        `${where} stopped sending for ${seconds} s in the middle of its answer`,
      );
    }
    return new LlmError('LLM_UNAVAILABLE', `${where} broke off its answer: ${failure.message}`);
  }
}

/** The response body as decoded text chunks; read errors become failures, each chunk restarts the timeout. */
async function* readBodyChunks(
  response: Response,
  restartTimeout: () => void,
  toFailure: (error: unknown) => unknown,
): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw toFailure(error);
      }
      if (chunk.done) break;
      restartTimeout();
      const text = decoder.decode(chunk.value, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    // Stopping early (the answer is complete, or the caller failed) must not leave the connection streaming.
    await reader.cancel().catch(() => undefined);
  }
}

/** A timeout for one attempt that a stream can restart on every chunk, combined with the caller's signal. */
function createAttemptTimeout(timeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let hasTimedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      hasTimedOut = true;
      controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  };
  restart();
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal,
    restart,
    hasTimedOut: () => hasTimedOut,
    clear: () => clearTimeout(timer),
  };
}

/**
 * The service's own words about an error, trimmed to 200 characters: `error.message` of OpenAI, vLLM and llama.cpp,
 * `error` of Ollama, `message` or `detail` of proxies, else the raw text. The API key is masked if it was echoed.
 */
export function excerptServiceError(body: string, apiKey: string | undefined): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    const error = parsed?.error;
    const candidate =
      typeof error === 'string'
        ? error
        : ((error as { message?: unknown } | undefined)?.message ?? parsed?.message ?? parsed?.detail);
    if (typeof candidate === 'string') text = candidate;
  } catch {
    // Not JSON: an HTML error page from a proxy, or plain text; the raw text is trimmed below.
  }
  if (apiKey) text = text.split(apiKey).join('***');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
