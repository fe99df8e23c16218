import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, PoolSummary, Province } from '../../../shared/contracts/index.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';

/**
 * The edition's zones: each with its provinces and the pools it judges, and
 * the route each category's winners take (province → zone → nation, or
 * province → nation).
 */
export function ZonesPage() {
  const { id } = useParams({ from: '/app/editions/$id/zones' });
  const { t } = useTranslation();
  const edition = useEdition(id);
  const provinces = useProvinces();
  const pools = useQuery({ queryKey: ['pools', id], queryFn: () => get<PoolSummary[]>(`/api/editions/${id}/pools`) });
  if (edition.error) return <ErrorAlert error={edition.error} />;
  const e = edition.data;
  if (!e) return <Text>{t('common.loading')}</Text>;
  const zones = e.levels.filter((l) => l.kind === 'zona');
  const zoned = new Set(zones.flatMap((z) => z.provinceCodes));
  const unzoned = (provinces.data ?? []).filter((p) => !zoned.has(p.code));
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {e.label}
      </AnchorLink>
      <div>
        <Title order={2}>{t('zones.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('zones.intro')}
        </Text>
      </div>
      <ErrorAlert error={pools.error} />
      <Routes edition={e} />
      {zones.length === 0 ? <Alert color="gray">{t('zones.noZones')}</Alert> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {zones.map((z) => (
          <ZoneCard key={z.id} zone={z} edition={e} provinces={provinces.data ?? []} pools={(pools.data ?? []).filter((p) => p.level === z.code)} />
        ))}
      </SimpleGrid>
      {zones.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5">
            {t('zones.unzoned')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {unzoned.length === 0 ? t('zones.unzonedNone') : unzoned.map((p) => p.name).join(', ')}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}

function Routes({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const byCode = new Map(edition.levels.map((l) => [l.code, l]));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('zones.routes')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('zones.category')}</Table.Th>
              <Table.Th>{t('zones.route')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edition.categories.map((c) => {
              const steps: string[] = [];
              for (const code of c.levels) {
                const level = byCode.get(code);
                const name = level?.name ?? code;
                const last = steps.length - 1;
                // Zones of a category are one step: each winner goes to its own.
                if (level?.kind === 'zona' && last >= 0 && byCode.get(c.levels[c.levels.indexOf(code) - 1] ?? '')?.kind === 'zona') steps[last] = `${steps[last]} / ${name}`;
                else steps.push(name);
              }
              return (
                <Table.Tr key={c.id} data-route={c.code}>
                  <Table.Td>{c.nameId}</Table.Td>
                  <Table.Td>{steps.join(' → ')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ZoneCard({ zone, edition, provinces, pools }: { zone: EditionDetail['levels'][number]; edition: EditionDetail; provinces: Province[]; pools: PoolSummary[] }) {
  const { t } = useTranslation();
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const usedBy = edition.categories.filter((c) => c.levels.includes(zone.code));
  return (
    <Paper withBorder p="md" data-zone={zone.code}>
      <Title order={3} size="h4">
        {zone.name}
      </Title>
      <Text size="xs" c="dimmed">
        {zone.code} · {usedBy.length > 0 ? `${t('zones.usedBy')}: ${usedBy.map((c) => c.nameId).join(', ')}` : t('zones.notUsed')}
      </Text>
      <Text size="sm" fw={500} mt="sm">
        {t('zones.provinces')}
      </Text>
      <Group gap={6} mt={4}>
        {zone.provinceCodes.map((code) => (
          <Badge key={code} variant="light" color="gray" tt="none">
            {names.get(code) ?? code}
          </Badge>
        ))}
      </Group>
      <Text size="sm" fw={500} mt="md">
        {t('zones.pools')}
      </Text>
      {pools.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('zones.noPools')}
        </Text>
      ) : (
        <Stack gap={6} mt={4}>
          {pools.map((p) => (
            <Group key={p.id} justify="space-between" wrap="wrap" gap="xs" data-pool={p.id}>
              <div>
                <Text size="sm">{p.categoryName}</Text>
                <Text size="xs" c="dimmed">
                  {p.panelName} · {t('zones.candidates', { count: p.candidates })}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                <Badge color={p.status === 'finalised' ? 'teal' : 'blue'} style={{ flexShrink: 0 }}>{t(`pool.statuses.${p.status}`)}</Badge>
                <AnchorLink to="/pools/$id" params={{ id: p.id }} size="sm">
                  {t('zones.open')}
                </AnchorLink>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
