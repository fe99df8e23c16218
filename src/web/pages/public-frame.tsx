import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/layout.tsx';

/** The frame of the pages open without signing in (invitation, registration). */
export function PublicFrame({ title, children, width = 460 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" w="100%" maw={width}>
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2" c="teal.8">
              {t('app.name')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Text c="dimmed" size="sm">
            {t('app.tagline')}
          </Text>
          <Title order={2} size="h4">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
