import { z } from 'zod';
import { poolAbilityFlags } from './abilities.ts';
import { isoDate } from './common.ts';

/** A panel of jurors for a level and area, appointed by a decree (SK). */
export const panelInput = z.object({
  level: z.string().trim().min(2).max(40),
  /** The province code for the provincial level; '' for a zone or the nation. */
  area: z.union([z.literal(''), z.string().regex(/^\d{2}$/)]),
  name: z.string().trim().min(3).max(200),
  decreeNumber: z.string().trim().max(200).nullable(),
  decreeDate: isoDate.nullable(),
  /** Categories this panel judges; empty → every category of its level. */
  categoryCodes: z.array(z.string().min(2).max(40)).max(20),
});
export type PanelInput = z.infer<typeof panelInput>;

export const panelRole = z.enum(['chair', 'secretary', 'member']);

export const memberInput = z.object({
  userId: z.uuid(),
  unsur: z.string().min(2).max(40),
  role: panelRole,
  title: z.string().trim().max(200).nullable(),
});
export const membersInput = z.object({ members: z.array(memberInput).max(40) });
export type MembersInput = z.infer<typeof membersInput>;

export const panelMember = memberInput.extend({ name: z.string(), email: z.string() });
export type PanelMember = z.infer<typeof panelMember>;

export const panelDetail = panelInput.extend({
  id: z.string(),
  editionId: z.string(),
  members: z.array(panelMember),
});
export type PanelDetail = z.infer<typeof panelDetail>;

export const unsurOption = z.object({ code: z.string(), id: z.string(), en: z.string() });

export const tie = z.object({ kind: z.enum(['regency', 'employer']), code: z.string().trim().min(2).max(20), note: z.string().trim().max(200).nullable() });
export const jurorProfile = z.object({ institution: z.string().trim().max(200).nullable(), ties: z.array(tie).max(50) });
export type JurorProfile = z.infer<typeof jurorProfile>;

export const conflictView = z.object({
  id: z.string(),
  userId: z.string(),
  jurorName: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  source: z.enum(['declared', 'profile']),
  reason: z.string(),
  status: z.enum(['pending', 'confirmed', 'dismissed']),
  reviewNote: z.string().nullable(),
});
export type ConflictView = z.infer<typeof conflictView>;
export const conflictDeclaration = z.object({ candidateId: z.uuid(), reason: z.string().trim().min(5).max(1000) });
export const conflictReview = z
  .object({ status: z.enum(['confirmed', 'dismissed']), note: z.string().trim().max(1000).nullable() })
  .refine((r) => r.status !== 'dismissed' || (r.note != null && r.note.length >= 5), { path: ['note'], message: 'say why the conflict is dismissed' });

export const stageState = z.enum(['pending', 'open', 'closed']);
export const poolInput = z.object({ level: z.string().min(2).max(40), area: z.union([z.literal(''), z.string().regex(/^\d{2}$/)]), categoryId: z.uuid(), panelId: z.uuid() });

export const poolSummary = z.object({
  id: z.string(),
  editionId: z.string(),
  level: z.string(),
  area: z.string(),
  categoryId: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  panelId: z.string(),
  panelName: z.string(),
  status: z.enum(['setup', 'marking', 'finalised']),
  stages: z.array(z.object({ id: z.string(), state: stageState })),
  candidates: z.number(),
  /** The caller's part in this pool. */
  myRole: z.enum(['admin', 'chair', 'secretary', 'member', 'none']),
  /** What the caller may do with this pool. */
  abilities: poolAbilityFlags,
});
export type PoolSummary = z.infer<typeof poolSummary>;

export const poolCandidate = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  regencyCode: z.string().nullable(),
  npp: z.string().nullable(),
  /** Verified candidates make up the pool; the others are listed with their status. */
  inPool: z.boolean(),
});

export const slotInput = z.object({
  heldOn: isoDate,
  startsAt: z.string().regex(/^\d{2}:\d{2}$/, 'time must be HH:MM'),
  endsAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'time must be HH:MM')
    .nullable(),
  place: z.string().trim().max(300).nullable(),
  onlineUrl: z.url().max(500).nullable(),
});
export type SlotInput = z.infer<typeof slotInput>;
export const interviewSlot = slotInput.extend({
  poolId: z.string(),
  candidateId: z.string(),
  attendance: z.string().nullable(),
  attendanceNote: z.string().nullable(),
});
export type InterviewSlot = z.infer<typeof interviewSlot>;
export const attendanceInput = z.object({ attendance: z.string().min(2).max(40), note: z.string().trim().max(300).nullable() });

export const progressCell = z.object({ userId: z.string(), candidateId: z.string(), stageId: z.string(), marked: z.number(), total: z.number(), submitted: z.boolean() });

export const poolDetail = poolSummary.extend({
  minJurors: z.number(),
  assignmentMode: z.enum(['all', 'auto', 'manual']),
  panel: panelDetail,
  candidatesList: z.array(poolCandidate),
  conflicts: z.array(conflictView),
  assignments: z.array(z.object({ userId: z.string(), candidateId: z.string() })),
  shortfalls: z.array(z.object({ candidateId: z.string(), jurors: z.number() })),
  slots: z.array(interviewSlot),
  /** Options of the attendance indicator (e.g. kepala-daerah, wakil), when the instrument has one. */
  attendanceOptions: z.array(z.string()),
  progress: z.array(progressCell),
  currentResult: z.object({ id: z.string(), version: z.number(), packageSha256: z.string(), finalisedAt: z.string(), publishedAt: z.string().nullable() }).nullable(),
});
export type PoolDetail = z.infer<typeof poolDetail>;

export const assignmentInput = z.object({
  mode: z.enum(['all', 'auto', 'manual']),
  /** The pairs, for `manual` only. */
  pairs: z.array(z.object({ userId: z.uuid(), candidateId: z.uuid() })).max(20_000).optional(),
});
export const openStageInput = z.object({ acknowledgeShortfall: z.boolean().default(false) });

/** One rubric indicator as a juror sees it on the sheet. */
export const sheetIndicator = z.object({
  id: z.string(),
  aspectId: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  min: z.number(),
  max: z.number(),
  levels: z.array(z.object({ id: z.string(), en: z.string() })),
});
export const ownMark = z.object({ indicatorId: z.string(), value: z.number().nullable(), comment: z.string().nullable(), seq: z.number() });

export const markingSheet = z.object({
  poolId: z.string(),
  candidate: z.object({ id: z.string(), name: z.string(), regencyCode: z.string().nullable(), npp: z.string().nullable(), sizeClass: z.string().nullable(), sector: z.string().nullable() }),
  stages: z.array(
    z.object({
      id: z.string(),
      labelId: z.string(),
      labelEn: z.string(),
      state: stageState,
      submitted: z.boolean(),
      indicators: z.array(sheetIndicator),
    }),
  ),
  marks: z.array(ownMark),
  /** Confirmed data values with their source. */
  values: z.array(z.object({ key: z.string(), labelId: z.string(), labelEn: z.string(), value: z.union([z.number(), z.string()]).nullable(), source: z.string().nullable() })),
  evidence: z.array(z.object({ id: z.string(), originalName: z.string(), type: z.string(), bytes: z.number() })),
  slot: interviewSlot.nullable(),
});
export type MarkingSheet = z.infer<typeof markingSheet>;

export const markWrite = z.object({
  candidateId: z.uuid(),
  indicatorId: z.string().min(1).max(60),
  value: z.number().int().nullable(),
  comment: z.string().trim().max(2000).nullable(),
  /** The client's counter for this field; a write not above the stored one changes nothing. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export const markBatch = z.object({ marks: z.array(markWrite).min(1).max(200) });
export type MarkWrite = z.infer<typeof markWrite>;
export const markBatchResult = z.object({
  results: z.array(z.object({ candidateId: z.string(), indicatorId: z.string(), seq: z.number(), applied: z.boolean() })),
});
export const submitSheetInput = z.object({ stage: z.string().min(1).max(60) });

export const myPool = z.object({
  pool: poolSummary,
  candidates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** assigned: the juror marks it; conflict: a conflict keeps the juror away; other: not assigned. */
      access: z.enum(['assigned', 'conflict', 'other']),
      sheets: z.array(z.object({ stageId: z.string(), marked: z.number(), total: z.number(), submitted: z.boolean() })),
      slot: interviewSlot.nullable(),
    }),
  ),
});
export type MyPool = z.infer<typeof myPool>;

export const moderationReport = z.object({
  stage: z.string(),
  jurors: z.array(z.object({ juror: z.string(), name: z.string(), marks: z.number(), mean: z.number(), spread: z.number(), deviation: z.number().nullable(), flagged: z.boolean() })),
  agreement: z.array(z.object({ indicator: z.string(), kendallW: z.number().nullable(), jurors: z.number(), candidates: z.number() })),
  marks: z.array(z.object({ userId: z.string(), candidateId: z.string(), indicatorId: z.string(), value: z.number(), comment: z.string().nullable() })),
  outlierThreshold: z.number(),
});
export type ModerationReport = z.infer<typeof moderationReport>;

export const resultRow = z.object({
  candidate: z.string(),
  name: z.string(),
  rank: z.number(),
  score: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  stages: z.record(z.string(), z.number()),
  aspects: z.record(z.string(), z.number()),
  flags: z.array(z.string()),
});
export const poolResultView = z.object({
  id: z.string().nullable(),
  version: z.number().nullable(),
  status: z.enum(['preview', 'final', 'superseded']),
  packageSha256: z.string(),
  finalisedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rows: z.array(resultRow),
});
export type PoolResultView = z.infer<typeof poolResultView>;
export const resultReopenInput = z.object({ reason: z.string().trim().min(10).max(2000), stage: z.string().min(1).max(60).nullable() });

const label = z.object({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const dataScale = z.union([
  z.object({ type: z.literal('linear'), floor: z.number(), target: z.number() }),
  z.object({ type: z.literal('bands'), bands: z.array(z.object({ min: z.number(), score: z.number().min(0).max(100) })).min(1).max(20), else: z.number().min(0).max(100) }),
  z.object({ type: z.literal('choice'), options: z.record(z.string(), z.number().min(0).max(100)) }),
  z.object({ type: z.literal('check') }),
  z.object({ type: z.literal('relative') }),
]);
const instrumentIndicator = z.discriminatedUnion('source', [
  z.object({ id: z.string().min(1).max(60), label, weight: z.number().min(0), source: z.literal('data'), origin: z.enum(['coverage', 'verified', 'interview']), key: z.string().min(1).max(60), scale: dataScale }),
  z.object({
    id: z.string().min(1).max(60),
    label,
    weight: z.number().min(0),
    source: z.literal('rubric'),
    scale: z.object({ type: z.literal('rubric'), min: z.number().int(), max: z.number().int() }),
    levels: z.array(label).min(2).max(10),
  }),
]);
/** An edition's copy of an instrument (src/domain/instruments/types.ts). */
export const instrumentShape = z.object({
  id: z.string().min(1).max(60),
  family: z.enum(['pemda', 'badan-usaha', 'ukm']),
  version: z.number().int().min(1),
  label,
  categories: z.array(z.string()),
  basis: label,
  stages: z
    .array(
      z.object({
        id: z.string().min(1).max(60),
        label,
        weight: z.number().min(0),
        aspects: z.array(z.object({ id: z.string().min(1).max(60), label, weight: z.number().min(0), indicators: z.array(instrumentIndicator).min(1).max(40) })).min(1).max(20),
      }),
    )
    .min(1)
    .max(5),
});
export const categoryScoring = z.object({
  instrument: instrumentShape,
  jurorAggregate: z.enum(['mean', 'median', 'trimmed-mean']),
  decimals: z.number().int().min(0).max(6),
  minScore: z.number().min(0).max(100),
  tieBreak: z.array(z.string().min(1).max(60)).max(10),
  /** True while the category uses the default instrument unchanged. */
  isDefault: z.boolean(),
});
export type CategoryScoringView = z.infer<typeof categoryScoring>;
export const categoryScoringInput = categoryScoring.omit({ isDefault: true });
