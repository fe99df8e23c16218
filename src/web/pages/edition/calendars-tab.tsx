import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProvinceCalendar, ProvinceCalendarInput, ProvinceCalendars } from '../../../shared/contracts/index.ts';
import { formatDateShort, type Lang } from '../../../shared/i18n/format.ts';
import { api, ApiError, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldMessage, fieldPath, type FieldErrors } from '../../field-errors.ts';

const fields = ['selfAssessmentDeadline', 'verificationStartsOn', 'verificationEndsOn', 'interviewStartsOn', 'interviewEndsOn', 'ceremonyOn'] as const;
type Field = (typeof fields)[number];

/** The national window and each province's own dates; a provincial admin edits its own province. */
export function CalendarsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const calendars = useQuery({ queryKey: ['province-calendars', editionId], queryFn: () => get<ProvinceCalendars>(`/api/editions/${editionId}/province-calendars`) });
  const [editing, setEditing] = useState<ProvinceCalendar | null>(null);
  if (calendars.error) return <ErrorAlert error={calendars.error} />;
  if (!calendars.data) return <Text>{t('common.loading')}</Text>;
  const { window, national, provinces } = calendars.data;
  const day = (value: string | null) => (value ? formatDateShort(value, lang) : null);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('calendars.intro')}
      </Text>
      <Text fw={600} data-testid="national-window">
        {t('calendars.window', { from: day(window.opensOn), to: day(window.closesOn) })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendars.province')}</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f}>{t(`calendars.fields.${f}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td fw={600}>{t('calendars.national')}</Table.Td>
              {fields.map((f) => (
                <Table.Td key={f}>{day(national[f]) ?? '–'}</Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
            {provinces.map((p) => (
              <Table.Tr key={p.provinceCode} data-testid={`calendar-${p.provinceCode}`}>
                <Table.Td>{p.provinceName}</Table.Td>
                {fields.map((f) => (
                  <Table.Td key={f}>
                    {p[f] ? (
                      <Text size="sm" fw={600} c="teal.8">
                        {day(p[f])}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('calendars.follows')}
                      </Text>
                    )}
                  </Table.Td>
                ))}
                <Table.Td>
                  {p.canEdit ? (
                    <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                      {t('calendars.edit')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {provinces.length === 0 ? <Text c="dimmed">{t('calendars.none')}</Text> : null}
      {editing ? <CalendarForm key={editing.provinceCode} editionId={editionId} calendar={editing} window={window} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function CalendarForm({ editionId, calendar, window, onClose }: { editionId: string; calendar: ProvinceCalendar; window: ProvinceCalendars['window']; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [dates, setDates] = useState<Record<Field, string>>(() => Object.fromEntries(fields.map((f) => [f, calendar[f] ?? ''])) as Record<Field, string>);
  const save = useMutation({
    mutationFn: () => {
      const body = Object.fromEntries(fields.map((f) => [f, dates[f] || null])) as ProvinceCalendarInput;
      return api('PUT', `/api/editions/${editionId}/province-calendars/${calendar.provinceCode}`, body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['province-calendars', editionId] });
      onClose();
    },
  });
  // The server names each refused field: outside the window, or before another date.
  const problems = new Map(save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? save.error.details.map((d) => [fieldPath(d.path), d.message]) : []);
  const errorOf = (f: Field): string | null => {
    const rule = problems.get(f);
    if (!rule) return null;
    if (rule === 'outside') return t('calendars.errors.outside', { from: formatDateShort(window.opensOn, lang), to: formatDateShort(window.closesOn, lang) });
    if (rule.startsWith('before:')) return t('calendars.errors.before', { field: t(`calendars.fields.${rule.slice(7)}`).toLowerCase() });
    // Any other refusal (not a date) is said by the field's rule, never in the server's words.
    return fieldMessage(f, t, 'calendar');
  };
  const marked: FieldErrors = Object.fromEntries(fields.flatMap((f) => (problems.has(f) ? [[f, errorOf(f)!]] : [])));
  return (
    <Paper withBorder p="md" data-testid="calendar-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('calendars.editTitle', { province: calendar.provinceName })}
        </Title>
        <ErrorAlert error={save.error} marked={marked} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {fields.map((f) => (
            <DateField
              key={f}
              label={t(`calendars.fields.${f}`)}
              min={window.opensOn}
              max={window.closesOn}
              value={dates[f]}
              error={errorOf(f)}
              onChange={(v) => {
                const value = v;
                setDates((d) => ({ ...d, [f]: value }));
              }}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('calendars.save')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('calendars.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
