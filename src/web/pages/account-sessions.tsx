import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountSession, SecuritySettings } from '../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { api, get } from '../api.ts';
import { useSession } from '../auth.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors } from '../field-errors.ts';
import { setLanguage } from '../i18n.ts';

/** One's name and language (the language of e-mails and, once saved, of these pages). */
export function ProfileSection() {
  const { t } = useTranslation();
  const session = useSession();
  const [name, setName] = useState(session.me?.user.name ?? '');
  const [locale, setLocale] = useState<Lang>(session.me?.user.locale ?? 'id');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['name'], 'profile');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ name })) return;
    setBusy(true);
    try {
      await api('PATCH', '/api/account/profile', { name: name.trim(), locale });
      setLanguage(locale);
      await session.refresh();
      setSaved(true);
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="profile">
            {t('profile.title')}
          </Title>
          <ErrorAlert error={error} {...fields.alert} />
          {saved ? (
            <Alert color="teal" role="status">
              {t('profile.saved')}
            </Alert>
          ) : null}
          <TextInput label={t('profile.name')} autoComplete="name" required maxLength={200} value={name} error={fields.errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <div>
            <Text size="sm" fw={500} mb={4} id="profile-language">
              {t('profile.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-language"
              value={locale}
              onChange={(v) => setLocale(v)}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
          <Group>
            <Button type="submit" color="teal" loading={busy} disabled={name.trim() === ''}>
              {t('profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A short description of a browser from its user agent: the browser and the system. */
function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return browser || system ? [browser, system].filter(Boolean).join(', ') : userAgent.slice(0, 60);
}

/** One's active sessions, with "sign out" per session and "sign out everywhere else". */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: ['account-sessions'], queryFn: () => get<AccountSession[]>('/api/account/sessions') });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<void>) {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      await action();
      await client.invalidateQueries({ queryKey: ['account-sessions'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  const rows = sessions.data ?? [];
  const others = rows.filter((s) => !s.current).length;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sessions">
      <Stack>
        <Title order={2} size="h4" id="sessions">
          {t('sessions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sessions.hint')}
        </Text>
        <ErrorAlert error={error ?? sessions.error} />
        {notice ? (
          <Alert color="teal" role="status">
            {notice}
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.device')}</Table.Th>
                <Table.Th>{t('sessions.ip')}</Table.Th>
                <Table.Th>{t('sessions.created')}</Table.Th>
                <Table.Th>{t('sessions.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-session-current={s.current ? 'true' : undefined}>
                  <Table.Td title={s.userAgent ?? undefined}>{deviceOf(s.userAgent) ?? t('sessions.unknown')}</Table.Td>
                  <Table.Td>{s.ip ?? t('sessions.unknown')}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                  <Table.Td>
                    {s.current ? (
                      <Badge color="teal" variant="light">
                        {t('sessions.current')}
                      </Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" color="red" loading={busy === s.id} onClick={() => void run(s.id, () => api('DELETE', `/api/account/sessions/${s.id}`))}>
                        {t('sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {others === 0 && sessions.isSuccess ? (
          <Text size="sm" c="dimmed">
            {t('sessions.none')}
          </Text>
        ) : (
          <Group>
            <Button
              variant="light"
              color="red"
              loading={busy === 'others'}
              onClick={() =>
                void run('others', async () => {
                  const { ended } = await api<{ ended: number }>('POST', '/api/account/sessions/end-others');
                  setNotice(t('sessions.ended', { count: ended }));
                })
              }
            >
              {t('sessions.endOthers')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The national admin's switch: two-step verification required of national and provincial admins. */
export function SecuritySettingsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['security-settings'], queryFn: () => get<SecuritySettings>('/api/security/settings') });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  async function change(required: boolean) {
    setError(null);
    setSaved(false);
    try {
      await api('PUT', '/api/security/settings', { twoFactorRequiredForAdmins: required });
      await client.invalidateQueries({ queryKey: ['security-settings'] });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="security-settings">
      <Stack>
        <Title order={2} size="h4" id="security-settings">
          {t('securitySettings.title')}
        </Title>
        <ErrorAlert error={error ?? settings.error} />
        {saved ? (
          <Alert color="teal" role="status">
            {t('securitySettings.saved')}
          </Alert>
        ) : null}
        <Checkbox
          label={t('securitySettings.requireTwoFactor')}
          description={t('securitySettings.requireHint')}
          checked={settings.data?.twoFactorRequiredForAdmins ?? false}
          disabled={!settings.isSuccess}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}
