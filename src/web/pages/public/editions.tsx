import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicEdition } from '../../../shared/contracts/index.ts';
import { formatDate, formatPeriod, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

function Ceremony({ label, ceremony }: { label: string; ceremony: PublicEdition['ceremonies']['provincial'] }) {
  const { i18n } = useTranslation();
  if (!ceremony) return null;
  return (
    <Text size="sm">
      {label}: {formatDate(ceremony.date, i18n.language as Lang)}
      {ceremony.place ? `, ${ceremony.place}` : ''}
    </Text>
  );
}

/** The public portal's front page: the editions with announced results. */
export function PublicEditionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const editions = useQuery({ queryKey: ['public', 'editions'], queryFn: () => get<PublicEdition[]>('/api/public/editions') });
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('portal.title')}
        </Title>
        <Text c="dimmed">{t('portal.intro')}</Text>
      </div>
      <ErrorAlert error={editions.error} />
      {editions.isPending ? <Text>{t('common.loading')}</Text> : null}
      {editions.data?.length === 0 ? <Text>{t('portal.noEditions')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {editions.data?.map((e) => (
          <Card key={e.id} withBorder padding="md">
            <AnchorLink to="/publik/$editionId" params={{ editionId: e.id }} fw={700} fz="lg">
              {e.label}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              {t('portal.period', { period: formatPeriod(e.periodStart, e.periodEnd, lang) })}
            </Text>
            <Text size="sm" mt="xs">
              {t('portal.publishedCount', { count: e.results })}
            </Text>
            <Ceremony label={t('portal.provincialCeremony')} ceremony={e.ceremonies.provincial} />
            <Ceremony label={t('portal.nationalCeremony')} ceremony={e.ceremonies.national} />
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
