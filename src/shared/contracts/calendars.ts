import { z } from 'zod';
import { isoDate, text } from './common.ts';

/** A province's own dates; an empty one follows the national timeline. */
export const provinceCalendarInput = z.object({
  selfAssessmentDeadline: isoDate.nullable(),
  verificationStartsOn: isoDate.nullable(),
  verificationEndsOn: isoDate.nullable(),
  interviewStartsOn: isoDate.nullable(),
  interviewEndsOn: isoDate.nullable(),
  ceremonyOn: isoDate.nullable(),
});
export type ProvinceCalendarInput = z.infer<typeof provinceCalendarInput>;

export const provinceCalendar = provinceCalendarInput.extend({
  provinceCode: text(),
  provinceName: text(),
  updatedAt: text().nullable(),
  /** Whether the caller may change this province's dates. */
  canEdit: z.boolean(),
});
export type ProvinceCalendar = z.infer<typeof provinceCalendar>;

export const provinceCalendars = z.object({
  /** The national window every province's dates must fall in. */
  window: z.object({ opensOn: text(), closesOn: text() }),
  /** The national dates, in the same fields as a province's. */
  national: provinceCalendarInput,
  /** Every province that set dates of its own, and the caller's own provinces. */
  provinces: z.array(provinceCalendar),
});
export type ProvinceCalendars = z.infer<typeof provinceCalendars>;

/** The committee extends one candidate's self-assessment (or revision) deadline, with a reason. */
export const deadlineExtensionInput = z.object({
  until: isoDate,
  reason: text().trim().min(5).max(1000),
});
export type DeadlineExtensionInput = z.infer<typeof deadlineExtensionInput>;
