import { z } from 'zod';
import { isoDate, text } from './common.ts';
import { nationalFigures, regionFigures } from './coverage.ts';

/**
 * Publication: what the public sees of a published result (frozen when it is
 * published), certificates and their verification, press releases, the
 * signatories of an edition, and the committee's view of a pool's publication.
 */

export const levelRef = z.object({ code: text(), kind: z.enum(['provinsi', 'zona', 'nasional']), name: text() });
export const areaRef = z.object({ code: text(), name: text() });
/** A category, or a special award (`special`; results published before special awards existed carry no flag). */
export const categoryRef = z.object({ code: text(), nameId: text(), nameEn: text(), special: z.boolean().optional() });
export const ceremony = z.object({ date: text(), place: text().nullable() });
/** The ceremony that will be printed and where it was recorded: the province's own event, or the edition's (national) milestone. */
export const ceremonyPreview = ceremony.extend({ source: z.enum(['province', 'edition']) });

const optionalText = (max: number) => text().trim().max(max).nullable();
/** Who received the award on a winner's behalf: "Sekda hadir mewakili Bupati". */
export const handoverRepresentative = z.object({
  candidateId: z.uuid(),
  name: text().trim().min(1).max(200),
  title: text().trim().min(1).max(200),
  /** Whom they stood in for, e.g. "Bupati Lombok Timur". */
  onBehalfOf: optionalText(200),
});
/** How a pool's awards were actually handed over (all parts optional). */
export const handoverInput = z
  .object({
    presenter: z.object({ name: text().trim().min(1).max(200), title: text().trim().min(1).max(200) }).nullable(),
    /** A hand-over at another event, e.g. an MoU signing, instead of the ceremony. */
    occasion: z.object({ name: text().trim().min(1).max(300), date: isoDate, place: optionalText(300) }).nullable(),
    representatives: z.array(handoverRepresentative).max(200),
  })
  .strict();
export type HandoverInput = z.infer<typeof handoverInput>;
export const handover = handoverInput.extend({ updatedAt: text().nullable() });
export type Handover = z.infer<typeof handover>;

export const publicStage = z.object({
  id: text(),
  labelId: text(),
  labelEn: text(),
  weight: z.number(),
  aspects: z.array(z.object({ id: text(), labelId: text(), labelEn: text(), weight: z.number() })),
});

/** A winner's key figures: confirmed data values and verified self-assessment entries. */
export const winnerFigures = z.object({
  coveragePct: z.number().nullable(),
  govFunded: z.number().nullable(),
  workers: z.number().nullable(),
  supplyChainPct: z.number().nullable(),
  peopleProtected: z.number().nullable(),
  budgetRupiah: z.number().nullable(),
  regulations: z.array(z.object({ type: text(), name: text(), number: text(), title: text(), date: text().nullable() })),
  programs: z.array(z.object({ segment: text(), people: z.number().nullable(), budgetRupiah: z.number().nullable(), fundingSource: text() })),
  programCodes: z.array(text()),
  csr: z.object({ workers: z.number().nullable(), budgetRupiah: z.number().nullable() }).nullable(),
});
export type WinnerFigures = z.infer<typeof winnerFigures>;

export const publicResultRow = z.object({
  /** The candidate's id in the scoring package: its Kemendagri code or NPP. */
  candidate: text(),
  name: text(),
  rank: z.number(),
  score: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  stages: z.record(text(), z.number()),
  aspects: z.record(text(), z.number()),
});

/** A published result as the public sees it; frozen when the committee publishes it. */
export const publicResult = z.object({
  poolId: text(),
  resultId: text(),
  version: z.number(),
  edition: z.object({ id: text(), label: text(), periodStart: text(), periodEnd: text() }),
  level: levelRef,
  area: areaRef.nullable(),
  category: categoryRef,
  instrument: z.object({ id: text(), labelId: text(), labelEn: text() }),
  stages: z.array(publicStage),
  rows: z.array(publicResultRow),
  winners: z.array(
    z.object({
      candidate: text(),
      name: text(),
      kind: z.enum(['pemda', 'badan-usaha']),
      award: z.number(),
      figures: winnerFigures,
      certificateCode: text().nullable(),
    }),
  ),
  ceremony: ceremony.nullable(),
  /** SHA-256 of the scoring package: `paritrana score` on it prints these numbers. */
  packageSha256: text(),
  finalisedAt: text(),
  publishedAt: text(),
});
export type PublicResult = z.infer<typeof publicResult>;

export const publicResultSummary = z.object({
  poolId: text(),
  resultId: text(),
  level: levelRef,
  area: areaRef.nullable(),
  category: categoryRef,
  publishedAt: text(),
  winners: z.array(z.object({ award: z.number(), name: text(), score: z.number() })),
});
export type PublicResultSummary = z.infer<typeof publicResultSummary>;

export const publicEdition = z.object({
  id: text(),
  label: text(),
  periodStart: text(),
  periodEnd: text(),
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
  level: text().min(2).max(40).optional(),
  area: text()
    .regex(/^\d{2}$/)
    .optional(),
  category: text().min(2).max(40).optional(),
});

export const publicCoverage = z.object({
  snapshot: z.object({ version: z.number(), year: z.number(), finishedAt: text().nullable() }).nullable(),
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
  code: text(),
  edition: z.object({ id: text(), label: text() }),
  level: levelRef,
  area: areaRef.nullable(),
  category: z.object({ code: text(), name: text() }),
  candidate: z.object({ id: text(), name: text(), displayName: text() }),
  rank: z.number(),
  award: z.number(),
  score: z.number(),
  result: z.object({ id: text(), version: z.number(), packageSha256: text() }),
  ceremony: ceremony.nullable(),
  signatories: z.array(z.object({ name: text(), title: text() })),
  issuedAt: text(),
});
export type CertificatePayload = z.infer<typeof certificatePayload>;

export const certificateStatuses = ['valid', 'replaced', 'withdrawn', 'superseded', 'not-genuine'] as const;
export const certificateVerification = z.object({
  /** The code as read (canonical form when it could be read). */
  code: text(),
  /**
   * valid: genuine and its result is published; replaced: a corrected
   * certificate replaced it; withdrawn: the publication was withdrawn;
   * superseded: the result was reopened; not-genuine: see `reason`.
   */
  status: z.enum(certificateStatuses),
  reason: z.enum(['malformed', 'unknown', 'bad-signature']).nullable(),
  certificate: certificatePayload.nullable(),
  signature: z.object({ algorithm: z.literal('ed25519'), keyId: text(), value: text() }).nullable(),
  /** The public result page, while the certificate's result is the published one. */
  poolId: text().nullable(),
});
export type CertificateVerification = z.infer<typeof certificateVerification>;
export const signingKey = z.object({
  id: text(),
  algorithm: z.literal('ed25519'),
  publicKeyPem: text(),
  createdAt: text(),
  /** null: this installation's own key; else the editions (imported with the key) whose certificates it may verify. */
  editions: z.array(text()).nullable(),
});

export const signatoryInput = z.object({
  level: text().trim().min(2).max(40),
  area: z.union([z.literal(''), text().regex(/^\d{2}$/)]),
  name: text().trim().min(2).max(200),
  title: text().trim().min(2).max(300),
  handsOver: z.boolean(),
});
export const signatoriesInput = z.object({ signatories: z.array(signatoryInput).max(100) });
export type SignatoryInput = z.infer<typeof signatoryInput>;
export const signatory = signatoryInput.extend({ id: text(), position: z.number() });
export type Signatory = z.infer<typeof signatory>;

export const withdrawInput = z.object({ reason: text().trim().min(10).max(2000) });

export const pressReleaseSummary = z.object({ id: text(), title: text(), version: z.number(), updatedAt: text() });

/** The committee's view of a pool's publication. */
export const publicationStatus = z.object({
  poolId: text(),
  editionId: text(),
  title: text(),
  result: z
    .object({
      id: text(),
      version: z.number(),
      packageSha256: text(),
      finalisedAt: text(),
      publishedAt: text().nullable(),
      withdrawnAt: text().nullable(),
      withdrawReason: text().nullable(),
    })
    .nullable(),
  /** What stops publication now: no-final-result, no-signatories. */
  problems: z.array(z.enum(['no-final-result', 'no-signatories'])),
  /** What publishing would print less than expected: no-ceremony (no date or place on certificates and releases). */
  warnings: z.array(z.enum(['no-ceremony'])),
  signatories: z.array(signatory),
  /** The ceremony date and place certificates and releases will print; null when none is recorded. */
  ceremony: ceremonyPreview.nullable(),
  handover: handover,
  winners: z.array(
    z.object({
      candidate: text(),
      candidateId: text(),
      name: text(),
      award: z.number(),
      certificate: z.object({ code: text(), issuedAt: text() }).nullable(),
      pressRelease: pressReleaseSummary.nullable(),
    }),
  ),
});
export type PublicationStatus = z.infer<typeof publicationStatus>;

export const draftSentence = z.object({ text: text(), facts: z.array(text()) });
export const pressRelease = z.object({
  id: text(),
  resultId: text(),
  candidateId: text(),
  candidateName: text(),
  award: z.number(),
  title: text(),
  body: text(),
  version: z.number(),
  generatedAt: text(),
  updatedAt: text(),
  /** The generated draft, sentence by sentence with the facts each states. */
  draft: z.object({ title: text(), paragraphs: z.array(z.array(draftSentence)) }),
  /** The facts it was drafted from, as the committee reads them. */
  facts: z.array(z.object({ key: text(), label: text(), value: text() })),
});
export type PressRelease = z.infer<typeof pressRelease>;
export const pressReleaseGenerate = z.object({ candidateId: z.uuid() });
export const pressReleaseEdit = z.object({ title: text().trim().min(5).max(300), body: text().trim().min(20).max(20_000), version: z.number().int().min(1) });

export const exportDatasets = ['results', 'candidates', 'values', 'marks'] as const;
export const exportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** The language of headers and labels: Bahasa Indonesia unless English is asked for. */
  lang: z.enum(['id', 'en']).default('id'),
});

/** Who exported and signed an edition archive: the installation's name and its key's fingerprint. */
export const archiveSigner = z.object({ installation: text(), fingerprint: text() });
export type ArchiveSigner = z.infer<typeof archiveSigner>;

/** What an archive holds and who signed it, shown to the national admin before importing it. */
export const archiveInspection = z.object({
  signer: archiveSigner,
  edition: z.object({ id: text(), label: text() }),
  exportedAt: text(),
  /** The edition is already in this installation (importing it would be refused). */
  alreadyHere: z.boolean(),
  tables: z.record(text(), z.number()),
  files: z.number(),
  users: z.number(),
  /** Pools not finalised when exported, whose marks, sheets and results the archive leaves out. */
  withheldPools: z.number(),
});
export type ArchiveInspection = z.infer<typeof archiveInspection>;
export const archiveImportQuery = z.object({
  /** The fingerprint of the archive's signer, as the inspection showed it: the admin's confirmation. */
  trust: text().trim().regex(/^[0-9a-f]{32}$/).optional(),
});

export const archiveImportResult = z.object({
  editionId: text(),
  label: text(),
  signer: archiveSigner,
  tables: z.record(text(), z.number()),
  files: z.number(),
  users: z.object({ created: z.number(), matched: z.number() }),
});
export type ArchiveImportResult = z.infer<typeof archiveImportResult>;
