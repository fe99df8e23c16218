import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConflictView, PoolDetail } from '../../../shared/contracts/index.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';

const key = (userId: string, candidateId: string) => `${userId}|${candidateId}`;

/** The pool's candidates, the panel's conflicts and who marks whom. */
export function OverviewTab({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const admin = pool.abilities.manage;
  const inPool = pool.candidatesList.filter((c) => c.inPool);
  const names = new Map(pool.candidatesList.map((c) => [c.id, c.name]));
  return (
    <Stack>
      {pool.shortfalls.length > 0 ? (
        <Alert color="orange" title={t('pool.shortfallTitle', { k: pool.minJurors })}>
          {pool.shortfalls.map((s) => `${names.get(s.candidateId) ?? s.candidateId} (${s.jurors})`).join(', ')}
        </Alert>
      ) : null}
      <Title order={3} size="h4">
        {t('pool.candidates')}
      </Title>
      {pool.candidatesList.length === 0 ? <Text c="dimmed">{t('pool.noCandidates')}</Text> : null}
      <Table.ScrollContainer minWidth={420}>
        <Table fz="sm">
          <Table.Tbody>
            {pool.candidatesList.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.name}
                  <Text size="xs" c="dimmed">
                    {c.regencyCode ?? c.npp}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.inPool ? 'teal' : 'gray'}>
                    {c.inPool ? t('pool.inPool') : t(`candidate.statuses.${c.status}`, { defaultValue: c.status })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {inPool.length < pool.candidatesList.length ? <Text size="xs" c="dimmed">{t('pool.onlyVerified')}</Text> : null}
      {pool.abilities.run ? <Conflicts pool={pool} /> : null}
      {admin ? <Assignment pool={pool} /> : null}
    </Stack>
  );
}

function Conflicts({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const [reviewing, setReviewing] = useState<ConflictView | null>(null);
  return (
    <>
      <Title order={3} size="h4">
        {t('pool.conflicts')}
      </Title>
      {pool.conflicts.length === 0 ? <Text c="dimmed" size="sm">{t('pool.noConflicts')}</Text> : null}
      {pool.conflicts.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pool.juror')}</Table.Th>
                <Table.Th>{t('marking.candidate')}</Table.Th>
                <Table.Th>{t('pool.reason')}</Table.Th>
                <Table.Th>{t('editions.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pool.conflicts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.jurorName}</Table.Td>
                  <Table.Td>{c.candidateName}</Table.Td>
                  <Table.Td>
                    {c.reason}
                    <Text size="xs" c="dimmed">
                      {t(`pool.conflictSources.${c.source}`)}
                      {c.reviewNote ? ` · ${c.reviewNote}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.status === 'dismissed' ? 'gray' : c.status === 'confirmed' ? 'red' : 'yellow'}>
                      {t(`pool.conflictStatuses.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {pool.abilities.manage && c.status === 'pending' ? (
                      <Button size="xs" variant="light" onClick={() => setReviewing(c)}>
                        {t('pool.review')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal opened={reviewing !== null} onClose={() => setReviewing(null)} title={t('pool.review')}>
        {reviewing ? <Review conflict={reviewing} poolId={pool.id} onDone={() => setReviewing(null)} /> : null}
      </Modal>
    </>
  );
}

function Review({ conflict, poolId, onDone }: { conflict: ConflictView; poolId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const fields = useFieldErrors(['note'], 'conflictReview');
  const review = useMutation({
    mutationFn: (status: 'confirmed' | 'dismissed') => api('POST', `/api/conflicts/${conflict.id}/review`, { status, note: note.trim() || null }),
    onError: fields.refused,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['pool', poolId] });
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        {conflict.jurorName} — {conflict.candidateName}: {conflict.reason}
      </Text>
      <ErrorAlert error={review.error} {...fields.alert} />
      <Textarea label={t('pool.reviewNote')} value={note} error={fields.errors.note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      <Group justify="flex-end">
        {conflict.source === 'profile' ? (
          <Button
            variant="default"
            onClick={() => {
              // Dismissing says why (at least 5 characters), before anything is sent.
              const short: FieldErrors = note.trim() !== '' && note.trim().length < 5 ? { note: t('fieldErrors.forms.conflictReview.note') } : {};
              if (fields.check({ note }, short)) review.mutate('dismissed');
            }}
            loading={review.isPending}
          >
            {t('pool.dismiss')}
          </Button>
        ) : null}
        <Button color="red" onClick={() => fields.check({}) && review.mutate('confirmed')} loading={review.isPending}>
          {t('pool.confirmConflict')}
        </Button>
      </Group>
    </Stack>
  );
}

function Assignment({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState(pool.assignmentMode);
  const [pairs, setPairs] = useState(() => new Set(pool.assignments.map((a) => key(a.userId, a.candidateId))));
  const conflicted = new Set(pool.conflicts.filter((c) => c.status !== 'dismissed').map((c) => key(c.userId, c.candidateId)));
  const save = useMutation({
    mutationFn: () =>
      api<PoolDetail>('PUT', `/api/pools/${pool.id}/assignments`, {
        mode,
        ...(mode === 'manual' ? { pairs: [...pairs].map((p) => ({ userId: p.split('|')[0], candidateId: p.split('|')[1] })) } : {}),
      }),
    onSuccess: async (next) => {
      setPairs(new Set(next.assignments.map((a) => key(a.userId, a.candidateId))));
      await client.invalidateQueries({ queryKey: ['pool', pool.id] });
    },
  });
  const candidates = pool.candidatesList.filter((c) => c.inPool);
  return (
    <>
      <Title order={3} size="h4">
        {t('pool.assignment')}
      </Title>
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v)}
        data={(['all', 'auto', 'manual'] as const).map((m) => ({ value: m, label: t(`pool.modes.${m}`) }))}
        disabled={pool.status === 'finalised'}
      />
      <Text size="sm" c="dimmed">
        {t(`pool.modeHints.${mode}`, { k: pool.minJurors })}
      </Text>
      <ErrorAlert error={save.error} />
      <Table.ScrollContainer minWidth={200 + 120 * pool.panel.members.length}>
        <Table fz="sm" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('marking.candidate')}</Table.Th>
              {pool.panel.members.map((m) => (
                <Table.Th key={m.userId}>{m.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                {pool.panel.members.map((m) => {
                  const k = key(m.userId, c.id);
                  return (
                    <Table.Td key={m.userId}>
                      {conflicted.has(k) ? (
                        <Badge color="red" variant="light" size="sm">
                          {t('marking.conflict')}
                        </Badge>
                      ) : (
                        <Checkbox
                          aria-label={`${m.name} · ${c.name}`}
                          checked={pairs.has(k)}
                          disabled={mode !== 'manual'}
                          onChange={(e) => {
                            const checked = e.currentTarget.checked;
                            setPairs((s) => {
                              const next = new Set(s);
                              if (checked) next.add(k);
                              else next.delete(k);
                              return next;
                            });
                          }}
                        />
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={pool.status === 'finalised'}>
          {t('pool.saveAssignment')}
        </Button>
      </Group>
    </>
  );
}
