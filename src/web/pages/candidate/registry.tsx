import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, Group, MultiSelect, Paper, Stack, TagsInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/contracts/index.ts';
import { within, type FieldErrors } from '../../field-errors.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';

/** The revisions a verifier asked for, by item key (`regulations:<id>`, `coverage`, …). */
export const RevisionContext = createContext<Map<string, { comment: string | null; deadline: string | null }>>(new Map());

/** The verifier's comment on an item, shown where the candidate fixes it. */
export function RevisionNote({ itemKey }: { itemKey: string }) {
  const { t, i18n } = useTranslation();
  const revision = useContext(RevisionContext).get(itemKey);
  if (!revision) return null;
  return (
    <Text size="sm" c="orange.9" bg="yellow.0" p={6} style={{ borderRadius: 4 }} data-revision={itemKey}>
      {t('verify.revision')}: {revision.comment}
      {revision.deadline ? ` · ${t('todo.before', { date: formatDate(revision.deadline, i18n.language as Lang) })}` : ''}
    </Text>
  );
}

/** True for a complete https:// link, the only kind of link to an official source accepted. */
export function isHttpsLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Links to official sources (a JDIH page of a Perda…): only https links are kept, others are refused with a message. */
export function LinksInput({ value, readOnly, onChange, error }: { value: string[]; readOnly: boolean; onChange: (links: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState(false);
  return (
    <TagsInput
      label={t('facts.links')}
      description={t('facts.linksHint')}
      value={value}
      disabled={readOnly}
      maxTags={10}
      error={invalid ? t('facts.linksInvalid') : error}
      onChange={(next) => {
        const kept = next.map((l) => l.trim()).filter(isHttpsLink);
        setInvalid(kept.length < next.length);
        onChange(kept);
      }}
    />
  );
}

/** Evidence files and links to attach to a section that is not a registry. */
export function Attach({ evidence, value, readOnly, onChange }: { evidence: EvidenceSummary[]; value: { evidenceIds: string[]; links: string[] }; readOnly: boolean; onChange: (patch: { evidenceIds: string[]; links: string[] }) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <MultiSelect label={t('candidate.attach')} data={evidence.map((e) => ({ value: e.id, label: e.originalName }))} value={value.evidenceIds} onChange={(evidenceIds) => onChange({ ...value, evidenceIds })} disabled={readOnly} />
      <LinksInput value={value.links} readOnly={readOnly} onChange={(links) => onChange({ ...value, links })} />
    </>
  );
}

/** A list of entries of one kind (regulations, agreements, programs) with their evidence. */
export function Registry<E extends { id: string; evidenceIds: string[]; links: string[] }>({
  section,
  title,
  entries,
  readOnly,
  evidence,
  make,
  onChange,
  render,
  errors = {},
}: {
  section: string;
  title: string;
  entries: E[];
  readOnly: boolean;
  evidence: EvidenceSummary[];
  make: () => E;
  onChange: (entries: E[]) => void;
  /** What to mark on the entries' inputs, by `<index>.<field>` (`0.title`). */
  errors?: FieldErrors;
  render: (entry: E, update: (patch: Partial<E>) => void, errors: FieldErrors) => ReactNode;
}) {
  const { t } = useTranslation();
  const revisions = useContext(RevisionContext);
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
        <Paper key={entry.id} withBorder p="sm" style={revisions.has(`${section}:${entry.id}`) ? { borderColor: 'var(--mantine-color-yellow-6)', borderWidth: 2 } : undefined}>
          <Stack gap="xs">
            <RevisionNote itemKey={`${section}:${entry.id}`} />
            {render(entry, update(i), within(errors, String(i)))}
            <MultiSelect
              label={t('candidate.attach')}
              data={evidence.map((e) => ({ value: e.id, label: e.originalName }))}
              value={entry.evidenceIds}
              error={errors[`${i}.evidenceIds`]}
              onChange={(evidenceIds) => update(i)({ evidenceIds } as Partial<E>)}
              disabled={readOnly}
            />
            <LinksInput value={entry.links} readOnly={readOnly} error={errors[`${i}.links`]} onChange={(links) => update(i)({ links } as Partial<E>)} />
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
