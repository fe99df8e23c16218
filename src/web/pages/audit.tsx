import { Alert, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditAnchorState, AuditEntry, AuditVerification } from '../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { get } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const entries = useQuery({ queryKey: ['audit'], queryFn: () => get<AuditEntry[]>('/api/audit?limit=200') });
  const anchor = useQuery({ queryKey: ['audit', 'anchor'], queryFn: () => get<AuditAnchorState>('/api/audit/anchor') });
  const verify = useMutation({ mutationFn: () => get<AuditVerification>('/api/audit/verify') });
  const verified = verify.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button color="teal" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={entries.error ?? anchor.error ?? verify.error} />
      {verified ? (
        <Alert color={verified.ok ? 'teal' : 'red'} role="status">
          {verified.ok
            ? verified.anchors > 0
              ? t('audit.okAnchored', { entries: verified.entries, anchors: verified.anchors })
              : t('audit.ok', { entries: verified.entries })
            : verified.firstBadSeq === null
              ? t('audit.brokenAnchors', { reason: verified.reason })
              : t('audit.broken', { seq: verified.firstBadSeq, reason: verified.reason })}
        </Alert>
      ) : null}
      {anchor.data ? <AnchorCard state={anchor.data} /> : null}
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

function AnchorCard({ state }: { state: AuditAnchorState }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('audit.anchorTitle')}
        </Title>
        <Text size="sm">{t('audit.anchorExplain')}</Text>
        {state.problem ? (
          <Alert color="red">{t('audit.anchorProblem', { problem: state.problem })}</Alert>
        ) : state.latest ? (
          <>
            <Text>{t('audit.anchorLatest', { seq: state.latest.seq, at: formatDateTime(state.latest.at, i18n.language as Lang) })}</Text>
            <Text size="sm">
              {t('audit.anchorHash')}: <Code style={{ wordBreak: 'break-all' }}>{state.latest.hash}</Code>
            </Text>
            <Text size="sm">
              {t('audit.anchorKey')}: <Code style={{ wordBreak: 'break-all' }}>{state.latest.key}</Code>
            </Text>
          </>
        ) : (
          <Text>{t('audit.anchorNone')}</Text>
        )}
        {state.head ? <Text size="sm">{t('audit.anchorHead', { seq: state.head.seq })}</Text> : null}
      </Stack>
    </Card>
  );
}
