import { z } from 'zod';

/** A long piece of work (an import) and how far it has come. */
export const jobSummary = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number(), total: z.number(), message: z.string().nullable() }),
  attempts: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobSummary = z.infer<typeof jobSummary>;

/** What an upload answers while its work waits in the job table (202). */
export const jobAccepted = z.object({ jobId: z.string() });
