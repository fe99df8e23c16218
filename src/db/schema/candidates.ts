import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { editions, editionCategories } from './editions.ts';
import { provinces, regencies } from './regions.ts';

/**
 * A candidate of an edition in one category, province and level: a regional
 * government (by Kemendagri code) or an employer (by NPP).
 */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => editionCategories.id),
    level: varchar('level', { length: 40 }).notNull().default('provinsi'),
    provinceCode: varchar('province_code', { length: 2 })
      .notNull()
      .references(() => provinces.code),
    kind: varchar('kind', { length: 12 }).notNull().$type<'pemda' | 'badan-usaha'>(),
    /** The regency/city government's code; empty for a provincial government, a village (its code holds its regency) and employers. */
    regencyCode: varchar('regency_code', { length: 5 }).references(() => regencies.code),
    /** A village's Kemendagri code (`52.03.01.2001`, from `idn-area-data`); a village is identified by it. */
    villageCode: varchar('village_code', { length: 13 }),
    npp: varchar('npp', { length: 20 }),
    name: text('name').notNull(),
    sizeClass: varchar('size_class', { length: 10 }),
    sector: text('sector'),
    address: text('address'),
    /**
     * nominated → accepted | declined → verified; registered (self-registration
     * awaiting approval) → nominated | rejected.
     */
    status: varchar('status', { length: 20 }).notNull().default('nominated'),
    contacts: jsonb('contacts').notNull().default([]).$type<{ name: string; position: string | null; phone: string | null; email: string | null }[]>(),
    /** Why the nomination was declined, or the self-registration rejected. */
    responseNote: text('response_note'),
    /** The candidacy at the level below whose result sent this one here. */
    advancedFrom: uuid('advanced_from'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('candidates_edition_idx').on(t.editionId, t.provinceCode),
    // A self-registration reserves its regency or NPP only once approved: one awaiting the
    // committee (registered) or rejected does not keep the province from nominating it.
    uniqueIndex('candidates_regency_idx')
      .on(t.editionId, t.categoryId, t.level, t.regencyCode)
      .where(sql`${t.regencyCode} is not null and ${t.villageCode} is null and ${t.status} not in ('rejected', 'registered')`),
    // Several villages of one regency may compete: a village is one by its own code.
    uniqueIndex('candidates_village_idx')
      .on(t.editionId, t.categoryId, t.level, t.villageCode)
      .where(sql`${t.villageCode} is not null and ${t.status} not in ('rejected', 'registered')`),
    // A provincial government: a regional government with neither regency nor village, once per province.
    uniqueIndex('candidates_province_government_idx')
      .on(t.editionId, t.categoryId, t.level, t.provinceCode)
      .where(sql`${t.kind} = 'pemda' and ${t.regencyCode} is null and ${t.villageCode} is null and ${t.status} not in ('rejected', 'registered')`),
    uniqueIndex('candidates_npp_idx')
      .on(t.editionId, t.categoryId, t.level, t.npp)
      .where(sql`${t.npp} is not null and ${t.status} not in ('rejected', 'registered')`),
  ],
);

/**
 * A self-registration whose applicant has not yet confirmed the e-mail
 * address: it is no candidate (the committee does not see it) until the
 * single-use link sent to that address is opened; then it becomes a
 * `registered` candidate. Unconfirmed requests expire.
 */
export const registrationRequests = pgTable(
  'registration_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 2 })
      .notNull()
      .references(() => provinces.code),
    email: varchar('email', { length: 254 }).notNull(),
    /** The application as sent (the registration form's fields). */
    details: jsonb('details').notNull(),
    /** SHA-256 (hex) of the link's token: the token itself is only in the e-mail. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The candidate the confirmed request became. */
    candidateId: uuid('candidate_id').references(() => candidates.id, { onDelete: 'set null' }),
  },
  (t) => [index('registration_requests_pending_idx').on(t.editionId, t.provinceCode, t.expiresAt)],
);
