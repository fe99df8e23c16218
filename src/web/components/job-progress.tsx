import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JobSummary } from '../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../shared/i18n/format.ts';
import { get } from '../api.ts';
import { ErrorAlert } from './error-alert.tsx';

/** Follows a job (an import) until it is done or failed, once a second. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => get<JobSummary>(`/api/jobs/${jobId}`),
    enabled: jobId != null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 1000),
  });
}

/**
 * Why a job failed, in the reader's language: a failure the app names by its
 * reason; any other says it was unexpected and keeps the server's message as
 * the detail for the technical team.
 */
export function jobFailureText(job: Pick<JobSummary, 'error' | 'errorReason'>, t: TFunction): string {
  if (job.errorReason) return t(`jobs.errors.${job.errorReason}`);
  return t('jobs.errors.unexpected', { detail: job.error ?? '—' });
}

/** A job's progress: rows done of all, and whether another server took it over. */
export function JobProgress({ job, error }: { job: JobSummary | undefined; error: unknown }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (error) return <ErrorAlert error={error} />;
  if (!job || job.status === 'done') return null;
  if (job.status === 'failed') {
    return (
      <Alert color="red" role="alert">
        {t('jobs.failed', { error: jobFailureText(job, t) })}
      </Alert>
    );
  }
  const { done, total } = job.progress;
  return (
    <Stack gap={4} role="status" data-job={job.id}>
      <Text size="sm">
        {job.status === 'queued'
          ? t('jobs.queued')
          : total > 0
            ? t('jobs.running', { done: formatNumber(done, lang), total: formatNumber(total, lang) })
            : t('jobs.started')}
      </Text>
      <Progress value={total > 0 ? (done / total) * 100 : 100} animated striped={total === 0} aria-label={t('jobs.started')} />
      {job.attempts > 1 ? (
        <Text size="xs" c="dimmed">
          {t('jobs.resumed', { attempt: job.attempts })}
        </Text>
      ) : null}
    </Stack>
  );
}
