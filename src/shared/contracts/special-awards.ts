import { z } from 'zod';
import { text } from './common.ts';

/** How a special award's entrants are chosen (docs/special-awards.md). */
export const entryRules = ['verified', 'finalists', 'manual'] as const;
export type EntryRule = (typeof entryRules)[number];

/** A special award as the national committee defines it. */
export const specialAwardInput = z.object({
  code: text()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes'),
  nameId: text().trim().min(2).max(120),
  nameEn: text().trim().min(2).max(120),
  descriptionId: text().trim().max(2000).default(''),
  descriptionEn: text().trim().max(2000).default(''),
  /** The level the award runs at; its entrants are candidacies of the source categories at this level. */
  level: text().trim().min(1).max(40),
  sourceCategoryCodes: z.array(text().trim().min(1).max(40)).min(1).max(20),
  entryRule: z.enum(entryRules),
  /** How many winners (Juara 1, 2, …) the panel's ranking gives. */
  winners: z.number().int().min(1).max(10),
});
export type SpecialAwardInput = z.infer<typeof specialAwardInput>;

export const specialAwardEntry = z.object({
  candidateId: text(),
  name: text(),
  provinceCode: text(),
  categoryCode: text(),
  categoryNameId: text(),
  categoryNameEn: text(),
  status: text(),
  source: z.enum(['rule', 'hand']),
});
export type SpecialAwardEntry = z.infer<typeof specialAwardEntry>;

export const specialAward = specialAwardInput.extend({
  id: text(),
  editionId: text(),
  /** The award's own category: its pools, panel and results are those of any category. */
  categoryId: text(),
  /** The award's pools (one per area of its level). */
  pools: z.array(z.object({ id: text(), area: text(), status: text() })),
  /** Once marking has started in one of its pools the entrants no longer change. */
  entriesLocked: z.boolean(),
  entries: z.array(specialAwardEntry),
});
export type SpecialAward = z.infer<typeof specialAward>;

/** A candidacy the committee may enter by hand: of a source category, at the award's level, verified. */
export const specialAwardDetail = specialAward.extend({
  eligible: z.array(specialAwardEntry.omit({ source: true }).extend({ finalist: z.boolean(), entered: z.boolean() })),
});
export type SpecialAwardDetail = z.infer<typeof specialAwardDetail>;
