import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Code, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditAnchorState, AuditEntry, AuditEntryDetail, AuditPage, AuditVerification, EditionSummary } from '../../shared/contracts/index.ts';
import { auditLabelsId } from '../../shared/i18n/audit-labels.id.ts';
import { formatDateTime, type Lang } from '../../shared/i18n/format.ts';
import { get } from '../api.ts';
import { DateField } from '../components/date-field.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useProvinces } from './edition/use-edition.ts';

/** An action in words; one the labels do not know yet is named by its object's type, never by its code. */
export function actionLabel(action: string, entityType: string, t: TFunction): string {
  return t(`auditLabels.actions.${action.replaceAll('.', '_')}`, { defaultValue: '' }) || t('audit.otherAction', { type: typeLabel(entityType, t).toLowerCase() });
}

export function typeLabel(entityType: string, t: TFunction): string {
  return t(`auditLabels.types.${entityType}`, { defaultValue: '' }) || t('audit.otherType');
}

/** The object of an entry: its type and its name (or the start of its id when it no longer exists). */
function objectText(e: AuditEntry, t: TFunction): string {
  return `${typeLabel(e.entityType, t)}: ${e.objectLabel ?? (e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId)}`;
}

type Filters = { q: string; actor: string; action: string; entityType: string; editionId: string; provinceCode: string; from: string; to: string };
const noFilters: Filters = { q: '', actor: '', action: '', entityType: '', editionId: '', provinceCode: '', from: '', to: '' };
const pageSize = 50;

function queryOf(filters: Filters, before: number | null): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  for (const [k, v] of Object.entries(filters)) if (v.trim() !== '') params.set(k, v.trim());
  if (before != null) params.set('before', String(before));
  return params.toString();
}

/** The audit log: filtered and searched on the server, a page at a time, each entry opened in full. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [opened, setOpened] = useState<number | null>(null);
  const entries = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => get<AuditPage>(`/api/audit?${queryOf(filters, pageParam)}`),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const anchor = useQuery({ queryKey: ['audit', 'anchor'], queryFn: () => get<AuditAnchorState>('/api/audit/anchor') });
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions') });
  const provinces = useProvinces();
  const verify = useMutation({ mutationFn: () => get<AuditVerification>('/api/audit/verify') });
  const verified = verify.data;
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.values(filters).some((v) => v !== '');
  const set = (key: keyof Filters) => (value: string | null) => setDraft((d) => ({ ...d, [key]: value ?? '' }));
  const actions = Object.keys(auditLabelsId.auditLabels.actions)
    .map((key) => ({ value: key.replaceAll('_', '.'), label: t(`auditLabels.actions.${key}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  const types = Object.keys(auditLabelsId.auditLabels.types)
    .map((key) => ({ value: key, label: t(`auditLabels.types.${key}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button color="teal" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={entries.error ?? anchor.error ?? verify.error} />
      {verified ? (
        <Alert color={verified.ok ? 'teal' : 'red'} role="status">
          {verified.ok
            ? verified.anchors > 0
              ? t('audit.okAnchored', { entries: verified.entries, anchors: verified.anchors })
              : t('audit.ok', { entries: verified.entries })
            : verified.firstBadSeq === null
              ? t('audit.brokenAnchors', { reason: verified.reason })
              : t('audit.broken', { seq: verified.firstBadSeq, reason: verified.reason })}
        </Alert>
      ) : null}
      {anchor.data ? <AnchorCard state={anchor.data} /> : null}
      <Card withBorder component="form" onSubmit={apply} aria-label={t('audit.filters')}>
        <Stack gap="sm">
          <TextInput label={t('audit.search')} placeholder={t('audit.searchHint')} value={draft.q} onChange={(e) => set('q')(e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <TextInput label={t('audit.actorFilter')} value={draft.actor} onChange={(e) => set('actor')(e.currentTarget.value)} />
            <Select label={t('audit.actionFilter')} data={actions} value={draft.action || null} onChange={set('action')} searchable clearable />
            <Select label={t('audit.typeFilter')} data={types} value={draft.entityType || null} onChange={set('entityType')} searchable clearable />
            <Select
              label={t('audit.editionFilter')}
              data={(editions.data ?? []).map((e) => ({ value: e.id, label: e.label }))}
              value={draft.editionId || null}
              onChange={set('editionId')}
              clearable
            />
            <Select
              label={t('audit.provinceFilter')}
              data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
              value={draft.provinceCode || null}
              onChange={set('provinceCode')}
              searchable
              clearable
            />
            <Group grow gap="xs" align="flex-start">
              <DateField label={t('audit.from')} value={draft.from} onChange={(v) => set('from')(v)} />
              <DateField label={t('audit.to')} value={draft.to} onChange={(v) => set('to')(v)} />
            </Group>
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" color="teal">
              {t('audit.apply')}
            </Button>
            {filtered ? (
              <Button
                variant="default"
                onClick={() => {
                  setDraft(noFilters);
                  setFilters(noFilters);
                }}
              >
                {t('audit.reset')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Card>
      {entries.isSuccess && rows.length === 0 ? <Text>{filtered ? t('audit.noMatch') : t('audit.empty')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq} data-seq={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.actorLabel}</Table.Td>
                  <Table.Td>{actionLabel(e.action, e.entityType, t)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{objectText(e, t)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="default" onClick={() => setOpened(e.seq)} aria-label={`${t('audit.detail')} #${e.seq}`}>
                      {t('audit.detail')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {rows.length > 0 ? (
        <Group gap="sm">
          <Text size="sm">{t('audit.shown', { count: rows.length })}</Text>
          {entries.hasNextPage ? (
            <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
              {t('audit.more')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <EntryDetail seq={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value, null, 2));

/** One entry in full: who, what, the data before and after, and its place in the chain. */
function EntryDetail({ seq, onClose }: { seq: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const entry = useQuery({ queryKey: ['audit-entry', seq], queryFn: () => get<AuditEntryDetail>(`/api/audit/${seq}`), enabled: seq != null });
  const e = entry.data;
  return (
    <Modal opened={seq != null} onClose={onClose} title={seq != null ? t('audit.detailTitle', { seq }) : ''} size="xl">
      <ErrorAlert error={entry.error} />
      {e ? (
        <Stack gap="sm" data-entry={e.seq}>
          <Table variant="vertical" fz="sm" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={150}>{t('audit.at')}</Table.Th>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.actorLabel}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Td>{actionLabel(e.action, e.entityType, t)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{objectText(e, t)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('audit.objectId')}</Table.Th>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{e.entityId}</Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {(['before', 'after'] as const).map((side) => (
            <div key={side}>
              <Text fw={600} size="sm">
                {t(`audit.${side}`)}
              </Text>
              {json(e[side]) ? (
                <Code block style={{ maxHeight: 260, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {json(e[side])}
                </Code>
              ) : (
                <Text size="sm">{t('audit.none')}</Text>
              )}
            </div>
          ))}
          <Text size="sm">
            {t('audit.prevHash')}: <Code style={{ wordBreak: 'break-all' }}>{e.prevHash}</Code>
          </Text>
          <Text size="sm">
            {t('audit.hash')}: <Code style={{ wordBreak: 'break-all' }}>{e.hash}</Code>
          </Text>
          <Badge color={e.hashMatches ? 'teal' : 'red'} variant="light" h="auto" py={4} styles={{ label: { whiteSpace: 'normal' } }}>
            {e.hashMatches ? t('audit.hashOk') : t('audit.hashBad')}
          </Badge>
          <Text size="sm">
            {e.anchor ? t('audit.anchoredBy', { seq: e.anchor.seq, at: formatDateTime(e.anchor.at, lang), key: e.anchor.key.slice(0, 12) }) : t('audit.notAnchored')}
          </Text>
        </Stack>
      ) : null}
    </Modal>
  );
}

function AnchorCard({ state }: { state: AuditAnchorState }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('audit.anchorTitle')}
        </Title>
        <Text size="sm">{t('audit.anchorExplain')}</Text>
        {state.problem ? (
          <Alert color="red">{t('audit.anchorProblem', { problem: state.problem })}</Alert>
        ) : state.latest ? (
          <>
            <Text>{t('audit.anchorLatest', { seq: state.latest.seq, at: formatDateTime(state.latest.at, i18n.language as Lang) })}</Text>
            <Text size="sm">
              {t('audit.anchorHash')}: <Code style={{ wordBreak: 'break-all' }}>{state.latest.hash}</Code>
            </Text>
            <Text size="sm">
              {t('audit.anchorKey')}: <Code style={{ wordBreak: 'break-all' }}>{state.latest.key}</Code>
            </Text>
          </>
        ) : (
          <Text>{t('audit.anchorNone')}</Text>
        )}
        {state.head ? <Text size="sm">{t('audit.anchorHead', { seq: state.head.seq })}</Text> : null}
      </Stack>
    </Card>
  );
}
