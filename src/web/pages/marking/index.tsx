import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionSummary, MyPool } from '../../../shared/contracts/index.ts';
import { formatDateShort, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useProvinceName } from '../edition/use-edition.ts';

/** A juror's work: the pools they sit on in each edition, and each candidate's sheets. */
export function MyAssessmentsPage() {
  const { t } = useTranslation();
  const provinceName = useProvinceName();
  // On a phone each candidate is a card: name, sheets and the button to open them are all in view.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions') });
  const active = (editions.data ?? []).filter((e) => e.status !== 'draft' && e.status !== 'archived');
  const pools = useQueries({
    queries: active.map((e) => ({ queryKey: ['my-pools', e.id], queryFn: () => get<MyPool[]>(`/api/editions/${e.id}/my-pools`) })),
  });
  const all = pools.flatMap((q, i) => (q.data ?? []).map((p) => ({ edition: active[i]!, ...p })));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('marking.title')}</Title>
        <ButtonLink to="/profil-juri" variant="light">
          {t('juror.profileTitle')}
        </ButtonLink>
      </Group>
      <Text c="dimmed" size="sm">
        {t('marking.intro')}
      </Text>
      <ErrorAlert error={editions.error ?? pools.find((q) => q.error)?.error} />
      {editions.data && pools.every((q) => !q.isPending) && all.length === 0 ? <Text c="dimmed">{t('marking.empty')}</Text> : null}
      {all.map(({ edition, pool, candidates }) => (
        <Paper key={pool.id} withBorder p="md">
          <Group justify="space-between" mb="xs" align="flex-start">
            <div>
              <Text fw={600}>
                {pool.categoryName} · {t(`levelKinds.${pool.level}`, { defaultValue: pool.level })}
                {pool.area ? ` ${provinceName(pool.area)}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {edition.label} · {pool.panelName}
              </Text>
            </div>
            <Group gap="xs">
              {pool.stages.map((s) => (
                <Badge key={s.id} variant="light" color={s.state === 'open' ? 'blue' : s.state === 'closed' ? 'gray' : 'yellow'}>
                  {t(`pool.stageNames.${s.id}`, { defaultValue: s.id })}: {t(`pool.stageStates.${s.state}`)}
                </Badge>
              ))}
              {pool.abilities.run ? (
                <ButtonLink to="/pools/$id" params={{ id: pool.id }} size="xs">
                  {t('pool.manage')}
                </ButtonLink>
              ) : null}
            </Group>
          </Group>
          {phone ? (
            <Stack gap="xs">
              {candidates.map((c) => (
                <CandidateRow key={c.id} poolId={pool.id} candidate={c} phone />
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('marking.candidate')}</Table.Th>
                    <Table.Th>{t('marking.sheets')}</Table.Th>
                    <Table.Th>{t('marking.interview')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.map((c) => (
                    <CandidateRow key={c.id} poolId={pool.id} candidate={c} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** One candidate of a pool: a table row, or on a phone a card with the same parts. */
function CandidateRow({ poolId, candidate, phone = false }: { poolId: string; candidate: MyPool['candidates'][number]; phone?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  const declare = useMutation({
    mutationFn: () => api('POST', `/api/pools/${poolId}/conflicts`, { candidateId: candidate.id, reason }),
    onSuccess: async () => {
      setDeclaring(false);
      await client.invalidateQueries({ queryKey: ['my-pools'] });
    },
  });
  const nameOf = (
    <>
      {candidate.access === 'assigned' ? (
        <AnchorLink to="/pools/$poolId/sheets/$candidateId" params={{ poolId, candidateId: candidate.id }}>
          {candidate.name}
        </AnchorLink>
      ) : (
        <Text size="sm">{candidate.name}</Text>
      )}
    </>
  );
  const sheets = (
    <>
      {candidate.access === 'conflict' ? (
        <Badge color="red" variant="light">
          {t('marking.conflict')}
        </Badge>
      ) : candidate.access === 'other' ? (
        <Text size="sm" c="dimmed">
          {t('marking.notAssigned')}
        </Text>
      ) : (
        <Group gap={4}>
          {candidate.sheets.length === 0 ? <Text size="sm" c="dimmed">{t('marking.notOpen')}</Text> : null}
          {candidate.sheets.map((s) => (
            <Badge key={s.stageId} color={s.submitted ? 'teal' : s.marked > 0 ? 'blue' : 'gray'} variant={s.submitted ? 'filled' : 'light'}>
              {s.stageId} {s.marked}/{s.total}
              {s.submitted ? ' ✓' : ''}
            </Badge>
          ))}
        </Group>
      )}
    </>
  );
  const slot = <Text size="sm">{candidate.slot ? `${formatDateShort(candidate.slot.heldOn, lang)} ${candidate.slot.startsAt}` : '–'}</Text>;
  const actions = (
    <>
      <Group gap="xs" wrap="nowrap">
        {candidate.access === 'assigned' ? (
          <ButtonLink to="/pools/$poolId/sheets/$candidateId" params={{ poolId, candidateId: candidate.id }} size="xs">
            {t('marking.open')}
          </ButtonLink>
        ) : null}
        {candidate.access !== 'conflict' ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => setDeclaring(true)}>
            {t('marking.declare')}
          </Button>
        ) : null}
      </Group>
      <Modal opened={declaring} onClose={() => setDeclaring(false)} title={t('marking.declareTitle', { name: candidate.name })}>
        <Stack>
          <Text size="sm">{t('marking.declareHint')}</Text>
          <ErrorAlert error={declare.error} />
          <Textarea label={t('marking.declareReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={3} autosize data-autofocus />
          <Button color="red" onClick={() => declare.mutate()} loading={declare.isPending} disabled={reason.trim().length < 5}>
            {t('marking.declare')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
  if (phone) {
    return (
      <Card withBorder padding="sm">
        <Stack gap={6}>
          {nameOf}
          {sheets}
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              {t('marking.interview')}:
            </Text>
            {slot}
          </Group>
          {actions}
        </Stack>
      </Card>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>{nameOf}</Table.Td>
      <Table.Td>{sheets}</Table.Td>
      <Table.Td>{slot}</Table.Td>
      <Table.Td>{actions}</Table.Td>
    </Table.Tr>
  );
}
