import { useState } from 'react';
import { Alert, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { candidateStatuses, type CandidateSummary } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { CandidateStatusBadge } from '../../components/candidate-status.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { categoryName } from '../../components/labels.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';

export const useCandidates = (editionId: string) =>
  useQuery({ queryKey: ['candidates', editionId], queryFn: () => get<CandidateSummary[]>(`/api/editions/${editionId}/candidates`) });

/** The way to the candidate pages of an edition, by role. */
export function CandidateActions({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const manages = me?.abilities.nominate ?? false;
  const verifies = me?.abilities.readVerificationQueue ?? false;
  return (
    <Group gap="xs">
      {manages ? (
        <>
          <ButtonLink to="/editions/$id/candidates/new" params={{ id: editionId }} color="teal" size="sm">
            {t('candidates.nominate')}
          </ButtonLink>
          <ButtonLink to="/editions/$id/candidates/import" params={{ id: editionId }} variant="light" size="sm">
            {t('candidates.import')}
          </ButtonLink>
        </>
      ) : null}
      {verifies ? (
        <ButtonLink to="/editions/$id/verification" params={{ id: editionId }} variant="light" size="sm">
          {t('candidates.queue')}
        </ButtonLink>
      ) : null}
      <ButtonLink to="/editions/$id/progress" params={{ id: editionId }} variant="light" size="sm">
        {t('candidates.progress')}
      </ButtonLink>
      {manages ? (
        <ButtonLink to="/outbox" variant="subtle" size="sm">
          {t('candidates.outbox')}
        </ButtonLink>
      ) : null}
    </Group>
  );
}

/** The candidates of an edition the user may see (the server scopes the list), filtered by province, category and status. */
export function CandidateList({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const list = useCandidates(editionId);
  const edition = useEdition(editionId);
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const all = list.data ?? [];
  const shown = all.filter((c) => (!province || c.provinceCode === province) && (!category || c.categoryCode === category) && (!status || c.status === status));
  const provinceName = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? code;
  const registered = all.filter((c) => c.status === 'registered').length;
  const manages = me?.abilities.nominate ?? false;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.isPending) return <Text>{t('common.loading')}</Text>;
  if (all.length === 0) return <Text c="dimmed">{manages ? t('candidates.empty') : t('candidates.emptyReader')}</Text>;
  const usedProvinces = [...new Set(all.map((c) => c.provinceCode))].sort();
  return (
    <Stack>
      {manages && registered > 0 ? (
        <Alert color="violet" p="xs">
          {t('candidates.awaitingDecision', { count: registered })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label={t('setup.province')}
          placeholder={t('candidates.all')}
          clearable
          data={usedProvinces.map((code) => ({ value: code, label: provinceName(code) }))}
          value={province}
          onChange={setProvince}
        />
        <Select
          label={t('shortlist.category')}
          placeholder={t('candidates.all')}
          clearable
          data={(edition.data?.categories ?? []).map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.nameId }))}
          value={category}
          onChange={setCategory}
        />
        <Select
          label={t('editions.status')}
          placeholder={t('candidates.all')}
          clearable
          data={candidateStatuses.map((s) => ({ value: s, label: t(`candidate.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" role="status">
        {t('candidates.count', { count: shown.length })}
      </Text>
      {shown.length === 0 ? <Text c="dimmed">{t('candidates.emptyFiltered')}</Text> : null}
      {phone ? (
        <Stack gap="xs">
          {shown.map((c) => (
            <Card key={c.id} withBorder padding="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <AnchorLink to="/candidates/$id" params={{ id: c.id }} fw={600} style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>
                  {c.name}
                </AnchorLink>
                <CandidateStatusBadge status={c.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {categoryName(edition.data?.categories, c.categoryCode, lang)} · {provinceName(c.provinceCode)} · {c.villageCode ?? c.regencyCode ?? c.npp ?? (c.kind === 'pemda' ? c.provinceCode : '')}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : shown.length > 0 ? (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('candidates.name')}</Table.Th>
              <Table.Th>{t('shortlist.category')}</Table.Th>
              <Table.Th>{t('setup.province')}</Table.Th>
              <Table.Th>{t('editions.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <AnchorLink to="/candidates/$id" params={{ id: c.id }}>
                    {c.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {c.villageCode ?? c.regencyCode ?? (c.npp ? `NPP ${c.npp}` : c.kind === 'pemda' ? c.provinceCode : '')}
                  </Text>
                </Table.Td>
                <Table.Td>{categoryName(edition.data?.categories, c.categoryCode, lang)}</Table.Td>
                <Table.Td>{provinceName(c.provinceCode)}</Table.Td>
                <Table.Td>
                  <CandidateStatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** The candidates page of an edition, for the committees and verifiers. */
export function CandidatesPage() {
  const { id } = useParams({ from: '/app/editions/$id/candidates' });
  const { t } = useTranslation();
  const edition = useEdition(id);
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Title order={2}>{t('candidates.title')}</Title>
      <CandidateActions editionId={id} />
      <CandidateList editionId={id} />
    </Stack>
  );
}
