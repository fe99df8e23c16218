import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.ts';
import { editionCategories, editions } from './editions.ts';

/**
 * A special award (*kategori khusus*, e.g. "Terbaik Inovasi"): a category of
 * family `khusus` whose entrants are candidacies of other categories
 * (docs/special-awards.md). Its pool, panel, marking, result and publication
 * are those of any category; this row says where its entrants come from.
 */
export const specialAwards = pgTable(
  'special_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    /** The award's own category (family `khusus`, one level): its name, level and number of winners. */
    categoryId: uuid('category_id')
      .notNull()
      .references(() => editionCategories.id, { onDelete: 'cascade' }),
    descriptionId: text('description_id').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Codes of the categories whose candidacies at the award's level may enter. */
    sourceCategoryCodes: jsonb('source_category_codes').notNull().$type<string[]>(),
    /**
     * How entrants are chosen: every verified candidacy of the source
     * categories, their finalists (Juara of a final result at the level), or
     * by hand by the committee.
     */
    entryRule: varchar('entry_rule', { length: 10 }).notNull().$type<'verified' | 'finalists' | 'manual'>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('special_awards_category_idx').on(t.categoryId), index('special_awards_edition_idx').on(t.editionId)],
);

/** A candidacy of a source category entered into a special award, by the rule or by hand. */
export const specialAwardEntries = pgTable(
  'special_award_entries',
  {
    awardId: uuid('award_id')
      .notNull()
      .references(() => specialAwards.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 4 }).notNull().$type<'rule' | 'hand'>(),
    /** Who entered it (the audit trail holds the history; the demo seed is no user). */
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.awardId, t.candidateId] }), index('special_award_entries_candidate_idx').on(t.candidateId)],
);
