import { DateField } from '../components/date-field.tsx';
import { useState, type FormEvent } from 'react';
import { Button, Card, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, EditionSummary } from '../../shared/contracts/index.ts';
import { formatDateTime, formatPeriod, type Lang } from '../../shared/i18n/format.ts';
import { api, get } from '../api.ts';
import { useSession } from '../auth.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../field-errors.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { EditionPhase } from '../components/edition-phase.tsx';

export function EditionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const admin = me?.abilities.createEditions ?? false;
  const [creating, setCreating] = useState(false);
  // On a phone each edition is a card: its name, period and where it stands are seen without scrolling sideways.
  const phone = useMediaQuery('(max-width: 48em)');
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions') });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('editions.title')}</Title>
        {admin ? (
          <Button color="teal" onClick={() => setCreating(true)}>
            {t('editions.create')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={editions.error} />
      {editions.isPending ? <Text>{t('common.loading')}</Text> : null}
      {editions.data?.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text mb="md">{admin ? t('editions.empty') : t('editions.emptyReader')}</Text>
          {admin ? (
            <Button color="teal" onClick={() => setCreating(true)}>
              {t('editions.create')}
            </Button>
          ) : null}
        </Paper>
      ) : null}
      {editions.data && editions.data.length > 0 && phone ? (
        <Stack gap="xs">
          {editions.data.map((e) => (
            <Card key={e.id} withBorder padding="sm">
              <Link to="/editions/$id" params={{ id: e.id }}>
                <Text fw={600} span>
                  {e.label}
                </Text>
              </Link>
              <Text size="sm">{formatPeriod(e.periodStart, e.periodEnd, lang)}</Text>
              <Stack gap={4} align="flex-start" mt={4}>
                <StatusBadge status={e.status} />
                <EditionPhase phase={e.phase} />
              </Stack>
              <Text size="xs" c="dimmed" mt={4}>
                {t('editions.categories')}: {e.categoryCount} · {t('editions.updated')}: {formatDateTime(e.updatedAt, lang)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : null}
      {editions.data && editions.data.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('editions.label')}</Table.Th>
                <Table.Th>{t('editions.period')}</Table.Th>
                <Table.Th>{t('editions.status')}</Table.Th>
                <Table.Th>{t('editions.categories')}</Table.Th>
                <Table.Th>{t('editions.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editions.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Link to="/editions/$id" params={{ id: e.id }}>
                      {e.label}
                    </Link>
                  </Table.Td>
                  <Table.Td>{formatPeriod(e.periodStart, e.periodEnd, lang)}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <StatusBadge status={e.status} />
                      <EditionPhase phase={e.phase} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>{e.categoryCount}</Table.Td>
                  <Table.Td>{formatDateTime(e.updatedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CreateEditionModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function CreateEditionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [label, setLabel] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [minJurors, setMinJurors] = useState<number | string>(5);
  const fields = useFieldErrors(['label', 'periodStart', 'periodEnd', 'minJurors'], 'edition');
  const create = useMutation({
    mutationFn: () => api<EditionDetail>('POST', '/api/editions', { label, periodStart, periodEnd, minJurors: Number(minJurors) }),
    onError: fields.refused,
    onSuccess: async (edition) => {
      await client.invalidateQueries({ queryKey: ['editions'] });
      onClose();
      await navigate({ to: '/editions/$id', params: { id: edition.id } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Required fields first, in the user's language, before anything is sent.
    // An end before the start is said at once, in the server's own rule.
    const backwards: FieldErrors = periodStart && periodEnd && periodEnd < periodStart ? { periodEnd: t('fieldErrors.field.periodEnd') } : {};
    if (fields.check({ label, periodStart, periodEnd, minJurors }, backwards)) create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('editions.create')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} {...fields.alert} />
          <TextInput label={t('editions.label')} description={t('editions.labelHint')} required value={label} error={fields.errors.label} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
          <Group grow>
            <DateField label={t('editions.periodStart')} required value={periodStart} error={fields.errors.periodStart} onChange={(v) => setPeriodStart(v)} />
            <DateField label={t('editions.periodEnd')} required value={periodEnd} error={fields.errors.periodEnd} onChange={(v) => setPeriodEnd(v)} />
          </Group>
          <NumberInput label={t('editions.minJurors')} required min={1} max={50} value={minJurors} error={fields.errors.minJurors} onChange={setMinJurors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
