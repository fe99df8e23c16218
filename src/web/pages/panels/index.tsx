import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PanelDetail, PoolSummary } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';
import { PanelForm } from './panel-form.tsx';
import { levelName } from '../zones/level-name.ts';
import { MembersEditor, useUnsur } from './members-editor.tsx';

/** The panels of an edition (tim penilai) with their members and the pools they judge. */
export function PanelsPage() {
  const { id } = useParams({ from: '/app/editions/$id/panels' });
  const { t } = useTranslation();
  const { me } = useSession();
  const edition = useEdition(id);
  const panels = useQuery({ queryKey: ['panels', id], queryFn: () => get<PanelDetail[]>(`/api/editions/${id}/panels`) });
  const pools = useQuery({ queryKey: ['pools', id], queryFn: () => get<PoolSummary[]>(`/api/editions/${id}/pools`) });
  const canManage = me?.abilities.managePanels ?? false;
  const [creating, setCreating] = useState(false);
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (!edition.data) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data.label}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('panels.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('panels.intro')}
          </Text>
          <AnchorLink to="/editions/$id/zones" params={{ id }} size="sm">
            {t('zones.link')} →
          </AnchorLink>
        </div>
        {canManage ? <Button onClick={() => setCreating(true)}>{t('panels.create')}</Button> : null}
      </Group>
      <ErrorAlert error={panels.error ?? pools.error} />
      {panels.data?.length === 0 ? <Text c="dimmed">{canManage ? t('panels.emptyAdmin') : t('panels.empty')}</Text> : null}
      {(panels.data ?? []).map((panel) => (
        <PanelCard key={panel.id} panel={panel} editionId={id} pools={(pools.data ?? []).filter((p) => p.panelId === panel.id)} canManage={canManage} />
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('panels.create')} size="lg">
        <PanelForm edition={edition.data} onDone={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}

function PanelCard({ panel, editionId, pools, canManage }: { panel: PanelDetail; editionId: string; pools: PoolSummary[]; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const unsur = useUnsur();
  const provinces = useProvinces();
  const edition = useEdition(editionId);
  const client = useQueryClient();
  const [editing, setEditing] = useState<'panel' | 'members' | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const categories = (edition.data?.categories ?? []).filter(
    (c) => c.levels.includes(panel.level) && (panel.categoryCodes.length === 0 || panel.categoryCodes.includes(c.code)) && !pools.some((p) => p.categoryId === c.id),
  );
  const fields = useFieldErrors(['categoryId'], 'pool');
  const createPool = useMutation({
    mutationFn: () => api<PoolSummary>('POST', `/api/editions/${editionId}/pools`, { level: panel.level, area: panel.area, categoryId: category, panelId: panel.id }),
    onError: fields.refused,
    onSuccess: async () => {
      setCategory(null);
      await client.invalidateQueries({ queryKey: ['pools', editionId] });
    },
  });
  const province = provinces.data?.find((p) => p.code === panel.area);
  const unsurLabel = (code: string) => unsur.data?.find((u) => u.code === code)?.[lang] ?? code;
  return (
    <Paper withBorder p="md" data-panel={panel.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {panel.name}
          </Title>
          <Text size="sm" c="dimmed">
            {levelName(edition.data?.levels, panel.level, t)}
            {province ? ` · ${province.name}` : ''}
            {panel.decreeNumber ? ` · SK ${panel.decreeNumber}` : ''}
            {panel.decreeDate ? ` (${formatDate(panel.decreeDate, lang)})` : ''}
          </Text>
        </div>
        {canManage ? (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setEditing('members')}>
              {t('panels.members')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing('panel')}>
              {t('common.edit')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {panel.members.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('panels.noMembers')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} mt="sm">
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('panels.member')}</Table.Th>
                <Table.Th>{t('panels.unsur')}</Table.Th>
                <Table.Th>{t('panels.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {panel.members.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    {m.name}
                    {m.title ? (
                      <Text size="xs" c="dimmed">
                        {m.title}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{unsurLabel(m.unsur)}</Table.Td>
                  <Table.Td>
                    <Badge variant={m.role === 'member' ? 'outline' : 'light'}>{t(`panels.roles.${m.role}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text fw={600} mt="md" mb="xs">
        {t('panels.pools')}
      </Text>
      {pools.length === 0 ? <Text size="sm" c="dimmed">{t('panels.noPools')}</Text> : null}
      <Stack gap="xs">
        {pools.map((p) => (
          <Group key={p.id} justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {p.categoryName}
              </Text>
              <Badge variant="light">{t(`pool.statuses.${p.status}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('pool.candidateCount', { count: p.candidates })}
              </Text>
            </Group>
            <ButtonLink to="/pools/$id" params={{ id: p.id }} size="xs" variant="light">
              {t('pool.open')}
            </ButtonLink>
          </Group>
        ))}
      </Stack>
      {canManage && categories.length > 0 ? (
        <Group mt="sm" align="flex-end">
          <Select
            label={t('panels.newPool')}
            placeholder={t('panels.pickCategory')}
            data={categories.map((c) => ({ value: c.id, label: c.nameId }))}
            value={category}
            onChange={setCategory}
            error={fields.errors.categoryId}
            required
            w={280}
          />
          <Button onClick={() => fields.check({ categoryId: category }) && createPool.mutate()} loading={createPool.isPending}>
            {t('panels.createPool')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={createPool.error} {...fields.alert} />
      <Modal opened={editing === 'panel'} onClose={() => setEditing(null)} title={t('common.edit')} size="lg">
        {edition.data ? <PanelForm edition={edition.data} panel={panel} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <Modal opened={editing === 'members'} onClose={() => setEditing(null)} title={t('panels.members')} size="xl">
        <MembersEditor panel={panel} onDone={() => setEditing(null)} />
      </Modal>
    </Paper>
  );
}
