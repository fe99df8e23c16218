import { Alert, Anchor, Center, Group, Paper, Stack, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/layout.tsx';

export const ssoRefusals = ['unknown', 'unverified', 'state', 'failed'] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

/** Where a refused single sign-on lands: why, in the user's language. */
export function SsoRefusedPage() {
  const { t } = useTranslation();
  const { alasan } = useSearch({ from: '/sso-gagal' });
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={480}>
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h3">
              {t('sso.refusedTitle')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Alert color="orange" role="alert">
            {t(`sso.${alasan}`)}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('sso.back')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
