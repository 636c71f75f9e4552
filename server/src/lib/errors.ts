/**
 * Errors the product raises on purpose. Each has a stable `code` and a message written for the person
 * who sent the request; the HTTP error handler, the job runner and the CLI translate them to their transport.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The request is malformed or a field fails validation (HTTP 400). */
export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, code = 'VALIDATION_FAILED') {
    super(code, message, details);
  }
}

/** The caller is not signed in, or the credentials are wrong (HTTP 401). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

/** The caller is signed in but their role does not allow the action (HTTP 403). */
export class ForbiddenError extends AppError {
  constructor(message: string, code = 'FORBIDDEN') {
    super(code, message);
  }
}

/** The thing the caller named does not exist (HTTP 404). */
export class NotFoundError extends AppError {
  constructor(message: string, code = 'NOT_FOUND') {
    super(code, message);
  }
}

/** The request collides with the current state, e.g. a duplicate name (HTTP 409). */
export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT', details?: unknown) {
    super(code, message, details);
  }
}

/** The request is well-formed but breaks a business rule, e.g. an illegal status transition (HTTP 422). */
export class RuleViolationError extends AppError {
  constructor(message: string, code = 'RULE_VIOLATION', details?: unknown) {
    super(code, message, details);
  }
}

/** Too many attempts in a short time (HTTP 429). */
export class RateLimitedError extends AppError {
  constructor(message: string) {
    super('RATE_LIMITED', message);
  }
}

/** A dependency the server needs (the database) is unavailable (HTTP 503). */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}
