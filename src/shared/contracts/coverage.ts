import { z } from 'zod';
import { text } from './common.ts';

export const inputFile = z.object({ name: text(), sha256: text(), bytes: z.number() });

export const snapshotSummary = z.object({
  id: text(),
  editionId: text(),
  version: z.number(),
  year: z.number(),
  status: z.enum(['running', 'ready', 'failed']),
  progress: z.object({ stage: text(), rowsRead: z.number(), elapsedMs: z.number(), message: text().optional() }).nullable(),
  inputFiles: z.array(inputFile),
  problems: z.array(text()).nullable(),
  createdAt: text(),
  finishedAt: text().nullable(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummary>;

export const regionFigures = z.object({
  code: text(),
  name: text(),
  provinceCode: text(),
  active: z.number(),
  activePu: z.number(),
  activeBpu: z.number(),
  activeJakon: z.number(),
  activePmi: z.number(),
  activePrev: z.number(),
  growthPct: z.number().nullable(),
  coveragePct: z.number().nullable(),
  bpuCoveragePct: z.number().nullable(),
  govFunded: z.number(),
  employersActive: z.number(),
  workingPopulation: z.number().nullable(),
});
export type RegionFigures = z.infer<typeof regionFigures>;

/** The national figure, recomputed from the provinces' sums. */
export const nationalFigures = z.object({
  active: z.number(),
  activePrev: z.number(),
  workingPopulation: z.number().nullable(),
  coveragePct: z.number().nullable(),
  growthPct: z.number().nullable(),
  govFunded: z.number(),
  activeBpu: z.number(),
});

export const coverageDashboard = z.object({
  snapshot: snapshotSummary.nullable(),
  targetPct: z.number().nullable(),
  national: nationalFigures.nullable(),
  provinces: z.array(regionFigures),
  regencies: z.array(regionFigures),
});
export type CoverageDashboard = z.infer<typeof coverageDashboard>;

export const candidateFigure = z.object({
  key: text(),
  unit: z.enum(['pct', 'count']),
  labelId: text(),
  labelEn: text(),
  value: z.number().nullable(),
  source: z.enum(['coverage', 'dispute', 'verification']).nullable(),
  snapshotVersion: z.number().nullable(),
  note: text().nullable(),
});

export const dispute = z.object({
  id: text(),
  candidateId: text(),
  candidateName: text(),
  provinceCode: text(),
  key: text(),
  /** The figure's name, in Indonesian and in English. */
  labelId: text(),
  labelEn: text(),
  disputedValue: z.number().nullable(),
  claimedValue: z.number().nullable(),
  reason: text(),
  evidence: text().nullable(),
  status: z.enum(['open', 'accepted', 'rejected']),
  correctedValue: z.number().nullable(),
  decisionNote: text().nullable(),
  createdAt: text(),
  decidedAt: text().nullable(),
});
export type Dispute = z.infer<typeof dispute>;

export const candidateFigures = z.object({
  candidate: z.object({ id: text(), name: text(), kind: z.enum(['pemda', 'badan-usaha']), provinceCode: text() }),
  snapshot: snapshotSummary.nullable(),
  figures: z.array(candidateFigure),
  disputes: z.array(dispute),
});
export type CandidateFigures = z.infer<typeof candidateFigures>;

export const disputeInput = z.object({
  key: text().min(1).max(60),
  claimedValue: z.number().finite().nullable(),
  reason: text().trim().min(10, 'explain in at least 10 characters').max(2000),
  evidence: text().trim().max(500).nullable(),
});
export type DisputeInput = z.infer<typeof disputeInput>;

export const disputeDecision = z
  .object({
    status: z.enum(['accepted', 'rejected']),
    correctedValue: z.number().finite().nullable(),
    note: text().trim().min(3).max(2000),
  })
  .refine((d) => d.status === 'rejected' || d.correctedValue != null, {
    path: ['correctedValue'],
    message: 'an accepted dispute needs the corrected value',
  });
export type DisputeDecision = z.infer<typeof disputeDecision>;

const weight = z.number().min(0).max(100);
/** How the screen scores the shortlist of an edition (the defaults are in the README, under `paritrana screen`). */
export const screeningSettings = z
  .object({
    topN: z.number().int().min(1).max(1000),
    regency: z.object({ coverage: weight, bpuCoverage: weight, growth: weight }).strict(),
    employer: z.object({ programComplete: weight, onTime: weight, declaredCoverage: weight, wageCompliance: weight }).strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.regency.coverage + s.regency.bpuCoverage + s.regency.growth <= 0) ctx.addIssue({ code: 'custom', path: ['regency'], message: 'at least one weight above 0' });
    const e = s.employer;
    if (e.programComplete + e.onTime + e.declaredCoverage + e.wageCompliance <= 0) ctx.addIssue({ code: 'custom', path: ['employer'], message: 'at least one weight above 0' });
  });
export type ScreeningSettings = z.infer<typeof screeningSettings>;
export const screeningSettingsView = z.object({
  settings: screeningSettings,
  /** True while the edition uses the defaults. */
  isDefault: z.boolean(),
  /** Whether the edition's status still lets them change (not once published). */
  editable: z.boolean(),
});
export type ScreeningSettingsView = z.infer<typeof screeningSettingsView>;

export const shortlistQuery = z.object({
  province: text().regex(/^\d{2}$/),
  category: text().min(1).max(40),
});

export const shortlistEntry = z.object({
  rank: z.number(),
  candidateKey: text(),
  name: text(),
  score: z.number(),
  nominatedCandidateId: text().nullable(),
});
export const shortlist = z.object({
  snapshot: snapshotSummary.nullable(),
  categoryExists: z.boolean(),
  entries: z.array(shortlistEntry),
});
export type Shortlist = z.infer<typeof shortlist>;

export const nominateInput = z.object({
  province: text().regex(/^\d{2}$/),
  category: text().min(1).max(40),
  keys: z.array(text().min(1).max(20)).min(1).max(100),
});
export const nominateResult = z.object({ created: z.number(), alreadyNominated: z.number() });
