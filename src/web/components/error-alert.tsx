import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

/** Codes whose translated title says everything: no server details shown. */
const selfExplained = new Set(['FILE_TOO_LARGE', 'UNSUPPORTED_FILE', 'DEADLINE_PASSED', 'RATE_LIMITED', 'NETWORK', 'INVALID_CREDENTIALS', 'INVALID_SECOND_FACTOR', 'TWO_FACTOR_REQUIRED']);

/** Says what went wrong in the user's language, with the server's details. */
export function errorText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'ACCOUNT_LOCKED') return t('login.locked', { minutes: error.details[0]?.message ?? '15' });
    if (error.code === 'FILE_TOO_LARGE' && error.details[0]) return t('evidenceLimit', { limit: error.details[0].message });
    return t(`errors.${error.code}`, { defaultValue: error.message });
  }
  return t('errors.INTERNAL');
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const details = api && !selfExplained.has(api.code) ? api.details.filter((d) => d.path !== 'minutes') : [];
  return (
    <Alert color="red" role="alert" title={errorText(error, t)}>
      {api && !selfExplained.has(api.code) && api.code !== 'VALIDATION_FAILED' && details.length === 0 ? api.message : null}
      {details.length > 0 ? (
        <List size="sm">
          {details.map((d) => (
            <List.Item key={`${d.path}-${d.message}`}>
              {api?.code === 'INELIGIBLE' ? null : <strong>{t(`rules.${d.path}`, { defaultValue: d.path })}: </strong>}
              {d.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
