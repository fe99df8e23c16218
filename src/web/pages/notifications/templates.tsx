import { useState } from 'react';
import { Accordion, Alert, Badge, Button, Code, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NotificationTemplate } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

type Text = { subject: string; body: string };

/** The national admin reads and edits each message's template per language, beside the facts it may use. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['notification-templates'], queryFn: () => get<NotificationTemplate[]>('/api/notification-templates') });
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t('notifications.templatesTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('notifications.templatesHint', { fact: '{{fact}}', candidate: '{{candidate}}', interpolation: { escapeValue: false } })}
      </Text>
      <ErrorAlert error={list.error} />
      <Accordion variant="separated">
        {(list.data ?? []).map((tpl) => (
          <Accordion.Item key={tpl.kind} value={tpl.kind}>
            <Accordion.Control>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {tpl.id.subject}
                </Text>
                <Badge variant="light" color="gray">
                  {t(`outboxExtra.kinds.${tpl.kind}`, { defaultValue: tpl.kind })}
                </Badge>
                {tpl.id.edited || tpl.en.edited ? (
                  <Badge color="orange" variant="light">
                    {t('notifications.edited')}
                  </Badge>
                ) : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <TemplateEditor template={tpl} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function TemplateEditor({ template }: { template: NotificationTemplate }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [locale, setLocale] = useState<'id' | 'en'>('id');
  const [drafts, setDrafts] = useState<Record<'id' | 'en', Text>>({
    id: { subject: template.id.subject, body: template.id.body },
    en: { subject: template.en.subject, body: template.en.body },
  });
  const draft = drafts[locale];
  const url = `/api/notification-templates/${encodeURIComponent(template.kind)}`;
  const refresh = (saved: NotificationTemplate) => {
    setDrafts({ id: { subject: saved.id.subject, body: saved.id.body }, en: { subject: saved.en.subject, body: saved.en.body } });
    return client.invalidateQueries({ queryKey: ['notification-templates'] });
  };
  const fields = useFieldErrors(['subject', 'body'], 'template');
  const save = useMutation({ mutationFn: () => api<NotificationTemplate>('PUT', `${url}/${locale}`, draft), onSuccess: refresh, onError: fields.refused });
  const reset = useMutation({ mutationFn: () => api<NotificationTemplate>('DELETE', `${url}/${locale}`), onSuccess: refresh });
  const preview = useMutation({ mutationFn: () => api<Text>('POST', `${url}/preview`, draft), onError: fields.refused });
  // Subject and body are required, in the user's language, before anything is sent.
  const send = (mutation: { mutate: () => void }) => {
    if (fields.check({ subject: draft.subject, body: draft.body })) mutation.mutate();
  };
  const setDraft = (d: Text) => {
    setDrafts({ ...drafts, [locale]: d });
    save.reset();
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Stack gap="xs" style={{ gridColumn: 'span 2' }}>
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            aria-label={t('notifications.language')}
            value={locale}
            onChange={(v) => setLocale(v)}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Badge variant="light" color={template.essential ? 'teal' : 'gray'}>
            {template.essential ? t('notifications.essential') : t('notifications.optional')}
          </Badge>
        </Group>
        <TextInput label={t('notifications.subject')} required value={draft.subject} error={fields.errors.subject} onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })} />
        <Textarea label={t('notifications.body')} required autosize minRows={8} value={draft.body} error={fields.errors.body} onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })} />
        <ErrorAlert error={save.error ?? preview.error ?? reset.error} {...fields.alert} />
        {save.isSuccess ? (
          <Alert color="teal" role="status">
            {t('notifications.templateSaved')}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button size="xs" loading={save.isPending} onClick={() => send(save)}>
            {t('notifications.saveTemplate')}
          </Button>
          <Button size="xs" variant="default" loading={preview.isPending} onClick={() => send(preview)}>
            {t('notifications.preview')}
          </Button>
          {template[locale].edited ? (
            <Button size="xs" variant="subtle" color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
              {t('notifications.reset')}
            </Button>
          ) : null}
        </Group>
        {preview.data ? (
          <Alert color="gray" title={t('notifications.previewHint')}>
            <Text fw={600} size="sm">
              {preview.data.subject}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {preview.data.body}
            </Text>
          </Alert>
        ) : null}
      </Stack>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('notifications.facts')}
        </Text>
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder fz="xs">
            <Table.Tbody>
              {Object.entries(template.facts).map(([name, sample]) => (
                <Table.Tr key={name}>
                  <Table.Td>
                    <Code>{`{{${name}}}`}</Code>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{sample}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </SimpleGrid>
  );
}
