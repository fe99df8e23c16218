import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { provinces } from './regions.ts';

export const editions = pgTable('editions', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  status: varchar('status', { length: 12 })
    .notNull()
    .default('draft')
    .$type<'draft' | 'open' | 'assessing' | 'published' | 'archived'>(),
  minJurors: integer('min_jurors').notNull().default(5),
  /** National coverage target (%) for the assessment year, shown beside the national figure. */
  coverageTargetPct: numeric('coverage_target_pct', { precision: 6, scale: 2, mode: 'number' }),
  /** Screening score and shortlist size; null → the documented defaults. */
  screeningConfig: jsonb('screening_config'),
  copiedFrom: uuid('copied_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Timeline milestones of an edition (socialization … national ceremony). */
export const editionMilestones = pgTable(
  'edition_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 32 }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    place: text('place'),
  },
  (t) => [uniqueIndex('edition_milestones_kind_idx').on(t.editionId, t.kind)],
);

/**
 * Events held in a province: socialization (seed report from Bengkulu) and the
 * province's own award ceremony, which its certificates name.
 */
export const editionEvents = pgTable(
  'edition_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 2 })
      .notNull()
      .references(() => provinces.code),
    kind: varchar('kind', { length: 20 }).notNull().default('socialization').$type<'socialization' | 'provincial_ceremony'>(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    attendees: integer('attendees'),
    notes: text('notes'),
  },
  (t) => [index('edition_events_edition_idx').on(t.editionId, t.provinceCode)],
);

/** A category of an edition (e.g. Pemerintah Kabupaten/Kota) and how it runs. */
export const editionCategories = pgTable(
  'edition_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 40 }).notNull(),
    family: varchar('family', { length: 20 }).notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    levels: jsonb('levels').notNull().$type<string[]>(),
    awards: integer('awards').notNull().default(3),
    advance: integer('advance').notNull().default(1),
    /** Eligibility rules of the category (src/domain/candidates/eligibility.ts). */
    eligibility: jsonb('eligibility').notNull().default([]).$type<string[]>(),
    /**
     * How the category is scored: the edition's copy of an instrument and the
     * method (src/domain/panels/scoring-setup.ts); null → the default
     * instrument of the family and the default method.
     */
    scoring: jsonb('scoring'),
  },
  (t) => [uniqueIndex('edition_categories_code_idx').on(t.editionId, t.code)],
);

/** Levels of an edition: provinsi, optional zones grouping provinces, nasional. */
export const editionLevels = pgTable(
  'edition_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 40 }).notNull(),
    kind: varchar('kind', { length: 10 }).notNull().$type<'provinsi' | 'zona' | 'nasional'>(),
    name: text('name').notNull(),
    provinceCodes: jsonb('province_codes').notNull().$type<string[]>(),
  },
  (t) => [uniqueIndex('edition_levels_code_idx').on(t.editionId, t.code)],
);
