import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VerificationQueueEntry } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { CandidateStatusBadge } from '../../components/candidate-status.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { categoryName } from '../../components/labels.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';

type Entry = VerificationQueueEntry;

/** The verifier's queue: submitted self-assessments of its provinces, those awaiting a decision first. */
export function VerificationQueuePage() {
  const { id } = useParams({ from: '/app/editions/$id/verification' });
  const { t } = useTranslation();
  const edition = useEdition(id);
  const queue = useQuery({ queryKey: ['queue', id], queryFn: () => get<Entry[]>(`/api/editions/${id}/verification`) });
  const all = queue.data ?? [];
  const awaiting = all.filter((e) => e.submissionStatus === 'submitted' && e.candidateStatus !== 'verified');
  const others = all.filter((e) => !awaiting.includes(e) && (e.submissionStatus === 'reopened' || e.candidateStatus === 'verified'));
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Title order={2}>{t('queue.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('queue.hint')}
      </Text>
      <ErrorAlert error={queue.error} />
      <Title order={3} size="h4">
        {t('queue.awaiting')} ({awaiting.length})
      </Title>
      {queue.data && awaiting.length === 0 ? <Text c="dimmed">{t('queue.empty')}</Text> : null}
      <QueueCards entries={awaiting} editionId={id} primary />
      <Title order={3} size="h4">
        {t('queue.others')}
      </Title>
      {queue.data && others.length === 0 ? <Text c="dimmed">{t('queue.emptyOthers')}</Text> : null}
      <QueueCards entries={others} editionId={id} primary={false} />
    </Stack>
  );
}

function QueueCards({ entries, editionId, primary }: { entries: Entry[]; editionId: string; primary: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const edition = useEdition(editionId);
  const provinces = useProvinces();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {entries.map((e) => (
        <Card key={e.candidateId} withBorder data-candidate={e.name}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text fw={600} style={{ minWidth: 0 }}>
              {e.name}
            </Text>
            <CandidateStatusBadge status={e.candidateStatus} />
          </Group>
          <Text size="xs" c="dimmed">
            {categoryName(edition.data?.categories, e.categoryCode, lang)} · {provinces.data?.find((p) => p.code === e.provinceCode)?.name ?? e.provinceCode}
          </Text>
          <Progress value={e.items > 0 ? (e.decided / e.items) * 100 : 0} mt="sm" size="sm" aria-label={t('queue.decided', { decided: e.decided, items: e.items })} />
          <Text size="sm" mt={4}>
            {t('queue.decided', { decided: e.decided, items: e.items })}
            {e.revisions > 0 ? ` · ${t('queue.revisions', { count: e.revisions })}` : ''}
          </Text>
          <ButtonLink to="/candidates/$id" params={{ id: e.candidateId }} size="xs" mt="sm" w="fit-content" variant={primary ? 'filled' : 'light'}>
            {t('queue.open')}
          </ButtonLink>
        </Card>
      ))}
    </SimpleGrid>
  );
}
