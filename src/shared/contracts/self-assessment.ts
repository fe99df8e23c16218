import { z } from 'zod';
import { isoDate, isStorableText, text } from './common.ts';

/**
 * The self-assessment a candidate fills: registries of what it shows
 * (DOMAIN.md, "Candidates and what they show"), each entry linked to its
 * evidence files. Entries carry a client-made id so verification can refer
 * to each one.
 */
const entryId = text().min(1).max(40);
const evidenceIds = z.array(z.uuid()).max(20);
/**
 * Links to official sources (a JDIH page of a Perda, a regional news page):
 * https only, shown as links the verifier opens. Absent in answers saved
 * before links existed, so they default to none.
 */
export const officialLink = z.url({ protocol: /^https$/, message: 'must be an https:// link' }).max(500).refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');
const links = z.array(officialLink).max(10).default([]);
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
  'jasa-konstruksi',
  'tenaga-pendidik-swasta',
  'tenaga-kerja-koperasi',
  'pekerja-keagamaan',
  'ojek-online',
  'penyelenggara-pemilu',
  'kader',
  'satuan-keamanan-desa',
  'lainnya',
] as const;
export const fundingSources = ['apbd', 'apbd-p', 'dbh-sawit', 'dbh-cht', 'dana-desa', 'alokasi-dana-desa', 'csr', 'lainnya'] as const;
/** Whether a program's members are wage earners (PU, penerima upah) or not (BPU, bukan penerima upah). */
export const memberships = ['pu', 'bpu'] as const;
/** The programs a regional government pays contributions for. */
export const paidPrograms = ['JKK', 'JKM', 'JHT'] as const;
/** Running, budgeted for the coming year, or still being budgeted ("dalam proses penganggaran"). */
export const programStatuses = ['berjalan', 'dianggarkan', 'proses-penganggaran'] as const;
/** The parties an agreement is made with, from a list so that they can be counted. */
export const agreementParties = [
  'bpjs-ketenagakerjaan',
  'disnaker',
  'dpmptsp',
  'dinas-pmd',
  'bappeda',
  'bpkad',
  'dinas-pu',
  'dinas-pendidikan',
  'kemenag',
  'pemerintah-desa',
  'badan-usaha',
  'lainnya',
] as const;
/** What a region does to make employers comply and workers enrol. */
export const enforcementTypes = ['syarat-perizinan', 'syarat-kontrak-konstruksi', 'sanksi', 'sosialisasi', 'layanan-pendaftaran', 'lainnya'] as const;
const percent = z.number().min(0).max(1000).nullable().default(null);
export const programCodes = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

/**
 * An entry brought forward from the organisation's candidacy in an earlier
 * edition: set by the server when it carries the entry forward, kept while
 * the entry stays, shown to the verifier. Absent (null) on entries written
 * in this edition.
 */
export const carriedForward = z.object({
  candidateId: z.uuid(),
  editionId: z.uuid(),
  editionLabel: text().max(200),
  entryId: entryId,
});
export type CarriedForward = z.infer<typeof carriedForward>;

export const regulationEntry = z.object({
  id: entryId,
  type: z.enum(regulationTypes),
  number: boundedText(120),
  date: isoDate.nullable(),
  title: boundedText(500),
  /** The last day the regulation is in force; null while it has no end (most Perda and Perkada). */
  validUntil: isoDate.nullable().default(null),
  carriedForward: carriedForward.nullable().default(null),
  evidenceIds,
  links,
});
export const agreementEntry = z.object({
  id: entryId,
  type: z.enum(agreementTypes),
  parties: boundedText(500),
  partyList: z.array(z.enum(agreementParties)).max(agreementParties.length).default([]),
  number: boundedText(120),
  date: isoDate.nullable(),
  validFrom: isoDate.nullable().default(null),
  validUntil: isoDate.nullable().default(null),
  carriedForward: carriedForward.nullable().default(null),
  evidenceIds,
  links,
});
export const programEntry = z.object({
  id: entryId,
  segment: z.enum(workerSegments),
  peopleProtected: z.number().int().min(0).max(100_000_000).nullable(),
  budgetRupiah: z.number().int().min(0).max(1e15).nullable(),
  fundingSource: z.enum(fundingSources),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  /** Added with the second form; answers saved before hold none of these and take the defaults. */
  status: z.enum(programStatuses).default('berjalan'),
  membership: z.enum(memberships).nullable().default(null),
  governmentPaid: z.boolean().nullable().default(null),
  paidPrograms: z.array(z.enum(paidPrograms)).max(paidPrograms.length).default([]),
  peopleTargeted: z.number().int().min(0).max(100_000_000).nullable().default(null),
  budgetRealisedRupiah: z.number().int().min(0).max(1e15).nullable().default(null),
  evidenceIds,
  links,
});
export const enforcementEntry = z.object({
  id: entryId,
  type: z.enum(enforcementTypes),
  description: boundedText(2000),
  evidenceIds,
  links,
});

export const pemdaAnswers = z.object({
  kind: z.literal('pemda'),
  regulations: z.array(regulationEntry).max(100),
  agreements: z.array(agreementEntry).max(100),
  programs: z.array(programEntry).max(100),
  enforcement: z.array(enforcementEntry).max(100).default([]),
  coverage: z.object({
    note: boundedText(3000),
    /** The region's own coverage target and its achievement (percent of the working population), beside the national RPJMN target. */
    targetPct: percent,
    achievedPct: percent,
    nationalTargetPct: percent,
    evidenceIds,
    links,
  }),
  innovation: z.object({ narrative: boundedText(8000), evidenceIds, links }),
});

export const companyAnswers = z.object({
  kind: z.literal('badan-usaha'),
  workers: z.number().int().min(0).max(10_000_000).nullable(),
  programs: z.array(z.enum(programCodes)).max(5),
  supplyChain: z.object({
    vendorsTotal: z.number().int().min(0).nullable(),
    vendorsProtected: z.number().int().min(0).nullable(),
    evidenceIds,
    links,
  }),
  csr: z.object({
    vulnerableWorkersProtected: z.number().int().min(0).nullable(),
    budgetRupiah: z.number().int().min(0).nullable(),
    evidenceIds,
    links,
  }),
  innovation: z.object({ narrative: boundedText(8000), evidenceIds, links }),
});

export const answers = z.discriminatedUnion('kind', [pemdaAnswers, companyAnswers]);
export type Answers = z.infer<typeof answers>;
/** Answers as stored or sent, where fields added later may be absent. */
export type AnswersInput = z.input<typeof answers>;

export const eligibility = z.object({
  eligible: z.boolean(),
  failures: z.array(z.object({ rule: text(), reasonId: text(), reasonEn: text() })),
});

export const selfAssessment = z.object({
  candidateId: text(),
  status: z.enum(['draft', 'submitted', 'reopened']),
  version: z.number(),
  answers,
  /** The candidate's effective deadline: its extension, else its province's, else the national one. */
  deadline: text().nullable(),
  deadlineSource: z.enum(['extension', 'province', 'national']),
  /** The committee's extension of this candidate's deadline, with its reason. */
  extension: z.object({ until: text(), reason: text(), extendedAt: text() }).nullable(),
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
