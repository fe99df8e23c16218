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
 * (`fieldErrors.forms.<form>`, or the table a page keeps beside its other
 * texts when `form` is a key such as `specialAwards.errors`). `shown`: the
 * field the form shows the path on, whose rule is said when the path's own
 * names have none.
 */
export function fieldMessage(path: string, t: T, form?: string, shown?: string): string {
  const field = fieldPath(path);
  // An entry of a list is said by the list's rule: `provinceCodes.2` by `provinceCodes`'s.
  const words = field.split('.').filter((part) => !/^\d+$/.test(part));
  // Last, the field the form shows the path on (`files.peserta.csv` on `files`), when it names it otherwise.
  const names = [field, words.join('.'), words.at(-1) ?? field, ...(shown ? [shown] : [])];
  const own = form ? table(t, form.includes('.') ? form : `fieldErrors.forms.${form}`) : {};
  const common = table(t, 'fieldErrors.field');
  for (const rules of [own, common]) for (const name of names) if (rules[name]) return rules[name];
  return String(t('fieldErrors.invalid'));
}

/**
 * The field among `shown` that shows a refused path: the path itself, else
 * the list it is an entry of (`provinceCodes.2` is shown on `provinceCodes`).
 */
export function shownField(path: string, shown: readonly string[]): string | null {
  if (shown.includes(path)) return path;
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.');
    if (/^\d+$/.test(parts[i]!) && shown.includes(parent)) return parent;
  }
  return null;
}

/**
 * How a form names the field of a path the server refused, when not by the
 * path itself (`milestones.2.endsOn` is the end date of the third milestone
 * sent, which the form knows by its kind).
 */
export type FieldName = (path: string) => string;

/**
 * The fields an answer of 400 VALIDATION_FAILED marks, each with its
 * translated message; with `fields`, only those the form shows (the others
 * are listed by the ErrorAlert).
 */
export function fieldErrorsOf(error: unknown, t: T, options: { form?: string | undefined; fields?: readonly string[]; name?: FieldName | undefined } = {}): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: FieldErrors = {};
  for (const d of error.details) {
    const path = (options.name ?? fieldPath)(fieldPath(d.path));
    const field = options.fields ? shownField(path, options.fields) : path;
    if (field === null) continue;
    out[field] ??= fieldMessage(d.path, t, options.form, field);
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
export function useFieldErrors(fields: readonly string[], form?: string, name?: FieldName) {
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
  const refused = useCallback((error: unknown) => setErrors(fieldErrorsOf(error, t, { form, fields: key.split('\n'), name })), [t, form, key, name]);
  const clear = useCallback(() => setErrors({}), []);
  const alert = useMemo(() => ({ marked: errors, form, name }), [errors, form, name]);
  return { errors, check, refused, clear, alert };
}
