/**
 * Why a call to the AI service failed, as a stable code:
 * UNAVAILABLE (unreachable, 5xx, stream broke), TIMEOUT, RATE_LIMITED (429 after retries), REJECTED (4xx: key, model,
 * request), INVALID_OUTPUT (answered, but not what was asked even after one repair), CIRCUIT_OPEN (resting after
 * repeated failures; nothing was sent).
 */
export type LlmErrorCode =
  | 'LLM_UNAVAILABLE'
  | 'LLM_TIMEOUT'
  | 'LLM_RATE_LIMITED'
  | 'LLM_REJECTED'
  | 'LLM_INVALID_OUTPUT'
  | 'LLM_CIRCUIT_OPEN';

/** A failed AI call. The message names the service and says what happened; it never holds the API key. */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  /** The HTTP status the service answered with, when the failure was an HTTP answer. */
  readonly httpStatus: number | null;

  constructor(code: LlmErrorCode, message: string, httpStatus: number | null = null) {
    super(message);
    this.name = 'LlmError';
    this.code = code;
    this.httpStatus = httpStatus;
  }
}
