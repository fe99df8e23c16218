import { useEffect, useRef, useState } from 'react';
import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CoverageDashboard, EditionDetail } from '../../../shared/contracts/index.ts';
import { formatNumber, formatPercent, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CoverageChart } from './coverage-chart.tsx';
import { ImportPanel } from './import-panel.tsx';
import { RegionTable } from './region-table.tsx';
import { ScreeningPanel } from './screening-panel.tsx';
import { TileMap } from './tile-map.tsx';

/** Coverage by province and regency/city, beside the national target. */
export function CoveragePage() {
  const { id } = useParams({ from: '/app/editions/$id/coverage' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const admin = me?.abilities.importCoverage ?? false;
  const [province, setProvince] = useState<string | null>(null);
  // A province picked on the map, the chart or the table: its regencies are shown below and taken to at once.
  const [picked, setPicked] = useState(0);
  const regenciesHeading = useRef<HTMLHeadingElement>(null);
  const pick = (code: string) => {
    setProvince(code);
    setPicked((n) => n + 1);
  };
  useEffect(() => {
    if (picked === 0) return;
    regenciesHeading.current?.scrollIntoView({ block: 'start' });
    regenciesHeading.current?.focus({ preventScroll: true });
  }, [picked]);
  const edition = useQuery({ queryKey: ['edition', id], queryFn: () => get<EditionDetail>(`/api/editions/${id}`) });
  const data = useQuery({ queryKey: ['coverage', id], queryFn: () => get<CoverageDashboard>(`/api/editions/${id}/coverage/regions`) });
  const d = data.data;
  const selected = d?.provinces.find((p) => p.code === province);
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Group justify="space-between">
        <Title order={2}>{t('coverage.title')}</Title>
        <Group>
          <AnchorLink to="/editions/$id/shortlist" params={{ id }}>
            {t('coverage.shortlist')}
          </AnchorLink>
          <AnchorLink to="/editions/$id/disputes" params={{ id }}>
            {t('coverage.disputes')}
          </AnchorLink>
        </Group>
      </Group>
      <ErrorAlert error={data.error} />
      {admin && edition.data ? <ImportPanel editionId={id} defaultYear={Number(edition.data.periodEnd.slice(0, 4))} /> : null}
      {admin ? <ScreeningPanel editionId={id} /> : null}
      {d && !d.snapshot ? (
        <Paper withBorder p="xl">
          <Text>{t('coverage.empty')}</Text>
        </Paper>
      ) : null}
      {d?.snapshot && d.national ? (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" align="flex-end">
              <div>
                <Text size="sm" c="dimmed">
                  {t('coverage.national')}
                </Text>
                <Text fz={36} fw={700} c="teal.8">
                  {formatPercent(d.national.coveragePct, 2, lang)}
                </Text>
                <Text size="sm">{d.targetPct != null ? t('coverage.target', { target: formatPercent(d.targetPct, 2, lang) }) : t('coverage.noTarget')}</Text>
              </div>
              <Stack gap={2}>
                <Text size="sm">
                  {t('coverage.active')}: <strong>{formatNumber(d.national.active, lang)}</strong>
                </Text>
                <Text size="sm">
                  {t('coverage.workingPopulation')}: <strong>{d.national.workingPopulation == null ? '–' : formatNumber(d.national.workingPopulation, lang)}</strong>
                </Text>
                <Text size="sm">
                  {t('coverage.growthPct')}: <strong>{formatPercent(d.national.growthPct, 2, lang)}</strong>
                </Text>
                <Text size="sm">
                  {t('coverage.govFunded')}: <strong>{formatNumber(d.national.govFunded, lang)}</strong>
                </Text>
              </Stack>
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t('coverage.source', { version: d.snapshot.version, year: d.snapshot.year })}
            </Text>
          </Paper>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Title order={3} size="h5" mb="xs">
                {t('coverage.map')}
              </Title>
              <TileMap provinces={d.provinces} selected={province} onSelect={pick} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Title order={3} size="h5" mb="xs">
                {t('coverage.chart')}
              </Title>
              <CoverageChart provinces={d.provinces} target={d.targetPct} label={t('coverage.chart')} targetLabel={d.targetPct != null ? formatPercent(d.targetPct, 2, lang) : ''} />
            </Grid.Col>
          </Grid>
          <RegionTable rows={d.provinces} nameLabel={t('coverage.province')} onSelect={pick} />
          {selected ? (
            <>
              <Title order={3} size="h4" ref={regenciesHeading} tabIndex={-1} data-regencies-of={selected.code} style={{ scrollMarginTop: 72 }}>
                {t('coverage.regenciesOf', { province: selected.name })}
              </Title>
              <RegionTable rows={d.regencies.filter((r) => r.provinceCode === selected.code)} nameLabel={t('coverage.regency')} />
            </>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
