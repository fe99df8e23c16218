import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, Province, Signatory, SignatoryInput } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { handoverClashes, requiredOfSignatories } from './signatory-checks.ts';

/** Who signs the certificates of each level (and province); the national admin edits, provincial admins read. */
export function SignatoriesPanel({ edition, editable }: { edition: EditionDetail; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: ['signatories', edition.id], queryFn: () => get<Signatory[]>(`/api/editions/${edition.id}/signatories`) });
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), enabled: editable });
  const [rows, setRows] = useState<SignatoryInput[]>([]);
  useEffect(() => {
    if (saved.data) setRows(saved.data.map(({ level, area, name, title, handsOver }) => ({ level, area, name, title, handsOver })));
  }, [saved.data]);
  const fields = useFieldErrors(
    rows.flatMap((_, i) => ['level', 'area', 'name', 'title', 'handsOver'].map((f) => `signatories.${i}.${f}`)),
    'signatory',
  );
  const save = useMutation({
    mutationFn: () => api<Signatory[]>('PUT', `/api/editions/${edition.id}/signatories`, { signatories: rows }),
    onError: fields.refused,
    onSuccess: (data) => client.setQueryData(['signatories', edition.id], data),
  });
  const set = (i: number, patch: Partial<SignatoryInput>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const levels = edition.levels.map((l) => ({ value: l.code, label: l.name }));
  const provinceOptions = [{ value: '', label: '–' }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('publication.signatories')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('publication.signatoriesHint')}
        </Text>
        {!editable ? <Alert color="gray">{t('publication.readOnly')}</Alert> : null}
        <ErrorAlert error={saved.error ?? save.error} {...fields.alert} />
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('publication.level')}</Table.Th>
                <Table.Th>{t('publication.area')}</Table.Th>
                <Table.Th>{t('publication.name')}</Table.Th>
                <Table.Th>{t('publication.position')}</Table.Th>
                <Table.Th>{t('publication.handsOver')}</Table.Th>
                {editable ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Select aria-label={t('publication.level')} data={levels} value={r.level} error={fields.errors[`signatories.${i}.level`]} onChange={(v) => set(i, { level: v ?? r.level })} disabled={!editable} w={150} />
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <Select aria-label={t('publication.area')} data={provinceOptions} value={r.area} error={fields.errors[`signatories.${i}.area`]} onChange={(v) => set(i, { area: v ?? '' })} searchable w={170} />
                    ) : (
                      <Text size="sm">{r.area || '–'}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('publication.name')} value={r.name} error={fields.errors[`signatories.${i}.name`]} required={editable} onChange={(e) => set(i, { name: e.currentTarget.value })} disabled={!editable} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('publication.position')} value={r.title} error={fields.errors[`signatories.${i}.title`]} required={editable} onChange={(e) => set(i, { title: e.currentTarget.value })} disabled={!editable} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={t('publication.handsOver')} checked={r.handsOver} error={fields.errors[`signatories.${i}.handsOver`]} onChange={(e) => set(i, { handsOver: e.currentTarget.checked })} disabled={!editable} />
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => {
                          // The rows below move up: their marks, named by row, would land on the wrong signatory.
                          fields.clear();
                          setRows(rows.filter((_, j) => j !== i));
                        }}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {editable ? (
          <Group>
            <Button variant="light" onClick={() => setRows([...rows, { level: edition.levels[0]?.code ?? 'provinsi', area: '', name: '', title: '', handsOver: false }])}>
              {t('publication.addSignatory')}
            </Button>
            <Button
              color="teal"
              loading={save.isPending}
              onClick={() => {
                // Names and titles first, and one presenter per level and province, before anything is sent.
                const clash = t('fieldErrors.forms.signatory.handsOver');
                if (fields.check(requiredOfSignatories(rows), Object.fromEntries(handoverClashes(rows).map((f) => [f, clash])))) save.mutate();
              }}
            >
              {t('common.save')}
            </Button>
            {save.isSuccess ? <Text size="sm">{t('common.saved')}</Text> : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
