import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, LevelInput } from '../../../shared/contracts/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useEditionWrite, useProvinces } from './use-edition.ts';
import { levelTitle } from '../../components/labels.ts';

export function LevelsTab({ edition, admin }: { edition: EditionDetail; admin: boolean }) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const editable = admin && edition.allowed.editStructure;
  const add = useEditionWrite<{ body: LevelInput }>(edition.id, 'POST', () => '/levels');
  const remove = useEditionWrite<{ id: string }>(edition.id, 'DELETE', (i) => `/levels/${i.id}`);
  const [form, setForm] = useState<LevelInput>({ code: '', kind: 'zona', name: '', provinceCodes: [] });
  const fields = useFieldErrors(['code', 'kind', 'name', 'provinceCodes'], 'level');
  const names = new Map((provinces.data ?? []).map((p) => [p.code, p.name]));
  return (
    <Stack>
      {!edition.allowed.editStructure ? <Alert color="yellow">{t('setup.lockedStructure')}</Alert> : null}
      <ErrorAlert error={add.error ?? remove.error} {...fields.alert} />
      <AnchorLink to="/editions/$id/zones" params={{ id: edition.id }} size="sm">
        {t('zones.link')} →
      </AnchorLink>
      <Table.ScrollContainer minWidth={680}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('setup.name')}</Table.Th>
              <Table.Th>{t('setup.kind')}</Table.Th>
              <Table.Th>{t('setup.provinces')}</Table.Th>
              <Table.Th>{t('zones.usedBy')}</Table.Th>
              {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edition.levels.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {levelTitle(l.name, t)}
                  <Text size="xs" c="dimmed">
                    {l.code}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`levelKinds.${l.kind}`)}</Table.Td>
                <Table.Td>{l.provinceCodes.map((c) => names.get(c) ?? c).join(', ') || '–'}</Table.Td>
                <Table.Td>{edition.categories.filter((c) => c.levels.includes(l.code)).map((c) => c.nameId).join(', ') || '–'}</Table.Td>
                {editable ? (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: l.id })}>
                      {t('common.delete')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable ? (
        <Paper withBorder p="md">
          <Stack>
            <Group grow align="flex-start">
              <TextInput label={t('setup.code')} placeholder="zona-sumatera" required value={form.code} error={fields.errors.code} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} />
              <TextInput label={t('setup.name')} placeholder="Zona Sumatera" required value={form.name} error={fields.errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
              <Select
                label={t('setup.kind')}
                data={(['provinsi', 'zona', 'nasional'] as const).map((k) => ({ value: k, label: t(`levelKinds.${k}`) }))}
                value={form.kind}
                error={fields.errors.kind}
                onChange={(v) => setForm({ ...form, kind: (v ?? 'zona') })}
              />
            </Group>
            <MultiSelect
              label={t('setup.provinces')}
              searchable
              data={(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
              value={form.provinceCodes}
              error={fields.errors.provinceCodes}
              onChange={(provinceCodes) => setForm({ ...form, provinceCodes })}
            />
            <Group>
              <Button color="teal" loading={add.isPending} onClick={() => {
                  // Required fields first, in the user's language, before anything is sent.
                  if (fields.check({ code: form.code, name: form.name }))
                    add.mutate({ body: form }, { onSuccess: () => setForm({ code: '', kind: 'zona', name: '', provinceCodes: [] }), onError: fields.refused });
                }}
              >
                {t('common.add')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
