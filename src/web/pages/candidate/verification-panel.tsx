import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const colors: Record<string, string> = { valid: 'teal', revision: 'yellow', rejected: 'red', pending: 'gray' };

/** Item-by-item verification; the candidate sees the same list as its to-do list. */
export function VerificationPanel({ candidateId, canDecide }: { candidateId: string; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['verification', candidateId], queryFn: () => get<VerificationView>(`/api/candidates/${candidateId}/verification`), retry: false });
  const refresh = () => client.invalidateQueries({ queryKey: ['verification', candidateId] });
  const confirm = useMutation({ mutationFn: () => api('POST', `/api/candidates/${candidateId}/verification/confirm`), onSuccess: refresh });
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  if (!v) return <Text>{t('common.loading')}</Text>;
  const todo = v.items.filter((i) => i.status === 'revision');
  return (
    <Stack>
      <Group>
        <Badge size="lg" color={v.state === 'verified' ? 'teal' : v.state === 'revision' ? 'yellow' : 'gray'}>
          {t(`verify.state.${v.state}`)}
        </Badge>
        <Text size="sm">{t('verify.decided', { decided: v.items.filter((i) => i.status !== 'pending').length, items: v.items.length })}</Text>
      </Group>
      {!canDecide ? (
        todo.length === 0 ? (
          <Text c="dimmed">{t('verify.noTodo')}</Text>
        ) : (
          <Alert color="yellow" title={t('verify.todo')}>
            {todo.map((i) => (
              <Text key={i.key} size="sm">
                <strong>{i.key}</strong>: {i.comment} {i.deadline ? `(${formatDate(i.deadline, lang)})` : ''}
              </Text>
            ))}
          </Alert>
        )
      ) : null}
      {v.items.map((item) => (
        <Paper key={item.key} withBorder p="sm" data-item={item.key}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600}>{item.key}</Text>
              <Code block>{JSON.stringify(item.entry, null, 1)}</Code>
              {item.comment ? <Text size="sm">{item.comment}</Text> : null}
            </div>
            <Badge color={colors[item.status]}>{t(`verify.${item.status}`)}</Badge>
          </Group>
          {canDecide && v.candidateStatus !== 'verified' && v.submissionStatus !== 'draft' ? <Decision candidateId={candidateId} itemKey={item.key} onDone={refresh} /> : null}
        </Paper>
      ))}
      {canDecide && v.candidateStatus !== 'verified' ? (
        <>
          <ErrorAlert error={confirm.error} />
          <Button color="teal" w="fit-content" disabled={v.state !== 'verified' || v.submissionStatus !== 'submitted'} loading={confirm.isPending} onClick={() => confirm.mutate()}>
            {t('verify.confirm')}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}

function Decision({ candidateId, itemKey, onDone }: { candidateId: string; itemKey: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('valid');
  const [comment, setComment] = useState('');
  const [deadline, setDeadline] = useState('');
  const decide = useMutation({
    mutationFn: () =>
      api('POST', `/api/candidates/${candidateId}/verification/items`, {
        key: itemKey,
        status,
        comment: comment.trim() || null,
        deadline: status === 'revision' ? deadline || null : null,
      }),
    onSuccess: onDone,
  });
  return (
    <Stack gap="xs" mt="xs">
      <ErrorAlert error={decide.error} />
      <Group align="flex-end">
        <SegmentedControl
          aria-label={`${t('verify.item')} ${itemKey}`}
          value={status}
          onChange={setStatus}
          data={(['valid', 'revision', 'rejected'] as const).map((s) => ({ value: s, label: t(`verify.${s}`) }))}
        />
        {status !== 'valid' ? <TextInput label={t('verify.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} /> : null}
        {status === 'revision' ? <TextInput type="date" label={t('verify.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} /> : null}
        <Button size="sm" onClick={() => decide.mutate()} loading={decide.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
