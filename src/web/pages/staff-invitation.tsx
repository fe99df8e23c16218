import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Text, TextInput } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { api } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors } from '../field-errors.ts';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { PublicFrame } from './public-frame.tsx';

/**
 * A staff invitation link (`/undangan-staf/<token>`): the invited person
 * checks the name and chooses a password (the same rules as everywhere),
 * once; then signs in. The token goes to the server in a request body only.
 */
export function StaffInvitationPage() {
  const { token } = useParams({ from: '/undangan-staf/$token' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const view = useQuery({
    queryKey: ['staff-invitation', token],
    queryFn: () => api<{ email: string; name: string; expiresAt: string }>('POST', '/api/staff-invitations/lookup', { token }),
    retry: false,
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['name', 'password'], 'user');
  useEffect(() => {
    if (view.data) setName(view.data.name);
  }, [view.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ name, password, repeat }, password !== repeat && repeat !== '' ? { repeat: t('account.mismatch') } : {})) return;
    setBusy(true);
    try {
      await api('POST', '/api/staff-invitations/accept', { token, name, password });
      setDone(true);
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('staffInvite.title')}>
      {view.error ? <ErrorAlert error={view.error} /> : null}
      {done ? (
        <>
          <Alert color="teal" role="status">
            {t('staffInvite.done')}
          </Alert>
          <Button component={Link} to="/login" color="teal" fullWidth>
            {t('staffInvite.login')}
          </Button>
        </>
      ) : view.data ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Text size="sm">{t('staffInvite.hint', { email: view.data.email })}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('staffInvite.validUntil', { date: formatDateTime(view.data.expiresAt, lang) })}
          </Text>
          <ErrorAlert error={error} {...fields.alert} />
          <TextInput label={t('staffInvite.name')} required value={name} error={fields.errors.name} onChange={(e) => setName(e.currentTarget.value)} mt="sm" autoComplete="name" />
          <NewPasswordFields value={password} repeat={repeat} onChange={setPassword} onRepeatChange={setRepeat} mt="sm" error={fields.errors.password} repeatError={fields.errors.repeat} />
          <Button type="submit" color="teal" loading={busy} mt="md" fullWidth>
            {t('staffInvite.submit')}
          </Button>
        </form>
      ) : null}
    </PublicFrame>
  );
}
