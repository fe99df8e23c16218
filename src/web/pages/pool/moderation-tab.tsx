import { useState } from 'react';
import { Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ModerationReport, PoolDetail } from '../../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** After a stage closes: each juror against the panel, and the panel's agreement per indicator. */
export function ModerationTab({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const closed = pool.stages.filter((s) => s.state === 'closed');
  const [stage, setStage] = useState(closed[0]?.id ?? '');
  if (closed.length === 0) return <Text c="dimmed">{t('pool.moderationEmpty')}</Text>;
  return (
    <Stack>
      {closed.length > 1 ? <SegmentedControl value={stage} onChange={setStage} data={closed.map((s) => ({ value: s.id, label: t(`pool.stageNames.${s.id}`, { defaultValue: s.id }) }))} /> : null}
      <Report poolId={pool.id} stage={stage || closed[0]!.id} />
    </Stack>
  );
}

function Report({ poolId, stage }: { poolId: string; stage: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const report = useQuery({ queryKey: ['moderation', poolId, stage], queryFn: () => get<ModerationReport>(`/api/pools/${poolId}/moderation?stage=${stage}`) });
  if (report.error) return <ErrorAlert error={report.error} />;
  const r = report.data;
  if (!r) return <Text>{t('common.loading')}</Text>;
  const n = (x: number | null) => (x === null ? '–' : formatNumber(x, lang, 2));
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('pool.jurorsVsPanel')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('pool.moderationHint', { threshold: r.outlierThreshold })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pool.juror')}</Table.Th>
              <Table.Th ta="right">{t('pool.marks')}</Table.Th>
              <Table.Th ta="right">{t('pool.mean')}</Table.Th>
              <Table.Th ta="right">{t('pool.spread')}</Table.Th>
              <Table.Th ta="right">{t('pool.deviation')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.jurors.map((j) => (
              <Table.Tr key={j.juror}>
                <Table.Td>{j.name}</Table.Td>
                <Table.Td ta="right">{j.marks}</Table.Td>
                <Table.Td ta="right">{n(j.mean)}</Table.Td>
                <Table.Td ta="right">{n(j.spread)}</Table.Td>
                <Table.Td ta="right">{j.deviation !== null && j.deviation > 0 ? `+${n(j.deviation)}` : n(j.deviation)}</Table.Td>
                <Table.Td>{j.flagged ? <Badge color="orange">{t('pool.outlier')}</Badge> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h4">
        {t('pool.agreement')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('pool.agreementHint')}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pool.indicator')}</Table.Th>
              <Table.Th ta="right">Kendall W</Table.Th>
              <Table.Th ta="right">{t('pool.block')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.agreement.map((a) => (
              <Table.Tr key={a.indicator}>
                <Table.Td>{lang === 'en' ? a.labelEn : a.labelId}</Table.Td>
                <Table.Td ta="right">{a.kendallW === null ? t('pool.noW') : formatNumber(a.kendallW, lang, 2)}</Table.Td>
                <Table.Td ta="right">{t('pool.blockSize', { jurors: a.jurors, candidates: a.candidates })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
