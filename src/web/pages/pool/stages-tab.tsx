import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import type { PoolDetail } from '../../../shared/contracts/index.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** Opening and closing the stages, and who has marked what (never the marks themselves). */
export function StagesTab({ pool }: { pool: PoolDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [warning, setWarning] = useState<{ stage: string; details: { path: string; message: string }[] } | null>(null);
  const change = useMutation({
    mutationFn: ({ stage, action, acknowledge }: { stage: string; action: 'open' | 'close'; acknowledge?: boolean }) =>
      api<PoolDetail>('POST', `/api/pools/${pool.id}/stages/${stage}/${action}`, action === 'open' ? { acknowledgeShortfall: acknowledge ?? false } : undefined),
    onSuccess: async (next) => {
      setWarning(null);
      client.setQueryData(['pool', pool.id], next);
      await client.invalidateQueries({ queryKey: ['pool', pool.id] });
    },
    onError: (error, vars) => {
      if (error instanceof ApiError && error.code === 'JUROR_SHORTFALL') setWarning({ stage: vars.stage, details: error.details });
    },
  });
  const names = new Map(pool.candidatesList.map((c) => [c.id, c.name]));
  const firstPending = pool.stages.find((s) => s.state === 'pending');
  const canOpen = (id: string) => pool.status !== 'finalised' && firstPending?.id === id && pool.stages.every((s) => s.state !== 'open');
  return (
    <Stack>
      {change.error && !(change.error instanceof ApiError && change.error.code === 'JUROR_SHORTFALL') ? <ErrorAlert error={change.error} /> : null}
      {pool.stages.map((stage) => {
        const cells = pool.progress.filter((p) => p.stageId === stage.id);
        const submitted = cells.filter((c) => c.submitted).length;
        return (
          <Paper key={stage.id} withBorder p="md">
            <Group justify="space-between">
              <Group gap="xs">
                <Title order={3} size="h4">
                  {t(`pool.stageNames.${stage.id}`, { defaultValue: stage.id })}
                </Title>
                <Badge variant="light" color={stage.state === 'open' ? 'blue' : stage.state === 'closed' ? 'gray' : 'yellow'}>
                  {t(`pool.stageStates.${stage.state}`)}
                </Badge>
              </Group>
              {stage.state === 'pending' ? (
                <Button onClick={() => change.mutate({ stage: stage.id, action: 'open' })} disabled={!canOpen(stage.id)} loading={change.isPending}>
                  {t('pool.openStage')}
                </Button>
              ) : stage.state === 'open' ? (
                <ConfirmButton
                  color="dark"
                  onConfirm={() => change.mutate({ stage: stage.id, action: 'close' })}
                  loading={change.isPending}
                  title={t('confirm.closeStage.title', { stage: t(`pool.stageNames.${stage.id}`, { defaultValue: stage.id }) })}
                  consequence={t('confirm.closeStage.text')}
                  confirmLabel={t('confirm.closeStage.ok')}
                >
                  {t('pool.closeStage')}
                </ConfirmButton>
              ) : null}
            </Group>
            {stage.state !== 'pending' ? (
              <>
                <Text size="sm" c="dimmed" mt="xs">
                  {t('pool.sheetsSubmitted', { done: submitted, total: cells.length })}
                </Text>
                <Table.ScrollContainer minWidth={200 + 110 * pool.panel.members.length} mt="xs">
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
                      {[...new Set(cells.map((c) => c.candidateId))].map((candidateId) => (
                        <Table.Tr key={candidateId}>
                          <Table.Td>{names.get(candidateId)}</Table.Td>
                          {pool.panel.members.map((m) => {
                            const cell = cells.find((c) => c.candidateId === candidateId && c.userId === m.userId);
                            return (
                              <Table.Td key={m.userId} c={cell?.submitted ? 'teal.8' : undefined}>
                                {cell ? `${cell.marked}/${cell.total}${cell.submitted ? ' ✓' : ''}` : '—'}
                              </Table.Td>
                            );
                          })}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            ) : null}
          </Paper>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('pool.progressHint')}
      </Text>
      <Modal opened={warning !== null} onClose={() => setWarning(null)} title={t('pool.shortfallTitle', { k: pool.minJurors })}>
        <Stack>
          <Alert color="orange">{t('errors.JUROR_SHORTFALL')}</Alert>
          <List size="sm">
            {(warning?.details ?? []).map((d) => (
              <List.Item key={d.path}>
                {d.path}: {t('pool.jurorsOf', { n: d.message })}
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWarning(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => warning && change.mutate({ stage: warning.stage, action: 'open', acknowledge: true })} loading={change.isPending}>
              {t('pool.openAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
