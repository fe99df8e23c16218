import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';

/** The one table from error codes to HTTP status. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SIGN_IN_REQUIRED: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EDITION_LOCKED: 409,
  INVALID_TRANSITION: 409,
  INELIGIBLE: 409,
  DEADLINE_PASSED: 409,
  JUROR_SHORTFALL: 409,
  RATE_LIMITED: 429,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  INTERNAL: 500,
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(httpStatus[error.code]).send({
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid',
          details: error.validation.map((v) => ({
            path: [String(error.validationContext ?? ''), ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])]
              .filter(Boolean)
              .join('.'),
            message: v.message ?? 'invalid',
          })),
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Too many requests; try again in a minute' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status === 404 ? 404 : 400).send({
        error: { code: status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message: error.message },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal error; it has been logged' } });
  });
}
