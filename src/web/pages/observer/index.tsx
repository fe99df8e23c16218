import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionRecap } from '../../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { useCurrentEdition } from '../../current-edition.ts';
import { EditionPhase } from '../../components/edition-phase.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { useProvinces } from '../edition/use-edition.ts';
import { EditionsPage } from '../editions.tsx';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/**
 * An observer's start page: which provinces it watches, the current
 * edition's headline figures from the recap, and the pages it may read
 * (recap, progress, coverage, candidates, the public results).
 */
export function ObserverHome() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id';
  const { me } = useSession();
  const provinces = useProvinces();
  const edition = useCurrentEdition();
  const grants = (me?.user.roles ?? []).filter((r) => r.role === 'observer');
  const national = grants.some((r) => r.provinceCode === null);
  const watched = grants.flatMap((r) => (r.provinceCode ? [provinces.data?.find((p) => p.code === r.provinceCode)?.name ?? t('provinceCode', { code: r.provinceCode })] : []));
  const recap = useQuery({
    queryKey: ['recap', edition?.id],
    queryFn: () => get<EditionRecap>(`/api/editions/${edition!.id}/recap`),
    enabled: edition !== null,
  });
  const totals = recap.data?.totals;
  return (
    <Stack>
      <Title order={2}>{t('observers.home.title')}</Title>
      <Text size="sm" c="gray.7">
        {national ? t('observers.home.hintNational') : t('observers.home.hintProvinces', { provinces: watched.join(', ') })}
      </Text>
      {edition ? (
        <Card withBorder>
          <Stack gap="sm">
            <div>
              <Text size="sm" c="gray.7">
                {t('observers.home.current')}
              </Text>
              <Title order={3}>{edition.label}</Title>
              <EditionPhase phase={edition.phase} />
            </div>
            <ErrorAlert error={recap.error} />
            {totals ? (
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Figure label={t('recap.totals.candidates')} value={formatNumber(totals.candidates, lang)} />
                <Figure label={t('recap.totals.submitted')} value={formatNumber(totals.submitted, lang)} />
                <Figure label={t('recap.totals.verified')} value={formatNumber(totals.verified, lang)} />
                <Figure label={t('observers.home.winners')} value={formatNumber(totals.winnersAnnounced, lang)} />
              </SimpleGrid>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <ButtonLink to="/editions/$id/recap" params={{ id: edition.id }} color="teal">
                {t('observers.home.recap')}
              </ButtonLink>
              <ButtonLink to="/editions/$id/progress" params={{ id: edition.id }} variant="light">
                {t('observers.home.progress')}
              </ButtonLink>
              <ButtonLink to="/editions/$id/coverage" params={{ id: edition.id }} variant="light">
                {t('observers.home.coverage')}
              </ButtonLink>
              <ButtonLink to="/editions/$id/candidates" params={{ id: edition.id }} variant="light">
                {t('observers.home.candidates')}
              </ButtonLink>
              <ButtonLink to="/publik" variant="light">
                {t('observers.home.portal')}
              </ButtonLink>
            </SimpleGrid>
            <Alert color="gray" variant="light">
              {t('observers.home.marksNote')}
            </Alert>
          </Stack>
        </Card>
      ) : (
        <Text c="gray.7">{t('observers.home.noEdition')}</Text>
      )}
      <EditionsPage />
    </Stack>
  );
}
