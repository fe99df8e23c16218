import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { useEvidence } from './evidence-panel.tsx';
import { EntryView, itemTitle } from './entry-view.tsx';

const colors: Record<string, string> = { valid: 'teal', revision: 'yellow', rejected: 'red', pending: 'gray' };

export const useVerification = (candidateId: string, enabled: boolean) =>
  useQuery({ queryKey: ['verification', candidateId], queryFn: () => get<VerificationView>(`/api/candidates/${candidateId}/verification`), retry: false, enabled });

/** The revisions the verifier asked for, as the candidate's to-do list. */
export function TodoList({ view, onFix }: { view: VerificationView; onFix?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const todo = view.items.filter((i) => i.status === 'revision');
  if (todo.length === 0) return null;
  return (
    <Alert color="yellow" title={t('todo.title')} data-testid="todo">
      <Stack gap="xs">
        <Text size="sm">{t('todo.hint')}</Text>
        <List spacing="xs" size="sm">
          {todo.map((i) => (
            <List.Item key={i.key}>
              <Text size="sm" fw={600}>
                {itemTitle(i.section, i.entry, t)}
              </Text>
              <Text size="sm">{i.comment}</Text>
              {i.deadline ? (
                <Text size="sm" c="red.8" fw={500}>
                  {t('todo.before', { date: formatDate(i.deadline, lang) })}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        {onFix ? (
          <Button size="xs" variant="white" color="yellow" w="fit-content" onClick={onFix}>
            {t('todo.fix')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Item-by-item verification, each entry shown as a person reads it; the candidate sees the same list. */
export function VerificationPanel({ candidateId, canDecide, showTodo }: { candidateId: string; canDecide: boolean; showTodo: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const view = useVerification(candidateId, true);
  const evidence = useEvidence(candidateId);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['verification', candidateId] });
    await client.invalidateQueries({ queryKey: ['candidate', candidateId] });
    await client.invalidateQueries({ queryKey: ['history', candidateId] });
  };
  const confirm = useMutation({ mutationFn: () => api('POST', `/api/candidates/${candidateId}/verification/confirm`), onSuccess: refresh });
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  if (!v) return <Text>{t('common.loading')}</Text>;
  const deciding = canDecide && v.candidateStatus !== 'verified' && v.submissionStatus !== 'draft';
  return (
    <Stack>
      <Group>
        <Badge size="lg" color={v.state === 'verified' ? 'teal' : v.state === 'revision' ? 'yellow' : 'gray'}>
          {v.candidateStatus === 'verified' ? t('candidate.statuses.verified') : t(`verify.state.${v.state}`)}
        </Badge>
        <Text size="sm">{t('verify.decided', { decided: v.items.filter((i) => i.status !== 'pending').length, items: v.items.length })}</Text>
      </Group>
      {!canDecide ? v.items.some((i) => i.status === 'revision') ? showTodo ? <TodoList view={v} /> : null : <Text c="dimmed">{t('verify.noTodo')}</Text> : null}
      {v.items.map((item) => (
        <Paper key={item.key} withBorder p="sm" data-item={item.key} data-status={item.status}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={600} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {itemTitle(item.section, item.entry, t)}
              </Text>
              <Badge color={colors[item.status]} style={{ flexShrink: 0 }}>
                {t(`verify.${item.status}`)}
              </Badge>
            </Group>
            <EntryView section={item.section} entry={item.entry} evidence={evidence.data ?? []} />
            {item.comment ? (
              <Text size="sm" c={item.status === 'rejected' ? 'red.8' : 'yellow.9'}>
                {t('verify.comment')}: {item.comment}
                {item.deadline ? ` · ${t('todo.before', { date: formatDate(item.deadline, lang) })}` : ''}
              </Text>
            ) : null}
            {item.decidedAt ? (
              <Text size="xs" c="dimmed">
                {formatDateTime(item.decidedAt, lang)}
              </Text>
            ) : null}
            {deciding ? <Decision candidateId={candidateId} item={item} onDone={refresh} /> : null}
          </Stack>
        </Paper>
      ))}
      {canDecide && v.candidateStatus !== 'verified' ? (
        <>
          <ErrorAlert error={confirm.error} />
          <Button
            color="teal"
            w="fit-content"
            disabled={v.state !== 'verified' || v.submissionStatus !== 'submitted'}
            aria-describedby={v.state !== 'verified' || v.submissionStatus !== 'submitted' ? 'confirm-why' : undefined}
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
          >
            {t('verify.confirm')}
          </Button>
          {v.submissionStatus !== 'submitted' ? (
            <Text size="sm" id="confirm-why">
              {t('confirmWhy.notSubmitted')}
            </Text>
          ) : v.state !== 'verified' ? (
            <Text size="sm" id="confirm-why">
              {t('confirmWhy.notAllValid', { count: v.items.filter((i) => i.status !== 'valid').length })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

type Item = VerificationView['items'][number];

/** The verifier's decision on one item, starting from the one last saved. */
function Decision({ candidateId, item, onDone }: { candidateId: string; item: Item; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const itemKey = item.key;
  // No decision until the verifier picks one: nothing is pre-selected on an item not yet decided.
  const [status, setStatus] = useState<string>(item.status === 'pending' ? '' : item.status);
  const [comment, setComment] = useState(item.comment ?? '');
  const [deadline, setDeadline] = useState(item.deadline ?? '');
  const fields = useFieldErrors(['status', 'comment', 'deadline'], 'verification');
  const decide = useMutation({
    mutationFn: () =>
      api('POST', `/api/candidates/${candidateId}/verification/items`, {
        key: itemKey,
        status,
        comment: status === 'valid' ? null : comment.trim() || null,
        deadline: status === 'revision' ? deadline || null : null,
      }),
    onSuccess: onDone,
    onError: fields.refused,
  });
  return (
    <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <ErrorAlert error={decide.error} {...fields.alert} />
      <Radio.Group label={t('verify.decision')} value={status} error={fields.errors.status} onChange={setStatus} aria-label={`${t('verify.item')}: ${itemTitle(item.section, item.entry, t)}`}>
        <Group gap="md" mt={4}>
          {(['valid', 'revision', 'rejected'] as const).map((s) => (
            <Radio key={s} value={s} label={t(`verify.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      {status === 'revision' || status === 'rejected' ? <Textarea label={t('verify.comment')} required autosize minRows={2} value={comment} error={fields.errors.comment} onChange={(e) => setComment(e.currentTarget.value)} /> : null}
      {status === 'revision' ? <DateField label={t('verify.deadline')} required value={deadline} error={fields.errors.deadline} onChange={(v) => setDeadline(v)} maw={220} /> : null}
      <Button
        size="sm"
        w="fit-content"
        onClick={() => {
          // A revision needs a comment and a deadline, a rejection a comment: checked before sending.
          if (fields.check({ status, ...(status === 'valid' ? {} : { comment }), ...(status === 'revision' ? { deadline } : {}) })) decide.mutate();
        }}
        loading={decide.isPending}
        disabled={status === ''}
      >
        {t('common.save')}
      </Button>
    </Stack>
  );
}
