import { z } from 'zod';
import { text } from './common.ts';
import { areaRef, categoryRef, levelRef } from './publication.ts';
import { itemStatus } from './verification.ts';

/** One score of the candidate beside the pool's median and each published winner's (in the order of `winners`). */
const compared = { own: z.number(), median: z.number(), winners: z.array(z.number()) };

export const feedbackIndicator = z.object({
  id: text(),
  labelId: text(),
  labelEn: text(),
  weight: z.number(),
  source: z.enum(['data', 'rubric']),
  ...compared,
  /** A data indicator's value as scored, when it is a number (a choice is shown by its score only). */
  value: z.number().nullable(),
  /** A rubric indicator: the aggregate of the panel's marks, the level of the rubric it reaches and that level's words. */
  aggregate: z.number().nullable(),
  level: z.number().nullable(),
  levelLabelId: text().nullable(),
  levelLabelEn: text().nullable(),
});
export const feedbackAspect = z.object({ id: text(), labelId: text(), labelEn: text(), weight: z.number(), ...compared, indicators: z.array(feedbackIndicator) });
export const feedbackStage = z.object({ id: text(), labelId: text(), labelEn: text(), weight: z.number(), ...compared, aspects: z.array(feedbackAspect) });

/** What the verifier said about one item of the self-assessment. */
export const feedbackComment = z.object({
  key: text(),
  section: text(),
  /** The entry of the self-assessment the item is about (for its title). */
  entry: z.unknown(),
  status: itemStatus,
  comment: text(),
});

/**
 * Feedback to one candidate once its pool's result is announced: computed
 * from the published scoring package (SHA-256 given), so that it can be
 * recomputed. The median is anonymous; only the published winners are named.
 */
export const candidateFeedback = z.object({
  candidateId: text(),
  name: text(),
  poolId: text(),
  resultId: text(),
  version: z.number(),
  packageSha256: text(),
  publishedAt: text(),
  edition: z.object({ id: text(), label: text() }),
  level: levelRef,
  area: areaRef.nullable(),
  category: categoryRef,
  instrument: z.object({ id: text(), labelId: text(), labelEn: text() }),
  rank: z.number(),
  candidates: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  total: z.object(compared),
  winners: z.array(z.object({ name: text(), award: z.number(), score: z.number() })),
  stages: z.array(feedbackStage),
  comments: z.array(feedbackComment),
});
export type CandidateFeedback = z.infer<typeof candidateFeedback>;
