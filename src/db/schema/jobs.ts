import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { JobFailureReason } from '../../shared/contracts/jobs.ts';
import { editions } from './editions.ts';
import { users } from './users.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export type JobProgress = { done: number; total: number; message: string | null };

/**
 * Long work that runs off the request path (imports): every app server runs a
 * job runner that claims queued jobs with `for update skip locked`, holds
 * them by a lease it renews (heartbeat), and takes over a job only when its
 * holder's lease has expired (docs/jobs.md).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 40 }).notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    status: varchar('status', { length: 10 }).notNull().default('queued').$type<JobStatus>(),
    progress: jsonb('progress').notNull().default({ done: 0, total: 0, message: null }).$type<JobProgress>(),
    /** Times a runner has claimed the job (a takeover after a crash counts). */
    attempts: integer('attempts').notNull().default(0),
    /** The app server (instance id) holding the job, while it runs. */
    lockedBy: varchar('locked_by', { length: 80 }),
    /** The lease: another server may take the job over only after this. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    /** The named reason of a failure the app raises itself (contracts' jobFailureReason); null for any other. */
    errorReason: varchar('error_reason', { length: 40 }).$type<JobFailureReason>(),
    /** Who may read the job besides its creator: the admins of this edition and province. */
    editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 2 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_runnable_idx').on(t.status, t.createdAt)],
);

/**
 * Rows of a candidate import written batch by batch; nobody reads them but
 * the import, which publishes them to `candidates` in one short final
 * transaction (all or nothing) and deletes them.
 */
export const candidateImportRows = pgTable(
  'candidate_import_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    level: varchar('level', { length: 40 }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    kind: varchar('kind', { length: 12 }).notNull().$type<'pemda' | 'badan-usaha'>(),
    regencyCode: varchar('regency_code', { length: 5 }),
    /** A village candidate's Kemendagri village code. */
    villageCode: varchar('village_code', { length: 13 }),
    npp: varchar('npp', { length: 20 }),
    name: text('name').notNull(),
    sizeClass: varchar('size_class', { length: 10 }),
    sector: text('sector'),
    address: text('address'),
    contacts: jsonb('contacts').notNull().$type<{ name: string; position: string | null; phone: string | null; email: string | null }[]>(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);
