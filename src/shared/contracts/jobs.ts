import { z } from 'zod';
import { text } from './common.ts';

/**
 * Why a job failed, for the failures the app names itself, so that a page says
 * it in its reader's language; null for any other error (its message is kept
 * in `error` for the technical team).
 */
export const jobFailureReason = z.enum(['added-meanwhile', 'interrupted-upload', 'edition-locked', 'gave-up']);
export type JobFailureReason = z.infer<typeof jobFailureReason>;

/** A long piece of work (an import) and how far it has come. */
export const jobSummary = z.object({
  id: text(),
  kind: text(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number(), total: z.number(), message: text().nullable() }),
  attempts: z.number(),
  result: z.record(text(), z.unknown()).nullable(),
  error: text().nullable(),
  errorReason: jobFailureReason.nullable(),
  createdAt: text(),
  startedAt: text().nullable(),
  finishedAt: text().nullable(),
});
export type JobSummary = z.infer<typeof jobSummary>;

/** What an upload answers while its work waits in the job table (202). */
export const jobAccepted = z.object({ jobId: text() });
