import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Image, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RecoveryCodesAnswer, TwoFactorSetup, TwoFactorStatus } from '../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { api, get } from '../api.ts';
import { useSession } from '../auth.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldMessage, useFieldErrors, type FieldErrors } from '../field-errors.ts';

/** One's two-step verification: switch on (QR code, confirm with a code), recovery codes, switch off. */
export function TwoFactorSection() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['two-factor'], queryFn: () => get<TwoFactorStatus>('/api/account/two-factor') });
  const [mode, setMode] = useState<'idle' | 'password' | 'scan' | 'regenerate' | 'disable'>('idle');
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Switching off takes a recovery code too; the other steps only the app's six digits.
  const form = mode === 'disable' ? 'twoFactor.disableErrors' : 'twoFactor.errors';
  const fields = useFieldErrors(['password', 'code'], form);

  const reset = () => {
    setMode('idle');
    setPassword('');
    setCode('');
    setError(null);
    fields.clear();
  };
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['two-factor'] });
    await session.refresh();
  };

  /** The fields of this step filled in as the server asks, checked before anything is sent. */
  function checked(): boolean {
    const trimmed = code.trim();
    const own: FieldErrors = {};
    if (mode === 'password') return fields.check({ password });
    if (mode === 'disable') {
      if (trimmed !== '' && (trimmed.length < 6 || trimmed.length > 20)) own.code = fieldMessage('code', t, form);
      return fields.check({ password, code }, own);
    }
    if (trimmed !== '' && !/^\d{6}$/.test(trimmed)) own.code = fieldMessage('code', t, form);
    return fields.check({ code }, own);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!checked()) return;
    void run(async () => {
      if (mode === 'password') {
        setSetup(await api<TwoFactorSetup>('POST', '/api/account/two-factor/setup', { password }));
        setPassword('');
        setMode('scan');
      } else if (mode === 'scan') {
        const answer = await api<RecoveryCodesAnswer>('POST', '/api/account/two-factor/confirm', { code: code.trim() });
        setCodes(answer.recoveryCodes);
        setSetup(null);
        reset();
        await refresh();
      } else if (mode === 'regenerate') {
        const answer = await api<RecoveryCodesAnswer>('POST', '/api/account/two-factor/recovery-codes', { code: code.trim() });
        setCodes(answer.recoveryCodes);
        reset();
        await refresh();
      } else if (mode === 'disable') {
        await api('POST', '/api/account/two-factor/disable', { password, code: code.trim() });
        reset();
        setNotice(t('twoFactor.disabled'));
        await refresh();
      }
    });
  }

  const s = status.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="two-factor">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="two-factor">
            {t('twoFactor.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('twoFactor.hint')}
          </Text>
          {s?.setupRequired ? (
            <Alert color="orange" role="status">
              {t('twoFactor.required')}
            </Alert>
          ) : null}
          <ErrorAlert error={error ?? status.error} {...fields.alert} />
          {notice ? (
            <Alert color="teal" role="status">
              {notice}
            </Alert>
          ) : null}
          {codes ? (
            <Alert color="teal" title={t('twoFactor.recoveryTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('twoFactor.recoveryHint')}</Text>
                <SimpleGrid cols={2} spacing={4} aria-label={t('twoFactor.recoveryTitle')}>
                  {codes.map((c) => (
                    <Code key={c} fz="sm" data-recovery-code>
                      {c}
                    </Code>
                  ))}
                </SimpleGrid>
                <Group>
                  <Button size="xs" variant="light" color="teal" onClick={() => setCodes(null)}>
                    {t('twoFactor.recoveryDone')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          {s ? <Text fw={500}>{s.enabled && s.enabledAt ? t('twoFactor.on', { date: formatDateTime(s.enabledAt, i18n.language as Lang), count: s.recoveryCodesLeft }) : t('twoFactor.off')}</Text> : null}

          {mode === 'idle' && s && !s.enabled ? (
            <Group>
              <Button color="teal" onClick={() => setMode('password')}>
                {t('twoFactor.start')}
              </Button>
            </Group>
          ) : null}
          {mode === 'idle' && s?.enabled ? (
            <Group>
              <Button variant="light" color="teal" onClick={() => setMode('regenerate')}>
                {t('twoFactor.regenerate')}
              </Button>
              <Button variant="light" color="red" onClick={() => setMode('disable')}>
                {t('twoFactor.disable')}
              </Button>
            </Group>
          ) : null}

          {mode === 'password' ? (
            <>
              <PasswordInput label={t('twoFactor.password')} description={t('twoFactor.passwordHint')} autoComplete="current-password" required value={password} error={fields.errors.password} aria-invalid={fields.errors.password ? true : undefined} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Actions busy={busy} label={t('twoFactor.begin')} onCancel={reset} />
            </>
          ) : null}
          {mode === 'scan' && setup ? (
            <>
              <Text size="sm">{t('twoFactor.scan')}</Text>
              <Image src={setup.qrCode} alt={t('twoFactor.qrAlt')} w={200} h={200} fit="contain" />
              <div>
                <Text size="sm" fw={500}>
                  {t('twoFactor.secret')}
                </Text>
                <Code fz="sm" data-totp-secret style={{ overflowWrap: 'anywhere' }}>
                  {setup.secret}
                </Code>
              </div>
              <TextInput label={t('twoFactor.code')} autoComplete="one-time-code" inputMode="numeric" maxLength={6} required value={code} error={fields.errors.code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Actions busy={busy} label={t('twoFactor.confirm')} onCancel={reset} />
            </>
          ) : null}
          {mode === 'regenerate' ? (
            <>
              <Text size="sm">{t('twoFactor.regenerateHint')}</Text>
              <TextInput label={t('twoFactor.code')} autoComplete="one-time-code" inputMode="numeric" maxLength={6} required value={code} error={fields.errors.code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Actions busy={busy} label={t('twoFactor.regenerate')} onCancel={reset} />
            </>
          ) : null}
          {mode === 'disable' ? (
            <>
              <Text size="sm">{t('twoFactor.disableHint')}</Text>
              <PasswordInput label={t('twoFactor.password')} autoComplete="current-password" required value={password} error={fields.errors.password} aria-invalid={fields.errors.password ? true : undefined} onChange={(e) => setPassword(e.currentTarget.value)} />
              <TextInput label={t('twoFactor.codeOrRecovery')} autoComplete="one-time-code" required value={code} error={fields.errors.code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Actions busy={busy} label={t('twoFactor.disable')} color="red" onCancel={reset} />
            </>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function Actions({ busy, label, onCancel, color = 'teal' }: { busy: boolean; label: string; onCancel: () => void; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" color={color} loading={busy}>
        {label}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('twoFactor.cancel')}
      </Button>
    </Group>
  );
}
