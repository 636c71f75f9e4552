/**
 * Why an investigation by the external service failed: UNAVAILABLE (unreachable, 5xx, token refused, stream kept
 * breaking), TIMEOUT (not finished within INVESTIGATOR_TIMEOUT_SECONDS), FAILED (the service reported an error or
 * refused the investigation), INVALID_RESPONSE (answers outside the contract), CIRCUIT_OPEN (resting after repeated
 * failures; nothing was sent).
 */
export type InvestigatorErrorCode =
  | 'INVESTIGATOR_UNAVAILABLE'
  | 'INVESTIGATOR_TIMEOUT'
  | 'INVESTIGATOR_FAILED'
  | 'INVESTIGATOR_INVALID_RESPONSE'
  | 'INVESTIGATOR_CIRCUIT_OPEN';

/** A failed investigation. The message names the service and says what happened; it never holds the token. */
export class InvestigatorError extends Error {
  readonly code: InvestigatorErrorCode;

  constructor(code: InvestigatorErrorCode, message: string) {
    super(message);
    this.name = 'InvestigatorError';
    this.code = code;
  }
}
