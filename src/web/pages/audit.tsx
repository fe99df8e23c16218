import { Alert, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { get } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';

type Verification = { ok: boolean; entries: number; firstBadSeq: number | null; reason: string | null };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const entries = useQuery({ queryKey: ['audit'], queryFn: () => get<AuditEntry[]>('/api/audit?limit=200') });
  const verify = useMutation({ mutationFn: () => get<Verification>('/api/audit/verify') });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button color="teal" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={entries.error ?? verify.error} />
      {verify.data ? (
        <Alert color={verify.data.ok ? 'teal' : 'red'} role="status">
          {verify.data.ok ? t('audit.ok', { entries: verify.data.entries }) : t('audit.broken', { seq: verify.data.firstBadSeq, reason: verify.data.reason })}
        </Alert>
      ) : null}
      {entries.data?.length === 0 ? <Text c="dimmed">{t('audit.empty')}</Text> : null}
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(entries.data ?? []).map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td>{formatDateTime(e.at, i18n.language as Lang)}</Table.Td>
                <Table.Td>{e.actorLabel}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  {e.entityType} <Code>{e.entityId.slice(0, 8)}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{e.hash.slice(0, 12)}…</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
