import { z } from 'zod';
import { nationalFigures, regionFigures } from './coverage.ts';

/**
 * Publication: what the public sees of a published result (frozen when it is
 * published), certificates and their verification, press releases, the
 * signatories of an edition, and the committee's view of a pool's publication.
 */

export const levelRef = z.object({ code: z.string(), kind: z.enum(['provinsi', 'zona', 'nasional']), name: z.string() });
export const areaRef = z.object({ code: z.string(), name: z.string() });
export const categoryRef = z.object({ code: z.string(), nameId: z.string(), nameEn: z.string() });
export const ceremony = z.object({ date: z.string(), place: z.string().nullable() });

export const publicStage = z.object({
  id: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  weight: z.number(),
  aspects: z.array(z.object({ id: z.string(), labelId: z.string(), labelEn: z.string(), weight: z.number() })),
});

/** A winner's key figures: confirmed data values and verified self-assessment entries. */
export const winnerFigures = z.object({
  coveragePct: z.number().nullable(),
  govFunded: z.number().nullable(),
  workers: z.number().nullable(),
  supplyChainPct: z.number().nullable(),
  peopleProtected: z.number().nullable(),
  budgetRupiah: z.number().nullable(),
  regulations: z.array(z.object({ type: z.string(), name: z.string(), number: z.string(), title: z.string(), date: z.string().nullable() })),
  programs: z.array(z.object({ segment: z.string(), people: z.number().nullable(), budgetRupiah: z.number().nullable(), fundingSource: z.string() })),
  programCodes: z.array(z.string()),
  csr: z.object({ workers: z.number().nullable(), budgetRupiah: z.number().nullable() }).nullable(),
});
export type WinnerFigures = z.infer<typeof winnerFigures>;

export const publicResultRow = z.object({
  /** The candidate's id in the scoring package: its Kemendagri code or NPP. */
  candidate: z.string(),
  name: z.string(),
  rank: z.number(),
  score: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  stages: z.record(z.string(), z.number()),
  aspects: z.record(z.string(), z.number()),
});

/** A published result as the public sees it; frozen when the committee publishes it. */
export const publicResult = z.object({
  poolId: z.string(),
  resultId: z.string(),
  version: z.number(),
  edition: z.object({ id: z.string(), label: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  level: levelRef,
  area: areaRef.nullable(),
  category: categoryRef,
  instrument: z.object({ id: z.string(), labelId: z.string(), labelEn: z.string() }),
  stages: z.array(publicStage),
  rows: z.array(publicResultRow),
  winners: z.array(
    z.object({
      candidate: z.string(),
      name: z.string(),
      kind: z.enum(['pemda', 'badan-usaha']),
      award: z.number(),
      figures: winnerFigures,
      certificateCode: z.string().nullable(),
    }),
  ),
  ceremony: ceremony.nullable(),
  /** SHA-256 of the scoring package: `paritrana score` on it prints these numbers. */
  packageSha256: z.string(),
  finalisedAt: z.string(),
  publishedAt: z.string(),
});
export type PublicResult = z.infer<typeof publicResult>;

export const publicResultSummary = z.object({
  poolId: z.string(),
  resultId: z.string(),
  level: levelRef,
  area: areaRef.nullable(),
  category: categoryRef,
  publishedAt: z.string(),
  winners: z.array(z.object({ award: z.number(), name: z.string(), score: z.number() })),
});
export type PublicResultSummary = z.infer<typeof publicResultSummary>;

export const publicEdition = z.object({
  id: z.string(),
  label: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** How many results of the edition are published. */
  results: z.number(),
  ceremonies: z.object({ provincial: ceremony.nullable(), national: ceremony.nullable() }),
});
export type PublicEdition = z.infer<typeof publicEdition>;

export const publicEditionDetail = publicEdition.extend({
  levels: z.array(levelRef),
  categories: z.array(categoryRef),
  published: z.array(publicResultSummary),
});
export type PublicEditionDetail = z.infer<typeof publicEditionDetail>;

export const publicResultsQuery = z.object({
  level: z.string().min(2).max(40).optional(),
  area: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  category: z.string().min(2).max(40).optional(),
});

export const publicCoverage = z.object({
  snapshot: z.object({ version: z.number(), year: z.number(), finishedAt: z.string().nullable() }).nullable(),
  targetPct: z.number().nullable(),
  national: nationalFigures.omit({ activePrev: true }).nullable(),
  provinces: z.array(regionFigures),
});
export type PublicCoverage = z.infer<typeof publicCoverage>;
export const publicRegencies = z.object({ province: areaRef, regencies: z.array(regionFigures) });
export type PublicRegencies = z.infer<typeof publicRegencies>;

/** What a certificate certifies; the server signs its canonical JSON. */
export const certificatePayload = z.object({
  format: z.literal('paritrana.certificate/v1'),
  code: z.string(),
  edition: z.object({ id: z.string(), label: z.string() }),
  level: levelRef,
  area: areaRef.nullable(),
  category: z.object({ code: z.string(), name: z.string() }),
  candidate: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  rank: z.number(),
  award: z.number(),
  score: z.number(),
  result: z.object({ id: z.string(), version: z.number(), packageSha256: z.string() }),
  ceremony: ceremony.nullable(),
  signatories: z.array(z.object({ name: z.string(), title: z.string() })),
  issuedAt: z.string(),
});
export type CertificatePayload = z.infer<typeof certificatePayload>;

export const certificateStatuses = ['valid', 'replaced', 'withdrawn', 'superseded', 'not-genuine'] as const;
export const certificateVerification = z.object({
  /** The code as read (canonical form when it could be read). */
  code: z.string(),
  /**
   * valid: genuine and its result is published; replaced: a corrected
   * certificate replaced it; withdrawn: the publication was withdrawn;
   * superseded: the result was reopened; not-genuine: see `reason`.
   */
  status: z.enum(certificateStatuses),
  reason: z.enum(['malformed', 'unknown', 'bad-signature']).nullable(),
  certificate: certificatePayload.nullable(),
  signature: z.object({ algorithm: z.literal('ed25519'), keyId: z.string(), value: z.string() }).nullable(),
  /** The public result page, while the certificate's result is the published one. */
  poolId: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof certificateVerification>;
export const signingKey = z.object({
  id: z.string(),
  algorithm: z.literal('ed25519'),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  /** null: this installation's own key; else the editions (imported with the key) whose certificates it may verify. */
  editions: z.array(z.string()).nullable(),
});

export const signatoryInput = z.object({
  level: z.string().trim().min(2).max(40),
  area: z.union([z.literal(''), z.string().regex(/^\d{2}$/)]),
  name: z.string().trim().min(2).max(200),
  title: z.string().trim().min(2).max(300),
  handsOver: z.boolean(),
});
export const signatoriesInput = z.object({ signatories: z.array(signatoryInput).max(100) });
export type SignatoryInput = z.infer<typeof signatoryInput>;
export const signatory = signatoryInput.extend({ id: z.string(), position: z.number() });
export type Signatory = z.infer<typeof signatory>;

export const withdrawInput = z.object({ reason: z.string().trim().min(10).max(2000) });

export const pressReleaseSummary = z.object({ id: z.string(), title: z.string(), version: z.number(), updatedAt: z.string() });

/** The committee's view of a pool's publication. */
export const publicationStatus = z.object({
  poolId: z.string(),
  editionId: z.string(),
  title: z.string(),
  result: z
    .object({
      id: z.string(),
      version: z.number(),
      packageSha256: z.string(),
      finalisedAt: z.string(),
      publishedAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      withdrawReason: z.string().nullable(),
    })
    .nullable(),
  /** What stops publication now: no-final-result, no-signatories, no-ceremony. */
  problems: z.array(z.enum(['no-final-result', 'no-signatories', 'no-ceremony'])),
  signatories: z.array(signatory),
  ceremony: ceremony.nullable(),
  winners: z.array(
    z.object({
      candidate: z.string(),
      candidateId: z.string(),
      name: z.string(),
      award: z.number(),
      certificate: z.object({ code: z.string(), issuedAt: z.string() }).nullable(),
      pressRelease: pressReleaseSummary.nullable(),
    }),
  ),
});
export type PublicationStatus = z.infer<typeof publicationStatus>;

export const draftSentence = z.object({ text: z.string(), facts: z.array(z.string()) });
export const pressRelease = z.object({
  id: z.string(),
  resultId: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  award: z.number(),
  title: z.string(),
  body: z.string(),
  version: z.number(),
  generatedAt: z.string(),
  updatedAt: z.string(),
  /** The generated draft, sentence by sentence with the facts each states. */
  draft: z.object({ title: z.string(), paragraphs: z.array(z.array(draftSentence)) }),
  /** The facts it was drafted from, as the committee reads them. */
  facts: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
});
export type PressRelease = z.infer<typeof pressRelease>;
export const pressReleaseGenerate = z.object({ candidateId: z.uuid() });
export const pressReleaseEdit = z.object({ title: z.string().trim().min(5).max(300), body: z.string().trim().min(20).max(20_000), version: z.number().int().min(1) });

export const exportDatasets = ['results', 'candidates', 'values', 'marks'] as const;
export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** Who exported and signed an edition archive: the installation's name and its key's fingerprint. */
export const archiveSigner = z.object({ installation: z.string(), fingerprint: z.string() });
export type ArchiveSigner = z.infer<typeof archiveSigner>;

/** What an archive holds and who signed it, shown to the national admin before importing it. */
export const archiveInspection = z.object({
  signer: archiveSigner,
  edition: z.object({ id: z.string(), label: z.string() }),
  exportedAt: z.string(),
  /** The edition is already in this installation (importing it would be refused). */
  alreadyHere: z.boolean(),
  tables: z.record(z.string(), z.number()),
  files: z.number(),
  users: z.number(),
  /** Pools not finalised when exported, whose marks, sheets and results the archive leaves out. */
  withheldPools: z.number(),
});
export type ArchiveInspection = z.infer<typeof archiveInspection>;
export const archiveImportQuery = z.object({
  /** The fingerprint of the archive's signer, as the inspection showed it: the admin's confirmation. */
  trust: z.string().trim().regex(/^[0-9a-f]{32}$/).optional(),
});

export const archiveImportResult = z.object({
  editionId: z.string(),
  label: z.string(),
  signer: archiveSigner,
  tables: z.record(z.string(), z.number()),
  files: z.number(),
  users: z.object({ created: z.number(), matched: z.number() }),
});
export type ArchiveImportResult = z.infer<typeof archiveImportResult>;
