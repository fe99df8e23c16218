import { useState, type FormEvent } from 'react';
import { Anchor, Button, Center, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer, Me, OidcOffer } from '../../shared/contracts/index.ts';
import { ApiError, api, get, rememberSession } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldMessage, useFieldErrors, type FieldErrors } from '../field-errors.ts';
import { LanguageSwitch } from '../components/layout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Where to go after signing in (e.g. back to an invitation); only a path of this app.
  const { next, langkah } = useSearch({ from: '/login' });
  const sso = useQuery({ queryKey: ['oidc'], queryFn: () => get<OidcOffer>('/api/auth/oidc'), staleTime: Infinity });
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The password was right and the account has two-step verification: the code is owed.
  const [codeStep, setCodeStep] = useState(langkah === 'kode');
  const [code, setCode] = useState('');
  const fields = useFieldErrors(['email', 'password', 'code'], codeStep ? 'secondFactor.errors' : 'login.errors');

  async function signedIn(me: Me) {
    rememberSession(me);
    client.setQueryData(['me'], me);
    await client.refetchQueries({ queryKey: ['me'] });
    if (next) await navigate({ to: next });
    else await navigate({ to: '/' });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Required fields first, in the user's language, before anything is sent.
    const trimmed = code.trim();
    const own: FieldErrors = codeStep && trimmed !== '' && (trimmed.length < 6 || trimmed.length > 20) ? { code: fieldMessage('code', t, 'secondFactor.errors') } : {};
    if (!fields.check(codeStep ? { code } : { email, password }, own)) return;
    setBusy(true);
    setError(null);
    try {
      if (codeStep) {
        await signedIn(await api<Me>('POST', '/api/auth/login/second-factor', { code: code.trim() }));
        return;
      }
      const answer = await api<LoginAnswer>('POST', '/api/auth/login', { email, password });
      if ('secondFactorRequired' in answer) {
        setCodeStep(true);
        setPassword('');
      } else await signedIn(answer);
    } catch (e) {
      setError(e);
      fields.refused(e);
      // The pending step has run out or was ended: start again with the password.
      if (codeStep && e instanceof ApiError && e.code === 'UNAUTHENTICATED') setCodeStep(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2" c="teal.8">
                {t('app.name')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
            <Title order={2} size="h4">
              {codeStep ? t('secondFactor.title') : t('login.title')}
            </Title>
            <ErrorAlert error={error} {...fields.alert} />
            {codeStep ? (
              <>
                <Text size="sm">{t('secondFactor.hint')}</Text>
                <TextInput
                  label={t('secondFactor.code')}
                  autoComplete="one-time-code"
                  inputMode="text"
                  required
                  value={code}
                  error={fields.errors.code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  data-autofocus
                  autoFocus
                />
                <Text size="xs" c="dimmed">
                  {t('secondFactor.useRecovery')}
                </Text>
                <Button type="submit" loading={busy} color="teal">
                  {t('secondFactor.submit')}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => { setCodeStep(false); setCode(''); setError(null); fields.clear(); }}>
                  {t('secondFactor.restart')}
                </Anchor>
              </>
            ) : (
              <>
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} error={fields.errors.email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} error={fields.errors.password} aria-invalid={fields.errors.password ? true : undefined} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy} color="teal">
              {t('login.submit')}
            </Button>
            {sso.data?.enabled ? (
              <>
                <Divider label={t('sso.or')} labelPosition="center" />
                {/* A plain link: the server redirects to the identity provider. */}
                <Button component="a" href="/api/auth/oidc/start" variant="outline" color="teal">
                  {t('sso.button', { label: sso.data.label })}
                </Button>
              </>
            ) : null}
            <Anchor component={Link} to="/lupa-sandi" size="sm" ta="center">
              {t('login.forgot')}
            </Anchor>
            <Anchor component={Link} to="/daftar" size="sm" ta="center">
              {t('register.link')}
            </Anchor>
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
