import { z } from 'zod';
import { clockTime, isoDate, text, webUrl } from './common.ts';
import { poolAbilityFlags } from './abilities.ts';

/** A panel of jurors for a level and area, appointed by a decree (SK). */
export const panelInput = z.object({
  level: text().trim().min(2).max(40),
  /** The province code for the provincial level; '' for a zone or the nation. */
  area: z.union([z.literal(''), text().regex(/^\d{2}$/)]),
  name: text().trim().min(3).max(200),
  decreeNumber: text().trim().max(200).nullable(),
  decreeDate: isoDate.nullable(),
  /** Categories this panel judges; empty → every category of its level. */
  categoryCodes: z.array(text().min(2).max(40)).max(20),
});
export type PanelInput = z.infer<typeof panelInput>;

export const panelRole = z.enum(['chair', 'secretary', 'member']);

export const memberInput = z.object({
  userId: z.uuid(),
  unsur: text().min(2).max(40),
  role: panelRole,
  title: text().trim().max(200).nullable(),
});
export const membersInput = z.object({ members: z.array(memberInput).max(40) });
export type MembersInput = z.infer<typeof membersInput>;

export const panelMember = memberInput.extend({ name: text(), email: text() });
export type PanelMember = z.infer<typeof panelMember>;

export const panelDetail = panelInput.extend({
  id: text(),
  editionId: text(),
  members: z.array(panelMember),
});
export type PanelDetail = z.infer<typeof panelDetail>;

export const unsurOption = z.object({ code: text(), id: text(), en: text() });
export type UnsurOption = z.infer<typeof unsurOption>;
/** An active juror a panel may seat. */
export const seatableJuror = z.object({ id: text(), name: text(), email: text(), institution: text().nullable() });
export type SeatableJuror = z.infer<typeof seatableJuror>;

export const tie = z.object({ kind: z.enum(['regency', 'employer']), code: text().trim().min(2).max(20), note: text().trim().max(200).nullable() });
export const jurorProfile = z.object({ institution: text().trim().max(200).nullable(), ties: z.array(tie).max(50) });
export type JurorProfile = z.infer<typeof jurorProfile>;

export const conflictView = z.object({
  id: text(),
  userId: text(),
  jurorName: text(),
  candidateId: text(),
  candidateName: text(),
  source: z.enum(['declared', 'profile']),
  reason: text(),
  status: z.enum(['pending', 'confirmed', 'dismissed']),
  reviewNote: text().nullable(),
});
export type ConflictView = z.infer<typeof conflictView>;
export const conflictDeclaration = z.object({ candidateId: z.uuid(), reason: text().trim().min(5).max(1000) });
export const conflictReview = z
  .object({ status: z.enum(['confirmed', 'dismissed']), note: text().trim().max(1000).nullable() })
  .refine((r) => r.status !== 'dismissed' || (r.note != null && r.note.length >= 5), { path: ['note'], message: 'say why the conflict is dismissed' });

export const stageState = z.enum(['pending', 'open', 'closed']);
export const poolInput = z.object({ level: text().min(2).max(40), area: z.union([z.literal(''), text().regex(/^\d{2}$/)]), categoryId: z.uuid(), panelId: z.uuid() });

export const poolSummary = z.object({
  id: text(),
  editionId: text(),
  level: text(),
  area: text(),
  categoryId: text(),
  categoryCode: text(),
  categoryName: text(),
  panelId: text(),
  panelName: text(),
  status: z.enum(['setup', 'marking', 'finalised']),
  /** Where its result stands for the public: not final; final, not announced; announced; announcement withdrawn. */
  publication: z.enum(['notFinal', 'final', 'published', 'withdrawn']),
  stages: z.array(z.object({ id: text(), state: stageState })),
  candidates: z.number(),
  /** The caller's part in this pool. */
  myRole: z.enum(['admin', 'chair', 'secretary', 'member', 'none']),
  /** What the caller may do with this pool. */
  abilities: poolAbilityFlags,
});
export type PoolSummary = z.infer<typeof poolSummary>;

export const poolCandidate = z.object({
  id: text(),
  name: text(),
  status: text(),
  regencyCode: text().nullable(),
  npp: text().nullable(),
  /** Verified candidates make up the pool; the others are listed with their status. */
  inPool: z.boolean(),
});

export const slotInput = z.object({
  heldOn: isoDate,
  startsAt: clockTime,
  endsAt: clockTime.nullable(),
  place: text().trim().max(300).nullable(),
  onlineUrl: webUrl.max(500).nullable(),
});
export type SlotInput = z.infer<typeof slotInput>;
export const interviewSlot = slotInput.extend({
  poolId: text(),
  candidateId: text(),
  attendance: text().nullable(),
  attendanceNote: text().nullable(),
});
export type InterviewSlot = z.infer<typeof interviewSlot>;
export const attendanceInput = z.object({ attendance: text().min(2).max(40), note: text().trim().max(300).nullable() });

export const progressCell = z.object({ userId: text(), candidateId: text(), stageId: text(), marked: z.number(), total: z.number(), submitted: z.boolean() });

export const poolDetail = poolSummary.extend({
  minJurors: z.number(),
  assignmentMode: z.enum(['all', 'auto', 'manual']),
  panel: panelDetail,
  candidatesList: z.array(poolCandidate),
  conflicts: z.array(conflictView),
  assignments: z.array(z.object({ userId: text(), candidateId: text() })),
  shortfalls: z.array(z.object({ candidateId: text(), jurors: z.number() })),
  slots: z.array(interviewSlot),
  /** Options of the attendance indicator (e.g. kepala-daerah, wakil), when the instrument has one. */
  attendanceOptions: z.array(text()),
  progress: z.array(progressCell),
  currentResult: z.object({ id: text(), version: z.number(), packageSha256: text(), finalisedAt: text(), publishedAt: text().nullable() }).nullable(),
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
  id: text(),
  aspectId: text(),
  labelId: text(),
  labelEn: text(),
  min: z.number(),
  max: z.number(),
  levels: z.array(z.object({ id: text(), en: text() })),
});
export const ownMark = z.object({ indicatorId: text(), value: z.number().nullable(), comment: text().nullable(), seq: z.number() });

export const markingSheet = z.object({
  poolId: text(),
  candidate: z.object({ id: text(), name: text(), regencyCode: text().nullable(), npp: text().nullable(), sizeClass: text().nullable(), sector: text().nullable() }),
  stages: z.array(
    z.object({
      id: text(),
      labelId: text(),
      labelEn: text(),
      state: stageState,
      submitted: z.boolean(),
      indicators: z.array(sheetIndicator),
    }),
  ),
  marks: z.array(ownMark),
  /** Confirmed data values with their source. */
  values: z.array(z.object({ key: text(), labelId: text(), labelEn: text(), value: z.union([z.number(), text()]).nullable(), source: text().nullable() })),
  evidence: z.array(z.object({ id: text(), originalName: text(), type: text(), bytes: z.number() })),
  slot: interviewSlot.nullable(),
});
export type MarkingSheet = z.infer<typeof markingSheet>;

export const markWrite = z.object({
  candidateId: z.uuid(),
  indicatorId: text().min(1).max(60),
  value: z.number().int().nullable(),
  comment: text().trim().max(2000).nullable(),
  /** The client's counter for this field; a write not above the stored one changes nothing. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export const markBatch = z.object({ marks: z.array(markWrite).min(1).max(200) });
export type MarkWrite = z.infer<typeof markWrite>;
/** Why the server refused one write of a batch; the other writes are answered on their own. */
export const markRefusalReason = z.enum(['edition-locked', 'marking-closed', 'not-on-panel', 'conflict', 'not-assigned', 'stage-not-open', 'sheet-submitted', 'out-of-range']);
export type MarkRefusalReason = z.infer<typeof markRefusalReason>;
export const markWriteResult = z.object({
  candidateId: text(),
  indicatorId: text(),
  seq: z.number(),
  /** Stored now; false for a write already stored or older than the stored one, and for a refused write. */
  applied: z.boolean(),
  /** Set when the server refused this write for good: sending it again changes nothing. */
  refused: z.object({ reason: markRefusalReason, message: text() }).nullable(),
});
export type MarkWriteResult = z.infer<typeof markWriteResult>;
export const markBatchResult = z.object({ results: z.array(markWriteResult) });
export type MarkBatchResult = z.infer<typeof markBatchResult>;
export const submitSheetInput = z.object({ stage: text().min(1).max(60) });

export const myPool = z.object({
  pool: poolSummary,
  candidates: z.array(
    z.object({
      id: text(),
      name: text(),
      /** assigned: the juror marks it; conflict: a conflict keeps the juror away; other: not assigned. */
      access: z.enum(['assigned', 'conflict', 'other']),
      sheets: z.array(z.object({ stageId: text(), marked: z.number(), total: z.number(), submitted: z.boolean() })),
      slot: interviewSlot.nullable(),
    }),
  ),
});
export type MyPool = z.infer<typeof myPool>;

export const moderationReport = z.object({
  stage: text(),
  jurors: z.array(z.object({ juror: text(), name: text(), marks: z.number(), mean: z.number(), spread: z.number(), deviation: z.number().nullable(), flagged: z.boolean() })),
  agreement: z.array(z.object({ indicator: text(), labelId: text(), labelEn: text(), kendallW: z.number().nullable(), jurors: z.number(), candidates: z.number() })),
  marks: z.array(z.object({ userId: text(), candidateId: text(), indicatorId: text(), value: z.number(), comment: text().nullable() })),
  outlierThreshold: z.number(),
});
export type ModerationReport = z.infer<typeof moderationReport>;

export const resultRow = z.object({
  candidate: text(),
  name: text(),
  rank: z.number(),
  score: z.number(),
  award: z.number().nullable(),
  advances: z.boolean(),
  stages: z.record(text(), z.number()),
  aspects: z.record(text(), z.number()),
  flags: z.array(text()),
});
export const poolResultView = z.object({
  id: text().nullable(),
  version: z.number().nullable(),
  status: z.enum(['preview', 'final', 'superseded']),
  packageSha256: text(),
  finalisedAt: text().nullable(),
  reopenReason: text().nullable(),
  publishedAt: text().nullable(),
  rows: z.array(resultRow),
});
export type PoolResultView = z.infer<typeof poolResultView>;
export const resultReopenInput = z.object({ reason: text().trim().min(10).max(2000), stage: text().min(1).max(60).nullable() });

const label = z.object({ id: text().trim().min(1).max(300), en: text().trim().min(1).max(300) });
const dataScale = z.union([
  z.object({ type: z.literal('linear'), floor: z.number(), target: z.number() }),
  z.object({ type: z.literal('bands'), bands: z.array(z.object({ min: z.number(), score: z.number().min(0).max(100) })).min(1).max(20), else: z.number().min(0).max(100) }),
  z.object({ type: z.literal('choice'), options: z.record(text(), z.number().min(0).max(100)) }),
  z.object({ type: z.literal('check') }),
  z.object({ type: z.literal('relative') }),
]);
const instrumentIndicator = z.discriminatedUnion('source', [
  z.object({ id: text().min(1).max(60), label, weight: z.number().min(0), source: z.literal('data'), origin: z.enum(['coverage', 'verified', 'interview']), key: text().min(1).max(60), scale: dataScale }),
  z.object({
    id: text().min(1).max(60),
    label,
    weight: z.number().min(0),
    source: z.literal('rubric'),
    scale: z.object({ type: z.literal('rubric'), min: z.number().int(), max: z.number().int() }),
    levels: z.array(label).min(2).max(10),
  }),
]);
/** An edition's copy of an instrument (src/domain/instruments/types.ts). */
export const instrumentShape = z.object({
  id: text().min(1).max(60),
  family: z.enum(['pemda', 'badan-usaha', 'ukm', 'pelayanan-publik', 'desa', 'khusus']),
  version: z.number().int().min(1),
  label,
  categories: z.array(text()),
  basis: label,
  stages: z
    .array(
      z.object({
        id: text().min(1).max(60),
        label,
        weight: z.number().min(0),
        aspects: z.array(z.object({ id: text().min(1).max(60), label, weight: z.number().min(0), indicators: z.array(instrumentIndicator).min(1).max(40) })).min(1).max(20),
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
  tieBreak: z.array(text().min(1).max(60)).max(10),
  /** True while the category uses the default instrument unchanged. */
  isDefault: z.boolean(),
});
export type CategoryScoringView = z.infer<typeof categoryScoring>;
export const categoryScoringInput = categoryScoring.omit({ isDefault: true });
