import { z } from 'zod';

export const editionProgress = z.object({
  provinces: z.array(
    z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      total: z.number(),
      byStatus: z.record(z.string(), z.number()),
      bySubmission: z.record(z.string(), z.number()),
    }),
  ),
  candidates: z.array(
    z.object({
      candidateId: z.string(),
      name: z.string(),
      provinceCode: z.string(),
      categoryCode: z.string(),
      status: z.string(),
      submissionStatus: z.string(),
      missing: z.array(z.string()),
      /** Why the category's eligibility rules block it, when they do (Indonesian and English). */
      ineligible: z.array(z.object({ reasonId: z.string(), reasonEn: z.string() })),
    }),
  ),
});
