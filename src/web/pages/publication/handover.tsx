import { DateField } from '../../components/date-field.tsx';
import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Handover, HandoverInput, PublicationStatus } from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { handoverField, handoverFormOf, handoverInputOf, type HandoverForm as Form } from './handover-input.ts';

/** The ceremony date and place the certificates will print, or a clear warning that none will. */
export function CeremonyPreview({ status }: { status: PublicationStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const c = status.ceremony;
  if (!c) {
    return (
      <Alert color="orange" title={t('ceremony.missingTitle')} data-testid="ceremony-missing">
        {t('ceremony.missing')}
      </Alert>
    );
  }
  return (
    <Text size="sm" data-testid="ceremony-printed">
      <Text span fw={600}>
        {t('ceremony.printed')}:
      </Text>{' '}
      {formatDate(c.date, lang)}
      {c.place ? `, ${c.place}` : ''}{' '}
      <Text span c="dimmed">
        ({t(c.source === 'province' ? 'ceremony.sourceProvince' : 'ceremony.sourceEdition')})
      </Text>
    </Text>
  );
}

/** The committee records how the pool's awards were actually handed over. */
export function HandoverForm({ status }: { status: PublicationStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(() => handoverFormOf(status.handover));
  const incomplete = handoverInputOf(form).input === null;
  // The candidates of the representatives last sent, in order: the server names a refused one by its place.
  const sent = useRef<string[]>([]);
  const name = useCallback((path: string) => handoverField(sent.current)(path), []);
  const fields = useFieldErrors(
    [
      'presenter.name',
      'presenter.title',
      'occasion.name',
      'occasion.date',
      'occasion.place',
      ...status.winners.flatMap((w) => ['name', 'title', 'onBehalfOf'].map((f) => `representatives.${w.candidateId}.${f}`)),
    ],
    'handover',
    name,
  );
  const save = useMutation({
    mutationFn: (body: HandoverInput) => api<Handover>('PUT', `/api/pools/${status.poolId}/handover`, body),
    onError: fields.refused,
    onSuccess: (handover) => {
      client.setQueryData(['publication', status.poolId], { ...status, handover });
      setForm(handoverFormOf(handover));
    },
  });
  const submit = () => {
    // A half-filled pair marks its empty partner, before anything is sent.
    const { input, missing } = handoverInputOf(form);
    if (!fields.check(Object.fromEntries(missing.map((f) => [f, '']))) || !input) return;
    sent.current = input.representatives.map((r) => r.candidateId);
    save.mutate(input);
  };
  const rep = (candidateId: string) => form.representatives[candidateId] ?? { name: '', title: '', onBehalfOf: '' };
  const setRep = (candidateId: string, patch: Partial<Form['representatives'][string]>) =>
    setForm({ ...form, representatives: { ...form.representatives, [candidateId]: { ...rep(candidateId), ...patch } } });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('ceremony.handoverTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ceremony.handoverHint')}
          </Text>
        </div>
        <Text fw={600} size="sm">
          {t('ceremony.presenter')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('ceremony.presenterName')} value={form.presenter.name} error={fields.errors['presenter.name']} onChange={(e) => setForm({ ...form, presenter: { ...form.presenter, name: e.currentTarget.value } })} />
          <TextInput
            label={t('ceremony.presenterTitle')}
            placeholder={t('ceremony.presenterTitlePlaceholder')}
            value={form.presenter.title}
            error={fields.errors['presenter.title']}
            onChange={(e) => setForm({ ...form, presenter: { ...form.presenter, title: e.currentTarget.value } })}
          />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('ceremony.occasion')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('ceremony.occasionName')}
            placeholder={t('ceremony.occasionNamePlaceholder')}
            value={form.occasion.name}
            error={fields.errors['occasion.name']}
            onChange={(e) => setForm({ ...form, occasion: { ...form.occasion, name: e.currentTarget.value } })}
          />
          <DateField label={t('ceremony.occasionDate')} value={form.occasion.date} error={fields.errors['occasion.date']} onChange={(v) => setForm({ ...form, occasion: { ...form.occasion, date: v } })} />
          <TextInput label={t('ceremony.occasionPlace')} value={form.occasion.place} error={fields.errors['occasion.place']} onChange={(e) => setForm({ ...form, occasion: { ...form.occasion, place: e.currentTarget.value } })} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('ceremony.representatives')}
        </Text>
        {status.winners.length === 0 ? <Text size="sm">{t('ceremony.noWinners')}</Text> : null}
        {status.winners.map((w) => (
          <Stack key={w.candidateId} gap={4}>
            <Text size="sm">{w.name}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput aria-label={`${t('ceremony.representativeName')}: ${w.name}`} placeholder={t('ceremony.representativeName')} value={rep(w.candidateId).name} error={fields.errors[`representatives.${w.candidateId}.name`]} onChange={(e) => setRep(w.candidateId, { name: e.currentTarget.value })} />
              <TextInput
                aria-label={`${t('ceremony.representativeTitle')}: ${w.name}`}
                placeholder={t('ceremony.representativeTitlePlaceholder')}
                value={rep(w.candidateId).title}
                error={fields.errors[`representatives.${w.candidateId}.title`]}
                onChange={(e) => setRep(w.candidateId, { title: e.currentTarget.value })}
              />
              <TextInput
                aria-label={`${t('ceremony.onBehalfOf')}: ${w.name}`}
                placeholder={t('ceremony.onBehalfOfPlaceholder')}
                value={rep(w.candidateId).onBehalfOf}
                error={fields.errors[`representatives.${w.candidateId}.onBehalfOf`]}
                onChange={(e) => setRep(w.candidateId, { onBehalfOf: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Stack>
        ))}
        {incomplete ? (
          <Text size="sm" c="orange.8">
            {t('ceremony.incomplete')}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} {...fields.alert} />
        {save.isSuccess ? (
          <Alert color="teal" data-testid="handover-saved">
            {t('ceremony.saved')}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {status.handover.updatedAt ? `${t('ceremony.updatedAt')}: ${formatDateTime(status.handover.updatedAt, lang)}` : ''}
          </Text>
          <Button loading={save.isPending} onClick={submit}>
            {t('ceremony.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
