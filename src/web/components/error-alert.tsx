import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { fieldMessage } from '../field-errors.ts';

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

/**
 * The error in the user's language only: a translated title; for invalid
 * input, each field's translated rule (the fields themselves are marked by
 * the form); the server's English explanation only on English pages.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const english = i18n.language === 'en';
  const details = api && !selfExplained.has(api.code) ? api.details.filter((d) => d.path !== 'minutes') : [];
  const lines =
    api?.code === 'VALIDATION_FAILED'
      ? [...new Set(details.map((d) => fieldMessage(d.path, t)))]
      : api?.code === 'INELIGIBLE'
        ? details.map((d) => (english ? t(`rules.${d.path}`, { defaultValue: d.path }) : d.message))
        : details.some((d) => d.path === 'refusal')
          ? // A refusal the server names by a stable reason (marking.ts): said in the user's language.
            details.filter((d) => d.path === 'refusal').map((d) => t(`marking.refusals.${d.message}`, { defaultValue: english ? api?.message : '' }))
          : english
            ? details.map((d) => `${d.path}: ${d.message}`)
            : [];
  return (
    <Alert color="red" role="alert" title={errorText(error, t)}>
      {api && english && !selfExplained.has(api.code) && api.code !== 'VALIDATION_FAILED' && lines.length === 0 ? api.message : null}
      {lines.length > 0 ? (
        <List size="sm">
          {lines.filter(Boolean).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
