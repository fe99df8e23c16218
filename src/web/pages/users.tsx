import { useState } from 'react';
import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roles, type Province, type RoleName, type UserSummary } from '../../shared/contracts/index.ts';
import { api, get } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { roleLabel } from '../components/labels.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<UserSummary[]>('/api/users') });
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const [creating, setCreating] = useState(false);
  const toggle = useMutation({
    mutationFn: (u: UserSummary) => api('PATCH', `/api/users/${u.id}`, { active: !u.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button color="teal" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Group>
      <ErrorAlert error={users.error ?? toggle.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.active')}</Table.Th>
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
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{u.active ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => toggle.mutate(u)}>
                    {u.active ? t('users.deactivate') : t('users.activate')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {creating ? <CreateUserModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleName>('provincial_admin');
  const [province, setProvince] = useState<string | null>(null);
  const scoped = role === 'provincial_admin' || role === 'verifier';
  // A juror may belong to a province: its admin then sees and seats them.
  const provincial = scoped || role === 'juror';
  const create = useMutation({
    mutationFn: () =>
      api('POST', '/api/users', { name, email, password, locale: 'id', roles: [{ role, provinceCode: provincial ? province : null, candidateId: null }] }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('users.create')}>
      <Stack>
        <ErrorAlert error={create.error} />
        <TextInput label={t('users.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <TextInput label={t('users.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <PasswordInput label={t('users.password')} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Select
          label={t('users.role')}
          data={roles.filter((r) => r !== 'candidate').map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole((v ?? 'provincial_admin'))}
        />
        {provincial ? (
          <Select label={t('users.province')} clearable={!scoped} description={scoped ? undefined : t('users.jurorProvince')} searchable data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))} value={province} onChange={setProvince} />
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="teal" loading={create.isPending} onClick={() => create.mutate()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
