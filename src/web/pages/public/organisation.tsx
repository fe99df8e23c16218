import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicOrganisation } from '../../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { StandingLine } from '../organisation/index.tsx';
import { resultTitle } from './edition.tsx';

/** An organisation's published results, edition after edition: what anyone may read. */
export function PublicOrganisationPage() {
  const { key } = useParams({ from: '/public/publik/organisasi/$key' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const org = useQuery({ queryKey: ['public', 'organisation', key], queryFn: () => get<PublicOrganisation>(`/api/public/organisations/${encodeURIComponent(key)}`) });
  if (org.error) return <ErrorAlert error={org.error} />;
  const o = org.data;
  if (!o) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack>
      <div>
        <Title order={1} size="h3">
          {o.name}
        </Title>
        <Text c="dimmed" size="sm">
          {t(`organisation.keyLabel.${o.unit}`)} {o.unit === 'candidacy' ? '' : o.key}
        </Text>
      </div>
      <Text size="sm">{t('organisation.publicHint')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {o.results.map((r) => (
          <Card key={r.poolId} withBorder padding="md" data-result={r.poolId}>
            <Text fw={700}>{r.edition.label}</Text>
            <AnchorLink to="/publik/hasil/$poolId" params={{ poolId: r.poolId }} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {resultTitle(r, lang, t)}
            </AnchorLink>
            <Stack gap={4} mt="xs">
              <StandingLine standing={r} />
              <Text size="xs" c="dimmed">
                {t('portal.publishedAt', { date: formatDateTime(r.publishedAt, lang) })}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
