import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

/** Says what went wrong in the user's language, with the server's details. */
export function errorText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'ACCOUNT_LOCKED') return t('login.locked', { minutes: error.details[0]?.message ?? '15' });
    return t(`errors.${error.code}`, { defaultValue: error.message });
  }
  return t('errors.INTERNAL');
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details.filter((d) => d.path !== 'minutes') : [];
  return (
    <Alert color="red" role="alert" title={errorText(error, t)}>
      {error instanceof ApiError && error.code !== 'VALIDATION_FAILED' && details.length === 0 ? error.message : null}
      {details.length > 0 ? (
        <List size="sm">
          {details.map((d) => (
            <List.Item key={`${d.path}-${d.message}`}>
              <strong>{d.path}</strong>: {d.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
