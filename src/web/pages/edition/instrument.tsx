import { useEffect, useState } from 'react';
import { Accordion, Alert, Badge, Button, Group, List, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CategoryScoringView } from '../../../shared/contracts/index.ts';
import { formatPercent, type Lang } from '../../../shared/i18n/format.ts';
import { effectiveWeights } from '../../../shared/instrument-weights.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { scoringField, weightField, weightFields, zeroWeightFields } from './weight-checks.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition } from './use-edition.ts';

type Instrument = CategoryScoringView['instrument'];
type Indicator = Instrument['stages'][number]['aspects'][number]['indicators'][number];

function scaleText(indicator: Indicator, t: (k: string, o?: Record<string, unknown>) => string): string {
  const s = indicator.scale;
  if (s.type === 'rubric') return t('instrument.scales.rubric', { min: s.min, max: s.max });
  if (s.type === 'linear') return t('instrument.scales.linear', { floor: s.floor, target: s.target });
  if (s.type === 'choice') return `${t('instrument.scales.choice')}: ${Object.entries(s.options).map(([k, v]) => `${k} ${v}`).join(', ')}`;
  if (s.type === 'bands') return `${t('instrument.scales.bands')}: ${s.bands.map((b) => `≥${b.min} → ${b.score}`).join(', ')}; ${s.else}`;
  return t(`instrument.scales.${s.type}`);
}

/** A category's instrument and method: weights the committee may edit until marking starts. */
export function InstrumentPage() {
  const { id, categoryId } = useParams({ from: '/app/editions/$id/categories/$categoryId/instrument' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const edition = useEdition(id);
  const scoring = useQuery({ queryKey: ['scoring', categoryId], queryFn: () => get<CategoryScoringView>(`/api/editions/${id}/categories/${categoryId}/scoring`) });
  const [draft, setDraft] = useState<CategoryScoringView | null>(null);
  useEffect(() => setDraft(scoring.data ?? null), [scoring.data]);
  const fields = useFieldErrors([...(draft ? weightFields(draft.instrument) : []), 'jurorAggregate', 'minScore', 'tieBreak'], 'scoring', scoringField);
  const save = useMutation({
    mutationFn: ({ isDefault: _d, ...body }: CategoryScoringView) => api<CategoryScoringView>('PUT', `/api/editions/${id}/categories/${categoryId}/scoring`, body),
    onError: fields.refused,
    onSuccess: (data) => client.setQueryData(['scoring', categoryId], data),
  });
  // On a phone the indicators' table fits the screen: the indicator's text wraps beside its weight, the
  // effective weight is written under the indicator; nothing is off-screen.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const canEdit = (edition.data?.abilities.configure ?? false) && edition.data?.status !== 'published' && edition.data?.status !== 'archived';
  if (scoring.error) return <ErrorAlert error={scoring.error} />;
  if (!draft || !edition.data) return <Text>{t('common.loading')}</Text>;
  const category = edition.data.categories.find((c) => c.id === categoryId);
  const ins = draft.instrument;
  const setWeight = (path: number[], weight: number) => {
    const next = structuredClone(ins);
    const [si, ai, ii] = path;
    if (ai === undefined) next.stages[si!]!.weight = weight;
    else if (ii === undefined) next.stages[si!]!.aspects[ai]!.weight = weight;
    else next.stages[si!]!.aspects[ai]!.indicators[ii]!.weight = weight;
    setDraft({ ...draft, instrument: next });
  };
  const weight = (value: number, path: number[]) =>
    canEdit ? (
      <NumberInput aria-label={t('instrument.weight')} value={value} min={0} max={1000} w={90} size="xs" error={fields.errors[weightField(path)]} onChange={(v) => setWeight(path, Number(v) || 0)} />
    ) : (
      <Text size="sm">{value}</Text>
    );
  const ids = ins.stages.flatMap((s) => [s.id, ...s.aspects.map((a) => a.id)]);
  // Recomputed from the draft, so the committee sees the effect of a weight before saving it.
  const effective = effectiveWeights(ins);
  return (
    <Stack>
      <AnchorLink to="/editions/$id" params={{ id }} size="sm">
        ← {edition.data.label}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{category ? (lang === 'id' ? category.nameId : category.nameEn) : ''}</Title>
          <Text size="sm" c="dimmed">
            {ins.label[lang]} ({ins.id})
          </Text>
        </div>
        <Badge variant="light" color={draft.isDefault ? 'gray' : 'blue'}>
          {draft.isDefault ? t('instrument.default') : t('instrument.edited')}
        </Badge>
      </Group>
      <Alert color="yellow">{ins.basis[lang]}</Alert>
      <Text size="sm" c="dimmed">
        {t('facts.effectiveHint')}
      </Text>
      <ErrorAlert error={save.error} {...fields.alert} />
      {save.isSuccess ? <Alert color="teal">{t('common.saved')}</Alert> : null}
      {ins.stages.map((stage, si) => (
        <Paper key={stage.id} withBorder p="md">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {stage.label[lang]} <Text span c="dimmed" size="sm">({stage.id})</Text>
            </Title>
            {weight(stage.weight, [si])}
          </Group>
          {stage.aspects.map((aspect, ai) => (
            <Stack key={aspect.id} gap={4} mt="md">
              <Group justify="space-between">
                <Text fw={600}>
                  {aspect.label[lang]} <Text span c="dimmed" size="sm">({aspect.id})</Text>
                </Text>
                {weight(aspect.weight, [si, ai])}
              </Group>
              <Table.ScrollContainer minWidth={phone ? 0 : 560}>
                <Table fz="sm">
                  <Table.Tbody>
                    {aspect.indicators.map((indicator, ii) => (
                      <Table.Tr key={indicator.id}>
                        <Table.Td>
                          {indicator.label[lang]}
                          <Text size="xs" c="dimmed">
                            {indicator.id} · {indicator.source === 'rubric' ? t('instrument.rubric') : t(`instrument.origins.${indicator.origin}`)} · {scaleText(indicator, t)}
                          </Text>
                          <Text size="xs" fw={600} hiddenFrom="sm">
                            {t('facts.effective')}: {formatPercent(effective[indicator.id] ?? 0, 2, lang)}
                          </Text>
                          {indicator.source === 'rubric' ? (
                            <Accordion variant="default" chevronPosition="left">
                              <Accordion.Item value="levels">
                                <Accordion.Control>{t('instrument.levels')}</Accordion.Control>
                                <Accordion.Panel>
                                  <List size="xs" type="ordered">
                                    {indicator.levels.map((l, i) => (
                                      <List.Item key={i}>{l[lang]}</List.Item>
                                    ))}
                                  </List>
                                </Accordion.Panel>
                              </Accordion.Item>
                            </Accordion>
                          ) : null}
                        </Table.Td>
                        <Table.Td w={110}>{weight(indicator.weight, [si, ai, ii])}</Table.Td>
                        <Table.Td w={110} ta="right" data-effective={indicator.id} visibleFrom="sm">
                          <Text size="xs" c="dimmed">
                            {t('facts.effective')}
                          </Text>
                          <Text size="sm" fw={600}>
                            {formatPercent(effective[indicator.id] ?? 0, 2, lang)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ))}
        </Paper>
      ))}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('instrument.method')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('instrument.aggregate')}
            w={200}
            disabled={!canEdit}
            allowDeselect={false}
            value={draft.jurorAggregate}
            error={fields.errors.jurorAggregate}
            onChange={(v) => setDraft({ ...draft, jurorAggregate: (v ?? 'mean') })}
            data={(['mean', 'median', 'trimmed-mean'] as const).map((a) => ({ value: a, label: t(`instrument.aggregates.${a}`) }))}
          />
          <NumberInput label={t('instrument.minScore')} w={140} min={0} max={100} disabled={!canEdit} value={draft.minScore} error={fields.errors.minScore} onChange={(v) => setDraft({ ...draft, minScore: Number(v) || 0 })} />
          <MultiSelect label={t('instrument.tieBreak')} w={320} disabled={!canEdit} data={ids} value={draft.tieBreak} error={fields.errors.tieBreak} onChange={(v) => setDraft({ ...draft, tieBreak: v })} />
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('instrument.methodHint', { awards: category?.awards ?? 3, advance: category?.advance ?? 1 })}
        </Text>
      </Paper>
      {canEdit ? (
        <Group>
          <Button
            onClick={() => {
              // A list of weights all 0 cannot share a score: its weights are marked, nothing is sent.
              const rule = t('fieldErrors.forms.scoring.weight');
              if (fields.check({}, Object.fromEntries(zeroWeightFields(ins).map((f) => [f, rule])))) save.mutate(draft);
            }}
            loading={save.isPending}
          >
            {t('common.save')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('instrument.saveHint')}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
