import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { fieldMessage, fieldPath, shownField, type FieldErrors, type FieldName } from '../field-errors.ts';

/** Codes whose translated title says everything: no server details shown. */
const selfExplained = new Set(['FILE_TOO_LARGE', 'UNSUPPORTED_FILE', 'DEADLINE_PASSED', 'RATE_LIMITED', 'NETWORK', 'INVALID_CREDENTIALS', 'INVALID_SECOND_FACTOR', 'TWO_FACTOR_REQUIRED']);

/** Says what went wrong in the user's language, with the server's details. */
export function errorText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'ACCOUNT_LOCKED') return t('login.locked', { minutes: error.details[0]?.message ?? '15' });
    if (error.code === 'FILE_TOO_LARGE' && error.details[0]) return t('evidenceLimit', { limit: error.details[0].message });
    return t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
  }
  return t('errors.INTERNAL');
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * What the alert says: a translated title; for invalid input, the translated
 * rule of each field the form does not mark itself (`marked`: the fields
 * marked on screen, by `useFieldErrors`); the server's English explanation
 * only on English pages. "Check the marked fields" is said only when a field
 * on screen is marked, else the title says some entries are missing or
 * invalid and the lines say which rules.
 */
export function alertContent(
  error: unknown,
  {
    marked,
    form,
    name = fieldPath,
    place,
    english,
  }: {
    marked?: FieldErrors | undefined;
    form?: string | undefined;
    name?: FieldName | undefined;
    /** Where a field no one can see marked sits, in words ("Regulasi #1: judul"), said before its rule. */
    place?: ((field: string) => string) | undefined;
    english: boolean;
  },
  t: T,
): { title: string; message: string | null; lines: string[] } {
  const api = error instanceof ApiError ? error : null;
  const markedCount = marked ? Object.keys(marked).length : 0;
  const details = api && !selfExplained.has(api.code) ? api.details.filter((d) => d.path !== 'minutes') : [];
  const invalid = api?.code === 'VALIDATION_FAILED';
  const unmarked = invalid ? details.filter((d) => !marked || shownField(name(fieldPath(d.path)), Object.keys(marked)) === null) : [];
  const lines = invalid
    ? [...new Set(unmarked.map((d) => (place ? `${place(name(fieldPath(d.path)))} — ${fieldMessage(d.path, t, form, name(fieldPath(d.path)))}` : fieldMessage(d.path, t, form, name(fieldPath(d.path))))))]
    : api?.code === 'INELIGIBLE'
      ? details.map((d) => (english ? t(`rules.${d.path}`, { defaultValue: d.path }) : d.message))
      : details.some((d) => d.path === 'refusal')
        ? // A refusal the server names by a stable reason (marking.ts): said in the user's language.
          details.filter((d) => d.path === 'refusal').map((d) => t(`marking.refusals.${d.message}`, { defaultValue: english ? api?.message : '' }))
        : // Any other refusal: its details are the server's keys and values ("version: 3"), never shown;
          // English pages add the server's sentence, which says why in words.
          [];
  return {
    title: invalid && markedCount === 0 ? t('fieldErrors.unmarked') : errorText(error, t),
    message: api && english && !selfExplained.has(api.code) && !invalid && lines.length === 0 ? api.message : null,
    lines: lines.filter(Boolean),
  };
}

/**
 * The error in the user's language only (see `alertContent`). With no error
 * but marked fields (required ones left empty, found before sending), it
 * says how many fields are marked.
 */
export function ErrorAlert({
  error,
  marked,
  form,
  name,
  place,
}: {
  error: unknown;
  marked?: FieldErrors;
  form?: string | undefined;
  name?: FieldName | undefined;
  place?: ((field: string) => string) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const markedCount = marked ? Object.keys(marked).length : 0;
  if (!error) return markedCount > 0 ? <Alert color="red" role="alert" title={t('fieldErrors.summary', { count: markedCount })} /> : null;
  const { title, message, lines } = alertContent(error, { marked, form, name, place, english: i18n.language === 'en' }, t);
  return (
    <Alert color="red" role="alert" title={title}>
      {message}
      {lines.length > 0 ? (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
