import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/contracts/index.ts';
import { api, rememberSession } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PublicFrame } from './public-frame.tsx';

/** The invitation link: the invited person creates its account (or joins with its existing one) and is signed in. */
export function InvitationPage() {
  const { token } = useParams({ from: '/undangan/$token' });
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { email } = await api<{ email: string }>('POST', '/api/invitations/accept', { token, name, password });
      const me = await api<Me>('POST', '/api/auth/login', { email, password });
      rememberSession(me);
      client.setQueryData(['me'], me);
      // Let the session settle before the signed-in pages read it.
      await client.refetchQueries({ queryKey: ['me'] });
      await navigate({ to: '/' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('acceptInvite.title')}>
      <Text size="sm">{t('acceptInvite.hint')}</Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert error={error} />
        <TextInput label={t('acceptInvite.name')} autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} mt="sm" />
        <PasswordInput
          label={t('acceptInvite.password')}
          description={t('acceptInvite.passwordHint')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          mt="sm"
        />
        <Button type="submit" color="teal" loading={busy} mt="md" fullWidth>
          {t('acceptInvite.submit')}
        </Button>
      </form>
    </PublicFrame>
  );
}
