import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { databaseFault, uniqueConstraintWords } from '../db/faults.ts';
import { fileStoreFault } from './storage/faults.ts';
import { SecretKeyMismatch } from './auth/secret-box.ts';

/** The one table from error codes to HTTP status. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SIGN_IN_REQUIRED: 401,
  ACCOUNT_LOCKED: 423,
  INVALID_SECOND_FACTOR: 401,
  TWO_FACTOR_REQUIRED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EDITION_LOCKED: 409,
  INVALID_TRANSITION: 409,
  INELIGIBLE: 409,
  DEADLINE_PASSED: 409,
  JUROR_SHORTFALL: 409,
  RESULT_NOT_PUBLISHED: 409,
  RATE_LIMITED: 429,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DATABASE_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  TWO_FACTOR_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client is asked to wait before trying again after a 503. */
export const retryAfterSeconds = 5;

/**
 * Turns what the database, the file store or Fastify threw into an error with
 * a stable code, or null when it is a bug (answered 500 and logged).
 */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const fault = databaseFault(error);
  if (fault) {
    switch (fault.kind) {
      case 'unavailable':
        return new AppError('DATABASE_UNAVAILABLE', 'The database cannot be reached; nothing was changed. Try again in a moment');
      case 'storage':
        return new AppError('STORAGE_UNAVAILABLE', `The database cannot write (${fault.reason}); nothing was changed`, [{ path: 'database', message: fault.reason }]);
      case 'unique': {
        const known = fault.constraint ? uniqueConstraintWords[fault.constraint] : undefined;
        return new AppError('CONFLICT', known?.words ?? `This already exists (${fault.constraint ?? 'unique constraint'})`, [
          { path: known?.path ?? fault.constraint ?? 'unique', message: 'already used' },
        ]);
      }
      case 'foreign-key':
        return new AppError('CONFLICT', 'It refers to something that no longer exists, or something else still refers to it', [
          { path: fault.constraint ?? 'reference', message: 'reference' },
        ]);
      case 'concurrent':
        return new AppError('CONFLICT', 'A change made at the same moment got in the way; nothing was changed. Try again');
    }
  }
  if (error instanceof SecretKeyMismatch) {
    return new AppError('TWO_FACTOR_UNAVAILABLE', 'This server cannot check two-step codes: its secrets key is not the one that sealed them. No code was used; tell the administrator', undefined, { cause: error });
  }
  const storage = fileStoreFault(error);
  if (storage) return new AppError('STORAGE_UNAVAILABLE', `The file store cannot write (${storage}); nothing was changed`, [{ path: 'files', message: storage }]);
  const fastify = error as Partial<FastifyError> | null;
  if (fastify?.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('FILE_TOO_LARGE', 'The file is larger than the server accepts');
  if (fastify?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request is larger than the server accepts');
  if (fastify?.statusCode === 415 || fastify?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', fastify.message ?? 'Unsupported content type');
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    const error = appErrorOf(thrown);
    if (error) {
      const status = httpStatus[error.code];
      if (status >= 500) {
        // Not a bug, but the operator must know: the cause is logged (without the query's parameters).
        request.log.warn({ err: thrown }, error.code);
        reply.header('retry-after', String(retryAfterSeconds));
      }
      return reply.status(status).send({
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(thrown)) {
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid',
          details: thrown.validation.map((v) => ({
            path: [String(thrown.validationContext ?? ''), ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])]
              .filter(Boolean)
              .join('.'),
            message: v.message ?? 'invalid',
          })),
        },
      });
    }
    const status = (thrown as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Too many requests; try again in a minute' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status === 404 ? 404 : 400).send({
        error: { code: status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message: thrown.message },
      });
    }
    request.log.error({ err: thrown }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal error; it has been logged' } });
  });
}
