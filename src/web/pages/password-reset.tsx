import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Text, TextInput } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors } from '../field-errors.ts';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { PublicFrame } from './public-frame.tsx';

/** "Lupa kata sandi?": asks for a reset link; the answer is the same whether the e-mail is known or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['email']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ email })) return;
    setBusy(true);
    try {
      await api('POST', '/api/auth/password-reset', { email });
      setSent(true);
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('forgot.title')}>
      {sent ? (
        <Alert color="teal" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Text size="sm">{t('forgot.hint')}</Text>
          <ErrorAlert error={error} {...fields.alert} />
          <TextInput label={t('forgot.email')} type="email" autoComplete="username" required value={email} error={fields.errors.email} onChange={(e) => setEmail(e.currentTarget.value)} mt="sm" data-autofocus />
          <Button type="submit" color="teal" loading={busy} mt="md" fullWidth>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {t('forgot.back')}
      </Anchor>
    </PublicFrame>
  );
}

/** The e-mailed reset link: a new password, once; every session of the account ends. */
export function ResetPasswordPage() {
  const { token } = useParams({ from: '/atur-ulang-sandi/$token' });
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['password']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ password, repeat }, password !== repeat && repeat !== '' ? { repeat: t('account.mismatch') } : {})) return;
    setBusy(true);
    try {
      await api('POST', '/api/auth/password-reset/confirm', { token, password });
      setDone(true);
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('reset.title')}>
      {done ? (
        <>
          <Alert color="teal" role="status">
            {t('reset.done')}
          </Alert>
          <Button component={Link} to="/login" color="teal" fullWidth>
            {t('reset.login')}
          </Button>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Text size="sm">{t('reset.hint')}</Text>
          <ErrorAlert error={error} {...fields.alert} />
          <NewPasswordFields value={password} repeat={repeat} onChange={setPassword} onRepeatChange={setRepeat} mt="sm" error={fields.errors.password} repeatError={fields.errors.repeat} />
          <Button type="submit" color="teal" loading={busy} mt="md" fullWidth>
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </PublicFrame>
  );
}
