import { ApiError } from './api.ts';

/** A form's problems by field path (`categoryId`, `contact.email`), in the user's language. */
export type FieldErrors = Record<string, string>;

type T = (key: string, options?: Record<string, unknown>) => unknown;

/** The path of a detail as the form names its field: without the request part (`body.`, `query.`). */
export const fieldPath = (path: string): string => path.replace(/^(body|query|params)\./, '');

/**
 * What to say about a field the server refused. The server's own words are
 * English (and some of its row checks Indonesian): they are never shown, the
 * field's translated rule is, or a general one.
 */
export function fieldMessage(path: string, t: T): string {
  const table = t('fieldErrors.field', { returnObjects: true }) as Record<string, string> | string;
  const field = fieldPath(path);
  const last = field.split('.').pop() ?? field;
  const own = typeof table === 'object' ? (table[field] ?? table[last]) : undefined;
  return own ?? String(t('fieldErrors.invalid'));
}

/** The fields an answer of 400 VALIDATION_FAILED marks, each with its translated message. */
export function fieldErrorsOf(error: unknown, t: T): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: FieldErrors = {};
  for (const d of error.details) out[fieldPath(d.path)] ??= fieldMessage(d.path, t);
  return out;
}

const blank = (v: unknown): boolean => v == null || (typeof v === 'string' && v.trim() === '');

/** The required fields left empty, checked before anything is sent. */
export function requiredErrors(values: Record<string, unknown>, t: T): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, value] of Object.entries(values)) if (blank(value)) out[path] = String(t('fieldErrors.required'));
  return out;
}

/** The errors of one nested part (`contact.`), keyed by the part's own field names. */
export function within(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  return out;
}
