import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScreeningSettings, ScreeningSettingsView } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { emptyWeightGroups } from './screening-weights.ts';

const regencyWeights = ['coverage', 'bpuCoverage', 'growth'] as const;
const employerWeights = ['programComplete', 'onTime', 'declaredCoverage', 'wageCompliance'] as const;
/** A group the server refuses is shown on its weights (its first one stands for it). */
const weightField = (path: string): string => (path === 'regency' ? `regency.${regencyWeights[0]}` : path === 'employer' ? `employer.${employerWeights[0]}` : path);

/** The fields a refusal may name: the shortlist's size, each weight, and each group whose weights all are 0. */
const screeningFields = ['topN', 'regency', 'employer', ...regencyWeights.map((k) => `regency.${k}`), ...employerWeights.map((k) => `employer.${k}`)];

/** The national admin sets how the next import scores the shortlist: its weights and its size. */
export function ScreeningPanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['screening', editionId], queryFn: () => get<ScreeningSettingsView>(`/api/editions/${editionId}/coverage/screening`) });
  const [draft, setDraft] = useState<ScreeningSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = useFieldErrors(screeningFields, 'screening');
  useEffect(() => {
    if (view.data) setDraft(view.data.settings);
  }, [view.data]);
  if (!draft || !view.data) return <ErrorAlert error={view.error} />;
  const editable = view.data.editable;

  async function save(settings: ScreeningSettings | null) {
    setError(null);
    setSaved(false);
    const own: FieldErrors = {};
    for (const group of settings ? emptyWeightGroups(settings) : []) own[group] = t(`fieldErrors.forms.screening.${group}`);
    if (!fields.check({}, own)) return;
    setBusy(true);
    try {
      const next = await api<ScreeningSettingsView>('PUT', `/api/editions/${editionId}/coverage/screening`, { settings });
      client.setQueryData(['screening', editionId], next);
      setSaved(true);
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }
  const weightInput = (group: 'regency' | 'employer', key: string) => (
    <NumberInput
      key={`${group}.${key}`}
      label={t(`coverage.screening.${group}.${key}`)}
      min={0}
      max={100}
      step={0.05}
      decimalScale={4}
      disabled={!editable}
      value={(draft[group] as Record<string, number>)[key]}
      // A group whose weights all are 0 marks each of them; its rule is said once, below them.
      error={fields.errors[`${group}.${key}`] ?? Boolean(fields.errors[group])}
      onChange={(v) => setDraft({ ...draft, [group]: { ...draft[group], [key]: typeof v === 'number' ? v : Number(v) || 0 } })}
    />
  );
  // A group whose weights all are 0 is marked on each of its weights: the alert counts them, and lists no rule they show.
  const shownMarks: FieldErrors = {};
  for (const [field, message] of Object.entries(fields.errors)) {
    const weights = field === 'regency' ? regencyWeights : field === 'employer' ? employerWeights : null;
    if (weights) for (const k of weights) shownMarks[`${field}.${k}`] ??= message;
    else shownMarks[field] = message;
  }
  const groupError = (group: 'regency' | 'employer') =>
    fields.errors[group] ? (
      <Text size="sm" c="red" data-group-error={group}>
        {fields.errors[group]}
      </Text>
    ) : null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{t('coverage.screening.title')}</Text>
          <Badge variant="light" color={view.data.isDefault ? 'gray' : 'teal'}>
            {view.data.isDefault ? t('coverage.screening.defaults') : t('coverage.screening.custom')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('coverage.screening.hint')}
        </Text>
        <ErrorAlert error={error} marked={shownMarks} form="screening" name={weightField} />
        {saved ? (
          <Alert color="teal" role="status">
            {t('coverage.screening.saved')}
          </Alert>
        ) : null}
        <NumberInput
          label={t('coverage.screening.topN')}
          min={1}
          max={1000}
          maw={220}
          allowDecimal={false}
          disabled={!editable}
          value={draft.topN}
          error={fields.errors.topN}
          onChange={(v) => setDraft({ ...draft, topN: typeof v === 'number' ? v : Number(v) || 1 })}
        />
        <Text size="sm" fw={500}>
          {t('coverage.screening.regencyTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>{regencyWeights.map((k) => weightInput('regency', k))}</SimpleGrid>
        {groupError('regency')}
        <Text size="sm" fw={500}>
          {t('coverage.screening.employerTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>{employerWeights.map((k) => weightInput('employer', k))}</SimpleGrid>
        {groupError('employer')}
        {editable ? (
          <Group>
            <Button color="teal" loading={busy} onClick={() => void save(draft)}>
              {t('coverage.screening.save')}
            </Button>
            <Button variant="default" loading={busy} disabled={view.data.isDefault} onClick={() => void save(null)}>
              {t('coverage.screening.reset')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('coverage.screening.locked')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
