import { useState } from 'react';
import { Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicCoverage, PublicEditionDetail, PublicResultSummary } from '../../../shared/contracts/index.ts';
import { formatNumber, formatPercent, formatPeriod, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RegionTable } from '../coverage/region-table.tsx';
import { TileMap } from '../coverage/tile-map.tsx';
import type { TFunction } from 'i18next';
import { levelTitle } from '../../components/labels.ts';

const awardColors: Record<number, string> = { 1: 'yellow', 2: 'gray', 3: 'orange' };

export function AwardBadge({ award }: { award: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={awardColors[award] ?? 'teal'} variant="filled" miw={72}>
      {t('portal.award', { award })}
    </Badge>
  );
}

/** "Pemerintah Kabupaten/Kota · Tingkat Provinsi · Nusa Tenggara Barat" in the reader's language. */
export function resultTitle(r: Pick<PublicResultSummary, 'category' | 'level' | 'area'>, lang: Lang, t: TFunction): string {
  return [lang === 'en' ? r.category.nameEn : r.category.nameId, levelTitle(r.level.name, t), r.area?.name].filter(Boolean).join(' · ');
}

/** The label of a special award's result, beside the categories' results. */
export function SpecialBadge({ category }: { category: PublicResultSummary['category'] }) {
  const { t } = useTranslation();
  if (!category.special) return null;
  return (
    <Badge color="grape" variant="light" data-testid="special-badge">
      {t('specialAwards.badge')}
    </Badge>
  );
}

function ResultCard({ result }: { result: PublicResultSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Card withBorder padding="md">
      <SpecialBadge category={result.category} />
      <AnchorLink to="/publik/hasil/$poolId" params={{ poolId: result.poolId }} fw={600}>
        {resultTitle(result, lang, t)}
      </AnchorLink>
      <Stack gap={4} mt="xs">
        {result.winners.map((w) => (
          <Group key={`${w.award}-${w.name}`} gap="xs" wrap="nowrap">
            <AwardBadge award={w.award} />
            <Text size="sm">{w.name}</Text>
            <Text size="sm" c="dimmed" ml="auto">
              {formatNumber(w.score, lang, 2)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function CoveragePanel({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [province, setProvince] = useState<string | null>(null);
  const data = useQuery({ queryKey: ['public', 'coverage', editionId], queryFn: () => get<PublicCoverage>(`/api/public/editions/${editionId}/coverage`) });
  const d = data.data;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!d) return <Text>{t('common.loading')}</Text>;
  if (!d.snapshot || !d.national) return <Text>{t('portal.noCoverage')}</Text>;
  const selected = d.provinces.find((p) => p.code === province);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t('portal.national')}
        </Text>
        <Text fz={32} fw={700} c="teal.8">
          {formatPercent(d.national.coveragePct, 2, lang)}
        </Text>
        {d.targetPct != null ? <Text size="sm">{t('portal.target', { target: formatPercent(d.targetPct, 2, lang) })}</Text> : null}
        <Text size="xs" c="dimmed">
          {t('coverage.active')}: {formatNumber(d.national.active, lang)} · {t('coverage.source', { version: d.snapshot.version, year: d.snapshot.year })}
        </Text>
      </Paper>
      <TileMap provinces={d.provinces} selected={province} onSelect={setProvince} />
      {selected ? (
        <Text size="sm">
          {selected.name}: <strong>{formatPercent(selected.coveragePct, 2, lang)}</strong> · {t('coverage.active')} {formatNumber(selected.active, lang)}
        </Text>
      ) : null}
      <RegionTable rows={d.provinces} nameLabel={t('coverage.province')} onSelect={setProvince} />
    </Stack>
  );
}

/** One edition: its announced results, narrowed by level, category and province, and coverage by province. */
export function PublicEditionPage() {
  const { editionId } = useParams({ from: '/public/publik/$editionId' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [level, setLevel] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const edition = useQuery({ queryKey: ['public', 'edition', editionId], queryFn: () => get<PublicEditionDetail>(`/api/public/editions/${editionId}`) });
  const e = edition.data;
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (!e) return <Text>{t('common.loading')}</Text>;
  const areas = [...new Map(e.published.filter((p) => p.area).map((p) => [p.area!.code, p.area!.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = e.published.filter((p) => (!level || p.level.code === level) && (!category || p.category.code === category) && (!area || p.area?.code === area));
  return (
    <Stack>
      <AnchorLink to="/publik" size="sm">
        ← {t('portal.back')}
      </AnchorLink>
      <div>
        <Title order={1} size="h2">
          {e.label}
        </Title>
        <Text c="dimmed" size="sm">
          {t('portal.period', { period: formatPeriod(e.periodStart, e.periodEnd, lang) })}
        </Text>
      </div>
      <Tabs defaultValue="results" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="results">{t('portal.results')}</Tabs.Tab>
          <Tabs.Tab value="coverage">{t('portal.coverage')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="results" pt="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('portal.level')} placeholder={t('portal.all')} clearable value={level} onChange={setLevel} data={e.levels.map((l) => ({ value: l.code, label: l.name }))} />
              <Select
                label={t('portal.category')}
                placeholder={t('portal.all')}
                clearable
                value={category}
                onChange={setCategory}
                data={e.categories.map((c) => ({ value: c.code, label: `${lang === 'en' ? c.nameEn : c.nameId}${c.special ? ` (${t('specialAwards.badge')})` : ''}` }))}
              />
              <Select label={t('portal.province')} placeholder={t('portal.all')} clearable searchable value={area} onChange={setArea} data={areas.map(([value, label]) => ({ value, label }))} />
            </SimpleGrid>
            {shown.length === 0 ? <Text>{t('portal.noResults')}</Text> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {shown.map((r) => (
                <ResultCard key={r.poolId} result={r} />
              ))}
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          <CoveragePanel editionId={e.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
