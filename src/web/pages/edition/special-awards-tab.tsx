import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, MultiSelect, NumberInput, Radio, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, SpecialAward, SpecialAwardDetail, SpecialAwardInput } from '../../../shared/contracts/index.ts';
import { entryRules } from '../../../shared/contracts/index.ts';
import { api, ApiError, get } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldMessage, fieldPath, useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { useProvinces } from './use-edition.ts';
import { levelTitle } from '../../components/labels.ts';

const blank: SpecialAwardInput = { code: '', nameId: '', nameEn: '', descriptionId: '', descriptionEn: '', level: 'nasional', sourceCategoryCodes: [], entryRule: 'finalists', winners: 1 };

/** The fields a refused definition or entry marks, in the user's language. */
function useSpecialErrors() {
  const { t, i18n } = useTranslation();
  return (error: unknown): FieldErrors => {
    if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
    const out: FieldErrors = {};
    for (const d of error.details) {
      const path = fieldPath(d.path).split('.')[0]!;
      const key = `specialAwards.errors.${path}`;
      out[path] ??= i18n.exists(key) ? t(key) : fieldMessage(d.path, t);
    }
    return out;
  };
}

/** An edition's special awards (national committee): their definition, entrants and pools. */
export function SpecialAwardsTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const awards = useQuery({ queryKey: ['special-awards', edition.id], queryFn: () => get<SpecialAward[]>(`/api/editions/${edition.id}/special-awards`) });
  const [editing, setEditing] = useState<SpecialAward | 'new' | null>(null);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('specialAwards.intro')}
      </Text>
      <Group>
        <Button color="teal" onClick={() => setEditing('new')} data-testid="special-add">
          {t('specialAwards.add')}
        </Button>
        <AnchorLink to="/editions/$id/panels" params={{ id: edition.id }} size="sm">
          {t('specialAwards.panelsLink')}
        </AnchorLink>
      </Group>
      <ErrorAlert error={awards.error} />
      {awards.data?.length === 0 ? <Text c="dimmed">{t('specialAwards.none')}</Text> : null}
      {(awards.data ?? []).map((a) => (
        <AwardCard key={a.id} edition={edition} award={a} onEdit={() => setEditing(a)} />
      ))}
      {editing ? <AwardModal edition={edition} award={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function AwardModal({ edition, award, onClose }: { edition: EditionDetail; award: SpecialAward | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const fields = useFieldErrors(['code', 'nameId', 'nameEn', 'descriptionId', 'descriptionEn', 'level', 'winners', 'sourceCategoryCodes', 'entryRule'], 'specialAwards.errors');
  const [form, setForm] = useState<SpecialAwardInput>(award ? { ...award } : { ...blank, level: edition.levels.find((l) => l.kind === 'nasional')?.code ?? blank.level });
  const set = (patch: Partial<SpecialAwardInput>) => setForm({ ...form, ...patch });
  const save = useMutation({
    mutationFn: () => api<SpecialAward>(award ? 'PUT' : 'POST', `/api/editions/${edition.id}/special-awards${award ? `/${award.id}` : ''}`, form),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['special-awards', edition.id] });
      await client.invalidateQueries({ queryKey: ['edition', edition.id] });
      onClose();
    },
    onError: fields.refused,
  });
  const { errors } = fields;
  const sources = edition.categories.filter((c) => c.family !== 'khusus' && c.levels.includes(form.level));
  const name = (c: { nameId: string; nameEn: string }) => (i18n.language === 'en' ? c.nameEn : c.nameId);
  return (
    <Modal opened onClose={onClose} title={award ? name(award) : t('specialAwards.add')} size="lg">
      <Stack>
        <ErrorAlert error={save.error} {...fields.alert} />
        <TextInput label={t('specialAwards.fields.code')} required description={t('specialAwards.fields.codeHint')} value={form.code} onChange={(e) => set({ code: e.currentTarget.value })} error={errors.code} data-testid="special-code" />
        <Group grow align="flex-start">
          <TextInput label={t('specialAwards.fields.nameId')} required value={form.nameId} onChange={(e) => set({ nameId: e.currentTarget.value })} error={errors.nameId} data-testid="special-name-id" />
          <TextInput label={t('specialAwards.fields.nameEn')} required value={form.nameEn} onChange={(e) => set({ nameEn: e.currentTarget.value })} error={errors.nameEn} data-testid="special-name-en" />
        </Group>
        <Textarea label={t('specialAwards.fields.descriptionId')} value={form.descriptionId} error={errors.descriptionId} onChange={(e) => set({ descriptionId: e.currentTarget.value })} autosize minRows={2} />
        <Textarea label={t('specialAwards.fields.descriptionEn')} value={form.descriptionEn} error={errors.descriptionEn} onChange={(e) => set({ descriptionEn: e.currentTarget.value })} autosize minRows={2} />
        <Group grow align="flex-start">
          <Select
            label={t('specialAwards.fields.level')}
            data={edition.levels.map((l) => ({ value: l.code, label: l.name }))}
            value={form.level}
            onChange={(v) => set({ level: v ?? form.level, sourceCategoryCodes: [] })}
            allowDeselect={false}
            error={errors.level}
            data-testid="special-level"
          />
          <NumberInput label={t('specialAwards.fields.winners')} min={1} max={10} value={form.winners} onChange={(v) => set({ winners: Number(v) || 1 })} error={errors.winners} />
        </Group>
        <MultiSelect
          label={t('specialAwards.fields.sourceCategoryCodes')}
          required
          data={sources.map((c) => ({ value: c.code, label: name(c) }))}
          value={form.sourceCategoryCodes}
          onChange={(v) => set({ sourceCategoryCodes: v })}
          error={errors.sourceCategoryCodes}
          data-testid="special-sources"
        />
        <Radio.Group label={t('specialAwards.fields.entryRule')} value={form.entryRule} onChange={(v) => set({ entryRule: v })} error={errors.entryRule}>
          <Stack gap={6} mt={4}>
            {entryRules.map((r) => (
              <Radio key={r} value={r} label={t(`specialAwards.rules.${r}`)} data-testid={`special-rule-${r}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('specialAwards.cancel')}
          </Button>
          <Button
            color="teal"
            onClick={() => {
              // Required fields first, in the user's language, before anything is sent; no source category is said by its rule.
              const sources: FieldErrors = form.sourceCategoryCodes.length === 0 ? { sourceCategoryCodes: t('specialAwards.errors.sourceCategoryCodes') } : {};
              if (fields.check({ code: form.code, nameId: form.nameId, nameEn: form.nameEn }, sources)) save.mutate();
            }}
            loading={save.isPending}
            data-testid="special-save"
          >
            {t('specialAwards.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AwardCard({ edition, award, onEdit }: { edition: EditionDetail; award: SpecialAward; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const provinces = useProvinces();
  const errorsOf = useSpecialErrors();
  const [pick, setPick] = useState<string | null>(null);
  const detail = useQuery({ queryKey: ['special-award', award.id], queryFn: () => get<SpecialAwardDetail>(`/api/editions/${edition.id}/special-awards/${award.id}`) });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['special-awards', edition.id] });
    await client.invalidateQueries({ queryKey: ['special-award', award.id] });
    await client.invalidateQueries({ queryKey: ['edition', edition.id] });
  };
  const base = `/api/editions/${edition.id}/special-awards/${award.id}`;
  const write = useMutation({ mutationFn: ({ method, path }: { method: 'POST' | 'PUT' | 'DELETE'; path: string }) => api<unknown>(method, `${base}${path}`), onSuccess: refresh });
  const en = i18n.language === 'en';
  const name = (c: { nameId: string; nameEn: string }) => (en ? c.nameEn : c.nameId);
  const found = edition.levels.find((l) => l.code === award.level);
  const levelName = found ? levelTitle(found.name, t) : award.level;
  const sources = award.sourceCategoryCodes.map((code) => {
    const c = edition.categories.find((x) => x.code === code);
    return c ? name(c) : code;
  });
  const provinceName = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? t('provinceCode', { code });
  const choices = (detail.data?.eligible ?? []).filter((e) => !e.entered);
  const entryError = errorsOf(write.error).candidateId;
  return (
    <Card withBorder data-testid={`special-${award.code}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={4}>{name(award)}</Title>
              <Badge color="grape" variant="light">
                {t('specialAwards.badge')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('specialAwards.summary', { level: levelName, sources: sources.join(', '), winners: award.winners })}
            </Text>
            <Text size="sm">{t(`specialAwards.rules.${award.entryRule}`)}</Text>
            {(en ? award.descriptionEn : award.descriptionId) ? (
              <Text size="sm" mt={4}>
                {en ? award.descriptionEn : award.descriptionId}
              </Text>
            ) : null}
          </div>
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={onEdit}>
              {t('specialAwards.edit')}
            </Button>
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              disabled={award.pools.length > 0}
              title={t('specialAwards.removeTitle')}
              consequence={t('specialAwards.removeText')}
              confirmLabel={t('specialAwards.removeOk')}
              onConfirm={() => write.mutate({ method: 'DELETE', path: '' })}
            >
              {t('specialAwards.remove')}
            </ConfirmButton>
          </Group>
        </Group>
        <Group gap="md">
          <AnchorLink to="/editions/$id/categories/$categoryId/instrument" params={{ id: edition.id, categoryId: award.categoryId }} size="sm">
            {t('specialAwards.instrument')}
          </AnchorLink>
          {award.pools.map((p) => (
            <AnchorLink key={p.id} to="/pools/$id" params={{ id: p.id }} size="sm" data-testid="special-pool-link">
              {t('specialAwards.pool')}
              {p.area ? ` ${provinceName(p.area)}` : ''} ({t(`specialAwards.poolStatus.${p.status}`)})
            </AnchorLink>
          ))}
        </Group>
        {award.pools.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('specialAwards.panelsHint')}
          </Text>
        ) : null}
        <ErrorAlert error={write.error} marked={entryError ? { candidateId: entryError } : {}} form="specialAwards.errors" />
        {award.entriesLocked ? <Alert color="yellow">{t('specialAwards.locked')}</Alert> : null}
        <Group justify="space-between">
          <Text fw={600}>{t('specialAwards.entries', { count: award.entries.length })}</Text>
          {award.entryRule !== 'manual' && !award.entriesLocked ? (
            <Button size="xs" color="teal" onClick={() => write.mutate({ method: 'POST', path: '/fill' })} loading={write.isPending} data-testid="special-fill">
              {t('specialAwards.fill')}
            </Button>
          ) : null}
        </Group>
        {award.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('specialAwards.noEntries')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="special-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('specialAwards.columns.name')}</Table.Th>
                  <Table.Th>{t('specialAwards.columns.category')}</Table.Th>
                  <Table.Th>{t('specialAwards.columns.province')}</Table.Th>
                  <Table.Th>{t('specialAwards.columns.source')}</Table.Th>
                  {!award.entriesLocked ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {award.entries.map((e) => (
                  <Table.Tr key={e.candidateId}>
                    <Table.Td>
                      <AnchorLink to="/candidates/$id" params={{ id: e.candidateId }} size="sm">
                        {e.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{en ? e.categoryNameEn : e.categoryNameId}</Table.Td>
                    <Table.Td>{provinceName(e.provinceCode)}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" size="sm">
                        {t(`specialAwards.source.${e.source}`)}
                      </Badge>
                    </Table.Td>
                    {!award.entriesLocked ? (
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" onClick={() => write.mutate({ method: 'DELETE', path: `/entries/${e.candidateId}` })}>
                          {t('specialAwards.leave')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!award.entriesLocked ? (
          <Group align="flex-end">
            <Select
              label={t('specialAwards.addByHand')}
              placeholder={t('specialAwards.pick')}
              data={choices.map((c) => ({
                value: c.candidateId,
                label: `${c.name} · ${en ? c.categoryNameEn : c.categoryNameId} · ${provinceName(c.provinceCode)}${c.finalist ? ` · ${t('specialAwards.finalist')}` : ''}`,
              }))}
              value={pick}
              onChange={setPick}
              searchable
              error={entryError}
              w={{ base: '100%', sm: 420 }}
              data-testid="special-pick"
            />
            <Button
              variant="light"
              disabled={!pick}
              onClick={() => {
                write.mutate({ method: 'PUT', path: `/entries/${pick}` });
                setPick(null);
              }}
            >
              {t('specialAwards.enter')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
