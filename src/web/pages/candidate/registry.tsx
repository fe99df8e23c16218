import type { ReactNode } from 'react';
import { Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/contracts/index.ts';

/** A list of entries of one kind (regulations, agreements, programs) with their evidence. */
export function Registry<E extends { id: string; evidenceIds: string[] }>({
  title,
  entries,
  readOnly,
  evidence,
  make,
  onChange,
  render,
}: {
  title: string;
  entries: E[];
  readOnly: boolean;
  evidence: EvidenceSummary[];
  make: () => E;
  onChange: (entries: E[]) => void;
  render: (entry: E, update: (patch: Partial<E>) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const update = (i: number) => (patch: Partial<E>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        {!readOnly ? (
          <Button size="xs" variant="light" onClick={() => onChange([...entries, make()])}>
            {t('candidate.addEntry')}
          </Button>
        ) : null}
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.none')}
        </Text>
      ) : null}
      {entries.map((entry, i) => (
        <Paper key={entry.id} withBorder p="sm">
          <Stack gap="xs">
            {render(entry, update(i))}
            <MultiSelect
              label={t('candidate.attach')}
              data={evidence.map((e) => ({ value: e.id, label: e.originalName }))}
              value={entry.evidenceIds}
              onChange={(evidenceIds) => update(i)({ evidenceIds } as Partial<E>)}
              disabled={readOnly}
            />
            {!readOnly ? (
              <Button size="xs" variant="subtle" color="red" w="fit-content" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
                {t('candidate.remove')}
              </Button>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export const newId = (): string => Math.random().toString(36).slice(2, 10);
