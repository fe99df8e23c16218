import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { CandidateStatusBadge } from '../../components/candidate-status.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { AwardBadge } from '../public/edition.tsx';

type Standing = NonNullable<Organisation['candidacies'][number]['published']>;

/** Rank in a published result: Juara 1-3, or its rank among the finalists, and whether it went on to the next level. */
export function StandingLine({ standing }: { standing: Standing | null }) {
  const { t } = useTranslation();
  if (!standing) {
    return (
      <Text size="sm" c="dimmed">
        {t('organisation.notPublished')}
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {standing.award ? <AwardBadge award={standing.award} /> : null}
      <Text size="sm">
        {t('organisation.ranked', { rank: standing.rank })}
        {standing.advances ? ` · ${t('organisation.advances')}` : ''}
      </Text>
    </Group>
  );
}

/** An organisation across editions, as the staff and the candidate itself see it: every candidacy the reader may see. */
export function OrganisationPage() {
  const { key } = useParams({ from: '/app/organisasi/$key' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const org = useQuery({ queryKey: ['organisation', key], queryFn: () => get<Organisation>(`/api/organisations/${encodeURIComponent(key)}`) });
  if (org.error) return <ErrorAlert error={org.error} />;
  const o = org.data;
  if (!o) return <Text>{t('common.loading')}</Text>;
  const editions = new Set(o.candidacies.map((c) => c.edition.id)).size;
  return (
    <Stack>
      <div>
        <Title order={2}>{o.name}</Title>
        <Text c="dimmed" size="sm">
          {t(`organisation.keyLabel.${o.unit}`)} {o.unit === 'candidacy' ? '' : o.key} · {t('organisation.editions', { count: editions })}
        </Text>
      </div>
      <Text size="sm">{t('organisation.hint')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {o.candidacies.map((c) => (
          <Card key={c.candidateId} withBorder padding="md" data-candidacy={c.candidateId}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={700}>{c.edition.label}</Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {lang === 'en' ? c.category.nameEn : c.category.nameId} · {t(`levelKinds.${c.level.kind}`)}
                  {c.level.kind === 'zona' ? ` (${c.level.name})` : ''}
                </Text>
              </div>
              <CandidateStatusBadge status={c.status} />
            </Group>
            <Stack gap={6} mt="sm">
              {c.furthest ? (
                <Badge variant="outline" color="indigo" w="fit-content">
                  {t('organisation.furthest')}
                </Badge>
              ) : null}
              <StandingLine standing={c.published} />
              <Group gap="md">
                <AnchorLink to="/candidates/$id" params={{ id: c.candidateId }} size="sm">
                  {t('organisation.openCandidacy')}
                </AnchorLink>
                {c.published ? (
                  <AnchorLink to="/publik/hasil/$poolId" params={{ poolId: c.published.poolId }} size="sm">
                    {t('organisation.openResult')}
                  </AnchorLink>
                ) : null}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
