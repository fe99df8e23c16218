/**
 * What a failed query means to the app, read from the driver's error. Both
 * drivers report PostgreSQL's SQLSTATE in `code` (pg's DatabaseError and
 * PGlite's alike); Drizzle wraps them in an error whose `cause` is the
 * driver's, so the chain of causes is searched.
 */
export type DatabaseFault =
  /** The connection is gone or cannot be made: the server restarted, failed over, or was cut off. */
  | { kind: 'unavailable'; sqlState: string | null; reason: string }
  /** The database cannot write: read-only, disk full, a data file it may not create. */
  | { kind: 'storage'; sqlState: string; reason: string }
  | { kind: 'unique'; constraint: string | null }
  | { kind: 'foreign-key'; constraint: string | null }
  /** Serialization failure or deadlock: a concurrent transaction got in the way. */
  | { kind: 'concurrent'; sqlState: string };

type ErrorLike = { code?: unknown; message?: unknown; constraint?: unknown; cause?: unknown };

const sqlStatePattern = /^[0-9A-Z]{5}$/;

/** SQLSTATEs (or classes, two characters) that say the server is not there for us now. */
const unavailableStates = new Set(['08', '57P01', '57P02', '57P03', '53300']);
const storageStates: Record<string, string> = {
  '53100': 'disk full',
  '25006': 'read-only',
  '58030': 'input/output error',
};
/** Socket errors of a connection to the database server. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What pg says, without a code, about a connection that is gone or cannot be had. */
const lostConnection = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end on the pool)/;

function faultOf(error: ErrorLike): DatabaseFault | null {
  const code = typeof error.code === 'string' ? error.code : null;
  const message = typeof error.message === 'string' ? error.message : '';
  const constraint = typeof error.constraint === 'string' ? error.constraint : null;
  if (code && sqlStatePattern.test(code)) {
    if (code === '23505') return { kind: 'unique', constraint };
    if (code === '23503') return { kind: 'foreign-key', constraint };
    if (code === '40001' || code === '40P01') return { kind: 'concurrent', sqlState: code };
    if (storageStates[code]) return { kind: 'storage', sqlState: code, reason: storageStates[code] };
    // PGlite writes its data files itself: a directory it may not write answers 42501 "could not create file …".
    if (code === '42501' && /^could not (create|write|open|extend|fsync)/.test(message)) return { kind: 'storage', sqlState: code, reason: 'data files not writable' };
    if (unavailableStates.has(code) || unavailableStates.has(code.slice(0, 2))) return { kind: 'unavailable', sqlState: code, reason: message };
    return null;
  }
  if (code && socketCodes.has(code)) return { kind: 'unavailable', sqlState: null, reason: code };
  if (lostConnection.test(message)) return { kind: 'unavailable', sqlState: null, reason: message };
  return null;
}

/** The fault behind an error thrown by a query or a transaction, or null when it is none of these. */
export function databaseFault(error: unknown): DatabaseFault | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const fault = faultOf(current);
    if (fault) return fault;
    current = (current as ErrorLike).cause;
  }
  return null;
}

/**
 * The unique constraints and indexes of the schema, in words: what a
 * duplicate means to the person who sent it, and the field it is about.
 */
export const uniqueConstraintWords: Record<string, { path: string; words: string }> = {
  users_email_unique: { path: 'email', words: 'An account with this e-mail address already exists' },
  user_roles_unique_idx: { path: 'roles', words: 'The user already has this role' },
  edition_categories_code_idx: { path: 'code', words: 'The edition already has a category with this code' },
  edition_levels_code_idx: { path: 'code', words: 'The edition already has a level with this code' },
  edition_milestones_kind_idx: { path: 'kind', words: 'The edition already has this milestone' },
  candidates_regency_idx: { path: 'regencyCode', words: 'This regency is already a candidate in this category and level' },
  candidates_npp_idx: { path: 'npp', words: 'This employer (NPP) is already a candidate in this category and level' },
  candidate_values_key_idx: { path: 'key', words: 'The candidate already has this value' },
  coverage_snapshots_version_idx: { path: 'version', words: 'This coverage snapshot version already exists' },
  conflicts_pair_idx: { path: 'candidateId', words: 'This conflict of interest is already recorded' },
  pools_key_idx: { path: 'categoryId', words: 'A pool for this level, area and category already exists' },
  pool_results_version_idx: { path: 'version', words: 'This version of the result already exists' },
  certificates_code_unique: { path: 'code', words: 'A certificate with this code already exists' },
  certificates_current_idx: { path: 'candidateId', words: 'The candidate already has a current certificate for this result' },
  press_releases_winner_idx: { path: 'candidateId', words: 'The winner already has a press release for this result' },
  invitations_token_hash_unique: { path: 'token', words: 'This invitation already exists' },
  audit_log_hash_unique: { path: 'audit', words: 'Another change was recorded at the same moment' },
};
