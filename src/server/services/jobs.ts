import { forbidden, notFound } from '../../domain/errors.ts';
import * as jobsRepo from '../../db/repositories/jobs.ts';
import type { JobSummary } from '../../shared/contracts/index.ts';
import { jobPolicy } from '../policies/jobs.ts';
import type { ServiceContext } from './context.ts';

export const presentJob = (j: jobsRepo.JobStatusRow): JobSummary => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  progress: j.progress,
  attempts: j.attempts,
  result: j.result ?? null,
  error: j.error,
  errorReason: j.errorReason,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** One job with its progress, for its creator and the admins of its edition and province. */
export async function getJob({ db, actor }: ServiceContext, id: string): Promise<JobSummary> {
  const job = await jobsRepo.findJobStatus(db, id);
  if (!job) throw notFound('job');
  if (!jobPolicy.readJob(actor!, job)) throw forbidden('Only who started this job, or an admin of its province, may follow it');
  return presentJob(job);
}
