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
  /** The two-factor code (or recovery code) is wrong, used already, or the account is locked. */
  'INVALID_SECOND_FACTOR',
  /** The account must switch on two-factor before doing anything else. */
  'TWO_FACTOR_REQUIRED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EDITION_LOCKED',
  'INVALID_TRANSITION',
  'INELIGIBLE',
  'DEADLINE_PASSED',
  'JUROR_SHORTFALL',
  /** What is shown only once a pool's result is announced (a candidate's feedback) before that. */
  'RESULT_NOT_PUBLISHED',
  'RATE_LIMITED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  /** A request body larger than the server accepts. */
  'PAYLOAD_TOO_LARGE',
  /** A request body of a content type the route does not read. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** The database cannot be reached (connection lost, server restarting); nothing was changed. */
  'DATABASE_UNAVAILABLE',
  /** The database or the file store cannot write (read-only, disk full); nothing was changed. */
  'STORAGE_UNAVAILABLE',
  /** This server cannot open the stored two-step secrets (its SECRETS_KEY is not the one that sealed them); no code was used. */
  'TWO_FACTOR_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * One refused field or row: `message` in English; a refused row of an
 * uploaded sheet also carries its stable `reason` code and the `values` it
 * names (`sheets/row-reasons.ts`), which the page says in the user's language.
 */
export type ErrorDetail = { path: string; message: string; reason?: string; values?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'not allowed'): AppError => new AppError('FORBIDDEN', why);
export const conflict = (why: string, details?: ErrorDetail[]): AppError => new AppError('CONFLICT', why, details);
