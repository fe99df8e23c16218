import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatPeriod, type Lang } from '../../../shared/i18n/format.ts';
import { useSession } from '../../auth.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { EditionPhase } from '../../components/edition-phase.tsx';
import { CandidatesTab } from './candidates-tab.tsx';
import { CalendarsTab } from './calendars-tab.tsx';
import { CategoriesTab } from './categories-tab.tsx';
import { EventsTab } from './events-tab.tsx';
import { GeneralTab } from './general-tab.tsx';
import { LevelsTab } from './levels-tab.tsx';
import { SpecialAwardsTab } from './special-awards-tab.tsx';
import { TimelineTab } from './timeline-tab.tsx';
import { useEdition } from './use-edition.ts';

export function EditionPage() {
  const { id } = useParams({ from: '/app/editions/$id' });
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const edition = useEdition(id);
  const provincialScope = me?.committee.provinces ?? [];
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (!edition.data) return <Text>{t('common.loading')}</Text>;
  const e = edition.data;
  // What the server says the user may do with this edition, and anywhere.
  const admin = e.abilities.configure;
  const can = me?.abilities;
  return (
    <Stack>
      <AnchorLink to="/editions" size="sm">
        ← {t('nav.editions')}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{e.label}</Title>
          <Text c="dimmed" size="sm">
            {t('editions.period')}: {formatPeriod(e.periodStart, e.periodEnd, i18n.language as Lang)}
          </Text>
          <EditionPhase phase={e.phase} />
        </div>
        <Group>
          <ButtonLink to="/editions/$id/candidates" params={{ id: e.id }} variant="light">
            {t('candidates.title')}
          </ButtonLink>
          <ButtonLink to="/editions/$id/progress" params={{ id: e.id }} variant="light">
            {t('candidates.progress')}
          </ButtonLink>
          <ButtonLink to="/editions/$id/coverage" params={{ id: e.id }} variant="light">
            {t('coverage.title')}
          </ButtonLink>
          {can?.readPools ? (
            <ButtonLink to="/editions/$id/panels" params={{ id: e.id }} variant="light">
              {t('panels.title')}
            </ButtonLink>
          ) : null}
          {can?.publish ? (
            <ButtonLink to="/editions/$id/publication" params={{ id: e.id }} variant="light">
              {t('publication.title')}
            </ButtonLink>
          ) : null}
          <StatusBadge status={e.status} />
        </Group>
      </Group>
      <Tabs defaultValue="general" keepMounted={false}>
        <Tabs.List>
          {(['general', 'categories', 'levels', 'timeline', 'events', 'candidates'] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`setup.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="calendars">{t('calendars.tab')}</Tabs.Tab>
          {admin ? (
            <Tabs.Tab value="special" data-testid="tab-special">
              {t('specialAwards.tab')}
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralTab edition={e} admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="md">
          <CategoriesTab edition={e} admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="levels" pt="md">
          <LevelsTab edition={e} admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab edition={e} admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="events" pt="md">
          <EventsTab edition={e} canManage={e.abilities.manageEvents} provinceScope={admin ? null : provincialScope} />
        </Tabs.Panel>
        <Tabs.Panel value="calendars" pt="md">
          <CalendarsTab editionId={e.id} />
        </Tabs.Panel>
        {admin ? (
          <Tabs.Panel value="special" pt="md">
            <SpecialAwardsTab edition={e} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="candidates" pt="md">
          <CandidatesTab editionId={e.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
