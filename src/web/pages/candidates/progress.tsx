import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { candidateStatuses, type EditionProgress } from '../../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { CandidateStatusBadge } from '../../components/candidate-status.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { categoryName, missingLabel } from '../../components/labels.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition } from '../edition/use-edition.ts';

type Progress = EditionProgress;

/** Per province, how many candidates in each status; per candidate, what is still missing. */
export function ProgressPage() {
  const { id } = useParams({ from: '/app/editions/$id/progress' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const phone = useMediaQuery('(max-width: 48em)');
  const edition = useEdition(id);
  const progress = useQuery({ queryKey: ['progress', id], queryFn: () => get<Progress>(`/api/editions/${id}/progress`) });
  const p = progress.data;
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Title order={2}>{t('progress.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('progress.hint')}
      </Text>
      <ErrorAlert error={progress.error} />
      {p && p.provinces.length === 0 ? <Text c="dimmed">{t('progress.empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(p?.provinces ?? []).map((prov) => (
          <Card key={prov.provinceCode} withBorder>
            <Group justify="space-between">
              <Text fw={600}>{prov.provinceName}</Text>
              <Text size="sm">
                {t('progress.total')}: <strong>{formatNumber(prov.total, lang)}</strong>
              </Text>
            </Group>
            <Group gap={6} mt="xs">
              {candidateStatuses
                .filter((s) => prov.byStatus[s])
                .map((s) => (
                  <Badge key={s} variant="light" color="gray" tt="none">
                    {t(`candidate.statuses.${s}`)}: {formatNumber(prov.byStatus[s]!, lang)}
                  </Badge>
                ))}
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t('progress.submission')}:{' '}
              {Object.entries(prov.bySubmission)
                .map(([s, n]) => `${t(`progress.submissionStatuses.${s}`, { defaultValue: s })} ${formatNumber(n, lang)}`)
                .join(' · ')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {p && p.candidates.length > 0 ? (
        phone ? (
          <Stack gap="xs">
            {p.candidates.map((c) => (
              <Card key={c.candidateId} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <AnchorLink to="/candidates/$id" params={{ id: c.candidateId }} fw={600} style={{ minWidth: 0 }}>
                    {c.name}
                  </AnchorLink>
                  <CandidateStatusBadge status={c.status} />
                </Group>
                <Text size="xs" c="dimmed">
                  {categoryName(edition.data?.categories, c.categoryCode, lang)} · {t('progress.submission')}: {t(`progress.submissionStatuses.${c.submissionStatus}`)}
                </Text>
                <Missing missing={c.missing} ineligible={c.ineligible} submitted={c.submissionStatus === 'submitted'} />
              </Card>
            ))}
          </Stack>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('candidates.name')}</Table.Th>
                <Table.Th>{t('shortlist.category')}</Table.Th>
                <Table.Th>{t('editions.status')}</Table.Th>
                <Table.Th>{t('progress.submission')}</Table.Th>
                <Table.Th>{t('progress.missing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.candidates.map((c) => (
                <Table.Tr key={c.candidateId}>
                  <Table.Td>
                    <AnchorLink to="/candidates/$id" params={{ id: c.candidateId }}>
                      {c.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{categoryName(edition.data?.categories, c.categoryCode, lang)}</Table.Td>
                  <Table.Td>
                    <CandidateStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{t(`progress.submissionStatuses.${c.submissionStatus}`)}</Table.Td>
                  <Table.Td>
                    <Missing missing={c.missing} ineligible={c.ineligible} submitted={c.submissionStatus === 'submitted'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </Stack>
  );
}

function Missing({ missing, ineligible, submitted }: { missing: string[]; ineligible: { reasonId: string; reasonEn: string }[]; submitted: boolean }) {
  const { t, i18n } = useTranslation();
  const reasons = ineligible.map((f) => (i18n.language === 'en' ? f.reasonEn : f.reasonId)).join('; ');
  // Until the self-assessment is sent, a rule not met only means the data is not there yet: said without alarm.
  const blocked =
    ineligible.length === 0 ? null : submitted ? (
      <Text size="sm" c="red.8">
        {t('candidate.ineligible')}: {reasons}
      </Text>
    ) : (
      <Text size="sm" data-eligibility="open">
        {t('landing.eligibilityOpen')}: {reasons}
      </Text>
    );
  if (missing.length === 0 && ineligible.length === 0) {
    return (
      <Text size="sm" c="teal.8">
        {t('progress.complete')}
      </Text>
    );
  }
  return (
    <>
      {blocked}
      {missing.length > 0 ? (
        <List size="sm" spacing={0}>
          {missing.map((m) => (
            <List.Item key={m}>{missingLabel(m, t)}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
