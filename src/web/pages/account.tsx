import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useSession } from '../auth.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors } from '../field-errors.ts';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { useProvinces } from './edition/use-edition.ts';
import { TwoFactorSection } from './account-two-factor.tsx';
import { ProfileSection, SecuritySettingsSection, SessionsSection } from './account-sessions.tsx';

/** The signed-in user's own account: who they are, name and language, password, two-step verification, sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const provinces = useProvinces();
  const provinceName = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? code;
  // An admin who must switch on two-step verification first sees only that (the API refuses the rest).
  const setupOnly = me?.twoFactor.setupRequired ?? false;
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={140}>{t('account.name')}</Table.Th>
            <Table.Td>{me?.user.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('account.email')}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{me?.user.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('account.roles')}</Table.Th>
            <Table.Td>{me?.user.roles.map((r) => t(`roles.${r.role}`) + (r.provinceCode ? `, ${provinceName(r.provinceCode)}` : '')).join('; ')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {setupOnly ? null : <ProfileSection />}
      {setupOnly ? null : <ChangePassword />}
      <TwoFactorSection />
      {setupOnly ? null : <SessionsSection />}
      {!setupOnly && me?.user.roles.some((r) => r.role === 'national_admin') ? <SecuritySettingsSection /> : null}
    </Stack>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors(['currentPassword', 'newPassword']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ currentPassword, newPassword, repeat }, newPassword !== repeat && repeat !== '' ? { repeat: t('account.mismatch') } : {})) return;
    setBusy(true);
    setChanged(false);
    try {
      await api('POST', '/api/auth/password', { currentPassword, newPassword });
      setChanged(true);
      setCurrent('');
      setNew('');
      setRepeat('');
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="change-password">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="change-password">
            {t('account.changePassword')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.changeHint')}
          </Text>
          <ErrorAlert error={error} {...fields.alert} />
          {changed ? (
            <Alert color="teal" role="status">
              {t('account.changed')}
            </Alert>
          ) : null}
          <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" required value={currentPassword} error={fields.errors.currentPassword} aria-invalid={fields.errors.currentPassword ? true : undefined} onChange={(e) => setCurrent(e.currentTarget.value)} />
          <NewPasswordFields value={newPassword} repeat={repeat} onChange={setNew} onRepeatChange={setRepeat} error={fields.errors.newPassword} repeatError={fields.errors.repeat} />
          <Button type="submit" color="teal" loading={busy}>
            {t('account.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
