/**
 * How errors are written to the log. A failed query's error carries the
 * values it was sent (Drizzle puts them in its message as `params: …` and in
 * `params`; pg and PGlite keep them too, and PostgreSQL's `detail` repeats
 * the offending key): password hashes, e-mail addresses, names. The log keeps
 * the SQL text, the SQLSTATE and the constraint, never those values.
 */

type Serialized = { type: string; message: string; stack: string; [key: string]: unknown };

/** Drizzle's "Failed query: <sql>\nparams: <values>" without the values. */
function withoutParams(text: string): string {
  return text.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/, '\nparams: [not logged]');
}

/** Fields of a driver's error that say what failed without saying with which values. */
const safeFields = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine', 'syscall', 'errno', 'statusCode', 'validationContext'] as const;

function serialize(error: unknown, depth: number): Serialized {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: String(error), stack: '' };
  const e = error as Error & Record<string, unknown>;
  const out: Serialized = {
    type: e.constructor?.name ?? 'Error',
    message: withoutParams(String(e.message ?? '')),
    stack: typeof e.stack === 'string' ? withoutParams(e.stack) : '',
  };
  for (const field of safeFields) if (e[field] !== undefined && e[field] !== null && typeof e[field] !== 'object') out[field] = e[field];
  // The SQL text has placeholders ($1, $2, …) for the values; the values stay out.
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 5) out.cause = serialize(e.cause, depth + 1);
  return out;
}

/** The `err` serializer of the app's logger. */
export function errorSerializer(error: unknown): Serialized {
  return serialize(error, 0);
}
