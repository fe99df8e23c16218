import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InterviewSlot, PoolDetail, SlotInput } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

/** The interview schedule (date, time, place or link) and who attended for each candidate. */
export function InterviewsTab({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const candidates = pool.candidatesList.filter((c) => c.inPool);
  if (candidates.length === 0) return <Text c="dimmed">{t('pool.noCandidates')}</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('pool.interviewHint')}
      </Text>
      {candidates.map((c) => (
        <SlotEditor key={c.id} pool={pool} candidate={c} slot={pool.slots.find((s) => s.candidateId === c.id) ?? null} />
      ))}
    </Stack>
  );
}

function SlotEditor({ pool, candidate, slot }: { pool: PoolDetail; candidate: PoolDetail['candidatesList'][number]; slot: InterviewSlot | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [form, setForm] = useState<SlotInput>(slot ?? { heldOn: '', startsAt: '09:00', endsAt: null, place: null, onlineUrl: null });
  const [attendance, setAttendance] = useState<string | null>(slot?.attendance ?? null);
  const refresh = () => client.invalidateQueries({ queryKey: ['pool', pool.id] });
  const fields = useFieldErrors(['heldOn', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'attendance'], 'slot');
  const save = useMutation({ mutationFn: () => api('PUT', `/api/pools/${pool.id}/slots/${candidate.id}`, form), onSuccess: refresh, onError: fields.refused });
  const record = useMutation({ mutationFn: () => api('POST', `/api/pools/${pool.id}/slots/${candidate.id}/attendance`, { attendance, note: null }), onSuccess: refresh, onError: fields.refused });
  const set = (patch: Partial<SlotInput>) => setForm((f) => ({ ...f, ...patch }));
  const locked = pool.status === 'finalised';
  return (
    <Paper withBorder p="md" aria-label={candidate.name}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{candidate.name}</Text>
        {slot ? (
          <Group gap="xs">
            <Badge variant="light">
              {formatDate(slot.heldOn, lang)} · {slot.startsAt}
            </Badge>
            {slot.attendance ? (
              <Badge color="teal" variant="light">
                {t(`attendance.${slot.attendance}`, { defaultValue: slot.attendance })}
              </Badge>
            ) : null}
          </Group>
        ) : (
          <Badge variant="light" color="gray">
            {t('pool.notScheduled')}
          </Badge>
        )}
      </Group>
      <ErrorAlert error={save.error ?? record.error} {...fields.alert} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('pool.date')} required value={form.heldOn} error={fields.errors.heldOn} onChange={(v) => set({ heldOn: v })} disabled={locked} />
        <TextInput type="time" label={t('pool.starts')} required value={form.startsAt} error={fields.errors.startsAt} onChange={(e) => set({ startsAt: e.currentTarget.value })} disabled={locked} />
        <TextInput type="time" label={t('pool.ends')} value={form.endsAt ?? ''} error={fields.errors.endsAt} onChange={(e) => set({ endsAt: e.currentTarget.value || null })} disabled={locked} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        <TextInput label={t('pool.place')} placeholder="Hotel Premier Park, Mataram" value={form.place ?? ''} error={fields.errors.place} onChange={(e) => set({ place: e.currentTarget.value || null })} disabled={locked} />
        <TextInput label={t('pool.onlineUrl')} placeholder="https://" value={form.onlineUrl ?? ''} error={fields.errors.onlineUrl} onChange={(e) => set({ onlineUrl: e.currentTarget.value || null })} disabled={locked} />
      </SimpleGrid>
      <Group mt="sm" justify="space-between" align="flex-end">
        <Button
          variant="light"
          onClick={() => {
            // Required fields first, in the user's language, before anything is sent; a place or a link, one of them.
            if (fields.check({ heldOn: form.heldOn, startsAt: form.startsAt }, !form.place?.trim() && !form.onlineUrl?.trim() ? { place: t('fieldErrors.forms.slot.place') } : {})) save.mutate();
          }}
          loading={save.isPending}
          disabled={locked}
        >
          {t('pool.saveSlot')}
        </Button>
        {slot ? (
          <Group align="flex-end">
            <Select
              label={t('pool.attendance')}
              w={290}
              data={pool.attendanceOptions.map((o) => ({ value: o, label: t(`attendance.${o}`, { defaultValue: o }) }))}
              value={attendance}
              error={fields.errors.attendance}
              onChange={setAttendance}
              disabled={locked}
            />
            <Button
              onClick={() => {
                if (fields.check({ attendance })) record.mutate();
              }}
              loading={record.isPending}
              disabled={locked}
            >
              {t('pool.recordAttendance')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
