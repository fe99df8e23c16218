import { useState } from 'react';
import { Alert, Button, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { milestoneKinds, type EditionDetail, type Milestone, type MilestoneKind } from '../../../shared/contracts/index.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useEditionWrite } from './use-edition.ts';

type Row = { startsOn: string; endsOn: string; place: string };

/** The eight stages of an edition with their dates and places, saved at once. */
export function TimelineTab({ edition, admin }: { edition: EditionDetail; admin: boolean }) {
  const { t } = useTranslation();
  const editable = admin && edition.allowed.editTimeline;
  const initial = Object.fromEntries(
    milestoneKinds.map((k) => {
      const m = edition.milestones.find((x) => x.kind === k);
      return [k, { startsOn: m?.startsOn ?? '', endsOn: m?.endsOn ?? '', place: m?.place ?? '' }];
    }),
  ) as Record<MilestoneKind, Row>;
  const [rows, setRows] = useState(initial);
  // On a phone each milestone is a card with its three fields labelled: no column is off-screen.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const save = useEditionWrite<{ body: { milestones: Milestone[] } }>(edition.id, 'PUT', () => '/timeline');
  const set = (kind: MilestoneKind, patch: Partial<Row>) => setRows({ ...rows, [kind]: { ...rows[kind], ...patch } });
  const milestones: Milestone[] = milestoneKinds
    .filter((k) => rows[k].startsOn !== '')
    .map((k) => ({ kind: k, startsOn: rows[k].startsOn, endsOn: rows[k].endsOn || null, place: rows[k].place.trim() || null }));
  // The server names a field by its place in the list sent (`milestones.2.endsOn`); the form by its milestone (`interview.endsOn`).
  const fields = useFieldErrors(
    milestoneKinds.flatMap((k) => [`${k}.startsOn`, `${k}.endsOn`, `${k}.place`]),
    'timeline',
    (path) => path.replace(/^milestones\.(\d+)\./, (whole, i: string) => (milestones[Number(i)] ? `${milestones[Number(i)]!.kind}.` : whole)),
  );
  const error = (k: MilestoneKind, field: keyof Row) => fields.errors[`${k}.${field}`];
  return (
    <Stack>
      {!edition.allowed.editTimeline ? <Alert color="yellow">{t('setup.lockedTimeline')}</Alert> : null}
      <ErrorAlert error={save.error} {...fields.alert} />
      {phone ? (
        <Stack gap="xs">
          {milestoneKinds.map((k) => (
            <Paper key={k} withBorder p="sm">
              <Text fw={600} size="sm" mb={4}>
                {t(`milestones.${k}`)}
              </Text>
              <SimpleGrid cols={2} spacing="xs">
                <DateField label={t('setup.startsOn')} aria-label={`${t(`milestones.${k}`)}: ${t('setup.startsOn')}`} value={rows[k].startsOn} error={error(k, 'startsOn')} onChange={(v) => set(k, { startsOn: v })} disabled={!editable} />
                <DateField label={t('setup.endsOn')} aria-label={`${t(`milestones.${k}`)}: ${t('setup.endsOn')}`} value={rows[k].endsOn} error={error(k, 'endsOn')} onChange={(v) => set(k, { endsOn: v })} disabled={!editable} />
              </SimpleGrid>
              <TextInput mt="xs" label={t('setup.place')} aria-label={`${t(`milestones.${k}`)}: ${t('setup.place')}`} value={rows[k].place} error={error(k, 'place')} onChange={(e) => set(k, { place: e.currentTarget.value })} disabled={!editable} />
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('setup.milestone')}</Table.Th>
                <Table.Th>{t('setup.startsOn')}</Table.Th>
                <Table.Th>{t('setup.endsOn')}</Table.Th>
                <Table.Th>{t('setup.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {milestoneKinds.map((k) => (
                <Table.Tr key={k}>
                  <Table.Td>{t(`milestones.${k}`)}</Table.Td>
                  <Table.Td>
                    <DateField aria-label={`${t(`milestones.${k}`)}: ${t('setup.startsOn')}`} value={rows[k].startsOn} error={error(k, 'startsOn')} onChange={(v) => set(k, { startsOn: v })} disabled={!editable} />
                  </Table.Td>
                  <Table.Td>
                    <DateField aria-label={`${t(`milestones.${k}`)}: ${t('setup.endsOn')}`} value={rows[k].endsOn} error={error(k, 'endsOn')} onChange={(v) => set(k, { endsOn: v })} disabled={!editable} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`${t(`milestones.${k}`)}: ${t('setup.place')}`} value={rows[k].place} error={error(k, 'place')} onChange={(e) => set(k, { place: e.currentTarget.value })} disabled={!editable} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable ? (
        <Button color="teal" w="fit-content" loading={save.isPending} onClick={() => {
            // A milestone given an end or a place needs its start, else it would be dropped unsaid; checked before sending.
            const started = Object.fromEntries(milestoneKinds.filter((k) => rows[k].startsOn === '' && (rows[k].endsOn !== '' || rows[k].place.trim() !== '')).map((k) => [`${k}.startsOn`, '']));
            if (fields.check(started)) save.mutate({ body: { milestones } }, { onError: fields.refused });
          }}
        >
          {t('setup.saveTimeline')}
        </Button>
      ) : null}
      {save.isSuccess ? <Text c="teal">{t('common.saved')}</Text> : null}
    </Stack>
  );
}
