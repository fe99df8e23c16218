/**
 * Errors of the application, with stable codes that do not depend on HTTP.
 * The server maps each code to a status in one table (src/server/errors.ts).
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SIGN_IN_REQUIRED',
  'ACCOUNT_LOCKED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EDITION_LOCKED',
  'INVALID_TRANSITION',
  'INELIGIBLE',
  'DEADLINE_PASSED',
  'JUROR_SHORTFALL',
  'RATE_LIMITED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'not allowed'): AppError => new AppError('FORBIDDEN', why);
export const conflict = (why: string, details?: ErrorDetail[]): AppError => new AppError('CONFLICT', why, details);
