import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StaffInvitationSummary } from '../../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { roleLabel } from '../../components/labels.ts';
import { useProvinces } from '../edition/use-edition.ts';

const colors = { open: 'blue', expired: 'orange', revoked: 'gray', accepted: 'teal' } as const;

/** The latest invitation of each account the user manages: its state, revoke while open, re-send until accepted. */
export function InvitationsTab() {
  const { t, i18n } = useTranslation();
  const provinces = useProvinces();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['staff-invitations'], queryFn: () => get<StaffInvitationSummary[]>('/api/staff-invitations') });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['staff-invitations'] });
    await client.invalidateQueries({ queryKey: ['users'] });
  };
  const revoke = useMutation({ mutationFn: (id: string) => api('POST', `/api/staff-invitations/${id}/revoke`, {}), onSuccess: refresh });
  const resend = useMutation({ mutationFn: (id: string) => api('POST', `/api/staff-invitations/${id}/resend`, {}), onSuccess: refresh });
  return (
    <Stack>
      <ErrorAlert error={list.error ?? revoke.error ?? resend.error} />
      {resend.isSuccess ? (
        <Alert color="teal" role="status">
          {t('staff.resent')}
        </Alert>
      ) : null}
      {list.data && list.data.length === 0 ? <Text c="dimmed">{t('staff.noInvitations')}</Text> : null}
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('staff.invitation')}</Table.Th>
              <Table.Th>{t('staff.sentAt')}</Table.Th>
              <Table.Th>{t('staff.expiresAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{i.roles.map((r) => roleLabel(r, t, provinces.data)).join(', ')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={colors[i.status]} style={{ overflow: 'visible' }}>
                    {t(`staff.status.${i.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(i.createdAt, lang)}</Table.Td>
                <Table.Td>{formatDateTime(i.expiresAt, lang)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {i.status === 'open' ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(i.id)}>
                        {t('staff.revoke')}
                      </Button>
                    ) : null}
                    {i.status !== 'accepted' ? (
                      <Button size="xs" variant="subtle" onClick={() => resend.mutate(i.id)}>
                        {t('staff.resend')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
