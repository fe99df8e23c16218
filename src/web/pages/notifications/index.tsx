import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationItem, NotificationList, NotificationPreferences } from '../../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export const notificationsKey = ['notifications'];

/** The signed-in user's notifications (the header's bell reads the same query). */
export function useNotifications(enabled = true) {
  return useQuery({ queryKey: notificationsKey, queryFn: () => get<NotificationList>('/api/notifications'), enabled, refetchInterval: 60_000 });
}

/** The notification centre: every role's list of what the award told them, with links to act on. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const list = useNotifications();
  const refresh = () => client.invalidateQueries({ queryKey: notificationsKey });
  const read = useMutation({ mutationFn: (id: string) => api<NotificationItem>('POST', `/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api<{ marked: number }>('POST', '/api/notifications/read-all'), onSuccess: refresh });
  const items = list.data?.items ?? [];
  return (
    <Stack maw={820}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('notifications.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.hint')}
          </Text>
        </div>
        <Button variant="default" size="xs" disabled={!list.data?.unread} loading={readAll.isPending} onClick={() => readAll.mutate()}>
          {t('notifications.markAll')}
        </Button>
      </Group>
      <ErrorAlert error={list.error ?? read.error ?? readAll.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('notifications.empty')}</Text> : null}
      {list.data && list.data.unread > 0 ? (
        <Text size="sm" fw={600}>
          {t('notifications.unread', { count: list.data.unread })}
        </Text>
      ) : null}
      {items.map((n) => (
        <Card key={n.id} withBorder data-notification={n.kind} data-unread={n.readAt ? undefined : 'true'} bg={n.readAt ? undefined : 'teal.0'}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={n.readAt ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
                {n.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt, lang)}
                {n.emailed ? '' : ` · ${t('notifications.noEmail')}`}
              </Text>
            </div>
            <Badge variant="light" color={n.readAt ? 'gray' : 'teal'} style={{ flexShrink: 0 }}>
              {n.readAt ? t('notifications.read') : t('notifications.new')}
            </Badge>
          </Group>
          <Group mt="xs" gap="xs">
            <Button component={Link} to={n.link} size="xs" onClick={() => (n.readAt ? undefined : read.mutate(n.id))}>
              {t('notifications.open')}
            </Button>
            {n.readAt ? null : (
              <Button size="xs" variant="default" loading={read.isPending && read.variables === n.id} onClick={() => read.mutate(n.id)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      <Preferences />
    </Stack>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const { me } = useSession();
  const committee = (me?.user.roles ?? []).some((r) => r.role !== 'candidate');
  const current = useQuery({ queryKey: ['notification-preferences'], queryFn: () => get<NotificationPreferences>('/api/notifications/preferences') });
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  useEffect(() => {
    if (current.data) setDraft(current.data);
  }, [current.data]);
  const save = useMutation({ mutationFn: (p: NotificationPreferences) => api<NotificationPreferences>('PUT', '/api/notifications/preferences', p) });
  if (!draft) return null;
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4">
        {t('notifications.preferences')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notifications.preferencesHint')}
      </Text>
      <Stack gap="xs">
        <Checkbox label={t('notifications.reminderEmails')} checked={draft.reminderEmails} onChange={(e) => setDraft({ ...draft, reminderEmails: e.currentTarget.checked })} />
        {committee ? (
          <Checkbox label={t('notifications.dailyDigest')} checked={draft.dailyDigest} onChange={(e) => setDraft({ ...draft, dailyDigest: e.currentTarget.checked })} />
        ) : null}
      </Stack>
      <ErrorAlert error={save.error} />
      {save.isSuccess ? (
        <Alert color="teal" mt="sm" role="status">
          {t('notifications.saved')}
        </Alert>
      ) : null}
      <Button mt="sm" loading={save.isPending} onClick={() => save.mutate(draft)}>
        {t('notifications.save')}
      </Button>
    </Paper>
  );
}
