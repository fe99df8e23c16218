import { z } from 'zod';
import { text } from './common.ts';

/** One province in an edition's recap. */
export const recapProvince = z.object({
  code: text(),
  name: text(),
  candidates: z.number().int(),
  byStatus: z.record(text(), z.number().int()),
  /** Self-assessments submitted (and not reopened), verified ones included. */
  submitted: z.number().int(),
  /** Candidacies whose verification was confirmed. */
  verified: z.number().int(),
  /** The province's coverage in the edition's current coverage snapshot; null without one. */
  coveragePct: z.number().nullable(),
  activeParticipants: z.number().int().nullable(),
  pools: z.number().int(),
  poolsFinal: z.number().int(),
  poolsAnnounced: z.number().int(),
  winners: z.number().int(),
});

/** A Juara of a final result. */
export const recapWinner = z.object({
  level: text(),
  levelName: text(),
  levelKind: z.enum(['provinsi', 'zona', 'nasional']),
  area: z.string(),
  areaName: text().nullable(),
  categoryCode: text(),
  categoryNameId: text(),
  categoryNameEn: text(),
  award: z.number().int(),
  rank: z.number().int(),
  score: z.number(),
  candidateName: text(),
  candidateProvince: text().nullable(),
  /** False while the result is final but not yet announced. */
  announced: z.boolean(),
});

/** The recap of an edition for the ministry (national) or one province's committee. */
export const editionRecap = z.object({
  edition: z.object({ id: z.uuid(), label: text(), status: text(), periodStart: text(), periodEnd: text() }),
  generatedAt: text(),
  /** True when the recap covers every province and the zone and national rounds. */
  national: z.boolean(),
  snapshotVersion: z.number().int().nullable(),
  totals: z.object({
    provinces: z.number().int(),
    provincesWithCandidates: z.number().int(),
    candidates: z.number().int(),
    submitted: z.number().int(),
    verified: z.number().int(),
    winners: z.number().int(),
    winnersAnnounced: z.number().int(),
  }),
  provinces: z.array(recapProvince),
  winners: z.array(recapWinner),
});

export const recapFormats = ['xlsx', 'pdf'] as const;

export type RecapProvince = z.infer<typeof recapProvince>;
export type RecapWinner = z.infer<typeof recapWinner>;
export type EditionRecap = z.infer<typeof editionRecap>;
