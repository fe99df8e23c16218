import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EditionRecap, RecapWinner } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, formatPercent, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition } from '../edition/use-edition.ts';
import { levelTitle } from '../../components/labels.ts';

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="gray.7">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}

function WinnersTable({ winners, lang }: { winners: RecapWinner[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recap.level')}</Table.Th>
            <Table.Th>{t('recap.category')}</Table.Th>
            <Table.Th>{t('recap.award')}</Table.Th>
            <Table.Th>{t('recap.candidate')}</Table.Th>
            <Table.Th ta="right">{t('recap.score')}</Table.Th>
            <Table.Th>{t('recap.announced')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {winners.map((w) => (
            <Table.Tr key={`${w.level}|${w.area}|${w.categoryCode}|${w.award}|${w.candidateName}`}>
              <Table.Td>{w.areaName ? `${levelTitle(w.levelName, t)} — ${w.areaName}` : levelTitle(w.levelName, t)}</Table.Td>
              <Table.Td>{(lang === 'id' ? w.categoryNameId : w.categoryNameEn) || w.categoryCode}</Table.Td>
              <Table.Td>{w.award}</Table.Td>
              <Table.Td>
                {w.candidateName}
                {w.candidateProvince && w.candidateProvince !== w.areaName ? (
                  <Text size="xs" c="gray.7">
                    {w.candidateProvince}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(w.score, lang, 2)}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={w.announced ? 'teal.9' : 'gray.8'}>
                  {w.announced ? t('recap.announced') : t('recap.notAnnounced')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The recap of an edition for the ministry: totals, every province, every winner; Excel, PDF and the draft decision. */
export function RecapPage() {
  const { id } = useParams({ from: '/app/editions/$id/recap' });
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id';
  const { me } = useSession();
  const edition = useEdition(id);
  // An observer reads announced results only (the server leaves out the others).
  const observerOnly = (me?.user.roles ?? []).length > 0 && (me?.user.roles ?? []).every((r) => r.role === 'observer');
  const recap = useQuery({ queryKey: ['recap', id], queryFn: () => get<EditionRecap>(`/api/editions/${id}/recap`) });
  const r = recap.data;
  const percent = (v: number | null) => (v === null ? '–' : formatPercent(v, 2, lang));
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Title order={2}>{t('recap.title')}</Title>
      <Text size="sm" c="gray.7">
        {observerOnly ? t('observers.recapHint') : r?.national === false ? t('recap.hintProvince') : t('recap.hintNational')}
      </Text>
      <ErrorAlert error={recap.error} />
      {r ? (
        <>
          <Group gap="sm">
            <Button component="a" href={`/api/editions/${id}/recap/document?format=xlsx&lang=${lang}`} variant="light">
              {t('recap.downloadXlsx')}
            </Button>
            <Button component="a" href={`/api/editions/${id}/recap/document?format=pdf&lang=${lang}`} variant="light">
              {t('recap.downloadPdf')}
            </Button>
            {me?.abilities.archiveEditions ? (
              <Button component="a" href={`/api/editions/${id}/recap/decision-draft`} variant="outline" title={t('recap.decisionDraftHint')}>
                {t('recap.decisionDraft')}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="gray.7">
            {t('recap.generated', { at: formatDateTime(r.generatedAt, lang) })} ·{' '}
            {r.snapshotVersion === null ? t('recap.noSnapshot') : t('recap.snapshot', { version: r.snapshotVersion })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
            <Figure label={t('recap.totals.provinces')} value={`${r.totals.provincesWithCandidates} / ${r.totals.provinces}`} />
            <Figure label={t('recap.totals.candidates')} value={formatNumber(r.totals.candidates, lang)} />
            <Figure label={t('recap.totals.submitted')} value={formatNumber(r.totals.submitted, lang)} />
            <Figure label={t('recap.totals.verified')} value={formatNumber(r.totals.verified, lang)} />
            <Figure label={t('recap.totals.winners')} value={formatNumber(r.totals.winners, lang)} note={`${formatNumber(r.totals.winnersAnnounced, lang)} ${t('recap.totals.announced')}`} />
          </SimpleGrid>

          <Title order={3}>{t('recap.winners')}</Title>
          {r.winners.length === 0 ? <Text c="gray.7">{observerOnly ? t('observers.noAnnouncedWinners') : t('recap.noWinners')}</Text> : <WinnersTable winners={r.winners} lang={lang} />}

          <Title order={3}>{t('recap.provinces')}</Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recap.province')}</Table.Th>
                  <Table.Th ta="right">{t('recap.candidates')}</Table.Th>
                  <Table.Th ta="right">{t('recap.submitted')}</Table.Th>
                  <Table.Th ta="right">{t('recap.verified')}</Table.Th>
                  <Table.Th ta="right">{t('recap.coverage')}</Table.Th>
                  <Table.Th ta="right">{t('recap.pools')}</Table.Th>
                  <Table.Th ta="right">{t('recap.winnersCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.provinces.map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.candidates, lang)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.submitted, lang)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.verified, lang)}</Table.Td>
                    <Table.Td ta="right">{percent(p.coveragePct)}</Table.Td>
                    <Table.Td ta="right">
                      {p.poolsFinal} / {p.poolsAnnounced}
                    </Table.Td>
                    <Table.Td ta="right">{p.winners}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Anchor size="sm" href={`/api/editions/${id}/recap`}>
            JSON
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
