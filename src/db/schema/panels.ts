import { bigint, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, time, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.ts';
import { editionCategories, editions } from './editions.ts';
import { users } from './users.ts';

/**
 * A panel of jurors (tim penilai; a province's "tim sembilan") appointed by a
 * decree for one level and area: a province, a zone or the nation. It judges
 * the pools of the categories it lists (all of its level's when empty).
 */
export const panels = pgTable(
  'panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    /** A level code of the edition (`provinsi`, a zone's code, `nasional`). */
    level: varchar('level', { length: 40 }).notNull(),
    /** The province code for the provincial level; '' for a zone or the nation. */
    area: varchar('area', { length: 2 }).notNull().default(''),
    name: text('name').notNull(),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    categoryCodes: jsonb('category_codes').notNull().default([]).$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panels_edition_idx').on(t.editionId, t.level, t.area)],
);

/** A juror's seat on a panel, with the element (*unsur*) they represent. */
export const panelMembers = pgTable(
  'panel_members',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    unsur: varchar('unsur', { length: 40 }).notNull(),
    role: varchar('role', { length: 10 }).notNull().default('member').$type<'chair' | 'secretary' | 'member'>(),
    title: text('title'),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.userId] })],
);

/** Who a juror is tied to (their institution, a regional government, an employer). */
export const jurorProfiles = pgTable('juror_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  institution: text('institution'),
  /** Regency/city codes (`52.03`) and employer NPPs the juror is tied to. */
  ties: jsonb('ties').notNull().default([]).$type<{ kind: 'regency' | 'employer'; code: string; note: string | null }[]>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A conflict of interest between a juror and a candidate: declared by the
 * juror or found from the ties of their profile. Unless the admin dismisses
 * it, the juror can neither see nor mark the candidate.
 */
export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 10 }).notNull().$type<'declared' | 'profile'>(),
    reason: text('reason').notNull(),
    status: varchar('status', { length: 10 }).notNull().default('pending').$type<'pending' | 'confirmed' | 'dismissed'>(),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conflicts_pair_idx').on(t.userId, t.candidateId, t.source)],
);

/**
 * One pool: the candidates of an edition, level, area and category, judged by
 * one panel. `stages` holds the state of each stage of the instrument.
 */
export const pools = pgTable(
  'pools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    level: varchar('level', { length: 40 }).notNull(),
    area: varchar('area', { length: 2 }).notNull().default(''),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => editionCategories.id),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id),
    assignmentMode: varchar('assignment_mode', { length: 8 }).notNull().default('all').$type<'all' | 'auto' | 'manual'>(),
    stages: jsonb('stages').notNull().default({}).$type<Record<string, 'pending' | 'open' | 'closed'>>(),
    status: varchar('status', { length: 10 }).notNull().default('setup').$type<'setup' | 'marking' | 'finalised'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pools_key_idx').on(t.editionId, t.level, t.area, t.categoryId)],
);

/** Which juror marks which candidate of a pool. */
export const assignments = pgTable(
  'assignments',
  {
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.userId, t.candidateId] }), index('assignments_user_idx').on(t.userId)],
);

/**
 * One juror's mark of one rubric indicator of one candidate. Writes are
 * idempotent: `seq` is the client's counter for the field, and a write with a
 * `seq` not above the stored one changes nothing (a resent or stale write).
 */
export const marks = pgTable(
  'marks',
  {
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    indicatorId: varchar('indicator_id', { length: 60 }).notNull(),
    value: smallint('value'),
    comment: text('comment'),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.userId, t.candidateId, t.indicatorId] })],
);

/** A juror's sheet for one candidate and stage, locked once submitted. */
export const markSheets = pgTable(
  'mark_sheets',
  {
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    stageId: varchar('stage_id', { length: 60 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.userId, t.candidateId, t.stageId] })],
);

/** A candidate's interview: when and where, and who attended for it. */
export const interviewSlots = pgTable(
  'interview_slots',
  {
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at'),
    place: text('place'),
    onlineUrl: text('online_url'),
    /** An option of the attendance indicator (e.g. `kepala-daerah`, `wakil`); null until recorded. */
    attendance: varchar('attendance', { length: 40 }),
    attendanceNote: text('attendance_note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.candidateId] })],
);

/**
 * A finalised result of a pool, frozen: the scoring package it was computed
 * from, the package's SHA-256, and the engine's output. A reopening with a
 * reason marks it superseded; the next finalisation is a new version.
 */
export const poolResults = pgTable(
  'pool_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('final').$type<'final' | 'superseded'>(),
    package: jsonb('package').notNull(),
    packageSha256: varchar('package_sha256', { length: 64 }).notNull(),
    result: jsonb('result').notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }).notNull().defaultNow(),
    reopenReason: text('reopen_reason'),
    reopenedBy: uuid('reopened_by').references(() => users.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    /** Set when the committee publishes this version; cleared when it withdraws the publication. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    /**
     * What the public sees of this version, frozen when it is published: the
     * ranking with stage and aspect scores and labels, and the winners' key
     * figures (src/shared/contracts/publication.ts, `PublicResult`).
     */
    publication: jsonb('publication'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [uniqueIndex('pool_results_version_idx').on(t.poolId, t.version)],
);
