import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { candidates } from './candidates.ts';
import { editions } from './editions.ts';
import { poolResults, pools } from './panels.ts';
import { users } from './users.ts';

/**
 * Who signs the certificates (*piagam*) of a level: e.g. the Coordinating
 * Minister and BPJS's President Director nationally, the Governor in a
 * province. `area` '' applies to every area of the level; a province's own
 * rows replace them for that province.
 */
export const signatories = pgTable(
  'signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    level: varchar('level', { length: 40 }).notNull(),
    area: varchar('area', { length: 2 }).notNull().default(''),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    /** Also hands the award over at the ceremony (named so in the press release). */
    handsOver: boolean('hands_over').notNull().default(false),
  },
  (t) => [index('signatories_edition_idx').on(t.editionId, t.level, t.area)],
);

/**
 * The server's Ed25519 key pairs that sign certificates. The key is made once
 * and kept here so that every app server signs with the same key; keys that
 * came with an imported edition have no private half and only verify.
 */
export const signingKeys = pgTable('signing_keys', {
  /** The first 16 bytes of the SHA-256 of the public key (DER), in hex. */
  id: varchar('id', { length: 32 }).primaryKey(),
  algorithm: varchar('algorithm', { length: 16 }).notNull().default('ed25519'),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The editions whose certificates a key that came with an imported edition
 * may verify. A key without its private half verifies nothing else, so an
 * archive cannot bring a key that vouches for another edition's certificates.
 */
export const signingKeyEditions = pgTable(
  'signing_key_editions',
  {
    keyId: varchar('key_id', { length: 32 })
      .notNull()
      .references(() => signingKeys.id),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.editionId] })],
);

/**
 * A winner's certificate: what it certifies (`payload`, canonical JSON) and
 * the server's signature over it. A corrected certificate replaces the
 * previous one, which then verifies as replaced.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 12 }).notNull().unique(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    resultId: uuid('result_id')
      .notNull()
      .references(() => poolResults.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    keyId: varchar('key_id', { length: 32 })
      .notNull()
      .references(() => signingKeys.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('certificates_current_idx').on(t.resultId, t.candidateId).where(sql`${t.replacedAt} is null`)],
);

/** The editable press release about a winner of a result version, with the facts it was drafted from. */
export const pressReleases = pgTable(
  'press_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => poolResults.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The facts and the generated draft (sentences with their facts) it started from. */
    facts: jsonb('facts').notNull(),
    draft: jsonb('draft').notNull(),
    /** Guards against lost updates: an edit names the version it changes. */
    version: integer('version').notNull().default(1),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('press_releases_winner_idx').on(t.resultId, t.candidateId)],
);

/**
 * How a pool's awards were actually handed over, as its committee recorded
 * it: a presenter who is not a signatory, a hand-over at another event (an
 * MoU signing), and per winner who received on its behalf.
 */
export const ceremonyHandovers = pgTable('ceremony_handovers', {
  poolId: uuid('pool_id')
    .primaryKey()
    .references(() => pools.id, { onDelete: 'cascade' }),
  presenterName: text('presenter_name'),
  presenterTitle: text('presenter_title'),
  occasion: text('occasion'),
  occasionDate: date('occasion_date', { mode: 'string' }),
  occasionPlace: text('occasion_place'),
  /** [{ candidateId, name, title, onBehalfOf }]: who received for a winner. */
  representatives: jsonb('representatives').notNull().default([]),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
