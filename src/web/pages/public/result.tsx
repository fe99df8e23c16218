import { Anchor, Button, Card, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicResult } from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AwardBadge, resultTitle, SpecialBadge } from './edition.tsx';
import { WinnerFiguresList } from './figures.tsx';

/** A pool's announced result: winners with their key figures and certificates, the ranking per stage and aspect, the package. */
export function PublicResultPage() {
  const { poolId } = useParams({ from: '/public/publik/hasil/$poolId' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const result = useQuery({ queryKey: ['public', 'result', poolId], queryFn: () => get<PublicResult>(`/api/public/pools/${poolId}/result`) });
  const r = result.data;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!r) return <Text>{t('common.loading')}</Text>;
  const label = (x: { labelId: string; labelEn: string }) => (lang === 'en' ? x.labelEn : x.labelId);
  const aspects = r.stages.flatMap((s) => s.aspects);
  const n = (v: number | undefined) => (v == null ? '–' : formatNumber(v, lang, 2));
  return (
    <Stack>
      <AnchorLink to="/publik/$editionId" params={{ editionId: r.edition.id }} size="sm">
        ← {r.edition.label}
      </AnchorLink>
      <div>
        <SpecialBadge category={r.category} />
        <Title order={1} size="h3">
          {resultTitle(r, lang, t)}
        </Title>
        <Text size="sm" c="dimmed">
          {r.edition.label} · {t('portal.publishedAt', { date: formatDateTime(r.publishedAt, lang) })}
        </Text>
        {r.ceremony ? (
          <Text size="sm">
            {t('portal.ceremony')}: {formatDate(r.ceremony.date, lang)}
            {r.ceremony.place ? `, ${r.ceremony.place}` : ''}
          </Text>
        ) : null}
      </div>

      <Title order={2} size="h3">
        {t('portal.winners')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {r.winners.map((w) => (
          <Card key={w.candidate} withBorder padding="md" data-winner={w.candidate}>
            <Group gap="xs" mb="xs">
              <AwardBadge award={w.award} />
            </Group>
            <Text fw={700}>{w.name}</Text>
            <AnchorLink to="/publik/organisasi/$key" params={{ key: w.candidate }} size="xs" mb="xs">
              {t('organisation.publicLink')}
            </AnchorLink>
            <WinnerFiguresList figures={w.figures} />
            {w.certificateCode ? (
              <Group gap="xs" mt="md">
                <Button component="a" href={`/api/public/certificates/${w.certificateCode}/pdf`} target="_blank" size="xs" variant="light">
                  {t('portal.certificate')}
                </Button>
                <ButtonLink to="/verifikasi/$code" params={{ code: w.certificateCode }} size="xs" variant="subtle">
                  {t('portal.verifyCertificate')}
                </ButtonLink>
              </Group>
            ) : null}
          </Card>
        ))}
      </SimpleGrid>

      <Title order={2} size="h3">
        {t('portal.ranking')}
      </Title>
      {/* Compact enough for a 390-pixel phone without scrolling sideways. */}
      <Table striped fz="sm" horizontalSpacing={6} aria-label={t('portal.ranking')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <abbr title={t('portal.rank')}>#</abbr>
            </Table.Th>
            <Table.Th>{t('portal.candidate')}</Table.Th>
            {r.stages.map((s) => (
              <Table.Th key={s.id} ta="right" visibleFrom="sm">
                {label(s)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('portal.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.rows.map((row) => (
            <Table.Tr key={row.candidate}>
              <Table.Td>{row.rank}</Table.Td>
              <Table.Td>
                <AnchorLink to="/publik/organisasi/$key" params={{ key: row.candidate }} size="sm" title={t('organisation.publicLink')}>
                  {row.name}
                </AnchorLink>
                {row.advances ? (
                  <Text span size="xs" c="teal.8">
                    {' '}
                    · {t('portal.advances')}
                  </Text>
                ) : null}
                {/* On a phone the stage scores sit under the name instead of in columns of their own. */}
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {r.stages.map((s) => `${label(s)} ${n(row.stages[s.id])}`).join(' · ')}
                </Text>
              </Table.Td>
              {r.stages.map((s) => (
                <Table.Td key={s.id} ta="right" visibleFrom="sm">
                  {n(row.stages[s.id])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {n(row.score)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h4">
        {t('portal.aspects')}
      </Title>
      <Text size="xs" c="dimmed" hiddenFrom="sm">
        {t('portal.scrollHint')}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(420, 140 + aspects.length * 90)}>
        <Table striped fz="sm" aria-label={t('portal.aspects')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portal.candidate')}</Table.Th>
              {aspects.map((a) => (
                <Table.Th key={a.id} ta="right">
                  {label(a)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((row) => (
              <Table.Tr key={row.candidate}>
                <Table.Td>{row.name}</Table.Td>
                {aspects.map((a) => (
                  <Table.Td key={a.id} ta="right">
                    {n(row.aspects[a.id])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Paper withBorder p="md">
        <Text fw={600}>{t('portal.package')}</Text>
        <Text size="sm">{t('portal.packageHint')}</Text>
        <Code block mt="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          SHA-256 {r.packageSha256}
        </Code>
        <Anchor href={`/api/public/pools/${r.poolId}/package`} size="sm">
          {t('portal.downloadPackage')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
