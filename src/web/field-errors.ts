import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

/** A form's problems by field path (`categoryId`, `contact.email`), in the user's language. */
export type FieldErrors = Record<string, string>;

type T = (key: string, options?: Record<string, unknown>) => unknown;

/** The path of a detail as the form names its field: without the request part (`body.`, `query.`). */
export const fieldPath = (path: string): string => path.replace(/^(body|query|params)\./, '');

const table = (t: T, key: string): Record<string, string> => {
  const found = t(key, { returnObjects: true });
  return typeof found === 'object' && found !== null ? (found as Record<string, string>) : {};
};

/**
 * What to say about a field the server refused. The server's own words are
 * English (and some of its row checks Indonesian): they are never shown, the
 * field's translated rule is, or a general one. A form whose field follows
 * another rule than the common one (a user's name is 2–120 characters, a
 * candidate's 2–200) names itself, and its own rule is said
 * (`fieldErrors.forms.<form>`).
 */
export function fieldMessage(path: string, t: T, form?: string): string {
  const field = fieldPath(path);
  const last = field.split('.').pop() ?? field;
  const own = form ? table(t, `fieldErrors.forms.${form}`) : {};
  const common = table(t, 'fieldErrors.field');
  return own[field] ?? own[last] ?? common[field] ?? common[last] ?? String(t('fieldErrors.invalid'));
}

/**
 * The fields an answer of 400 VALIDATION_FAILED marks, each with its
 * translated message; with `fields`, only those the form shows (the others
 * are listed by the ErrorAlert).
 */
export function fieldErrorsOf(error: unknown, t: T, options: { form?: string; fields?: readonly string[] } = {}): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: FieldErrors = {};
  for (const d of error.details) {
    const path = fieldPath(d.path);
    if (options.fields && !options.fields.includes(path)) continue;
    out[path] ??= fieldMessage(d.path, t, options.form);
  }
  return out;
}

const blank = (v: unknown): boolean => v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

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

/**
 * One form's field errors: `check` marks the required fields left empty (and
 * any rule the form checks itself) before sending and says whether to send;
 * `refused` marks the fields a refusal names, among those the form shows.
 * `alert` goes to the form's ErrorAlert, which then lists only what no field
 * shows and says "check the marked fields" only when one is marked.
 */
export function useFieldErrors(fields: readonly string[], form?: string) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const key = fields.join('\n');
  const check = useCallback(
    (required: Record<string, unknown>, own: FieldErrors = {}): boolean => {
      const marked = { ...requiredErrors(required, t), ...own };
      setErrors(marked);
      return Object.keys(marked).length === 0;
    },
    [t],
  );
  const refused = useCallback((error: unknown) => setErrors(fieldErrorsOf(error, t, { form, fields: key.split('\n') })), [t, form, key]);
  const clear = useCallback(() => setErrors({}), []);
  const alert = useMemo(() => ({ marked: errors, form }), [errors, form]);
  return { errors, check, refused, clear, alert };
}
