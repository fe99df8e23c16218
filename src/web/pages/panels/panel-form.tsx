import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, PanelDetail, PanelInput } from '../../../shared/contracts/index.ts';
import { api } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useProvinces } from '../edition/use-edition.ts';

/** Creates or changes a panel: its level and province, name, decree (SK) and categories. */
export function PanelForm({ edition, panel, onDone }: { edition: EditionDetail; panel?: PanelDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const provinces = useProvinces();
  // Where the server says the user runs the committee.
  const national = me?.committee.national ?? false;
  const mine = me?.committee.provinces ?? [];
  const [form, setForm] = useState<PanelInput>(
    panel ?? { level: 'provinsi', area: mine[0] ?? '', name: '', decreeNumber: null, decreeDate: null, categoryCodes: [] },
  );
  const level = edition.levels.find((l) => l.code === form.level);
  const set = (patch: Partial<PanelInput>) => setForm((f) => ({ ...f, ...patch }));
  const fields = useFieldErrors(['level', 'area', 'name', 'decreeNumber', 'decreeDate', 'categoryCodes'], 'panel');
  const save = useMutation({
    mutationFn: () => (panel ? api('PUT', `/api/panels/${panel.id}`, form) : api('POST', `/api/editions/${edition.id}/panels`, form)),
    onError: fields.refused,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['panels', edition.id] });
      onDone();
    },
  });
  const levels = edition.levels.filter((l) => national || l.kind === 'provinsi');
  return (
    <Stack>
      <ErrorAlert error={save.error} {...fields.alert} />
      <Select
        label={t('panels.level')}
        data={levels.map((l) => ({ value: l.code, label: l.name }))}
        value={form.level}
        error={fields.errors.level}
        allowDeselect={false}
        onChange={(v) => {
          const kind = edition.levels.find((l) => l.code === v)?.kind;
          set({ level: v ?? 'provinsi', area: kind === 'provinsi' ? (form.area || (mine[0] ?? '')) : '', categoryCodes: [] });
        }}
      />
      {level?.kind === 'provinsi' ? (
        <Select
          label={t('panels.province')}
          searchable
          data={(provinces.data ?? []).filter((p) => national || mine.includes(p.code)).map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
          value={form.area || null}
          onChange={(v) => set({ area: v ?? '' })}
          error={fields.errors.area}
          required
        />
      ) : null}
      <TextInput label={t('panels.name')} placeholder={t('panels.namePlaceholder')} value={form.name} error={fields.errors.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
      <Group grow align="flex-start">
        <TextInput label={t('panels.decreeNumber')} placeholder="100.3.3.2/456/2025" value={form.decreeNumber ?? ''} error={fields.errors.decreeNumber} onChange={(e) => set({ decreeNumber: e.currentTarget.value || null })} />
        <DateField label={t('panels.decreeDate')} value={form.decreeDate ?? ''} error={fields.errors.decreeDate} onChange={(v) => set({ decreeDate: v || null })} />
      </Group>
      <MultiSelect
        label={t('panels.categories')}
        description={t('panels.categoriesHint')}
        data={edition.categories.filter((c) => c.levels.includes(form.level)).map((c) => ({ value: c.code, label: c.nameId }))}
        value={form.categoryCodes}
        error={fields.errors.categoryCodes}
        onChange={(v) => set({ categoryCodes: v })}
      />
      <Group justify="flex-end">
        <Button
          onClick={() => {
            // Required fields first, in the user's language, before anything is sent.
            if (fields.check({ name: form.name, ...(level?.kind === 'provinsi' ? { area: form.area } : {}) })) save.mutate();
          }}
          loading={save.isPending}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
