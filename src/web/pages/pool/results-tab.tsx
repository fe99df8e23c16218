import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PoolDetail, PoolResultView } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';

/** The ranking from the one scoring engine: a preview, then the frozen result with its package and minutes. */
export function ResultsTab({ pool }: { pool: PoolDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const ready = pool.stages.every((s) => s.state === 'closed');
  const result = useQuery({ queryKey: ['result', pool.id, pool.status], queryFn: () => get<PoolResultView>(`/api/pools/${pool.id}/result`), enabled: ready });
  const history = useQuery({ queryKey: ['results', pool.id, pool.status], queryFn: () => get<PoolResultView[]>(`/api/pools/${pool.id}/results`) });
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['pool', pool.id] });
    await client.invalidateQueries({ queryKey: ['result', pool.id] });
    await client.invalidateQueries({ queryKey: ['results', pool.id] });
  };
  const finalise = useMutation({
    mutationFn: () => api<PoolResultView>('POST', `/api/pools/${pool.id}/finalise`),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  if (!ready) return <Text c="dimmed">{t('pool.resultNotReady')}</Text>;
  if (result.error) return <ErrorAlert error={result.error} />;
  const r = result.data;
  if (!r) return <Text>{t('common.loading')}</Text>;
  const stageIds = pool.stages.map((s) => s.id);
  return (
    <Stack>
      {r.status === 'preview' ? <Alert color="blue">{t('pool.previewHint')}</Alert> : null}
      {r.status === 'final' ? (
        <Alert color="teal" title={t('pool.finalTitle', { version: r.version })}>
          {t('pool.finalHint', { at: formatDateTime(r.finalisedAt!, lang) })}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" striped aria-label={t('pool.ranking')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pool.rank')}</Table.Th>
              <Table.Th>{t('marking.candidate')}</Table.Th>
              {stageIds.map((s) => (
                <Table.Th key={s} ta="right">
                  {t(`pool.stageNames.${s}`, { defaultValue: s })}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('pool.score')}</Table.Th>
              <Table.Th>{t('pool.award')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((row) => (
              <Table.Tr key={row.candidate}>
                <Table.Td>{row.rank}</Table.Td>
                <Table.Td>
                  {row.name}
                  {row.flags.length > 0 ? (
                    <Text size="xs" c="orange">
                      {row.flags.join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
                {stageIds.map((s) => (
                  <Table.Td key={s} ta="right">
                    {formatNumber(row.stages[s] ?? 0, lang, 2)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {formatNumber(row.score, lang, 2)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {row.award ? <Badge color={row.award === 1 ? 'yellow' : row.award === 2 ? 'gray' : 'orange'}>{t('pool.juara', { n: row.award })}</Badge> : null}
                    {row.advances ? <Badge variant="outline">{t('pool.advances')}</Badge> : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* A fingerprint of 64 characters: broken anywhere so that it fits a phone. */}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        SHA-256 <Code>{r.packageSha256}</Code>
      </Text>
      <Group>
        {r.status === 'preview' && pool.abilities.finalise ? <Button onClick={() => setConfirming(true)}>{t('pool.finalise')}</Button> : null}
        {r.status === 'preview' && !pool.abilities.finalise ? <Text size="sm" c="dimmed">{t('pool.chairFinalises')}</Text> : null}
        {r.status === 'final' && r.id ? (
          <>
            <Anchor href={`/api/results/${r.id}/package`}>{t('pool.downloadPackage')}</Anchor>
            <Anchor href={`/api/results/${r.id}/minutes`} target="_blank" rel="noopener">
              {t('pool.minutes')}
            </Anchor>
            {pool.abilities.reopen ? (
              <Button variant="default" color="red" onClick={() => setReopening(true)}>
                {t('pool.reopen')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Group>
      {r.status === 'final' ? <Text size="sm" c="dimmed">{t('pool.recomputeHint')}</Text> : null}
      {(history.data ?? []).filter((h) => h.status === 'superseded').length > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('pool.history')}
          </Title>
          {(history.data ?? [])
            .filter((h) => h.status === 'superseded')
            .map((h) => (
              <Text key={h.id} size="sm">
                v{h.version} · {formatDateTime(h.finalisedAt!, lang)} · {t('pool.reopenedBecause', { reason: h.reopenReason })}
              </Text>
            ))}
        </>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('pool.finalise')}>
        <Stack>
          <Text size="sm">{t('pool.finaliseConfirm')}</Text>
          <ErrorAlert error={finalise.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => finalise.mutate()} loading={finalise.isPending}>
              {t('pool.finalise')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopening} onClose={() => setReopening(false)} title={t('pool.reopen')}>
        <Reopen pool={pool} onDone={async () => { setReopening(false); await refresh(); }} />
      </Modal>
    </Stack>
  );
}

function Reopen({ pool, onDone }: { pool: PoolDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const fields = useFieldErrors(['reason', 'stage'], 'reopen');
  const reopen = useMutation({ mutationFn: () => api('POST', `/api/pools/${pool.id}/reopen`, { reason, stage }), onError: fields.refused, onSuccess: onDone });
  return (
    <Stack>
      <Text size="sm">{t('pool.reopenHint')}</Text>
      <ErrorAlert error={reopen.error} {...fields.alert} />
      <Textarea label={t('pool.reopenReason')} value={reason} error={fields.errors.reason} required onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} maxRows={8} data-autofocus />
      <Select
        label={t('pool.reopenStage')}
        clearable
        placeholder={t('pool.reopenNoStage')}
        data={pool.stages.map((s) => ({ value: s.id, label: t(`pool.stageNames.${s.id}`, { defaultValue: s.id }) }))}
        value={stage}
        error={fields.errors.stage}
        onChange={setStage}
      />
      <Group justify="flex-end">
        <Button
          color="red"
          onClick={() => {
            // A reason of at least 10 characters, said in the user's language, before anything is sent.
            const short: FieldErrors = reason.trim() !== '' && reason.trim().length < 10 ? { reason: t('fieldErrors.forms.reopen.reason') } : {};
            if (fields.check({ reason }, short)) reopen.mutate();
          }}
          loading={reopen.isPending}
        >
          {t('pool.reopen')}
        </Button>
      </Group>
    </Stack>
  );
}
