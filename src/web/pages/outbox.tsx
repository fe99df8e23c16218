import { Alert, Anchor, Badge, Button, Card, Code, CopyButton, Group, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage, OutboxStatus } from '../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { api, get } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';

/** The first link in a message's text. */
const linkIn = (body: string): string | null => /https?:\/\/\S+/.exec(body)?.[0] ?? null;

/**
 * The message's link (an invitation's) while it still has to reach its
 * recipient: shown in full with a copy button. Once sent or passed on, the
 * server hides it in the body, and the page shows nothing.
 */
function linkOf(m: OutboxMessage): string | null {
  if (m.sentAt || m.status === 'handed') return null;
  const link = m.link ?? linkIn(m.body);
  return link && !link.includes('[') ? link : null;
}

/** The e-mails the app wrote, for the admins: sent, queued, or refused by the mail server. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => get<OutboxMessage[]>('/api/outbox') });
  const status = useQuery({ queryKey: ['outbox-status'], queryFn: () => get<OutboxStatus>('/api/outbox/status') });
  const noServer = status.data?.mailServer === false;
  // Without a mail server an admin passes a message on by hand and records it.
  const handed = useMutation({
    mutationFn: (id: string) => api<OutboxMessage>('POST', `/api/outbox/${id}/handed`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  // A message whose delivery is uncertain is never resent by itself: the admin decides.
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'sent' | 'resend' }) => api<OutboxMessage>('POST', `/api/outbox/${id}/decision`, { decision }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  return (
    <Stack>
      <Title order={2}>{t('outbox.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('outbox.hint')}
      </Text>
      <ErrorAlert error={outbox.error} />
      <ErrorAlert error={decide.error ?? handed.error} />
      {noServer ? (
        <Alert color="yellow" role="status" title={t('outboxExtra.noServer')}>
          {t('outboxExtra.noServerHint')}
        </Alert>
      ) : null}
      {outbox.data?.length === 0 ? <Text c="dimmed">{t('outbox.empty')}</Text> : null}
      {(outbox.data ?? []).map((m) => (
        <Card key={m.id} withBorder data-message={m.to}>
          <Group justify="space-between" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {m.subject}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('outbox.to')}: {m.to}
              </Text>
              {m.kind ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('outboxExtra.kind')}: {t(`outboxExtra.kinds.${m.kind}`, { defaultValue: m.kind })}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('outbox.created')}: {formatDateTime(m.createdAt, lang)}
              </Text>
            </div>
            {m.status === 'handed' ? (
              <Badge color="teal" variant="light">
                {m.handedAt ? t('outboxExtra.handedAt', { at: formatDateTime(m.handedAt, lang) }) : t('outboxExtra.handed')}
              </Badge>
            ) : m.sentAt ? (
              <Badge color="teal" variant="light">
                {t('outbox.sent')} {formatDateTime(m.sentAt, lang)}
              </Badge>
            ) : m.status === 'uncertain' ? (
              <Badge color="orange" variant="light">
                {t('outbox.uncertain')}
              </Badge>
            ) : m.status === 'sending' ? (
              <Badge color="blue" variant="light">
                {t('outbox.sending')}
              </Badge>
            ) : m.error ? (
              <Badge color="red" variant="light">
                {t('outbox.failed', { attempts: m.attempts })}
              </Badge>
            ) : noServer ? (
              <Badge color="yellow" variant="light" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
                {t('outboxExtra.awaitingHandOff')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                {t('outbox.queued')}
              </Badge>
            )}
          </Group>
          {linkOf(m) ? (
            <Group mt="xs" gap="xs" wrap="nowrap" align="center" data-link>
              <Text size="sm" fw={600}>
                {t('outboxExtra.link')}:
              </Text>
              <Code style={{ wordBreak: 'break-all', minWidth: 0 }}>{linkOf(m)}</Code>
            </Group>
          ) : null}
          {linkOf(m) || (noServer && m.status === 'queued') ? (
            <Group mt="xs" gap="xs">
              {linkOf(m) ? (
                <CopyButton value={linkOf(m)!}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? t('outboxExtra.copied') : t('outboxExtra.copy')}
                    </Button>
                  )}
                </CopyButton>
              ) : null}
              {noServer && m.status === 'queued' ? (
                <Button size="xs" loading={handed.isPending && handed.variables === m.id} onClick={() => handed.mutate(m.id)}>
                  {t('outboxExtra.markHanded')}
                </Button>
              ) : null}
            </Group>
          ) : null}
          {m.error ? (
            <Text size="xs" c="red.8" mt={4}>
              {m.error}
            </Text>
          ) : null}
          {m.status === 'uncertain' ? (
            <Alert color="orange" mt="xs" role="status">
              <Text size="sm">{t('outbox.uncertainHint')}</Text>
              <Group mt="xs" gap="xs">
                <Button size="xs" color="teal" loading={decide.isPending} onClick={() => decide.mutate({ id: m.id, decision: 'sent' })}>
                  {t('outbox.confirmSent')}
                </Button>
                <Button size="xs" variant="default" loading={decide.isPending} onClick={() => decide.mutate({ id: m.id, decision: 'resend' })}>
                  {t('outbox.resend')}
                </Button>
              </Group>
            </Alert>
          ) : null}
          <Spoiler maxHeight={72} showLabel="▾" hideLabel="▴" mt="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body.split(/(https?:\/\/\S+)/).map((part, i) =>
                i % 2 === 1 ? (
                  <Anchor key={i} href={part} target="_blank" rel="noopener">
                    {part}
                  </Anchor>
                ) : (
                  part
                ),
              )}
            </Text>
          </Spoiler>
        </Card>
      ))}
    </Stack>
  );
}
