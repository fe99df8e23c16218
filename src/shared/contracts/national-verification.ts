import { z } from 'zod';
import { text } from './common.ts';
import { itemStatus } from './verification.ts';

/** The verification of a candidacy at an earlier level (the province's, a zone's), kept as history. */
export const earlierVerification = z.object({
  candidateId: text(),
  level: text(),
  levelName: text(),
  provinceCode: text(),
  candidateStatus: text(),
  items: z.array(
    z.object({
      key: text(),
      status: itemStatus,
      comment: text().nullable(),
      decidedAt: text().nullable(),
      decidedBy: text().nullable(),
    }),
  ),
});
export type EarlierVerification = z.infer<typeof earlierVerification>;

/** Items whose decision at the level before the national verifier takes over as its own. */
export const adoptInput = z.object({ keys: z.array(text().min(1).max(80)).min(1).max(200) });
export type AdoptInput = z.infer<typeof adoptInput>;
