import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';

const statusByErrorClass: Record<string, number> = {
  ValidationError: 400,
  UnauthenticatedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  RuleViolationError: 422,
  RateLimitedError: 429,
  UnavailableError: 503,
};

interface FieldProblem {
  field: string;
  message: string;
}

/** The one place where errors become HTTP answers: `{ error: { code, message, details } }`, never a raw stack. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const problems: FieldProblem[] = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const unknownKeys = (issue.params as { issue?: { code?: string; keys?: string[] } }).issue;
        if (unknownKeys?.code === 'unrecognized_keys' && unknownKeys.keys) {
          return {
            field: [path, unknownKeys.keys.join(', ')].filter(Boolean).join('.'),
            message: `unknown field${unknownKeys.keys.length > 1 ? 's' : ''} ${unknownKeys.keys.map((key) => `"${key}"`).join(', ')}`,
          };
        }
        return { field: path || where, message: issue.message ?? 'is invalid' };
      });
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid ${where}: ${summary}`,
          details: { in: where, problems },
        },
      });
    }
    if (error instanceof AppError) {
      const status = statusByErrorClass[error.name] ?? 400;
      return reply
        .code(status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply
        .code(500)
        .send({ error: { code: 'INTERNAL', message: 'The server could not build its answer.' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({
        error: { code: clientErrorCode(error, status), message: clientErrorMessage(error, status) },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side; the request was not applied.',
      },
    });
  });
}

function clientErrorCode(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
  }
}

function clientErrorMessage(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty; send a JSON object.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json.';
    default:
      return status === 429 ? 'Too many requests; wait a minute and try again.' : error.message;
  }
}
