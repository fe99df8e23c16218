import { z } from 'zod';

export const evidenceSummary = z.object({
  id: z.string(),
  candidateId: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  type: z.enum(['pdf', 'png', 'jpeg', 'xlsx']),
  originalName: z.string(),
  createdAt: z.string(),
});
export type EvidenceSummary = z.infer<typeof evidenceSummary>;
