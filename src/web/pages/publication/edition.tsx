import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportDatasets, type EditionDetail, type PoolSummary } from '../../../shared/contracts/index.ts';
import { get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SignatoriesPanel } from './signatories.tsx';
import { useProvinceName } from '../edition/use-edition.ts';
import { levelName } from '../zones/level-name.ts';

const stateColors = { notFinal: 'gray', final: 'blue', published: 'teal', withdrawn: 'orange' } as const;

/** An edition's publication for the committee: its pools, the certificates' signatories, exports and the archive. */
export function EditionPublicationPage() {
  const { id } = useParams({ from: '/app/editions/$id/publication' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { me } = useSession();
  const provinceName = useProvinceName();
  const national = me?.abilities.manageSignatories ?? false;
  const edition = useQuery({ queryKey: ['edition', id], queryFn: () => get<EditionDetail>(`/api/editions/${id}`) });
  const pools = useQuery({ queryKey: ['pools', id], queryFn: () => get<PoolSummary[]>(`/api/editions/${id}/pools`) });
  const managed = (pools.data ?? []).filter((p) => p.abilities.publish);
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data?.label ?? t('nav.editions')}
      </AnchorLink>
      <Title order={2}>{t('publication.title')}</Title>
      <ErrorAlert error={edition.error ?? pools.error} />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t('publication.pools')}
        </Title>
        {pools.data && managed.length === 0 ? <Text size="sm">{t('publication.noPools')}</Text> : null}
        {managed.length > 0 ? (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Tbody>
                {managed.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {p.categoryName} · {levelName(edition.data?.levels, p.level, t)}
                      {p.area ? ` · ${provinceName(p.area)}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={stateColors[p.publication]} data-publication={p.publication}>
                        {t(`publication.state.${p.publication}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink to="/pools/$id/publication" params={{ id: p.id }}>
                        {t('publication.manage')}
                      </AnchorLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      {edition.data ? <SignatoriesPanel edition={edition.data} editable={national} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('publication.exports')}
          </Title>
          <Stack gap={6}>
            {exportDatasets.map((d) => (
              <Group key={d} gap="sm">
                <Text size="sm" w={220}>
                  {t(`publication.datasets.${d}`)}
                </Text>
                <Anchor size="sm" href={`/api/editions/${id}/exports/${d}?format=xlsx&lang=${lang}`}>
                  Excel
                </Anchor>
                <Anchor size="sm" href={`/api/editions/${id}/exports/${d}?format=csv&lang=${lang}`}>
                  CSV
                </Anchor>
              </Group>
            ))}
          </Stack>
        </Paper>
        {national ? (
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              {t('publication.archive')}
            </Title>
            <Text size="sm" mb="xs">
              {t('publication.archiveHint')}
            </Text>
            <Anchor href={`/api/editions/${id}/archive`}>{t('publication.downloadArchive')}</Anchor>
          </Paper>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
