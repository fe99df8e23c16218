import { z } from 'zod';
import { text } from './common.ts';

export const editionProgress = z.object({
  provinces: z.array(
    z.object({
      provinceCode: text(),
      provinceName: text(),
      total: z.number(),
      byStatus: z.record(text(), z.number()),
      bySubmission: z.record(text(), z.number()),
    }),
  ),
  candidates: z.array(
    z.object({
      candidateId: text(),
      name: text(),
      provinceCode: text(),
      categoryCode: text(),
      status: text(),
      submissionStatus: text(),
      missing: z.array(text()),
      /** Why the category's eligibility rules block it, when they do (Indonesian and English). */
      ineligible: z.array(z.object({ reasonId: text(), reasonEn: text() })),
    }),
  ),
});
export type EditionProgress = z.infer<typeof editionProgress>;
