import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './layout.tsx';
import { AnchorLink } from './links.tsx';

/** The frame of the public pages: no sign-in, Bahasa Indonesia by default with an English switch, narrow enough for a phone. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <Box component="header" bg="teal.8" c="white" py="sm">
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <AnchorLink to="/publik" c="white" underline="never" fw={700} fz="xl">
              {t('app.name')}
            </AnchorLink>
            <LanguageSwitch />
          </Group>
          <Group gap="md" mt={4} component="nav" aria-label={t('portal.title')}>
            <AnchorLink to="/publik" c="white" size="sm">
              {t('portal.nav.results')}
            </AnchorLink>
            <AnchorLink to="/verifikasi" c="white" size="sm">
              {t('portal.nav.verify')}
            </AnchorLink>
            <AnchorLink to="/login" c="teal.1" size="sm">
              {t('portal.nav.login')}
            </AnchorLink>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="md" id="main" component="main">
        <Outlet />
      </Container>
      <Container size="lg" pb="lg" component="footer">
        <Text size="xs" c="dimmed">
          {t('app.tagline')} ·{' '}
          <Anchor href="/api/docs" size="xs" underline="always">
            {t('portal.nav.openData')}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
