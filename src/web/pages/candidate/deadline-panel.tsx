import { DateField } from '../../components/date-field.tsx';
import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SelfAssessment } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

/** Today in Western Indonesia Time, the committee's clock. */
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Where the candidate's deadline comes from, and the committee's extension with its reason. */
export function DeadlineNotice({ assessment }: { assessment: SelfAssessment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (assessment.extension) {
    return (
      <Alert color="blue" data-testid="deadline-extension">
        {t('extension.notice', { date: formatDate(assessment.extension.until, lang), reason: assessment.extension.reason })}
      </Alert>
    );
  }
  if (!assessment.deadline || assessment.deadlineSource === 'national') return null;
  return (
    <Text size="sm" c="dimmed">
      {t('extension.deadlineFrom', { date: formatDate(assessment.deadline, lang), source: t(`extension.source.${assessment.deadlineSource}`) })}
    </Text>
  );
}

/**
 * The committee of the candidacy's level extends this candidate's deadline
 * with a reason; for a draft never submitted whose deadline passed, this is
 * the way to reopen it.
 */
export function ExtensionPanel({ candidateId, assessment }: { candidateId: string; assessment: SelfAssessment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const fields = useFieldErrors(['until', 'reason'], 'extension');
  const extend = useMutation({
    mutationFn: () => api('POST', `/api/candidates/${candidateId}/self-assessment/extend`, { until, reason }),
    onSuccess: async () => {
      setReason('');
      setUntil('');
      await client.invalidateQueries({ queryKey: ['self-assessment', candidateId] });
      await client.invalidateQueries({ queryKey: ['verification', candidateId] });
      await client.invalidateQueries({ queryKey: ['history', candidateId] });
    },
    onError: fields.refused,
  });
  if (assessment.status === 'submitted') return null;
  const lateDraft = assessment.status === 'draft' && assessment.deadline != null && todayWib() > assessment.deadline;
  return (
    <Paper withBorder p="md" data-testid="extension-panel">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {lateDraft ? t('extension.reopenTitle') : t('extension.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {lateDraft ? t('extension.reopenHint') : t('extension.hint')}
          {assessment.status === 'reopened' ? ` ${t('extension.revisionHint')}` : ''}
        </Text>
        <ErrorAlert error={extend.error} {...fields.alert} />
        <DateField label={t('extension.until')} required min={todayWib()} value={until} error={fields.errors.until} onChange={(v) => setUntil(v)} w="fit-content" />
        <Textarea label={t('extension.reason')} required autosize minRows={2} value={reason} error={fields.errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button
          variant="light"
          color={lateDraft ? 'orange' : 'blue'}
          w="fit-content"
          onClick={() => {
            // Required fields first, in the user's language, before anything is sent.
            if (fields.check({ until, reason })) extend.mutate();
          }}
          loading={extend.isPending}
        >
          {lateDraft ? t('extension.reopenSubmit') : t('extension.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
