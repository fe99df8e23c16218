import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/contracts/index.ts';
import { ApiError, api, rememberSession } from '../api.ts';
import { useSession } from '../auth.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors } from '../field-errors.ts';
import { PublicFrame } from './public-frame.tsx';

/**
 * The invitation link. A new person creates its account here and is signed
 * in; a person who already has an account signs in first and then accepts
 * for that account, explicitly (the link never takes a password of an
 * existing account).
 */
export function InvitationPage() {
  const { token } = useParams({ from: '/undangan/$token' });
  const { t } = useTranslation();
  const { me, loading, logout } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['name', 'password'], 'user');
  const here = `/undangan/${token}`;
  const needsSignIn = error instanceof ApiError && error.code === 'SIGN_IN_REQUIRED';

  async function done() {
    // Let the session settle before the signed-in pages read it.
    await client.refetchQueries({ queryKey: ['me'] });
    await navigate({ to: '/' });
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ name, password })) return;
    setBusy(true);
    try {
      const { email } = await api<{ email: string }>('POST', '/api/invitations/accept', { token, name, password });
      const session = await api<Me>('POST', '/api/auth/login', { email, password });
      rememberSession(session);
      client.setQueryData(['me'], session);
      await done();
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  async function join() {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/invitations/accept', { token });
      await done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const signInLink = (
    <Button variant="light" color="teal" fullWidth onClick={() => void navigate({ to: '/login', search: { next: here } })}>
      {t('acceptInvite.signIn')}
    </Button>
  );

  if (loading) return <PublicFrame title={t('acceptInvite.title')}>{null}</PublicFrame>;
  if (me) {
    return (
      <PublicFrame title={t('acceptInvite.title')}>
        <Text size="sm">{t('acceptInvite.signedInAs', { name: me.user.name, email: me.user.email })}</Text>
        <ErrorAlert error={error} />
        <Button color="teal" loading={busy} onClick={() => void join()} fullWidth>
          {t('acceptInvite.join')}
        </Button>
        <Anchor component="button" type="button" size="sm" ta="center" onClick={() => void logout()}>
          {t('acceptInvite.notYou')}
        </Anchor>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title={t('acceptInvite.title')}>
      <Text size="sm">{t('acceptInvite.hint')}</Text>
      {needsSignIn ? (
        <Stack gap="sm">
          <Alert color="yellow" role="alert">
            {t('acceptInvite.signInFirst')}
          </Alert>
          {signInLink}
        </Stack>
      ) : null}
      <form onSubmit={(e) => void create(e)} noValidate>
        {needsSignIn ? null : <ErrorAlert error={error} {...fields.alert} />}
        <TextInput label={t('acceptInvite.name')} autoComplete="name" required value={name} error={fields.errors.name} onChange={(e) => setName(e.currentTarget.value)} mt="sm" />
        <PasswordInput
          label={t('acceptInvite.password')}
          description={t('acceptInvite.passwordHint')}
          autoComplete="new-password"
          required
          value={password}
          error={fields.errors.password}
          aria-invalid={fields.errors.password ? true : undefined}
          onChange={(e) => setPassword(e.currentTarget.value)}
          mt="sm"
        />
        <Button type="submit" color="teal" loading={busy} mt="md" fullWidth>
          {t('acceptInvite.submit')}
        </Button>
      </form>
      {needsSignIn ? null : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('acceptInvite.haveAccount')}
          </Text>
          {signInLink}
        </Stack>
      )}
    </PublicFrame>
  );
}
