import { useEffect, useState } from 'react';
import { Badge, Button, Grid, Group, List, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PressRelease } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

/**
 * The committee edits a winner's press release. Beside the text: the facts it
 * was drafted from and, sentence by sentence, which facts each states.
 */
export function PressReleasePage() {
  const { id } = useParams({ from: '/app/press-releases/$id' });
  const { t } = useTranslation();
  const client = useQueryClient();
  const release = useQuery({ queryKey: ['press-release', id], queryFn: () => get<PressRelease>(`/api/press-releases/${id}`) });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const r = release.data;
  useEffect(() => {
    if (r) {
      setTitle(r.title);
      setBody(r.body);
    }
  }, [r]);
  const stored = (data: PressRelease) => client.setQueryData(['press-release', id], data);
  const fields = useFieldErrors(['title', 'body'], 'pressRelease');
  const save = useMutation({ mutationFn: () => api<PressRelease>('PUT', `/api/press-releases/${id}`, { title, body, version: r!.version }), onError: fields.refused, onSuccess: stored });
  const regenerate = useMutation({
    mutationFn: () => api<PressRelease>('POST', `/api/results/${r!.resultId}/press-releases`, { candidateId: r!.candidateId }),
    onSuccess: (data) => {
      stored(data);
      setConfirming(false);
    },
  });
  if (release.error) return <ErrorAlert error={release.error} />;
  if (!r) return <Text>{t('common.loading')}</Text>;
  const labels = new Map(r.facts.map((f) => [f.key, f.label]));
  const changed = title !== r.title || body !== r.body;
  return (
    <Stack>
      <Button variant="subtle" w="fit-content" px={0} onClick={() => window.history.back()}>
        ← {t('pressRelease.back')}
      </Button>
      <Title order={2}>
        {t('pressRelease.title')}: {r.candidateName}
      </Title>
      <ErrorAlert error={save.error ?? regenerate.error} {...fields.alert} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <TextInput label={t('pressRelease.headline')} value={title} error={fields.errors.title} required onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea label={t('pressRelease.body')} value={body} error={fields.errors.body} required onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={14} />
            <Group>
              <Button color="teal" disabled={!changed} loading={save.isPending} onClick={() => fields.check({ title, body }) && save.mutate()}>
                {t('common.save')}
              </Button>
              <Button
                variant="light"
                onClick={() => {
                  void navigator.clipboard?.writeText(`${title}\n\n${body}`).then(() => setCopied(true));
                }}
              >
                {copied ? t('pressRelease.copied') : t('pressRelease.copy')}
              </Button>
              <Button variant="subtle" color="orange" onClick={() => setConfirming(true)}>
                {t('pressRelease.regenerate')}
              </Button>
              {!changed ? (
                <Text size="sm" c="dimmed">
                  {t('pressRelease.saved', { version: r.version })}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={3} size="h5">
                {t('pressRelease.facts')}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('pressRelease.factsHint')}
              </Text>
              <List size="sm" spacing={4}>
                {r.facts.map((f) => (
                  <List.Item key={f.key}>
                    <strong>{f.label}</strong>: {f.value}
                  </List.Item>
                ))}
              </List>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="xs">
                {t('pressRelease.sentences')}
              </Title>
              <Stack gap="xs">
                {r.draft.paragraphs.flat().map((s, i) => (
                  <div key={i}>
                    <Text size="xs">{s.text}</Text>
                    <Group gap={4} mt={2}>
                      {s.facts.map((f) => (
                        <Badge key={f} size="xs" variant="light">
                          {labels.get(f) ?? f}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('pressRelease.regenerate')}>
        <Text mb="md">{t('pressRelease.regenerateConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
