import { z } from 'zod';
import { text } from './common.ts';

export const evidenceSummary = z.object({
  id: text(),
  candidateId: text(),
  sha256: text(),
  bytes: z.number(),
  type: z.enum(['pdf', 'png', 'jpeg', 'xlsx', 'pptx', 'docx']),
  originalName: text(),
  createdAt: text(),
});
export type EvidenceSummary = z.infer<typeof evidenceSummary>;
