import { bigint, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { editions } from './editions.ts';
import { candidates } from './candidates.ts';
import { users } from './users.ts';

export type InputFile = { name: string; sha256: string; bytes: number };
export type SnapshotProgress = { stage: string; rowsRead: number; elapsedMs: number; message?: string };

/**
 * One run of the coverage screen (docs/coverage-data.md) for an edition:
 * versioned per edition, with the SHA-256 of every input file.
 */
export const coverageSnapshots = pgTable(
  'coverage_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    year: integer('year').notNull(),
    status: varchar('status', { length: 10 }).notNull().$type<'running' | 'ready' | 'failed'>(),
    progress: jsonb('progress').$type<SnapshotProgress>(),
    inputFiles: jsonb('input_files').notNull().$type<InputFile[]>(),
    problems: jsonb('problems').$type<string[]>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('coverage_snapshots_version_idx').on(t.editionId, t.version)],
);

const pct = (name: string) => numeric(name, { precision: 12, scale: 4, mode: 'number' });
const count = (name: string) => bigint(name, { mode: 'number' });

/** Indicators of a region (regency/city or province) in a snapshot. */
export const coverageRegions = pgTable(
  'coverage_regions',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => coverageSnapshots.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 5 }).notNull(),
    isProvince: boolean('is_province').notNull(),
    active: count('active').notNull(),
    activePu: count('active_pu').notNull(),
    activeBpu: count('active_bpu').notNull(),
    activeJakon: count('active_jakon').notNull(),
    activePmi: count('active_pmi').notNull(),
    activePrev: count('active_prev').notNull(),
    growthPct: pct('growth_pct'),
    coveragePct: pct('coverage_pct'),
    bpuCoveragePct: pct('bpu_coverage_pct'),
    govFunded: count('gov_funded').notNull(),
    employersActive: count('employers_active').notNull(),
    /** From the workforce input (BPS) of the year; null when it has no row. */
    workingPopulation: count('working_population'),
    informalWorkers: count('informal_workers'),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.code] })],
);

/** Indicators of an employer (by NPP) in a snapshot. */
export const coverageEmployers = pgTable(
  'coverage_employers',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => coverageSnapshots.id, { onDelete: 'cascade' }),
    npp: varchar('npp', { length: 20 }).notNull(),
    name: text('name').notNull(),
    regencyCode: varchar('regency_code', { length: 5 }).notNull(),
    size: varchar('size', { length: 10 }).notNull(),
    workers: count('workers').notNull(),
    workersPrev: count('workers_prev').notNull(),
    growthPct: pct('growth_pct'),
    declaredCoveragePct: pct('declared_coverage_pct'),
    programCompletePct: pct('program_complete_pct'),
    belowMinWagePct: pct('below_min_wage_pct'),
    monthsDue: integer('months_due').notNull(),
    monthsInArrears: integer('months_in_arrears').notNull(),
    onTimePct: pct('on_time_pct'),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.npp] })],
);

/** The screen's shortlist: top candidates per province and category. */
export const coverageShortlist = pgTable(
  'coverage_shortlist',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => coverageSnapshots.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    category: varchar('category', { length: 40 }).notNull(),
    rank: integer('rank').notNull(),
    candidateKey: varchar('candidate_key', { length: 20 }).notNull(),
    name: text('name').notNull(),
    score: pct('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.provinceCode, t.category, t.candidateKey] })],
);

/**
 * The data values of a candidate that feed the data indicators of its
 * scoring package, each with where it came from.
 */
export const candidateValues = pgTable(
  'candidate_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    key: varchar('key', { length: 60 }).notNull(),
    valueNum: numeric('value_num', { precision: 20, scale: 4, mode: 'number' }),
    valueText: text('value_text'),
    source: varchar('source', { length: 20 }).notNull().$type<'coverage' | 'dispute' | 'verification'>(),
    snapshotId: uuid('snapshot_id').references(() => coverageSnapshots.id, { onDelete: 'set null' }),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidate_values_key_idx').on(t.candidateId, t.key)],
);

/** A candidate's dispute of one of its figures, decided by a verifier. */
export const valueDisputes = pgTable(
  'value_disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    key: varchar('key', { length: 60 }).notNull(),
    disputedValue: numeric('disputed_value', { precision: 20, scale: 4, mode: 'number' }),
    claimedValue: numeric('claimed_value', { precision: 20, scale: 4, mode: 'number' }),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    status: varchar('status', { length: 10 }).notNull().default('open').$type<'open' | 'accepted' | 'rejected'>(),
    correctedValue: numeric('corrected_value', { precision: 20, scale: 4, mode: 'number' }),
    decisionNote: text('decision_note'),
    raisedBy: uuid('raised_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('value_disputes_candidate_idx').on(t.candidateId)],
);
