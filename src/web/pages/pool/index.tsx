import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PoolDetail } from '../../../shared/contracts/index.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';
import { levelName } from '../zones/level-name.ts';
import { OverviewTab } from './overview-tab.tsx';
import { StagesTab } from './stages-tab.tsx';
import { InterviewsTab } from './interviews-tab.tsx';
import { ModerationTab } from './moderation-tab.tsx';
import { ResultsTab } from './results-tab.tsx';

export const usePool = (id: string) => useQuery({ queryKey: ['pool', id], queryFn: () => get<PoolDetail>(`/api/pools/${id}`) });

/** One pool, for its chair and the committee: candidates and jurors, stages, interviews, moderation, result. */
export function PoolPage() {
  const { id } = useParams({ from: '/app/pools/$id' });
  const { t } = useTranslation();
  const pool = usePool(id);
  const provinces = useProvinces();
  const edition = useEdition(pool.data?.editionId ?? '');
  if (pool.error) return <ErrorAlert error={pool.error} />;
  const p = pool.data;
  if (!p) return <Text>{t('common.loading')}</Text>;
  const runs = p.abilities.run;
  const hasInterview = p.attendanceOptions.length > 0;
  return (
    <Stack>
      <AnchorLink to={p.myRole === 'admin' ? '/editions/$id/panels' : '/penilaian'} params={{ id: p.editionId }} size="sm">
        ← {p.myRole === 'admin' ? t('panels.title') : t('marking.title')}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{p.categoryName}</Title>
          <Text size="sm" c="dimmed">
            {levelName(edition.data?.levels, p.level, t)}
            {p.area ? ` ${provinces.data?.find((x) => x.code === p.area)?.name ?? p.area}` : ''} · {p.panelName} · {t(`pool.roles.${p.myRole}`)}
          </Text>
        </div>
        <Group gap="xs">
          {p.stages.map((s) => (
            <Badge key={s.id} variant="light" color={s.state === 'open' ? 'blue' : s.state === 'closed' ? 'gray' : 'yellow'}>
              {t(`pool.stageNames.${s.id}`, { defaultValue: s.id })}: {t(`pool.stageStates.${s.state}`)}
            </Badge>
          ))}
          <Badge color={p.status === 'finalised' ? 'teal' : 'blue'}>{t(`pool.statuses.${p.status}`)}</Badge>
        </Group>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('pool.tabs.overview')}</Tabs.Tab>
          {runs ? <Tabs.Tab value="stages">{t('pool.tabs.stages')}</Tabs.Tab> : null}
          {runs && hasInterview ? <Tabs.Tab value="interviews">{t('pool.tabs.interviews')}</Tabs.Tab> : null}
          <Tabs.Tab value="moderation">{t('pool.tabs.moderation')}</Tabs.Tab>
          {p.abilities.preview ? <Tabs.Tab value="results">{t('pool.tabs.results')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab pool={p} />
        </Tabs.Panel>
        <Tabs.Panel value="stages" pt="md">
          <StagesTab pool={p} />
        </Tabs.Panel>
        <Tabs.Panel value="interviews" pt="md">
          <InterviewsTab pool={p} />
        </Tabs.Panel>
        <Tabs.Panel value="moderation" pt="md">
          <ModerationTab pool={p} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsTab pool={p} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
