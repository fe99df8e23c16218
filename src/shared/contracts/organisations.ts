import { z } from 'zod';
import { text } from './common.ts';
import { areaRef, categoryRef, levelRef } from './publication.ts';

/**
 * An organisation across editions: a regional government or an employer,
 * identified by its Kemendagri code or NPP (the key its published results
 * already carry), with one candidacy per edition, category and level.
 */
export const organisationUnits = ['provinsi', 'kabupaten-kota', 'desa', 'npp', 'candidacy'] as const;
export const organisationParams = z.object({ key: text().min(2).max(40) });

/** Where a candidacy stood in a published result: rank, award (1-3) or finalist, and whether it went on to the next level. */
export const publishedStanding = z.object({
  poolId: text(),
  rank: z.number(),
  score: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  publishedAt: text(),
});

export const organisationCandidacy = z.object({
  candidateId: text(),
  edition: z.object({ id: text(), label: text(), periodStart: text(), periodEnd: text(), status: text() }),
  category: categoryRef,
  level: levelRef,
  status: text(),
  /** Its standing in the published result of its pool; null until one is published. */
  published: publishedStanding.nullable(),
  /** The furthest level the organisation reached in this edition. */
  furthest: z.boolean(),
});

/** The staff's view: every candidacy the reader may see. */
export const organisation = z.object({
  key: text(),
  unit: z.enum(organisationUnits),
  kind: z.enum(['pemda', 'badan-usaha']),
  name: text(),
  provinceCode: text(),
  candidacies: z.array(organisationCandidacy),
});
export type Organisation = z.infer<typeof organisation>;

/** The public's view: only published results. */
export const publicOrganisation = z.object({
  key: text(),
  unit: z.enum(organisationUnits),
  name: text(),
  results: z.array(
    publishedStanding.extend({
      edition: z.object({ id: text(), label: text(), periodStart: text(), periodEnd: text() }),
      level: levelRef,
      area: areaRef.nullable(),
      category: categoryRef,
    }),
  ),
});
export type PublicOrganisation = z.infer<typeof publicOrganisation>;

/**
 * What a candidacy can bring forward from its organisation's previous
 * candidacy: each regulation and agreement with whether it is offered, has
 * expired (its last day passed) or is already carried.
 */
export const carryOffer = z.object({
  section: z.enum(['regulations', 'agreements']),
  entryId: text(),
  type: text(),
  number: text(),
  /** The regulation's title, or the agreement's parties. */
  title: text(),
  validUntil: text().nullable(),
  status: z.enum(['offered', 'expired', 'carried']),
  evidenceFiles: z.number(),
});
export type CarryOffer = z.infer<typeof carryOffer>;

export const carryForwardView = z.object({
  /** The previous candidacy (a submitted self-assessment of an earlier edition); null when there is none. */
  from: z.object({ candidateId: text(), editionId: text(), editionLabel: text() }).nullable(),
  offers: z.array(carryOffer),
  /** Whether the actor may carry entries forward now (the candidate itself, its self-assessment open). */
  canCarry: z.boolean(),
});
export type CarryForwardView = z.infer<typeof carryForwardView>;

/** Carries the offered entries (all of them, or those named as `section:entryId`); `version` as for a save. */
export const carryForwardInput = z.object({
  version: z.number().int().min(0),
  items: z.array(text().max(60)).max(200).optional(),
});
export type CarryForwardInput = z.infer<typeof carryForwardInput>;
