import { AppShell, Burger, Group, Menu, NavLink, SegmentedControl, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth.tsx';
import { useCurrentEdition } from '../current-edition.ts';
import { useCandidacies } from '../candidacies.ts';
import { useProvinces } from '../pages/edition/use-edition.ts';
import { roleLabel } from './labels.ts';
import { setLanguage } from '../i18n.ts';
import { NotificationBell } from './notification-bell.tsx';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language}
      onChange={(v) => setLanguage(v as 'id' | 'en')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

/** The frame of every signed-in page: header, navigation by role, content. */
export function Layout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const [opened, { toggle, close }] = useDisclosure();
  // What the user may do anywhere, as the server computes it from its policies.
  const can = me?.abilities;
  const roles = me?.user.roles ?? [];
  const candidateOnly = roles.length > 0 && roles.every((r) => r.role === 'candidate');
  const edition = useCurrentEdition(!candidateOnly);
  const provinces = useProvinces();
  const e = edition?.id ?? '';
  const candidacies = useCandidacies(t);
  const candidateLinks = roles
    .filter((r) => r.role === 'candidate' && r.candidateId)
    .map((r) => ({ id: r.candidateId!, label: candidacies?.find((c) => c.id === r.candidateId)?.levelLabel ?? '…' }));
  // Navigation by ability: a candidate sees its own page; a verifier its queue; a
  // provincial admin its candidates and progress; the national admin all of it.
  const links = [
    // One entry per candidacy; with several (a candidate that advanced), each names its level.
    ...candidateLinks.map((c) => ({ to: `/candidates/${c.id}`, label: candidateLinks.length > 1 ? t('landing.candidacyNav', { level: c.label }) : t('nav.myCandidate'), show: true })),
    { to: '/editions', label: t('nav.editions'), show: !candidateOnly },
    { to: '/penilaian', label: t('marking.title'), show: can?.mark ?? false },
    { to: `/editions/${e}/verification`, label: t('nav.queue'), show: e !== '' && (can?.verify ?? false) },
    { to: `/editions/${e}/candidates`, label: t('nav.candidates'), show: e !== '' && !candidateOnly && (can?.listCandidates ?? false) },
    { to: `/editions/${e}/progress`, label: t('nav.progress'), show: e !== '' && !candidateOnly && (can?.listCandidates ?? false) },
    { to: `/editions/${e}/recap`, label: t('recap.nav'), show: e !== '' && (can?.readRecap ?? false) },
    { to: '/notifikasi', label: t('notifications.nav'), show: true },
    { to: '/outbox', label: t('nav.outbox'), show: can?.readOutbox ?? false },
    { to: '/templat-pesan', label: t('notifications.templatesNav'), show: roles.some((r) => r.role === 'national_admin') },
    { to: '/users', label: t('nav.users'), show: can?.manageUsers ?? false },
    { to: '/audit', label: t('nav.audit'), show: can?.readAudit ?? false },
    { to: '/editions/import', label: t('publication.navImport'), show: can?.archiveEditions ?? false },
    { to: '/publik', label: t('publication.navPortal'), show: true },
  ].filter((l) => l.show);
  const isActive = (to: string) =>
    to === '/editions' ? path === '/editions' || (/^\/editions\/[^/]+$/.test(path) && path !== '/editions/import') : path === to || path.startsWith(`${to}/`);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={me?.user.name}>
                  <Text size="sm" fw={500} truncate maw={{ base: 90, sm: 200 }}>
                    {me?.user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.user.roles.map((r) => roleLabel(r, t, provinces.data)).join('; ')}</Menu.Label>
                <Menu.Item component={Link} to="/akun">
                  {t('account.nav')}
                </Menu.Item>
                <Menu.Item
                  onClick={() => {
                    void logout().then(() => navigate({ to: '/login' }));
                  }}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Navigasi">
        {links.map((l) => (
          // The router marks a link current only on its own path; `active` also covers the pages under it.
          <NavLink key={l.to} component={Link} to={l.to} activeOptions={{ exact: true }} label={l.label} active={isActive(l.to)} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
