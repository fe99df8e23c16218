import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScreeningSettings, ScreeningSettingsView } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const regencyWeights = ['coverage', 'bpuCoverage', 'growth'] as const;
const employerWeights = ['programComplete', 'onTime', 'declaredCoverage', 'wageCompliance'] as const;

/** The national admin sets how the next import scores the shortlist: its weights and its size. */
export function ScreeningPanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['screening', editionId], queryFn: () => get<ScreeningSettingsView>(`/api/editions/${editionId}/coverage/screening`) });
  const [draft, setDraft] = useState<ScreeningSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (view.data) setDraft(view.data.settings);
  }, [view.data]);
  if (!draft || !view.data) return <ErrorAlert error={view.error} />;
  const editable = view.data.editable;

  async function save(settings: ScreeningSettings | null) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await api<ScreeningSettingsView>('PUT', `/api/editions/${editionId}/coverage/screening`, { settings });
      client.setQueryData(['screening', editionId], next);
      setSaved(true);
    } catch (e) {
      setError(e);
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
      onChange={(v) => setDraft({ ...draft, [group]: { ...draft[group], [key]: typeof v === 'number' ? v : Number(v) || 0 } })}
    />
  );
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
        <ErrorAlert error={error} />
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
          onChange={(v) => setDraft({ ...draft, topN: typeof v === 'number' ? v : Number(v) || 1 })}
        />
        <Text size="sm" fw={500}>
          {t('coverage.screening.regencyTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>{regencyWeights.map((k) => weightInput('regency', k))}</SimpleGrid>
        <Text size="sm" fw={500}>
          {t('coverage.screening.employerTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>{employerWeights.map((k) => weightInput('employer', k))}</SimpleGrid>
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
