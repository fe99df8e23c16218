import { z } from 'zod';
import { isoDate, nonEmptyPatch, text } from './common.ts';
import { editionAbilityFlags } from './abilities.ts';

export const editionStatuses = ['draft', 'open', 'assessing', 'published', 'archived'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

export const milestoneKinds = [
  'socialization',
  'registration',
  'verification',
  'provincial_interview',
  'provincial_ceremony',
  'national_verification',
  'national_interview',
  'national_ceremony',
] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export const categoryFamilies = ['pemda', 'badan-usaha', 'ukm', 'pelayanan-publik', 'desa'] as const;
export const levelKinds = ['provinsi', 'zona', 'nasional'] as const;

export const editionInput = z
  .object({
    label: text().trim().min(3).max(120),
    periodStart: isoDate,
    periodEnd: isoDate,
    minJurors: z.number().int().min(1).max(50).optional(),
  })
  .refine((v) => v.periodStart <= v.periodEnd, { path: ['periodEnd'], message: 'period ends before it starts' });
export type EditionInput = z.infer<typeof editionInput>;

export const editionPatch = nonEmptyPatch(
  z.object({
    label: text().trim().min(3).max(120).optional(),
    coverageTargetPct: z.number().min(0).max(100).nullable().optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    minJurors: z.number().int().min(1).max(50).optional(),
  }),
).refine((v) => !(v.periodStart && v.periodEnd) || v.periodStart <= v.periodEnd, {
    path: ['periodEnd'],
    message: 'period ends before it starts',
  });
export type EditionPatch = z.infer<typeof editionPatch>;

export const editionCopyInput = z.object({
  label: text().trim().min(3).max(120),
  periodStart: isoDate,
  periodEnd: isoDate,
});
export type EditionCopyInput = z.infer<typeof editionCopyInput>;

export const statusChange = z.object({ status: z.enum(editionStatuses) });

export const milestone = z
  .object({
    kind: z.enum(milestoneKinds),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    place: text().trim().max(200).nullable(),
  })
  .refine((m) => m.endsOn == null || m.startsOn <= m.endsOn, { path: ['endsOn'], message: 'ends before it starts' });
export type Milestone = z.infer<typeof milestone>;
export const timelineInput = z.object({ milestones: z.array(milestone).max(milestoneKinds.length) });

export const eventKinds = ['socialization', 'provincial_ceremony'] as const;
export const eventInput = z.object({
  /** A socialization event, or the province's own award ceremony (at most one per province). */
  kind: z.enum(eventKinds).default('socialization'),
  provinceCode: text().regex(/^\d{2}$/),
  heldOn: isoDate,
  place: text().trim().min(2).max(200),
  attendees: z.number().int().min(0).max(1_000_000).nullable(),
  notes: text().trim().max(2000).nullable(),
});
export type EventInput = z.infer<typeof eventInput>;
export const editionEvent = eventInput.extend({ id: text(), editionId: text() });
export type EditionEvent = z.infer<typeof editionEvent>;

export const categoryInput = z.object({
  code: text()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes'),
  family: z.enum(categoryFamilies),
  nameId: text().trim().min(2).max(120),
  nameEn: text().trim().min(2).max(120),
  levels: z.array(text().trim().min(1)).min(1),
  awards: z.number().int().min(1).max(10),
  advance: z.number().int().min(0).max(10),
  eligibility: z.array(z.enum(['active-participant', 'no-arrears', 'has-regulation', 'has-coverage-data'])).default([]),
});
export type CategoryInput = z.infer<typeof categoryInput>;
/** `khusus`: a special award's own category, defined through the special awards (docs/special-awards.md), never as a plain category. */
export const specialFamily = 'khusus' as const;
export const category = categoryInput.extend({ id: text(), editionId: text(), family: z.enum([...categoryFamilies, specialFamily]) });
export type Category = z.infer<typeof category>;

export const levelInput = z.object({
  code: text()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes'),
  kind: z.enum(levelKinds),
  name: text().trim().min(2).max(120),
  provinceCodes: z.array(text().regex(/^\d{2}$/)),
});
export type LevelInput = z.infer<typeof levelInput>;
export const level = levelInput.extend({ id: text(), editionId: text() });
export type Level = z.infer<typeof level>;

export const editionPhaseKinds = ['draft', 'registration-soon', 'registration-open', 'registration-closed', 'assessing', 'published', 'archived'] as const;
export type EditionPhaseKind = (typeof editionPhaseKinds)[number];

export const editionSummary = z.object({
  id: text(),
  label: text(),
  periodStart: text(),
  periodEnd: text(),
  status: z.enum(editionStatuses),
  minJurors: z.number(),
  coverageTargetPct: z.number().nullable(),
  copiedFrom: text().nullable(),
  categoryCount: z.number(),
  updatedAt: text(),
  /** Where the edition stands today (WIB): registration soon/open/closed, assessing until…, published. */
  phase: z.object({ kind: z.enum(editionPhaseKinds), date: text().nullable() }),
});
export type EditionSummary = z.infer<typeof editionSummary>;

export const editionDetail = editionSummary.extend({
  categories: z.array(category),
  levels: z.array(level),
  milestones: z.array(milestone),
  events: z.array(editionEvent),
  /** What the edition's status allows to change now. */
  allowed: z.object({
    editGeneral: z.boolean(),
    editPeriod: z.boolean(),
    editStructure: z.boolean(),
    editTimeline: z.boolean(),
    nextStatus: z.enum(editionStatuses).nullable(),
  }),
  /** What the signed-in actor may do with this edition (`allowed` says what its status permits). */
  abilities: editionAbilityFlags,
});
export type EditionDetail = z.infer<typeof editionDetail>;
