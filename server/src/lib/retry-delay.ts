/** The inputs of one backoff computation. */
export interface RetryDelayOptions {
  /** 1 for the first retry, 2 for the second … */
  attempt: number;
  /** The ceiling of the first retry's delay; each retry doubles it. */
  baseDelayMs: number;
  /** No delay is ever longer, including one the server asked for. */
  maxDelayMs: number;
  /** What the server asked for (see `parseRetryAfterMs`); wins over the computed backoff. */
  retryAfterMs?: number | undefined;
  /** A number in [0, 1); `Math.random` unless given. */
  random?: () => number;
}

/**
 * How long to wait before retry number `attempt`: exponential backoff with full jitter,
 * `random() × min(maxDelayMs, baseDelayMs × 2^(attempt−1))` (AWS Architecture Blog, "Exponential Backoff And Jitter").
 * A server's Retry-After is honoured as asked, capped at `maxDelayMs`. Example: base 500, attempt 3 → 0…2 000 ms.
 */
export function computeRetryDelayMs(options: RetryDelayOptions): number {
  if (options.retryAfterMs !== undefined)
    return Math.min(Math.max(0, options.retryAfterMs), options.maxDelayMs);
  const random = options.random ?? Math.random;
  const ceilingMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, options.attempt - 1));
  return Math.floor(random() * ceilingMs);
}

/** The headers a server may use to say when to come back. */
export interface RetryAfterHeaders {
  /** `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  retryAfter?: string | null | undefined;
  /** `retry-after-ms`: milliseconds, sent by OpenAI and Azure OpenAI; preferred when present. */
  retryAfterMs?: string | null | undefined;
}

/**
 * The wait a server asked for, in milliseconds, or undefined when it asked for none or said something unreadable.
 * `Retry-After: 2` → 2 000; `Retry-After: <HTTP-date>` → that date minus `nowMs` (0 when already past).
 */
export function parseRetryAfterMs(headers: RetryAfterHeaders, nowMs: number): number | undefined {
  const milliseconds = headers.retryAfterMs?.trim();
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.round(Number(milliseconds));
  const value = headers.retryAfter?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1_000);
  // Every HTTP-date form names a weekday or month; Date.parse alone would read "-5" as a year.
  const dateMs = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}
