import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EarlierVerification, VerificationView } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { itemTitle } from './entry-view.tsx';
import { levelTitle } from '../../components/labels.ts';

const colors: Record<string, string> = { valid: 'teal', revision: 'yellow', rejected: 'red', pending: 'gray' };

/**
 * A candidacy past the provincial round: the verification decisions of the
 * level before, as history, and (for whoever verifies this level) taking
 * over the valid and rejected ones that are still undecided here.
 */
export function EarlierDecisions({ candidateId, view, canDecide }: { candidateId: string; view: VerificationView | undefined; canDecide: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const earlier = useQuery({ queryKey: ['verification-earlier', candidateId], queryFn: () => get<EarlierVerification[]>(`/api/candidates/${candidateId}/verification/earlier`) });
  const before = earlier.data?.[0];
  const here = new Map((view?.items ?? []).map((i) => [i.key, i]));
  const adoptable = (before?.items ?? []).filter((i) => (i.status === 'valid' || i.status === 'rejected') && here.get(i.key)?.status === 'pending').map((i) => i.key);
  const adopt = useMutation({
    mutationFn: () => api<VerificationView>('POST', `/api/candidates/${candidateId}/verification/adopt`, { keys: adoptable }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['verification', candidateId] });
    },
  });
  if (earlier.error) return <ErrorAlert error={earlier.error} />;
  if (!before) return null;
  const verified = view?.candidateStatus === 'verified';
  return (
    <Paper withBorder p="md" data-testid="earlier-decisions">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('earlier.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('earlier.hint', { level: levelTitle(before.levelName, t) })}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('earlier.item')}</Table.Th>
                <Table.Th>{t('earlier.decision')}</Table.Th>
                <Table.Th>{t('earlier.by')}</Table.Th>
                <Table.Th>{t('earlier.here')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {before.items.map((i) => {
                const mine = here.get(i.key);
                return (
                  <Table.Tr key={i.key}>
                    <Table.Td>
                      {mine ? itemTitle(mine.section, mine.entry, t) : i.key}
                      {i.comment ? (
                        <Text size="xs" c="dimmed">
                          {i.comment}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={colors[i.status]}>
                        {t(`verify.${i.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.decidedBy ?? '–'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={colors[mine?.status ?? 'pending']}>
                        {t(`verify.${mine?.status ?? 'pending'}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={adopt.error} />
        {adopt.isSuccess ? <Alert color="teal">{t('earlier.adopted')}</Alert> : null}
        {canDecide && !verified ? (
          adopt.isSuccess ? null : adoptable.length > 0 ? (
            <Button variant="light" onClick={() => adopt.mutate()} loading={adopt.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('earlier.adopt', { count: adoptable.length })}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('earlier.nothing')}
            </Text>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}
