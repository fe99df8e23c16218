import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Province, UserSummary } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { roleLabel } from '../../components/labels.ts';
import { CreateUserModal, EditRolesModal, ResetTwoFactorModal } from './user-forms.tsx';
import { InvitationsTab } from './invitations.tsx';
import { StaffImport } from './staff-import.tsx';

/**
 * The accounts the user manages: every account for the national admin; its
 * province's verifiers, jurors and candidate users for a provincial admin
 * (the server lists only those). Invitations and the bulk invitation are tabs.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const national = me?.committee.national ?? false;
  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      {!national ? (
        <Text size="sm" c="dimmed">
          {t('staff.provincialHint')}
        </Text>
      ) : null}
      <Tabs defaultValue="accounts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="accounts">{t('staff.tabs.accounts')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('staff.tabs.invitations')}</Tabs.Tab>
          <Tabs.Tab value="bulk">{t('staff.tabs.bulk')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts" pt="md">
          <AccountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="bulk" pt="md">
          <StaffImport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AccountsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<UserSummary[]>('/api/users') });
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [created, setCreated] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [reset, setReset] = useState<UserSummary | null>(null);
  const { me } = useSession();
  const toggle = useMutation({
    mutationFn: (u: UserSummary) => api('PATCH', `/api/users/${u.id}`, { active: !u.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <Stack>
      <Group justify="flex-end">
        <Button color="teal" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Group>
      {created?.invitation === 'open' ? (
        <Alert color="teal" role="status" withCloseButton onClose={() => setCreated(null)}>
          {t('staff.invited')}
        </Alert>
      ) : null}
      {reset ? (
        <Alert color="teal" role="status" withCloseButton onClose={() => setReset(null)}>
          {t('staff.resetTwoFactor.done', { email: reset.email })}
        </Alert>
      ) : null}
      <ErrorAlert error={users.error ?? toggle.error} />
      {users.data && users.data.length === 0 ? <Text c="dimmed">{t('staff.noUsers')}</Text> : null}
      <Table.ScrollContainer minWidth={1080}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.active')}</Table.Th>
              <Table.Th>{t('staff.twoFactor')}</Table.Th>
              <Table.Th>{t('staff.invitation')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={`${r.role}${r.provinceCode ?? ''}${r.candidateId ?? ''}`} variant="light">
                        {roleLabel(r, t, provinces.data)}
                        {r.regencyCodes ? ` (${r.regencyCodes.join(', ')})` : ''}
                        {r.organisation ? ` — ${t(`observers.organisations.${r.organisation}`)}` : ''}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{u.active ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>{u.twoFactor ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.invitation ? <Badge style={{ overflow: 'visible' }} variant="outline" color={u.invitation === 'accepted' ? 'teal' : u.invitation === 'open' ? 'blue' : 'gray'}>{t(`staff.status.${u.invitation}`)}</Badge> : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => toggle.mutate(u)}>
                      {u.active ? t('users.deactivate') : t('users.activate')}
                    </Button>
                    {u.roles.every((r) => r.role !== 'candidate') ? (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(u)}>
                        {t('staff.editRoles')}
                      </Button>
                    ) : null}
                    {u.twoFactor && u.id !== me?.user.id ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setResetting(u)}>
                        {t('staff.resetTwoFactor.action')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {creating ? <CreateUserModal onClose={() => setCreating(false)} onCreated={setCreated} /> : null}
      {editing ? <EditRolesModal user={editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? (
        <ResetTwoFactorModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(done) => {
            setResetting(null);
            setReset(done);
          }}
        />
      ) : null}
    </Stack>
  );
}
