import { z } from 'zod';
import { isoDate, text } from './common.ts';

/**
 * The self-assessment a candidate fills: registries of what it shows
 * (DOMAIN.md, "Candidates and what they show"), each entry linked to its
 * evidence files. Entries carry a client-made id so verification can refer
 * to each one.
 */
const entryId = text().min(1).max(40);
const evidenceIds = z.array(z.uuid()).max(20);
const boundedText = (max: number) => text().trim().max(max);

export const regulationTypes = ['perda', 'perkada', 'instruksi', 'surat-edaran', 'keputusan'] as const;
export const agreementTypes = ['mou', 'pks'] as const;
export const workerSegments = [
  'non-asn',
  'perangkat-desa',
  'rt-rw',
  'guru-ngaji',
  'penjaga-makam',
  'nelayan',
  'petani',
  'petani-tembakau',
  'pekerja-migran',
  'pelaku-umkm',
  'keluarga-miskin',
  'relawan',
  'lainnya',
] as const;
export const fundingSources = ['apbd', 'apbd-p', 'dbh-sawit', 'dbh-cht', 'alokasi-dana-desa', 'csr', 'lainnya'] as const;
export const programCodes = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

export const regulationEntry = z.object({
  id: entryId,
  type: z.enum(regulationTypes),
  number: boundedText(120),
  date: isoDate.nullable(),
  title: boundedText(500),
  evidenceIds,
});
export const agreementEntry = z.object({
  id: entryId,
  type: z.enum(agreementTypes),
  parties: boundedText(500),
  number: boundedText(120),
  date: isoDate.nullable(),
  evidenceIds,
});
export const programEntry = z.object({
  id: entryId,
  segment: z.enum(workerSegments),
  peopleProtected: z.number().int().min(0).max(100_000_000).nullable(),
  budgetRupiah: z.number().int().min(0).max(1e15).nullable(),
  fundingSource: z.enum(fundingSources),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  evidenceIds,
});

export const pemdaAnswers = z.object({
  kind: z.literal('pemda'),
  regulations: z.array(regulationEntry).max(100),
  agreements: z.array(agreementEntry).max(100),
  programs: z.array(programEntry).max(100),
  coverage: z.object({ note: boundedText(3000), evidenceIds }),
  innovation: z.object({ narrative: boundedText(8000), evidenceIds }),
});

export const companyAnswers = z.object({
  kind: z.literal('badan-usaha'),
  workers: z.number().int().min(0).max(10_000_000).nullable(),
  programs: z.array(z.enum(programCodes)).max(5),
  supplyChain: z.object({
    vendorsTotal: z.number().int().min(0).nullable(),
    vendorsProtected: z.number().int().min(0).nullable(),
    evidenceIds,
  }),
  csr: z.object({
    vulnerableWorkersProtected: z.number().int().min(0).nullable(),
    budgetRupiah: z.number().int().min(0).nullable(),
    evidenceIds,
  }),
  innovation: z.object({ narrative: boundedText(8000), evidenceIds }),
});

export const answers = z.discriminatedUnion('kind', [pemdaAnswers, companyAnswers]);
export type Answers = z.infer<typeof answers>;

export const eligibility = z.object({
  eligible: z.boolean(),
  failures: z.array(z.object({ rule: text(), reasonId: text(), reasonEn: text() })),
});

export const selfAssessment = z.object({
  candidateId: text(),
  status: z.enum(['draft', 'submitted', 'reopened']),
  version: z.number(),
  answers,
  deadline: text().nullable(),
  submittedAt: text().nullable(),
  updatedAt: text().nullable(),
  /** What is still missing before it can be submitted. */
  missing: z.array(text()),
  /** The category's eligibility rules; an ineligible candidate cannot submit. */
  eligibility: eligibility,
});
export type SelfAssessment = z.infer<typeof selfAssessment>;

export const saveSelfAssessment = z.object({ version: z.number().int().min(0), answers });
export const reopenInput = z.object({ reason: text().trim().min(5).max(1000) });
