import { date, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { editions } from './editions.ts';
import { provinces } from './regions.ts';
import { candidates } from './candidates.ts';

/**
 * A province's own dates within the edition's national window
 * (docs/levels-and-calendars.md). A date left empty follows the national one.
 */
export const provinceCalendars = pgTable(
  'province_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 2 })
      .notNull()
      .references(() => provinces.code),
    selfAssessmentDeadline: date('self_assessment_deadline', { mode: 'string' }),
    verificationStartsOn: date('verification_starts_on', { mode: 'string' }),
    verificationEndsOn: date('verification_ends_on', { mode: 'string' }),
    interviewStartsOn: date('interview_starts_on', { mode: 'string' }),
    interviewEndsOn: date('interview_ends_on', { mode: 'string' }),
    ceremonyOn: date('ceremony_on', { mode: 'string' }),
    /** Who set the dates (the audit trail holds the full history; the demo seed is no user). */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('province_calendars_edition_province_idx').on(t.editionId, t.provinceCode)],
);

/** The committee's extension of one candidate's self-assessment deadline, with its reason. */
export const deadlineExtensions = pgTable('deadline_extensions', {
  candidateId: uuid('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  until: date('until', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  extendedBy: uuid('extended_by'),
  extendedAt: timestamp('extended_at', { withTimezone: true }).notNull().defaultNow(),
});
