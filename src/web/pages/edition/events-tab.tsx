import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, EventInput } from '../../../shared/contracts/index.ts';
import { formatDate, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useEditionWrite, useProvinces } from './use-edition.ts';

const eventKinds: EventInput['kind'][] = ['socialization', 'provincial_ceremony'];
const empty: EventInput = { kind: 'socialization', provinceCode: '', heldOn: '', place: '', attendees: null, notes: null };

/** Events held in the provinces: socialization (as in the Bengkulu report) and each province's award ceremony. */
export function EventsTab({ edition, canManage, provinceScope }: { edition: EditionDetail; canManage: boolean; provinceScope: string[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const provinces = useProvinces();
  const add = useEditionWrite<{ body: EventInput }>(edition.id, 'POST', () => '/events');
  const remove = useEditionWrite<{ id: string }>(edition.id, 'DELETE', (i) => `/events/${i.id}`);
  const [form, setForm] = useState<EventInput>(empty);
  const fields = useFieldErrors(['kind', 'provinceCode', 'heldOn', 'place', 'attendees', 'notes'], 'event');
  const names = new Map((provinces.data ?? []).map((p) => [p.code, p.name]));
  const editable = canManage && edition.allowed.editTimeline;
  const choices = (provinces.data ?? []).filter((p) => provinceScope == null || provinceScope.includes(p.code));
  return (
    <Stack>
      <ErrorAlert error={add.error ?? remove.error} {...fields.alert} />
      {edition.events.length === 0 ? <Text c="dimmed">{t('setup.noEvents')}</Text> : null}
      {edition.events.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('setup.heldOn')}</Table.Th>
                <Table.Th>{t('setup.eventKind')}</Table.Th>
                <Table.Th>{t('setup.province')}</Table.Th>
                <Table.Th>{t('setup.place')}</Table.Th>
                <Table.Th>{t('setup.attendees')}</Table.Th>
                <Table.Th>{t('setup.notes')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edition.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDate(e.heldOn, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={e.kind === 'provincial_ceremony' ? 600 : 400} c={e.kind === 'provincial_ceremony' ? 'teal.8' : undefined}>
                      {t(`setup.eventKinds.${e.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{names.get(e.provinceCode) ?? e.provinceCode}</Table.Td>
                  <Table.Td>{e.place}</Table.Td>
                  <Table.Td>{e.attendees == null ? '–' : formatNumber(e.attendees, lang)}</Table.Td>
                  <Table.Td>{e.notes}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: e.id })}>
                        {t('common.delete')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editable ? (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={500}>{t('setup.addEvent')}</Text>
            <Select
              label={t('setup.eventKind')}
              maw={320}
              allowDeselect={false}
              data={eventKinds.map((k) => ({ value: k, label: t(`setup.eventKinds.${k}`) }))}
              value={form.kind}
              error={fields.errors.kind}
              onChange={(v) => setForm({ ...form, kind: v === 'provincial_ceremony' ? 'provincial_ceremony' : 'socialization' })}
            />
            <Group grow align="flex-start">
              <Select label={t('setup.province')} searchable data={choices.map((p) => ({ value: p.code, label: p.name }))} required value={form.provinceCode || null} error={fields.errors.provinceCode} onChange={(v) => setForm({ ...form, provinceCode: v ?? '' })} />
              <DateField label={t('setup.heldOn')} required value={form.heldOn} error={fields.errors.heldOn} onChange={(v) => setForm({ ...form, heldOn: v })} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('setup.place')} required value={form.place} error={fields.errors.place} onChange={(e) => setForm({ ...form, place: e.currentTarget.value })} />
              <NumberInput label={t('setup.attendees')} min={0} value={form.attendees ?? ''} error={fields.errors.attendees} onChange={(v) => setForm({ ...form, attendees: v === '' ? null : Number(v) })} />
            </Group>
            <Textarea label={t('setup.notes')} value={form.notes ?? ''} error={fields.errors.notes} onChange={(e) => setForm({ ...form, notes: e.currentTarget.value || null })} />
            <Button color="teal" w="fit-content" loading={add.isPending} onClick={() => {
                // Required fields first, in the user's language, before anything is sent.
                if (fields.check({ provinceCode: form.provinceCode, heldOn: form.heldOn, place: form.place })) add.mutate({ body: form }, { onSuccess: () => setForm(empty), onError: fields.refused });
              }}
            >
              {t('common.add')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
